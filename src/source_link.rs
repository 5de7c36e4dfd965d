//! The "source" control next to every fact: it opens the full text at the quoted sentence.

use policy_lens_core::Provenance;
use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::{Route, View};
use crate::route_link::RouteLink;

#[derive(Properties, PartialEq)]
pub struct SourceLinkProps {
    pub source: Provenance,
    /// The route of the page the fact is on; the link keeps its policy, version and language.
    pub here: Route,
    pub navigate: Callback<Route>,
    pub lang: Lang,
}

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

#[component]
pub fn SourceLink(props: &SourceLinkProps) -> Html {
    let s = props.lang.strings();
    let label = format!("{} — {}: “{}”", s.source, s.show_source, props.source.quote);
    html! {
        <RouteLink to={source_route(&props.here, &props.source)} navigate={props.navigate.clone()}
            class={classes!("pl-source-link")} testid="source-link" label={AttrValue::from(label)}>
            <span aria-hidden="true">{ "¶ " }</span>{ s.source }
        </RouteLink>
    }
}
