//! The version diff: what changed between two versions of one policy, and whether it matters.
//!
//! A version is compared as a sequence of *units*: each section heading (label and heading as
//! written) and each block, in document order. The comparison runs in stages:
//!
//! 1. **Blocks.** Myers over the units' keys (the text with whitespace removed, so that a unit
//!    that only changed whitespace is still aligned with itself). Sections are aligned by id,
//!    numbering label and heading similarity; a heading whose section is aligned but whose
//!    title changed (renumbering) is a modified unit, and inserted sections are insertions.
//! 2. **Moves.** A unit deleted in one place and inserted identically elsewhere is a move.
//! 3. **Modifications.** Inside each run of deletions and insertions, a deleted and an inserted
//!    unit that are similar enough (token-set similarity, higher within aligned sections) are
//!    paired as one modified unit, in order.
//! 4. **Inline.** Each modified unit is compared token by token: grapheme by grapheme in CJK
//!    text, word, whitespace run and punctuation mark in Latin text, never bytes.
//! 5. **Facets.** The summary layers are compared (data, recipients, SDKs, permissions,
//!    rights, retention, storage, contacts, controller and operator, stated dates). A facet
//!    change whose quote lies in a changed unit is attached to that unit's change, so one real
//!    textual edit is one change.
//! 6. **Classification.** Each change is major (users must be notified) or not, by the criteria
//!    the policy itself lists as major changes, or else by the list of GB/T 35273-2020; a change
//!    that only touches whitespace, punctuation or numbering labels is editorial.
//!
//! The work is bounded by constants ([`PAIRING_BUDGET`], [`INLINE_TOKEN_BUDGET`],
//! [`MAX_INLINE_TOKENS`]), never by a clock (clocks trap on `wasm32-unknown-unknown`). When a
//! budget runs out, the rest is compared at block granularity (modified blocks without inline
//! spans, or deletions and insertions) and [`Diff::budget_exhausted`] is set. The result is
//! deterministic, and `diff(b, a)` mirrors `diff(a, b)`.

use std::cmp::Ordering;
use std::collections::{BTreeSet, HashMap, VecDeque};
use std::fmt::Write as _;
use std::ops::Range;

use crate::entities::{company_names, emails, find_word, phones, strip_numbering};
use crate::text::is_cjk_letter as is_ideograph;
use serde::Serialize;
use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::model::*;
use crate::text::squash;

/// Work allowed for pairing deleted and inserted blocks (token-feature comparisons).
pub const PAIRING_BUDGET: usize = 1_000_000;
/// Tokens (old plus new) that inline diffs may consume over the whole comparison.
pub const INLINE_TOKEN_BUDGET: usize = 250_000;
/// Tokens (old plus new) above which a single modified block is not diffed inline.
pub const MAX_INLINE_TOKENS: usize = 40_000;
/// How many inserted units a deleted unit is compared with when looking for its new form.
const PAIR_WINDOW: usize = 8;
/// Minimum similarity for a deleted and an inserted block to be one modified block.
const MODIFY_THRESHOLD: f64 = 0.5;
/// Characters of context shown around a change in quotes.
const CONTEXT_CHARS: usize = 40;
/// Units up to this many characters are quoted whole.
const SHORT_UNIT_CHARS: usize = 160;
/// Longest quote shown for a whole block.
const MAX_QUOTE_CHARS: usize = 300;

// ---------------------------------------------------------------------------------------------
// Public types
// ---------------------------------------------------------------------------------------------

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
    pub(crate) section_id: String,
    /// Titles of the enclosing sections, outermost first (untitled sections are left out).
    pub(crate) section_path: Vec<String>,
    pub(crate) kind: UnitKind,
    /// Index of the block in its section; `None` for a heading.
    pub(crate) index: Option<usize>,
    /// 1-based number of the block among all blocks of the version; `None` for a heading.
    pub(crate) number: Option<usize>,
    pub(crate) text: String,
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
    /// Names of the facets the change touches.
    pub(crate) facets: Vec<&'static str>,
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
    /// Facet name as in [`crate::summary::FACETS`], or `controller`, `operator`, `dates`.
    pub(crate) facet: &'static str,
    pub(crate) kind: FacetChangeKind,
    /// The item's name as the reader knows it (data item, SDK, right, contact kind, date kind).
    pub(crate) item: String,
    /// Fields of a changed item that differ (internal).
    #[serde(skip)]
    pub(crate) fields: Vec<String>,
    /// The item's value; for a changed item, only the fields that differ.
    pub(crate) old_value: Option<String>,
    pub(crate) new_value: Option<String>,
    pub(crate) old_source: Option<Provenance>,
    pub(crate) new_source: Option<Provenance>,
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

// ---------------------------------------------------------------------------------------------
// Accessors
// ---------------------------------------------------------------------------------------------

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
}

