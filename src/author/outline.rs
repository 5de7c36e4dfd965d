//! The imported outline (the section tree) and the importer's warnings.

use policy_lens_core::{Section, Warning};
use yew::prelude::*;

use crate::data::{Doc, Shared};
use crate::i18n::Lang;

use super::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct OutlineProps {
    pub doc: Doc,
    pub warnings: Shared<Vec<Warning>>,
    pub lang: Lang,
}

/// One section and its subsections; an untitled one (a preamble) is named as such.
fn entry(s: &Section, untitled: &str) -> Html {
    let title = s.title();
    html! {
        <li>
            if title.is_empty() {
                <a href={format!("#pl-s-{}", s.id)} class="pl-muted" data-testid="outline-entry">{ untitled.to_string() }</a>
            } else {
                <a href={format!("#pl-s-{}", s.id)} data-testid="outline-entry">{ title }</a>
            }
            if !s.sections.is_empty() {
                <ol>{ for s.sections.iter().map(|c| entry(c, untitled)) }</ol>
            }
        </li>
    }
}

#[component]
pub fn Outline(props: &OutlineProps) -> Html {
    let t = strings(props.lang);
    html! {
        <section class="pl-author-panel" data-testid="outline">
            <h2>{ t.outline }</h2>
            <ol class="pl-outline" lang={props.doc.language.clone()}>
                { for props.doc.sections.iter().map(|s| entry(s, t.untitled)) }
            </ol>
            <h3>{ t.warnings }</h3>
            if props.warnings.is_empty() {
                <p class="pl-muted" data-testid="no-warnings">{ t.no_warnings }</p>
            } else {
                <ul class="pl-warnings" data-testid="warnings">
                    { for props.warnings.iter().map(|w| html! { <li data-testid="warning">{ w.to_string() }</li> }) }
                </ul>
            }
        </section>
    }
}
