//! Reviewing a version's facts: what a reviewer does to the summary layer (accept, edit or
//! reject a suggested fact, add one from a quote, say a facet is not stated or reviewed), and
//! opening and exporting a version for review. The authoring page only dispatches these, so
//! that its answers are the CLI's: [`export`] validates with the same rules as
//! `policy-lens validate`.
//!
//! ```
//! use policy_lens_core::{import_text, review, FacetKind, ImportOptions};
//! let mut v = import_text("Policy\n一、联系我们\n邮箱：privacy@acme-cars.cn\n",
//!     &ImportOptions { id: "acme".into(), version: "2025-01-01".into(), ..Default::default() });
//! let section = v.sections[1].id.clone();
//! let quote = review::quote(&v, &section, " privacy@acme-cars.cn ").unwrap();
//! review::add(&mut v, FacetKind::Contacts, quote, "privacy@acme-cars.cn").unwrap();
//! review::mark_reviewed(&mut v, FacetKind::Contacts);
//! assert!(review::export(&v).problems.is_empty());
//! ```

use std::fmt;

use crate::entities;
use crate::facet::FacetKind;
use crate::import::{import_document, Format, ImportError, ImportOptions, Warning};
use crate::model::*;
use crate::summary::flagged_items;
use crate::text;
use crate::validate::{parse_version, Problem};

/// One fact of the summary layer, addressed by its facet and its position among the facet's
/// items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fact {
    pub facet: FacetKind,
    pub index: usize,
    /// What the fact says, as the summary names it.
    pub name: String,
    /// The value a reviewer edits (see [`set_value`]).
    pub value: String,
    pub source: Provenance,
    /// Suggested by the extractor and not yet accepted.
    pub suggested: bool,
}

/// Why a review step could not be applied. The page shows the message; the version is
/// unchanged.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ReviewError {
    /// No item `index` in `facet`.
    NoSuchFact { facet: FacetKind, index: usize },
    /// No section with this id.
    NoSuchSection(String),
    /// The quote is empty once trimmed.
    EmptyQuote,
    /// The quote is not in the section (whitespace ignored).
    QuoteNotInSection { section: String, quote: String },
    /// The value is empty once trimmed.
    EmptyValue,
    /// The value names no kind of this facet (rights and permissions take a kind name).
    UnknownKind { facet: FacetKind, value: String },
}

impl fmt::Display for ReviewError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReviewError::NoSuchFact { facet, index } => {
                write!(f, "{facet} has no item {index}")
            }
            ReviewError::NoSuchSection(s) => write!(f, "there is no section {s:?}"),
            ReviewError::EmptyQuote => write!(f, "the quote is empty"),
            ReviewError::QuoteNotInSection { section, quote } => {
                write!(f, "quote {quote:?} is not in section {section:?}")
            }
            ReviewError::EmptyValue => write!(f, "the value is empty"),
            ReviewError::UnknownKind { facet, value } => {
                write!(f, "{value:?} is not a kind of {facet}")
            }
        }
    }
}

impl std::error::Error for ReviewError {}

/// A facet item as a reviewer handles it: one main value, and a constructor from a quote.
trait Reviewable: Sized {
    fn suggested_mut(&mut self) -> &mut bool;
    fn value(&self) -> String;
    fn set_value(&mut self, value: &str) -> Result<(), ReviewError>;
    fn from_quote(value: &str, source: Provenance) -> Result<Self, ReviewError>;
}

/// A unit enum from its JSON name (`account_cancellation`).
fn kind_named<T: serde::de::DeserializeOwned>(
    facet: FacetKind,
    value: &str,
) -> Result<T, ReviewError> {
    serde_json::from_value(serde_json::Value::String(value.trim().to_string())).map_err(|_| {
        ReviewError::UnknownKind {
            facet,
            value: value.to_string(),
        }
    })
}

/// The kind of a contact value a reviewer typed: the entity finders decide e-mail and phone;
/// a link is a web contact; anything else names the responsible person or department.
fn contact_kind(value: &str) -> ContactKind {
    let whole = |r: &[std::ops::Range<usize>]| r.iter().any(|r| r.len() == value.len());
    if whole(&entities::emails(value)) {
        ContactKind::Email
    } else if whole(&entities::phones(value)) {
        ContactKind::Phone
    } else if value.starts_with("http://") || value.starts_with("https://") {
        ContactKind::Web
    } else {
        ContactKind::Responsible
    }
}

