//! The version diff: real data (the Zeekr pair), fixtures made by mutating bundled policies,
//! generated versions (properties), and large inputs (the work budget).

use std::path::{Path, PathBuf};

use policy_lens_core::diff::{
    apply, text_units, ChangeKind, Class, Criterion, DiffError, FlagKind, OpKind,
};
use policy_lens_core::{diff, parse_version, Block, Coverage, Diff, PolicyVersion, Section};
use proptest::prelude::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(rel: &str) -> PolicyVersion {
    let bytes = std::fs::read(root().join("policies").join(rel)).unwrap();
    parse_version(&format!("policies/{rel}"), &bytes)
        .unwrap_or_else(|p| panic!("{rel} is invalid: {} problems", p.len()))
}

/// Diffs both ways and checks the invariants: apply gives the new units, counts add up, and
/// the reverse diff mirrors the forward one.
fn check(a: &PolicyVersion, b: &PolicyVersion) -> Diff {
    let d = diff(a, b).unwrap();
    let r = diff(b, a).unwrap();
    assert_eq!(
        apply(a, &d).unwrap(),
        text_units(b),
        "apply(a, diff(a, b)) == b"
    );
    assert_eq!(
        apply(b, &r).unwrap(),
        text_units(a),
        "apply(b, diff(b, a)) == a"
    );
    let (c, m) = (d.counts(), r.counts());
    let (na, nb) = (text_units(a).len(), text_units(b).len());
    assert_eq!(c.deleted() + c.modified() + c.moved() + c.unchanged(), na);
    assert_eq!(c.added() + c.modified() + c.moved() + c.unchanged(), nb);
    assert_eq!(
        (
            c.added(),
            c.deleted(),
            c.modified(),
            c.moved(),
            c.unchanged()
        ),
        (
            m.deleted(),
            m.added(),
            m.modified(),
            m.moved(),
            m.unchanged()
        ),
        "diff(b, a) mirrors diff(a, b)"
    );
    let block_changes = |d: &Diff| d.changes().iter().filter(|c| c.op().is_some()).count();
    assert_eq!(block_changes(&d), block_changes(&r));
    assert_eq!(
        block_changes(&d),
        d.ops().iter().filter(|o| o.kind() != OpKind::Equal).count()
    );
    for op in d.ops() {
        if op.kind() == OpKind::Modify && !op.inline().is_empty() {
            let side = |skip| {
                op.inline()
                    .iter()
                    .filter(|s| s.kind() != skip)
                    .map(|s| s.text())
                    .collect::<String>()
            };
            assert_eq!(
                side(policy_lens_core::diff::SpanKind::Insert),
                op.old().unwrap().text()
            );
            assert_eq!(
                side(policy_lens_core::diff::SpanKind::Delete),
                op.new().unwrap().text()
            );
        }
    }
    d
}

/// The section with this id, mutably.
fn find_mut<'a>(ss: &'a mut [Section], id: &str) -> Option<&'a mut Section> {
    for s in ss {
        if s.id == id {
            return Some(s);
        }
        if let Some(f) = find_mut(&mut s.sections, id) {
            return Some(f);
        }
    }
    None
}

fn para(text: &str) -> Block {
    Block::paragraph(text)
}

fn text_of(b: &Block) -> String {
    b.plain()
}

// ------------------------------------------------------------------------------------------
// Real data
// ------------------------------------------------------------------------------------------

#[test]
fn zeekr_operator_change_is_one_major_recipient_change() {
    let a = load("zeekr/2025-11-10.json");
    let b = load("zeekr/2025-12-31.json");
    let d = check(&a, &b);
    let c = d.counts();
    assert_eq!(
        (c.modified(), c.added(), c.deleted(), c.moved()),
        (1, 0, 0, 0)
    );
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    let ch = &d.changes()[0];
    assert_eq!(ch.kind(), ChangeKind::Modified);
    assert!(ch.section_path().iter().any(|t| t.contains("扩展业务功能")));
    let op = &d.ops()[ch.op().unwrap()];
    assert!(op
        .old()
        .unwrap()
        .text()
        .contains("浙江浩物网络科技有限公司"));
    assert!(op
        .new()
        .unwrap()
        .text()
        .contains("浙江吉利汽车备件有限公司"));
    assert!(ch.class().major());
    assert!(ch.class().criteria().contains(&Criterion::Recipients));
    assert!(ch
        .class()
        .reasons()
        .iter()
        .any(|r| r.contains("浙江浩物网络科技有限公司 → 浙江吉利汽车备件有限公司")));
    assert_eq!(d.flags().len(), 1);
    assert_eq!(d.flags()[0].kind(), FlagKind::UpdatedDateUnchanged);
    assert!(d.verdict().needs_notice());
    assert_eq!(d.verdict().major(), 1);
    assert!(!d.budget_exhausted());
    insta::assert_snapshot!("zeekr", policy_lens_core::diff::to_markdown(&d));
}

