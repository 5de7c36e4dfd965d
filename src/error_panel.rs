//! The error panel: what went wrong, where, and what the valid choices are. The widget shows
//! it instead of going blank.

use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::Route;
use crate::route_link::{route_link, LinkAttrs};

#[derive(Properties, PartialEq)]
pub struct ErrorPanelProps {
    pub lang: Lang,
    pub title: AttrValue,
    /// The file or input at fault, if any.
    #[prop_or_default]
    pub file: Option<AttrValue>,
    pub reasons: Vec<String>,
    #[prop_or_default]
    pub choices: Vec<(String, Route)>,
    pub navigate: Callback<Route>,
}

#[component]
pub fn ErrorPanel(props: &ErrorPanelProps) -> Html {
    let s = props.lang.strings();
    html! {
        <section class="pl-error" part="error" role="alert" data-testid="error-panel">
            <h2>{ s.error_title }</h2>
            <p class="pl-error-title">{ props.title.clone() }</p>
            if let Some(file) = &props.file {
                <p class="pl-error-file"><code>{ file.clone() }</code></p>
            }
            <ul class="pl-error-reasons">
                { for props.reasons.iter().take(50).map(|r| html! { <li>{ r.clone() }</li> }) }
            </ul>
            if !props.choices.is_empty() {
                <p>{ s.valid_choices }{ ":" }</p>
                <ul class="pl-choices">
                    { for props.choices.iter().map(|(label, to)| html! {
                        <li>{ route_link(to.clone(), &props.navigate, LinkAttrs::default(), html! { label.clone() }) }</li>
                    }) }
                </ul>
            }
        </section>
    }
}
