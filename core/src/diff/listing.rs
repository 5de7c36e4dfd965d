//! The listing of a diff for reading: every op in order, with long runs of unchanged units
//! collapsed to a count, keeping some context next to each change.

use std::ops::Range;

use super::types::{Diff, OpKind};

/// One row of the listing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// The op at this index of [`Diff::ops`], shown.
    Op(usize),
    /// Unchanged ops, collapsed; a reader may expand them.
    Unchanged(Range<usize>),
}

impl Diff {
    /// The ops as rows: a run of unchanged units keeps `context` units next to a change on
    /// either side (none at the start or end of the document) and collapses the rest, unless
    /// that would hide a single unit.
    pub fn listing(&self, context: usize) -> Vec<Row> {
        let ops = &self.ops;
        let mut rows = Vec::new();
        let mut i = 0;
        while i < ops.len() {
            if ops[i].kind != OpKind::Equal {
                rows.push(Row::Op(i));
                i += 1;
                continue;
            }
            let start = i;
            while i < ops.len() && ops[i].kind == OpKind::Equal {
                i += 1;
            }
            let head = if start == 0 { 0 } else { context };
            let tail = if i == ops.len() { 0 } else { context };
            if i - start > head + tail + 1 {
                rows.extend((start..start + head).map(Row::Op));
                rows.push(Row::Unchanged(start + head..i - tail));
                rows.extend((i - tail..i).map(Row::Op));
            } else {
                rows.extend((start..i).map(Row::Op));
            }
        }
        rows
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Block, Facets, PolicyVersion, Section, StatedDates};

    fn version(paras: &[&str]) -> PolicyVersion {
        PolicyVersion {
            schema: None,
            id: "p".into(),
            version: "v".into(),
            title: "T".into(),
            language: "en".into(),
            controller: None,
            operator: None,
            products: Vec::new(),
            dates: StatedDates::default(),
            source: "test".into(),
            completeness: Vec::new(),
            sections: vec![Section {
                id: "s".into(),
                label: None,
                heading: None,
                blocks: paras.iter().map(|t| Block::paragraph(*t)).collect(),
                sections: Vec::new(),
            }],
            facets: Facets::default(),
        }
    }

    #[test]
    fn unchanged_runs_collapse_around_context() {
        let old = version(&["a", "b", "c", "d", "e", "f", "g", "h"]);
        let new = version(&["a", "b", "c", "D", "e", "f", "g", "h"]);
        let d = crate::diff(&old, &new).unwrap();
        assert_eq!(d.ops().len(), 8);
        assert_eq!(
            d.listing(1),
            vec![
                Row::Unchanged(0..2),
                Row::Op(2),
                Row::Op(3),
                Row::Op(4),
                Row::Unchanged(5..8),
            ]
        );
        // A run that would hide a single unit is shown whole.
        let d = crate::diff(&version(&["a", "b", "c"]), &version(&["a", "B", "c"])).unwrap();
        assert_eq!(d.listing(1), (0..3).map(Row::Op).collect::<Vec<_>>());
        // Without changes the whole text is one run.
        let d = crate::diff(&old, &old).unwrap();
        assert_eq!(d.listing(1), vec![Row::Unchanged(0..8)]);
    }
}
