//! The few DOM effects the widget needs. Natively (SSR tests) they do nothing.

use yew::NodeRef;

/// Scrolls the first element matching `selector` inside `root` into view and focuses it when
/// it is focusable.
pub fn scroll_to(root: &NodeRef, selector: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        if let Some(el) = root.cast::<web_sys::Element>() {
            // Inside the root, else next to it: the views of the modules loaded on demand are
            // mounted right after the widget's root (src/module_slot.rs).
            let found = el.query_selector(selector).ok().flatten().or_else(|| {
                let around = el.parent_node()?.parent_node()?;
                let query: js_sys::Function =
                    js_sys::Reflect::get(&around, &"querySelector".into())
                        .ok()?
                        .dyn_into()
                        .ok()?;
                query.call1(&around, &selector.into()).ok()?.dyn_into().ok()
            });
            if let Some(found) = found {
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Center);
                if !reduced_motion() {
                    opts.set_behavior(web_sys::ScrollBehavior::Smooth);
                }
                found.scroll_into_view_with_scroll_into_view_options(&opts);
                if let Ok(h) = found.dyn_into::<web_sys::HtmlElement>() {
                    if h.has_attribute("tabindex") {
                        let _ = h.focus();
                    }
                }
            }
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (root, selector);
}

#[cfg(target_arch = "wasm32")]
fn reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|m| m.matches())
}

/// The element hosting the widget: the shadow host, or the mount element.
#[cfg(target_arch = "wasm32")]
pub fn host_of(root: &NodeRef) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let el = root.cast::<web_sys::Element>()?;
    let node = el.get_root_node();
    if let Ok(sr) = node.dyn_into::<web_sys::ShadowRoot>() {
        return Some(sr.host());
    }
    el.parent_element()
}

/// Dispatches a bubbling, composed `policy-lens:<name>` event on the host with a JSON detail.
pub fn emit(root: &NodeRef, name: &str, detail: &[(&str, String)]) {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(host) = host_of(root) else { return };
        let obj = js_sys::Object::new();
        for (k, v) in detail {
            let _ = js_sys::Reflect::set(&obj, &(*k).into(), &v.into());
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&obj);
        if let Ok(ev) =
            web_sys::CustomEvent::new_with_event_init_dict(&format!("policy-lens:{name}"), &init)
        {
            let _ = host.dispatch_event(&ev);
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (root, name, detail);
}

/// Marks the host ready (`data-ready`) and fires `policy-lens:ready`.
pub fn signal_ready(root: &NodeRef, detail: &[(&str, String)]) {
    #[cfg(target_arch = "wasm32")]
    if let Some(host) = host_of(root) {
        let _ = host.set_attribute("data-ready", "true");
    }
    emit(root, "ready", detail);
}

/// Marks a moment of loading on the page's performance timeline as `pl:<name>`, so that
/// `make bench` can break load-to-ready down (start, data decoded, summarised, ready).
pub fn mark(name: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(&format!("pl:{name}"));
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = name;
}

/// The browser's preferred language, if any.
pub fn navigator_language() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window().and_then(|w| w.navigator().language())
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// The current URL query (full-page mode).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub fn location_query() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::new()
}

/// Pushes a history entry for `query` (full-page mode).
pub fn push_query(query: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(w) = web_sys::window() {
        if let Ok(h) = w.history() {
            let path = w.location().pathname().unwrap_or_default();
            let _ = h.push_state_with_url(
                &wasm_bindgen::JsValue::NULL,
                "",
                Some(&format!("{path}{query}")),
            );
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = query;
}

/// After a panic: marks the widget failed and tells the host, which shows its fallback.
/// Uses only the DOM, never the (possibly poisoned) Yew state.
#[cfg(target_arch = "wasm32")]
pub fn fail(container: &web_sys::Element, reason: &str) {
    use wasm_bindgen::JsCast;
    let host = match container.get_root_node().dyn_into::<web_sys::ShadowRoot>() {
        Ok(sr) => sr.host(),
        Err(_) => container.clone(),
    };
    let _ = host.set_attribute("data-failed", "true");
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"reason".into(), &reason.into());
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("policy-lens:error", &init) {
        let _ = host.dispatch_event(&ev);
    }
    if host == *container {
        // Full-page mode has no JS fallback: say so in plain text.
        container.set_text_content(Some(
            "Policy Lens stopped because of an internal error. Reload the page to try again.",
        ));
    }
}

/// Reads a remembered value (host opt-in only). Storage may be unavailable: then `None`.
pub fn remembered(key: &str) -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()?
            .local_storage()
            .ok()??
            .get_item(key)
            .ok()?
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = key;
        None
    }
}

