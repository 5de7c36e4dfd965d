//! The widget header: the policy title, the view tabs and the language switch.

use yew::prelude::*;

use crate::data::{Doc, Shared};
use crate::i18n::Lang;
use crate::route::{Route, View};
use crate::route_link::{route_link, LinkAttrs};

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub versions: Shared<Vec<String>>,
    pub doc: Doc,
    pub lang: Lang,
    pub here: Route,
    pub navigate: Callback<Route>,
}

/// Title, view tabs and the language switch.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let s = props.lang.strings();
    let here = &props.here;
    let tab = |view: View, label: &str| {
        let to = Route {
            view,
            section: None,
            quote: None,
            change: None,
            ..here.clone()
        };
        html! {
            <li>{ route_link(to, &props.navigate,
                LinkAttrs { class: "pl-tab", testid: Some(format!("tab-{}", view.as_str()).into()), current: here.view == view, ..LinkAttrs::default() },
                html! { label.to_string() }) }</li>
        }
    };
    let other = match props.lang {
        Lang::En => (Lang::Zh, "中文"),
        Lang::Zh => (Lang::En, "English"),
    };
    html! {
        <header class="pl-header" part="header">
            <div class="pl-title-row">
                <h1 class="pl-title" lang={props.doc.language.clone()} data-testid="policy-title">{ props.doc.title.clone() }</h1>
                { route_link(Route { lang: Some(other.0), ..here.clone() }, &props.navigate,
                    LinkAttrs { class: "pl-lang", testid: Some("lang-switch".into()), label: Some(format!("{}: {}", s.language, other.1).into()), ..LinkAttrs::default() },
                    html! { <span lang={other.0.tag()}>{ other.1 }</span> }) }
            </div>
            <nav aria-label={s.app_name}>
                <ul class="pl-tabs">
                    { tab(View::Summary, s.view_summary) }
                    if props.versions.len() > 1 { { tab(View::Changes, s.view_changes) } }
                    { tab(View::Full, s.view_full) }
                </ul>
            </nav>
        </header>
    }
}
