//! Generates the list of bundled policies (id, title, language, versions) from `policies/`,
//! so the widget's start page and id checks never go stale.

use std::fmt::Write;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=policies");
    let mut policies = Vec::new();
    let dir = Path::new("policies");
    let mut ids: Vec<_> = std::fs::read_dir(dir)
        .map(|r| {
            r.filter_map(|e| e.ok())
                .map(|e| e.path())
                .filter(|p| p.is_dir())
                .collect()
        })
        .unwrap_or_default();
    ids.sort();
    for p in ids {
        println!("cargo:rerun-if-changed={}", p.display());
        let id = p.file_name().unwrap().to_string_lossy().into_owned();
        let mut versions: Vec<(String, String, String)> = Vec::new();
        let mut files: Vec<_> = std::fs::read_dir(&p)
            .unwrap()
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .collect();
        files.sort();
        for f in files {
            if f.extension().is_some_and(|x| x == "json") {
                println!("cargo:rerun-if-changed={}", f.display());
                let text = std::fs::read_to_string(&f).unwrap_or_default();
                let json: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
                let s = |k: &str| {
                    json.get(k)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string()
                };
                let version = f.file_stem().unwrap().to_string_lossy().into_owned();
                versions.push((version, s("title"), s("language")));
            }
        }
        if let Some(last) = versions.last().cloned() {
            policies.push((
                id,
                last.1,
                last.2,
                versions.into_iter().map(|v| v.0).collect::<Vec<_>>(),
            ));
        }
    }
    let mut out = String::from("/// Policies bundled with this build, oldest version first.\npub const BUNDLED: &[BundledPolicy] = &[\n");
    for (id, title, lang, versions) in policies {
        let _ = writeln!(
            out,
            "    BundledPolicy {{ id: {id:?}, title: {title:?}, language: {lang:?}, versions: &{versions:?} }},"
        );
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("bundled.rs");
    std::fs::write(dest, out).unwrap();
}
