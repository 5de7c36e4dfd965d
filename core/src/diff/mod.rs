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
//!
//! The modules follow those stages: `units` flattens a version, `similarity` scores
//! texts, `align` lays out the block ops, `inline` computes the inline changes of a modified
//! block, `facets` compares the summary layers, `changes` turns ops and facet changes into
//! reader-facing changes (quoted by `quote`), `classify` judges each change, `verdict` sums
//! up. `types` holds the result types, `budget` the work limits, `listing` collapses
//! unchanged runs for reading, `apply` checks a diff against its old version and `render`
//! writes Markdown and plain text.

mod align;
mod apply;
mod budget;
mod changes;
mod classify;
mod compact;
mod facets;
mod inline;
mod listing;
mod quote;
mod render;
mod same;
mod similarity;
mod types;
mod units;
mod verdict;

use crate::model::PolicyVersion;

pub use apply::apply;
pub use budget::{INLINE_TOKEN_BUDGET, MAX_INLINE_TOKENS, PAIRING_BUDGET};
pub use listing::Row;
pub use render::{to_markdown, to_text};
pub use types::*;
pub use units::text_units;

use budget::Budget;
use changes::Side;
use units::flatten;

/// Compares two versions of one policy.
pub fn diff(old: &PolicyVersion, new: &PolicyVersion) -> Result<Diff, DiffError> {
    if old.id != new.id {
        return Err(DiffError::DifferentPolicies {
            old: old.id.clone(),
            new: new.id.clone(),
        });
    }
    let mut a = flatten(old);
    let mut b = flatten(new);
    units::assign_keys(&mut a, &mut b);
    let mut budget = Budget::default();
    let ops = align::block_ops(&a, &b, &mut budget);

    let drafts = changes::unit_changes(&ops);
    let (drafts, facet_only) = changes::attach_facet_changes(
        drafts,
        facets::facet_changes(old, new),
        &ops,
        Side {
            version: old,
            flat: &a,
        },
        Side {
            version: new,
            flat: &b,
        },
    );

    let judge = classify::Classifier::new(old, new, &ops);
    let mut changes: Vec<Change> = Vec::with_capacity(drafts.len() + facet_only.len());
    for d in drafts {
        let mut c = d.change;
        c.class = judge.classify(&c, Some(&d.ranges));
        changes.push(c);
    }
    for mut c in facet_only {
        c.class = judge.classify(&c, None);
        changes.push(c);
    }
    for (i, c) in changes.iter_mut().enumerate() {
        c.id = format!("c{}", i + 1);
    }

    Ok(Diff {
        policy: old.id.clone(),
        old_version: old.version.clone(),
        new_version: new.version.clone(),
        counts: verdict::counts(&ops),
        flags: verdict::flags(old, new, &changes),
        verdict: verdict::verdict(&changes, judge.into_major_criteria()),
        ops,
        changes,
        budget_exhausted: budget.exhausted,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::{company_names, emails, phones};
    use crate::model::{Block, Facets, Section, StatedDates};

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
