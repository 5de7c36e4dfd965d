//! Which criteria a change hits by its facets, and which criteria count as major.

use std::collections::BTreeSet;

use crate::facet::{FacetKind, ItemField, Subject};
use crate::model::{Coverage, PolicyVersion};

use super::super::types::{Criterion, FacetChange, FacetChangeKind, MajorBasis};
use super::keywords::MAJOR_STATEMENT_WORDS;

/// The criterion a facet change hits by itself, if any. A scenario whose method or platform
/// changed (who runs it) is left to the text heuristics.
pub(super) fn facet_change_criterion(fc: &FacetChange) -> Option<Criterion> {
    if fc.facet == Subject::Facet(FacetKind::Scenarios)
        && fc.kind == FacetChangeKind::Changed
        && fc
            .fields
            .iter()
            .all(|f| matches!(f.field, ItemField::Method | ItemField::Platform))
    {
        return None;
    }
    Some(subject_criterion(fc.facet))
}

fn subject_criterion(subject: Subject) -> Criterion {
    match subject {
        Subject::Facet(f) => match f {
            FacetKind::DataCollected
            | FacetKind::Purposes
            | FacetKind::Scenarios
            | FacetKind::Permissions => Criterion::PurposesOrTypes,
            FacetKind::Recipients | FacetKind::Sdks => Criterion::Recipients,
            FacetKind::Rights => Criterion::UserRights,
            FacetKind::Contacts => Criterion::ContactOrComplaint,
            FacetKind::Retention
            | FacetKind::Storage
            | FacetKind::Security
            | FacetKind::Children
            | FacetKind::MajorChanges => Criterion::OtherSubstantive,
        },
        Subject::Controller | Subject::Operator => Criterion::Ownership,
        Subject::Dates => Criterion::OtherSubstantive,
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

/// The criteria that count as major: those the policy's own major-change statements name
/// (the new version's, else the old one's), else GB/T 35273-2020's list.
pub(super) fn major_criteria(
    old: &PolicyVersion,
    new: &PolicyVersion,
) -> (Vec<Criterion>, MajorBasis) {
    let statements = [&new.facets.major_changes, &old.facets.major_changes]
        .into_iter()
        .find(|f| f.status == Coverage::Stated && !f.items.is_empty());
    if let Some(f) = statements {
        let mut set = BTreeSet::new();
        for s in &f.items {
            let t = format!("{} {}", s.text, s.source.quote).to_lowercase();
            for (c, words) in MAJOR_STATEMENT_WORDS {
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
