//! The bundled policy data: every file validates, its full text equals its seed apart from
//! whitespace, and its summary matches the reviewed snapshot.

use std::path::{Path, PathBuf};

use policy_lens_core::{
    parse_version, split_side_by_side, summarize, text, validate_set, PolicyVersion,
};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// (version file, seed file, column of a side-by-side seed: Some(true) = left)
const BUNDLED: [(&str, &str, Option<bool>); 5] = [
    ("infiniti/2022-03-31.json", "000_f439252e0ab29ed7.txt", None),
    (
        "mini-connected-drive/2023-11.json",
        "001_2bf0c061572d1f05.txt",
        None,
    ),
    ("kaiyang/2022-09-15.json", "002_92ff279c64aa417f.txt", None),
    (
        "zeekr/2025-11-10.json",
        "003_debba3c2c5861f65.txt",
        Some(true),
    ),
    (
        "zeekr/2025-12-31.json",
        "003_debba3c2c5861f65.txt",
        Some(false),
    ),
];

fn load(rel: &str) -> PolicyVersion {
    let path = root().join("policies").join(rel);
    let bytes = std::fs::read(&path).unwrap();
    match parse_version(&format!("policies/{rel}"), &bytes) {
        Ok(v) => v,
        Err(problems) => panic!(
            "{rel} is invalid:\n{}",
            problems
                .iter()
                .map(|p| p.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

fn seed_text(seed: &str, column: Option<bool>) -> String {
    let raw = std::fs::read_to_string(root().join("seeds").join(seed)).unwrap();
    match column {
        None => raw,
        Some(left) => {
            let (l, r) = split_side_by_side(&raw).expect("side-by-side rows");
            if left {
                l
            } else {
                r
            }
        }
    }
}

#[test]
fn every_bundled_version_validates_together() {
    let all: Vec<(String, PolicyVersion)> = BUNDLED
        .iter()
        .map(|(f, ..)| (format!("policies/{f}"), load(f)))
        .collect();
    let problems = validate_set(&all);
    assert!(problems.is_empty(), "{problems:?}");
}

#[test]
fn full_text_equals_the_seed_apart_from_whitespace() {
    for (file, seed, column) in BUNDLED {
        let v = load(file);
        let got = text::squash(&text::full_text(&v));
        let want = text::squash(&seed_text(seed, column));
        if got != want {
            let at = got
                .chars()
                .zip(want.chars())
                .take_while(|(a, b)| a == b)
                .count();
            let ctx = |s: &str| {
                s.chars()
                    .skip(at.saturating_sub(30))
                    .take(80)
                    .collect::<String>()
            };
            panic!(
                "{file}: text differs from {seed} at char {at}:\n  ours: {}\n  seed: {}",
                ctx(&got),
                ctx(&want)
            );
        }
    }
}

#[test]
fn summaries_match_snapshots() {
    for (file, ..) in BUNDLED {
        let v = load(file);
        let name = file.replace(['/', '.'], "_");
        insta::assert_snapshot!(
            name,
            policy_lens_core::summary::to_markdown(&v, &summarize(&v))
        );
    }
}

/// `policies/index.json` lists the bundled policies for the no-WebAssembly fallback of the
/// embed. Regenerate with `UPDATE_INDEX=1 cargo test -p policy-lens-core --test bundled`.
#[test]
fn index_json_is_up_to_date() {
    let dir = root().join("policies");
    let mut ids: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    ids.sort();
    let mut index = Vec::new();
    for p in ids {
        let id = p.file_name().unwrap().to_string_lossy().into_owned();
        let mut versions: Vec<String> = std::fs::read_dir(&p)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|f| f.extension().is_some_and(|x| x == "json"))
            .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        versions.sort();
        let latest = load(&format!("{id}/{}.json", versions.last().unwrap()));
        index.push(serde_json::json!({ "id": id, "title": latest.title, "language": latest.language, "versions": versions }));
    }
    let json = serde_json::to_string_pretty(&index).unwrap() + "\n";
    let path = dir.join("index.json");
    if std::env::var_os("UPDATE_INDEX").is_some() {
        std::fs::write(&path, &json).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        json,
        "policies/index.json is out of date: run UPDATE_INDEX=1 cargo test -p policy-lens-core --test bundled"
    );
}

fn outline(v: &PolicyVersion) -> Vec<String> {
    v.all_sections()
        .iter()
        .map(|s| format!("{} {}", s.id, text::squash(&s.title())))
        .collect()
}

fn import_fixture(name: &str) -> (String, PolicyVersion) {
    let raw = std::fs::read(root().join("core/tests/fixtures").join(name)).unwrap();
    let opts = policy_lens_core::ImportOptions {
        id: "unseen".into(),
        version: "2024-03".into(),
        language: None,
        source: name.into(),
        ..Default::default()
    };
    let v = policy_lens_core::import(&raw, &opts).unwrap();
    (String::from_utf8(raw).unwrap(), v)
}

#[test]
fn unseen_english_markdown_imports_with_sensible_sections() {
    let (raw, v) = import_fixture("unseen-en.md");
    assert_eq!(v.language, "en");
    assert_eq!(v.title, "Acme Scooters Privacy Notice");
    assert_eq!(
        outline(&v),
        [
            "s1 AcmeScootersPrivacyNotice",
            "s1-1 1.Informationwecollect",
            "s1-1-1 1.1Informationfromyourdevice",
            "s1-2 2.Howweshareinformation",
            "s1-3 3.Yourrights",
            "s1-4 4.Contact"
        ]
    );
    let collect = v.find_section("s1-1").unwrap();
    assert!(
        matches!(&collect.blocks[1], policy_lens_core::Block::List { items } if items.len() == 3)
    );
    let share = v.find_section("s1-2").unwrap();
    assert!(
        matches!(&share.blocks[0], policy_lens_core::Block::Table { header: true, rows, .. } if rows.len() == 3)
    );
    assert_eq!(
        v.dates.updated.as_ref().map(|d| d.date.as_str()),
        Some("2024-02-02")
    );
    let contacts: Vec<&str> = v
        .facets
        .contacts
        .items
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(contacts, ["privacy@acme-scooters.co.uk", "020-7946-0000"]);
    assert!(policy_lens_core::validate("unseen-en.md", &v).is_empty());
    // Markdown's heading markers are markup, not policy text: the rest is kept.
    assert_eq!(
        text::squash(&text::full_text(&v)),
        text::squash(&raw.replace('#', ""))
    );
}

#[test]
fn unseen_chinese_plain_text_imports_with_sensible_sections() {
    let (raw, v) = import_fixture("unseen-zh.txt");
    assert_eq!(v.language, "zh-CN");
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 一、我们收集的信息",
            "s1-1 （一）注册账号",
            "s1-2 （二）骑行服务",
            "s1-2-1 1、位置信息",
            "s1-2-2 2、支付信息",
            "s2 二、我们如何共享信息",
            "s3 三、您的权利",
            "s4 四、联系我们"
        ]
    );
    let share = v.find_section("s2").unwrap();
    assert!(
        matches!(&share.blocks[1], policy_lens_core::Block::List { items } if items.len() == 2)
    );
    assert_eq!(
        v.dates.updated.as_ref().map(|d| d.date.as_str()),
        Some("2024-03-01")
    );
    assert_eq!(
        v.dates.effective.as_ref().map(|d| d.date.as_str()),
        Some("2024-03-08")
    );
    let contacts: Vec<&str> = v
        .facets
        .contacts
        .items
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(contacts, ["400-123-4567", "privacy@xinghe-mobility.cn"]);
    assert!(policy_lens_core::validate("unseen-zh.txt", &v).is_empty());
    assert_eq!(text::squash(&text::full_text(&v)), text::squash(&raw));
}
