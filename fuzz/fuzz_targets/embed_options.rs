//! Arbitrary text → the widget's route (URL query and embed options). Parsing must be total
//! and the query must round-trip: `from_query(r.to_query()) == r`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use policy_lens::Route;

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let r = Route::from_query(&s);
    assert_eq!(
        Route::from_query(&r.to_query()),
        r,
        "query round trip: {s:?}"
    );
    // The same text as embed options: one `key=value` per line, values taken verbatim.
    let pairs = s.lines().map(|l| {
        let (k, v) = l.split_once('=').unwrap_or((l, ""));
        (k, v.to_string())
    });
    let r = Route::from_pairs(pairs);
    assert_eq!(
        Route::from_query(&r.to_query()),
        r,
        "options round trip: {s:?}"
    );
});