#[test]
fn every_bundled_version_equals_itself() {
    for rel in [
        "infiniti/2022-03-31.json",
        "kaiyang/2022-09-15.json",
        "mini-connected-drive/2023-11.json",
        "zeekr/2025-11-10.json",
        "zeekr/2025-12-31.json",
    ] {
        let v = load(rel);
        let d = diff(&v, &v).unwrap();
        assert!(d.is_empty(), "{rel}");
        assert!(d.flags().is_empty(), "{rel}");
        assert_eq!(d.counts().unchanged(), text_units(&v).len());
        assert_eq!(apply(&v, &d).unwrap(), text_units(&v));
    }
}

#[test]
fn different_policies_are_refused() {
    let a = load("zeekr/2025-11-10.json");
    let b = load("kaiyang/2022-09-15.json");
    let e = diff(&a, &b).unwrap_err();
    assert_eq!(
        e,
        DiffError::DifferentPolicies {
            old: "zeekr".into(),
            new: "kaiyang".into()
        }
    );
    assert!(e.to_string().contains("different policies"));
}

// ------------------------------------------------------------------------------------------
// Fixtures
// ------------------------------------------------------------------------------------------

#[test]
fn added_sdk_is_one_change_with_its_facet() {
    let mut a = load("mini-connected-drive/2023-11.json");
    a.facets.sdks.status = Coverage::Stated;
    let mut b = a.clone();
    let quote = "We integrate the Firebase Crashlytics SDK provided by Google LLC, which collects crash logs and device identifiers.";
    find_mut(&mut b.sections, "s3-1")
        .unwrap()
        .blocks
        .push(para(quote));
    b.facets.sdks.items.push(policy_lens_core::Sdk {
        name: "Firebase Crashlytics".into(),
        provider: Some("Google LLC".into()),
        purpose: Some("crash logs".into()),
        data: Some("crash logs, device identifiers".into()),
        link: None,
        source: policy_lens_core::Provenance {
            section: "s3-1".into(),
            quote: quote.into(),
        },
        suggested: false,
    });
    let d = check(&a, &b);
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    let c = &d.changes()[0];
    assert_eq!(c.kind(), ChangeKind::Added);
    assert_eq!(c.facets(), ["sdks"]);
    assert!(c.class().major());
    assert!(c.class().criteria().contains(&Criterion::Recipients));
    insta::assert_snapshot!("added_sdk", policy_lens_core::diff::to_markdown(&d));
}

#[test]
fn removed_right_is_major() {
    let mut a = load("mini-connected-drive/2023-11.json");
    let s = find_mut(&mut a.sections, "s5-5").unwrap();
    let quote = text_of(&s.blocks[0]);
    a.facets.rights.status = Coverage::Stated;
    if !a
        .facets
        .rights
        .items
        .iter()
        .any(|r| r.source.section == "s5-5")
    {
        a.facets.rights.items.push(policy_lens_core::Right {
            right: policy_lens_core::RightKind::AccountCancellation,
            how: Vec::new(),
            response_time: None,
            source: policy_lens_core::Provenance {
                section: "s5-5".into(),
                quote,
            },
            suggested: false,
        });
    }
    let mut b = a.clone();
    b.facets.rights.items.retain(|r| r.source.section != "s5-5");
    find_mut(&mut b.sections, "s5-5").unwrap().blocks.remove(0);
    let d = check(&a, &b);
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    let c = &d.changes()[0];
    assert_eq!(c.kind(), ChangeKind::Removed);
    assert_eq!(c.facets(), ["rights"]);
    assert!(c.class().major());
    assert!(c.class().criteria().contains(&Criterion::UserRights));
    insta::assert_snapshot!("removed_right", policy_lens_core::diff::to_markdown(&d));
}

