//! Layer 2: the policy's own sections in its own order, each a WAI-ARIA accordion item with a
//! digest of the facts that cite it. A panel's content renders only while it is open (on
//! Zeekr that takes the summary from 887 to 553 elements).

use yew::prelude::*;

use crate::i18n::Lang;
use crate::route::{Route, View};
use crate::route_link::{route_link, LinkAttrs};
use crate::source_link::source_link;

#[derive(Properties, PartialEq)]
pub struct SectionListProps {
    pub summary: crate::data::SharedSummary,
    pub lang: Lang,
    pub policy_lang: AttrValue,
    pub here: Route,
    pub navigate: Callback<Route>,
}

#[component]
pub fn SectionList(props: &SectionListProps) -> Html {
    let s = props.lang.strings();
    // The open panels' ids: a short list (a hash set would add its own code to the module).
    let open = use_state(Vec::<String>::new);
    let toggle = {
        let open = open.clone();
        Callback::from(move |id: String| {
            let mut next = (*open).clone();
            match next.iter().position(|o| *o == id) {
                Some(at) => {
                    next.remove(at);
                }
                None => next.push(id),
            }
            open.set(next);
        })
    };
    // Top-level and second-level sections; deeper ones are reached through the full text.
    let items = props
        .summary
        .sections()
        .iter()
        .filter(|d| d.depth <= 1 && !d.title.is_empty());
    html! {
        <section class="pl-sections" part="sections" aria-labelledby="pl-sections-title" data-testid="sections">
            <h2 id="pl-sections-title">{ s.sections }</h2>
            <div class="pl-accordion">
                { for items.map(|d| {
                    let expanded = open.contains(&d.id);
                    let btn = format!("pl-acc-btn-{}", d.id);
                    let panel = format!("pl-acc-panel-{}", d.id);
                    let onclick = { let toggle = toggle.clone(); let id = d.id.clone(); Callback::from(move |_: MouseEvent| toggle.emit(id.clone())) };
                    let total: usize = d.counts.iter().map(|(_, n)| n).sum();
                    html! {
                        <div class={if d.depth > 0 { "pl-acc-item pl-acc-nested" } else { "pl-acc-item" }} key={d.id.clone()}>
                            <h3 class="pl-acc-heading">
                                <button type="button" id={btn.clone()} class="pl-acc-button" aria-expanded={expanded.to_string()}
                                    aria-controls={panel.clone()} {onclick} data-testid={format!("section-toggle-{}", d.id)}>
                                    <span class="pl-acc-icon" aria-hidden="true">{ if expanded { "−" } else { "+" } }</span>
                                    <span lang={props.policy_lang.clone()}>{ d.title.clone() }</span>
                                    if total > 0 { <span class="pl-count">{ format!(" {total}") }</span> }
                                </button>
                            </h3>
                            <div id={panel} role="region" aria-labelledby={btn} class="pl-acc-panel" hidden={!expanded}
                                data-testid={format!("section-panel-{}", d.id)}>
                                // A closed panel stays empty: its content renders when opened.
                                if !expanded {
                                } else if d.counts.is_empty() {
                                    <p class="pl-muted">{ s.no_facts }</p>
                                } else {
                                    <p class="pl-digest">
                                        { for d.counts.iter().map(|(f, n)| html! { <span class="pl-chip">{ crate::i18n::facet(props.lang, *f) }{ format!(" {n}") }</span> }) }
                                    </p>
                                    if !d.key_items.is_empty() {
                                    <ul class="pl-key-items" lang={props.policy_lang.clone()} data-testid="key-items">
                                        { for d.key_items.iter().map(|(name, source)| html! {
                                            <li>{ name.clone() }{ " " }{ source_link(source, &props.here, &props.navigate, props.lang) }</li>
                                        }) }
                                    </ul>
                                    }
                                }
                                if expanded {
                                { route_link(Route { view: View::Full, section: Some(d.id.clone()), quote: None, ..props.here.clone() },
                                    &props.navigate, LinkAttrs { testid: Some("read-section".into()), ..LinkAttrs::default() }, html! { s.read_section }) }
                                }
                            </div>
                        </div>
                    }
                }) }
            </div>
        </section>
    }
}
