//! The side-by-side (wide) or unified (narrow) listing of a diff, with numbered units and
//! collapsible unchanged runs.

use std::collections::HashSet;

use policy_lens_core::diff::{self, BlockOp, OpKind};
use yew::prelude::*;

use crate::changes_view::inline;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct ListingProps {
    pub ops: Vec<BlockOp>,
    /// Op index → change id, for anchors.
    pub changes: Vec<(usize, String)>,
    pub lang: Lang,
    pub policy_lang: String,
}

/// Unchanged runs longer than this collapse.
const CONTEXT: usize = 1;

#[component]
pub fn Listing(props: &ListingProps) -> Html {
    let c = props.lang.changes();
    let open = use_state(HashSet::<usize>::new);
    // Group ops into runs: unchanged runs (collapsible) and single changed ops.
    let mut rows = Vec::new();
    let mut i = 0;
    let ops = &props.ops;
    while i < ops.len() {
        if ops[i].kind() == OpKind::Equal {
            let start = i;
            while i < ops.len() && ops[i].kind() == OpKind::Equal {
                i += 1;
            }
            let run = start..i;
            let keep_head = if start == 0 { 0 } else { CONTEXT };
            let keep_tail = if i == ops.len() { 0 } else { CONTEXT };
            if run.len() > keep_head + keep_tail + 1 && !open.contains(&start) {
                for (k, op) in ops.iter().enumerate().skip(start).take(keep_head) {
                    rows.push(row(op, k, props));
                }
                let hidden = run.len() - keep_head - keep_tail;
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
                        <button type="button" class="pl-button" {onclick} data-testid="show-unchanged">{ c.show_unchanged.replace("{}", &hidden.to_string()) }</button>
                    </div>
                });
                for (k, op) in ops.iter().enumerate().skip(i - keep_tail).take(keep_tail) {
                    rows.push(row(op, k, props));
                }
            } else {
                for (k, op) in ops.iter().enumerate().skip(run.start).take(run.len()) {
                    rows.push(row(op, k, props));
                }
            }
        } else {
            rows.push(row(&ops[i], i, props));
            i += 1;
        }
    }
    html! {
        <div class="pl-listing" lang={props.policy_lang.clone()} data-testid="listing" role="region" aria-label={c.listing}>
            { for rows }
        </div>
    }
}

fn row(op: &BlockOp, index: usize, props: &ListingProps) -> Html {
    let c = props.lang.changes();
    let anchor = props
        .changes
        .iter()
        .find(|(o, _)| *o == index)
        .map(|(_, id)| format!("pl-op-{id}"));
    let (class, marker, sr) = match op.kind() {
        OpKind::Equal => ("pl-eq", " ", ""),
        OpKind::Insert => ("pl-ins", "+", c.added),
        OpKind::Delete => ("pl-del", "−", c.deleted),
        OpKind::Modify => ("pl-mod", "±", c.modified),
        OpKind::Move => ("pl-mov", "↕", c.moved),
    };
    let cell = |r: Option<&diff::BlockRef>, side: &str| match r {
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
        Some(inline(op, props.lang))
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