/// Implements [`Reviewable`] for items whose main value is one `String` field; `$new` builds
/// an item from `value` and `source`.
macro_rules! reviewable_text {
    ($($t:ty => $field:ident, |$v:ident, $s:ident| $new:expr;)*) => {$(
        impl Reviewable for $t {
            fn suggested_mut(&mut self) -> &mut bool {
                &mut self.suggested
            }
            fn value(&self) -> String {
                self.$field.clone()
            }
            fn set_value(&mut self, value: &str) -> Result<(), ReviewError> {
                self.$field = value.to_string();
                Ok(())
            }
            fn from_quote($v: &str, $s: Provenance) -> Result<Self, ReviewError> {
                Ok($new)
            }
        }
    )*};
}

reviewable_text! {
    DataItem => name, |v, s| DataItem {
        category: DataCategory::Other, name: v.into(), sensitive: false,
        required: Requirement::Unspecified, purposes: Vec::new(), source: s, suggested: false,
    };
    Statement => text, |v, s| Statement { text: v.into(), source: s, suggested: false };
    Scenario => scenario, |v, s| Scenario {
        scenario: v.into(), platform: None, data: String::new(), purpose: None, method: None,
        source: s, suggested: false,
    };
    Sdk => name, |v, s| Sdk {
        name: v.into(), provider: None, purpose: None, data: None, link: None, source: s,
        suggested: false,
    };
    Storage => text, |v, s| Storage {
        location: None, cross_border: CrossBorder::Unstated, text: v.into(), source: s,
        suggested: false,
    };
    Children => text, |v, s| Children {
        age: None, parental_consent: None, text: v.into(), source: s, suggested: false,
    };
    Contact => value, |v, s| Contact { kind: contact_kind(v), value: v.into(), source: s, suggested: false };
}

/// A recipient shows its name when the policy names it, else what it receives; the value is
/// whichever is shown.
impl Reviewable for Recipient {
    fn suggested_mut(&mut self) -> &mut bool {
        &mut self.suggested
    }
    fn value(&self) -> String {
        self.name.clone().unwrap_or_else(|| self.text.clone())
    }
    fn set_value(&mut self, value: &str) -> Result<(), ReviewError> {
        match &mut self.name {
            Some(n) => *n = value.to_string(),
            None => self.text = value.to_string(),
        }
        Ok(())
    }
    fn from_quote(value: &str, source: Provenance) -> Result<Self, ReviewError> {
        Ok(Recipient {
            kind: RecipientKind::Other,
            name: None,
            text: value.into(),
            source,
            suggested: false,
        })
    }
}

/// Permissions and rights are identified by their kind: the value is its JSON name.
macro_rules! reviewable_kind {
    ($($t:ty => $field:ident, $facet:expr, |$k:ident, $s:ident| $new:expr;)*) => {$(
        impl Reviewable for $t {
            fn suggested_mut(&mut self) -> &mut bool {
                &mut self.suggested
            }
            fn value(&self) -> String {
                json_name(&self.$field)
            }
            fn set_value(&mut self, value: &str) -> Result<(), ReviewError> {
                self.$field = kind_named($facet, value)?;
                Ok(())
            }
            fn from_quote(value: &str, $s: Provenance) -> Result<Self, ReviewError> {
                let $k = kind_named($facet, value)?;
                Ok($new)
            }
        }
    )*};
}

reviewable_kind! {
    Permission => permission, FacetKind::Permissions, |k, s| Permission {
        permission: k, purpose: None, source: s, suggested: false,
    };
    Right => right, FacetKind::Rights, |k, s| Right {
        right: k, how: Vec::new(), response_time: None, source: s, suggested: false,
    };
}

/// The values a fact of `facet` may take when the facet names kinds (rights, permissions), as
/// their JSON names; empty for facets whose value is free text.
pub fn kinds(facet: FacetKind) -> &'static [&'static str] {
    match facet {
        FacetKind::Rights => &[
            "access",
            "correction",
            "deletion",
            "withdraw_consent",
            "account_cancellation",
            "copy",
            "automated_decision",
            "complaint",
            "restriction",
            "objection",
            "other",
        ],
        FacetKind::Permissions => &[
            "camera",
            "album",
            "location",
            "phone",
            "microphone",
            "bluetooth",
            "notifications",
            "storage",
            "contacts",
            "calendar",
            "network",
            "other",
        ],
        _ => &[],
    }
}

