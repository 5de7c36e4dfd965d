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
    let needs_space = label
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | ')' | ':' | '#'));
    if needs_space && !text.is_empty() {
        format!("{label} {text}")
    } else {
        format!("{label}{text}")
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
        self.lines().join("\n")
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
    }
}