impl BlockRef {
    pub fn section_id(&self) -> &str {
        &self.section_id
    }
    pub fn section_path(&self) -> &[String] {
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
    pub fn facets(&self) -> &[&'static str] {
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
    pub fn facet(&self) -> &'static str {
        self.facet
    }
    pub fn kind(&self) -> FacetChangeKind {
        self.kind
    }
    pub fn item(&self) -> &str {
        &self.item
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
    pub fn needs_notice(&self) -> bool {
        self.needs_notice
    }
    pub fn criteria(&self) -> &[Criterion] {
        &self.criteria
    }
    pub fn major_criteria(&self) -> &[Criterion] {
        &self.major_criteria
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
            Criterion::Editorial => "only whitespace, punctuation or numbering changed",
        }
    }
}

/// GB/T 35273-2020's major-change criteria.
const GBT_MAJOR: [Criterion; 6] = [
    Criterion::PurposesOrTypes,
    Criterion::Ownership,
    Criterion::Recipients,
    Criterion::UserRights,
    Criterion::ContactOrComplaint,
    Criterion::HighRiskAssessment,
];

// ---------------------------------------------------------------------------------------------
// Units
// ---------------------------------------------------------------------------------------------

struct SecInfo {
    id: String,
    heading: Option<String>,
    path: Vec<String>,
}

struct Unit {
    section: usize,
    kind: UnitKind,
    index: Option<usize>,
    number: Option<usize>,
    text: String,
    key: u32,
}

#[derive(Default)]
struct Flat {
    sections: Vec<SecInfo>,
    units: Vec<Unit>,
}

impl Flat {
    fn block_ref(&self, i: usize) -> BlockRef {
        let u = &self.units[i];
        let s = &self.sections[u.section];
        BlockRef {
            section_id: s.id.clone(),
            section_path: s.path.clone(),
            kind: u.kind,
            index: u.index,
            number: u.number,
            text: u.text.clone(),
        }
    }
}

fn intern(keys: &mut HashMap<String, u32>, tag: char, text: &str) -> u32 {
    let mut k = String::with_capacity(text.len() + 1);
    k.push(tag);
    k.extend(text.chars().filter(|c| !c.is_whitespace()));
    let next = keys.len() as u32;
    *keys.entry(k).or_insert(next)
}

fn flatten(v: &PolicyVersion, keys: &mut HashMap<String, u32>) -> Flat {
    fn walk(
        s: &Section,
        path: &[String],
        f: &mut Flat,
        number: &mut usize,
        keys: &mut HashMap<String, u32>,
    ) {
        let title = s.title();
        let mut p = path.to_vec();
        let titled = !title.trim().is_empty();
        if titled {
            p.push(title.clone());
        }
        let si = f.sections.len();
        f.sections.push(SecInfo {
            id: s.id.clone(),
            heading: s.heading.clone(),
            path: p.clone(),
        });
        if titled {
            let key = intern(keys, 'H', &title);
            f.units.push(Unit {
                section: si,
                kind: UnitKind::Heading,
                index: None,
                number: None,
                text: title,
                key,
            });
        }
        for (i, b) in s.blocks.iter().enumerate() {
            *number += 1;
            let text = b.plain();
            let key = intern(keys, 'B', &text);
            let kind = match b {
                Block::Paragraph { .. } => UnitKind::Paragraph,
                Block::List { .. } | Block::Contents { .. } => UnitKind::List,
                Block::Table { .. } => UnitKind::Table,
            };
            f.units.push(Unit {
                section: si,
                kind,
                index: Some(i),
                number: Some(*number),
                text,
                key,
            });
        }
        for c in &s.sections {
            walk(c, &p, f, number, keys);
        }
    }
    let mut f = Flat::default();
    let mut number = 0;
    for s in &v.sections {
        walk(s, &[], &mut f, &mut number, keys);
    }
    f
}

/// The texts the diff compares, in document order: every non-empty section title (label and
/// heading) and every block's plain text. [`apply`] produces the new version's list.
pub fn text_units(v: &PolicyVersion) -> Vec<String> {
    flatten(v, &mut HashMap::new())
        .units
        .into_iter()
        .map(|u| u.text)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// Similarity
// ---------------------------------------------------------------------------------------------

fn is_cjk(c: char) -> bool {
    is_ideograph(c)
        || matches!(c as u32, 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3100..=0x31FF | 0xFF00..=0xFFEF)
}

fn fnv(tag: u8, parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Sorted feature hashes: lowercased Latin words and digits, CJK character bigrams.
fn features(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev: Option<char> = None;
    let flush = |word: &mut String, out: &mut Vec<u64>| {
        if !word.is_empty() {
            out.push(fnv(1, &[word.as_bytes()]));
            word.clear();
        }
    };
    for c in s.chars() {
        if is_ideograph(c) {
            flush(&mut word, &mut out);
            let mut b = [0u8; 4];
            let cur = c.encode_utf8(&mut b).as_bytes().to_vec();
            match prev {
                Some(p) => {
                    let mut pb = [0u8; 4];
                    out.push(fnv(2, &[p.encode_utf8(&mut pb).as_bytes(), &cur]));
                }
                None => out.push(fnv(3, &[&cur])),
            }
            prev = Some(c);
        } else if c.is_alphanumeric() {
            prev = None;
            word.extend(c.to_lowercase());
        } else {
            prev = None;
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out.sort_unstable();
    out
}

/// Dice coefficient of two sorted multisets.
fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

fn text_similarity(a: &str, b: &str) -> f64 {
    dice(&features(a), &features(b))
}

// ---------------------------------------------------------------------------------------------
// Alignment
// ---------------------------------------------------------------------------------------------

#[derive(Default)]
struct Budget {
    pairing: usize,
    tokens: usize,
    exhausted: bool,
}

/// Aligns the sections of `x` with those of `y`: same id with a compatible heading, else the
/// same heading text, else the most similar heading.
fn align_sections(x: &Flat, y: &Flat) -> Vec<Option<usize>> {
    let mut map = vec![None; x.sections.len()];
    let mut taken = vec![false; y.sections.len()];
    let heading = |s: &SecInfo| s.heading.as_deref().map(squash).unwrap_or_default();
    let by_id: HashMap<&str, usize> = y
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    for (i, s) in x.sections.iter().enumerate() {
        if let Some(&j) = by_id.get(s.id.as_str()) {
            let (hx, hy) = (heading(s), heading(&y.sections[j]));
            if !taken[j] && (hx == hy || text_similarity(&hx, &hy) >= MODIFY_THRESHOLD) {
                map[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    let mut by_heading: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, s) in y.sections.iter().enumerate() {
        let h = heading(s);
        if !taken[j] && !h.is_empty() {
            by_heading.entry(h).or_default().push(j);
        }
    }
    for (i, s) in x.sections.iter().enumerate() {
        if map[i].is_some() {
            continue;
        }
        if let Some(c) = by_heading.get(&heading(s)) {
            if let [j] = c[..] {
                if !taken[j] {
                    map[i] = Some(j);
                    taken[j] = true;
                }
            }
        }
    }
    let rest_x: Vec<usize> = (0..x.sections.len())
        .filter(|&i| map[i].is_none())
        .collect();
    let rest_y: Vec<usize> = (0..y.sections.len()).filter(|&j| !taken[j]).collect();
    if rest_x.len() * rest_y.len() <= 10_000 {
        for i in rest_x {
            let hx = features(&heading(&x.sections[i]));
            let mut best: Option<(f64, usize)> = None;
            for &j in &rest_y {
                if taken[j] {
                    continue;
                }
                let s = dice(&hx, &features(&heading(&y.sections[j])));
                if s >= 0.6 && best.is_none_or(|(b, _)| s > b) {
                    best = Some((s, j));
                }
            }
            if let Some((_, j)) = best {
                map[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    map
}

/// Aligns the units of `x` and `y`: (x index, y index, Equal | Modify | Move).
fn align(x: &Flat, y: &Flat, budget: &mut Budget) -> Vec<(usize, usize, OpKind)> {
    let sec_map = align_sections(x, y);
    let kx: Vec<u32> = x.units.iter().map(|u| u.key).collect();
    let ky: Vec<u32> = y.units.iter().map(|u| u.key).collect();
    let mut pairs = Vec::new();
    let mut gaps: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let mut open: Option<(Range<usize>, Range<usize>)> = None;
    for op in capture_diff_slices(Algorithm::Myers, &kx, &ky) {
        let (tag, o, n) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            gaps.extend(open.take());
            pairs.extend(o.zip(n).map(|(i, j)| (i, j, OpKind::Equal)));
        } else {
            match &mut open {
                Some((go, gn)) => {
                    go.end = o.end;
                    gn.end = n.end;
                }
                None => open = Some((o, n)),
            }
        }
    }
    gaps.extend(open);

    // Moves: identical units deleted in one place and inserted in another.
    let mut deleted: HashMap<u32, VecDeque<usize>> = HashMap::new();
    for (o, _) in &gaps {
        for i in o.clone() {
            deleted.entry(kx[i]).or_default().push_back(i);
        }
    }
    let mut moved_x = vec![false; kx.len()];
    let mut moved_y = vec![false; ky.len()];
    for (_, n) in &gaps {
        for j in n.clone() {
            if let Some(i) = deleted.get_mut(&ky[j]).and_then(VecDeque::pop_front) {
                pairs.push((i, j, OpKind::Move));
                moved_x[i] = true;
                moved_y[j] = true;
            }
        }
    }

    // Modifications: similar deleted and inserted units within one gap, in order.
    let mut feat_x: HashMap<usize, Vec<u64>> = HashMap::new();
    let mut feat_y: HashMap<usize, Vec<u64>> = HashMap::new();
    for (o, n) in &gaps {
        let dels: Vec<usize> = o.clone().filter(|&i| !moved_x[i]).collect();
        let ins: Vec<usize> = n.clone().filter(|&j| !moved_y[j]).collect();
        let mut next = 0;
        for &i in &dels {
            if budget.exhausted {
                break;
            }
            let ux = &x.units[i];
            let mut best: Option<(f64, usize)> = None;
            for (k, &j) in ins.iter().enumerate().skip(next).take(PAIR_WINDOW) {
                let uy = &y.units[j];
                if (ux.kind == UnitKind::Heading) != (uy.kind == UnitKind::Heading) {
                    continue;
                }
                let aligned = sec_map[ux.section] == Some(uy.section);
                let score = if ux.kind == UnitKind::Heading && aligned {
                    1.0
                } else {
                    let fx = feat_x.entry(i).or_insert_with(|| features(&ux.text));
                    let fy = feat_y.entry(j).or_insert_with(|| features(&uy.text));
                    budget.pairing += fx.len() + fy.len() + 1;
                    if budget.pairing > PAIRING_BUDGET {
                        budget.exhausted = true;
                        break;
                    }
                    dice(fx, fy) + if aligned { 0.1 } else { 0.0 }
                } - 0.02 * (k - next) as f64;
                if score >= MODIFY_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
                    best = Some((score, k));
                }
            }
            if let Some((_, k)) = best {
                pairs.push((i, ins[k], OpKind::Modify));
                next = k + 1;
            }
        }
    }
    pairs
}

// ---------------------------------------------------------------------------------------------
// Inline diff
// ---------------------------------------------------------------------------------------------

/// Inline tokens: user-perceived characters in CJK text; words, whitespace runs and single
/// punctuation marks elsewhere. Never bytes. Hand-rolled rather than UAX #29 segmentation,
/// whose Unicode tables would double the widget's size; the approximation of a grapheme
/// keeps combining marks, variation selectors, skin tones and ZWJ sequences with their base.
fn tokens(s: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Space,
        Word,
        Single,
    }
    let extends = |c: char| matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF | 0x200D);
    let class = |c: char| {
        if c.is_whitespace() {
            Class::Space
        } else if c.is_alphanumeric() && !is_cjk(c) || c == '_' {
            Class::Word
        } else {
            Class::Single
        }
    };
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    let mut after_zwj = false;
    for (n, &(i, c)) in chars.iter().enumerate() {
        if i > 0 && (extends(c) || after_zwj) {
            after_zwj = c == '\u{200D}';
            continue;
        }
        after_zwj = false;
        let mut k = class(c);
        // As in UAX #29, `.` and `'` between letters or digits stay inside the word
        // (`bmw.com.cn`, `3.5`, `don't`).
        if matches!(c, '.' | '\'')
            && prev == Some(Class::Word)
            && chars
                .get(n + 1)
                .is_some_and(|&(_, d)| class(d) == Class::Word)
        {
            k = Class::Word;
        }
        let joins = prev == Some(k) && k != Class::Single;
        if !joins && i > start {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

enum Seg {
    Eq(String, usize),
    Ch(String, String),
}

/// Token diff of a modified unit, or no spans when over budget.
fn inline_diff(old: &str, new: &str, budget: &mut Budget) -> Vec<Span> {
    let a = tokens(old);
    let b = tokens(new);
    let n = a.len() + b.len();
    if n > MAX_INLINE_TOKENS || budget.tokens + n > INLINE_TOKEN_BUDGET {
        budget.exhausted = true;
        return Vec::new();
    }
    budget.tokens += n;
    let mut segs: Vec<Seg> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, nr) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            let t: String = a[o.clone()].concat();
            match segs.last_mut() {
                Some(Seg::Eq(s, c)) => {
                    s.push_str(&t);
                    *c += o.len();
                }
                _ => segs.push(Seg::Eq(t, o.len())),
            }
        } else {
            let (d, i) = (a[o].concat(), b[nr].concat());
            match segs.last_mut() {
                Some(Seg::Ch(sd, si)) => {
                    sd.push_str(&d);
                    si.push_str(&i);
                }
                _ => segs.push(Seg::Ch(d, i)),
            }
        }
    }
    // Semantic cleanup: a short equal run between two changes joins them.
    let mut clean: Vec<Seg> = Vec::new();
    let mut it = segs.into_iter().peekable();
    while let Some(seg) = it.next() {
        match seg {
            Seg::Eq(t, c)
                if c <= 2
                    && t.chars().count() <= 3
                    && matches!(clean.last(), Some(Seg::Ch(..)))
                    && matches!(it.peek(), Some(Seg::Ch(..))) =>
            {
                if let (Some(Seg::Ch(d, i)), Some(Seg::Ch(d2, i2))) = (clean.last_mut(), it.next())
                {
                    d.push_str(&t);
                    d.push_str(&d2);
                    i.push_str(&t);
                    i.push_str(&i2);
                }
            }
            Seg::Ch(d2, i2) => match clean.last_mut() {
                Some(Seg::Ch(d, i)) => {
                    d.push_str(&d2);
                    i.push_str(&i2);
                }
                _ => clean.push(Seg::Ch(d2, i2)),
            },
            other => clean.push(other),
        }
    }
    let mut spans = Vec::new();
    for seg in clean {
        match seg {
            Seg::Eq(t, _) => spans.push(Span {
                kind: SpanKind::Equal,
                text: t,
            }),
            Seg::Ch(d, i) => {
                if !d.is_empty() {
                    spans.push(Span {
                        kind: SpanKind::Delete,
                        text: d,
                    });
                }
                if !i.is_empty() {
                    spans.push(Span {
                        kind: SpanKind::Insert,
                        text: i,
                    });
                }
            }
        }
    }
    spans
}

/// Changed byte ranges of a unit on the old and new side. An insertion shows on the other
/// side as an empty range at the insertion point.
fn changed_ranges(op: &BlockOp) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let old = op.old.as_ref().map_or("", |r| r.text.as_str());
    let new = op.new.as_ref().map_or("", |r| r.text.as_str());
    match op.kind {
        OpKind::Equal => (Vec::new(), Vec::new()),
        OpKind::Insert => (Vec::new(), whole(new)),
        OpKind::Delete => (whole(old), Vec::new()),
        OpKind::Move => (whole(old), whole(new)),
        OpKind::Modify if op.inline.is_empty() => {
            let (p, s) = common_affixes(old, new);
            (one(p..old.len() - s), one(p..new.len() - s))
        }
        OpKind::Modify => {
            let (mut ro, mut rn) = (Vec::new(), Vec::new());
            let (mut po, mut pn) = (0, 0);
            for sp in &op.inline {
                let l = sp.text.len();
                match sp.kind {
                    SpanKind::Equal => {
                        po += l;
                        pn += l;
                    }
                    SpanKind::Delete => {
                        ro.push(po..po + l);
                        rn.push(pn..pn);
                        po += l;
                    }
                    SpanKind::Insert => {
                        rn.push(pn..pn + l);
                        ro.push(po..po);
                        pn += l;
                    }
                }
            }
            (ro, rn)
        }
    }
}

fn whole(text: &str) -> Vec<Range<usize>> {
    one(0..text.len())
}

fn one(r: Range<usize>) -> Vec<Range<usize>> {
    std::iter::once(r).collect()
}

/// Changed byte ranges on the old and on the new side.
type Ranges = (Vec<Range<usize>>, Vec<Range<usize>>);

/// Byte lengths of the common prefix and suffix (on char boundaries, not overlapping).
fn common_affixes(a: &str, b: &str) -> (usize, usize) {
    let p: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let s: usize = a[p..]
        .chars()
        .rev()
        .zip(b[p..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (p, s)
}

// ---------------------------------------------------------------------------------------------
// Facets
// ---------------------------------------------------------------------------------------------

struct FacetItem {
    item: String,
    value: String,
    json: serde_json::Value,
    pair: Option<String>,
    source: Provenance,
}

fn compact(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(compact).collect::<Vec<_>>().join(", "),
        serde_json::Value::Object(o) => o
            .iter()
            .filter(|(k, _)| *k != "source" && *k != "suggested")
            .map(|(k, v)| format!("{k}: {}", compact(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

fn enum_name<T: Serialize>(t: &T) -> String {
    compact(&serde_json::to_value(t).unwrap_or_default())
}

fn collect<T: Serialize>(
    facet: &Facet<T>,
    f: impl Fn(&T) -> (String, Option<String>, &Provenance, bool),
) -> Option<Vec<FacetItem>> {
    if facet.status == Coverage::NotReviewed {
        return None;
    }
    Some(
        facet
            .items
            .iter()
            .filter_map(|t| {
                let (item, pair, source, suggested) = f(t);
                (!suggested).then(|| {
                    let json = serde_json::to_value(t).unwrap_or_default();
                    FacetItem {
                        item,
                        value: compact(&json),
                        json,
                        pair,
                        source: source.clone(),
                    }
                })
            })
            .collect(),
    )
}

/// Facet name → its items, or `None` when the facet is not reviewed.
fn facet_table(v: &PolicyVersion) -> Vec<(&'static str, Option<Vec<FacetItem>>)> {
    let f = &v.facets;
    let party = |p: &Option<Party>, role: &str| {
        Some(
            p.iter()
                .map(|p| FacetItem {
                    item: role.to_string(),
                    value: p.name.clone(),
                    json: serde_json::Value::String(p.name.clone()),
                    pair: Some(role.to_string()),
                    source: p.source.clone(),
                })
                .collect(),
        )
    };
    let dates = [
        ("updated", &v.dates.updated),
        ("effective", &v.dates.effective),
        ("released", &v.dates.released),
    ]
    .iter()
    .filter_map(|(k, d)| {
        d.as_ref().map(|d| FacetItem {
            item: format!("{k} date"),
            value: d.date.clone(),
            json: serde_json::Value::String(d.date.clone()),
            pair: Some(k.to_string()),
            source: d.source.clone(),
        })
    })
    .collect();
    vec![
        ("controller", party(&v.controller, "controller")),
        ("operator", party(&v.operator, "operator")),
        ("dates", Some(dates)),
        (
            "data_collected",
            collect(&f.data_collected, |i| {
                (i.name.clone(), Some(i.name.clone()), &i.source, i.suggested)
            }),
        ),
        (
            "purposes",
            collect(&f.purposes, |i| {
                (i.text.clone(), None, &i.source, i.suggested)
            }),
        ),
        (
            "scenarios",
            collect(&f.scenarios, |i| {
                (
                    i.scenario.clone(),
                    Some(i.scenario.clone()),
                    &i.source,
                    i.suggested,
                )
            }),
        ),
        (
            "recipients",
            collect(&f.recipients, |i| {
                let name = i.name.clone().unwrap_or_else(|| i.text.clone());
                let pair = format!("{}: {}", enum_name(&i.kind), i.text);
                (name, Some(pair), &i.source, i.suggested)
            }),
        ),
        (
            "sdks",
            collect(&f.sdks, |i| {
                (i.name.clone(), Some(i.name.clone()), &i.source, i.suggested)
            }),
        ),
        (
            "permissions",
            collect(&f.permissions, |i| {
                let k = enum_name(&i.permission);
                (k.clone(), Some(k), &i.source, i.suggested)
            }),
        ),
        (
            "retention",
            collect(&f.retention, |i| {
                (i.text.clone(), None, &i.source, i.suggested)
            }),
        ),
        (
            "storage",
            collect(&f.storage, |i| {
                let k = i.location.clone().unwrap_or_else(|| "storage".into());
                (k.clone(), Some(k), &i.source, i.suggested)
            }),
        ),
        (
            "security",
            collect(&f.security, |i| {
                (i.text.clone(), None, &i.source, i.suggested)
            }),
        ),
        (
            "children",
            collect(&f.children, |i| {
                (
                    "children".into(),
                    Some("children".into()),
                    &i.source,
                    i.suggested,
                )
            }),
        ),
        (
            "rights",
            collect(&f.rights, |i| {
                let k = enum_name(&i.right);
                (k.clone(), Some(k), &i.source, i.suggested)
            }),
        ),
        (
            "contacts",
            collect(&f.contacts, |i| {
                let k = enum_name(&i.kind);
                (k.clone(), Some(k), &i.source, i.suggested)
            }),
        ),
        (
            "major_changes",
            collect(&f.major_changes, |i| {
                (i.text.clone(), None, &i.source, i.suggested)
            }),
        ),
    ]
}

fn facet_changes(old: &PolicyVersion, new: &PolicyVersion) -> Vec<FacetChange> {
    let mut out = Vec::new();
    for ((facet, a), (_, b)) in facet_table(old).into_iter().zip(facet_table(new)) {
        let (Some(a), Some(b)) = (a, b) else {
            continue;
        };
        let mut used_b = vec![false; b.len()];
        let mut removed = Vec::new();
        // Identical items pair up first, each with the earliest unused twin.
        let mut twins: std::collections::HashMap<(&str, &str), Vec<usize>> = Default::default();
        for (j, y) in b.iter().enumerate().rev() {
            twins
                .entry((y.item.as_str(), y.value.as_str()))
                .or_default()
                .push(j);
        }
        for x in &a {
            match twins
                .get_mut(&(x.item.as_str(), x.value.as_str()))
                .and_then(Vec::pop)
            {
                Some(j) => used_b[j] = true,
                None => removed.push(x),
            }
        }
        let mut changed = Vec::new();
        let mut gone = Vec::new();
        for x in removed {
            let j = x
                .pair
                .as_ref()
                .and_then(|p| (0..b.len()).find(|&j| !used_b[j] && b[j].pair.as_ref() == Some(p)));
            match j {
                Some(j) => {
                    used_b[j] = true;
                    changed.push((x, &b[j]));
                }
                None => gone.push(x),
            }
        }
        for (x, y) in changed {
            let (fields, old_value, new_value) = value_delta(&x.json, &y.json);
            out.push(FacetChange {
                facet,
                kind: FacetChangeKind::Changed,
                item: y.item.clone(),
                fields,
                old_value: Some(old_value),
                new_value: Some(new_value),
                old_source: Some(x.source.clone()),
                new_source: Some(y.source.clone()),
            });
        }
        for x in gone {
            out.push(FacetChange {
                facet,
                kind: FacetChangeKind::Removed,
                item: x.item.clone(),
                fields: Vec::new(),
                old_value: Some(x.value.clone()),
                new_value: None,
                old_source: Some(x.source.clone()),
                new_source: None,
            });
        }
        for (j, y) in b.iter().enumerate() {
            if !used_b[j] {
                out.push(FacetChange {
                    facet,
                    kind: FacetChangeKind::Added,
                    item: y.item.clone(),
                    fields: Vec::new(),
                    old_value: None,
                    new_value: Some(y.value.clone()),
                    old_source: None,
                    new_source: Some(y.source.clone()),
                });
            }
        }
    }
    out
}

/// The fields that differ between two item values, and their old and new forms.
fn value_delta(a: &serde_json::Value, b: &serde_json::Value) -> (Vec<String>, String, String) {
    match (a, b) {
        (serde_json::Value::Object(x), serde_json::Value::Object(y)) => {
            let keys: BTreeSet<&String> = x
                .keys()
                .chain(y.keys())
                .filter(|k| *k != "source" && *k != "suggested" && x.get(*k) != y.get(*k))
                .collect();
            let side = |o: &serde_json::Map<String, serde_json::Value>| {
                keys.iter()
                    .map(|k| {
                        format!(
                            "{k}: {}",
                            o.get(*k).map(compact).unwrap_or_else(|| "—".into())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            (
                keys.iter().map(|k| k.to_string()).collect(),
                side(x),
                side(y),
            )
        }
        _ => (Vec::new(), compact(a), compact(b)),
    }
}

/// The criterion a facet change hits by itself, if any. A scenario whose method or platform
/// changed (who runs it) is left to the text heuristics.
fn facet_change_criterion(fc: &FacetChange) -> Option<Criterion> {
    if fc.facet == "scenarios"
        && fc.kind == FacetChangeKind::Changed
        && fc.fields.iter().all(|f| f == "method" || f == "platform")
    {
        return None;
    }
    Some(facet_criterion(fc.facet))
}

fn facet_criterion(facet: &str) -> Criterion {
    match facet {
        "data_collected" | "purposes" | "scenarios" | "permissions" => Criterion::PurposesOrTypes,
        "recipients" | "sdks" => Criterion::Recipients,
        "rights" => Criterion::UserRights,
        "contacts" => Criterion::ContactOrComplaint,
        "controller" | "operator" => Criterion::Ownership,
        _ => Criterion::OtherSubstantive,
    }
}

// ---------------------------------------------------------------------------------------------
// Classification
// ---------------------------------------------------------------------------------------------

const KEYWORDS: [(Criterion, &[&str]); 6] = [
    (
        Criterion::PurposesOrTypes,
        &[
            "目的",
            "用途",
            "收集",
            "类型",
            "敏感个人信息",
            "生物识别",
            "人脸",
            "精确位置",
            "身份证",
            "purpose",
            "collect",
            "categor",
            "types of",
            "sensitive",
            "biometric",
            "precise location",
        ],
    ),
    (
        Criterion::Ownership,
        &[
            "所有权",
            "控制者",
            "个人信息处理者",
            "合并",
            "收购",
            "并购",
            "重组",
            "破产",
            "组织架构",
            "ownership",
            "controller",
            "merger",
            "acquisition",
            "reorganiz",
            "bankrupt",
        ],
    ),
    (
        Criterion::Recipients,
        &[
            "共享",
            "转让",
            "公开披露",
            "披露",
            "第三方",
            "sdk",
            "合作方",
            "合作伙伴",
            "关联方",
            "委托",
            "提供给",
            "接收方",
            "共同处理",
            "运营",
            "share",
            "sharing",
            "third part",
            "third-part",
            "disclos",
            "transfer",
            "partner",
            "affiliate",
            "recipient",
            "processor",
            "vendor",
            "service provider",
            "operat",
        ],
    ),
    (
        Criterion::UserRights,
        &[
            "权利",
            "查阅",
            "复制",
            "更正",
            "补充",
            "删除",
            "撤回",
            "注销",
            "转移",
            "right",
            "access",
            "correct",
            "rectif",
            "delet",
            "erase",
            "erasure",
            "withdraw",
            "portab",
            "opt out",
            "opt-out",
            "cancel your account",
        ],
    ),
    (
        Criterion::ContactOrComplaint,
        &[
            "联系",
            "投诉",
            "举报",
            "客服",
            "负责人",
            "保护专员",
            "责任部门",
            "邮箱",
            "电话",
            "联系地址",
            "contact",
            "complain",
            "email",
            "e-mail",
            "phone",
            "hotline",
            "data protection officer",
            "mailing address",
            "postal address",
        ],
    ),
    (
        Criterion::HighRiskAssessment,
        &[
            "影响评估",
            "高风险",
            "安全评估",
            "impact assessment",
            "high risk",
            "high-risk",
        ],
    ),
];

const RECIPIENT_CONTEXT: &[&str] = &[
    "运营",
    "共享",
    "第三方",
    "关联方",
    "合作",
    "委托",
    "提供给",
    "共同处理",
    "sdk",
    "operat",
    "shar",
    "third part",
    "affiliate",
    "partner",
    "provider",
    "processor",
];
const OWNER_CONTEXT: &[&str] = &[
    "以下简称",
    "我们是",
    "控制者",
    "处理者",
    "controller",
    "we are",
    "hereinafter",
];

fn touches(region: &Range<usize>, changed: &[Range<usize>]) -> bool {
    changed.iter().any(|r| {
        if r.is_empty() {
            region.start < r.start && r.start < region.end
        } else {
            r.start < region.end && region.start < r.end
        }
    })
}

/// Evidence collected for one change.
#[derive(Default)]
struct Hits {
    criteria: BTreeSet<Criterion>,
    reasons: Vec<String>,
}

impl Hits {
    fn reason(&mut self, r: String) {
        if !self.reasons.contains(&r) {
            self.reasons.push(r);
        }
    }
}

fn entity_reason(hits: &mut Hits, what: &str, old: &[String], new: &[String]) {
    let old: Vec<&String> = old.iter().filter(|o| !new.contains(o)).collect();
    let new: Vec<&String> = new.iter().filter(|n| !old.contains(n)).collect();
    let join = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    match (old.is_empty(), new.is_empty()) {
        (false, false) => hits.reason(format!("{what} changed: {} → {}", join(&old), join(&new))),
        (false, true) => hits.reason(format!("{what} removed: {}", join(&old))),
        (true, false) => hits.reason(format!("{what} added: {}", join(&new))),
        (true, true) => {}
    }
}

/// Text heuristics over the changed ranges of both sides.
fn text_heuristics(
    old: &str,
    new: &str,
    ro: &[Range<usize>],
    rn: &[Range<usize>],
    parties: &[String],
    hits: &mut Hits,
) {
    let sides = [(old, ro), (new, rn)];
    // Named entities.
    let touched = |f: fn(&str) -> Vec<Range<usize>>, text: &str, r: &[Range<usize>]| {
        let mut v: Vec<String> = f(text)
            .into_iter()
            .filter(|g| touches(g, r))
            .map(|g| text[g].to_string())
            .collect();
        v.dedup();
        v
    };
    let (co, cn) = (
        touched(company_names, old, ro),
        touched(company_names, new, rn),
    );
    if !co.is_empty() || !cn.is_empty() {
        let lower = format!("{old}\n{new}").to_lowercase();
        let party = co.iter().chain(&cn).any(|c| {
            parties
                .iter()
                .any(|p| p.contains(c.as_str()) || c.contains(p.as_str()))
        });
        let (criterion, what) = if party {
            (Criterion::Ownership, "controller or operator name")
        } else if RECIPIENT_CONTEXT.iter().any(|k| lower.contains(k)) {
            (
                Criterion::Recipients,
                "company named as operator or recipient",
            )
        } else if OWNER_CONTEXT.iter().any(|k| lower.contains(k)) {
            (Criterion::Ownership, "company named as the controller")
        } else {
            (Criterion::Recipients, "company name")
        };
        hits.criteria.insert(criterion);
        entity_reason(hits, what, &co, &cn);
    }
    let (eo, en) = (touched(emails, old, ro), touched(emails, new, rn));
    let (po, pn) = (touched(phones, old, ro), touched(phones, new, rn));
    if !eo.is_empty() || !en.is_empty() {
        hits.criteria.insert(Criterion::ContactOrComplaint);
        entity_reason(hits, "email", &eo, &en);
    }
    if !po.is_empty() || !pn.is_empty() {
        hits.criteria.insert(Criterion::ContactOrComplaint);
        entity_reason(hits, "phone number", &po, &pn);
    }
    // Keywords in changed text.
    for (criterion, words) in KEYWORDS {
        let mut found: Vec<&str> = Vec::new();
        for (text, r) in sides {
            if r.is_empty() {
                continue;
            }
            let lower = text.to_ascii_lowercase();
            for w in words {
                if !found.contains(w) && find_word(&lower, w).any(|g| touches(&g, r)) {
                    found.push(w);
                }
            }
        }
        if !found.is_empty() {
            hits.criteria.insert(criterion);
            let shown: Vec<String> = found.iter().take(4).map(|w| format!("“{w}”")).collect();
            hits.reason(format!(
                "{}: the change touches {}",
                criterion.name(),
                shown.join(", ")
            ));
        }
    }
}

/// The text with whitespace, punctuation and numbering labels removed.
fn editorial_key(text: &str) -> String {
    text.lines()
        .flat_map(|l| strip_numbering(l).chars().filter(|c| c.is_alphanumeric()))
        .collect()
}

fn major_criteria(old: &PolicyVersion, new: &PolicyVersion) -> (Vec<Criterion>, MajorBasis) {
    const MAP: [(Criterion, &[&str]); 6] = [
        (
            Criterion::PurposesOrTypes,
            &[
                "目的",
                "类型",
                "方式",
                "业务模式",
                "purpose",
                "type",
                "business model",
                "manner",
            ],
        ),
        (
            Criterion::Ownership,
            &[
                "所有权",
                "所有者",
                "组织架构",
                "并购",
                "重组",
                "收购",
                "ownership",
                "owner",
                "organi",
                "merger",
                "acquisition",
                "restructur",
            ],
        ),
        (
            Criterion::Recipients,
            &[
                "共享",
                "转让",
                "公开披露",
                "对象",
                "第三方",
                "share",
                "transfer",
                "disclos",
                "recipient",
                "third part",
            ],
        ),
        (Criterion::UserRights, &["权利", "right"]),
        (
            Criterion::ContactOrComplaint,
            &[
                "联络",
                "联系",
                "投诉",
                "责任部门",
                "contact",
                "complain",
                "department",
            ],
        ),
        (
            Criterion::HighRiskAssessment,
            &["评估", "高风险", "assessment", "high risk"],
        ),
    ];
    let statements = [&new.facets.major_changes, &old.facets.major_changes]
        .into_iter()
        .find(|f| f.status == Coverage::Stated && !f.items.is_empty());
    if let Some(f) = statements {
        let mut set = BTreeSet::new();
        for s in &f.items {
            let t = format!("{} {}", s.text, s.source.quote).to_lowercase();
            for (c, words) in MAP {
                if words.iter().any(|w| t.contains(w)) {
                    set.insert(c);
                }
            }
        }
        if !set.is_empty() {
            return (set.into_iter().collect(), MajorBasis::Policy);
        }
    }
    (GBT_MAJOR.to_vec(), MajorBasis::GbT35273)
}

// ---------------------------------------------------------------------------------------------
// The diff
// ---------------------------------------------------------------------------------------------

/// Compares two versions of one policy.
pub fn diff(old: &PolicyVersion, new: &PolicyVersion) -> Result<Diff, DiffError> {
    if old.id != new.id {
        return Err(DiffError::DifferentPolicies {
            old: old.id.clone(),
            new: new.id.clone(),
        });
    }
    let mut keys = HashMap::new();
    let a = flatten(old, &mut keys);
    let b = flatten(new, &mut keys);
    let mut budget = Budget::default();

    // Align in a canonical orientation so that diff(b, a) mirrors diff(a, b) exactly.
    let swap = a
        .units
        .iter()
        .map(|u| u.text.as_str())
        .cmp(b.units.iter().map(|u| u.text.as_str()))
        == Ordering::Greater;
    let pairs: Vec<(usize, usize, OpKind)> = if swap {
        align(&b, &a, &mut budget)
            .into_iter()
            .map(|(j, i, k)| (i, j, k))
            .collect()
    } else {
        align(&a, &b, &mut budget)
    };
    let ops = order_ops(&a, &b, pairs, &mut budget);

    let mut counts = Counts::default();
    for op in &ops {
        match op.kind {
            OpKind::Equal => counts.unchanged += 1,
            OpKind::Insert => counts.added += 1,
            OpKind::Delete => counts.deleted += 1,
            OpKind::Modify => counts.modified += 1,
            OpKind::Move => counts.moved += 1,
        }
    }

    let (major_set, basis) = major_criteria(old, new);
    let mut parties: Vec<String> = [
        &old.controller,
        &old.operator,
        &new.controller,
        &new.operator,
    ]
    .into_iter()
    .flatten()
    .map(|p| p.name.clone())
    .collect();
    parties.dedup();

    // One change per changed unit.
    struct Draft {
        change: Change,
        ranges: (Vec<Range<usize>>, Vec<Range<usize>>),
    }
    let mut drafts: Vec<Draft> = Vec::new();
    for (k, op) in ops.iter().enumerate() {
        if op.kind == OpKind::Equal {
            continue;
        }
        let ranges = changed_ranges(op);
        let kind = match op.kind {
            OpKind::Insert => ChangeKind::Added,
            OpKind::Delete => ChangeKind::Removed,
            OpKind::Move => ChangeKind::Moved,
            _ => ChangeKind::Modified,
        };
        let whole = matches!(op.kind, OpKind::Insert | OpKind::Delete | OpKind::Move);
        let quote = |r: Option<&BlockRef>, ranges: &[Range<usize>]| {
            r.map(|r| plain_excerpt(&r.text, ranges, whole))
        };
        drafts.push(Draft {
            change: Change {
                id: String::new(),
                kind,
                op: Some(k),
                section_path: op
                    .new
                    .as_ref()
                    .or(op.old.as_ref())
                    .map(|r| r.section_path.clone())
                    .unwrap_or_default(),
                old_quote: quote(op.old.as_ref(), &ranges.0),
                new_quote: quote(op.new.as_ref(), &ranges.1),
                facets: Vec::new(),
                facet_changes: Vec::new(),
                class: Class {
                    major: false,
                    criteria: Vec::new(),
                    reasons: Vec::new(),
                },
            },
            ranges,
        });
    }

    // Facet changes: attach to the changed unit holding the quote, else list on their own
    // unless the quote is unchanged in both texts (a difference of annotation only).
    let old_text = squash(&crate::text::full_text(old));
    let new_text = squash(&crate::text::full_text(new));
    let in_text = |text: &str, p: &Provenance| {
        let q = squash(&p.quote);
        !q.is_empty() && text.contains(&q)
    };
    let holds = |r: Option<&BlockRef>, p: &Provenance| {
        r.is_some_and(|r| {
            r.section_id == p.section && {
                let q = squash(&p.quote);
                !q.is_empty() && squash(&r.text).contains(&q)
            }
        })
    };
    let mut facet_only: Vec<Change> = Vec::new();
    for fc in facet_changes(old, new) {
        let target = drafts.iter().position(|d| {
            let op = &ops[d.change.op.unwrap_or_default()];
            fc.new_source
                .as_ref()
                .is_some_and(|p| holds(op.new.as_ref(), p))
                || fc
                    .old_source
                    .as_ref()
                    .is_some_and(|p| holds(op.old.as_ref(), p))
        });
        if let Some(t) = target {
            let c = &mut drafts[t].change;
            if !c.facets.contains(&fc.facet) {
                c.facets.push(fc.facet);
            }
            c.facet_changes.push(fc);
            continue;
        }
        let old_present = fc.old_source.as_ref().map(|p| in_text(&new_text, p));
        let new_present = fc.new_source.as_ref().map(|p| in_text(&old_text, p));
        if old_present.unwrap_or(true) && new_present.unwrap_or(true) {
            continue;
        }
        let section = |f: &Flat, p: &Provenance| {
            f.sections
                .iter()
                .find(|s| s.id == p.section)
                .map(|s| s.path.clone())
                .unwrap_or_else(|| vec![p.section.clone()])
        };
        let section_path = match (&fc.new_source, &fc.old_source) {
            (Some(p), _) => section(&b, p),
            (None, Some(p)) => section(&a, p),
            (None, None) => Vec::new(),
        };
        facet_only.push(Change {
            id: String::new(),
            kind: match fc.kind {
                FacetChangeKind::Added => ChangeKind::Added,
                FacetChangeKind::Removed => ChangeKind::Removed,
                FacetChangeKind::Changed => ChangeKind::Modified,
            },
            op: None,
            section_path,
            old_quote: fc.old_source.as_ref().map(|p| p.quote.clone()),
            new_quote: fc.new_source.as_ref().map(|p| p.quote.clone()),
            facets: vec![fc.facet],
            facet_changes: vec![fc],
            class: Class {
                major: false,
                criteria: Vec::new(),
                reasons: Vec::new(),
            },
        });
    }

    // Classification.
    let classify = |c: &Change, ranges: Option<&Ranges>| {
        let mut hits = Hits::default();
        for fc in &c.facet_changes {
            hits.criteria.extend(facet_change_criterion(fc));
            let v = |s: &Option<String>| s.clone().unwrap_or_default();
            hits.reason(match fc.kind {
                FacetChangeKind::Added => {
                    format!("{}: added {} ({})", fc.facet, fc.item, v(&fc.new_value))
                }
                FacetChangeKind::Removed => {
                    format!("{}: removed {} ({})", fc.facet, fc.item, v(&fc.old_value))
                }
                FacetChangeKind::Changed => format!(
                    "{}: {} changed, {} → {}",
                    fc.facet,
                    fc.item,
                    v(&fc.old_value),
                    v(&fc.new_value)
                ),
            });
        }
        let op = c.op.map(|k| &ops[k]);
        let old_t = op.and_then(|o| o.old.as_ref()).map(|r| r.text.as_str());
        let new_t = op.and_then(|o| o.new.as_ref()).map(|r| r.text.as_str());
        let editorial = match (op.map(|o| o.kind), old_t, new_t) {
            (Some(OpKind::Modify), Some(o), Some(n)) => editorial_key(o) == editorial_key(n),
            (Some(OpKind::Insert), _, Some(t)) | (Some(OpKind::Delete), Some(t), _) => {
                editorial_key(t).is_empty()
            }
            (Some(OpKind::Move), ..) => {
                let (o, n) = (
                    op.and_then(|o| o.old.as_ref()),
                    op.and_then(|o| o.new.as_ref()),
                );
                let same = o.zip(n).is_some_and(|(o, n)| {
                    o.section_id == n.section_id
                        || o.section_path.last().map(|t| editorial_key(t))
                            == n.section_path.last().map(|t| editorial_key(t))
                });
                if !same {
                    hits.criteria.insert(Criterion::OtherSubstantive);
                    hits.reason(format!(
                        "moved from {} to {}",
                        path_str(o.map_or(&[][..], |r| &r.section_path[..])),
                        path_str(n.map_or(&[][..], |r| &r.section_path[..]))
                    ));
                }
                same
            }
            _ => false,
        };
        if editorial && hits.criteria.is_empty() {
            return Class {
                major: false,
                criteria: vec![Criterion::Editorial],
                reasons: vec![Criterion::Editorial.explain().to_string()],
            };
        }
        if op.map(|o| o.kind) != Some(OpKind::Move) {
            match (op, ranges) {
                (Some(_), Some((ro, rn))) => text_heuristics(
                    old_t.unwrap_or(""),
                    new_t.unwrap_or(""),
                    ro,
                    rn,
                    &parties,
                    &mut hits,
                ),
                _ => {
                    let o = c.old_quote.as_deref().unwrap_or("");
                    let n = c.new_quote.as_deref().unwrap_or("");
                    let (p, s) = common_affixes(o, n);
                    text_heuristics(
                        o,
                        n,
                        &one(p..o.len() - s),
                        &one(p..n.len() - s),
                        &parties,
                        &mut hits,
                    );
                }
            }
        }
        if hits.criteria.is_empty() {
            hits.criteria.insert(Criterion::OtherSubstantive);
        }
        let criteria: Vec<Criterion> = hits.criteria.into_iter().collect();
        Class {
            major: criteria.iter().any(|c| major_set.contains(c)),
            criteria,
            reasons: hits.reasons,
        }
    };
    let mut changes: Vec<Change> = Vec::new();
    for d in drafts {
        let mut c = d.change;
        c.class = classify(&c, Some(&d.ranges));
        changes.push(c);
    }
    for mut c in facet_only {
        c.class = classify(&c, None);
        changes.push(c);
    }
    for (i, c) in changes.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }

    // Flags.
    let mut flags = Vec::new();
    let (ou, nu) = (old.dates.updated.as_ref(), new.dates.updated.as_ref());
    if !changes.is_empty() && ou.map(|d| &d.date) == nu.map(|d| &d.date) {
        flags.push(Flag {
            kind: FlagKind::UpdatedDateUnchanged,
            message: match nu {
                Some(d) => format!(
                    "The text changed but the stated update date did not ({}).",
                    d.date
                ),
                None => "The text changed but neither version states an update date.".into(),
            },
        });
    }
    if let (Some(o), Some(n)) = (ou, nu) {
        if n.date < o.date {
            flags.push(Flag {
                kind: FlagKind::UpdatedDateEarlier,
                message: format!(
                    "The new version states an earlier update date ({}) than the old one ({}).",
                    n.date, o.date
                ),
            });
        }
    }

    // Verdict.
    let mut criteria = BTreeSet::new();
    let (mut major, mut editorial, mut substantive) = (0, 0, 0);
    for c in &changes {
        if c.class.major {
            major += 1;
        } else if c.class.is_editorial() {
            editorial += 1;
        } else {
            substantive += 1;
        }
        criteria.extend(
            c.class
                .criteria
                .iter()
                .copied()
                .filter(|&k| k != Criterion::Editorial),
        );
    }

    Ok(Diff {
        policy: old.id.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        ops,
        changes,
        counts,
        flags,
        verdict: Verdict {
            major,
            substantive,
            editorial,
            needs_notice: major > 0,
            criteria: criteria.into_iter().collect(),
            major_criteria: major_set,
            basis,
        },
        budget_exhausted: budget.exhausted,
    })
}

/// Lays the aligned pairs out in document order: before each anchor (an equal or modified
/// unit), the deleted old units, then the inserted and moved new units.
fn order_ops(
    a: &Flat,
    b: &Flat,
    pairs: Vec<(usize, usize, OpKind)>,
    budget: &mut Budget,
) -> Vec<BlockOp> {
    let mut moved_old = vec![false; a.units.len()];
    let mut move_to: Vec<Option<usize>> = vec![None; b.units.len()];
    let mut anchors = Vec::new();
    for (i, j, k) in pairs {
        if k == OpKind::Move {
            moved_old[i] = true;
            move_to[j] = Some(i);
        } else {
            anchors.push((i, j, k));
        }
    }
    anchors.sort_unstable_by_key(|&(i, j, _)| (i, j));
    let mut ops = Vec::with_capacity(a.units.len().max(b.units.len()));
    let (mut oi, mut nj) = (0, 0);
    let sentinel = (a.units.len(), b.units.len(), OpKind::Equal);
    for (idx, &(i, j, k)) in anchors.iter().chain([&sentinel]).enumerate() {
        for (d, _) in moved_old
            .iter()
            .enumerate()
            .take(i)
            .skip(oi)
            .filter(|(_, m)| !**m)
        {
            {
                ops.push(BlockOp {
                    kind: OpKind::Delete,
                    old: Some(a.block_ref(d)),
                    new: None,
                    inline: Vec::new(),
                });
            }
        }
        for (n, to) in move_to.iter().enumerate().take(j).skip(nj) {
            let (kind, old) = match *to {
                Some(d) => (OpKind::Move, Some(a.block_ref(d))),
                None => (OpKind::Insert, None),
            };
            ops.push(BlockOp {
                kind,
                old,
                new: Some(b.block_ref(n)),
                inline: Vec::new(),
            });
        }
        if idx == anchors.len() {
            break;
        }
        let (old, new) = (a.block_ref(i), b.block_ref(j));
        let kind = if k == OpKind::Equal && old.text == new.text {
            OpKind::Equal
        } else {
            OpKind::Modify
        };
        let inline = if kind == OpKind::Modify {
            inline_diff(&old.text, &new.text, budget)
        } else {
            Vec::new()
        };
        ops.push(BlockOp {
            kind,
            old: Some(old),
            new: Some(new),
            inline,
        });
        oi = i + 1;
        nj = j + 1;
    }
    ops
}

/// Applies a diff to the version it was computed from: the new version's [`text_units`].
pub fn apply(old: &PolicyVersion, d: &Diff) -> Result<Vec<String>, DiffError> {
    let fail = |reason: String| Err(DiffError::DoesNotApply { reason });
    if old.id != d.policy || old.version != d.old_version {
        return fail(format!(
            "the diff is from {} {}, not {} {}",
            d.policy, d.old_version, old.id, old.version
        ));
    }
    let a = flatten(old, &mut HashMap::new());
    let mut index: HashMap<(&str, Option<usize>), usize> = HashMap::new();
    for (k, u) in a.units.iter().enumerate() {
        index.insert((a.sections[u.section].id.as_str(), u.index), k);
    }
    let mut used = vec![false; a.units.len()];
    let mut take = |r: &BlockRef| -> Result<&str, DiffError> {
        match index.get(&(r.section_id.as_str(), r.index)) {
            Some(&k) if a.units[k].text == r.text && !used[k] => {
                used[k] = true;
                Ok(&a.units[k].text)
            }
            _ => Err(DiffError::DoesNotApply {
                reason: format!("no unit {:?} at {} {:?}", r.text, r.section_id, r.index),
            }),
        }
    };
    let mut out = Vec::new();
    for op in &d.ops {
        let old_ref = op.old.as_ref();
        match op.kind {
            OpKind::Insert => match &op.new {
                Some(n) => out.push(n.text.clone()),
                None => return fail("insert without a new unit".into()),
            },
            OpKind::Delete | OpKind::Equal | OpKind::Move | OpKind::Modify => {
                let Some(r) = old_ref else {
                    return fail("operation without an old unit".into());
                };
                let text = take(r)?.to_string();
                match op.kind {
                    OpKind::Delete => {}
                    OpKind::Equal => out.push(text),
                    // Moves are found by the whitespace-free key, so the moved unit may differ
                    // from the old one in whitespace: the new text is the one to keep.
                    OpKind::Move => match &op.new {
                        Some(n) => out.push(n.text.clone()),
                        None => return fail("move without a new unit".into()),
                    },
                    _ if !op.inline.is_empty() => {
                        let kept = |k: SpanKind| {
                            op.inline
                                .iter()
                                .filter(|s| s.kind != k)
                                .map(|s| s.text.as_str())
                                .collect::<String>()
                        };
                        if kept(SpanKind::Insert) != text {
                            return fail(format!("inline spans do not match {text:?}"));
                        }
                        out.push(kept(SpanKind::Delete));
                    }
                    _ => match &op.new {
                        Some(n) => out.push(n.text.clone()),
                        None => return fail("modify without a new unit".into()),
                    },
                }
            }
        }
    }
    if let Some(k) = used.iter().position(|u| !u) {
        return fail(format!(
            "old unit {:?} is not accounted for",
            a.units[k].text
        ));
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------------

fn path_str(p: &[String]) -> String {
    if p.is_empty() {
        "(preamble)".into()
    } else {
        p.join(" › ")
    }
}

fn truncate_chars(s: &str, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Pieces of a quote: (text, changed). Context around the changed hull, or the whole unit.
fn excerpt_pieces(text: &str, ranges: &[Range<usize>], whole: bool) -> Vec<(String, bool)> {
    if whole || ranges.is_empty() {
        return vec![(truncate_chars(text, MAX_QUOTE_CHARS), false)];
    }
    let start = ranges.iter().map(|r| r.start).min().unwrap_or(0);
    let end = ranges.iter().map(|r| r.end).max().unwrap_or(text.len());
    let short = text.chars().nth(SHORT_UNIT_CHARS).is_none();
    let from = if short {
        0
    } else {
        text[..start]
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i)
    };
    let to = if short {
        text.len()
    } else {
        text[end..]
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(text.len(), |(i, _)| end + i)
    };
    let mut pieces = Vec::new();
    if from > 0 {
        pieces.push(("…".to_string(), false));
    }
    let mut pos = from;
    for r in ranges.iter().filter(|r| !r.is_empty()) {
        if r.start > pos {
            pieces.push((text[pos..r.start].to_string(), false));
        }
        pieces.push((truncate_chars(&text[r.clone()], MAX_QUOTE_CHARS), true));
        pos = r.end;
    }
    if to > pos {
        pieces.push((text[pos..to].to_string(), false));
    }
    if to < text.len() {
        pieces.push(("…".to_string(), false));
    }
    pieces
}

fn plain_excerpt(text: &str, ranges: &[Range<usize>], whole: bool) -> String {
    excerpt_pieces(text, ranges, whole)
        .into_iter()
        .map(|(t, _)| t)
        .collect::<String>()
        .replace('\n', " / ")
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str(" / "),
            _ => out.push(c),
        }
    }
    out
}

/// A quote of one side of a change, changed pieces marked.
fn render_quote(
    d: &Diff,
    c: &Change,
    new_side: bool,
    mark: &dyn Fn(&str) -> String,
    esc: &dyn Fn(&str) -> String,
) -> Option<String> {
    let op = c.op.map(|k| &d.ops[k]);
    let Some(op) = op else {
        return (if new_side { &c.new_quote } else { &c.old_quote })
            .as_deref()
            .map(esc);
    };
    let r = if new_side {
        op.new.as_ref()
    } else {
        op.old.as_ref()
    }?;
    let (ro, rn) = changed_ranges(op);
    let whole = matches!(op.kind, OpKind::Insert | OpKind::Delete | OpKind::Move);
    let pieces = excerpt_pieces(&r.text, if new_side { &rn } else { &ro }, whole);
    Some(
        pieces
            .iter()
            .map(|(t, changed)| if *changed { mark(t) } else { esc(t) })
            .collect(),
    )
}

fn kind_word(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Modified => "modified",
        ChangeKind::Moved => "moved",
    }
}

fn class_word(c: &Class) -> &'static str {
    if c.major {
        "major"
    } else if c.is_editorial() {
        "editorial"
    } else {
        "substantive"
    }
}

fn verdict_line(d: &Diff) -> String {
    let v = &d.verdict;
    let n = d.changes.len();
    let head = if n == 0 {
        "No changes".to_string()
    } else if v.needs_notice {
        "Major change: users must be notified".to_string()
    } else if v.substantive > 0 {
        "Changes of substance, none on the major-change list".to_string()
    } else {
        "Editorial changes only".to_string()
    };
    let mut s = format!(
        "{head}. {n} change{}: {} major, {} other substantive, {} editorial.",
        if n == 1 { "" } else { "s" },
        v.major,
        v.substantive,
        v.editorial
    );
    if !v.criteria.is_empty() {
        let names: Vec<&str> = v.criteria.iter().map(|c| c.name()).collect();
        let _ = write!(s, " Criteria hit: {}.", names.join(", "));
    }
    s
}

fn basis_line(d: &Diff) -> String {
    let names: Vec<&str> = d.verdict.major_criteria.iter().map(|c| c.name()).collect();
    match d.verdict.basis {
        MajorBasis::Policy => format!(
            "Major-change criteria from the policy's own statements: {}.",
            names.join(", ")
        ),
        MajorBasis::GbT35273 => format!(
            "Major-change criteria from GB/T 35273-2020 (the policy states none of its own): {}.",
            names.join(", ")
        ),
    }
}

fn counts_line(d: &Diff) -> String {
    let c = d.counts;
    format!(
        "Units (headings and blocks): {} modified, {} added, {} deleted, {} moved, {} unchanged.",
        c.modified, c.added, c.deleted, c.moved, c.unchanged
    )
}

fn location(d: &Diff, c: &Change) -> String {
    let mut s = path_str(&c.section_path);
    if let Some(op) = c.op.map(|k| &d.ops[k]) {
        if let Some(n) = op.new.as_ref().or(op.old.as_ref()).and_then(|r| r.number) {
            let _ = write!(s, " (block {n})");
        } else if op
            .new
            .as_ref()
            .or(op.old.as_ref())
            .is_some_and(|r| r.kind == UnitKind::Heading)
        {
            s.push_str(" (heading)");
        }
    }
    s
}

fn why(c: &Change, md: bool) -> String {
    let name = |k: Criterion| {
        if md {
            format!("`{}`", k.name())
        } else {
            k.name().to_string()
        }
    };
    let esc = |t: &str| if md { md_escape(t) } else { t.to_string() };
    let mut s = c
        .class
        .criteria
        .iter()
        .map(|&k| format!("{}: {}", name(k), k.explain()))
        .collect::<Vec<_>>()
        .join("; ");
    if !c.class.reasons.is_empty() && !c.class.is_editorial() {
        let _ = write!(s, ". Evidence: {}", esc(&c.class.reasons.join("; ")));
    }
    s
}

const BUDGET_NOTE: &str = "The comparison reached its work budget: some modified blocks are shown without word-level detail, or as deleted and added.";

/// Markdown for a pull-request comment.
pub fn to_markdown(d: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "### Policy diff: `{}` {} → {}\n",
        d.policy, d.old_version, d.new_version
    );
    let _ = writeln!(s, "**{}**\n", verdict_line(d));
    let _ = writeln!(s, "{}  \n{}\n", counts_line(d), basis_line(d));
    if !d.flags.is_empty() || d.budget_exhausted {
        let _ = writeln!(s, "**Flags**\n");
        for f in &d.flags {
            let _ = writeln!(s, "- ⚠️ {}", md_escape(&f.message));
        }
        if d.budget_exhausted {
            let _ = writeln!(s, "- ⚠️ {BUDGET_NOTE}");
        }
        s.push('\n');
    }
    if d.changes.is_empty() {
        return s;
    }
    let _ = writeln!(s, "**Changes**\n");
    let esc = |t: &str| md_escape(t);
    let del = |t: &str| wrap_md(t, "~~", "<del>", "</del>");
    let ins = |t: &str| wrap_md(t, "**", "<ins>", "</ins>");
    for (n, c) in d.changes.iter().enumerate() {
        let _ = writeln!(
            s,
            "{}. **{} · {} · {}** · {}",
            n + 1,
            c.id,
            kind_word(c.kind),
            class_word(&c.class),
            md_escape(&location(d, c))
        );
        if let Some(q) = render_quote(d, c, false, &del, &esc) {
            let _ = writeln!(s, "   - old: {q}");
        }
        if let Some(q) = render_quote(d, c, true, &ins, &esc) {
            let _ = writeln!(s, "   - new: {q}");
        }
        if !c.facets.is_empty() {
            let _ = writeln!(s, "   - facets: {}", c.facets.join(", "));
        }
        let _ = writeln!(s, "   - why it matters: {}", why(c, true));
    }
    s
}

/// Makes a whitespace-only change visible.
fn visible(t: &str) -> String {
    if t.trim().is_empty() {
        t.chars()
            .map(|c| if c == '\n' { '⏎' } else { '·' })
            .collect()
    } else {
        t.to_string()
    }
}

fn wrap_md(t: &str, delim: &str, open: &str, close: &str) -> String {
    let t = &visible(t);
    let e = md_escape(t);
    let flanking = t.chars().next().is_some_and(char::is_alphanumeric)
        && t.chars().last().is_some_and(char::is_alphanumeric);
    if flanking {
        format!("{delim}{e}{delim}")
    } else {
        format!("{open}{e}{close}")
    }
}

/// Plain text for a terminal: deletions as `[-…-]`, insertions as `{+…+}`.
pub fn to_text(d: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Policy diff: {} {} -> {}",
        d.policy, d.old_version, d.new_version
    );
    let _ = writeln!(s, "{}", verdict_line(d));
    let _ = writeln!(s, "{}", counts_line(d));
    let _ = writeln!(s, "{}", basis_line(d));
    for f in &d.flags {
        let _ = writeln!(s, "FLAG: {}", f.message);
    }
    if d.budget_exhausted {
        let _ = writeln!(s, "NOTE: {BUDGET_NOTE}");
    }
    let plain = |t: &str| t.replace('\n', " / ");
    let del = |t: &str| format!("[-{}-]", plain(&visible(t)));
    let ins = |t: &str| format!("{{+{}+}}", plain(&visible(t)));
    for c in &d.changes {
        let _ = writeln!(
            s,
            "\n{} {} ({}) in {}",
            c.id,
            kind_word(c.kind),
            class_word(&c.class),
            location(d, c)
        );
        if let Some(q) = render_quote(d, c, false, &del, &plain) {
            let _ = writeln!(s, "  old: {q}");
        }
        if let Some(q) = render_quote(d, c, true, &ins, &plain) {
            let _ = writeln!(s, "  new: {q}");
        }
        if !c.facets.is_empty() {
            let _ = writeln!(s, "  facets: {}", c.facets.join(", "));
        }
        let _ = writeln!(s, "  why: {}", why(c, false));
    }
    s
}

// ---------------------------------------------------------------------------------------------
// Unit tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn version(id: &str, sections: Vec<Section>) -> PolicyVersion {
        PolicyVersion {
            schema: None,
            id: id.into(),
            version: "v1".into(),
            title: "T".into(),
            language: "zh-CN".into(),
            controller: None,
            operator: None,
            products: Vec::new(),
            dates: StatedDates::default(),
            source: "test".into(),
            completeness: Vec::new(),
            sections,
            facets: Facets::default(),
        }
    }

    fn section(id: &str, label: &str, heading: &str, paras: &[&str]) -> Section {
        Section {
            id: id.into(),
            label: Some(label.into()),
            heading: Some(heading.into()),
            blocks: paras.iter().map(|t| Block::paragraph(*t)).collect(),
            sections: Vec::new(),
        }
    }

    #[test]
    fn cjk_tokens_are_graphemes_latin_tokens_are_words() {
        assert_eq!(tokens("关联方公司"), vec!["关", "联", "方", "公", "司"]);
        assert_eq!(
            tokens("We share data, rarely."),
            vec!["We", " ", "share", " ", "data", ",", " ", "rarely", "."]
        );
        // Combining marks, variation selectors and ZWJ emoji stay with their base character.
        assert_eq!(tokens("e\u{301}t\u{e9}"), vec!["e\u{301}t\u{e9}"]);
        assert_eq!(tokens("好\u{FE0F}人"), vec!["好\u{FE0F}", "人"]);
        assert_eq!(tokens("👩\u{200D}💻x"), vec!["👩\u{200D}💻", "x"]);
        assert_eq!(
            tokens("Zeekr 001，极氪"),
            vec!["Zeekr", " ", "001", "，", "极", "氪"]
        );
    }

    #[test]
    fn inline_spans_reconstruct_both_sides() {
        let mut b = Budget::default();
        let (o, n) = (
            "极物商城由关联方浙江浩物网络科技有限公司负责运营",
            "极物商城由关联方浙江吉利汽车备件有限公司负责运营",
        );
        let spans = inline_diff(o, n, &mut b);
        let side = |k| {
            spans
                .iter()
                .filter(|s| s.kind != k)
                .map(|s| s.text.as_str())
                .collect::<String>()
        };
        assert_eq!(side(SpanKind::Insert), o);
        assert_eq!(side(SpanKind::Delete), n);
        assert!(spans
            .iter()
            .any(|s| s.kind == SpanKind::Delete && s.text == "浩物网络科技"));
    }

    #[test]
    fn company_names_are_found() {
        let t = "极物商城由关联方浙江浩物网络科技有限公司负责运营,本公司不";
        let names: Vec<&str> = company_names(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(names, vec!["浙江浩物网络科技有限公司"]);
        let t = "contact MINI (China) Automobile Trading Co., Ltd. now";
        let names: Vec<&str> = company_names(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(names, vec!["MINI (China) Automobile Trading Co., Ltd."]);
        let t = "Email: a.b@bmw.com.cn. Hotline: 400-800-6699";
        assert_eq!(&t[emails(t)[0].clone()], "a.b@bmw.com.cn");
        assert_eq!(&t[phones(t)[0].clone()], "400-800-6699");
    }

    #[test]
    fn numbering_labels_are_stripped() {
        assert_eq!(strip_numbering("1. Scope"), "Scope");
        assert_eq!(strip_numbering("（二）扩展业务功能"), "扩展业务功能");
        assert_eq!(strip_numbering("一、总则"), "总则");
        assert_eq!(strip_numbering("Part II Content"), "Content");
        assert_eq!(strip_numbering("I agree"), "I agree");
        assert_eq!(strip_numbering("a) item"), "item");
        assert_eq!(
            editorial_key("1. We share, data."),
            editorial_key("2)We share data")
        );
    }

    #[test]
    fn identical_versions_have_no_changes() {
        let v = version("p", vec![section("s1", "一、", "总则", &["甲", "乙"])]);
        let d = diff(&v, &v).unwrap();
        assert!(d.is_empty());
        assert_eq!(d.counts().unchanged(), 3);
        assert!(d.flags().is_empty());
    }

    #[test]
    fn different_policies_are_an_error() {
        let a = version("a", Vec::new());
        let b = version("b", Vec::new());
        let e = diff(&a, &b).unwrap_err();
        assert!(e.to_string().contains("different policies"));
    }

    #[test]
    fn moves_modifications_and_renumbering() {
        let a = version(
            "p",
            vec![
                section(
                    "s1",
                    "一、",
                    "总则",
                    &["我们收集您的手机号码用于登录。", "这一段会移动到后面。"],
                ),
                section("s2", "二、", "共享", &["我们不会与第三方共享。"]),
            ],
        );
        let b = version(
            "p",
            vec![
                section(
                    "s1",
                    "1.",
                    "总则",
                    &["我们收集您的手机号码和邮箱用于登录。"],
                ),
                section(
                    "s2",
                    "2.",
                    "共享",
                    &["我们不会与第三方共享。", "这一段会移动到后面。"],
                ),
            ],
        );
        let d = diff(&a, &b).unwrap();
        let c = d.counts();
        assert_eq!((c.modified, c.moved, c.added, c.deleted), (3, 1, 0, 0));
        assert_eq!(apply(&a, &d).unwrap(), text_units(&b));
        let headings: Vec<&Change> = d
            .changes()
            .iter()
            .filter(|c| d.ops()[c.op().unwrap()].new().unwrap().kind() == UnitKind::Heading)
            .collect();
        assert_eq!(headings.len(), 2);
        assert!(headings.iter().all(|c| c.class().is_editorial()));
        let r = diff(&b, &a).unwrap();
        assert_eq!(r.counts().moved, 1);
        assert_eq!(r.counts().modified, 3);
        assert_eq!(apply(&b, &r).unwrap(), text_units(&a));
    }
}