/// Remembers a value (host opt-in only); failures are ignored.
pub fn remember(key: &str, value: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(Ok(Some(s))) = web_sys::window().map(|w| w.local_storage()) {
        let _ = s.set_item(key, value);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (key, value);
}

/// The URL fragment without `#`, if any (full-page mode).
pub fn location_hash() -> Option<String> {
    #[cfg(target_arch = "wasm32")]
    {
        let h = web_sys::window()?.location().hash().ok()?;
        let h = h.trim_start_matches('#').to_string();
        (!h.is_empty()).then_some(h)
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// False on the first render, then true in a task of its own once `start` is true and the
/// browser has laid out and painted what came first (see [`after_next_paint`]): for a part of
/// a view that may come a moment later and must not compete with the part before it (the
/// summary's sections wait until its first layer is on screen and the host has heard
/// "ready"), so that neither the render nor the layout of all of it lands in one task. True at
/// once natively (SSR), where there is no second task.
///
/// The wait starts from the effect after the render, not from the render itself. Yew may yield
/// to the browser between the two; asked for in the render, the next part then ran in the same
/// task as the effects of the part before it: in alternating loads of both, 16 of 25 had a
/// task over 50 ms, against 3 of 25.
#[yew::hook]
pub fn use_after_first_paint_once(start: bool) -> bool {
    let shown = yew::use_state_eq(|| !cfg!(target_arch = "wasm32"));
    {
        let shown = shown.clone();
        yew::use_effect_with(start, move |start| {
            #[cfg(target_arch = "wasm32")]
            let pending = (*start && !*shown).then(|| after_next_paint(move || shown.set(true)));
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (shown, start);
            move || {
                #[cfg(target_arch = "wasm32")]
                if let Some(cancel) = pending {
                    cancel.set(true);
                }
            }
        });
    }
    *shown
}

/// Runs `f` in a task after the next frame: an animation frame queues a zero timeout, which
/// runs once that frame's layout and paint are done. A bare zero timeout may run before the
/// frame, and then two parts' layouts land in one long frame. A page that draws no frames (a
/// hidden tab, an iframe scrolled far away) still gets `f` after 100 ms. Setting the returned
/// flag cancels it.
#[cfg(target_arch = "wasm32")]
fn after_next_paint(f: impl FnOnce() + 'static) -> std::rc::Rc<std::cell::Cell<bool>> {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;

    let cancelled = Rc::new(Cell::new(false));
    let once = Rc::new(RefCell::new(Some(f)));
    let run = {
        let (cancelled, once) = (cancelled.clone(), once.clone());
        move || {
            let f = once.borrow_mut().take();
            if let Some(f) = f.filter(|_| !cancelled.get()) {
                f();
            }
        }
    };
    gloo::timers::callback::Timeout::new(100, run.clone()).forget();
    let frame = Closure::once_into_js(move || {
        gloo::timers::callback::Timeout::new(0, run).forget();
    });
    if let Some(w) = web_sys::window() {
        let _ = w.request_animation_frame(frame.unchecked_ref());
    }
    cancelled
}

/// Resolves in a new task (a zero-delay timeout): what follows runs after the browser has had
/// the chance to paint and handle input.
#[cfg(all(target_arch = "wasm32", feature = "changes-module"))]
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback(&resolve);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}
