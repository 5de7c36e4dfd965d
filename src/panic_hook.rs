//! The panic hook both wasm modules install: a panic (a bug, never bad data) turns every
//! widget of this wasm instance into a `policy-lens:error` with the reason, so the embed shows
//! its plain fallback instead of a dead box.

use wasm_bindgen::prelude::*;

thread_local! {
    /// The containers this wasm instance renders into, for the panic hook.
    static MOUNTED: std::cell::RefCell<Vec<web_sys::Element>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// Installs the panic hook once: a panic (a bug, never bad data) turns every widget of this
/// wasm instance into a `policy-lens:error` with the reason, so the embed shows its plain
/// fallback instead of a dead box. Each embedded widget runs in its own instance, so the
/// others on the page keep working.
pub(crate) fn install() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        yew::set_custom_panic_hook(Box::new(|info| {
            let reason = format!("panic: {info}");
            web_sys::console::error_1(&JsValue::from_str(&reason));
            let hosts = MOUNTED.with(|m| m.try_borrow().map(|v| v.clone()).unwrap_or_default());
            for container in hosts {
                crate::dom::fail(&container, &reason);
            }
        }));
    });
}

pub(crate) fn register(container: &web_sys::Element) {
    MOUNTED.with(|m| {
        if let Ok(mut v) = m.try_borrow_mut() {
            v.push(container.clone());
        }
    });
}
