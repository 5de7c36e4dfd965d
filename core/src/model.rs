//! The policy data model: one [`PolicyVersion`] per JSON file, `policies/<id>/<version>.json`.
//!
//! Three layers live in one file: metadata, the lossless full text as a tree of sections, and the
//! facets (the summary layer). Every facet item cites a section id and a verbatim quote.
//! Unknown fields are rejected everywhere so that a typo in hand-written data is an error.

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// One version of one policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct PolicyVersion {
    /// Optional editor hint pointing at the JSON Schema.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Stable policy id, lowercase ASCII letters, digits and `-` (e.g. `zeekr`).
    pub id: String,
    /// The date this version was captured or published in our data (`YYYY-MM-DD` or `YYYY-MM`).
    /// It is the version id.
    pub version: String,
    /// The policy title as written.
    pub title: String,
    /// BCP 47 language tag of the policy text (`zh-CN`, `en`).
    pub language: String,
    /// The legal entity responsible for the processing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub controller: Option<Party>,
    /// The operator, where it is a different entity from the controller.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<Party>,
    /// Products or platforms covered, as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub products: Vec<String>,
    /// The policy's own stated dates, each only as written.
    #[serde(default)]
    pub dates: StatedDates,
    /// Where the text comes from.
    pub source: String,
    /// Known gaps in the source text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub completeness: Vec<CompletenessNote>,
    /// The full text, as a tree of sections. The text of all headings and blocks in order
    /// reproduces the source apart from whitespace.
    pub sections: Vec<Section>,
    /// The summary layer.
    #[serde(default)]
    pub facets: Facets,
}

/// A named legal entity, with the sentence that names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Party {
    pub name: String,
    pub source: Provenance,
    /// Set by the extractor until a person reviews it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// Where a fact comes from: a section id and a verbatim quote found in that section
/// (whitespace differences are ignored when matching).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub section: String,
    pub quote: String,
}

/// The dates a policy states about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedDates {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub updated: Option<StatedDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<StatedDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub released: Option<StatedDate>,
}

/// A date as the policy writes it, plus its ISO form (`YYYY-MM-DD` or `YYYY-MM`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct StatedDate {
    pub date: String,
    pub source: Provenance,
    /// Set by the extractor until a person reviews it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A known gap in the source text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CompletenessNote {
    /// The section where the gap is, if it is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Plain description, e.g. "source text ends inside Part II §1 (6)".
    pub note: String,
}

/// A section of the full text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
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
#[serde(rename_all = "snake_case")]
pub enum MarkKind {
    Strong,
    Emphasis,
    Link,
}

/// The source layout of a table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
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

/// The summary layer. Each facet says whether the policy states it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Facets {
    #[serde(default)]
    pub data_collected: Facet<DataItem>,
    #[serde(default)]
    pub purposes: Facet<Statement>,
    #[serde(default)]
    pub scenarios: Facet<Scenario>,
    #[serde(default)]
    pub recipients: Facet<Recipient>,
    #[serde(default)]
    pub sdks: Facet<Sdk>,
    #[serde(default)]
    pub permissions: Facet<Permission>,
    #[serde(default)]
    pub retention: Facet<Statement>,
    #[serde(default)]
    pub storage: Facet<Storage>,
    #[serde(default)]
    pub security: Facet<Statement>,
    #[serde(default)]
    pub children: Facet<Children>,
    #[serde(default)]
    pub rights: Facet<Right>,
    #[serde(default)]
    pub contacts: Facet<Contact>,
    #[serde(default)]
    pub major_changes: Facet<Statement>,
}

/// One facet: its coverage, and its items when stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Facet<T> {
    pub status: Coverage,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<T>,
    /// A reviewer's note, e.g. which part of the source is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<T> Default for Facet<T> {
    fn default() -> Self {
        Facet {
            status: Coverage::NotReviewed,
            items: Vec::new(),
            note: None,
        }
    }
}

