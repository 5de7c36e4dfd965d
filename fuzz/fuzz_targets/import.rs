//! Arbitrary bytes → plain-text `import`. When the bytes are accepted, the full text, validation and the
//! summary must not panic, and the text must round-trip apart from whitespace (and apart from
//! page headers, footers and numbers, when a warning says they were dropped).
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens_core::text::{full_text, squash};
use policy_lens_core::{decode, import_document, summarize, validate, Format, ImportOptions};

fuzz_target!(|data: &[u8]| {
    let opts = ImportOptions {
        id: "fuzz".into(),
        version: "2025-01-01".into(),
        language: None,
        source: "fuzz".into(),
        // Plain text keeps every character; Markdown and HTML are fuzzed by `import_markup`.
        format: Format::Text,
        ..Default::default()
    };
    let Ok(imported) = import_document(data, &opts) else {
        return;
    };
    let v = imported.version;
    let text = full_text(&v);
    let _ = validate("fuzz", &v);
    let _ = summarize(&v);
    let input = decode(data).expect("import accepted bytes that decode refuses");
    if imported.warnings.iter().any(|w| w.message.contains("page header")) {
        return;
    }
    assert_eq!(squash(&text), squash(&input), "import lost or added text");
});
