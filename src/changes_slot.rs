//! Where the changes view goes. The diff engine, its keyword tables and the changes view live
//! in a module loaded on demand (`changes/`, built from `src/changes_module.rs`; see
//! [`crate::module_slot`]) when a reader first opens "What changed", and preloaded in the
//! background once the summary is ready. The slot hands it the versions as the bytes they were
//! read from, the language and the route; the view's navigation comes back as a query string.
//!
//! Natively (the SSR tests) the view renders in place, from the same component.

use yew::prelude::*;

use crate::data::{Doc, Raw};
use crate::i18n::Lang;
use crate::route::Route;

#[derive(Properties, PartialEq, Clone)]
pub struct ChangesSlotProps {
    /// The older version's file: the widget does not read it, the changes module does.
    pub old: Raw,
    pub new: Doc,
    pub versions: Vec<String>,
    pub lang: Lang,
    pub here: Route,
    pub navigate: Callback<Route>,
    /// Only reviewed facts are compared (the host's `reviewed-only`).
    #[prop_or_default]
    pub reviewed_only: bool,
    /// Called once the view is on screen (or could not be shown).
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn ChangesSlot(props: &ChangesSlotProps) -> Html {
    use crate::changes::ChangesView;
    let old = match crate::data::read_version(&props.old.file(), &props.old.source) {
        Ok(old) => crate::data::Doc::from_file(old, props.old.clone()),
        Err(e) => return html! { <p role="alert">{ e.file }{ ": " }{ e.reasons.join("; ") }</p> },
    };
    let (old, new) = if props.reviewed_only {
        (
            old.with_version(policy_lens_core::reviewed_only(&old)),
            props
                .new
                .with_version(policy_lens_core::reviewed_only(&props.new)),
        )
    } else {
        (old, props.new.clone())
    };
    html! {
        <ChangesView {old} {new} versions={props.versions.clone()} lang={props.lang}
            here={props.here.clone()} navigate={props.navigate.clone()} />
    }
}

#[cfg(target_arch = "wasm32")]
pub type ChangesSlot = crate::module_slot::Slot<ChangesSlotProps>;

#[cfg(target_arch = "wasm32")]
impl crate::module_slot::Part for ChangesSlotProps {
    const MODULE: crate::module_slot::Module = crate::module_slot::Module::Changes;
    const MOUNT: &'static str = "mountChanges";

    fn object(&self, sent: Option<&Self>, navigate: &js_sys::Function) -> wasm_bindgen::JsValue {
        use js_sys::{Reflect, Uint8Array};
        use std::rc::Rc;
        let o = js_sys::Object::new();
        let set = |k: &str, v: &wasm_bindgen::JsValue| {
            let _ = Reflect::set(&o, &k.into(), v);
        };
        let same_reading = sent.is_some_and(|s| s.reviewed_only == self.reviewed_only);
        if !(same_reading && sent.is_some_and(|s| Rc::ptr_eq(&s.old.source, &self.old.source))) {
            set("old", &Uint8Array::from(&self.old.source[..]).into());
        }
        if !(same_reading
            && sent.is_some_and(|s| Rc::ptr_eq(&s.new.file.source, &self.new.file.source)))
        {
            set("new", &Uint8Array::from(&self.new.file.source[..]).into());
        }
        set("oldFile", &self.old.file().into());
        set("newFile", &self.new.file.file().into());
        let versions = js_sys::Array::new();
        for v in &self.versions {
            versions.push(&v.into());
        }
        set("versions", &versions.into());
        set("lang", &self.lang.tag().into());
        set("query", &self.here.to_query().into());
        set("reviewedOnly", &self.reviewed_only.into());
        set("navigate", navigate);
        o.into()
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn unavailable(s: &'static crate::i18n::Strings) -> &'static str {
        s.changes_unavailable
    }

    fn navigate(&self) -> Callback<Route> {
        self.navigate.clone()
    }

    fn on_shown(&self) -> Callback<()> {
        self.on_shown.clone()
    }
}

/// Host-given data, validated in full by the changes module: each version's binary form,
/// oldest first, or every problem found.
#[cfg(target_arch = "wasm32")]
pub async fn validate_source(file: &str, bytes: &[u8]) -> Result<Vec<Vec<u8>>, Vec<String>> {
    use crate::module_slot::{call, forget, message, module, Module};
    use js_sys::Uint8Array;
    use wasm_bindgen::JsCast;
    let module =
        wasm_bindgen_futures::JsFuture::from(module(Module::Changes).map_err(|e| vec![e])?)
            .await
            .map_err(|e| {
                forget(Module::Changes);
                vec![message(&e)]
            })?;
    let out = call(
        &module,
        "validateSource",
        &[&file.into(), &Uint8Array::from(bytes).into()],
    )
    .map_err(|e| message(&e).lines().map(String::from).collect::<Vec<_>>())?;
    Ok(js_sys::Array::from(&out)
        .iter()
        .filter_map(|v| v.dyn_into::<Uint8Array>().ok())
        .map(|a| a.to_vec())
        .collect())
}

/// What the widget asks of the changes module once it is preloaded, while the reader is on
/// the summary of `doc`: a first comparison off screen (`warmUp` in `src/changes_module.rs`),
/// so that the module's code is compiled before the reader opens "What changed".
#[cfg(target_arch = "wasm32")]
pub fn warm_up(doc: &Doc, lang: Lang) -> (&'static str, js_sys::Array) {
    let args = js_sys::Array::of3(
        &js_sys::Uint8Array::from(&doc.file.source[..]),
        &doc.file.file().into(),
        &lang.tag().into(),
    );
    ("warmUp", args)
}