/// Runs `$body` with `$f` bound to the facet `$kind` of `$facets` (a `&mut Facet<_>`).
macro_rules! on_facet {
    ($facets:expr, $kind:expr, |$f:ident| $body:expr) => {{
        let fs = $facets;
        match $kind {
            FacetKind::DataCollected => {
                let $f = &mut fs.data_collected;
                $body
            }
            FacetKind::Purposes => {
                let $f = &mut fs.purposes;
                $body
            }
            FacetKind::Scenarios => {
                let $f = &mut fs.scenarios;
                $body
            }
            FacetKind::Recipients => {
                let $f = &mut fs.recipients;
                $body
            }
            FacetKind::Sdks => {
                let $f = &mut fs.sdks;
                $body
            }
            FacetKind::Permissions => {
                let $f = &mut fs.permissions;
                $body
            }
            FacetKind::Retention => {
                let $f = &mut fs.retention;
                $body
            }
            FacetKind::Storage => {
                let $f = &mut fs.storage;
                $body
            }
            FacetKind::Security => {
                let $f = &mut fs.security;
                $body
            }
            FacetKind::Children => {
                let $f = &mut fs.children;
                $body
            }
            FacetKind::Rights => {
                let $f = &mut fs.rights;
                $body
            }
            FacetKind::Contacts => {
                let $f = &mut fs.contacts;
                $body
            }
            FacetKind::MajorChanges => {
                let $f = &mut fs.major_changes;
                $body
            }
        }
    }};
}

fn item<T>(f: &mut Facet<T>, facet: FacetKind, index: usize) -> Result<&mut T, ReviewError> {
    f.items
        .get_mut(index)
        .ok_or(ReviewError::NoSuchFact { facet, index })
}

/// Every fact of `v`, facet by facet in display order, items in their order.
pub fn facts(v: &PolicyVersion) -> Vec<Fact> {
    let mut facets = v.facets.clone();
    let mut out = Vec::new();
    let mut last: Option<(FacetKind, usize)> = None;
    for (facet, name, source, suggested) in flagged_items(&v.facets) {
        let index = match last {
            Some((f, i)) if f == facet => i + 1,
            _ => 0,
        };
        last = Some((facet, index));
        let value = on_facet!(&mut facets, facet, |f| f
            .items
            .get(index)
            .map(Reviewable::value)
            .unwrap_or_default());
        out.push(Fact {
            facet,
            index,
            name,
            value,
            source: source.clone(),
            suggested,
        });
    }
    out
}

/// Accepts a suggested fact as it is: it is no longer marked suggested.
pub fn accept(v: &mut PolicyVersion, facet: FacetKind, index: usize) -> Result<(), ReviewError> {
    on_facet!(&mut v.facets, facet, |f| {
        *item(f, facet, index)?.suggested_mut() = false;
        Ok(())
    })
}

/// Sets a fact's main value (a name, a statement, a contact value, or the kind name of a right
/// or permission). An edited fact is reviewed, so it is no longer suggested.
pub fn set_value(
    v: &mut PolicyVersion,
    facet: FacetKind,
    index: usize,
    value: &str,
) -> Result<(), ReviewError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ReviewError::EmptyValue);
    }
    on_facet!(&mut v.facets, facet, |f| {
        let it = item(f, facet, index)?;
        it.set_value(value)?;
        *it.suggested_mut() = false;
        Ok(())
    })
}

/// Removes a fact.
pub fn reject(v: &mut PolicyVersion, facet: FacetKind, index: usize) -> Result<(), ReviewError> {
    on_facet!(&mut v.facets, facet, |f| {
        item(f, facet, index)?;
        f.items.remove(index);
        Ok(())
    })
}

/// The provenance of a passage a reviewer selected in section `section`: the selection
/// trimmed, checked to be in the section's text (heading and subsections included, whitespace
/// ignored) as the validator will check it.
pub fn quote(v: &PolicyVersion, section: &str, selected: &str) -> Result<Provenance, ReviewError> {
    let s = v
        .find_section(section)
        .ok_or_else(|| ReviewError::NoSuchSection(section.to_string()))?;
    let quote = selected.trim();
    if quote.is_empty() {
        return Err(ReviewError::EmptyQuote);
    }
    if !text::contains_ignoring_whitespace(&text::section_text(s), quote) {
        return Err(ReviewError::QuoteNotInSection {
            section: section.to_string(),
            quote: quote.to_string(),
        });
    }
    Ok(Provenance {
        section: section.to_string(),
        quote: quote.to_string(),
    })
}