/// Whether a facet is covered by the policy text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The policy states it; the items say what.
    Stated,
    /// The complete text does not say it.
    NotStated,
    /// The part of the source that would say it is missing (the text is cut off).
    SourceMissing,
    /// Nobody has reviewed this facet yet (fresh import).
    NotReviewed,
}

/// A category of personal data the policy says it collects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct DataItem {
    pub category: DataCategory,
    /// Short name in the policy's language, e.g. "手机号码".
    pub name: String,
    /// Set as the policy itself defines sensitive personal information.
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub required: Requirement,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DataCategory {
    Contact,
    Identity,
    IdentityDocument,
    PreciseLocation,
    Vehicle,
    DrivingBehaviour,
    DeviceIdentifiers,
    Biometrics,
    AudioVideo,
    Payment,
    AddressBook,
    Account,
    Usage,
    Health,
    Other,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    Required,
    Optional,
    #[default]
    Unspecified,
}

/// A short statement in the policy's language, with its quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A service scenario (e.g. one row of the Infiniti scenario table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub scenario: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    pub data: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// Who else receives personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub kind: RecipientKind,
    /// The recipient's name, where the policy names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What is shared and why, briefly, in the policy's language.
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecipientKind {
    Affiliate,
    Partner,
    Processor,
    Dealer,
    Authority,
    /// Conditions for public disclosure.
    PublicDisclosure,
    /// Transfer in a merger, acquisition or bankruptcy.
    Merger,
    Other,
}

/// A third-party SDK embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Sdk {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The provider's policy link (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A device permission the app asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Permission {
    pub permission: PermissionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PermissionKind {
    Camera,
    Album,
    Location,
    Phone,
    Microphone,
    Bluetooth,
    Notifications,
    Storage,
    Contacts,
    Calendar,
    Network,
    Other,
}

/// Where data is stored and whether it leaves the country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Storage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub cross_border: CrossBorder,
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CrossBorder {
    /// The policy says data stays in the country.
    No,
    /// The policy says data is transferred abroad.
    Yes,
    /// Only under conditions the policy names (consent, law, assessment).
    Conditional,
    /// The statement does not say.
    Unstated,
}

/// What the policy says about children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// Age under which the policy treats a user as a child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parental_consent: Option<bool>,
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A user right and how to exercise it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Right {
    pub right: RightKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how: Vec<Channel>,
    /// As written, e.g. "15个工作日内".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RightKind {
    Access,
    Correction,
    Deletion,
    WithdrawConsent,
    AccountCancellation,
    Copy,
    AutomatedDecision,
    Complaint,
    Other,
}

/// One way to exercise a right or to reach the company.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub kind: ChannelKind,
    /// As written: `“我的”-“设置”-“账号管理”`, an address, a number.
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChannelKind {
    AppPath,
    Email,
    Phone,
    Post,
    Web,
    Other,
}

/// A contact detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContactKind {
    Phone,
    Email,
    Address,
    /// A named person or department (e.g. 个人信息保护专员).
    Responsible,
    Web,
}

/// The name a unit enum value has in the JSON data (`account_cancellation`).
pub(crate) fn json_name<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn is_false(b: &bool) -> bool {
    !*b
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
    pub fn marks(&self) -> Vec<&[Mark]> {
        match self {
            Block::Paragraph { marks, .. } => vec![marks.as_slice()],
            Block::List { items } | Block::Contents { items } => {
                items.iter().map(|i| i.marks.as_slice()).collect()
            }
            Block::Table { .. } => Vec::new(),
        }
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

impl PolicyVersion {
    /// Every section, depth first, in document order.
    pub fn all_sections(&self) -> Vec<&Section> {
        self.sections.iter().flat_map(|s| s.walk()).collect()
    }

    pub fn find_section(&self, id: &str) -> Option<&Section> {
        self.all_sections().into_iter().find(|s| s.id == id)
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
