//! Static markup written without Yew nodes, for the static bulk of a view.
//!
//! The summary's details are about 200 elements and 60 links. As Yew nodes (a virtual node and
//! a listener per link) their first render was the largest task on the path to ready; written
//! as DOM calls from Rust, about 1,300 calls across the wasm boundary, it still took half of
//! that. So the markup becomes one HTML string, every text and attribute escaped here, which
//! the browser parses in under a millisecond.
//!
//! A host that enforces Trusted Types accepts that string only through a policy: `embed.js`
//! makes one (named `policy-lens`) and hands it to the widget alone ([`set_html_policy`]).
//! Where the host refuses that name, or the string is refused anyway, the same markup is made
//! with DOM calls instead. Natively (the server renderer: the build-time prerender and the
//! native tests) the string is the output.
//!
//! Links carry the index of their route (`data-pl-link`); one click handler on an ancestor,
//! [`on_link_click`], navigates in place.

use std::rc::Rc;

use yew::prelude::*;

use crate::route::Route;

/// The attribute that marks a link written here: its value indexes the markup's routes.
const LINK: &str = "data-pl-link";

/// One step of the markup.
enum Op {
    Open(&'static str, Vec<(&'static str, String)>),
    Text(String),
    Close(&'static str),
}

/// Markup being written: one root element and what is inside it.
pub struct Markup {
    ops: Vec<Op>,
    /// The open elements' tags, the root first.
    open: Vec<&'static str>,
    routes: Vec<Route>,
}

/// What [`Markup::finish`] gives: the node, and the routes of its links.
pub struct Written {
    pub html: Html,
    pub routes: Rc<Vec<Route>>,
}

impl Markup {
    /// Starts the markup with its root element.
    pub fn new(tag: &'static str, attrs: &[(&'static str, &str)]) -> Markup {
        let mut m = Markup {
            ops: Vec::new(),
            open: Vec::new(),
            routes: Vec::new(),
        };
        m.open(tag, attrs);
        m
    }

    /// Opens an element inside the current one. Attributes with an empty name are skipped, so
    /// that callers can leave one out conditionally.
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Self {
        let attrs = attrs
            .iter()
            .filter(|(k, _)| !k.is_empty())
            .map(|(k, v)| (*k, v.to_string()))
            .collect();
        self.ops.push(Op::Open(tag, attrs));
        self.open.push(tag);
        self
    }

    /// Closes the innermost open element (never the root: [`Markup::finish`] does).
    pub fn close(&mut self) -> &mut Self {
        if self.open.len() > 1 {
            if let Some(tag) = self.open.pop() {
                self.ops.push(Op::Close(tag));
            }
        }
        self
    }

    /// Text inside the current element (never markup: escaped, or a text node).
    pub fn text(&mut self, s: &str) -> &mut Self {
        if !s.is_empty() {
            self.ops.push(Op::Text(s.to_string()));
        }
        self
    }

    /// An element holding only text.
    pub fn leaf(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Self {
        self.open(tag, attrs).text(text).close()
    }

    /// A link to a place in the widget, holding `text`: a real `href` (it opens in a new tab,
    /// or can be copied) that navigates in place through [`on_link_click`].
    pub fn link(&mut self, to: Route, class: &str, label: &str, text: &str) -> &mut Self {
        let href = to.to_query();
        let index = self.routes.len().to_string();
        self.routes.push(to);
        let label_attr = if label.is_empty() { "" } else { "aria-label" };
        self.open(
            "a",
            &[
                ("href", &href),
                ("class", class),
                (LINK, &index),
                (label_attr, label),
            ],
        )
        .text(text)
        .close()
    }

    /// The markup as HTML, every text and attribute value escaped.
    fn html(&self) -> String {
        let mut out = String::new();
        for op in &self.ops {
            match op {
                Op::Open(tag, attrs) => {
                    out.push('<');
                    out.push_str(tag);
                    for (k, v) in attrs {
                        out.push(' ');
                        out.push_str(k);
                        out.push_str("=\"");
                        escape_into(&mut out, v);
                        out.push('"');
                    }
                    out.push('>');
                }
                Op::Text(t) => escape_into(&mut out, t),
                Op::Close(tag) => {
                    out.push_str("</");
                    out.push_str(tag);
                    out.push('>');
                }
            }
        }
        out
    }

    /// The written root element as a node of the view, and its links' routes.
    pub fn finish(mut self) -> Written {
        while let Some(tag) = self.open.pop() {
            self.ops.push(Op::Close(tag));
        }
        #[cfg(target_arch = "wasm32")]
        let html = dom::node(&self);
        #[cfg(not(target_arch = "wasm32"))]
        let html = Html::from_html_unchecked(AttrValue::from(self.html()));
        Written {
            html,
            routes: Rc::new(self.routes),
        }
    }
}

/// Sets how the widget may parse HTML on this page (`mountWidget`'s fourth argument): a
/// Trusted Types policy of `embed.js`, `null` where the host refused one (the markup is then
/// made with DOM calls), or `undefined` (no Trusted Types: the full page, an older loader).
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub fn set_html_policy(policy: wasm_bindgen::JsValue) {
    dom::POLICY.with(|p| *p.borrow_mut() = policy);
}

