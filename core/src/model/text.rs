//! The full-text layer: the section tree, its blocks, and inline marks.

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// A section of the full text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Stable id, unique within the version: ASCII letters, digits, `-` and `_`.
    pub id: String,
    /// Numbering label as written: `一、`, `(二)`, `1.`, `Part II`, `I.`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// Heading as written, without the label. Absent for an untitled preamble.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
}

/// A block of text inside a section.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph {
        text: String,
        /// Bold, emphasis and links over the plain text, where the source had them.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        marks: Vec<Mark>,
    },
    List {
        items: Vec<ListItem>,
    },
    /// The policy's own table of contents: it repeats headings that follow, so it is kept as
    /// text but never becomes sections.
    Contents {
        items: Vec<ListItem>,
    },
    Table {
        /// Whether the first row is a header row.
        #[serde(default)]
        header: bool,
        /// How the source lays the table out, so that the text layer reproduces it.
        #[serde(default)]
        layout: TableLayout,
        rows: Vec<Vec<String>>,
    },
}

/// One item of a list, with its marker as written (`(1)`, `•`, `-`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct ListItem {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub text: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub marks: Vec<Mark>,
}

/// An inline mark over a range of a block's plain text. Offsets count characters (Unicode
/// scalar values), not bytes, so every range is on a character boundary.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Mark {
    pub kind: MarkKind,
    /// First character of the range.
    pub start: usize,
    /// One past the last character of the range; `start < end <= text length`.
    pub end: usize,
    /// The link target, for `link` marks only: `http`, `https`, `mailto` or `tel`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub href: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    Strong,
    Emphasis,
    Link,
}

/// The source layout of a table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
pub enum TableLayout {
    /// Markdown pipe table.
    #[default]
    Pipe,
    /// One cell per line, row after row (as flattened web tables come out).
    Lines,
    /// Cells separated by tabs.
    Tabs,
}

/// Joins a numbering label and the text after it the way sources write them: a space after a
/// Latin label (`I.`, `1.`, `Part II`), nothing after a CJK one (`一、`, `（1）`).
fn join_label(label: &str, text: &str) -> String {
    let mut out = String::with_capacity(label.len() + 1 + text.len());
    push_labelled(&mut out, label, text);
    out
}

/// Appends a label and its text to `out`, joined as [`join_label`] joins them.
fn push_labelled(out: &mut String, label: &str, text: &str) {
    let needs_space = label
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ')' | ':' | '#'));
    out.push_str(label);
    if needs_space && !text.is_empty() {
        out.push(' ');
    }
    out.push_str(text);
}

/// Appends the parts to `out` with `sep` between them, as `join` would.
fn push_joined<S: AsRef<str>>(out: &mut String, parts: impl IntoIterator<Item = S>, sep: &str) {
    for (i, p) in parts.into_iter().enumerate() {
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(p.as_ref());
    }
}

impl Section {
    /// The heading line as written: label and heading.
    pub fn title(&self) -> String {
        match (&self.label, &self.heading) {
            (Some(l), Some(h)) => join_label(l, h),
            (Some(l), None) => l.clone(),
            (None, Some(h)) => h.clone(),
            (None, None) => String::new(),
        }
    }

    /// Appends [`Section::title`] to `out`, without building it.
    pub fn write_title(&self, out: &mut String) {
        match (&self.label, &self.heading) {
            (Some(l), Some(h)) => push_labelled(out, l, h),
            (Some(t), None) | (None, Some(t)) => out.push_str(t),
            (None, None) => {}
        }
    }

    /// Depth-first iterator over this section and its descendants.
    pub fn walk(&self) -> Vec<&Section> {
        let mut out = vec![self];
        for s in &self.sections {
            out.extend(s.walk());
        }
        out
    }
}

impl Block {
    /// The block's text lines, in order, as the text layer prints them.
    pub fn lines(&self) -> Vec<String> {
        match self {
            Block::Paragraph { text, .. } => vec![text.clone()],
            Block::List { items } | Block::Contents { items } => items
                .iter()
                .map(|i| match &i.label {
                    Some(l) => join_label(l, &i.text),
                    None => i.text.clone(),
                })
                .collect(),
            Block::Table {
                header,
                layout,
                rows,
            } => match layout {
                TableLayout::Lines => rows.iter().flatten().cloned().collect(),
                TableLayout::Tabs => rows.iter().map(|r| r.join("\t")).collect(),
                TableLayout::Pipe => {
                    let mut out = Vec::new();
                    for (i, r) in rows.iter().enumerate() {
                        out.push(format!("| {} |", r.join(" | ")));
                        if i == 0 && *header {
                            out.push(format!("|{}|", vec!["---"; r.len()].join("|")));
                        }
                    }
                    out
                }
            },
        }
    }

