//! The start page of the preview: every bundled policy with its versions and views.

use yew::prelude::*;

use crate::data::BUNDLED;
use crate::i18n::Lang;
use crate::route::{Route, View};
use crate::route_link::{route_link, LinkAttrs};

#[derive(Properties, PartialEq)]
pub struct StartPageProps {
    pub lang: Lang,
    pub navigate: Callback<Route>,
}

#[component]
pub fn StartPage(props: &StartPageProps) -> Html {
    let s = props.lang.strings();
    let lang = Some(props.lang);
    let link = |to: Route, text: &str, testid: &str| {
        let attrs = LinkAttrs {
            class: "pl-button",
            testid: Some(testid.to_string().into()),
            ..LinkAttrs::default()
        };
        route_link(to, &props.navigate, attrs, html! { text.to_string() })
    };
    html! {
        <section class="pl-start" data-testid="start-page">
            <h1>{ s.start_title }</h1>
            <p class="pl-muted">{ s.start_intro }</p>
            <ul class="pl-policy-list">
                { for BUNDLED.iter().map(|p| {
                    let base = Route { policy: Some(p.id.to_string()), lang, ..Route::default() };
                    html! {
                        <li class="pl-card" data-testid={format!("policy-card-{}", p.id)}>
                            <h2 lang={p.language}>{ p.title }</h2>
                            <p class="pl-muted"><code>{ p.id }</code>{ " · " }{ s.versions }{ ": " }{ p.versions.join(", ") }</p>
                            <div class="pl-actions">
                                { link(base.clone(), s.view_summary, "open-summary") }
                                { link(Route { view: View::Full, ..base.clone() }, s.view_full, "open-full") }
                                if p.versions.len() > 1 {
                                    { link(Route { view: View::Changes, ..base.clone() }, s.view_changes, "open-changes") }
                                }
                            </div>
                            if p.versions.len() > 1 {
                                <ul class="pl-version-list">
                                    { for p.versions.iter().rev().map(|v| html! {
                                        <li>
                                            { route_link(Route { version: Some(v.to_string()), ..base.clone() }, &props.navigate, LinkAttrs::default(), html! { *v }) }
                                        </li>
                                    }) }
                                </ul>
                            }
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