#[cfg(target_arch = "wasm32")]
mod dom {
    use std::cell::{Cell, RefCell};

    use wasm_bindgen::{JsCast, JsValue};
    use yew::Html;

    use super::{Markup, Op};

    thread_local! {
        pub(super) static POLICY: RefCell<JsValue> = const { RefCell::new(JsValue::UNDEFINED) };
        /// Set once an HTML string was refused: DOM calls from then on.
        static REFUSED: Cell<bool> = const { Cell::new(false) };
    }

    /// The markup's root element, parsed from its HTML where the page allows, else made with
    /// DOM calls.
    pub(super) fn node(m: &Markup) -> Html {
        let refused = REFUSED.with(Cell::get) || POLICY.with(|p| p.borrow().is_null());
        let root = if refused { None } else { parsed(&m.html()) };
        let root = root.or_else(|| {
            REFUSED.with(|r| r.set(true));
            made(&m.ops)
        });
        root.map_or_else(Html::default, |root| Html::VRef(root.into()))
    }

    /// The element the HTML holds, parsed by the browser (through the Trusted Types policy
    /// when there is one); `None` when the page refuses it.
    fn parsed(html: &str) -> Option<web_sys::Element> {
        let value = POLICY.with(|p| {
            let p = p.borrow();
            if p.is_undefined() {
                return Some(JsValue::from_str(html));
            }
            let create = js_sys::Reflect::get(&p, &"createHTML".into()).ok()?;
            create
                .dyn_into::<js_sys::Function>()
                .ok()?
                .call1(&p, &JsValue::from_str(html))
                .ok()
        })?;
        let template = gloo::utils::document().create_element("template").ok()?;
        js_sys::Reflect::set(&template, &"innerHTML".into(), &value).ok()?;
        template
            .dyn_into::<web_sys::HtmlTemplateElement>()
            .ok()?
            .content()
            .first_element_child()
    }

    /// The elements made with DOM calls. A failing call cannot happen with these fixed tag and
    /// attribute names; if one did, an element would lack an attribute, not the widget its page.
    fn made(ops: &[Op]) -> Option<web_sys::Element> {
        let doc = gloo::utils::document();
        let mut open: Vec<web_sys::Element> = Vec::new();
        let mut root = None;
        for op in ops {
            match op {
                Op::Open(tag, attrs) => {
                    let el = doc.create_element(tag).ok()?;
                    for (k, v) in attrs {
                        let _ = el.set_attribute(k, v);
                    }
                    match open.last() {
                        Some(parent) => {
                            let _ = parent.append_child(&el);
                        }
                        None => root = Some(el.clone()),
                    }
                    open.push(el);
                }
                Op::Text(t) => {
                    if let Some(el) = open.last() {
                        let _ = el.append_with_str_1(t);
                    }
                }
                Op::Close(_) => {
                    open.pop();
                }
            }
        }
        root
    }
}

/// Escapes text for an HTML text node or a double-quoted attribute value.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// The click handler, on an ancestor, of the links in markup written here: navigates in place
/// to the clicked link's route, unless the reader asked for a new tab or window (a modifier
/// key, another button), which the browser then opens from the `href`.
pub fn on_link_click(routes: Rc<Vec<Route>>, navigate: Callback<Route>) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        use wasm_bindgen::JsCast;
        if !crate::route_link::in_place(&e) {
            return;
        }
        let link = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|el| el.closest(&format!("a[{LINK}]")).ok().flatten());
        let to = link
            .and_then(|a| a.get_attribute(LINK))
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| routes.get(i));
        if let Some(to) = to {
            e.prevent_default();
            navigate.emit(to.clone());
        }
    })
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut m = Markup::new("p", &[("title", "a \"b\" <c> & 'd'")]);
        m.text("<script>x</script> & more");
        assert_eq!(
            m.html() + "</p>",
            "<p title=\"a &quot;b&quot; &lt;c&gt; &amp; &#39;d&#39;\">&lt;script&gt;x&lt;/script&gt; &amp; more</p>"
        );
    }

    #[test]
    fn links_index_their_routes_and_elements_close_in_order() {
        let mut m = Markup::new("ul", &[]);
        m.open("li", &[("", "skipped")])
            .link(Route::default(), "pl-x", "", "one")
            .close();
        m.open("li", &[]).link(
            Route {
                policy: Some("a&b".into()),
                ..Route::default()
            },
            "pl-x",
            "label",
            "two",
        );
        // The root cannot be closed early.
        m.close().close().close();
        m.text("after");
        let routes = m.routes.clone();
        while let Some(tag) = m.open.pop() {
            m.ops.push(Op::Close(tag));
        }
        assert_eq!(routes.len(), 2);
        assert_eq!(routes[1].policy.as_deref(), Some("a&b"));
        assert_eq!(
            m.html(),
            "<ul><li><a href=\"?\" class=\"pl-x\" data-pl-link=\"0\">one</a></li>\
             <li><a href=\"?policy=a%26b\" class=\"pl-x\" data-pl-link=\"1\" aria-label=\"label\">two</a></li>after</ul>"
        );
    }
}
