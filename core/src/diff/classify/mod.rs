//! Judges each change: major (users must be notified), substantive or editorial, with the
//! criteria it hits and the evidence in plain words.
//!
//! `criteria` maps facets and the policy's own major-change statements to [`Criterion`]s,
//! `keywords` holds the word lists, `evidence` finds named entities and keywords in the
//! changed text, and `editorial` decides whether a change only touches whitespace,
//! punctuation or numbering.

mod criteria;
mod editorial;
mod evidence;
mod keywords;

use std::collections::BTreeSet;

use crate::model::PolicyVersion;

use super::inline::{common_affixes, one, Ranges};
use super::types::{
    BlockOp, Change, ChangeKind, Class, Criterion, FacetChange, FacetChangeKind, MajorBasis, OpKind,
};

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

/// What classifying the changes of one pair of versions needs to know.
pub(super) struct Classifier<'a> {
    ops: &'a [BlockOp],
    /// Names of the controller and operator in either version.
    parties: Vec<String>,
    major: Vec<Criterion>,
    basis: MajorBasis,
}

impl<'a> Classifier<'a> {
    pub(super) fn new(old: &PolicyVersion, new: &PolicyVersion, ops: &'a [BlockOp]) -> Self {
        let (major, basis) = criteria::major_criteria(old, new);
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
        Classifier {
            ops,
            parties,
            major,
            basis,
        }
    }

    /// The criteria that count as major, and where they come from.
    pub(super) fn into_major_criteria(self) -> (Vec<Criterion>, MajorBasis) {
        (self.major, self.basis)
    }

    /// Classifies a change; `ranges` are the changed ranges of its op, `None` for a
    /// facet-only change (whose quotes are then compared).
    pub(super) fn classify(&self, c: &Change, ranges: Option<&Ranges>) -> Class {
        if c.kind == ChangeKind::Formatting {
            return Class {
                major: false,
                criteria: vec![Criterion::Editorial],
                reasons: vec![
                    "formatting only: the same text with other bold, emphasis, links or spacing"
                        .to_string(),
                ],
            };
        }
        let mut hits = Hits::default();
        for fc in &c.facet_changes {
            hits.criteria.extend(criteria::facet_change_criterion(fc));
            hits.reason(facet_change_reason(fc));
        }
        let op = c.op.map(|k| &self.ops[k]);
        let editorial = op.is_some_and(|op| editorial::is_editorial(op, &mut hits));
        if editorial && hits.criteria.is_empty() {
            return Class {
                major: false,
                criteria: vec![Criterion::Editorial],
                reasons: vec![Criterion::Editorial.explain().to_string()],
            };
        }
        match (op, ranges) {
            (Some(op), _) if op.kind == OpKind::Move => {}
            (Some(op), Some((ro, rn))) => evidence::text_heuristics(
                op.old.as_ref().map_or("", |r| &*r.text),
                op.new.as_ref().map_or("", |r| &*r.text),
                ro,
                rn,
                &self.parties,
                &mut hits,
            ),
            _ => {
                let o = c.old_quote.as_deref().unwrap_or("");
                let n = c.new_quote.as_deref().unwrap_or("");
                let (p, s) = common_affixes(o, n);
                evidence::text_heuristics(
                    o,
                    n,
                    &one(p..o.len() - s),
                    &one(p..n.len() - s),
                    &self.parties,
                    &mut hits,
                );
            }
        }
        if hits.criteria.is_empty() {
            hits.criteria.insert(Criterion::OtherSubstantive);
        }
        let criteria: Vec<Criterion> = hits.criteria.into_iter().collect();
        Class {
            major: criteria.iter().any(|c| self.major.contains(c)),
            criteria,
            reasons: hits.reasons,
        }
    }
}

/// A facet change in plain words: `sdks: added X (value)`.
fn facet_change_reason(fc: &FacetChange) -> String {
    let v = |s: &Option<String>| s.clone().unwrap_or_default();
    match fc.kind {
        FacetChangeKind::Added => format!("{}: added {} ({})", fc.facet, fc.item, v(&fc.new_value)),
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
    }
}
