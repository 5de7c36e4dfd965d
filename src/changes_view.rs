//! The "what changed" view: a verdict, the list of changes with why they matter, and a
//! side-by-side (wide) or unified (narrow) listing where unchanged runs collapse. Colour is
//! never the only signal: every changed line has a +/− marker and screen-reader text.

use policy_lens_core::diff::{
    self, BlockOp, Change, ChangeKind, FacetChange, FlagKind, OpKind, SpanKind,
};
use yew::prelude::*;

use crate::data::Doc;
use crate::i18n::{self, Lang};
use crate::listing::Listing;
use crate::route::Route;
use crate::route_link::RouteLink;

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
    let s = props.lang.strings();
    let c = props.lang.changes();
    let result = use_memo((props.old.clone(), props.new.clone()), |(a, b)| {
        diff::diff(a, b)
    });
    let root = use_node_ref();

    let change_ids: Vec<String> = match &*result {
        Ok(d) => d.changes().iter().map(|ch| ch.id().to_string()).collect(),
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
    } else {
        let mut parts = Vec::new();
        if v.major() > 0 {
            let why: Vec<&str> = v
                .criteria()
                .iter()
                .filter(|k| v.major_criteria().contains(k))
                .map(|k| i18n::criterion(props.lang, *k))
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
                <h2>{ c.changes }{ format!(" ({})", d.changes().len()) }</h2>
                <ol class="pl-change-list" data-testid="change-list">
                    { for d.changes().iter().map(|ch| change_card(ch, d, props, current.as_deref() == Some(ch.id()), &plang)) }
                </ol>
            }
            <h2>{ c.listing }</h2>
            <p class="pl-legend" data-testid="legend">
                <span class="pl-legend-item pl-del"><span aria-hidden="true">{ "− " }</span>{ format!("{} {}", counts.deleted(), c.deleted) }</span>
                <span class="pl-legend-item pl-ins"><span aria-hidden="true">{ "+ " }</span>{ format!("{} {}", counts.added(), c.added) }</span>
                <span class="pl-legend-item pl-mod"><span aria-hidden="true">{ "± " }</span>{ format!("{} {}", counts.modified(), c.modified) }</span>
                if counts.moved() > 0 { <span class="pl-legend-item pl-mod"><span aria-hidden="true">{ "↕ " }</span>{ format!("{} {}", counts.moved(), c.moved) }</span> }
            </p>
            <Listing ops={d.ops().to_vec()} changes={d.changes().iter().filter_map(|ch| ch.op().map(|o| (o, ch.id().to_string()))).collect::<Vec<_>>()} lang={props.lang} policy_lang={plang.clone()} />
        </section>
    }
}

