//! Where the changes view goes. The diff engine, its keyword tables and the changes view live
//! in a second wasm module (`changes/`, built from `src/changes_module.rs`) that the widget
//! loads when a reader first opens "What changed", and preloads in the background once the
//! summary is ready. The slot asks the embed loader (`PolicyLens._changes()` in
//! `embed/embed.js`) for that module, mounts the view into its own element, and hands it the
//! versions as the bytes they were read from, the language and the route; the view's
//! navigation comes back as a query string.
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
pub use lazy::ChangesSlot;

#[cfg(target_arch = "wasm32")]
mod lazy {
    use std::cell::RefCell;
    use std::rc::Rc;

    use js_sys::{Function, Promise, Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use yew::prelude::*;

    use super::ChangesSlotProps;
    use crate::route::Route;

    thread_local! {
        /// The changes module of this widget's wasm instance, once asked for.
        static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
        /// The view it shows now (its `ChangesHandle`), for the robustness tests.
        static SHOWN: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    }

    /// Makes the changes module's instance panic, when it shows a view. For the robustness
    /// tests only (`_crashForTesting('changes')` in embed.js).
    #[cfg(feature = "widget")]
    pub fn crash_for_testing() {
        if let Some(h) = SHOWN.with(|s| s.borrow().clone()) {
            let _ = call(&h, "crashForTesting", &[]);
        }
    }

    fn embed_api() -> Result<JsValue, String> {
        let api = Reflect::get(&js_sys::global(), &"PolicyLens".into())
            .ok()
            .filter(|v| v.is_object())
            .ok_or("the Policy Lens loader (embed.js) is not on this page")?;
        Ok(api)
    }

    /// A promise of this instance's changes module (loaded once, then shared by every slot).
    fn module() -> Result<Promise, String> {
        if let Some(p) = MODULE.with(|m| m.borrow().clone()) {
            return Ok(p);
        }
        let api = embed_api()?;
        let load = Reflect::get(&api, &"_changes".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .ok_or("this Policy Lens loader cannot load the changes view")?;
        let promise: Promise = load
            .call0(&api)
            .ok()
            .and_then(|p| p.dyn_into().ok())
            .ok_or("the changes view could not be requested")?;
        MODULE.with(|m| *m.borrow_mut() = Some(promise.clone()));
        Ok(promise)
    }

    /// Drops a module that failed to load, so the next use tries again.
    fn forget() {
        MODULE.with(|m| *m.borrow_mut() = None);
    }

    /// Starts fetching and compiling the changes module in the background (once the summary
    /// is ready), then makes this widget's instance of it, so that opening "What changed" does
    /// not wait for either.
    pub fn preload() {
        let Ok(api) = embed_api() else { return };
        let Some(started) = Reflect::get(&api, &"_preloadChanges".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(&api).ok())
            .and_then(|p| p.dyn_into::<Promise>().ok())
        else {
            return;
        };
        wasm_bindgen_futures::spawn_local(async move {
            if JsFuture::from(started).await.is_ok() {
                if let Ok(p) = module() {
                    if JsFuture::from(p).await.is_err() {
                        forget();
                    }
                }
            }
        });
    }

    /// Host-given data, validated in full by the changes module: each version's JSON bytes,
    /// oldest first, or every problem found.
    pub async fn validate_source(file: &str, bytes: &[u8]) -> Result<Vec<Vec<u8>>, Vec<String>> {
        let module = JsFuture::from(module().map_err(|e| vec![e])?)
            .await
            .map_err(|e| {
                forget();
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

    /// What module 2 gets: the versions' bytes only when they differ from `sent` (the props
    /// handed over last), or when the reviewed-only setting changed; module 2 keeps the rest.
    fn props_object(
        p: &ChangesSlotProps,
        sent: Option<&ChangesSlotProps>,
        navigate: &Function,
    ) -> JsValue {
        let o = js_sys::Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&o, &k.into(), v);
        };
        let same_reading = sent.is_some_and(|s| s.reviewed_only == p.reviewed_only);
        if !(same_reading && sent.is_some_and(|s| Rc::ptr_eq(&s.old.source, &p.old.source))) {
            set("old", &Uint8Array::from(&p.old.source[..]).into());
        }
        if !(same_reading
            && sent.is_some_and(|s| Rc::ptr_eq(&s.new.file.source, &p.new.file.source)))
        {
            set("new", &Uint8Array::from(&p.new.file.source[..]).into());
        }
        set("oldFile", &p.old.file().into());
        set("newFile", &p.new.file.file().into());
        let versions = js_sys::Array::new();
        for v in &p.versions {
            versions.push(&v.into());
        }
        set("versions", &versions.into());
        set("lang", &p.lang.tag().into());
        set("query", &p.here.to_query().into());
        set("reviewedOnly", &p.reviewed_only.into());
        set("navigate", navigate);
        o.into()
    }

    fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
        let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
        match args {
            [] => f.call0(target),
            [a] => f.call1(target, a),
            [a, b] => f.call2(target, a, b),
            _ => Err("too many arguments".into()),
        }
    }

    fn message(e: &JsValue) -> String {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .or_else(|| e.as_string())
            .unwrap_or_else(|| "unknown error".into())
    }

    /// A new element right after the widget's root (the element its Yew app is mounted on),
    /// for module 2's app: outside the widget's DOM subtree, so that the two apps' event
    /// delegation never sees the other's elements.
    fn place(node: &NodeRef) -> Option<web_sys::Element> {
        let anchor: web_sys::Element = node.cast()?;
        let root = anchor
            .closest("[data-testid=policy-lens]")
            .ok()??
            .parent_element()?;
        let parent = root.parent_node()?;
        let el = gloo::utils::document().create_element("div").ok()?;
        el.set_class_name("pl-changes-host");
        parent
            .insert_before(&el, root.next_sibling().as_ref())
            .ok()?;
        Some(el)
    }

    /// What the slot keeps between renders.
    #[derive(Default)]
    struct Mounted {
        /// Module 2's handle (`ChangesHandle`), once mounted.
        handle: Option<JsValue>,
        /// The element module 2 renders into: the next sibling of the widget's root.
        place: Option<web_sys::Element>,
        /// The navigation callback module 2 calls, kept alive while mounted.
        navigate: Option<Closure<dyn Fn(String)>>,
        /// The newest props (a render may arrive while the module loads).
        latest: Option<ChangesSlotProps>,
        /// The props last handed to module 2.
        sent: Option<ChangesSlotProps>,
        dead: bool,
    }

    #[component]
    pub fn ChangesSlot(props: &ChangesSlotProps) -> Html {
        let node = use_node_ref();
        let state = use_mut_ref(Mounted::default);
        let failed = use_state(|| None::<String>);
        let shown = use_state(|| false);
        let s = props.lang.strings();
        // New props: keep them, and pass them on once mounted (declared first, so that the
        // mount below finds them).
        {
            let state = state.clone();
            use_effect_with(props.clone(), move |props| {
                let mut m = state.borrow_mut();
                m.latest = Some(props.clone());
                let update = match (&m.handle, &m.navigate) {
                    (Some(h), Some(nav)) if m.sent.as_ref() != Some(props) => {
                        let obj =
                            props_object(props, m.sent.as_ref(), nav.as_ref().unchecked_ref());
                        Some((h.clone(), obj))
                    }
                    _ => None,
                };
                if let Some((h, obj)) = update {
                    m.sent = Some(props.clone());
                    drop(m);
                    if let Err(e) = call(&h, "update", &[&obj]) {
                        web_sys::console::error_1(&e);
                    }
                }
            });
        }
        // Mount once; later renders update the mounted view.
        {
            let state = state.clone();
            let node = node.clone();
            let failed = failed.clone();
            let shown = shown.clone();
            use_effect_with((), move |_| {
                // Module 2 calls this with the query string of the route to go to.
                let weak = Rc::downgrade(&state);
                let closure = Closure::<dyn Fn(String)>::new(move |query: String| {
                    let navigate = weak
                        .upgrade()
                        .and_then(|st| st.borrow().latest.as_ref().map(|p| p.navigate.clone()));
                    if let Some(cb) = navigate {
                        cb.emit(Route::from_query(&query));
                    }
                });
                let nav: Function = closure.as_ref().unchecked_ref::<Function>().clone();
                state.borrow_mut().navigate = Some(closure);
                let st = state.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let result: Result<JsValue, String> = async {
                        let module = JsFuture::from(module()?).await.map_err(|e| message(&e))?;
                        crate::dom::mark("changes-module");
                        let el = place(&node).ok_or("the changes view has no place")?;
                        st.borrow_mut().place = Some(el.clone());
                        let p = st.borrow().latest.clone().ok_or("no versions")?;
                        let obj = props_object(&p, None, &nav);
                        let h = call(&module, "mountChanges", &[&el.into(), &obj])
                            .map_err(|e| message(&e))?;
                        st.borrow_mut().sent = Some(p);
                        Ok(h)
                    }
                    .await;
                    let mut m = st.borrow_mut();
                    if m.dead {
                        if let Ok(h) = result {
                            let _ = call(&h, "unmount", &[]);
                        }
                        return;
                    }
                    let on_shown = m.latest.as_ref().map(|p| p.on_shown.clone());
                    match result {
                        Ok(h) => {
                            SHOWN.with(|s| *s.borrow_mut() = Some(h.clone()));
                            m.handle = Some(h);
                            shown.set(true);
                        }
                        Err(e) => {
                            forget();
                            failed.set(Some(e));
                        }
                    }
                    drop(m);
                    if let Some(cb) = on_shown {
                        cb.emit(());
                    }
                });
                move || {
                    let mut m = state.borrow_mut();
                    m.dead = true;
                    if let Some(h) = m.handle.take() {
                        SHOWN.with(|s| *s.borrow_mut() = None);
                        let _ = call(&h, "unmount", &[]);
                        let _ = call(&h, "free", &[]);
                    }
                    m.navigate = None;
                    if let Some(el) = m.place.take() {
                        el.remove();
                    }
                }
            });
        }
        html! {
            <>
                if let Some(reason) = &*failed {
                    <p class="pl-error" role="alert" data-testid="changes-unavailable">
                        { format!("{} ({reason})", s.changes_unavailable) }
                    </p>
                } else if !*shown {
                    <p class="pl-loading" role="status" data-testid="loading-changes">{ s.loading }</p>
                }
                <div ref={node} class="pl-changes-slot"></div>
            </>
        }
    }
}

#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub use lazy::crash_for_testing;
#[cfg(target_arch = "wasm32")]
pub use lazy::{preload, validate_source};
