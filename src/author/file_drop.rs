//! Opening a policy: a file input, and a zone the file can be dropped on.

use yew::prelude::*;

use crate::i18n::Lang;

use super::i18n::strings;

#[derive(Properties, PartialEq)]
pub struct FileDropProps {
    pub lang: Lang,
    /// The file's name and bytes, once read.
    pub on_file: Callback<(String, Vec<u8>)>,
}

/// Reads `file` and hands its name and bytes to `on_file`.
fn emit(file: Option<web_sys::File>, on_file: &Callback<(String, Vec<u8>)>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(file) = file {
        let on_file = on_file.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let name = file.name();
            match super::browser::read(&file).await {
                Ok(bytes) => on_file.emit((name, bytes)),
                Err(reason) => web_sys::console::warn_1(&reason.into()),
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (file, on_file);
}

#[component]
pub fn FileDrop(props: &FileDropProps) -> Html {
    let t = strings(props.lang);
    let over = use_state(|| false);
    let onchange = {
        let on_file = props.on_file.clone();
        Callback::from(move |e: Event| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            emit(input.files().and_then(|f| f.get(0)), &on_file);
            // Choosing the same file again should open it again.
            input.set_value("");
        })
    };
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let ondrop = {
        let on_file = props.on_file.clone();
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            let file = e
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0));
            emit(file, &on_file);
        })
    };
    html! {
        <div class={classes!("pl-drop", (*over).then_some("pl-drop-over"))} {ondragover} {ondragleave} {ondrop}
            data-testid="drop-zone">
            <label class="pl-button pl-primary" for="pl-file">{ t.open_file }</label>
            <input id="pl-file" class="pl-visually-hidden" type="file" data-testid="file-input"
                accept=".txt,.text,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                {onchange} />
            <span class="pl-muted">{ " " }{ t.drop_hint }</span>
            <p class="pl-muted pl-drop-privacy">{ t.privacy }</p>
        </div>
    }
}
