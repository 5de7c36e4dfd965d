//! The binary form the widget reads (`model::binary`): every version reads back exactly as it
//! was written, and damaged bytes give an error, never a panic or a different version.

use std::path::{Path, PathBuf};

use policy_lens_core::model::binary::{from_binary, to_binary, MAGIC};
use policy_lens_core::{import_document, parse_version, suggest, ImportOptions, PolicyVersion};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn files(dir: &Path, ext: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(files(&p, ext));
        } else if p.extension().is_some_and(|x| ext.iter().any(|e| x == *e)) {
            out.push(p);
        }
    }
    out.sort();
    out
}

/// Every bundled version, and every fixture document imported with suggested facets (quotes,
/// marks, tables, lists, contents, suggested flags).
fn versions() -> Vec<(String, PolicyVersion)> {
    let mut out = Vec::new();
    for p in files(&root().join("policies"), &["json"]) {
        if p.file_name().is_some_and(|n| n == "index.json") {
            continue;
        }
        let name = p.display().to_string();
        let v = parse_version(&name, &std::fs::read(&p).unwrap()).unwrap();
        out.push((name, v));
    }
    let fixtures = root().join("core/tests/fixtures");
    for p in files(&fixtures, &["md", "txt", "html"]) {
        let name = p.display().to_string();
        let opts = ImportOptions {
            id: "fixture".into(),
            version: "2025-01-01".into(),
            source: p.file_name().unwrap().to_string_lossy().into_owned(),
            ..Default::default()
        };
        let mut v = import_document(&std::fs::read(&p).unwrap(), &opts)
            .unwrap()
            .version;
        suggest(&mut v);
        out.push((name, v));
    }
    out
}

#[test]
fn every_version_reads_back_exactly() {
    let all = versions();
    assert!(all.len() >= 15, "{} versions", all.len());
    let mut with_facets = 0;
    for (name, v) in &all {
        let bytes = to_binary(v);
        assert!(bytes.starts_with(MAGIC), "{name}");
        assert_eq!(&from_binary(&bytes).unwrap(), v, "{name}");
        with_facets += usize::from(!v.facets.contacts.items.is_empty());
    }
    // The check covers filled facets, not only empty ones.
    assert!(with_facets >= 10, "{with_facets} versions with contacts");
}

#[test]
fn the_binary_form_is_smaller_than_the_json() {
    for (name, v) in versions() {
        let json = serde_json::to_vec(&v).unwrap();
        assert!(to_binary(&v).len() < json.len(), "{name}");
    }
}

#[test]
fn wrong_magic_is_refused_with_its_reason() {
    let v = &versions()[0].1;
    let json = serde_json::to_vec(v).unwrap();
    let e = from_binary(&json).unwrap_err();
    assert!(e.contains("magic"), "{e}");
    let mut old = to_binary(v);
    old[3] = b'0';
    assert!(from_binary(&old).unwrap_err().contains("magic"));
}

#[test]
fn damaged_bytes_give_an_error_never_a_panic() {
    let (_, v) = versions()
        .into_iter()
        .min_by_key(|(_, v)| to_binary(v).len())
        .unwrap();
    let bytes = to_binary(&v);
    // Every truncation is an error (borsh reads exactly the bytes it was given).
    for cut in 0..bytes.len() {
        assert!(from_binary(&bytes[..cut]).is_err(), "cut at {cut}");
    }
    // So is a trailing byte.
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(from_binary(&longer).is_err());
    // A changed byte gives an error or some other version (which the summary survives), never
    // a panic or a runaway allocation (a length prefix of 4 G must not reserve 4 GB). Every 7th byte, all values
    // that matter for lengths, tags and UTF-8.
    for i in (MAGIC.len()..bytes.len()).step_by(7) {
        for b in [0x00, 0x01, 0x7f, 0x80, 0xc0, 0xff] {
            let mut damaged = bytes.clone();
            damaged[i] = b;
            // What the widget does with a version it reads: summarise it.
            if let Ok(v) = from_binary(&damaged) {
                let _ = policy_lens_core::summarize(&v);
            }
        }
    }
}