/// Adds a reviewed fact citing `source` (from [`quote`]) with `value` as its main value, and
/// returns its index. A facet said to be not stated (or missing from the source) is stated
/// once it has a fact.
pub fn add(
    v: &mut PolicyVersion,
    facet: FacetKind,
    source: Provenance,
    value: &str,
) -> Result<usize, ReviewError> {
    let value = value.trim();
    if value.is_empty() {
        return Err(ReviewError::EmptyValue);
    }
    let source = quote(v, &source.section, &source.quote)?;
    on_facet!(&mut v.facets, facet, |f| {
        f.items.push(Reviewable::from_quote(value, source)?);
        if matches!(f.status, Coverage::NotStated | Coverage::SourceMissing) {
            f.status = Coverage::Stated;
        }
        Ok(f.items.len() - 1)
    })
}

/// Says the policy does not state this facet: its items go.
pub fn set_not_stated(v: &mut PolicyVersion, facet: FacetKind) {
    on_facet!(&mut v.facets, facet, |f| {
        f.items.clear();
        f.status = Coverage::NotStated;
    })
}

/// Marks a facet reviewed: its remaining facts are accepted, and it is stated when it has
/// any, not stated otherwise. `policy-lens suggest` leaves a reviewed facet alone.
pub fn mark_reviewed(v: &mut PolicyVersion, facet: FacetKind) {
    on_facet!(&mut v.facets, facet, |f| {
        for i in &mut f.items {
            *i.suggested_mut() = false;
        }
        f.status = if f.items.is_empty() {
            Coverage::NotStated
        } else {
            Coverage::Stated
        };
    })
}

/// A version as the person will download it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    /// Pretty JSON with a final newline, as `policy-lens import` writes it.
    pub json: String,
    /// What `policy-lens validate` would report for that file (empty when valid).
    pub problems: Vec<Problem>,
    /// Where the file belongs in a policies folder: `<id>/<version>.json` (the CLI checks
    /// that a file is named after its id and version).
    pub path: String,
    /// The name to save it as: `<version>.json`.
    pub file_name: String,
}

/// Serialises `v` and validates the result with the CLI's rules.
pub fn export(v: &PolicyVersion) -> Export {
    let json = serde_json::to_string_pretty(v).unwrap_or_default() + "\n";
    let file_name = format!("{}.json", v.version);
    let path = format!("{}/{file_name}", v.id);
    let problems = parse_version(&path, json.as_bytes())
        .err()
        .unwrap_or_default();
    Export {
        json,
        problems,
        path,
        file_name,
    }
}

/// A file opened for review.
#[derive(Debug, Clone)]
pub struct Opened {
    pub version: PolicyVersion,
    /// What the importer wants the reviewer to know (none for a version file).
    pub warnings: Vec<Warning>,
}

/// Why a file could not be opened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// A document the importer refused.
    Import(ImportError),
    /// A version file (`.json`) with problems, each with its JSON path.
    Invalid(Vec<Problem>),
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OpenError::Import(e) => e.fmt(f),
            OpenError::Invalid(p) => {
                let lines: Vec<String> = p
                    .iter()
                    .map(|p| format!("{}: {}", p.path, p.message))
                    .collect();
                f.write_str(&lines.join("\n"))
            }
        }
    }
}

/// A policy id from a file name: its stem in lowercase ASCII letters and digits joined by `-`
/// (`Acme Privacy.md` → `acme-privacy`), or `policy` when nothing is left.
pub fn id_from_file_name(name: &str) -> String {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let words: Vec<String> = stem
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    if words.is_empty() {
        "policy".into()
    } else {
        words.join("-")
    }
}

/// Opens a file for review: a version file (`.json`) is parsed and validated; any other file is
/// imported as a document (its extension picks the format), which fills the suggestions. A new
/// import gets its id from the file name and `today` (`YYYY-MM-DD`) as its version.
pub fn open(file_name: &str, bytes: &[u8], today: &str) -> Result<Opened, OpenError> {
    if file_name.to_ascii_lowercase().ends_with(".json") {
        return parse_version(file_name, bytes)
            .map(|version| Opened {
                version,
                warnings: Vec::new(),
            })
            .map_err(OpenError::Invalid);
    }
    let opts = ImportOptions {
        id: id_from_file_name(file_name),
        version: today.to_string(),
        source: file_name.to_string(),
        format: Format::Auto,
        ..Default::default()
    };
    import_document(bytes, &opts)
        .map(|i| Opened {
            version: i.version,
            warnings: i.warnings,
        })
        .map_err(OpenError::Import)
}

#[cfg(test)]
mod tests;
