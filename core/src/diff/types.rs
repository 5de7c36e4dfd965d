//! The result types of a diff and their accessors. Computed results keep their fields
//! `pub(crate)`; readers use the accessors.

use std::sync::Arc;

use serde::Serialize;

use crate::facet::{ItemField, Subject};
use crate::model::{json_name, ContactKind, PermissionKind, Provenance, RightKind};
use crate::summary::DateKind;

/// The result of comparing two versions of one policy.
#[derive(Debug, Clone, Serialize)]
pub struct Diff {
    pub(crate) policy: String,
    pub(crate) old_version: String,
    pub(crate) new_version: String,
    /// The full aligned listing in document order.
    pub(crate) ops: Vec<BlockOp>,
    pub(crate) changes: Vec<Change>,
    pub(crate) counts: Counts,
    pub(crate) flags: Vec<Flag>,
    pub(crate) verdict: Verdict,
    pub(crate) budget_exhausted: bool,
}

/// What happened to one unit (a heading or a block).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OpKind {
    Equal,
    Insert,
    Delete,
    Modify,
    /// Deleted in one place and inserted identically elsewhere; listed at its new place.
    Move,
}

/// The kind of unit compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitKind {
    /// A section heading line (label and heading).
    Heading,
    Paragraph,
    List,
    Table,
}

/// One entry of the aligned listing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockOp {
    pub(crate) kind: OpKind,
    pub(crate) old: Option<BlockRef>,
    pub(crate) new: Option<BlockRef>,
    /// Inline spans of a modified unit; empty for other kinds, and for modified units compared
    /// at block granularity because the budget ran out or the block is too large.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) inline: Vec<Span>,
}

/// Where a unit is in its version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BlockRef {
    pub(crate) section_id: Arc<str>,
    /// Titles of the enclosing sections, outermost first (untitled sections are left out).
    pub(crate) section_path: Arc<[Arc<str>]>,
    pub(crate) kind: UnitKind,
    /// Index of the block in its section; `None` for a heading.
    pub(crate) index: Option<usize>,
    /// 1-based number of the block among all blocks of the version; `None` for a heading.
    pub(crate) number: Option<usize>,
    pub(crate) text: Arc<str>,
    /// Fingerprint of the unit's marks: two units with equal keys but different exact texts
    /// or different fingerprints differ in formatting only.
    #[serde(skip)]
    pub(crate) format: u64,
}

/// A piece of a modified unit's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    pub(crate) kind: SpanKind,
    pub(crate) text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SpanKind {
    Equal,
    Insert,
    Delete,
}

/// One change a reader should know about: a changed unit (with the facet changes whose quotes
/// lie in it), or a facet change whose quote lies in no changed unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// `c1`, `c2`, … in document order.
    pub(crate) id: String,
    pub(crate) kind: ChangeKind,
    /// Index into [`Diff::ops`]; `None` for a facet-only change.
    pub(crate) op: Option<usize>,
    pub(crate) section_path: Vec<String>,
    /// The old text around the change (the whole unit when it was removed or moved).
    pub(crate) old_quote: Option<String>,
    /// The new text around the change.
    pub(crate) new_quote: Option<String>,
    /// What the change's facet changes are about, each once.
    pub(crate) facets: Vec<Subject>,
    pub(crate) facet_changes: Vec<FacetChange>,
    pub(crate) class: Class,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Added,
    Removed,
    Modified,
    Moved,
    /// The same plain text with other bold, emphasis, links or spacing: editorial, counted
    /// apart, and hidden by default in the changes view.
    Formatting,
}

/// Whether a change needs notice, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Class {
    /// Needs notice: one of the criteria is a major-change criterion.
    pub(crate) major: bool,
    /// Sorted; `[editorial]` alone for an editorial change.
    pub(crate) criteria: Vec<Criterion>,
    /// The evidence, in plain words.
    pub(crate) reasons: Vec<String>,
}

