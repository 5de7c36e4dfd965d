//! Arbitrary bytes → `parse_version` (JSON parsing plus validation). A valid version must
//! also survive the text layer, the summary and a diff against itself.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens_core::{diff, parse_version, summarize, text::full_text};

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = parse_version("fuzz.json", data) {
        let _ = full_text(&v);
        let _ = summarize(&v);
        let d = diff(&v, &v).expect("a version compares with itself");
        assert_eq!(
            diff::apply(&v, &d).expect("the self-diff applies"),
            diff::text_units(&v)
        );
    }
});
