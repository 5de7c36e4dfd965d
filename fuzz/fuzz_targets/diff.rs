//! Two versions imported from two texts split out of the input (at the first NUL byte, or in
//! the middle), then `diff`; applying the diff to the old version must give the new one.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens_core::{diff, import_text, ImportOptions};

fn opts(version: &str) -> ImportOptions {
    ImportOptions {
        id: "fuzz".into(),
        version: version.into(),
        language: None,
        source: "fuzz".into(),
        ..Default::default()
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    let (a, b) = match s.split_once('\0') {
        Some(p) => p,
        None => {
            let mut mid = s.len() / 2;
            while !s.is_char_boundary(mid) {
                mid += 1;
            }
            s.split_at(mid)
        }
    };
    let old = import_text(a, &opts("2025-01-01"));
    let new = import_text(b, &opts("2025-02-01"));
    let d = diff(&old, &new).expect("same policy id");
    let _ = d.counts();
    let _ = diff::to_text(&d);
    let _ = diff::to_markdown(&d);
    let applied = diff::apply(&old, &d).expect("the diff applies to its old version");
    assert_eq!(applied, diff::text_units(&new), "apply(old, diff) != new");
});
