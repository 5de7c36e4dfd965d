//! The extractor on whole policies: the bundled versions and the labelled fixtures. Every
//! suggestion validates, refreshing leaves reviewed data alone, and the CLI's `suggest`
//! writes a valid file.

use std::path::{Path, PathBuf};
use std::process::Command;

use policy_lens_core::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn bundled() -> Vec<(String, PolicyVersion)> {
    let mut out = Vec::new();
    for dir in std::fs::read_dir(root().join("policies")).unwrap() {
        let dir = dir.unwrap().path();
        if !dir.is_dir() {
            continue;
        }
        for f in std::fs::read_dir(&dir).unwrap() {
            let f = f.unwrap().path();
            if f.extension().is_some_and(|e| e == "json") {
                let name = f.display().to_string();
                let v = parse_version(&name, &std::fs::read(&f).unwrap()).unwrap();
                out.push((name, v));
            }
        }
    }
    out
}

fn fixtures() -> Vec<(String, PolicyVersion)> {
    let dir = root().join("core/tests/fixtures/extract");
    let mut out = Vec::new();
    for f in std::fs::read_dir(dir).unwrap() {
        let f = f.unwrap().path();
        if f.extension().is_some_and(|e| e == "txt" || e == "md") {
            let text = std::fs::read_to_string(&f).unwrap();
            let v = import_text(
                &text,
                &ImportOptions {
                    id: "fixture".into(),
                    version: "2025-01-01".into(),
                    language: None,
                    source: "fixture".into(),
                    ..Default::default()
                },
            );
            out.push((f.display().to_string(), v));
        }
    }
    out
}

#[test]
fn every_suggestion_on_bundled_and_fixture_text_validates() {
    for (name, mut v) in bundled().into_iter().chain(fixtures()) {
        v.facets = Facets::default();
        suggest(&mut v);
        let problems = validate(&name, &v);
        assert!(problems.is_empty(), "{name}: {problems:?}");
        for c in &v.facets.contacts.items {
            assert!(c.suggested);
            assert!(!c.value.contains("35273"), "{name}: {c:?}");
            assert!(!c.value.contains("example"), "{name}: {c:?}");
        }
        for r in &v.facets.rights.items {
            assert!(r.suggested, "{name}: {r:?}");
        }
    }
}

#[test]
fn refreshing_a_reviewed_version_changes_no_reviewed_facet() {
    for (name, v) in bundled() {
        let mut again = v.clone();
        suggest(&mut again);
        macro_rules! same_when_reviewed {
            ($($f:ident),*) => {$(
                if v.facets.$f.status != Coverage::NotReviewed {
                    assert_eq!(v.facets.$f, again.facets.$f, "{name}: {}", stringify!($f));
                }
                assert!(
                    v.facets.$f.items.iter().all(|i| again.facets.$f.items.contains(i)),
                    "{name}: a reviewed {} item was dropped", stringify!($f)
                );
            )*};
        }
        same_when_reviewed!(
            data_collected,
            purposes,
            scenarios,
            recipients,
            sdks,
            permissions,
            retention,
            storage,
            security,
            children,
            rights,
            contacts,
            major_changes
        );
        assert_eq!(v.controller, again.controller, "{name}");
        assert_eq!(v.dates, again.dates, "{name}");
        assert!(validate(&name, &again).is_empty());
    }
}

#[test]
fn cli_suggest_writes_a_valid_file() {
    let exe = env!("CARGO_BIN_EXE_policy-lens");
    let tmp = std::env::temp_dir().join(format!("policy-lens-suggest-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let imported = tmp.join("in.json");
    let out = tmp.join("out.json");
    let status = Command::new(exe)
        .args(["import", "--id", "shop", "--version", "2024-06-18", "-o"])
        .arg(&imported)
        .arg(root().join("core/tests/fixtures/extract/zh-shop-app.txt"))
        .status()
        .unwrap();
    assert!(status.success());
    let status = Command::new(exe)
        .arg("suggest")
        .arg(&imported)
        .arg("-o")
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let v = parse_version("out.json", &std::fs::read(&out).unwrap()).unwrap();
    assert!(v.facets.sdks.items.iter().any(|s| s.name == "支付宝SDK"));
    let md = Command::new(exe).arg("summary").arg(&out).output().unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(md.contains("- [ ] **sdks**: 支付宝SDK"), "{md}");
    let missing = Command::new(exe)
        .arg("suggest")
        .arg(tmp.join("nope.json"))
        .status()
        .unwrap();
    assert_eq!(missing.code(), Some(2));
    std::fs::remove_dir_all(&tmp).ok();
}

#[test]
fn cli_import_refuses_options_validate_would_refuse() {
    let exe = env!("CARGO_BIN_EXE_policy-lens");
    let tmp = std::env::temp_dir().join(format!("policy-lens-import-args-{}", std::process::id()));
    std::fs::create_dir_all(&tmp).unwrap();
    let input = root().join("core/tests/fixtures/extract/zh-shop-app.txt");
    for (flag, value, message) in [
        (
            "--version",
            "2026-13-45",
            "--version: version \"2026-13-45\" is not a valid date",
        ),
        (
            "--id",
            "Bad Id/..",
            "--id: policy id \"Bad Id/..\" must be lowercase",
        ),
        (
            "--lang",
            "klingon",
            "--lang: language \"klingon\" is not a BCP 47 tag",
        ),
    ] {
        let out = tmp.join("out.json");
        let mut args = vec!["import", flag, value];
        for (f, v) in [("--id", "shop"), ("--version", "2024-06-18")] {
            if f != flag {
                args.extend([f, v]);
            }
        }
        let run = Command::new(exe)
            .args(&args)
            .arg("-o")
            .arg(&out)
            .arg(&input)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&run.stderr);
        assert_eq!(run.status.code(), Some(2), "{flag} {value}: {stderr}");
        assert!(stderr.contains(message), "{flag} {value}: {stderr}");
        assert!(!out.exists(), "{flag} {value}: a file was written");
    }
    std::fs::remove_dir_all(&tmp).ok();
}
