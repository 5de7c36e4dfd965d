//! Loading version files: bundled ones by id and version, or a host-given URL. Every file is
//! validated with the same rules as the CLI: bundled ones at build time (`policy-lens pack`,
//! which writes the binary form the widget fetches), host-given JSON by the changes module,
//! which hands back the same binary form. Every failure becomes a [`LoadError`] naming the
//! file and the reason.

use std::rc::Rc;

use policy_lens_core::model::binary;
use policy_lens_core::PolicyVersion;

include!(concat!(env!("OUT_DIR"), "/bundled.rs"));

/// A policy bundled with this build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BundledPolicy {
    pub id: &'static str,
    pub title: &'static str,
    pub language: &'static str,
    /// Oldest first.
    pub versions: &'static [&'static str],
}

pub fn bundled(id: &str) -> Option<&'static BundledPolicy> {
    BUNDLED.iter().find(|p| p.id == id)
}

/// A value shared between components and compared by identity (`Rc::ptr_eq`), so that a
/// re-render with the same loaded or computed value is free.
#[derive(Debug)]
pub struct Shared<T>(pub Rc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.0
    }
}

/// A version file as fetched, before it is decoded: its place and its bytes. The older side
/// of a comparison is only this in the widget; the changes module (a second wasm module,
/// loaded on demand) decodes it itself.
#[derive(Debug)]
pub struct Fetched {
    pub id: String,
    pub version: String,
    pub source: Rc<[u8]>,
}

/// A fetched version file, shared and compared by identity.
pub type Raw = Shared<Fetched>;

impl Shared<Fetched> {
    pub fn new(id: &str, version: &str, source: impl Into<Rc<[u8]>>) -> Raw {
        Shared(Rc::new(Fetched {
            id: id.to_string(),
            version: version.to_string(),
            source: source.into(),
        }))
    }

    /// The file's name as the changes module reports it (`zeekr/2025-12-31.json`).
    pub fn file(&self) -> String {
        format!("{}/{}.json", self.id, self.version)
    }
}

/// A loaded version and the file it was read from, whose bytes are handed unchanged to the
/// changes module.
#[derive(Debug)]
pub struct Loaded {
    /// The version as read (named so that `doc.version` stays the version's own field).
    pub read: PolicyVersion,
    pub file: Raw,
}

impl std::ops::Deref for Loaded {
    type Target = PolicyVersion;
    fn deref(&self) -> &PolicyVersion {
        &self.read
    }
}

/// A loaded version.
pub type Doc = Shared<Loaded>;

impl Shared<Loaded> {
    pub fn new(version: PolicyVersion, source: impl Into<Rc<[u8]>>) -> Doc {
        let file = Raw::new(&version.id, &version.version, source);
        Shared(Rc::new(Loaded {
            read: version,
            file,
        }))
    }

    /// A version read from `file`.
    pub fn from_file(version: PolicyVersion, file: Raw) -> Doc {
        Shared(Rc::new(Loaded {
            read: version,
            file,
        }))
    }

    /// The same file with another reading of it (the reviewed-only view).
    pub fn with_version(&self, version: PolicyVersion) -> Doc {
        Shared(Rc::new(Loaded {
            read: version,
            file: self.file.clone(),
        }))
    }
}

/// A computed summary.
pub type SharedSummary = Shared<policy_lens_core::Summary>;

/// Why a version could not be loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub file: String,
    pub reasons: Vec<String>,
}

impl LoadError {
    fn from_problems(file: &str, problems: &[policy_lens_core::Problem]) -> Self {
        LoadError {
            file: file.to_string(),
            reasons: problems
                .iter()
                .map(|p| format!("{}: {}", p.path, p.message))
                .collect(),
        }
    }
}

/// The path of a bundled version's binary form (made from its JSON file at build time by
/// `policy-lens pack`), relative to the widget's base URL.
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // fetching is browser-only
pub fn version_path(id: &str, version: &str) -> String {
    format!("policies/{id}/{version}.bin")
}

/// Parses and validates fetched JSON bytes.
#[cfg_attr(not(feature = "changes-module"), allow(dead_code))] // the changes module, tests
pub fn parse(file: &str, bytes: &[u8]) -> Result<Doc, LoadError> {
    policy_lens_core::parse_version(file, bytes)
        .map(|v| Doc::new(v, bytes))
        .map_err(|problems| LoadError::from_problems(file, &problems))
}

/// The version in a file the widget holds: the binary form it fetched or was handed (validated
/// when it was made), else a JSON version file, validated here.
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "changes-module")),
    allow(dead_code)
)] // the changes module and the native changes slot
pub fn read_version(file: &str, bytes: &[u8]) -> Result<PolicyVersion, LoadError> {
    if !bytes.starts_with(binary::MAGIC) {
        return policy_lens_core::parse_version(file, bytes)
            .map_err(|problems| LoadError::from_problems(file, &problems));
    }
    from_binary(file, bytes)
}

/// Reads a version in its binary form, validated when it was made (bundled data at build time,
/// host data by the changes module): no JSON parser, serde visitors or calls into JavaScript
/// (`policy_lens_core::model::binary`). An error names the file and why.
pub(crate) fn from_binary(file: &str, bytes: &[u8]) -> Result<PolicyVersion, LoadError> {
    binary::from_binary(bytes).map_err(|reason| LoadError {
        file: file.to_string(),
        reasons: vec![format!("$: {reason}")],
    })
}

