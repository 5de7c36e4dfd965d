//! The authoring page: open a policy, review its facts beside their quotes, add facts from
//! selected text, download the version file.

use policy_lens_core::Provenance;
use yew::prelude::*;

use crate::full_text::FullText;
use crate::i18n::Lang;

use super::add_fact::AddFact;
use super::download_panel::DownloadPanel;
use super::fact_list::FactList;
use super::file_drop::FileDrop;
use super::i18n::strings;
use super::outline::Outline;
use super::state::{Action, State};

#[derive(Properties, PartialEq)]
pub struct AuthorPageProps {
    pub lang: Lang,
}

/// Follows the reader's selection in the full text, so that "add a fact" knows its quote.
#[hook]
fn use_selection(dispatch: Callback<Action>) {
    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let listener = gloo::events::EventListener::new(
            &gloo::utils::document(),
            "selectionchange",
            move |_| {
                if let Some((section, text)) = super::browser::selection_in_text() {
                    dispatch.emit(Action::Select { section, text });
                }
            },
        );
        #[cfg(not(target_arch = "wasm32"))]
        let _ = dispatch;
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}

/// Brings the highlighted quote into view when a fact is shown.
#[hook]
fn use_show_quote(shown: Option<Provenance>, root: NodeRef) {
    use_effect_with(shown, move |shown| {
        if shown.is_some() {
            crate::dom::scroll_to(&root, "[data-testid=\"source-highlight\"]");
        }
    });
}

#[component]
pub fn AuthorPage(props: &AuthorPageProps) -> Html {
    let state = use_reducer(|| State::new(props.lang));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let text_root = use_node_ref();
    use_selection(dispatch.clone());
    use_show_quote(state.shown().cloned(), text_root.clone());
    let lang = state.lang();
    let t = strings(lang);
    let on_file = {
        let dispatch = dispatch.clone();
        Callback::from(move |(file, bytes): (String, Vec<u8>)| {
            dispatch.emit(Action::Open {
                file,
                bytes,
                today: super::browser::today(),
            })
        })
    };
    let other = match lang {
        Lang::En => (Lang::Zh, "中文"),
        Lang::Zh => (Lang::En, "English"),
    };
    let switch = {
        let dispatch = dispatch.clone();
        let to = other.0;
        Callback::from(move |_: MouseEvent| dispatch.emit(Action::SetLang(to)))
    };
    let highlight = state.shown().map(|p| (p.section.clone(), p.quote.clone()));
    html! {
        <div class="policy-lens pl-author" lang={lang.tag()} data-testid="author" data-ready="true">
            <header class="pl-header">
                <div class="pl-title-row">
                    <h1>{ t.title }</h1>
                    <button type="button" class="pl-lang" onclick={switch} data-testid="lang-switch"
                        aria-label={format!("{}: {}", lang.strings().language, other.1)}>
                        <span lang={other.0.tag()}>{ other.1 }</span>
                    </button>
                </div>
                <p class="pl-muted">{ t.intro }</p>
                <FileDrop {lang} {on_file} />
                if let Some(file) = state.file() {
                    <p class="pl-muted" data-testid="file-name">{ file.to_string() }</p>
                }
                if let Some(e) = state.error() {
                    <div class="pl-error" role="alert" data-testid="author-error">
                        if state.version().is_none() { <strong>{ t.could_not_open }</strong> }
                        <pre>{ e.to_string() }</pre>
                    </div>
                }
            </header>
            if let (Some(doc), Some(opened)) = (state.version(), state.opened()) {
                <div class="pl-author-main">
                    <div class="pl-author-review">
                        <h2 class="pl-author-policy" lang={doc.language.clone()} data-testid="policy-title">{ doc.title.clone() }</h2>
                        <DownloadPanel doc={doc.clone()} {lang} />
                        <Outline doc={doc.clone()} warnings={state.warnings().clone()} {lang} />
                        <FactList doc={doc.clone()} {lang} shown={state.shown().cloned()} dispatch={dispatch.clone()} />
                    </div>
                    <div class="pl-author-text" ref={text_root}>
                        <h2>{ t.full_text }</h2>
                        <FullText doc={opened.clone()} {lang} {highlight} />
                        // After the text and sticky at the bottom of the view: in reach of a
                        // selection anywhere in the text, at any width.
                        <AddFact {lang} selection={state.selection().cloned()} dispatch={dispatch.clone()}
                            section_title={state.selection().and_then(|p| opened.find_section(&p.section)).map(|s| s.title())} />
                    </div>
                </div>
            }
        </div>
    }
}
