//! The pair of versions the changes module compares off screen before a reader opens "What
//! changed" (`warmUp` in `src/changes_module.rs`): a part of the version the reader is looking
//! at, and an edited copy of that part as an older version. Comparing them runs the code of a
//! real comparison (a modified paragraph and its inline changes, an added block, an added
//! fact), which V8 compiles the first time it runs.

use policy_lens_core::model::{Block, Provenance, Section};
use policy_lens_core::PolicyVersion;

/// (older, newer) to compare: [`edited`] and [`sample`] of `v`, around [`fact`].
pub fn pair(v: PolicyVersion) -> (PolicyVersion, PolicyVersion) {
    let fact = fact(&v);
    let new = sample(v, fact);
    (edited(&new, fact), new)
}

/// The start of `v`, with all its facts: its first dozen blocks in reading order, and the
/// section that quotes the data item `fact` (with the headings above it). Enough to take every
/// path of a comparison, small enough that comparing and rendering it cost little beyond
/// compiling the code.
fn sample(mut v: PolicyVersion, fact: Option<usize>) -> PolicyVersion {
    fn prune(sections: &mut Vec<Section>, budget: &mut usize, keep: Option<&str>) {
        sections.retain_mut(|s| {
            let holds = keep.is_some_and(|id| s.walk().iter().any(|x| x.id == id));
            if *budget == 0 && !holds {
                return false;
            }
            if keep != Some(s.id.as_str()) {
                s.blocks.truncate(*budget);
            }
            *budget = budget.saturating_sub(s.blocks.len());
            prune(&mut s.sections, budget, keep);
            true
        });
    }
    let keep = fact.map(|k| v.facets.data_collected.items[k].source.section.clone());
    prune(&mut v.sections, &mut 12, keep.as_deref());
    v
}

/// The first collected data item of `v` whose quote stands in a paragraph of its section,
/// with as much text again around it.
fn fact(v: &PolicyVersion) -> Option<usize> {
    let sections: Vec<&Section> = v.sections.iter().flat_map(|s| s.walk()).collect();
    v.facets.data_collected.items.iter().position(|i| {
        sections
            .iter()
            .filter(|s| s.id == i.source.section)
            .flat_map(|s| &s.blocks)
            .any(
                |b| matches!(b, Block::Paragraph { text, .. } if quoted(text, &i.source).is_some()),
            )
    })
}

/// `v` as an older version might have been: without the data item `fact` and its quote (else
/// its first long paragraph loses its last third), and without the last block of its last
/// section with several blocks. Compared with `v`: a modified paragraph with its inline
/// changes and an added fact attached to it, and an added block.
fn edited(v: &PolicyVersion, fact: Option<usize>) -> PolicyVersion {
    let mut old = v.clone();
    let spare = match fact {
        Some(k) => {
            let item = old.facets.data_collected.items.remove(k);
            edit(&mut old.sections, &|id, text| {
                cut_quote(id, text, &item.source)
            });
            Some(item.source.section)
        }
        None => {
            edit(&mut old.sections, &|_, text| shorten(text));
            old.facets.data_collected.items.pop();
            None
        }
    };
    // The last section in reading order with several blocks, other than the one with the
    // fact, loses its last block.
    fn drop_last(sections: &mut [Section], spare: Option<&str>) -> bool {
        sections.iter_mut().rev().any(|s| {
            drop_last(&mut s.sections, spare)
                || spare != Some(s.id.as_str()) && s.blocks.len() > 1 && s.blocks.pop().is_some()
        })
    }
    drop_last(&mut old.sections, spare.as_deref());
    old
}

/// Edits the first paragraph, in reading order, that `f` edits (returns true for): its marks
/// go, since their places may have moved.
fn edit(sections: &mut [Section], f: &impl Fn(&str, &mut String) -> bool) -> bool {
    sections.iter_mut().any(|s| {
        let edited = s.blocks.iter_mut().any(|b| match b {
            Block::Paragraph { text, marks } => {
                let edited = f(&s.id, text);
                if edited {
                    marks.clear();
                }
                edited
            }
            _ => false,
        });
        edited || edit(&mut s.sections, f)
    })
}

/// Where `text` holds the quote `p`, when it holds as much again besides.
fn quoted(text: &str, p: &Provenance) -> Option<usize> {
    if p.quote.is_empty() || p.quote.len() * 2 > text.len() {
        return None;
    }
    text.find(p.quote.as_str())
}

/// `text` (of section `id`) without the quote `p`, as [`quoted`] finds it.
fn cut_quote(id: &str, text: &mut String, p: &Provenance) -> bool {
    match quoted(text, p).filter(|_| id == p.section) {
        Some(at) => {
            text.replace_range(at..at + p.quote.len(), "");
            true
        }
        None => false,
    }
}

/// `text` without its last third, when it is over 20 characters long.
fn shorten(text: &mut String) -> bool {
    let chars = text.chars().count();
    if chars <= 20 {
        return false;
    }
    let cut = text
        .char_indices()
        .nth(chars * 2 / 3)
        .map_or(text.len(), |(i, _)| i);
    text.truncate(cut);
    true
}

#[cfg(test)]
mod tests {
    use policy_lens_core::diff::{ChangeKind, OpKind};
    use policy_lens_core::{FacetKind, PolicyVersion, Subject};

    /// Every bundled policy's latest version gives a pair whose comparison has the changes the
    /// warm-up is meant to run, and is small.
    #[test]
    fn the_pair_takes_the_paths_of_a_real_comparison() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("policies");
        let mut seen = 0;
        for policy in crate::data::BUNDLED {
            let latest = policy.versions.last().unwrap();
            let file = dir.join(policy.id).join(format!("{latest}.json"));
            let v = policy_lens_core::parse_version(
                &file.display().to_string(),
                &std::fs::read(&file).unwrap(),
            )
            .unwrap();
            let blocks = |v: &PolicyVersion| {
                v.sections
                    .iter()
                    .flat_map(|s| s.walk())
                    .map(|s| s.blocks.len())
                    .sum::<usize>()
            };
            let whole = blocks(&v);
            let (old, new) = super::pair(v);
            assert!(blocks(&new) < whole, "{}: not smaller", file.display());
            let d = policy_lens_core::diff(&old, &new).unwrap();
            let kinds: Vec<_> = d.changes().iter().map(|c| c.kind()).collect();
            let name = file.display();
            assert!(kinds.contains(&ChangeKind::Modified), "{name}: {kinds:?}");
            assert!(kinds.contains(&ChangeKind::Added), "{name}: {kinds:?}");
            assert!(
                d.ops()
                    .iter()
                    .any(|o| o.kind() == OpKind::Modify && !o.inline().is_empty()),
                "{name}: no inline changes"
            );
            assert!(
                d.changes()
                    .iter()
                    .flat_map(|c| c.facet_changes())
                    .any(|f| f.facet() == Subject::Facet(FacetKind::DataCollected)),
                "{name}: no data fact changed"
            );
            seen += 1;
        }
        assert!(seen >= 4, "{seen} policies");
    }
}
