//! A link to a place in the widget: a real `href` (so it can be opened in a new tab or copied)
//! that navigates in place when clicked.

use yew::prelude::*;

use crate::route::Route;

#[derive(Properties, PartialEq)]
pub struct RouteLinkProps {
    pub to: Route,
    pub navigate: Callback<Route>,
    /// Its classes (a plain string: yew's `Classes` set would add code to the first module).
    #[prop_or_default]
    pub class: AttrValue,
    #[prop_or_default]
    pub testid: Option<AttrValue>,
    #[prop_or_default]
    pub label: Option<AttrValue>,
    #[prop_or_default]
    pub current: bool,
    pub children: Html,
}

/// The click handler of a link to `to`: navigates in place, unless the reader asked for a new
/// tab or window (a modifier key, another button), which the browser then opens from the
/// `href`. For links rendered by many (the source link of every fact) without a component each.
pub fn navigate_on_click(to: Route, navigate: Callback<Route>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0) {
            e.prevent_default();
            navigate.emit(to.clone());
        }
    })
}

#[component]
pub fn RouteLink(props: &RouteLinkProps) -> Html {
    let onclick = navigate_on_click(props.to.clone(), props.navigate.clone());
    html! {
        <a href={props.to.to_query()} class={props.class.clone()} {onclick}
           data-testid={props.testid.clone()} aria-label={props.label.clone()}
           aria-current={props.current.then_some("page")}>
            { props.children.clone() }
        </a>
    }
}
