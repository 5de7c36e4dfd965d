//! Where the full text goes. The full text, with its search and the highlighted source quote,
//! lives in a module loaded on demand (`text/`, built from `src/text_module.rs`; see
//! [`crate::module_slot`]), so that the summary's first bundle does not carry it; the widget
//! preloads it once the summary is ready, so that a source link or the "Full text" tab opens
//! at once. The slot hands over the version as the bytes it was read from, the language and the
//! quote or section to bring into view.
//!
//! Natively (the SSR tests) the full text renders in place, from the same component.

use yew::prelude::*;

use crate::data::Doc;
use crate::i18n::Lang;

#[derive(Properties, PartialEq, Clone)]
pub struct TextSlotProps {
    pub doc: Doc,
    pub lang: Lang,
    /// The section to bring into view.
    #[prop_or_default]
    pub section: Option<String>,
    /// The source quote to highlight (in `section`) and bring into view.
    #[prop_or_default]
    pub quote: Option<String>,
    /// Called once the full text is on screen (or could not be shown).
    #[prop_or_default]
    pub on_shown: Callback<()>,
}

#[cfg(not(target_arch = "wasm32"))]
#[component]
pub fn TextSlot(props: &TextSlotProps) -> Html {
    let highlight = props.section.clone().zip(props.quote.clone());
    html! { <crate::full_text::FullText doc={props.doc.clone()} lang={props.lang} {highlight} /> }
}

#[cfg(target_arch = "wasm32")]
pub type TextSlot = crate::module_slot::Slot<TextSlotProps>;

#[cfg(target_arch = "wasm32")]
impl crate::module_slot::Part for TextSlotProps {
    const MODULE: crate::module_slot::Module = crate::module_slot::Module::Text;
    const MOUNT: &'static str = "mountText";

    fn object(&self, sent: Option<&Self>, _navigate: &js_sys::Function) -> wasm_bindgen::JsValue {
        use js_sys::{Reflect, Uint8Array};
        let o = js_sys::Object::new();
        let set = |k: &str, v: &wasm_bindgen::JsValue| {
            let _ = Reflect::set(&o, &k.into(), v);
        };
        if !sent.is_some_and(|s| std::rc::Rc::ptr_eq(&s.doc.file.source, &self.doc.file.source)) {
            set("bytes", &Uint8Array::from(&self.doc.file.source[..]).into());
        }
        set("file", &self.doc.file.file().into());
        set("lang", &self.lang.tag().into());
        if let Some(section) = &self.section {
            set("section", &section.into());
        }
        if let Some(quote) = &self.quote {
            set("quote", &quote.into());
        }
        o.into()
    }

    fn lang(&self) -> Lang {
        self.lang
    }

    fn unavailable(s: &'static crate::i18n::Strings) -> &'static str {
        s.text_unavailable
    }

    fn navigate(&self) -> Callback<crate::route::Route> {
        Callback::noop()
    }

    fn on_shown(&self) -> Callback<()> {
        self.on_shown.clone()
    }
}
