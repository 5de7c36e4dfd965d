//! Block ops: aligns the units of two versions (Myers over unit keys, then moves, then
//! similar deleted and inserted units paired as modifications) and lays the result out in
//! document order.

use std::cmp::Ordering;
use std::collections::{HashMap, VecDeque};
use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::text::squash;

use super::budget::{Budget, PAIRING_BUDGET};
use super::inline::inline_diff;
use super::similarity::{dice, features, text_similarity};
use super::types::{BlockOp, OpKind, UnitKind};
use super::units::{Flat, SecInfo};

/// How many inserted units a deleted unit is compared with when looking for its new form.
const PAIR_WINDOW: usize = 8;
/// Minimum similarity for a deleted and an inserted block to be one modified block.
const MODIFY_THRESHOLD: f64 = 0.5;

/// The block ops of `a` against `b`, in document order. The alignment runs in a canonical
/// orientation, so that the ops of `(b, a)` mirror those of `(a, b)` exactly.
pub(super) fn block_ops(a: &Flat, b: &Flat, budget: &mut Budget) -> Vec<BlockOp> {
    let swap = a
        .units
        .iter()
        .map(|u| &*u.text)
        .cmp(b.units.iter().map(|u| &*u.text))
        == Ordering::Greater;
    let pairs = if swap {
        align(b, a, budget)
            .into_iter()
            .map(|(j, i, k)| (i, j, k))
            .collect()
    } else {
        align(a, b, budget)
    };
    order_ops(a, b, pairs, budget)
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
        .map(|(i, s)| (&*s.id, i))
        .collect();
    for (i, s) in x.sections.iter().enumerate() {
        if let Some(&j) = by_id.get(&*s.id) {
            // Equal headings as written are equal squashed, without squashing them.
            let similar = || {
                let (hx, hy) = (heading(s), heading(&y.sections[j]));
                hx == hy || text_similarity(&hx, &hy) >= MODIFY_THRESHOLD
            };
            if !taken[j] && (s.heading == y.sections[j].heading || similar()) {
                map[i] = Some(j);
                taken[j] = true;
            }
        }
    }
    let mut by_heading: HashMap<String, Vec<usize>> = HashMap::new();
    for (j, s) in y.sections.iter().enumerate() {
        if taken[j] {
            continue;
        }
        let h = heading(s);
        if !h.is_empty() {
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