    /// The block's marks, one list per line of [`Block::lines`] (tables have none).
    pub fn marks(&self) -> impl Iterator<Item = &[Mark]> {
        let (paragraph, items): (Option<&[Mark]>, &[ListItem]) = match self {
            Block::Paragraph { marks, .. } => (Some(marks), &[]),
            Block::List { items } | Block::Contents { items } => (None, items),
            Block::Table { .. } => (None, &[]),
        };
        paragraph
            .into_iter()
            .chain(items.iter().map(|i| i.marks.as_slice()))
    }

    /// A paragraph of plain text without marks.
    pub fn paragraph(text: impl Into<String>) -> Block {
        Block::Paragraph {
            text: text.into(),
            marks: Vec::new(),
        }
    }

    /// Plain text of the block, lines joined by newlines.
    pub fn plain(&self) -> String {
        let mut out = String::new();
        self.write_plain(&mut out);
        out
    }

    /// Appends [`Block::plain`] to `out`: the lines of [`Block::lines`] joined by newlines,
    /// written in place instead of built one by one.
    pub fn write_plain(&self, out: &mut String) {
        let mut first = true;
        let mut line = |out: &mut String| {
            if !std::mem::take(&mut first) {
                out.push('\n');
            }
        };
        match self {
            Block::Paragraph { text, .. } => out.push_str(text),
            Block::List { items } | Block::Contents { items } => {
                for i in items {
                    line(out);
                    match &i.label {
                        Some(l) => push_labelled(out, l, &i.text),
                        None => out.push_str(&i.text),
                    }
                }
            }
            Block::Table {
                header,
                layout,
                rows,
            } => match layout {
                TableLayout::Lines => {
                    for cell in rows.iter().flatten() {
                        line(out);
                        out.push_str(cell);
                    }
                }
                TableLayout::Tabs => {
                    for r in rows {
                        line(out);
                        push_joined(out, r, "\t");
                    }
                }
                TableLayout::Pipe => {
                    for (i, r) in rows.iter().enumerate() {
                        line(out);
                        out.push_str("| ");
                        push_joined(out, r, " | ");
                        out.push_str(" |");
                        if i == 0 && *header {
                            line(out);
                            out.push('|');
                            push_joined(out, std::iter::repeat_n("---", r.len()), "|");
                            out.push('|');
                        }
                    }
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::join_label;

    #[test]
    fn label_joining_follows_script() {
        assert_eq!(join_label("一、", "总则"), "一、总则");
        assert_eq!(join_label("I.", "Scope"), "I. Scope");
        assert_eq!(join_label("(1)", "Name"), "(1) Name");
        assert_eq!(join_label("（1）", "姓名"), "（1）姓名");
        assert_eq!(join_label("1.", ""), "1.");
    }

    #[test]
    fn plain_and_title_are_written_as_the_lines_join() {
        use super::{Block, ListItem, Section, TableLayout};
        let item = |label: Option<&str>, text: &str| ListItem {
            label: label.map(Into::into),
            text: text.into(),
            marks: Vec::new(),
        };
        let rows = vec![
            vec!["数据".to_string(), "目的".into()],
            vec!["a".into(), String::new()],
            vec![],
        ];
        let mut blocks = vec![
            Block::paragraph("收集\n您的信息"),
            Block::paragraph(""),
            Block::List {
                items: vec![
                    item(Some("1."), "Name"),
                    item(Some("（2）"), "姓名"),
                    item(None, ""),
                    item(Some("a)"), ""),
                ],
            },
            Block::Contents { items: vec![] },
        ];
        for layout in [TableLayout::Pipe, TableLayout::Lines, TableLayout::Tabs] {
            for header in [true, false] {
                blocks.push(Block::Table {
                    header,
                    layout,
                    rows: rows.clone(),
                });
            }
        }
        for b in &blocks {
            let mut out = String::from("x");
            b.write_plain(&mut out);
            assert_eq!(out, format!("x{}", b.lines().join("\n")), "{b:?}");
            assert_eq!(b.plain(), b.lines().join("\n"));
        }
        for (label, heading) in [
            (None, None),
            (Some("一、"), Some("总则")),
            (Some("I."), None),
            (None, Some("Scope")),
            (Some("2"), Some("Use")),
        ] {
            let s = Section {
                id: "s".into(),
                label: label.map(Into::into),
                heading: heading.map(Into::into),
                blocks: Vec::new(),
                sections: Vec::new(),
            };
            let mut out = String::new();
            s.write_title(&mut out);
            assert_eq!(out, s.title());
        }
    }
}
