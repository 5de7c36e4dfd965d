//! The widget's root: keeps the [`State`], resolves the route against the bundled policies or
//! the host's data, loads the versions it needs, renders the view, keeps full-page mode in the
//! URL, and tells the host when it is ready or something failed.

use yew::prelude::*;

use crate::changes_slot::ChangesSlot;
use crate::data::{self, Doc, LoadError, Raw};
use crate::error_panel::ErrorPanel;
use crate::header::Header;
use crate::i18n::Lang;
use crate::route::{resolve, Need, PolicyRef, Route, Target, View};
use crate::start_page::StartPage;
use crate::state::{Action, State};
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
    /// The host shows only reviewed facts: machine suggestions are left out.
    #[prop_or_default]
    pub reviewed_only: bool,
    /// The summary's first layer only, without its sections: the build-time prerender
    /// (src/prerender_main.rs), which the widget replaces once it is ready.
    #[prop_or_default]
    pub first_layer_only: bool,
}

/// A needed version as the widget has it: read, or (the older side of a comparison) only
/// fetched.
enum Got {
    Read(Doc),
    File(Raw),
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let root = use_node_ref();
    let state = use_reducer_eq(|| State::new(props.route.clone(), &props.preloaded));
    use_source(props.src.clone(), state.dispatcher());
    use_host_route(props.route.clone(), state.dispatcher());
    use_history(props.full_page, state.dispatcher());
    let navigate = use_navigate(props.full_page, root.clone(), state.dispatcher());

    let route = state.route();
    let lang = route
        .lang
        .or_else(|| {
            crate::dom::navigator_language()
                .as_deref()
                .and_then(Lang::parse)
        })
        .unwrap_or_default();
    let s = lang.strings();
    let source_loading = props.src.is_some() && state.source().is_none();
    let given = match state.source() {
        Some(Ok(p)) => Some(p.clone()),
        _ => None,
    };
    // Memoised on what `resolve` reads (not the section, quote, change or language), so that
    // the versions list the views get keeps its identity while the reader moves inside a page.
    let place = Route {
        lang: None,
        section: None,
        quote: None,
        change: None,
        ..route.clone()
    };
    let target = use_memo(
        (place, given, source_loading),
        |(route, given, source_loading)| {
            if *source_loading {
                Target::Start
            } else {
                resolve(route, given.as_ref())
            }
        },
    );

    let needed = target.needed();
    use_loader(needed.clone(), props.base.clone(), state.clone());
    let got: Vec<Option<Result<Got, LoadError>>> = needed
        .iter()
        .map(|(id, v, need)| match need {
            Need::Read => state.version(id, v).map(|r| r.clone().map(Got::Read)),
            Need::File => state.file(id, v).map(|r| r.map(Got::File)),
        })
        .collect();
    let loading = source_loading || got.iter().any(Option::is_none);
    let errors: Vec<LoadError> = state
        .source()
        .and_then(|r| r.as_ref().err().cloned())
        .into_iter()
        .chain(
            got.iter()
                .flatten()
                .filter_map(|r| r.as_ref().err().cloned()),
        )
        .collect();
    // The changes view comes from the changes module: ready once it is on screen.
    let changes_shown = use_state_eq(|| false);
    // The summary is ready once its first layer, details included, is in the DOM; the full text
    // once its module has rendered it.
    let page_shown = use_state_eq(|| false);
    let waiting = loading
        || errors.is_empty()
            && match &*target {
                Target::Pair(..) => !*changes_shown,
                Target::One(..) => !*page_shown,
                _ => false,
            };
    let on_changes_shown = {
        let changes_shown = changes_shown.clone();
        use_callback((), move |(), _| changes_shown.set(true))
    };
    use_error_events(errors.clone(), root.clone());
    use_scroll_into_view(waiting, props.full_page, root.clone());

