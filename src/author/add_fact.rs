//! Adding a fact from a passage the reader selected in the full text: the section and quote
//! come from the selection; the reader picks the facet and the value.

use policy_lens_core::{review, FacetKind, Provenance};
use yew::prelude::*;

use crate::i18n::{facet, Lang};

use super::i18n::strings;
use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct AddFactProps {
    pub lang: Lang,
    pub selection: Option<Provenance>,
    /// The title of the selection's section.
    #[prop_or_default]
    pub section_title: Option<String>,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn AddFact(props: &AddFactProps) -> Html {
    let t = strings(props.lang);
    let kind = use_state(|| FacetKind::Contacts);
    let value = use_state(String::new);
    {
        // A new selection proposes itself as the value.
        let value = value.clone();
        use_effect_with(props.selection.clone(), move |sel| {
            value.set(sel.as_ref().map(|p| p.quote.clone()).unwrap_or_default());
        });
    }
    let onchange = {
        let kind = kind.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some(f) = FacetKind::ALL
                .into_iter()
                .find(|f| f.name() == select.value())
            {
                kind.set(f);
            }
        })
    };
    let oninput = {
        let value = value.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            value.set(input.value());
        })
    };
    let onsubmit = {
        let dispatch = props.dispatch.clone();
        let (kind, value) = (*kind, (*value).clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            dispatch.emit(Action::Add(kind, value.clone()));
        })
    };
    let choices = review::kinds(*kind);
    html! {
        <section class="pl-author-panel pl-add" data-testid="add-fact">
            <h2>{ t.add_fact }</h2>
            if let Some(sel) = &props.selection {
                <form {onsubmit}>
                    <p class="pl-k">{ t.selection }{ crate::i18n::colon(props.lang) }</p>
                    <blockquote class="pl-fact-quote" data-testid="add-quote">{ policy_lens_core::text::inert_bidi(&sel.quote).into_owned() }</blockquote>
                    <p class="pl-muted" data-testid="add-section" data-section={sel.section.clone()}>
                        { t.section }{ crate::i18n::colon(props.lang) }
                        if let Some(title) = &props.section_title { { title.clone() }{ " " } }
                        <code>{ sel.section.clone() }</code>
                    </p>
                    <div class="pl-field">
                        <label for="pl-add-facet">{ t.facet }</label>
                        <select id="pl-add-facet" {onchange} data-testid="add-facet">
                            { for FacetKind::ALL.into_iter().map(|f| html! {
                                <option value={f.name()} selected={f == *kind}>{ facet(props.lang, f) }</option>
                            }) }
                        </select>
                    </div>
                    <div class="pl-field">
                        <label for="pl-add-value">{ t.value }</label>
                        <input id="pl-add-value" type="text" value={(*value).clone()} {oninput} list="pl-add-kinds"
                            data-testid="add-value" />
                        <datalist id="pl-add-kinds">
                            { for choices.iter().map(|k| html! { <option value={*k} /> }) }
                        </datalist>
                    </div>
                    if !choices.is_empty() {
                        <p class="pl-muted">{ t.kind_hint }{ " " }{ choices.join(", ") }</p>
                    }
                    <button type="submit" class="pl-button pl-primary" data-testid="add-submit">{ t.add }</button>
                </form>
            } else {
                <p class="pl-muted" data-testid="add-hint">{ t.add_hint }</p>
            }
        </section>
    }
}
