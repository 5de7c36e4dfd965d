//! The browser effects of the authoring page: reading a chosen or dropped file, the reader's
//! selection in the full text, saving a download, today's date. Natively (tests) they do
//! nothing.

/// The section id and text of the current selection, when it lies inside one section of the
/// full text (`section[data-section]` inside `.pl-text`).
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))] // selections exist only in the browser
pub fn selection_in_text() -> Option<(String, String)> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let sel = web_sys::window()?.get_selection().ok()??;
        if sel.is_collapsed() {
            return None;
        }
        let element = |n: web_sys::Node| match n.dyn_ref::<web_sys::Element>() {
            Some(e) => Some(e.clone()),
            None => n.parent_element(),
        };
        let start = element(sel.anchor_node()?)?;
        let end = element(sel.focus_node()?)?;
        let section = start.closest(".pl-text section[data-section]").ok()??;
        // Both ends in the same section, or in one of its subsections.
        if !section.contains(Some(&end)) {
            return None;
        }
        let text: String = sel.to_string().into();
        Some((section.get_attribute("data-section")?, text))
    }
    #[cfg(not(target_arch = "wasm32"))]
    None
}

/// Today's date, `YYYY-MM-DD` (UTC): the version of a new import.
pub fn today() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        let iso: String = js_sys::Date::new_0().to_iso_string().into();
        iso.chars().take(10).collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    String::from("1970-01-01")
}

/// Reads a file the reader chose or dropped.
#[cfg(target_arch = "wasm32")]
pub async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| "the file could not be read".to_string())?;
    Ok(js_sys::Uint8Array::new(&buf).to_vec())
}

/// Offers `text` as a download named `name`, through a blob URL (nothing leaves the page).
pub fn save(name: &str, text: &str) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
        let opts = web_sys::BlobPropertyBag::new();
        opts.set_type("application/json");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let a = gloo::utils::document()
            .create_element("a")
            .ok()
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        if let Some(a) = a {
            a.set_href(&url);
            a.set_download(name);
            a.click();
        }
        // The browser reads the blob after the click returns: release it a little later.
        gloo::timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        })
        .forget();
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (name, text);
}
