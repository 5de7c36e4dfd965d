//! The policy data model: one [`PolicyVersion`] per JSON file, `policies/<id>/<version>.json`.
//!
//! Three layers live in one file: metadata, the lossless full text as a tree of sections, and the
//! facets (the summary layer). Every facet item cites a section id and a verbatim quote.
//! Unknown fields are rejected everywhere so that a typo in hand-written data is an error.
//! `text` holds the section tree and its blocks, `facets` the summary layer.

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

/// One version of one policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
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
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
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
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub section: String,
    pub quote: String,
}

/// The dates a policy states about itself.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
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
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
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
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct CompletenessNote {
    /// The section where the gap is, if it is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
    /// Plain description, e.g. "source text ends inside Part II §1 (6)".
    pub note: String,
}

#[cfg(feature = "binary")]
pub mod binary;
mod facets;
mod text;

pub use facets::*;
pub use text::*;

/// The name a unit enum value has in the JSON data (`account_cancellation`).
pub(crate) fn json_name<T: Serialize>(t: &T) -> String {
    serde_json::to_value(t)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

pub(crate) fn is_false(b: &bool) -> bool {
    !*b
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
