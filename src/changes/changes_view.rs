//! The view itself: the version selectors, the verdict, flags, the change list and the
//! listing.

use std::rc::Rc;

use policy_lens_core::diff::{self, Change, ChangeKind, FlagKind};
use yew::prelude::*;

use super::change_card::ChangeCard;
use super::listing::Listing;
use crate::data::{Doc, Shared};
use crate::i18n::{self, Lang};
use crate::route::Route;

#[derive(Properties, PartialEq, Clone)]
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
    let s = props.lang.strings();
    let c = props.lang.changes();
    let result = use_memo((props.old.clone(), props.new.clone()), |(a, b)| {
        let d = diff::diff(a, b).map(|d| Shared(Rc::new(d)));
        crate::dom::mark("diffed");
        d
    });
    let root = use_node_ref();
    // Formatting-only changes are hidden until the reader asks for them (or a link names one).
    let show_formatting = use_state(|| false);
    let linked_formatting = match &*result {
        Ok(d) => d.changes().iter().any(|ch| {
            ch.kind() == ChangeKind::Formatting && props.here.change.as_deref() == Some(ch.id())
        }),
        Err(_) => false,
    };
    let shown =
        |ch: &Change| ch.kind() != ChangeKind::Formatting || *show_formatting || linked_formatting;

    let change_ids: Vec<String> = match &*result {
        Ok(d) => d
            .changes()
            .iter()
            .filter(|ch| shown(ch))
            .map(|ch| ch.id().to_string())
            .collect(),
        Err(_) => Vec::new(),
    };
    let current = props
        .here
        .change
        .clone()
        .filter(|id| change_ids.contains(id));
    let go = {
        let here = props.here.clone();
        let navigate = props.navigate.clone();
        let ids = change_ids.clone();
        let current = current.clone();
        move |delta: isize| {
            if ids.is_empty() {
                return;
            }
            let at = current
                .as_ref()
                .and_then(|c| ids.iter().position(|x| x == c));
            let next = match at {
                None if delta > 0 => 0,
                None => ids.len() - 1,
                Some(i) => (i as isize + delta).rem_euclid(ids.len() as isize) as usize,
            };
            navigate.emit(Route {
                change: Some(ids[next].clone()),
                ..here.clone()
            });
        }
    };
    // j / k move between changes, unless the reader is typing in a field.
    {
        let go = go.clone();
        let root = root.clone();
        use_effect_with((current.clone(), change_ids.len()), move |_| {
            #[cfg(target_arch = "wasm32")]
            let listener = {
                // Listen on the document: keys pressed with focus inside this widget, or with
                // nothing focused (the page body), move between its changes.
                let host = crate::dom::host_of(&root);
                let document = gloo::utils::document();
                gloo::events::EventListener::new(&document, "keydown", move |e| {
                    use wasm_bindgen::JsCast;
                    let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                        return;
                    };
                    if e.ctrl_key() || e.meta_key() || e.alt_key() {
                        return;
                    }
                    let path = e.composed_path();
                    let first = path.get(0).dyn_into::<web_sys::Element>().ok();
                    let tag = first.as_ref().map(|el| el.tag_name()).unwrap_or_default();
                    let typing = matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA");
                    let on_body = matches!(tag.as_str(), "BODY" | "HTML" | "");
                    let inside = host.as_ref().is_some_and(|h| path.includes(h, 0));
                    if typing || !(inside || on_body) {
                        return;
                    }
                    match e.key().as_str() {
                        "j" => go(1),
                        "k" => go(-1),
                        _ => {}
                    }
                })
            };
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&go, &root);
            move || {
                #[cfg(target_arch = "wasm32")]
                drop(listener);
            }
        });
    }
    {
        let root = root.clone();
        use_effect_with(current.clone(), move |current| {
            if let Some(id) = current {
                crate::dom::scroll_to(&root, &format!("#pl-change-{id}"));
            }
        });
    }

    let selector = |name: &'static str, label: &'static str, value: &str| {
        let here = props.here.clone();
        let navigate = props.navigate.clone();
        let onchange = Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            let v = Some(sel.value());
            let next = if name == "from" {
                Route {
                    from: v,
                    change: None,
                    ..here.clone()
                }
            } else {
                Route {
                    to: v,
                    change: None,
                    ..here.clone()
                }
            };
            navigate.emit(next);
        });
        let id = format!("pl-select-{name}");
        html! {
            <span class="pl-select">
                <label for={id.clone()}>{ label }</label>
                <select id={id} {onchange} data-testid={format!("select-{name}")}>
                    { for props.versions.iter().map(|v| html! { <option value={v.clone()} selected={v == value}>{ v.clone() }</option> }) }
                </select>
            </span>
        }
    };
    let header = html! {
        <div class="pl-compare">
            { selector("from", s.from, &props.old.version) }
            <span aria-hidden="true">{ "→" }</span>
            { selector("to", s.to, &props.new.version) }
        </div>
    };

    let d = match &*result {
        Ok(d) => d,
        Err(e) => {
            return html! {
                <section class="pl-changes" data-testid="changes-view" ref={root}>
                    { header }
                    <div class="pl-error" role="alert" data-testid="error-panel"><h2>{ c.cannot_compare }</h2><p>{ e.to_string() }</p></div>
                </section>
            };
        }
    };

    let v = d.verdict();
    let verdict = if d.changes().is_empty() {
        c.verdict_none.to_string()
    } else if d.changes().len() == v.formatting() {
        format!("{} {}", v.formatting(), c.verdict_formatting)
    } else {
        let mut parts = Vec::new();
        if v.major() > 0 {
            let why: Vec<&str> = v
                .major_criteria_hit()
                .map(|k| i18n::criterion(props.lang, k))
                .collect();
            parts.push(format!(
                "{} {}: {}",
                v.major(),
                c.verdict_major,
                why.join("; ")
            ));
        }
        if v.substantive() > 0 {
            parts.push(format!("{} {}", v.substantive(), c.verdict_substantive));
        }
        if v.editorial() > 0 {
            parts.push(format!("{} {}", v.editorial(), c.verdict_editorial));
        }
        if v.formatting() > 0 {
            parts.push(format!("{} {}", v.formatting(), c.verdict_formatting));
        }
        parts.join(" · ")
    };
    let counts = d.counts();
    let plang = props.new.language.clone();

    html! {
        <section class="pl-changes" part="changes" data-testid="changes-view" ref={root}>
            { header }
            <p class={classes!("pl-verdict", v.needs_notice().then_some("pl-verdict-major"))} data-testid="verdict">
                if v.needs_notice() { <span aria-hidden="true">{ "⚠ " }</span> }
                { verdict }
            </p>
            if !d.flags().is_empty() {
                <ul class="pl-flags" data-testid="flags">
                    { for d.flags().iter().map(|f| html! {
                        <li>{ match f.kind() { FlagKind::UpdatedDateUnchanged => c.date_unchanged, _ => c.date_earlier } }</li>
                    }) }
                </ul>
            }
            if d.budget_exhausted() { <p class="pl-notice">{ c.budget }</p> }
            if !d.changes().is_empty() {
                <div class="pl-change-nav">
                    <button type="button" class="pl-button" onclick={{ let go = go.clone(); Callback::from(move |_: MouseEvent| go(-1)) }} data-testid="prev-change">{ "↑ " }{ c.prev_change }</button>
                    <button type="button" class="pl-button" onclick={{ let go = go.clone(); Callback::from(move |_: MouseEvent| go(1)) }} data-testid="next-change">{ "↓ " }{ c.next_change }</button>
                    <span class="pl-muted">{ c.keys_hint }</span>
                </div>
                <h2>{ c.changes }{ format!(" ({})", change_ids.len()) }</h2>
                if v.formatting() > 0 && !linked_formatting {
                    <label class="pl-toggle">
                        <input type="checkbox" checked={*show_formatting} data-testid="show-formatting"
                            onchange={{ let show = show_formatting.clone(); Callback::from(move |_: Event| show.set(!*show)) }} />
                        { format!(" {} ({})", c.show_formatting, v.formatting()) }
                    </label>
                }
                <ol class="pl-change-list" data-testid="change-list">
                    { for d.changes().iter().filter(|ch| shown(ch)).map(|ch| html! {
                        <ChangeCard key={ch.id().to_string()} change={ch.clone()} op={ch.op().and_then(|i| d.ops().get(i)).cloned()}
                            lang={props.lang} here={props.here.clone()} navigate={props.navigate.clone()}
                            current={current.as_deref() == Some(ch.id())} policy_lang={plang.clone()} />
                    }) }
                </ol>
            }
            <h2>{ c.listing }</h2>
            <p class="pl-legend" data-testid="legend">
                <span class="pl-legend-item pl-del"><span aria-hidden="true">{ "− " }</span>{ format!("{} {}", counts.deleted(), c.deleted) }</span>
                <span class="pl-legend-item pl-ins"><span aria-hidden="true">{ "+ " }</span>{ format!("{} {}", counts.added(), c.added) }</span>
                <span class="pl-legend-item pl-mod"><span aria-hidden="true">{ "± " }</span>{ format!("{} {}", counts.modified(), c.modified) }</span>
                if counts.moved() > 0 { <span class="pl-legend-item pl-mod"><span aria-hidden="true">{ "↕ " }</span>{ format!("{} {}", counts.moved(), c.moved) }</span> }
            </p>
            <Listing diff={d.clone()} lang={props.lang} policy_lang={plang.clone()} />
        </section>
    }
}
