//! The mark on a fact the extractor suggested and no person has reviewed yet.

use yew::prelude::*;

use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct SuggestedBadgeProps {
    pub lang: Lang,
    /// Whether the fact is a suggestion; nothing renders when it is not.
    pub suggested: bool,
}

#[component]
pub fn SuggestedBadge(props: &SuggestedBadgeProps) -> Html {
    if !props.suggested {
        return html! {};
    }
    let s = props.lang.strings();
    html! {
        <span class="pl-suggested" data-testid="suggested" title={s.suggested_long}>
            { s.suggested }<span class="pl-visually-hidden">{ format!(": {}", s.suggested_long) }</span>
        </span>
    }
}