#[test]
fn changed_email_is_a_contact_change() {
    let a = load("mini-connected-drive/2023-11.json");
    let mut b = a.clone();
    let s = find_mut(&mut b.sections, "s9").unwrap();
    let mut hit = false;
    for blk in &mut s.blocks {
        if let Block::Paragraph { text, .. } = blk {
            if text.contains("ConnectedDrive@bmw.com.cn") {
                *text = text.replace("ConnectedDrive@bmw.com.cn", "privacy@mini.com.cn");
                hit = true;
            }
        }
    }
    assert!(hit);
    for c in &mut b.facets.contacts.items {
        c.value = c
            .value
            .replace("ConnectedDrive@bmw.com.cn", "privacy@mini.com.cn");
        c.source.quote = c
            .source
            .quote
            .replace("ConnectedDrive@bmw.com.cn", "privacy@mini.com.cn");
    }
    let d = check(&a, &b);
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    let c = &d.changes()[0];
    assert_eq!(c.kind(), ChangeKind::Modified);
    assert_eq!(c.facets(), ["contacts"]);
    assert!(c.class().major());
    assert!(c
        .class()
        .criteria()
        .contains(&Criterion::ContactOrComplaint));
    insta::assert_snapshot!("changed_email", policy_lens_core::diff::to_markdown(&d));
}

/// Replaces `from` with `to` in the first paragraph of section `id` that holds it.
fn edit_paragraph(v: &mut PolicyVersion, id: &str, from: &str, to: &str) {
    let s = find_mut(&mut v.sections, id).unwrap();
    let hit = s.blocks.iter_mut().any(|blk| match blk {
        Block::Paragraph { text, .. } if text.contains(from) => {
            *text = text.replacen(from, to, 1);
            true
        }
        _ => false,
    });
    assert!(hit, "no paragraph of {id} holds {from:?}");
}

/// Edits one paragraph of `file` and checks that the one change is a change of the types of
/// data, explained by `reason`.
fn types_change(file: &str, section: &str, from: &str, to: &str, reason: &str) -> Class {
    let a = load(file);
    let mut b = a.clone();
    edit_paragraph(&mut b, section, from, to);
    let d = check(&a, &b);
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    let class = d.changes()[0].class().clone();
    assert!(
        class.criteria().contains(&Criterion::PurposesOrTypes),
        "{class:?}"
    );
    assert!(
        class.reasons().iter().any(|r| r.contains(reason)),
        "{:?}",
        class.reasons()
    );
    class
}

#[test]
fn a_new_kind_of_data_is_a_major_change_of_types_even_without_collect() {
    // The edit names the phone's movements; it says nothing of collecting.
    let class = types_change(
        "zeekr/2025-12-31.json",
        "s1-2-2",
        "当您进入我们场站蓝牙信标覆盖的范围时,",
        "当您进入我们场站蓝牙信标覆盖的范围时,我们会读取您手机的行踪轨迹,",
        "names a kind of personal data: “行踪”",
    );
    assert!(class.major());
    // Dropped from an English policy: named fewer times than before.
    types_change(
        "mini-connected-drive/2023-11.json",
        "s3-1",
        ", location service.",
        ".",
        "no longer names a kind of personal data: “location”",
    );
}

#[test]
fn rewording_next_to_a_kind_of_data_does_not_change_types() {
    // The paragraph speaks of location (位置, 定位) before and after; the edit is one word.
    let a = load("zeekr/2025-12-31.json");
    let mut b = a.clone();
    edit_paragraph(&mut b, "s1-2-2", "最理想的充电场站", "最合适的充电场站");
    let d = check(&a, &b);
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    let class = d.changes()[0].class();
    assert_eq!(class.criteria(), [Criterion::OtherSubstantive], "{class:?}");
    assert!(!class.major());
}