    let (mut read_docs, mut files) = (Vec::new(), Vec::new());
    for g in got.into_iter().flatten().flatten() {
        match g {
            Got::Read(d) => read_docs.push(d),
            Got::File(f) => files.push(f),
        }
    }
    // The changes module compares the versions as read, reviewed-only or not.
    let docs = read_docs.clone();
    let docs = use_memo((docs, props.reviewed_only), |(docs, reviewed)| {
        if *reviewed {
            docs.iter()
                .map(|d| d.with_version(policy_lens_core::reviewed_only(d)))
                .collect()
        } else {
            docs.clone()
        }
    });
    // Once ready on a summary that has a "What changed" tab, the changes module warms up on it.
    let warm = match &*target {
        Target::One(p, _) if p.versions.len() > 1 && route.view == View::Summary => {
            read_docs.first().cloned()
        }
        _ => None,
    };
    let ready = use_ready_signal(
        waiting,
        root.clone(),
        state.clone(),
        warm.map(|d| (d, lang)),
    );
    // The page's view says it is in the DOM: ready at once, from its effect, rather than from
    // this component's next render. Yew may yield to the browser between the two (after 16 ms
    // of work), and the frame drawn there lays out the whole first layer first: in alternating
    // loads, ready then came about 60 ms after the summary instead of about 10.
    let on_page_shown = {
        let page_shown = page_shown.clone();
        use_callback(ready, move |(), ready| {
            page_shown.set(true);
            ready.emit(());
        })
    };
    let here = route.clone();
    let body = match &*target {
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
                choices={version_choices(p, route)} navigate={navigate.clone()} />
        },
        Target::One(p, _) => {
            let doc = docs[0].clone();
            html! { <VersionPage {doc} versions={p.versions.clone()} remember={props.remember} {lang} {here} navigate={navigate.clone()} on_shown={on_page_shown} first_layer_only={props.first_layer_only} /> }
        }
        Target::Pair(p, ..) => html! {
            <>
                <Header versions={p.versions.clone()} doc={docs[0].clone()} {lang} here={here.clone()} navigate={navigate.clone()} />
                <ChangesSlot old={files[0].clone()} new={read_docs[0].clone()} versions={(*p.versions).clone()}
                    {lang} {here} navigate={navigate.clone()} reviewed_only={props.reviewed_only}
                    on_shown={on_changes_shown} />
            </>
        },
    };
    html! {
        <div class="policy-lens" lang={lang.tag()} ref={root} data-testid="policy-lens">
            { body }
        </div>
    }
}

/// The links of the "no such version" panel: every version, in the same view.
fn version_choices(p: &PolicyRef, here: &Route) -> Vec<(String, Route)> {
    p.versions
        .iter()
        .map(|v| {
            let to = Route {
                policy: Some(p.id.clone()),
                version: (here.view != View::Changes).then(|| v.clone()),
                view: here.view,
                lang: here.lang,
                ..Route::default()
            };
            (v.clone(), to)
        })
        .collect()
}

/// Navigation by the reader: the URL (full-page mode) and a `policy-lens:navigate` event for
/// the host, then the new route. The callback keeps its identity, so views do not re-render
/// just because the app did.
#[hook]
fn use_navigate(
    full_page: bool,
    root: NodeRef,
    dispatcher: UseReducerDispatcher<State>,
) -> Callback<Route> {
    use_callback(full_page, move |next: Route, full_page| {
        if *full_page {
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
        dispatcher.dispatch(Action::Navigate(next));
    })
}

/// A host changing the options (attributes, `update`) replaces the route.
#[hook]
fn use_host_route(route: Route, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(route, move |route| {
        dispatcher.dispatch(Action::Navigate(route.clone()))
    });
}

/// Back and forward in full-page mode.
#[hook]
fn use_history(full_page: bool, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(full_page, move |full_page| {
        #[cfg(target_arch = "wasm32")]
        let listener = full_page.then(|| {
            let window = gloo::utils::window();
            gloo::events::EventListener::new(&window, "popstate", move |_| {
                let route = Route::from_query(&crate::dom::location_query());
                dispatcher.dispatch(Action::Navigate(route));
            })
        });
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (full_page, dispatcher);
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(listener);
        }
    });
}

