//! Layer 1: the policy at a glance. Who, when, what is collected and why, who else gets it,
//! where and how long it is kept, children, and your rights — each fact with its source. The
//! quick answers come from core ([`policy_lens_core::Summary::quick_answers`]); this only
//! renders them.

use yew::prelude::*;

use crate::data::Doc;
use crate::glance_details::details;
use crate::i18n::{self, Lang};
use crate::markup::on_link_click;
use crate::route::{Route, View};
use crate::route_link::{route_link, LinkAttrs};
use crate::source_link::source_route;
use crate::suggested_badge::suggested_badge;

#[derive(Properties, PartialEq)]
pub struct AtAGlanceProps {
    pub doc: Doc,
    pub summary: crate::data::SharedSummary,
    pub lang: Lang,
    pub here: Route,
    pub navigate: Callback<Route>,
    /// The previous version of this policy, if there is one.
    #[prop_or_default]
    pub previous: Option<AttrValue>,
    /// `previous` is the version this reader last read, not the one before this.
    #[prop_or_default]
    pub since_last_read: bool,
    /// Called once the whole layer, details included, is rendered.
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

#[component]
pub fn AtAGlance(props: &AtAGlanceProps) -> Html {
    let s = props.lang.strings();
    let v = &props.doc;
    let sum = &props.summary;
    let plang = v.language.clone();
    // Every fact the extractor suggested carries a badge before its source link.
    let sug = |suggested: bool| suggested_badge(props.lang, suggested);
    // The whole layer renders at once, details included (the rows below the quick answers,
    // most of this layer's DOM): they are static markup, a few ms to write (`crate::markup`).
    // Rendered in a task of their own after the frame with the quick answers, as until the
    // twelfth round of issue 13, they cost a frame's wait and a second layout before ready.
    {
        let on_shown = props.on_shown.clone();
        use_effect_with((), move |()| on_shown.emit(()));
    }
    let cut: Vec<_> = v.completeness.iter().collect();
    // The details' links navigate through one handler here.
    let details = details(props);
    let onclick = on_link_click(details.routes.clone(), props.navigate.clone());
    html! {
        <section class="pl-glance" part="at-a-glance" aria-labelledby="pl-glance-title" data-testid="at-a-glance" {onclick}>
            <div class="pl-glance-head">
                <h2 id="pl-glance-title">{ s.at_a_glance }</h2>
                if let Some(prev) = &props.previous {
                    { route_link(Route { view: View::Changes, from: Some(prev.to_string()), to: Some(v.version.clone()), version: None, section: None, quote: None, ..props.here.clone() },
                        &props.navigate, LinkAttrs { class: "pl-changed-badge", testid: Some("changed-badge".into()), ..LinkAttrs::default() },
                        html! { <>{ if props.since_last_read { s.changed_since_read } else { s.changed_since } }{ " " }{ prev.clone() }</> }) }
                }
            </div>
            if !cut.is_empty() {
                <details class="pl-notice" data-testid="source-cut">
                    <summary><span aria-hidden="true">{ "⚠ " }</span>{ s.source_cut }{ format!(" ({})", cut.len()) }</summary>
                    <ul lang="en">
                        { for cut.iter().map(|c| html! { <li>{ c.note.clone() }</li> }) }
                    </ul>
                </details>
            }
            if sum.suggested() > 0 {
                <p class="pl-notice pl-suggested-notice" data-testid="suggested-notice">{ s.suggested_notice }</p>
            }
            <ul class="pl-tiles" data-testid="quick-answers" aria-label={s.quick}>
                { for sum.quick_answers().iter().map(|q| {
                    let value = i18n::answer(props.lang, &q.answer);
                    html! {
                        <li class="pl-tile" data-testid={format!("tile-{}", q.question.id())}>
                            <span class="pl-tile-k">{ i18n::question(props.lang, q.question, sum.dates().first().map(|(k, _)| *k)) }</span>
                            if let Some(source) = &q.source {
                                { route_link(source_route(&props.here, source), &props.navigate,
                                    LinkAttrs { class: "pl-tile-v", label: Some(format!("{value} — {}: “{}”", s.show_source, source.quote).into()), ..LinkAttrs::default() },
                                    html! { <span lang={plang.clone()}>{ value.clone() }</span> }) }
                            } else {
                                <span class="pl-tile-v pl-muted">{ value }</span>
                            }
                            { sug(q.suggested) }
                        </li>
                    }
                }) }
            </ul>
            <h3 class="pl-details-title">{ s.details }</h3>
            { details.html }
        </section>
    }
}
