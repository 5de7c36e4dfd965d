//! The data-quality notices of a version (core's `Summary::notices`): facets not stated, cut
//! off in the source, or not reviewed. Cuts in the source text itself are shown at the top
//! of the summary by the at-a-glance layer, so they are not repeated here.

use policy_lens_core::summary::NoticeKind;
use yew::prelude::*;

use crate::i18n::{self, Lang};

#[derive(Properties, PartialEq)]
pub struct NoticesProps {
    pub summary: crate::data::SharedSummary,
    pub lang: Lang,
}

#[component]
pub fn Notices(props: &NoticesProps) -> Html {
    let s = props.lang.strings();
    let notices: Vec<_> = props
        .summary
        .notices()
        .iter()
        .filter(|n| n.kind != NoticeKind::SourceCut)
        .collect();
    if notices.is_empty() {
        return html! {};
    }
    html! {
        <details class="pl-notice" part="notices" data-testid="notices">
            <summary><span aria-hidden="true">{ "ⓘ " }</span>{ s.data_quality }{ format!(" ({})", notices.len()) }</summary>
            <ul>
                { for notices.iter().map(|n| html! {
                    <li>
                        { i18n::notice(props.lang, n) }
                        if let Some(note) = &n.note {
                            { " — " }<span lang="en">{ note.clone() }</span>
                        }
                    </li>
                }) }
            </ul>
        </details>
    }
}
