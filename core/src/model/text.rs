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

/// Appends a numbering label and the text after it to `out`, joined the way sources write
/// them: a space after a Latin label (`I.`, `1.`, `Part II`), nothing after a CJK one (`一、`,
/// `（1）`).
fn push_labelled(out: &mut String, label: &str, text: &str) {
    let needs_space = label.chars().last().is_some_and(|c| {
        c.is_ascii_alphanumeric()
            || matches!(
                c,
                '.' | ')' | ':' | '#' | '-' | '*' | '+' | '•' | '·' | '●' | '▪' | '◆' | '■'
            )
    });
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
        let mut out = String::new();
        self.write_title(&mut out);
        out
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
        let mut lines = Vec::new();
        let mut line = String::new();
        let mut started = false;
        self.write_lines(&mut line, |line| {
            if std::mem::replace(&mut started, true) {
                lines.push(std::mem::take(line));
            }
        });
        if started {
            lines.push(line);
        }
        lines
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

    /// Appends [`Block::plain`] to `out`, without building its lines one by one.
    pub fn write_plain(&self, out: &mut String) {
        let mut started = false;
        self.write_lines(out, |out| {
            if std::mem::replace(&mut started, true) {
                out.push('\n');
            }
        });
    }

    /// Writes the lines of [`Block::lines`] to `out`, calling `next_line` before each one (with
    /// the text written so far): the one place that knows how each kind of block reads as lines.
    fn write_lines(&self, out: &mut String, mut next_line: impl FnMut(&mut String)) {
        match self {
            Block::Paragraph { text, .. } => {
                next_line(out);
                out.push_str(text);
            }
            Block::List { items } | Block::Contents { items } => {
                for i in items {
                    next_line(out);
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
                        next_line(out);
                        out.push_str(cell);
                    }
                }
                TableLayout::Tabs => {
                    for r in rows {
                        next_line(out);
                        push_joined(out, r, "\t");
                    }
                }
                TableLayout::Pipe => {
                    for (i, r) in rows.iter().enumerate() {
                        next_line(out);
                        out.push_str("| ");
                        push_joined(out, r, " | ");
                        out.push_str(" |");
                        if i == 0 && *header {
                            next_line(out);
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
    use super::{push_labelled, Block, ListItem, Section, TableLayout};

    fn join_label(label: &str, text: &str) -> String {
        let mut out = String::new();
        push_labelled(&mut out, label, text);
        out
    }

    #[test]
    fn label_joining_follows_script() {
        assert_eq!(join_label("一、", "总则"), "一、总则");
        assert_eq!(join_label("I.", "Scope"), "I. Scope");
        assert_eq!(join_label("(1)", "Name"), "(1) Name");
        assert_eq!(join_label("（1）", "姓名"), "（1）姓名");
        assert_eq!(join_label("1.", ""), "1.");
    }

    #[test]
    fn blocks_read_as_lines_and_plain_text() {
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
        let table = |header, layout| Block::Table {
            header,
            layout,
            rows: rows.clone(),
        };
        let cases: Vec<(Block, Vec<&str>)> = vec![
            (Block::paragraph("收集\n您的信息"), vec!["收集\n您的信息"]),
            (Block::paragraph(""), vec![""]),
            (
                Block::List {
                    items: vec![
                        item(Some("1."), "Name"),
                        item(Some("（2）"), "姓名"),
                        item(None, ""),
                        item(Some("a)"), ""),
                    ],
                },
                vec!["1. Name", "（2）姓名", "", "a)"],
            ),
            (Block::Contents { items: vec![] }, vec![]),
            (
                table(true, TableLayout::Pipe),
                vec!["| 数据 | 目的 |", "|---|---|", "| a |  |", "|  |"],
            ),
            (
                table(false, TableLayout::Pipe),
                vec!["| 数据 | 目的 |", "| a |  |", "|  |"],
            ),
            (
                table(true, TableLayout::Lines),
                vec!["数据", "目的", "a", ""],
            ),
            (
                table(false, TableLayout::Tabs),
                vec!["数据\t目的", "a\t", ""],
            ),
        ];
        for (b, lines) in cases {
            assert_eq!(b.lines(), lines, "{b:?}");
            assert_eq!(b.plain(), lines.join("\n"), "{b:?}");
            let mut out = String::from("x");
            b.write_plain(&mut out);
            assert_eq!(out, format!("x{}", lines.join("\n")), "{b:?}");
        }
        for (label, heading, title) in [
            (None, None, ""),
            (Some("一、"), Some("总则"), "一、总则"),
            (Some("I."), None, "I."),
            (None, Some("Scope"), "Scope"),
            (Some("2"), Some("Use"), "2 Use"),
        ] {
            let s = Section {
                id: "s".into(),
                label: label.map(Into::into),
                heading: heading.map(Into::into),
                blocks: Vec::new(),
                sections: Vec::new(),
            };
            assert_eq!(s.title(), title);
            let mut out = String::from("x");
            s.write_title(&mut out);
            assert_eq!(out, format!("x{title}"));
        }
    }
}
