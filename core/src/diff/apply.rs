//! Applying a diff to its old version, which checks that the ops account for every old unit.

use std::collections::HashMap;

use crate::model::PolicyVersion;

use super::types::{BlockRef, Diff, DiffError, OpKind, SpanKind};
use super::units::flatten;

pub fn apply(old: &PolicyVersion, d: &Diff) -> Result<Vec<String>, DiffError> {
    let fail = |reason: String| Err(DiffError::DoesNotApply { reason });
    if old.id != d.policy || old.version != d.old_version {
        return fail(format!(
            "the diff is from {} {}, not {} {}",
            d.policy, d.old_version, old.id, old.version
        ));
    }
    let a = flatten(old);
    let mut index: HashMap<(&str, Option<usize>), usize> = HashMap::new();
    for (k, u) in a.units.iter().enumerate() {
        index.insert((a.sections[u.section].id.as_ref(), u.index), k);
    }
    let mut used = vec![false; a.units.len()];
    let mut take = |r: &BlockRef| -> Result<&str, DiffError> {
        match index.get(&(&*r.section_id, r.index)) {
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
                Some(n) => out.push(n.text.to_string()),
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
                        Some(n) => out.push(n.text.to_string()),
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
                        Some(n) => out.push(n.text.to_string()),
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