/// Kinds of change, after GB/T 35273-2020's list of major changes to a privacy policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Criterion {
    /// Purposes of processing, types of personal data, ways of processing.
    PurposesOrTypes,
    /// Controller, operator, ownership or organisation.
    Ownership,
    /// Sharing, transfer and disclosure recipients, SDKs, operators of a feature.
    Recipients,
    /// User rights and how to exercise them.
    UserRights,
    /// Responsible department, contact details, complaint channels.
    ContactOrComplaint,
    /// A personal-information security impact assessment shows high risk.
    HighRiskAssessment,
    /// A change of substance not on the major-change list.
    OtherSubstantive,
    /// Whitespace, punctuation or numbering only.
    Editorial,
}

/// A change in one facet item, or in the controller, operator or a stated date.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FacetChange {
    pub(crate) facet: Subject,
    pub(crate) kind: FacetChangeKind,
    /// The item's name as the reader knows it (data item, SDK, right, contact kind, date kind).
    pub(crate) item: String,
    /// The same name, typed, so that a reader can translate the names that are not policy text.
    #[serde(skip)]
    pub(crate) item_name: ItemName,
    /// The item's fields: those that differ for a changed item, all of them for an added or
    /// removed one; empty when the item is a plain value (a name, a date). Left out of the
    /// JSON, which has them in `old_value` and `new_value`.
    #[serde(skip)]
    pub(crate) fields: Vec<FieldChange>,
    /// The item's value; for a changed item, only the fields that differ.
    pub(crate) old_value: Option<String>,
    pub(crate) new_value: Option<String>,
    pub(crate) old_source: Option<Provenance>,
    pub(crate) new_source: Option<Provenance>,
}

/// The name of a facet item: policy text (a data item, an SDK, a purpose), or a kind of item
/// that a reader translates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ItemName {
    Text(String),
    Right(RightKind),
    Contact(ContactKind),
    Permission(PermissionKind),
    Date(DateKind),
    Controller,
    Operator,
    Children,
    /// A storage statement that names no location.
    Storage,
}

/// The name as the JSON and the reasons give it (`account_cancellation`, `updated date`).
impl std::fmt::Display for ItemName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ItemName::Text(t) => f.write_str(t),
            ItemName::Right(k) => f.write_str(&json_name(k)),
            ItemName::Contact(k) => f.write_str(&json_name(k)),
            ItemName::Permission(k) => f.write_str(&json_name(k)),
            ItemName::Date(k) => write!(f, "{} date", json_name(k)),
            ItemName::Controller => f.write_str("controller"),
            ItemName::Operator => f.write_str("operator"),
            ItemName::Children => f.write_str("children"),
            ItemName::Storage => f.write_str("storage"),
        }
    }
}

/// One field of a facet item, before and after.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldChange {
    pub(crate) field: ItemField,
    pub(crate) old: Option<String>,
    pub(crate) new: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FacetChangeKind {
    Added,
    Removed,
    Changed,
}

/// Unit counts (headings and blocks) of the aligned listing.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub(crate) added: usize,
    pub(crate) deleted: usize,
    pub(crate) modified: usize,
    pub(crate) moved: usize,
    pub(crate) unchanged: usize,
}

/// Something about the pair of versions a reviewer should check.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Flag {
    pub(crate) kind: FlagKind,
    pub(crate) message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FlagKind {
    /// The text changed but the stated update date did not (or neither version states one).
    UpdatedDateUnchanged,
    /// The new version states an earlier update date than the old one.
    UpdatedDateEarlier,
}

/// The overall judgement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Verdict {
    /// Changes that need notice.
    pub(crate) major: usize,
    /// Changes of substance that are not on the major-change list.
    pub(crate) substantive: usize,
    pub(crate) editorial: usize,
    /// Formatting-only changes (not counted in `editorial`).
    pub(crate) formatting: usize,
    pub(crate) needs_notice: bool,
    /// Every criterion hit by a change other than `editorial`, sorted.
    pub(crate) criteria: Vec<Criterion>,
    /// The criteria that count as major.
    pub(crate) major_criteria: Vec<Criterion>,
    pub(crate) basis: MajorBasis,
}

