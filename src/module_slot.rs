//! Views that live in a wasm module loaded on demand, so that the first bundle holds only the
//! summary: the changes view (`changes/`, [`crate::changes_slot`]) and the full text (`text/`,
//! [`crate::text_slot`]). The widget preloads both in the background once the summary is ready.
//!
//! A slot asks the embed loader (`PolicyLens._changes()` or `PolicyLens._text()` in
//! `embed/embed.js`) for its module, mounts the view into an element of its own right after the
//! widget's root, and hands it plain values (bytes, strings); the view's navigation comes back
//! as a query string. Two Yew apps from two wasm instances must not share a DOM subtree, since
//! each delegates events from its root. Each widget instance gets its own instance of each
//! module (panic isolation). If a module cannot load, the slot says so and the rest works.

use std::cell::RefCell;
use std::rc::Rc;

use js_sys::{Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use yew::prelude::*;

use crate::i18n::{Lang, Strings};
use crate::route::Route;

/// A module loaded on demand.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Module {
    Changes,
    Text,
}

impl Module {
    fn index(self) -> usize {
        self as usize
    }

    /// Its name: the folder it is built into, and its part of the host element's class.
    fn name(self) -> &'static str {
        match self {
            Module::Changes => "changes",
            Module::Text => "text",
        }
    }

    /// The embed loader's functions that load it and preload it.
    fn loaders(self) -> (&'static str, &'static str) {
        match self {
            Module::Changes => ("_changes", "_preloadChanges"),
            Module::Text => ("_text", "_preloadText"),
        }
    }
}

/// The props of a view that lives in a module: what it hands over, and what the slot needs.
pub trait Part: Properties + PartialEq + Clone + 'static {
    const MODULE: Module;
    /// The module's export that mounts the view: `(element, props) -> handle`.
    const MOUNT: &'static str;
    /// What the module gets: the bytes of a version only when they differ from `sent` (the
    /// props handed over last), since the module keeps what it was given.
    fn object(&self, sent: Option<&Self>, navigate: &Function) -> JsValue;
    fn lang(&self) -> Lang;
    /// The message, among `s`, when the module cannot be loaded.
    fn unavailable(s: &'static Strings) -> &'static str;
    fn navigate(&self) -> Callback<Route>;
    /// Called once the view is on screen, or could not be shown.
    fn on_shown(&self) -> Callback<()>;
}

thread_local! {
    /// Each module of this widget's wasm instance, once asked for.
    static LOADED: RefCell<[Option<Promise>; 2]> = const { RefCell::new([None, None]) };
    /// The view each module shows now (its handle), for the robustness tests.
    static SHOWN: RefCell<[Option<JsValue>; 2]> = const { RefCell::new([None, None]) };
}

