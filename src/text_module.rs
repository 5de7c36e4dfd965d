//! The text module's entry points: a wasm module (`dist/text/`) loaded on demand by the
//! widget's [`TextSlot`](crate::text_slot). It holds the full text (its rendering, search and
//! source highlight), so that the summary's first bundle does not.
//!
//! The widget hands over plain values: the version as the bytes it was read from (its binary
//! form), the file name, the language tag, and the section and quote to bring into view. Bad
//! input becomes an error the slot shows, never a panic.

use std::cell::RefCell;

use js_sys::{Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew::AppHandle;

use crate::data::Doc;
use crate::full_text::FullText;
use crate::i18n::Lang;

fn get(o: &JsValue, key: &str) -> JsValue {
    Reflect::get(o, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

#[derive(Properties, PartialEq, Clone)]
struct TextRootProps {
    doc: Doc,
    lang: Lang,
    section: Option<String>,
    quote: Option<String>,
}

/// The module's root: the full text in a widget frame of its own (`.policy-lens`, with the
/// language), mounted next to the widget's root. It brings the quote (or else the section)
/// into view whenever they change.
#[component]
fn TextRoot(props: &TextRootProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(
            (props.section.clone(), props.quote.clone()),
            move |(section, quote)| {
                if quote.is_some() {
                    crate::dom::scroll_to(&node, "[data-testid=\"source-highlight\"]");
                } else if let Some(id) = section {
                    crate::dom::scroll_to(&node, &format!("#pl-s-{id}"));
                }
            },
        );
    }
    let highlight = props.section.clone().zip(props.quote.clone());
    html! {
        <div class="policy-lens pl-text-part" lang={props.lang.tag()} data-testid="text-part" ref={node}>
            <FullText doc={props.doc.clone()} lang={props.lang} {highlight} />
        </div>
    }
}

/// A mounted full text.
#[wasm_bindgen]
pub struct TextHandle {
    app: Option<AppHandle<TextRoot>>,
    doc: RefCell<Option<Doc>>,
}

impl TextHandle {
    /// The props from the widget's object: the version decoded from `bytes` when they are given
    /// (the first time, and whenever the version changes), else the one kept from before.
    fn props(&self, props: &JsValue) -> Result<TextRootProps, JsError> {
        let text = |k: &str| get(props, k).as_string();
        let given = get(props, "bytes");
        let doc = if given.is_undefined() {
            self.doc
                .borrow()
                .clone()
                .ok_or_else(|| JsError::new("bytes: no version given"))?
        } else {
            let bytes = given
                .dyn_into::<Uint8Array>()
                .map_err(|_| JsError::new("bytes: not a byte array"))?
                .to_vec();
            let file = text("file").unwrap_or_default();
            let version = crate::data::from_binary(&file, &bytes)
                .map_err(|e| JsError::new(&format!("{file}: {}", e.reasons.join("; "))))?;
            let doc = Doc::new(version, Vec::new());
            *self.doc.borrow_mut() = Some(doc.clone());
            doc
        };
        Ok(TextRootProps {
            doc,
            lang: Lang::parse(&text("lang").unwrap_or_default()).unwrap_or_default(),
            section: text("section"),
            quote: text("quote"),
        })
    }
}

/// Mounts the full text into `element`.
#[wasm_bindgen(js_name = mountText)]
pub fn mount_text(element: web_sys::Element, props: JsValue) -> Result<TextHandle, JsError> {
    crate::panic_hook::install();
    crate::panic_hook::register(&element);
    let mut handle = TextHandle {
        app: None,
        doc: RefCell::new(None),
    };
    let props = handle.props(&props)?;
    handle.app = Some(yew::Renderer::<TextRoot>::with_root_and_props(element, props).render());
    Ok(handle)
}

#[wasm_bindgen]
impl TextHandle {
    /// A new version, language, section or quote.
    pub fn update(&mut self, props: JsValue) -> Result<(), JsError> {
        let props = self.props(&props)?;
        if let Some(app) = self.app.as_mut() {
            app.update(props);
        }
        Ok(())
    }

    /// Panics inside this text module instance. For the robustness tests only.
    #[wasm_bindgen(js_name = crashForTesting)]
    pub fn crash_for_testing(&self) {
        panic!("crash requested by a test (text module)");
    }

    /// Removes the full text.
    pub fn unmount(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}