#[test]
fn renumbered_sections_are_editorial() {
    let a = load("mini-connected-drive/2023-11.json");
    let mut b = a.clone();
    let s1 = find_mut(&mut b.sections, "s1").unwrap();
    for (i, c) in s1.sections.iter_mut().enumerate() {
        c.label = Some(format!("{}.", i + 1));
    }
    let d = check(&a, &b);
    assert!(d.changes().len() >= 5);
    assert!(d.changes().iter().all(|c| c.class().is_editorial()));
    assert_eq!(d.verdict().editorial(), d.changes().len());
    assert!(!d.verdict().needs_notice());
    assert_eq!(d.counts().modified(), d.changes().len());
    insta::assert_snapshot!("renumbered", policy_lens_core::diff::to_markdown(&d));
}

#[test]
fn moved_paragraph_is_one_move() {
    let a = load("infiniti/2022-03-31.json");
    let mut b = a.clone();
    let moved = find_mut(&mut b.sections, "preamble")
        .unwrap()
        .blocks
        .remove(1);
    find_mut(&mut b.sections, "preamble")
        .unwrap()
        .blocks
        .push(moved);
    let d = check(&a, &b);
    assert_eq!(d.counts().moved(), 1);
    assert_eq!(d.changes().len(), 1, "{:#?}", d.changes());
    assert_eq!(d.changes()[0].kind(), ChangeKind::Moved);
    assert!(d.changes()[0].class().is_editorial());
    insta::assert_snapshot!("moved", policy_lens_core::diff::to_markdown(&d));
}

#[test]
fn whitespace_only_edit_is_editorial() {
    let a = load("kaiyang/2022-09-15.json");
    let mut b = a.clone();
    if let Block::Paragraph { text, .. } = &mut find_mut(&mut b.sections, "s1").unwrap().blocks[0] {
        *text = text.replacen(' ', "  ", 3);
    } else {
        panic!("expected a paragraph");
    }
    let d = check(&a, &b);
    assert!(d.changes().len() <= 1);
    assert!(d.changes().iter().all(|c| c.class().is_editorial()));
    assert!(!d.verdict().needs_notice());
    insta::assert_snapshot!("whitespace", policy_lens_core::diff::to_markdown(&d));
}

#[test]
fn inserted_section_keeps_the_rest_aligned() {
    let a = load("mini-connected-drive/2023-11.json");
    let mut b = a.clone();
    b.sections.insert(
        3,
        Section {
            id: "new".into(),
            label: Some("IIa.".into()),
            heading: Some("How We Use Your Data for Training".into()),
            blocks: vec![para(
                "We collect your driving data to train models and share it with partners.",
            )],
            sections: Vec::new(),
        },
    );
    let d = check(&a, &b);
    assert_eq!(d.counts().added(), 2);
    assert_eq!(d.changes().len(), 2);
    assert!(d.verdict().needs_notice());
}

// ------------------------------------------------------------------------------------------
// Properties on generated versions
// ------------------------------------------------------------------------------------------

const WORDS: [&str; 14] = [
    "we",
    "share",
    "data",
    "with",
    "partners",
    "收集",
    "共享",
    "第三方",
    "权利",
    "email",
    "a@b.cn",
    ",",
    "。",
    "SDK",
];

type Shape = Vec<(usize, Vec<Vec<usize>>)>;

fn build(shape: &Shape) -> PolicyVersion {
    let mut v = load("kaiyang/2022-09-15.json");
    v.id = "gen".into();
    v.sections = shape
        .iter()
        .enumerate()
        .map(|(i, (h, paras))| Section {
            id: format!("s{i}"),
            label: Some(format!("{}.", i + 1)),
            heading: Some(WORDS[*h % WORDS.len()].to_string()),
            blocks: paras
                .iter()
                .map(|p| {
                    para(
                        &p.iter()
                            .map(|w| WORDS[*w % WORDS.len()])
                            .collect::<Vec<_>>()
                            .join(" "),
                    )
                })
                .collect(),
            sections: Vec::new(),
        })
        .collect();
    v
}

fn shape() -> impl Strategy<Value = Shape> {
    prop::collection::vec(
        (
            0..6usize,
            prop::collection::vec(prop::collection::vec(0..14usize, 1..7), 0..5),
        ),
        0..5,
    )
}