/// Makes a module's instance panic, when it shows a view. For the robustness tests only
/// (`_crashForTesting('changes')` or `('text')` in embed.js).
#[cfg(feature = "widget")]
pub fn crash_for_testing(m: Module) {
    if let Some(h) = SHOWN.with(|s| s.borrow()[m.index()].clone()) {
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

/// A promise of this instance's module (loaded once, then shared by every slot).
pub fn module(m: Module) -> Result<Promise, String> {
    if let Some(p) = LOADED.with(|l| l.borrow()[m.index()].clone()) {
        return Ok(p);
    }
    let api = embed_api()?;
    let load = Reflect::get(&api, &m.loaders().0.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .ok_or_else(|| {
            format!(
                "this Policy Lens loader cannot load the {} module",
                m.name()
            )
        })?;
    let promise: Promise = load
        .call0(&api)
        .ok()
        .and_then(|p| p.dyn_into().ok())
        .ok_or_else(|| format!("the {} module could not be requested", m.name()))?;
    LOADED.with(|l| l.borrow_mut()[m.index()] = Some(promise.clone()));
    Ok(promise)
}

/// Drops a module that failed to load, so the next use tries again.
pub fn forget(m: Module) {
    LOADED.with(|l| l.borrow_mut()[m.index()] = None);
}

/// Starts fetching and compiling a module in the background (once the summary is ready), then
/// makes this widget's instance of it, so that opening its view does not wait for either.
/// `then`, if any, names an export of the module to call once the instance is made, and its
/// arguments. A promise it returns is left to settle by itself (a rejection reaches the
/// console).
pub fn preload(m: Module, then: Option<(&'static str, js_sys::Array)>) {
    let Ok(api) = embed_api() else { return };
    let Some(started) = Reflect::get(&api, &m.loaders().1.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
        .and_then(|f| f.call0(&api).ok())
        .and_then(|p| p.dyn_into::<Promise>().ok())
    else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        if JsFuture::from(started).await.is_ok() {
            if let Ok(p) = module(m) {
                match JsFuture::from(p).await {
                    Ok(instance) => {
                        if let Some((name, args)) = then {
                            let f = Reflect::get(&instance, &name.into());
                            if let Ok(f) = f.and_then(|f| f.dyn_into::<Function>()) {
                                let _ = f.apply(&instance, &args);
                            }
                        }
                    }
                    Err(_) => forget(m),
                }
            }
        }
    });
}

pub fn call(target: &JsValue, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(target, &method.into())?.dyn_into()?;
    match args {
        [] => f.call0(target),
        [a] => f.call1(target, a),
        [a, b] => f.call2(target, a, b),
        _ => Err("too many arguments".into()),
    }
}

pub fn message(e: &JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "unknown error".into())
}

/// A new element right after the widget's root (the element its Yew app is mounted on), for
/// the module's app: outside the widget's DOM subtree, so that the two apps' event delegation
/// never sees the other's elements.
fn place(node: &NodeRef, m: Module) -> Option<web_sys::Element> {
    let anchor: web_sys::Element = node.cast()?;
    let root = anchor
        .closest("[data-testid=policy-lens]")
        .ok()??
        .parent_element()?;
    let parent = root.parent_node()?;
    let el = gloo::utils::document().create_element("div").ok()?;
    el.set_class_name(&format!("pl-{}-host", m.name()));
    parent
        .insert_before(&el, root.next_sibling().as_ref())
        .ok()?;
    Some(el)
}

/// What the slot keeps between renders.
struct Mounted<P> {
    /// The module's handle, once mounted.
    handle: Option<JsValue>,
    /// The element the module renders into: the next sibling of the widget's root.
    place: Option<web_sys::Element>,
    /// The navigation callback the module calls, kept alive while mounted.
    navigate: Option<Closure<dyn Fn(String)>>,
    /// The newest props (a render may arrive while the module loads).
    latest: Option<P>,
    /// The props last handed to the module.
    sent: Option<P>,
    dead: bool,
}

impl<P> Default for Mounted<P> {
    fn default() -> Self {
        Mounted {
            handle: None,
            place: None,
            navigate: None,
            latest: None,
            sent: None,
            dead: false,
        }
    }
}

/// The place of a view that lives in a module: a loading line until it is mounted, or why it
/// could not be.
#[component]
pub fn Slot<P: Part>(props: &P) -> Html {
    let node = use_node_ref();
    let state = use_mut_ref(Mounted::<P>::default);
    let failed = use_state(|| None::<String>);
    let shown = use_state(|| false);
    let s = props.lang().strings();
    // New props: keep them, and pass them on once mounted (declared first, so that the mount
    // below finds them).
    {
        let state = state.clone();
        use_effect_with(props.clone(), move |props| {
            let mut m = state.borrow_mut();
            m.latest = Some(props.clone());
            let update = match (&m.handle, &m.navigate) {
                (Some(h), Some(nav)) if m.sent.as_ref() != Some(props) => {
                    let obj = props.object(m.sent.as_ref(), nav.as_ref().unchecked_ref());
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
            // The module calls this with the query string of the route to go to.
            let weak = Rc::downgrade(&state);
            let closure = Closure::<dyn Fn(String)>::new(move |query: String| {
                let navigate = weak
                    .upgrade()
                    .and_then(|st| st.borrow().latest.as_ref().map(Part::navigate));
                if let Some(cb) = navigate {
                    cb.emit(Route::from_query(&query));
                }
            });
            let nav: Function = closure.as_ref().unchecked_ref::<Function>().clone();
            state.borrow_mut().navigate = Some(closure);
            let st = state.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let result: Result<JsValue, String> = async {
                    let module = JsFuture::from(module(P::MODULE)?)
                        .await
                        .map_err(|e| message(&e))?;
                    crate::dom::mark(&format!("{}-module", P::MODULE.name()));
                    let el = place(&node, P::MODULE).ok_or("the view has no place")?;
                    st.borrow_mut().place = Some(el.clone());
                    let p = st.borrow().latest.clone().ok_or("nothing to show")?;
                    let obj = p.object(None, &nav);
                    let h =
                        call(&module, P::MOUNT, &[&el.into(), &obj]).map_err(|e| message(&e))?;
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
                let on_shown = m.latest.as_ref().map(Part::on_shown);
                match result {
                    Ok(h) => {
                        SHOWN.with(|s| s.borrow_mut()[P::MODULE.index()] = Some(h.clone()));
                        m.handle = Some(h);
                        shown.set(true);
                    }
                    Err(e) => {
                        forget(P::MODULE);
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
                    SHOWN.with(|s| s.borrow_mut()[P::MODULE.index()] = None);
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
                <p class="pl-error" role="alert" data-testid={format!("{}-unavailable", P::MODULE.name())}>
                    { format!("{} ({reason})", P::unavailable(s)) }
                </p>
            } else if !*shown {
                <p class="pl-loading" role="status" data-testid={format!("loading-{}", P::MODULE.name())}>{ s.loading }</p>
            }
            <div ref={node} class={format!("pl-{}-slot", P::MODULE.name())}></div>
        </>
    }
}
