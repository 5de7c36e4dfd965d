//! The mark on a fact the extractor suggested and no person has reviewed yet.
//!
//! A function, not a component: a summary shows dozens of them, and a component each would
//! cost the first render a scope, a render task and its hooks apiece.

use yew::prelude::*;

use crate::i18n::Lang;

/// The badge, or nothing when the fact is not a suggestion.
pub fn suggested_badge(lang: Lang, suggested: bool) -> Html {
    if !suggested {
        return html! {};
    }
    let s = lang.strings();
    html! {
        <span class="pl-suggested" data-testid="suggested" title={s.suggested_long}>
            { s.suggested }<span class="pl-visually-hidden">{ ": " }{ s.suggested_long }</span>
        </span>
    }
}
