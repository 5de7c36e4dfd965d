//! The overall judgement: unit counts, flags about the stated dates, and the verdict.

use std::collections::BTreeSet;

use crate::model::PolicyVersion;

use super::types::{
    BlockOp, Change, ChangeKind, Counts, Criterion, Flag, FlagKind, MajorBasis, OpKind, Verdict,
};

/// Unit counts of the aligned listing.
pub(super) fn counts(ops: &[BlockOp]) -> Counts {
    let mut counts = Counts::default();
    for op in ops {
        match op.kind {
            OpKind::Equal => counts.unchanged += 1,
            OpKind::Insert => counts.added += 1,
            OpKind::Delete => counts.deleted += 1,
            OpKind::Modify => counts.modified += 1,
            OpKind::Move => counts.moved += 1,
        }
    }
    counts
}

/// What a reviewer should check about the stated update dates.
pub(super) fn flags(old: &PolicyVersion, new: &PolicyVersion, changes: &[Change]) -> Vec<Flag> {
    let mut flags = Vec::new();
    let (ou, nu) = (old.dates.updated.as_ref(), new.dates.updated.as_ref());
    let text_changed = changes.iter().any(|c| c.kind != ChangeKind::Formatting);
    if text_changed && ou.map(|d| &d.date) == nu.map(|d| &d.date) {
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
    flags
}

/// Counts the classified changes and gathers the criteria they hit.
pub(super) fn verdict(
    changes: &[Change],
    (major_criteria, basis): (Vec<Criterion>, MajorBasis),
) -> Verdict {
    let mut criteria = BTreeSet::new();
    let (mut major, mut editorial, mut substantive, mut formatting) = (0, 0, 0, 0);
    for c in changes {
        if c.kind == ChangeKind::Formatting {
            formatting += 1;
        } else if c.class.major {
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
    Verdict {
        major,
        substantive,
        editorial,
        formatting,
        needs_notice: major > 0,
        criteria: criteria.into_iter().collect(),
        major_criteria,
        basis,
    }
}
