//! Units: a version flattened to its section headings and blocks in document order, each
//! with a whitespace-free key for alignment.

use std::collections::HashMap;

use crate::model::{Block, Mark, PolicyVersion, Section};

use super::types::{BlockRef, UnitKind};

pub(super) struct SecInfo {
    pub(super) id: String,
    pub(super) heading: Option<String>,
    pub(super) path: Vec<String>,
}

pub(super) struct Unit {
    pub(super) section: usize,
    pub(super) kind: UnitKind,
    pub(super) index: Option<usize>,
    pub(super) number: Option<usize>,
    pub(super) text: String,
    pub(super) key: u32,
    pub(super) format: u64,
}

#[derive(Default)]
pub(super) struct Flat {
    pub(super) sections: Vec<SecInfo>,
    pub(super) units: Vec<Unit>,
}

impl Flat {
    pub(super) fn block_ref(&self, i: usize) -> BlockRef {
        let u = &self.units[i];
        let s = &self.sections[u.section];
        BlockRef {
            section_id: s.id.clone(),
            section_path: s.path.clone(),
            kind: u.kind,
            index: u.index,
            number: u.number,
            text: u.text.clone(),
            format: u.format,
        }
    }

    /// The titles of a section and its ancestors, or the section id when it is not found.
    pub(super) fn section_path_of(&self, id: &str) -> Vec<String> {
        self.sections
            .iter()
            .find(|s| s.id == id)
            .map(|s| s.path.clone())
            .unwrap_or_else(|| vec![id.to_string()])
    }
}

/// A fingerprint of a unit's exact text and its marks (one list per line).
fn fingerprint(text: &str, marks: &[&[Mark]]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut h);
    marks.hash(&mut h);
    h.finish()
}

fn intern(keys: &mut HashMap<String, u32>, tag: char, text: &str) -> u32 {
    let mut k = String::with_capacity(text.len() + 1);
    k.push(tag);
    k.extend(text.chars().filter(|c| !c.is_whitespace()));
    let next = keys.len() as u32;
    *keys.entry(k).or_insert(next)
}

pub(super) fn flatten(v: &PolicyVersion, keys: &mut HashMap<String, u32>) -> Flat {
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
            let format = fingerprint(&title, &[]);
            f.units.push(Unit {
                section: si,
                kind: UnitKind::Heading,
                index: None,
                number: None,
                text: title,
                key,
                format,
            });
        }
        for (i, b) in s.blocks.iter().enumerate() {
            *number += 1;
            let text = b.plain();
            let key = intern(keys, 'B', &text);
            let format = fingerprint(&text, &b.marks());
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
                format,
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