/// Where the list of major-change criteria comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum MajorBasis {
    /// The policy's own `major_changes` statements.
    #[serde(rename = "policy")]
    Policy,
    /// GB/T 35273-2020's list (the policy states none of its own).
    #[serde(rename = "gb_t_35273_2020")]
    GbT35273,
}

/// Why two versions cannot be compared, or a diff does not apply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    DifferentPolicies {
        old: String,
        new: String,
    },
    /// [`apply`] was given a version the diff was not computed from.
    DoesNotApply {
        reason: String,
    },
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiffError::DifferentPolicies { old, new } => write!(
                f,
                "cannot compare versions of different policies: {old:?} and {new:?}"
            ),
            DiffError::DoesNotApply { reason } => {
                write!(f, "the diff does not apply to this version: {reason}")
            }
        }
    }
}

impl std::error::Error for DiffError {}

impl Diff {
    pub fn policy(&self) -> &str {
        &self.policy
    }
    pub fn old_version(&self) -> &str {
        &self.old_version
    }
    pub fn new_version(&self) -> &str {
        &self.new_version
    }
    pub fn ops(&self) -> &[BlockOp] {
        &self.ops
    }
    pub fn changes(&self) -> &[Change] {
        &self.changes
    }
    pub fn counts(&self) -> Counts {
        self.counts
    }
    pub fn flags(&self) -> &[Flag] {
        &self.flags
    }
    pub fn verdict(&self) -> &Verdict {
        &self.verdict
    }
    /// Whether a work budget ran out, so that part of the result is at block granularity.
    pub fn budget_exhausted(&self) -> bool {
        self.budget_exhausted
    }
    /// No changes at all.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }
}

impl BlockOp {
    pub fn kind(&self) -> OpKind {
        self.kind
    }
    pub fn old(&self) -> Option<&BlockRef> {
        self.old.as_ref()
    }
    #[allow(clippy::new_ret_no_self)]
    pub fn new(&self) -> Option<&BlockRef> {
        self.new.as_ref()
    }
    pub fn inline(&self) -> &[Span] {
        &self.inline
    }
    /// Whether the op concerns a unit as a whole (added, removed or moved), so that it is
    /// quoted whole rather than around its changed ranges.
    pub(crate) fn is_whole(&self) -> bool {
        matches!(self.kind, OpKind::Insert | OpKind::Delete | OpKind::Move)
    }
}

