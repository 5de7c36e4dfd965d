//! The widget's state in one reducer: where the reader is (the route), which versions are
//! loaded, the host-given data (`src`) and whether the host was told the widget is ready.
//! Every change is an [`Action`]; the reducer is pure, and the effects (fetching, the URL,
//! events to the host) stay in the app, which dispatches what they bring back.

use std::rc::Rc;

use yew::Reducible;

use crate::data::{Doc, LoadError, Raw};
use crate::route::{PolicyRef, Route};

#[derive(Clone, PartialEq)]
pub struct State {
    route: Route,
    /// Versions loaded or failed, by `id/version`.
    docs: Keyed<Result<Doc, LoadError>>,
    /// Version files fetched but not read (the older side of a comparison), by `id/version`.
    files: Keyed<Result<Raw, LoadError>>,
    /// The host-given data once loaded: `None` while it loads (or when there is none).
    source: Option<Result<PolicyRef, LoadError>>,
}

pub enum Action {
    /// The reader (a link, back/forward) or the host (new options) moved the widget.
    Navigate(Route),
    /// A bundled version arrived, or could not be loaded.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Loaded {
        id: String,
        version: String,
        result: Result<Doc, LoadError>,
    },
    /// A bundled version's file arrived (not read), or could not be fetched.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Fetched {
        id: String,
        version: String,
        result: Result<Raw, LoadError>,
    },
    /// The host-given data arrived (its versions, oldest first), or could not be loaded.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    SourceLoaded(Result<Vec<Doc>, LoadError>),
}

fn key(id: &str, version: &str) -> String {
    format!("{id}/{version}")
}

/// Values by `id/version`: a list, not a hash map. A page holds a few versions, and each map
/// type would add its own hash-table code to the first module.
#[derive(Clone, PartialEq)]
struct Keyed<V>(Vec<(String, V)>);

impl<V> Keyed<V> {
    fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    fn insert(&mut self, key: String, value: V) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }
}

impl State {
    /// The state at mount: `preloaded` versions (SSR tests) count as loaded.
    pub fn new(route: Route, preloaded: &[Doc]) -> Self {
        State {
            route,
            docs: Keyed(
                preloaded
                    .iter()
                    .map(|d| (key(&d.id, &d.version), Ok(d.clone())))
                    .collect(),
            ),
            files: Keyed(Vec::new()),
            source: None,
        }
    }

    pub fn route(&self) -> &Route {
        &self.route
    }

    /// A version, once it is loaded or has failed.
    pub fn version(&self, id: &str, version: &str) -> Option<&Result<Doc, LoadError>> {
        self.docs.get(&key(id, version))
    }

    /// A version's file, once it is fetched (read or not) or has failed.
    pub fn file(&self, id: &str, version: &str) -> Option<Result<Raw, LoadError>> {
        let key = key(id, version);
        match self.docs.get(&key) {
            Some(read) => Some(read.as_ref().map(|d| d.file.clone()).map_err(Clone::clone)),
            None => self.files.get(&key).cloned(),
        }
    }

    /// The host-given data, once loaded.
    pub fn source(&self) -> Option<&Result<PolicyRef, LoadError>> {
        self.source.as_ref()
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        if matches!(&action, Action::Navigate(r) if *r == self.route) {
            return self;
        }
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::Navigate(route) => next.route = route,
            Action::Loaded {
                id,
                version,
                result,
            } => {
                next.docs.insert(key(&id, &version), result);
            }
            Action::Fetched {
                id,
                version,
                result,
            } => {
                next.files.insert(key(&id, &version), result);
            }
            Action::SourceLoaded(result) => {
                next.source = Some(result.map(|docs| {
                    let id = docs.first().map(|d| d.id.clone()).unwrap_or_default();
                    let versions = docs.iter().map(|d| d.version.clone()).collect();
                    for d in docs {
                        next.docs.insert(key(&d.id, &d.version), Ok(d));
                    }
                    PolicyRef::new(id, versions)
                }));
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zeekr_docs() -> (Doc, Doc) {
        let parse = |file, bytes| crate::data::parse(file, bytes).expect("bundled data is valid");
        (
            parse(
                "old.json",
                include_bytes!("../policies/zeekr/2025-11-10.json"),
            ),
            parse(
                "new.json",
                include_bytes!("../policies/zeekr/2025-12-31.json"),
            ),
        )
    }

    fn zeekr() -> Route {
        Route {
            policy: Some("zeekr".into()),
            ..Route::default()
        }
    }

    #[test]
    fn navigating_to_the_same_route_keeps_the_state() {
        let s = Rc::new(State::new(zeekr(), &[]));
        let same = Rc::clone(&s).reduce(Action::Navigate(zeekr()));
        assert!(Rc::ptr_eq(&s, &same));
        let moved = s.reduce(Action::Navigate(Route::default()));
        assert_eq!(*moved.route(), Route::default());
    }

    #[test]
    fn loaded_versions_and_failures_are_kept_by_policy_and_version() {
        let (a, _) = zeekr_docs();
        let s = Rc::new(State::new(zeekr(), std::slice::from_ref(&a)));
        assert!(matches!(s.version("zeekr", "2025-11-10"), Some(Ok(d)) if *d == a));
        assert!(s.version("zeekr", "2025-12-31").is_none());
        let err = LoadError {
            file: "x.json".into(),
            reasons: vec!["the server answered 404".into()],
        };
        let s = s.reduce(Action::Loaded {
            id: "zeekr".into(),
            version: "2025-12-31".into(),
            result: Err(err.clone()),
        });
        assert_eq!(s.version("zeekr", "2025-12-31"), Some(&Err(err)));
        assert!(
            s.version("zeekr", "2025-11-10").is_some(),
            "earlier loads stay"
        );
    }

    #[test]
    fn a_fetched_file_is_kept_apart_from_read_versions_and_a_read_one_has_its_file() {
        let (a, b) = zeekr_docs();
        let s = Rc::new(State::new(zeekr(), std::slice::from_ref(&b)));
        assert!(s.file("zeekr", "2025-11-10").is_none());
        let s = s.reduce(Action::Fetched {
            id: "zeekr".into(),
            version: "2025-11-10".into(),
            result: Ok(a.file.clone()),
        });
        assert!(matches!(s.file("zeekr", "2025-11-10"), Some(Ok(f)) if f == a.file));
        assert!(
            s.version("zeekr", "2025-11-10").is_none(),
            "a fetched file is not a read version"
        );
        assert!(matches!(s.file("zeekr", "2025-12-31"), Some(Ok(f)) if f == b.file));
    }

    #[test]
    fn host_data_becomes_a_policy_whose_versions_are_loaded() {
        let (a, b) = zeekr_docs();
        let s = Rc::new(State::new(Route::default(), &[]));
        assert!(s.source().is_none());
        let s = s.reduce(Action::SourceLoaded(Ok(vec![a, b])));
        let Some(Ok(p)) = s.source() else {
            panic!("no source")
        };
        assert_eq!(p.id, "zeekr");
        assert_eq!(*p.versions, ["2025-11-10", "2025-12-31"]);
        assert!(matches!(s.version("zeekr", "2025-12-31"), Some(Ok(_))));
        let failed = Rc::new(State::new(Route::default(), &[])).reduce(Action::SourceLoaded(Err(
            LoadError {
                file: "bad.json".into(),
                reasons: vec![],
            },
        )));
        assert!(matches!(failed.source(), Some(Err(e)) if e.file == "bad.json"));
    }
}
