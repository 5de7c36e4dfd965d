//! The side-by-side (wide) or unified (narrow) listing of a diff, with numbered units and
//! collapsed unchanged runs. The rows come from core ([`Diff::listing`]); this only renders
//! them and remembers which collapsed runs the reader opened.

use std::collections::HashSet;

use policy_lens_core::diff::{BlockOp, BlockRef, Diff, OpKind, Row};
use yew::prelude::*;

use super::inline::inline_spans;
use crate::data::Shared;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ListingProps {
    pub diff: Shared<Diff>,
    pub lang: Lang,
    pub policy_lang: String,
}

/// Unchanged units kept next to a change when a run collapses.
const CONTEXT: usize = 1;

#[component]
pub fn Listing(props: &ListingProps) -> Html {
    let c = props.lang.changes();
    let open = use_state(HashSet::<usize>::new);
    let d = &props.diff;
    let mut rows = Vec::new();
    for r in d.listing(CONTEXT) {
        match r {
            Row::Op(k) => rows.push(row(d, k, props.lang)),
            Row::Unchanged(run) if open.contains(&run.start) => {
                rows.extend(run.map(|k| row(d, k, props.lang)));
            }
            Row::Unchanged(run) => {
                let start = run.start;
                let onclick = {
                    let open = open.clone();
                    Callback::from(move |_: MouseEvent| {
                        let mut n = (*open).clone();
                        n.insert(start);
                        open.set(n);
                    })
                };
                rows.push(html! {
                    <div class="pl-row-collapsed" key={format!("gap-{start}")}>
                        <button type="button" class="pl-button" {onclick} data-testid="show-unchanged">{ c.show_unchanged.replace("{}", &run.len().to_string()) }</button>
                    </div>
                });
            }
        }
    }
    html! {
        <div class="pl-listing" lang={props.policy_lang.clone()} data-testid="listing" role="region" aria-label={c.listing}>
            { for rows }
        </div>
    }
}

fn row(d: &Diff, index: usize, lang: Lang) -> Html {
    let c = lang.changes();
    let op: &BlockOp = &d.ops()[index];
    let anchor = d
        .changes()
        .iter()
        .find(|ch| ch.op() == Some(index))
        .map(|ch| format!("pl-op-{}", ch.id()));
    let (class, marker, sr) = match op.kind() {
        OpKind::Equal => ("pl-eq", " ", ""),
        OpKind::Insert => ("pl-ins", "+", c.added),
        OpKind::Delete => ("pl-del", "−", c.deleted),
        OpKind::Modify => ("pl-mod", "±", c.modified),
        OpKind::Move => ("pl-mov", "↕", c.moved),
    };
    let cell = |r: Option<&BlockRef>, side: &str| match r {
        Some(r) => html! {
            <div class={classes!("pl-cell", format!("pl-{side}"))}>
                <span class="pl-num" aria-hidden="true">{ r.number().map(|n| n.to_string()).unwrap_or_else(|| "§".into()) }</span>
                <span class="pl-cell-text">{ r.text().to_string() }</span>
            </div>
        },
        None => {
            html! { <div class={classes!("pl-cell", "pl-empty", format!("pl-{side}"))}></div> }
        }
    };
    let unified = if op.kind() == OpKind::Modify && !op.inline().is_empty() {
        Some(inline_spans(op, lang))
    } else {
        None
    };
    html! {
        <div class={classes!("pl-lrow", class)} id={anchor} key={index.to_string()} data-op={class}>
            <span class="pl-marker" aria-hidden="true">{ marker }</span>
            if !sr.is_empty() { <span class="pl-visually-hidden">{ sr }{ ": " }</span> }
            { cell(op.old(), "old") }
            { cell(op.new(), "new") }
            if let Some(u) = unified { <div class="pl-unified-inline">{ u }</div> }
        </div>
    }
}
