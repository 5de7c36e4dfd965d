//! One fact beside its quote: accept, edit, reject, and show the quote in the full text.

use policy_lens_core::review::Fact;
use yew::prelude::*;

use crate::i18n::Lang;

use super::i18n::strings;
use super::state::Action;

#[derive(Properties, PartialEq)]
pub struct FactCardProps {
    pub fact: Fact,
    pub lang: Lang,
    /// Its quote is the one highlighted in the full text.
    pub shown: bool,
    pub dispatch: Callback<Action>,
}

#[component]
pub fn FactCard(props: &FactCardProps) -> Html {
    let t = strings(props.lang);
    let f = &props.fact;
    let editing = use_state(|| None::<String>);
    let send = |a: fn(&Fact) -> Action| {
        let dispatch = props.dispatch.clone();
        let fact = f.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(a(&fact)))
    };
    let show = send(|f| Action::Show(f.source.clone()));
    let accept = send(|f| Action::Accept(f.facet, f.index));
    let reject = send(|f| Action::Reject(f.facet, f.index));
    let start_edit = {
        let editing = editing.clone();
        let value = f.value.clone();
        Callback::from(move |_: MouseEvent| editing.set(Some(value.clone())))
    };
    let editor = editing.as_ref().map(|value| {
        let oninput = {
            let editing = editing.clone();
            Callback::from(move |e: InputEvent| {
                let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                editing.set(Some(input.value()));
            })
        };
        let onsubmit = {
            let editing = editing.clone();
            let dispatch = props.dispatch.clone();
            let (facet, index) = (f.facet, f.index);
            let value = value.clone();
            Callback::from(move |e: SubmitEvent| {
                e.prevent_default();
                dispatch.emit(Action::Edit(facet, index, value.clone()));
                editing.set(None);
            })
        };
        let cancel = {
            let editing = editing.clone();
            Callback::from(move |_: MouseEvent| editing.set(None))
        };
        let id = format!("pl-edit-{}-{}", f.facet, f.index);
        html! {
            <form class="pl-fact-edit" {onsubmit}>
                <label for={id.clone()} class="pl-visually-hidden">{ t.value }</label>
                <input {id} type="text" value={value.clone()} {oninput} data-testid="fact-edit-input" />
                <button type="submit" class="pl-button pl-primary" data-testid="fact-save">{ t.save }</button>
                <button type="button" class="pl-button" onclick={cancel}>{ t.cancel }</button>
            </form>
        }
    });
    html! {
        <li class={classes!("pl-fact", f.suggested.then_some("pl-fact-suggested"), props.shown.then_some("pl-fact-shown"))}
            data-testid="fact" data-facet={f.facet.name()} data-index={f.index.to_string()}
            data-suggested={f.suggested.then_some("true")}>
            <div class="pl-fact-head">
                <button type="button" class="pl-fact-name" onclick={show} title={t.show_quote}
                    aria-pressed={props.shown.to_string()} data-testid="fact-show">{ f.name.clone() }</button>
                if f.suggested {
                    <span class="pl-badge pl-badge-suggested" data-testid="suggested-badge">{ t.suggested }</span>
                }
            </div>
            <blockquote class="pl-fact-quote" data-testid="fact-quote" data-section={f.source.section.clone()}>
                { policy_lens_core::text::inert_bidi(&f.source.quote).into_owned() }
            </blockquote>
            if let Some(editor) = editor {
                { editor }
            } else {
                <div class="pl-fact-actions">
                    if f.suggested {
                        <button type="button" class="pl-button pl-primary" onclick={accept} data-testid="fact-accept">{ t.accept }</button>
                    }
                    <button type="button" class="pl-button" onclick={start_edit} data-testid="fact-edit">{ t.edit }</button>
                    <button type="button" class="pl-button pl-danger" onclick={reject} data-testid="fact-reject">{ t.reject }</button>
                </div>
            }
        </li>
    }
}
