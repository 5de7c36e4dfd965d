//! # Policy Lens widget
//!
//! A Yew component that renders a privacy policy as a layered summary, its sections and its
//! full text, and what changed between two versions. All domain logic lives in
//! `policy-lens-core`; this crate renders it, keeps the route, and embeds the widget in pages
//! (full page, script tag, custom element).

mod app;
mod at_a_glance;
#[cfg(feature = "author")]
pub mod author;
#[cfg(all(target_arch = "wasm32", feature = "changes-module"))]
mod bench;
pub mod changes;
#[cfg(all(target_arch = "wasm32", feature = "changes-module"))]
mod changes_module;
mod changes_slot;
mod data;
mod dom;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
mod embed;
mod error_panel;
// The full text renders in the text module and the authoring page (natively, in place: the
// SSR tests).
#[cfg(any(
    not(target_arch = "wasm32"),
    feature = "text-module",
    feature = "author"
))]
mod full_text;
mod glance_details;
mod header;
mod i18n;
mod markup;
#[cfg(target_arch = "wasm32")]
mod module_slot;
mod notices;
#[cfg(target_arch = "wasm32")]
mod panic_hook;
mod route;
mod route_link;
mod section_list;
mod source_link;
mod start_page;
mod state;
mod suggested_badge;
#[cfg(all(target_arch = "wasm32", feature = "text-module"))]
mod text_module;
mod text_slot;
mod version_page;

pub use app::{App, AppProps};
pub use data::{Doc, Loaded, Shared};
pub use i18n::Lang;
pub use route::{Route, View};

/// Mounts the full-page widget into `#policy-lens`, taking the route from the URL.
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub fn start_page() {
    let document = gloo::utils::document();
    if let Some(el) = document.get_element_by_id("policy-lens") {
        dom::mark("start");
        panic_hook::install();
        panic_hook::register(&el);
        let base = el.get_attribute("data-base").unwrap_or_default();
        let props = AppProps {
            route: Route::from_query(&dom::location_query()),
            full_page: true,
            base: base.into(),
            preloaded: Vec::new(),
            src: None,
            remember: false,
            reviewed_only: false,
            first_layer_only: false,
        };
        yew::Renderer::<App>::with_root_and_props(el, props).render();
    }
}

/// The changes module's start: installs its panic hook (its exports are in `changes_module`).
#[cfg(all(target_arch = "wasm32", feature = "changes-module"))]
pub fn start_changes_module() {
    panic_hook::install();
}

/// The text module's start: installs its panic hook (its exports are in `text_module`).
#[cfg(all(target_arch = "wasm32", feature = "text-module"))]
pub fn start_text_module() {
    panic_hook::install();
}

/// The allocator of the widget, the text module and the authoring page: Talc, 3 KB gzip
/// smaller than the default dlmalloc in the first bundle. The changes module keeps dlmalloc: in
/// alternating runs of the bench's diffs (same build otherwise), Talc was slower on the 100 KB
/// pair (3.8–4.0 against 2.4–2.8 ms) and less steady on the Zeekr pair (medians 1.0 and 9.2 ms
/// against 1.4 and 1.5). Single-threaded wasm, so no lock.
#[cfg(all(
    target_arch = "wasm32",
    not(target_feature = "atomics"),
    not(feature = "changes-module")
))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
