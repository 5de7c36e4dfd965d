//! Reader-facing changes: one per changed block op, with the facet changes whose quotes lie in
//! it attached, and one per facet change whose quote lies in no changed unit.

use crate::model::{PolicyVersion, Provenance};
use crate::text::{contains_ignoring_whitespace, full_text};

use super::inline::{changed_ranges, Ranges};
use super::quote::plain_excerpt;
use super::types::{
    BlockOp, BlockRef, Change, ChangeKind, Class, FacetChange, FacetChangeKind, OpKind,
};
use super::units::Flat;

/// A change of a block op, with the changed byte ranges of its old and new text.
pub(super) struct Draft {
    pub(super) change: Change,
    pub(super) ranges: Ranges,
}

/// One version and its flattened units.
pub(super) struct Side<'a> {
    pub(super) version: &'a PolicyVersion,
    pub(super) flat: &'a Flat,
}

fn unclassified() -> Class {
    Class {
        major: false,
        criteria: Vec::new(),
        reasons: Vec::new(),
    }
}

/// Whether an equal op's two units differ in formatting (marks or spacing) only.
fn formatting_only(op: &BlockOp) -> bool {
    op.kind == OpKind::Equal
        && matches!((&op.old, &op.new), (Some(o), Some(n)) if o.format != n.format || o.text != n.text)
}

/// One change per op that is not [`OpKind::Equal`], quoted around its changed ranges, and
/// one formatting change per equal op whose marks or spacing differ.
pub(super) fn unit_changes(ops: &[BlockOp]) -> Vec<Draft> {
    let mut drafts = Vec::new();
    for (k, op) in ops.iter().enumerate() {
        if op.kind == OpKind::Equal && !formatting_only(op) {
            continue;
        }
        let ranges = changed_ranges(op);
        let kind = match op.kind {
            OpKind::Equal => ChangeKind::Formatting,
            OpKind::Insert => ChangeKind::Added,
            OpKind::Delete => ChangeKind::Removed,
            OpKind::Move => ChangeKind::Moved,
            _ => ChangeKind::Modified,
        };
        let whole = op.is_whole();
        let quote = |r: Option<&BlockRef>, ranges: &[std::ops::Range<usize>]| {
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
                    .map(|r| r.section_path.iter().map(|t| t.to_string()).collect())
                    .unwrap_or_default(),
                old_quote: quote(op.old.as_ref(), &ranges.0),
                new_quote: quote(op.new.as_ref(), &ranges.1),
                facets: Vec::new(),
                facet_changes: Vec::new(),
                class: unclassified(),
            },
            ranges,
        });
    }
    drafts
}

/// Whether the unit `r` holds the quote `p` cites.
fn holds(r: Option<&BlockRef>, p: &Provenance) -> bool {
    r.is_some_and(|r| {
        *r.section_id == *p.section && contains_ignoring_whitespace(&r.text, &p.quote)
    })
}

/// Attaches each facet change to the changed unit holding its quote; the others become
/// changes of their own, unless the quote is unchanged in both texts (a difference of
/// annotation only). Returns the drafts and the facet-only changes.
pub(super) fn attach_facet_changes(
    mut drafts: Vec<Draft>,
    facet_changes: Vec<FacetChange>,
    ops: &[BlockOp],
    old: Side<'_>,
    new: Side<'_>,
) -> (Vec<Draft>, Vec<Change>) {
    // The full texts, made only when a facet change is not attached to a changed unit.
    let mut texts: Option<(String, String)> = None;
    let mut facet_only = Vec::new();
    for fc in facet_changes {
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
        let in_text = |text: &str, p: &Provenance| contains_ignoring_whitespace(text, &p.quote);
        let (old_text, new_text) =
            texts.get_or_insert_with(|| (full_text(old.version), full_text(new.version)));
        let old_present = fc.old_source.as_ref().map(|p| in_text(new_text, p));
        let new_present = fc.new_source.as_ref().map(|p| in_text(old_text, p));
        if old_present.unwrap_or(true) && new_present.unwrap_or(true) {
            continue;
        }
        let section_path = match (&fc.new_source, &fc.old_source) {
            (Some(p), _) => new.flat.section_path_of(&p.section),
            (None, Some(p)) => old.flat.section_path_of(&p.section),
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
            class: unclassified(),
        });
    }
    (drafts, facet_only)
}
