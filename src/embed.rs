//! Embedding: `mount(element, options)` for the JS API, the custom element and the script tag
//! (the thin JS side is `embed/embed.js`). Options are plain key/value pairs; unknown keys
//! are ignored and bad values end up in the widget's error panel, never in a panic.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::AppHandle;

use crate::app::{App, AppProps};
use crate::route::Route;

/// A mounted widget.
#[wasm_bindgen]
pub struct MountHandle {
    app: Option<AppHandle<App>>,
    base: String,
}

fn props_from(options: &JsValue, base: &str) -> AppProps {
    // Strings as they are; other values (numbers, booleans) as JSON would write them.
    let mut pairs: Vec<(String, String)> = Vec::new();
    if let Some(obj) = options.dyn_ref::<js_sys::Object>() {
        for entry in js_sys::Object::entries(obj).iter() {
            let entry = js_sys::Array::from(&entry);
            let (k, v) = (entry.get(0), entry.get(1));
            let Some(k) = k.as_string() else { continue };
            if v.is_null() || v.is_undefined() {
                continue;
            }
            let v = match v.as_string() {
                Some(s) => s,
                None => js_sys::JSON::stringify(&v)
                    .ok()
                    .and_then(|s| s.as_string())
                    .unwrap_or_default(),
            };
            pairs.push((k, v));
        }
    }
    let src = pairs
        .iter()
        .find(|(k, _)| k == "src")
        .map(|(_, v)| v.clone());
    let route = Route::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())));
    let remember = pairs
        .iter()
        .any(|(k, v)| k == "remember" && matches!(v.as_str(), "last-read" | "true"));
    // A boolean attribute: present (any value but "false") hides unreviewed suggestions.
    let reviewed_only = pairs
        .iter()
        .any(|(k, v)| k == "reviewed-only" && v != "false");
    AppProps {
        remember,
        reviewed_only,
        first_layer_only: false,
        route,
        full_page: false,
        base: base.to_string().into(),
        preloaded: Vec::new(),
        src: src.map(Into::into),
    }
}

/// Mounts a widget into `element` with `options` (`policy`, `version`, `view`, `lang`, `from`,
/// `to`, `src`, `remember`, `reviewed-only`). `base` is the URL folder of the widget's assets.
/// `html_policy`: the loader's Trusted Types policy, `null` where the host refused it, or
/// `undefined` (see [`crate::markup::set_html_policy`]).
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(
    element: web_sys::Element,
    options: JsValue,
    base: String,
    html_policy: JsValue,
) -> MountHandle {
    crate::dom::mark("start");
    crate::markup::set_html_policy(html_policy);
    crate::panic_hook::install();
    crate::panic_hook::register(&element);
    let props = props_from(&options, &base);
    let app = yew::Renderer::<App>::with_root_and_props(element, props).render();
    MountHandle {
        app: Some(app),
        base,
    }
}

#[wasm_bindgen]
impl MountHandle {
    /// Replaces the options and re-renders.
    pub fn update(&mut self, options: JsValue) {
        let props = props_from(&options, &self.base);
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
    }

    /// Panics inside the widget's wasm instance. For the robustness tests only: it shows
    /// what a reader would see if the widget hit a bug.
    #[wasm_bindgen(js_name = crashForTesting)]
    pub fn crash_for_testing(&self) {
        panic!("crash requested by a test");
    }

    /// Panics inside the changes module this widget shows (a second wasm instance). For the
    /// robustness tests only.
    #[wasm_bindgen(js_name = crashChangesForTesting)]
    pub fn crash_changes_for_testing(&self) {
        crate::module_slot::crash_for_testing(crate::module_slot::Module::Changes);
    }

    /// Panics inside the text module this widget shows (another wasm instance). For the
    /// robustness tests only.
    #[wasm_bindgen(js_name = crashTextForTesting)]
    pub fn crash_text_for_testing(&self) {
        crate::module_slot::crash_for_testing(crate::module_slot::Module::Text);
    }

    /// Removes the widget.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
