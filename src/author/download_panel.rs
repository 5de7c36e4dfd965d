//! Download: the version JSON as `policy-lens` writes it, validated with the CLI's rules.
//! Problems are listed with their JSON path; an invalid file cannot be downloaded.

use yew::prelude::*;

use crate::data::Doc;
use crate::i18n::{colon, Lang};

use super::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct DownloadPanelProps {
    pub doc: Doc,
    pub lang: Lang,
}

#[component]
pub fn DownloadPanel(props: &DownloadPanelProps) -> Html {
    let t = strings(props.lang);
    let export = use_memo(props.doc.clone(), |doc| {
        policy_lens_core::review::export(doc)
    });
    let valid = export.problems.is_empty();
    let onclick = {
        let export = export.clone();
        Callback::from(move |_: MouseEvent| super::browser::save(&export.file_name, &export.json))
    };
    html! {
        <section class="pl-author-panel" data-testid="download">
            <h2>{ t.download }</h2>
            if valid {
                <p class="pl-valid" data-testid="valid">{ t.valid }</p>
            } else {
                <p class="pl-invalid" data-testid="invalid">{ t.invalid }</p>
                <ul class="pl-problems">
                    { for export.problems.iter().map(|p| html! {
                        <li data-testid="problem"><code>{ p.path.clone() }</code>{ colon(props.lang) }{ p.message.clone() }</li>
                    }) }
                </ul>
            }
            <button type="button" class="pl-button pl-primary" {onclick} disabled={!valid} data-testid="download-json">
                { t.download_json }
            </button>
            <p class="pl-muted" data-testid="download-path">{ t.save_as }{ colon(props.lang) }<code>{ format!("policies/{}", export.path) }</code></p>
        </section>
    }
}
