//! Benchmark hook: times the diff engine inside the browser, on parsed versions, so that
//! `make bench` measures the engine and not JSON parsing.

use wasm_bindgen::prelude::*;

/// Parses two version files, then times `runs` batches of `batch` diffs and returns each
/// batch's time per diff in milliseconds (from `performance.now()`, whose resolution is
/// 0.1 ms on a page that is not cross-origin isolated: a diff under a millisecond is timed in
/// batches), followed by the number of changes found.
#[wasm_bindgen(js_name = benchDiff)]
pub fn bench_diff(old: &[u8], new: &[u8], runs: u32, batch: u32) -> Result<Vec<f64>, JsError> {
    let a =
        policy_lens_core::parse_version("old", old).map_err(|p| JsError::new(&p[0].to_string()))?;
    let b =
        policy_lens_core::parse_version("new", new).map_err(|p| JsError::new(&p[0].to_string()))?;
    let perf = web_sys::window()
        .and_then(|w| w.performance())
        .ok_or_else(|| JsError::new("no performance clock"))?;
    let mut out = Vec::with_capacity(runs as usize + 1);
    let mut changes = 0;
    let batch = batch.max(1);
    for _ in 0..runs {
        let t = perf.now();
        for _ in 0..batch {
            let d = policy_lens_core::diff(&a, &b).map_err(|e| JsError::new(&e.to_string()))?;
            changes = d.changes().len();
        }
        out.push((perf.now() - t) / f64::from(batch));
    }
    out.push(changes as f64);
    Ok(out)
}
