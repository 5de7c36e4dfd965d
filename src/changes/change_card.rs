//! One change of the change list: its kind, class, place, quotes or inline spans, why it
//! matters, and its facet changes in words.

use policy_lens_core::diff::{BlockOp, Change, ChangeKind, FacetChange, ItemName, OpKind};
use yew::prelude::*;

use super::inline::inline_spans;
use crate::i18n::{self, Lang};
use crate::route::Route;
use crate::route_link::{route_link, LinkAttrs};

#[derive(Properties, PartialEq)]
pub struct ChangeCardProps {
    pub change: Change,
    /// The change's op, for its inline spans; `None` for a facet-only change.
    pub op: Option<BlockOp>,
    pub lang: Lang,
    pub here: Route,
    pub navigate: Callback<Route>,
    /// This is the change the route points at.
    pub current: bool,
    pub policy_lang: String,
}

#[component]
pub fn ChangeCard(props: &ChangeCardProps) -> Html {
    let c = props.lang.changes();
    let ch = &props.change;
    let current = props.current;
    let plang = props.policy_lang.as_str();
    let kind = match ch.kind() {
        ChangeKind::Added => c.added,
        ChangeKind::Removed => c.deleted,
        ChangeKind::Modified => c.modified,
        ChangeKind::Moved => c.moved,
        ChangeKind::Formatting => c.formatting,
    };
    let body = match &props.op {
        _ if ch.kind() == ChangeKind::Formatting => html! {
            <>
                <p class="pl-muted">{ c.formatting_note }</p>
                if let Some(q) = ch.new_quote() { <p>{ q.to_string() }</p> }
            </>
        },
        Some(op) if op.kind() == OpKind::Modify && !op.inline().is_empty() => {
            inline_spans(op, props.lang)
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
                { route_link(to, &props.navigate, LinkAttrs { class: "pl-change-link", label: Some(format!("{} {}", c.link, ch.id()).into()), ..LinkAttrs::default() }, html! { <>{ "#" }{ ch.id().to_string() }</> }) }
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
            <span class="pl-k">{ i18n::subject(lang, f.facet()) }</span>{ " " }
            if let ItemName::Text(t) = f.item_name() {
                <span lang={plang.to_string()}>{ t.clone() }</span>
            } else {
                { i18n::item_name(lang, f.item_name()) }
            }
            { ": " }
            if f.fields().is_empty() {
                { values(f.old_value(), f.new_value()) }
            } else {
                { for f.fields().iter().enumerate().map(|(i, fc)| html! {
                    <>
                        if i > 0 { { "; " } }
                        <span class="pl-k">{ i18n::field(lang, fc.field()) }{ i18n::colon(lang) }</span>
                        { values(fc.old(), fc.new()) }
                    </>
                }) }
            }
        </li>
    }
}