#[cfg(target_arch = "wasm32")]
pub async fn fetch(url: &str) -> Result<Vec<u8>, String> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let network = |_| "the request failed (network error)".to_string();
    // A file the embed loader fetched (and read) in parallel with the wasm.
    if let Some(file) = prefetched(url) {
        let file = JsFuture::from(file).await.map_err(network)?;
        let get = |k: &str| js_sys::Reflect::get(&file, &k.into()).unwrap_or_default();
        if get("ok").as_bool() != Some(true) {
            return Err(format!(
                "the server answered {} {}",
                get("status").as_f64().unwrap_or_default() as u32,
                get("statusText").as_string().unwrap_or_default()
            ));
        }
        let bytes: js_sys::Uint8Array = get("bytes")
            .dyn_into()
            .map_err(|_| "unreadable body".to_string())?;
        return Ok(bytes.to_vec());
    }
    let window = web_sys::window().ok_or("no window")?;
    let resp = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(network)?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response".to_string())?;
    if !resp.ok() {
        return Err(format!(
            "the server answered {} {}",
            resp.status(),
            resp.status_text()
        ));
    }
    let buf = JsFuture::from(
        resp.array_buffer()
            .map_err(|_| "unreadable body".to_string())?,
    )
    .await
    .map_err(|_| "unreadable body".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// The file the embed loader started fetching for `url` in parallel with the wasm
/// (`PolicyLens._prefetched` in embed/embed.js), when it did: a promise of `{ok, bytes}` or
/// `{ok: false, status, statusText}`.
#[cfg(target_arch = "wasm32")]
fn prefetched(url: &str) -> Option<js_sys::Promise> {
    use wasm_bindgen::JsCast;
    let api = js_sys::Reflect::get(&js_sys::global(), &"PolicyLens".into()).ok()?;
    let take = js_sys::Reflect::get(&api, &"_prefetched".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    take.call1(&api, &url.into()).ok()?.dyn_into().ok()
}

/// Fetches a bundled version file from `url`, without decoding it (the older side of a
/// comparison, which only the changes module reads).
#[cfg(target_arch = "wasm32")]
pub async fn fetch_file(url: &str, id: &str, version: &str) -> Result<Raw, LoadError> {
    fetch(url)
        .await
        .map(|bytes| Raw::new(id, version, bytes))
        .map_err(|reason| LoadError {
            file: url.to_string(),
            reasons: vec![reason],
        })
}

/// Loads a bundled version from `url`. Bundled data was validated when it was built (a test
/// fails otherwise), so only the schema is checked here: this keeps load-to-ready short.
#[cfg(target_arch = "wasm32")]
pub async fn load(url: &str, id: &str, version: &str) -> Result<Doc, LoadError> {
    let file = fetch_file(url, id, version).await?;
    crate::dom::mark("fetched");
    read(url, file).await
}

/// Decodes a fetched bundled version file (`url` names it in errors).
#[cfg(target_arch = "wasm32")]
pub async fn read(url: &str, file: Raw) -> Result<Doc, LoadError> {
    // Summarising and rendering follow in the same task: decoding takes 2-3 ms (Zeekr, 101 KB),
    // and a task of their own (until the twelfth round of issue 13) let the loading state's
    // frame in first, about 10 ms later on screen for nothing.
    let parsed = from_binary(url, &file.source).map(|v| Doc::from_file(v, file));
    crate::dom::mark("decoded");
    parsed
}

/// Parses host-given data: one version file, or a JSON array of versions of one policy.
/// Returns the versions oldest first.
#[cfg_attr(not(feature = "changes-module"), allow(dead_code))] // the changes module, tests
pub fn parse_many(file: &str, bytes: &[u8]) -> Result<Vec<Doc>, LoadError> {
    let trimmed = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map_or(&bytes[..0], |i| &bytes[i..]);
    if !trimmed.starts_with(b"[") {
        return parse(file, bytes).map(|d| vec![d]);
    }
    let items: Vec<serde_json::Value> = serde_json::from_slice(trimmed).map_err(|e| LoadError {
        file: file.to_string(),
        reasons: vec![format!("$: invalid JSON: {e}")],
    })?;
    let mut docs = Vec::new();
    let mut reasons = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let bytes = serde_json::to_vec(item).unwrap_or_default();
        match policy_lens_core::parse_version(&format!("{file}[{i}]"), &bytes) {
            Ok(v) => docs.push(Doc::new(v, bytes)),
            Err(problems) => reasons.extend(
                problems
                    .iter()
                    .map(|p| format!("[{i}] {}: {}", p.path, p.message)),
            ),
        }
    }
    if docs.is_empty() && reasons.is_empty() {
        reasons.push("$: the array holds no versions".into());
    }
    if let Some(first) = docs.first() {
        if docs.iter().any(|d| d.id != first.id) {
            reasons.push("$: the versions belong to different policies".into());
        }
    }
    if !reasons.is_empty() {
        return Err(LoadError {
            file: file.to_string(),
            reasons,
        });
    }
    // One policy's versions: a short list (see `policy_lens_core::small`).
    policy_lens_core::small::sort_by(&mut docs, |a, b| a.version.cmp(&b.version));
    Ok(docs)
}

/// Loads host-given data from `url`. Full validation lives in the changes module (loaded for
/// it); each version it accepts comes back in binary form and is read here as bundled data is.
#[cfg(target_arch = "wasm32")]
pub async fn load_many(url: &str) -> Result<Vec<Doc>, LoadError> {
    let failed = |reasons: Vec<String>| LoadError {
        file: url.to_string(),
        reasons,
    };
    let bytes = fetch(url).await.map_err(|r| failed(vec![r]))?;
    let versions = crate::changes_slot::validate_source(url, &bytes)
        .await
        .map_err(failed)?;
    versions
        .into_iter()
        .enumerate()
        .map(|(i, bytes)| from_binary(&format!("{url}[{i}]"), &bytes).map(|v| Doc::new(v, bytes)))
        .collect()
}