/// Host-given data: loaded once per URL and validated, then served like bundled versions.
#[hook]
fn use_source(src: Option<AttrValue>, dispatcher: UseReducerDispatcher<State>) {
    use_effect_with(src, move |src| {
        #[cfg(target_arch = "wasm32")]
        if let Some(url) = src.clone() {
            wasm_bindgen_futures::spawn_local(async move {
                let result = data::load_many(&url).await;
                dispatcher.dispatch(Action::SourceLoaded(result));
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (src, dispatcher);
    });
}

/// Fetches the bundled versions the route needs and has not loaded yet: reads those it
/// shows (from a file fetched earlier, when there is one), and only fetches the files of the
/// others.
#[hook]
fn use_loader(
    needed: Vec<(String, String, Need)>,
    base: AttrValue,
    state: UseReducerHandle<State>,
) {
    use_effect_with(needed, move |needed| {
        for (id, v, need) in needed {
            let read_too = || {
                needed
                    .iter()
                    .any(|(i, w, n)| (i, w, n) == (id, v, &Need::Read))
            };
            let have = match need {
                Need::Read => state.version(id, v).is_some(),
                Need::File => state.file(id, v).is_some() || read_too(),
            };
            if have {
                continue;
            }
            #[cfg(target_arch = "wasm32")]
            {
                let dispatcher = state.dispatcher();
                let url = format!("{base}{}", data::version_path(id, v));
                let (id, version) = (id.clone(), v.clone());
                let fetched = state.file(&id, &version).and_then(Result::ok);
                let need = *need;
                wasm_bindgen_futures::spawn_local(async move {
                    let action = match (need, fetched) {
                        (Need::Read, Some(file)) => Action::Loaded {
                            result: data::read(&url, file).await,
                            id,
                            version,
                        },
                        (Need::Read, None) => Action::Loaded {
                            result: data::load(&url, &id, &version).await,
                            id,
                            version,
                        },
                        (Need::File, _) => Action::Fetched {
                            result: data::fetch_file(&url, &id, &version).await,
                            id,
                            version,
                        },
                    };
                    dispatcher.dispatch(action);
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = &base;
        }
    });
}

/// Ready once the first complete render is in the DOM: `data-ready` and `policy-lens:ready`,
/// sent when `loading` turns false, or earlier through the returned callback (a view saying it
/// is in the DOM). The callback keeps its identity across renders, so the views given it do not
/// re-render for it.
#[hook]
fn use_ready_signal(
    loading: bool,
    root: NodeRef,
    state: UseReducerHandle<State>,
    warm: Option<(Doc, Lang)>,
) -> Callback<()> {
    // Sent once per widget. A flag, not reducer state: setting it must not re-render the
    // widget in the task right before the frame that shows it.
    let sent = use_mut_ref(|| false);
    // What the signal reads, as of the latest render.
    let latest = use_mut_ref(|| None);
    *latest.borrow_mut() = Some((root, state, warm));
    let send = {
        let sent = sent.clone();
        use_callback((), move |(), _| {
            if let Some((root, state, warm)) = &*latest.borrow() {
                if !sent.replace(true) {
                    send_ready(root, state, warm.as_ref());
                }
            }
        })
    };
    {
        let send = send.clone();
        use_effect_with(loading, move |loading| {
            if *loading && !*sent.borrow() {
                crate::dom::mark("first-render");
            }
            if !*loading {
                send.emit(());
            }
        });
    }
    send
}

/// Tells the host the widget is ready, and starts loading the other views' modules.
fn send_ready(root: &NodeRef, state: &UseReducerHandle<State>, warm: Option<&(Doc, Lang)>) {
    crate::dom::mark("ready");
    let route = state.route();
    crate::dom::signal_ready(
        root,
        &[
            ("view", route.view.as_str().to_string()),
            ("policy", route.policy.clone().unwrap_or_default()),
        ],
    );
    // The modules of the other views load in the background, so that the full text (a source
    // link, the tab) and "What changed" open at once: the smaller one first. On a summary with a
    // "What changed" tab, the changes module then runs a first comparison off screen, which
    // compiles its code.
    #[cfg(target_arch = "wasm32")]
    {
        use crate::module_slot::{preload, Module};
        preload(Module::Text, None);
        preload(
            Module::Changes,
            warm.map(|(doc, lang)| crate::changes_slot::warm_up(doc, *lang)),
        );
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = warm;
}

/// Errors are reported to the host too, as `policy-lens:error`.
#[hook]
fn use_error_events(errors: Vec<LoadError>, root: NodeRef) {
    use_effect_with(errors, move |errors| {
        for e in errors {
            crate::dom::emit(
                &root,
                "error",
                &[("reason", format!("{}: {}", e.file, e.reasons.join("; ")))],
            );
        }
    });
}

/// Brings into view, once the content exists, in full-page mode the URL fragment
/// (`#pl-s-s4-2`, `#pl-facet-rights`). The full text brings the quote of a provenance jump, or
/// else the section asked for, into view itself (src/text_module.rs).
#[hook]
fn use_scroll_into_view(loading: bool, full_page: bool, root: NodeRef) {
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
