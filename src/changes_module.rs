//! The changes module's entry points: the second wasm module (`dist/changes/`), loaded on
//! demand by the widget's [`ChangesSlot`](crate::changes_slot). It holds the diff engine, its
//! keyword tables, the changes view and full validation, so the first bundle (the summary and
//! full text) does not carry them.
//!
//! The widget hands over plain values: each version as the bytes it was read from, the language
//! tag, the route as a query string, and a JS function to navigate with (called with a query
//! string). Bad input becomes an error the slot shows, never a panic.

use std::cell::{Cell, RefCell};

use js_sys::{Function, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::AppHandle;

use crate::changes::{ChangesView, ChangesViewProps};
use crate::data::Doc;
use crate::i18n::Lang;
use crate::route::Route;

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The version under `key`: decoded from the bytes when the widget sends them (the first time,
/// and whenever the version or the reviewed-only setting changes), else the one kept from
/// before, so that moving between changes neither copies, decodes nor compares the versions
/// again.
fn version(
    kept: &RefCell<Option<Doc>>,
    props: &JsValue,
    key: &str,
    file: &str,
    reviewed_only: bool,
) -> Result<Doc, JsError> {
    let given = get(props, key);
    if given.is_undefined() {
        return kept
            .borrow()
            .clone()
            .ok_or_else(|| JsError::new(&format!("{key}: no version given")));
    }
    let bytes = given
        .dyn_into::<Uint8Array>()
        .map_err(|_| JsError::new(&format!("{key}: not a byte array")))?
        .to_vec();
    let version = crate::data::read_version(file, &bytes)
        .map_err(|e| JsError::new(&format!("{file}: {}", e.reasons.join("; "))))?;
    let version = if reviewed_only {
        policy_lens_core::reviewed_only(&version)
    } else {
        version
    };
    let doc = Doc::new(version, Vec::new());
    *kept.borrow_mut() = Some(doc.clone());
    Ok(doc)
}

/// The module's root: the view in a widget frame of its own (`.policy-lens`, with the language),
/// since it is mounted next to the widget's root, not inside it: two Yew apps from two wasm
/// instances must not share a DOM subtree (their event delegation would mix).
#[component]
fn ChangesRoot(props: &ChangesViewProps) -> Html {
    html! {
        <div class="policy-lens pl-changes-part" lang={props.lang.tag()} data-testid="changes-part">
            <ChangesView ..props.clone() />
        </div>
    }
}

thread_local! {
    /// Whether this instance has shown a changes view (the warm-up is then not needed).
    static VIEWED: Cell<bool> = const { Cell::new(false) };
}

/// A mounted changes view.
#[wasm_bindgen]
pub struct ChangesHandle {
    app: Option<AppHandle<ChangesRoot>>,
    old: RefCell<Option<Doc>>,
    new: RefCell<Option<Doc>>,
}

impl ChangesHandle {
    fn props(&self, props: &JsValue) -> Result<ChangesViewProps, JsError> {
        let text = |k: &str| get(props, k).as_string().unwrap_or_default();
        let reviewed_only = get(props, "reviewedOnly").is_truthy();
        let old = version(&self.old, props, "old", &text("oldFile"), reviewed_only)?;
        let new = version(&self.new, props, "new", &text("newFile"), reviewed_only)?;
        let versions = js_sys::Array::from(&get(props, "versions"))
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        let navigate: Option<Function> = get(props, "navigate").dyn_into().ok();
        Ok(ChangesViewProps {
            old,
            new,
            versions,
            lang: Lang::parse(&text("lang")).unwrap_or_default(),
            here: Route::from_query(&text("query")),
            navigate: Callback::from(move |r: Route| {
                if let Some(f) = &navigate {
                    let _ = f.call1(&JsValue::NULL, &r.to_query().into());
                }
            }),
        })
    }
}

/// Mounts the changes view into `element`.
#[wasm_bindgen(js_name = mountChanges)]
pub fn mount_changes(element: web_sys::Element, props: JsValue) -> Result<ChangesHandle, JsError> {
    VIEWED.with(|v| v.set(true));
    crate::panic_hook::install();
    crate::panic_hook::register(&element);
    let mut handle = ChangesHandle {
        app: None,
        old: RefCell::new(None),
        new: RefCell::new(None),
    };
    let props = handle.props(&props)?;
    crate::dom::mark("changes-decoded");
    handle.app = Some(yew::Renderer::<ChangesRoot>::with_root_and_props(element, props).render());
    Ok(handle)
}

#[wasm_bindgen]
impl ChangesHandle {
    /// New versions, language or route.
    pub fn update(&mut self, props: JsValue) -> Result<(), JsError> {
        let props = self.props(&props)?;
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
        Ok(())
    }

    /// Panics inside this changes module instance. For the robustness tests only.
    #[wasm_bindgen(js_name = crashForTesting)]
    pub fn crash_for_testing(&self) {
        panic!("crash requested by a test (changes module)");
    }

    /// Removes the view.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Runs a first comparison off screen, on a part of the version the widget shows (`bytes`, read
/// from `file`) and an edited copy of that part: once in the engine, then rendered by the
/// changes view into an element that never joins the page, and dropped. V8 compiles each wasm
/// function the first time it runs, so the first comparison in a new instance spends most of
/// its time compiling: Zeekr took 84–98 ms from the click to the verdict without this, and
/// 49–58 ms with it (medians of alternating runs). The widget calls this once the module is
/// preloaded, while the reader is on the summary. Each step is a task of its own, and the part
/// compared is small, so that the steps are mostly compilation. Nothing is shown, and no event
/// reaches the host; the mark `pl:changes-warm` says it is done.
#[wasm_bindgen(js_name = warmUp)]
pub async fn warm_up(bytes: Uint8Array, file: String, lang: String) -> Result<(), JsError> {
    // A reader who opened "What changed" first has compiled the code already: the warm-up
    // stops at its next step rather than compete with the view.
    let viewed = || VIEWED.with(Cell::get);
    if viewed() {
        return Ok(());
    }
    let version = crate::data::read_version(&file, &bytes.to_vec())
        .map_err(|e| JsError::new(&format!("{file}: {}", e.reasons.join("; "))))?;
    crate::dom::next_task().await;
    if viewed() {
        return Ok(());
    }
    let (old, new) = crate::changes::warm_up::pair(version);
    let (old, new) = (Doc::new(old, Vec::new()), Doc::new(new, Vec::new()));
    // The result is not kept: what a reader compares is other versions.
    let _ = policy_lens_core::diff::diff(&old, &new);
    crate::dom::next_task().await;
    if viewed() {
        return Ok(());
    }
    let place = gloo::utils::document()
        .create_element("div")
        .map_err(|_| JsError::new("no element for the warm-up"))?;
    let props = ChangesViewProps {
        versions: vec![old.version.clone(), new.version.clone()],
        old,
        new,
        lang: Lang::parse(&lang).unwrap_or_default(),
        here: Route::from_query("view=changes"),
        navigate: Callback::noop(),
    };
    let app = yew::Renderer::<ChangesRoot>::with_root_and_props(place.clone(), props).render();
    // The render runs in this task's microtasks, unless Yew yields to the browser midway.
    for _ in 0..10 {
        crate::dom::next_task().await;
        let done = place.query_selector("[data-testid=verdict], [data-testid=error-panel]");
        if done.ok().flatten().is_some() {
            break;
        }
    }
    app.destroy();
    crate::dom::mark("changes-warm");
    Ok(())
}

/// Host-given data (`src`): one version file or a JSON array of versions of one policy,
/// validated in full. Returns each version in binary form (what the widget reads), oldest
/// first, or throws an error
/// whose message lists every problem, one per line, each with its place.
#[wasm_bindgen(js_name = validateSource)]
pub fn validate_source(file: &str, bytes: &[u8]) -> Result<js_sys::Array, JsError> {
    match crate::data::parse_many(file, bytes) {
        Ok(docs) => Ok(docs
            .iter()
            .map(|d| {
                let bytes = policy_lens_core::model::binary::to_binary(d);
                JsValue::from(Uint8Array::from(&bytes[..]))
            })
            .collect()),
        Err(e) => Err(JsError::new(&e.reasons.join("\n"))),
    }
}