/// Edits: (kind, section, paragraph, word).
fn edit(shape: &Shape, edits: &[(u8, usize, usize, usize)]) -> Shape {
    let mut s = shape.clone();
    for &(k, si, pi, w) in edits {
        if s.is_empty() {
            s.push((0, Vec::new()));
        }
        let n = s.len();
        let sec = &mut s[si % n].1;
        match k % 5 {
            0 => sec.insert(pi % (sec.len() + 1), vec![w, w + 1]),
            1 if !sec.is_empty() => {
                let i = pi % sec.len();
                sec.remove(i);
            }
            2 if !sec.is_empty() => {
                let i = pi % sec.len();
                sec[i].push(w);
            }
            3 if !sec.is_empty() => {
                let i = pi % sec.len();
                let p = sec.remove(i);
                let t = (si + w) % n;
                let dst = &mut s[t].1;
                dst.insert(pi % (dst.len() + 1), p);
            }
            4 => {
                let i = si % n;
                s[i].0 = w;
            }
            _ => {}
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn generated_versions_diff_consistently(a in shape(), edits in prop::collection::vec((0u8..5, 0..8usize, 0..8usize, 0..14usize), 0..6)) {
        let va = build(&a);
        let vb = build(&edit(&a, &edits));
        let same = diff(&va, &va).unwrap();
        prop_assert!(same.is_empty());
        check(&va, &vb);
    }

    #[test]
    fn unrelated_versions_diff_consistently(a in shape(), b in shape()) {
        check(&build(&a), &build(&b));
    }
}

// ------------------------------------------------------------------------------------------
// Large inputs
// ------------------------------------------------------------------------------------------

/// A deterministic pseudo-random generator (xorshift).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn word(&mut self) -> &'static str {
        const V: [&str; 24] = [
            "personal",
            "information",
            "we",
            "may",
            "share",
            "your",
            "data",
            "with",
            "service",
            "providers",
            "for",
            "the",
            "purposes",
            "described",
            "in",
            "this",
            "policy",
            "and",
            "retain",
            "it",
            "as",
            "required",
            "by",
            "law",
        ];
        V[(self.next() % V.len() as u64) as usize]
    }
    fn paragraph(&mut self) -> String {
        let n = 40 + (self.next() % 40) as usize;
        (0..n).map(|_| self.word()).collect::<Vec<_>>().join(" ") + "."
    }
}

fn big(seed: u64) -> PolicyVersion {
    let mut rng = Rng(seed);
    let mut v = load("kaiyang/2022-09-15.json");
    v.id = "big".into();
    let mut size = 0;
    let mut sections = Vec::new();
    let mut i = 0;
    while size < 1_000_000 {
        let blocks: Vec<Block> = (0..20)
            .map(|_| {
                let p = rng.paragraph();
                size += p.len();
                para(&p)
            })
            .collect();
        sections.push(Section {
            id: format!("s{i}"),
            label: Some(format!("{}.", i + 1)),
            heading: Some(format!("Section {i}")),
            blocks,
            sections: Vec::new(),
        });
        i += 1;
    }
    v.sections = sections;
    v
}

#[test]
fn large_pair_with_five_percent_edited_completes() {
    let a = big(7);
    let mut b = a.clone();
    let mut rng = Rng(99);
    let mut edited = 0;
    for s in &mut b.sections {
        for blk in &mut s.blocks {
            if rng.next() % 20 == 0 {
                if let Block::Paragraph { text, .. } = blk {
                    *text =
                        text.replacen("data", "information and data", 1) + " We may change this.";
                    edited += 1;
                }
            }
        }
    }
    let d = diff(&a, &b).unwrap();
    assert_eq!(d.counts().modified(), edited);
    assert_eq!(d.counts().added() + d.counts().deleted(), 0);
    assert!(!d.budget_exhausted());
    assert_eq!(apply(&a, &d).unwrap(), text_units(&b));
}

#[test]
fn rewritten_large_pair_falls_back_to_blocks() {
    let a = big(7);
    let b = big(8);
    let d = diff(&a, &b).unwrap();
    assert!(d.budget_exhausted(), "{:?}", d.counts());
    assert_eq!(apply(&a, &d).unwrap(), text_units(&b));
    assert!(policy_lens_core::diff::to_markdown(&d).contains("work budget"));
}
