//! The widget's root: resolves the route against the bundled policies, loads the versions it
//! needs, renders the view, keeps full-page mode in the URL, and signals readiness.

use std::collections::HashMap;
use std::rc::Rc;

use yew::prelude::*;

use crate::changes_view::ChangesView;
use crate::data::{self, BundledPolicy, Doc, LoadError};
use crate::error_panel::ErrorPanel;
use crate::header::Header;
use crate::i18n::Lang;
use crate::route::{Route, View};
use crate::start_page::StartPage;
use crate::version_page::VersionPage;

#[derive(Properties, PartialEq, Clone)]
pub struct AppProps {
    pub route: Route,
    /// Full-page (and webview) mode: the route lives in the URL.
    #[prop_or_default]
    pub full_page: bool,
    /// Base URL of the widget's assets, ending in `/` (or empty for the page's own folder).
    #[prop_or_default]
    pub base: AttrValue,
    /// Versions already loaded (SSR tests and host-given data), keyed by `id/version`.
    #[prop_or_default]
    pub preloaded: Vec<Doc>,
    /// A host-given data URL (a version file, or an array of versions of one policy), used
    /// instead of the bundled data.
    #[prop_or_default]
    pub src: Option<AttrValue>,
    /// The host opted in to remembering the last version read (the only storage write).
    #[prop_or_default]
    pub remember: bool,
}

/// Loaded versions by `id/version`.
#[derive(Default, PartialEq)]
pub struct Docs {
    map: HashMap<String, Result<Doc, LoadError>>,
}

#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub enum DocsAction {
    Loaded(String, Result<Doc, LoadError>),
}

impl Reducible for Docs {
    type Action = DocsAction;
    fn reduce(self: Rc<Self>, action: DocsAction) -> Rc<Self> {
        let DocsAction::Loaded(key, result) = action;
        let mut map = self.map.clone();
        map.insert(key, result);
        Rc::new(Docs { map })
    }
}

fn key(id: &str, version: &str) -> String {
    format!("{id}/{version}")
}

/// A policy the widget can show: bundled, or given by the host through `src`.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRef {
    pub id: String,
    /// Oldest first.
    pub versions: Vec<String>,
}

impl From<&BundledPolicy> for PolicyRef {
    fn from(p: &BundledPolicy) -> Self {
        PolicyRef {
            id: p.id.to_string(),
            versions: p.versions.iter().map(|v| v.to_string()).collect(),
        }
    }
}

/// What a route resolves to.
#[derive(Debug, Clone, PartialEq)]
enum Target {
    Start,
    UnknownPolicy(String),
    UnknownVersion(PolicyRef, String),
    One(PolicyRef, String),
    Pair(PolicyRef, String, String),
}

