//! The authoring page (`author.html`, bin `policy-lens-author`, feature `author`): a person
//! opens a policy document or version file, reviews the extractor's suggested facts beside
//! their quotes, adds facts from selected text, and downloads the version file. Everything
//! happens in the page; the review steps are `policy_lens_core::review`, applied by one
//! reducer ([`state`]). It reuses the widget's full-text view, catalogue and DOM helpers.

mod add_fact;
mod author_page;
mod browser;
mod download_panel;
mod fact_card;
mod fact_list;
mod file_drop;
mod i18n;
mod outline;
mod state;

pub use author_page::{AuthorPage, AuthorPageProps};

/// Mounts the authoring page into `#policy-lens-author`. The UI language comes from `?lang=`,
/// else from the browser.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use crate::i18n::Lang;
    let document = gloo::utils::document();
    if let Some(el) = document.get_element_by_id("policy-lens-author") {
        let query = web_sys::UrlSearchParams::new_with_str(&crate::dom::location_query()).ok();
        let lang = query
            .and_then(|q| q.get("lang"))
            .or_else(crate::dom::navigator_language)
            .and_then(|t| Lang::parse(&t))
            .unwrap_or_default();
        yew::Renderer::<AuthorPage>::with_root_and_props(el, AuthorPageProps { lang }).render();
    }
}
