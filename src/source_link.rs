//! The "source" control next to every fact: it opens the full text at the quoted sentence.

use policy_lens_core::Provenance;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::{Route, View};
use crate::route_link::navigate_on_click;

/// The route that shows a quote in the full text.
pub fn source_route(here: &Route, source: &Provenance) -> Route {
    Route {
        view: View::Full,
        section: Some(source.section.clone()),
        quote: Some(source.quote.clone()),
        from: None,
        to: None,
        change: None,
        ..here.clone()
    }
}

/// The accessible name of a source link: what it does, and the sentence it opens.
pub fn source_label(lang: Lang, source: &Provenance) -> String {
    let s = lang.strings();
    format!("{} — {}: “{}”", s.source, s.show_source, source.quote)
}

/// The link to a fact's source. A plain link, not a component: a summary shows dozens, and a
/// component each would cost the first render a scope and a render task apiece.
pub fn source_link(
    source: &Provenance,
    here: &Route,
    navigate: &Callback<Route>,
    lang: Lang,
) -> Html {
    let s = lang.strings();
    let label = source_label(lang, source);
    let to = source_route(here, source);
    let href = to.to_query();
    let onclick = navigate_on_click(to, navigate.clone());
    html! {
        <a {href} class="pl-source-link" {onclick} aria-label={label}>{ s.source }</a>
    }
}
