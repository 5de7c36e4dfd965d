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