impl BlockRef {
    pub fn section_id(&self) -> &str {
        &self.section_id
    }
    pub fn section_path(&self) -> &[Arc<str>] {
        &self.section_path
    }
    pub fn kind(&self) -> UnitKind {
        self.kind
    }
    pub fn index(&self) -> Option<usize> {
        self.index
    }
    pub fn number(&self) -> Option<usize> {
        self.number
    }
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl Span {
    pub fn kind(&self) -> SpanKind {
        self.kind
    }
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl Change {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn kind(&self) -> ChangeKind {
        self.kind
    }
    pub fn op(&self) -> Option<usize> {
        self.op
    }
    pub fn section_path(&self) -> &[String] {
        &self.section_path
    }
    pub fn old_quote(&self) -> Option<&str> {
        self.old_quote.as_deref()
    }
    pub fn new_quote(&self) -> Option<&str> {
        self.new_quote.as_deref()
    }
    pub fn facets(&self) -> &[Subject] {
        &self.facets
    }
    pub fn facet_changes(&self) -> &[FacetChange] {
        &self.facet_changes
    }
    pub fn class(&self) -> &Class {
        &self.class
    }
}

impl Class {
    pub fn major(&self) -> bool {
        self.major
    }
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }
    pub fn reasons(&self) -> &[String] {
        &self.reasons
    }
    pub fn is_editorial(&self) -> bool {
        self.criteria == [Criterion::Editorial]
    }
}

impl FacetChange {
    pub fn facet(&self) -> Subject {
        self.facet
    }
    pub fn fields(&self) -> &[FieldChange] {
        &self.fields
    }
    pub fn kind(&self) -> FacetChangeKind {
        self.kind
    }
    pub fn item(&self) -> &str {
        &self.item
    }
    pub fn item_name(&self) -> &ItemName {
        &self.item_name
    }
    pub fn old_value(&self) -> Option<&str> {
        self.old_value.as_deref()
    }
    pub fn new_value(&self) -> Option<&str> {
        self.new_value.as_deref()
    }
    pub fn old_source(&self) -> Option<&Provenance> {
        self.old_source.as_ref()
    }
    pub fn new_source(&self) -> Option<&Provenance> {
        self.new_source.as_ref()
    }
}

impl FieldChange {
    pub fn field(&self) -> ItemField {
        self.field
    }
    pub fn old(&self) -> Option<&str> {
        self.old.as_deref()
    }
    #[allow(clippy::new_ret_no_self)]
    pub fn new(&self) -> Option<&str> {
        self.new.as_deref()
    }
}

impl Counts {
    pub fn added(&self) -> usize {
        self.added
    }
    pub fn deleted(&self) -> usize {
        self.deleted
    }
    pub fn modified(&self) -> usize {
        self.modified
    }
    pub fn moved(&self) -> usize {
        self.moved
    }
    pub fn unchanged(&self) -> usize {
        self.unchanged
    }
}

impl Flag {
    pub fn kind(&self) -> FlagKind {
        self.kind
    }
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl Verdict {
    pub fn major(&self) -> usize {
        self.major
    }
    pub fn substantive(&self) -> usize {
        self.substantive
    }
    pub fn editorial(&self) -> usize {
        self.editorial
    }
    /// Formatting-only changes: same text, other bold, emphasis, links or spacing.
    pub fn formatting(&self) -> usize {
        self.formatting
    }
    pub fn needs_notice(&self) -> bool {
        self.needs_notice
    }
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }
    pub fn major_criteria(&self) -> &[Criterion] {
        &self.major_criteria
    }
    /// The criteria hit that count as major: why users must be notified.
    pub fn major_criteria_hit(&self) -> impl Iterator<Item = Criterion> + '_ {
        self.criteria
            .iter()
            .copied()
            .filter(|k| self.major_criteria.contains(k))
    }
    pub fn basis(&self) -> MajorBasis {
        self.basis
    }
}

impl Criterion {
    /// The snake_case name used in JSON.
    pub fn name(self) -> &'static str {
        match self {
            Criterion::PurposesOrTypes => "purposes_or_types",
            Criterion::Ownership => "ownership",
            Criterion::Recipients => "recipients",
            Criterion::UserRights => "user_rights",
            Criterion::ContactOrComplaint => "contact_or_complaint",
            Criterion::HighRiskAssessment => "high_risk_assessment",
            Criterion::OtherSubstantive => "other_substantive",
            Criterion::Editorial => "editorial",
        }
    }

    /// A short phrase for the criterion (`a recipient changed`), for lists and badges.
    pub fn label(self) -> &'static str {
        match self {
            Criterion::PurposesOrTypes => "purposes or types of data changed",
            Criterion::Ownership => "the controller or operator changed",
            Criterion::Recipients => "a recipient changed",
            Criterion::UserRights => "your rights or how to use them changed",
            Criterion::ContactOrComplaint => "contact or complaint channel changed",
            Criterion::HighRiskAssessment => "a high-risk assessment",
            Criterion::OtherSubstantive => "other change of substance",
            Criterion::Editorial => "formatting, whitespace, punctuation or numbering only",
        }
    }

    /// Why a change of this kind matters, in plain words.
    pub fn explain(self) -> &'static str {
        match self {
            Criterion::PurposesOrTypes => {
                "purposes, types of personal data or ways of processing changed"
            }
            Criterion::Ownership => "the controller, operator or ownership changed",
            Criterion::Recipients => {
                "who receives the data or operates a feature changed: sharing, transfer, disclosure, SDKs"
            }
            Criterion::UserRights => "user rights or how to exercise them changed",
            Criterion::ContactOrComplaint => {
                "the responsible department, contact details or complaint channel changed"
            }
            Criterion::HighRiskAssessment => "an impact assessment reports high risk",
            Criterion::OtherSubstantive => "the wording changed in substance",
            Criterion::Editorial => "only formatting, whitespace, punctuation or numbering changed",
        }
    }
}
