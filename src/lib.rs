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
#[cfg(target_arch = "wasm32")]
mod bench;
mod changes;
mod data;
mod dom;
#[cfg(target_arch = "wasm32")]
mod embed;
mod error_panel;
mod full_text;
mod header;
mod i18n;
mod notices;
mod route;
mod route_link;
mod section_list;
mod source_link;
mod start_page;
mod state;
mod suggested_badge;
mod version_page;

pub use app::{App, AppProps};
pub use data::{Doc, Shared};
pub use i18n::Lang;
pub use route::{Route, View};

/// Mounts the full-page widget into `#policy-lens`, taking the route from the URL.
#[cfg(target_arch = "wasm32")]
pub fn start_page() {
    let document = gloo::utils::document();
    if let Some(el) = document.get_element_by_id("policy-lens") {
        dom::mark("start");
        embed::install_panic_hook();
        embed::register(&el);
        let base = el.get_attribute("data-base").unwrap_or_default();
        let props = AppProps {
            route: Route::from_query(&dom::location_query()),
            full_page: true,
            base: base.into(),
            preloaded: Vec::new(),
            src: None,
            remember: false,
            reviewed_only: false,
        };
        yew::Renderer::<App>::with_root_and_props(el, props).render();
    }
}
