//! The summary under review: every facet with its coverage and its facts, each beside its
//! quote, and the facet-level steps (not stated, mark reviewed).

use policy_lens_core::review::Fact;
use policy_lens_core::{Coverage, FacetKind, Provenance};
use yew::prelude::*;

use crate::data::Doc;
use crate::i18n::{facet, Lang};

use super::fact_card::FactCard;
use super::i18n::{coverage, strings};
use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct FactListProps {
    pub doc: Doc,
    pub lang: Lang,
    pub shown: Option<Provenance>,
    pub dispatch: Callback<Action>,
}

/// The coverage as the JSON data names it (`not_stated`), for tests and styles.
fn status_name(c: Coverage) -> String {
    serde_json::to_value(c)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

#[component]
pub fn FactList(props: &FactListProps) -> Html {
    let t = strings(props.lang);
    let facts = use_memo(props.doc.clone(), |doc| {
        policy_lens_core::review::facts(doc)
    });
    let group = |kind: FacetKind| {
        let items: Vec<&Fact> = facts.iter().filter(|f| f.facet == kind).collect();
        let (status, _) = kind.coverage_in(&props.doc.facets);
        let send = |a: fn(FacetKind) -> Action| {
            let dispatch = props.dispatch.clone();
            Callback::from(move |_: MouseEvent| dispatch.emit(a(kind)))
        };
        html! {
            <section class="pl-facet" data-testid="facet" data-facet={kind.name()} data-status={status_name(status)}>
                <div class="pl-facet-head">
                    <h3>{ facet(props.lang, kind) }</h3>
                    <span class="pl-badge" data-testid="facet-status">{ coverage(props.lang, status) }</span>
                </div>
                if items.is_empty() {
                    <p class="pl-muted">{ t.no_facts }</p>
                } else {
                    <ul class="pl-facts">
                        { for items.iter().map(|f| html! {
                            <FactCard key={format!("{}-{}", f.index, f.source.quote)} fact={(*f).clone()} lang={props.lang}
                                shown={props.shown.as_ref() == Some(&f.source)} dispatch={props.dispatch.clone()} />
                        }) }
                    </ul>
                }
                <div class="pl-facet-actions">
                    <button type="button" class="pl-button" onclick={send(Action::NotStated)} data-testid="facet-not-stated">{ t.mark_not_stated }</button>
                    <button type="button" class="pl-button" onclick={send(Action::Reviewed)} data-testid="facet-reviewed">{ t.mark_reviewed }</button>
                </div>
            </section>
        }
    };
    html! {
        <section class="pl-author-panel" data-testid="facts">
            <h2>{ t.facts }</h2>
            { for FacetKind::ALL.into_iter().map(group) }
        </section>
    }
}

#[cfg(test)]
mod tests {

    use super::*;

    #[tokio::test]
    async fn suggested_facts_render_beside_their_quotes_with_review_controls() {
        let text =
            "Acme Privacy Policy\n\n1. Contact us\n\nEmail privacy@acme-cars.cn for any request.\n";
        let v = policy_lens_core::review::open("acme.txt", text.as_bytes(), "2025-01-01")
            .expect("imports")
            .version;
        let props = FactListProps {
            doc: crate::data::Doc::new(v, Vec::new()),
            lang: Lang::Zh,
            shown: None,
            dispatch: Callback::noop(),
        };
        let html = yew::LocalServerRenderer::<FactList>::with_props(props)
            .render()
            .await;
        assert!(
            html.contains(r#"data-facet="contacts" data-index="0" data-suggested="true""#),
            "{html}"
        );
        assert!(html.contains("建议，尚未审阅"));
        assert!(
            html.contains("Email privacy@acme-cars.cn for any request"),
            "the quote is shown"
        );
        assert!(html.contains(r#"data-testid="fact-accept""#));
        assert!(html.contains(r#"data-status="not_reviewed""#));
    }
}
