//! Layer 1, below the quick answers: the details. Who, when, what is collected and why, who
//! else gets it, where and how long it is kept, children, and your rights — each fact with
//! its source and a badge when the machine suggested it.

use policy_lens_core::{summary::DateKind, Coverage, FacetKind, Provenance};
use yew::prelude::*;

use crate::at_a_glance::AtAGlanceProps;
use crate::i18n;
use crate::source_link::source_link;
use crate::suggested_badge::suggested_badge;

/// How many items a row shows before "+N more".
const ROW_LIMIT: usize = 4;

/// The rows of details of [`AtAGlance`](crate::at_a_glance::AtAGlance) (a function of its
/// props, not a component of its own: one component type less in the bundle).
pub fn details(props: &AtAGlanceProps) -> Html {
    let s = props.lang.strings();
    let v = &props.doc;
    let sum = &props.summary;
    let f = &v.facets;
    let plang = v.language.clone();
    let src = |p: &Provenance| source_link(p, &props.here, &props.navigate, props.lang);
    // Every fact the extractor suggested carries a badge before its source link.
    let sug = |suggested: bool| suggested_badge(props.lang, suggested);
    let gap = |facet: FacetKind| -> Html {
        let text = match sum.coverage(facet) {
            Coverage::Stated => return html! {},
            Coverage::NotStated => s.not_stated,
            Coverage::SourceMissing => s.source_missing,
            Coverage::NotReviewed => s.not_reviewed,
        };
        html! { <p class="pl-gap" data-testid={format!("gap-{facet}")}><span aria-hidden="true">{ "⚠ " }</span>{ text }</p> }
    };
    let more = |n: usize| -> Html {
        if n > ROW_LIMIT {
            html! { <span class="pl-more">{ format!("+{} {}", n - ROW_LIMIT, s.more) }</span> }
        } else {
            html! {}
        }
    };
    let row = |id: &str, title: &str, body: Html| {
        html! {
            <div class="pl-row" id={format!("pl-facet-{id}")} data-testid={format!("glance-{id}")}>
                <dt>{ title.to_string() }</dt>
                <dd>{ body }</dd>
            </div>
        }
    };

    let who = html! {
        <>
            if let Some(c) = sum.controller() {
                <p><span class="pl-k">{ s.controller }{ ": " }</span><span lang={plang.clone()}>{ c.name.clone() }</span>{ " " }{ sug(c.suggested) }{ src(&c.source) }</p>
            }
            if let Some(o) = sum.operator() {
                <p><span class="pl-k">{ s.operator }{ ": " }</span><span lang={plang.clone()}>{ o.name.clone() }</span>{ " " }{ sug(o.suggested) }{ src(&o.source) }</p>
            }
            <ul class="pl-inline-list" data-testid="contacts">
                { for f.contacts.items.iter().map(|c| {
                    let value = c.value.clone();
                    let href = match c.kind {
                        policy_lens_core::ContactKind::Email => Some(format!("mailto:{value}")),
                        policy_lens_core::ContactKind::Phone => Some(format!("tel:{}", value.chars().filter(|ch| ch.is_ascii_digit() || *ch == '+').collect::<String>())),
                        _ => None,
                    };
                    html! {
                        <li>
                            <span class="pl-k">{ i18n::contact(props.lang, c.kind) }{ ": " }</span>
                            if let Some(href) = href {
                                <a href={href} lang={plang.clone()}>{ value }</a>
                            } else {
                                <span lang={plang.clone()}>{ value }</span>
                            }
                            { " " }{ sug(c.suggested) }{ src(&c.source) }
                        </li>
                    }
                }) }
            </ul>
            { gap(FacetKind::Contacts) }
        </>
    };

    let when = html! {
        <p>
            { for sum.dates().iter().map(|(k, d)| {
                let label = match k { DateKind::Updated => s.updated, DateKind::Effective => s.effective, DateKind::Released => s.released };
                html! { <span class="pl-date">{ label }{ " " }<time datetime={d.date.clone()}>{ d.date.clone() }</time>{ " " }{ sug(d.suggested) }{ src(&d.source) }</span> }
            }) }
            <span class="pl-date pl-muted">{ s.data_version }{ " " }{ v.version.clone() }</span>
        </p>
    };

    let collected = html! {
        <>
            <ul class="pl-chips" data-testid="categories">
                { for sum.collected().iter().map(|g| html! {
                    <li class={if g.sensitive { "pl-chip pl-sensitive" } else { "pl-chip" }}>
                        { i18n::category(props.lang, g.category) }
                        if g.sensitive {
                            <span class="pl-badge">{ " · " }{ s.sensitive }</span>
                        }
                        <span class="pl-count">{ format!(" {}", g.items.len()) }</span>
                        { " " }{ sug(g.items.iter().any(|i| i.suggested)) }{ src(&g.items[0].source) }
                    </li>
                }) }
            </ul>
            { gap(FacetKind::DataCollected) }
        </>
    };

    let why = html! {
        <>
            <ul class="pl-list" lang={plang.clone()}>
                { for f.purposes.items.iter().take(ROW_LIMIT).map(|p| html! { <li>{ p.text.clone() }{ " " }{ sug(p.suggested) }{ src(&p.source) }</li> }) }
            </ul>
            { more(f.purposes.items.len()) }
            { gap(FacetKind::Purposes) }
        </>
    };

    let who_else = html! {
        <>
            <ul class="pl-inline-list" data-testid="recipients">
                { for sum.recipients().iter().map(|(k, n)| {
                    let first = f.recipients.items.iter().find(|r| r.kind == *k);
                    html! { <li>{ i18n::recipient(props.lang, *k) }{ format!(" ({n})") }{ " " }{ for first.map(|r| html! { <>{ sug(r.suggested) }{ src(&r.source) }</> }) }</li> }
                }) }
                <li data-testid="sdk-count">{ s.sdks }{ format!(": {}", sum.sdk_count()) }</li>
            </ul>
            if !f.sdks.items.is_empty() {
                <p class="pl-sdks" lang={plang.clone()}>
                    { for f.sdks.items.iter().map(|x| html! { <span class="pl-sdk">{ x.name.clone() }{ " " }{ sug(x.suggested) }{ src(&x.source) }</span> }) }
                </p>
            }
            { gap(FacetKind::Recipients) }
            { gap(FacetKind::Sdks) }
        </>
    };

    let stored = html! {
        <>
            { for f.storage.items.iter().map(|x| html! {
                <p><span lang={plang.clone()}>{ x.location.clone().unwrap_or_else(|| x.text.clone()) }</span>{ " · " }{ i18n::cross_border(props.lang, x.cross_border) }{ " " }{ sug(x.suggested) }{ src(&x.source) }</p>
            }) }
            { gap(FacetKind::Storage) }
        </>
    };
    let kept = html! {
        <>
            { for f.retention.items.iter().take(2).map(|x| html! { <p lang={plang.clone()}>{ x.text.clone() }{ " " }{ sug(x.suggested) }{ src(&x.source) }</p> }) }
            { gap(FacetKind::Retention) }
        </>
    };
    let children = html! {
        <>
            { for f.children.items.iter().take(2).map(|x| html! {
                <p>
                    if let Some(age) = x.age { <span>{ format!("{} {age} · ", s.age_under) }</span> }
                    if x.parental_consent == Some(true) { <span>{ s.parental_consent }{ " · " }</span> }
                    <span lang={plang.clone()}>{ x.text.clone() }</span>{ " " }{ sug(x.suggested) }{ src(&x.source) }
                </p>
            }) }
            { gap(FacetKind::Children) }
        </>
    };
    let rights = html! {
        <>
            <ul class="pl-rights" data-testid="rights">
                { for f.rights.items.iter().map(|r| html! {
                    <li>
                        <span class="pl-k">{ i18n::right(props.lang, r.right) }</span>
                        if !r.how.is_empty() {
                            { ": " }
                            <span lang={plang.clone()}>
                                { r.how.iter().map(|h| h.value.clone()).collect::<Vec<_>>().join(" / ") }
                            </span>
                        }
                        if let Some(t) = &r.response_time {
                            <span class="pl-muted">{ format!(" · {} ", s.response_time) }<span lang={plang.clone()}>{ t.clone() }</span></span>
                        }
                        { " " }{ sug(r.suggested) }{ src(&r.source) }
                    </li>
                }) }
            </ul>
            { gap(FacetKind::Rights) }
        </>
    };

    html! {
        <dl class="pl-rows">
            { row("who", s.who, who) }
            { row("when", s.when, when) }
            { row("data_collected", s.collected, collected) }
            { row("purposes", s.why, why) }
            { row("recipients", s.who_else, who_else) }
            { row("storage", s.stored, stored) }
            { row("retention", s.kept, kept) }
            { row("children", s.children, children) }
            { row("rights", s.rights, rights) }
        </dl>
    }
}
