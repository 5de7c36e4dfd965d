//! The "what changed" view.

use yew::prelude::*;

use crate::data::Doc;
use crate::i18n::Lang;
use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct ChangesViewProps {
    pub old: Doc,
    pub new: Doc,
    pub versions: Vec<String>,
    pub lang: Lang,
    pub here: Route,
    pub navigate: Callback<Route>,
}

#[component]
pub fn ChangesView(props: &ChangesViewProps) -> Html {
    html! { <section data-testid="changes-view"><p>{ format!("{} → {}", props.old.version, props.new.version) }</p></section> }
}