fn resolve(route: &Route, given: Option<&PolicyRef>) -> Target {
    let p = match (given, &route.policy) {
        (Some(g), None) => g.clone(),
        (Some(g), Some(id)) if *id == g.id => g.clone(),
        (_, None) => return Target::Start,
        (_, Some(id)) => match data::bundled(id) {
            Some(p) => PolicyRef::from(p),
            None => return Target::UnknownPolicy(id.clone()),
        },
    };
    let latest = p.versions.last().cloned().unwrap_or_default();
    let check = |v: &str| p.versions.iter().any(|x| x == v);
    if route.view == View::Changes {
        let to = route.to.clone().unwrap_or_else(|| latest.clone());
        let from = route.from.clone().unwrap_or_else(|| {
            let i = p.versions.iter().position(|v| *v == to).unwrap_or(0);
            p.versions
                .get(i.saturating_sub(1))
                .cloned()
                .unwrap_or_default()
        });
        for v in [&from, &to] {
            if !check(v) {
                return Target::UnknownVersion(p, v.clone());
            }
        }
        return Target::Pair(p, from, to);
    }
    let v = route.version.clone().unwrap_or(latest);
    if !check(&v) {
        return Target::UnknownVersion(p, v);
    }
    Target::One(p, v)
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let root = use_node_ref();
    let route = use_state(|| props.route.clone());
    let docs = use_reducer(|| Docs {
        map: props
            .preloaded
            .iter()
            .map(|d| (key(&d.id, &d.version), Ok(d.clone())))
            .collect(),
    });
    let ready_sent = use_mut_ref(|| false);
    // Host-given data: loaded once, validated, then served like bundled versions.
    let src_state = use_state(|| None::<Result<PolicyRef, LoadError>>);
    {
        let docs = docs.clone();
        let src_state = src_state.clone();
        use_effect_with(props.src.clone(), move |src| {
            #[cfg(target_arch = "wasm32")]
            if let Some(url) = src.clone() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = data::load_many(&url).await;
                    if let Ok(list) = &result {
                        for d in list {
                            docs.dispatch(DocsAction::Loaded(
                                key(&d.id, &d.version),
                                Ok(d.clone()),
                            ));
                        }
                    }
                    src_state.set(Some(result.map(|list| PolicyRef {
                        id: list[0].id.clone(),
                        versions: list.iter().map(|d| d.version.clone()).collect(),
                    })));
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (src, docs, src_state);
        });
    }

    // A host changing the options (attributes, `update`) replaces the route.
    {
        let route = route.clone();
        use_effect_with(props.route.clone(), move |r| {
            if *route != *r {
                route.set(r.clone());
            }
        });
    }

    let lang = route
        .lang
        .or_else(|| {
            crate::dom::navigator_language()
                .as_deref()
                .and_then(Lang::parse)
        })
        .unwrap_or_default();
    let s = lang.strings();
    let given: Option<PolicyRef> = match &*src_state {
        Some(Ok(r)) => Some(r.clone()),
        _ => None,
    };
    let target = if props.src.is_some() && src_state.is_none() {
        Target::Start
    } else {
        resolve(&route, given.as_ref())
    };

    let navigate = {
        let route = route.clone();
        let full_page = props.full_page;
        let root = root.clone();
        Callback::from(move |next: Route| {
            if full_page {
                crate::dom::push_query(&next.to_query());
            }
            crate::dom::emit(
                &root,
                "navigate",
                &[
                    ("view", next.view.as_str().to_string()),
                    ("section", next.section.clone().unwrap_or_default()),
                    ("change", next.change.clone().unwrap_or_default()),
                ],
            );
            route.set(next);
        })
    };

    // Back and forward in full-page mode.
    #[cfg(target_arch = "wasm32")]
    {
        let route = route.clone();
        let full_page = props.full_page;
        use_effect_with(full_page, move |full_page| {
            let listener = full_page.then(|| {
                let window = gloo::utils::window();
                gloo::events::EventListener::new(&window, "popstate", move |_| {
                    route.set(Route::from_query(&crate::dom::location_query()));
                })
            });
            move || drop(listener)
        });
    }

    // Load what the route needs.
    let needed: Vec<(String, String)> = match &target {
        Target::One(p, v) => vec![(p.id.clone(), v.clone())],
        Target::Pair(p, a, b) => vec![(p.id.clone(), a.clone()), (p.id.clone(), b.clone())],
        _ => Vec::new(),
    };
    let src_error = match &*src_state {
        Some(Err(e)) => Some(e.clone()),
        _ => None,
    };
    let src_loading = props.src.is_some() && src_state.is_none();
    {
        let docs = docs.clone();
        let base = props.base.to_string();
        use_effect_with(needed.clone(), move |needed| {
            for (id, v) in needed {
                let k = key(id, v);
                if docs.map.contains_key(&k) {
                    continue;
                }
                #[cfg(target_arch = "wasm32")]
                {
                    let docs = docs.clone();
                    let url = format!("{base}{}", data::version_path(id, v));
                    wasm_bindgen_futures::spawn_local(async move {
                        let result = data::load(&url).await;
                        docs.dispatch(DocsAction::Loaded(k, result));
                    });
                }
                #[cfg(not(target_arch = "wasm32"))]
                let _ = (&base, k);
            }
        });
    }
    let loaded: Vec<Option<&Result<Doc, LoadError>>> = needed
        .iter()
        .map(|(id, v)| docs.map.get(&key(id, v)))
        .collect();
    let loading = src_loading || loaded.iter().any(Option::is_none);

    // Ready once the first complete render is on screen.
    {
        let ready_sent = ready_sent.clone();
        let root = root.clone();
        let view = route.view.as_str().to_string();
        let policy = route.policy.clone().unwrap_or_default();
        use_effect_with(loading, move |loading| {
            if !*loading && !*ready_sent.borrow() {
                *ready_sent.borrow_mut() = true;
                crate::dom::signal_ready(&root, &[("view", view), ("policy", policy)]);
            }
        });
    }
    // Errors are reported to the host too.
    let errors: Vec<LoadError> = src_error
        .into_iter()
        .chain(
            loaded
                .iter()
                .flatten()
                .filter_map(|r| r.as_ref().err().cloned()),
        )
        .collect();
    {
        let root = root.clone();
        use_effect_with(errors.clone(), move |errors| {
            for e in errors {
                crate::dom::emit(
                    &root,
                    "error",
                    &[("reason", format!("{}: {}", e.file, e.reasons.join("; ")))],
                );
            }
        });
    }
    // Full-page mode: a URL fragment (`#pl-s-s4-2`, `#pl-facet-rights`) is honoured once the
    // content it points at exists.
    {
        let root = root.clone();
        let full_page = props.full_page;
        use_effect_with(loading, move |loading| {
            if full_page && !*loading {
                if let Some(hash) = crate::dom::location_hash() {
                    crate::dom::scroll_to(
                        &root,
                        &format!("[id=\"{}\"]", hash.replace(['"', '\\'], "")),
                    );
                }
            }
        });
    }
    // Bring a provenance quote or a section into view.
    {
        let root = root.clone();
        let focus = (
            route.view,
            route.section.clone(),
            route.quote.clone(),
            loading,
        );
        use_effect_with(focus, move |(view, section, quote, loading)| {
            if *loading || *view != View::Full {
                return;
            }
            if quote.is_some() {
                crate::dom::scroll_to(&root, "[data-testid=\"source-highlight\"]");
            } else if let Some(id) = section {
                crate::dom::scroll_to(&root, &format!("#pl-s-{id}"));
            }
        });
    }

    let docs_ok: Vec<Doc> = loaded
        .iter()
        .flatten()
        .filter_map(|r| r.as_ref().ok().cloned())
        .collect();
    let body = match &target {
        _ if !errors.is_empty() => html! {
            <>{ for errors.iter().map(|e| html! {
                <ErrorPanel {lang} title={AttrValue::from(s.error_title)} file={AttrValue::from(e.file.clone())} reasons={e.reasons.clone()} navigate={navigate.clone()} />
            }) }</>
        },
        _ if loading => {
            html! { <p class="pl-loading" role="status" data-testid="loading">{ s.loading }</p> }
        }
        Target::Start => html! { <StartPage {lang} navigate={navigate.clone()} /> },
        Target::UnknownPolicy(id) => html! {
            <ErrorPanel {lang} title={format!("{} “{id}”.", s.unknown_policy)} reasons={Vec::<String>::new()}
                choices={data::BUNDLED.iter().map(|p| (format!("{} ({})", p.title, p.id), Route { policy: Some(p.id.to_string()), lang: route.lang, ..Route::default() })).collect::<Vec<_>>()}
                navigate={navigate.clone()} />
        },
        Target::UnknownVersion(p, v) => html! {
            <ErrorPanel {lang} title={format!("{} “{v}” ({}).", s.unknown_version, p.id)} reasons={Vec::<String>::new()}
                choices={p.versions.iter().map(|ver| (ver.to_string(), Route { policy: Some(p.id.to_string()), version: (route.view != View::Changes).then(|| ver.to_string()), view: route.view, lang: route.lang, ..Route::default() })).collect::<Vec<_>>()}
                navigate={navigate.clone()} />
        },
        Target::One(p, _) => {
            let doc = docs_ok[0].clone();
            html! { <VersionPage {doc} versions={p.versions.clone()} remember={props.remember} {lang} here={(*route).clone()} navigate={navigate.clone()} /> }
        }
        Target::Pair(p, ..) => html! {
            <>
                <Header versions={p.versions.clone()} doc={docs_ok[1].clone()} {lang} here={(*route).clone()} navigate={navigate.clone()} />
                <ChangesView old={docs_ok[0].clone()} new={docs_ok[1].clone()} versions={p.versions.clone()}
                    {lang} here={(*route).clone()} navigate={navigate.clone()} />
            </>
        },
    };
    html! {
        <div class="policy-lens" lang={lang.tag()} ref={root} data-testid="policy-lens">
            { body }
        </div>
    }
}