fn change_card(
    ch: &Change,
    d: &diff::Diff,
    props: &ChangesViewProps,
    current: bool,
    plang: &str,
) -> Html {
    let c = props.lang.changes();
    let kind = match ch.kind() {
        ChangeKind::Added => c.added,
        ChangeKind::Removed => c.deleted,
        ChangeKind::Modified => c.modified,
        ChangeKind::Moved => c.moved,
    };
    let op = ch.op().and_then(|i| d.ops().get(i));
    let body = match op {
        Some(op) if op.kind() == OpKind::Modify && !op.inline().is_empty() => {
            inline(op, props.lang)
        }
        _ => html! {
            <>
                if let Some(q) = ch.old_quote() { <p class="pl-old"><span class="pl-marker" aria-hidden="true">{ "− " }</span><span class="pl-visually-hidden">{ c.old_text }{ ": " }</span>{ q.to_string() }</p> }
                if let Some(q) = ch.new_quote() { <p class="pl-new"><span class="pl-marker" aria-hidden="true">{ "+ " }</span><span class="pl-visually-hidden">{ c.new_text }{ ": " }</span>{ q.to_string() }</p> }
            </>
        },
    };
    let why: Vec<&str> = ch
        .class()
        .criteria()
        .iter()
        .map(|k| i18n::criterion(props.lang, *k))
        .collect();
    let to = Route {
        change: Some(ch.id().to_string()),
        ..props.here.clone()
    };
    html! {
        <li id={format!("pl-change-{}", ch.id())} class={classes!("pl-change", current.then_some("pl-change-current"), ch.class().major().then_some("pl-change-major"))}
            data-testid="change" data-change={ch.id().to_string()} tabindex="-1" aria-current={current.then_some("true")}>
            <p class="pl-change-head">
                <span class="pl-change-kind">{ kind }</span>
                <span class={classes!("pl-tag", ch.class().major().then_some("pl-tag-major"))}>{ if ch.class().major() { c.needs_notice } else if ch.class().is_editorial() { c.editorial } else { c.verdict_substantive } }</span>
                <span class="pl-path" lang={plang.to_string()}>{ ch.section_path().join(" › ") }</span>
                <RouteLink {to} navigate={props.navigate.clone()} class={classes!("pl-change-link")} label={AttrValue::from(format!("{} {}", c.link, ch.id()))}>{ "#" }{ ch.id().to_string() }</RouteLink>
            </p>
            <div class="pl-change-body" lang={plang.to_string()}>{ body }</div>
            <p class="pl-why"><strong>{ c.why }{ ": " }</strong>{ why.join("; ") }</p>
            if !ch.facet_changes().is_empty() {
                <ul class="pl-facet-changes">
                    { for ch.facet_changes().iter().map(|f| facet_change(f, props.lang, plang)) }
                </ul>
            }
        </li>
    }
}

/// A facet change in words: what it is about and, field by field, the old and new values.
fn facet_change(f: &FacetChange, lang: Lang, plang: &str) -> Html {
    let c = lang.changes();
    let values = |old: Option<&str>, new: Option<&str>| {
        html! {
            <>
                if let Some(o) = old { <del lang={plang.to_string()}><span class="pl-visually-hidden">{ c.old_text }{ ": " }</span>{ o.to_string() }</del> }
                if old.is_some() && new.is_some() { { " → " } }
                if let Some(n) = new { <ins lang={plang.to_string()}><span class="pl-visually-hidden">{ c.new_text }{ ": " }</span>{ n.to_string() }</ins> }
            </>
        }
    };
    html! {
        <li>
            <span class="pl-k">{ i18n::subject(lang, f.facet()) }</span>{ " " }<span lang={plang.to_string()}>{ f.item().to_string() }</span>{ ": " }
            if f.fields().is_empty() {
                { values(f.old_value(), f.new_value()) }
            } else {
                { for f.fields().iter().enumerate().map(|(i, fc)| html! {
                    <>
                        if i > 0 { { "; " } }
                        <span class="pl-k">{ i18n::field(lang, fc.field()) }{ ": " }</span>
                        { values(fc.old(), fc.new()) }
                    </>
                }) }
            }
        </li>
    }
}

/// A modified unit with its inline spans: deletions struck, insertions underlined, both with
/// text for screen readers.
pub(crate) fn inline(op: &BlockOp, lang: Lang) -> Html {
    let c = lang.changes();
    html! {
        <p class="pl-inline">
            { for op.inline().iter().map(|sp| match sp.kind() {
                SpanKind::Equal => html! { { sp.text().to_string() } },
                SpanKind::Delete => html! { <del class="pl-span-del"><span class="pl-visually-hidden">{ format!("[{}: ", c.deleted) }</span>{ sp.text().to_string() }<span class="pl-visually-hidden">{ "]" }</span></del> },
                SpanKind::Insert => html! { <ins class="pl-span-ins"><span class="pl-visually-hidden">{ format!("[{}: ", c.added) }</span>{ sp.text().to_string() }<span class="pl-visually-hidden">{ "]" }</span></ins> },
            }) }
        </p>
    }
}
