//! Arbitrary bytes → Markdown or HTML `import` (the first byte chooses). Accepted input must
//! give a version that validates (marks inside their text, safe links, quotes found) and whose
//! summary and diff with itself do not panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens_core::{diff, import, summarize, validate, Format, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let opts = ImportOptions {
        id: "fuzz".into(),
        version: "2025-01-01".into(),
        source: "fuzz".into(),
        format: if first % 2 == 0 { Format::Markdown } else { Format::Html },
        ..Default::default()
    };
    let Ok(v) = import(rest, &opts) else {
        return;
    };
    let problems = validate("fuzz", &v);
    assert!(problems.is_empty(), "{problems:?}");
    let _ = summarize(&v);
    assert!(diff(&v, &v).unwrap().is_empty());
});
