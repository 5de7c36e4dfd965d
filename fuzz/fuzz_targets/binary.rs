//! Arbitrary bytes → `from_binary`, the widget's decoder. It must never panic or allocate
//! without bound; a version it accepts must write back to the same bytes and survive the
//! summary the widget computes from it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens_core::model::binary::{from_binary, to_binary};
use policy_lens_core::summarize;

fuzz_target!(|data: &[u8]| {
    if let Ok(v) = from_binary(data) {
        assert_eq!(to_binary(&v), data, "one version, one encoding");
        let _ = summarize(&v);
    }
});
