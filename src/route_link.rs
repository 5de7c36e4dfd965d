//! A link to a place in the widget: a real `href` (so it can be opened in a new tab or copied)
//! that navigates in place when clicked.

use yew::prelude::*;

use crate::route::Route;

/// A link's attributes besides its target: its class (a plain string: yew's `Classes` set
/// would add code to the first module), test id, accessible name, and whether it is the page
/// shown (`aria-current`).
#[derive(Default)]
pub struct LinkAttrs {
    pub class: &'static str,
    pub testid: Option<AttrValue>,
    pub label: Option<AttrValue>,
    pub current: bool,
}

/// The click handler of a link to `to`: navigates in place, unless the reader asked for a new
/// tab or window (a modifier key, another button), which the browser then opens from the
/// `href`. For links rendered by many (the source link of every fact) without a component each.
pub fn navigate_on_click(to: Route, navigate: Callback<Route>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        if in_place(&e) {
            e.prevent_default();
            navigate.emit(to.clone());
        }
    })
}

/// Whether a click on a link asks to navigate in place: not with a modifier key or another
/// button, which ask the browser for a new tab or window.
pub fn in_place(e: &MouseEvent) -> bool {
    !(e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0)
}

/// A link to `to` (a function, not a component: the first layer alone shows fifteen, and a
/// component each cost a scope and its scheduling at the widget's first render).
pub fn route_link(to: Route, navigate: &Callback<Route>, attrs: LinkAttrs, children: Html) -> Html {
    let href = to.to_query();
    let onclick = navigate_on_click(to, navigate.clone());
    let LinkAttrs {
        class,
        testid,
        label,
        current,
    } = attrs;
    html! {
        <a {href} class={(!class.is_empty()).then_some(class)} {onclick}
           data-testid={testid} aria-label={label} aria-current={current.then_some("page")}>
            { children }
        </a>
    }
}
