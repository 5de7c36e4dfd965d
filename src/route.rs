//! What the widget shows: policy, version, view, language and the changes pair. In full-page
//! and webview mode it lives in the URL query (`?policy=…&version=…&view=…&lang=…`); in an
//! embed it comes from attributes or `PolicyLens.mount` options. Parsing is pure and total:
//! any input gives a route, unknown keys are ignored, bad values are reported by the app.
//! [`resolve`] then decides, just as purely, what a route shows.

use std::rc::Rc;

use crate::data::{self, BundledPolicy, Shared};
use crate::i18n::Lang;

/// The three views.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Summary,
    Changes,
    Full,
}

impl View {
    pub fn parse(s: &str) -> Option<View> {
        match s {
            "summary" => Some(View::Summary),
            "changes" => Some(View::Changes),
            "full" => Some(View::Full),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            View::Summary => "summary",
            View::Changes => "changes",
            View::Full => "full",
        }
    }
}

/// A place in the widget.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Route {
    pub policy: Option<String>,
    pub version: Option<String>,
    pub view: View,
    pub lang: Option<Lang>,
    pub from: Option<String>,
    pub to: Option<String>,
    /// A section to show (full text) or a change to focus (changes view).
    pub section: Option<String>,
    /// A quote to highlight inside `section` (the provenance jump).
    pub quote: Option<String>,
    pub change: Option<String>,
}

/// Longest value accepted for any key; longer values are cut, never trusted.
const MAX_VALUE: usize = 2000;

impl Route {
    /// Builds a route from key/value pairs (URL query, element attributes or options).
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, String)>) -> Route {
        let mut r = Route::default();
        for (k, v) in pairs {
            let v: String = v.chars().take(MAX_VALUE).collect();
            let v = v.trim().to_string();
            let opt = (!v.is_empty()).then(|| v.clone());
            match k {
                "policy" => r.policy = opt,
                "version" => r.version = opt,
                "view" => r.view = View::parse(&v).unwrap_or_default(),
                "lang" => r.lang = Lang::parse(&v),
                "from" => r.from = opt,
                "to" => r.to = opt,
                "section" => r.section = opt,
                "quote" => r.quote = opt,
                "change" => r.change = opt,
                _ => {}
            }
        }
        r
    }

    /// Parses a URL query string such as `?policy=zeekr&view=changes`.
    pub fn from_query(query: &str) -> Route {
        let q = query.strip_prefix('?').unwrap_or(query);
        let pairs: Vec<(String, String)> = q
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (decode(k), decode(v))
            })
            .collect();
        Route::from_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.clone())))
    }

    /// The URL query for this route (with leading `?`), omitting defaults.
    pub fn to_query(&self) -> String {
        let mut parts = Vec::new();
        let mut put = |k: &str, v: &Option<String>| {
            if let Some(v) = v {
                parts.push(format!("{k}={}", encode(v)));
            }
        };
        put("policy", &self.policy);
        put("version", &self.version);
        if self.view != View::Summary {
            put("view", &Some(self.view.as_str().to_string()));
        }
        put("lang", &self.lang.map(|l| l.tag().to_string()));
        put("from", &self.from);
        put("to", &self.to);
        put("section", &self.section);
        put("quote", &self.quote);
        put("change", &self.change);
        if parts.is_empty() {
            "?".into()
        } else {
            format!("?{}", parts.join("&"))
        }
    }
}

/// A policy the widget can show: bundled, or given by the host through `src`.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyRef {
    pub id: String,
    /// Oldest first. Shared, so that the views given them re-render only when they change.
    pub versions: Shared<Vec<String>>,
}

impl PolicyRef {
    pub fn new(id: String, versions: Vec<String>) -> Self {
        PolicyRef {
            id,
            versions: Shared(Rc::new(versions)),
        }
    }

    fn has(&self, version: &str) -> bool {
        self.versions.iter().any(|v| v == version)
    }
}

impl From<&BundledPolicy> for PolicyRef {
    fn from(p: &BundledPolicy) -> Self {
        PolicyRef::new(
            p.id.to_string(),
            p.versions.iter().map(|v| v.to_string()).collect(),
        )
    }
}

/// What a route resolves to.
#[derive(Debug, Clone, PartialEq)]
pub enum Target {
    /// No policy chosen: the list of bundled policies.
    Start,
    UnknownPolicy(String),
    UnknownVersion(PolicyRef, String),
    /// One version (summary or full text).
    One(PolicyRef, String),
    /// Two versions to compare, old then new.
    Pair(PolicyRef, String, String),
}

/// What the widget needs of a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Need {
    /// Read (decoded): the widget shows it.
    Read,
    /// Its file only: the older side of a comparison, which the changes module reads itself.
    File,
}

impl Target {
    /// The versions this target shows, as `(policy id, version, need)`, old before new. Of a
    /// pair, the widget reads the newer version (its header) and hands both files on.
    pub fn needed(&self) -> Vec<(String, String, Need)> {
        match self {
            Target::One(p, v) => vec![(p.id.clone(), v.clone(), Need::Read)],
            Target::Pair(p, a, b) => vec![
                (p.id.clone(), a.clone(), Need::File),
                (p.id.clone(), b.clone(), Need::Read),
            ],
            _ => Vec::new(),
        }
    }
}

/// Decides what `route` shows. `given` is the host's own data (through `src`): it answers a
/// route without a policy, or with its id; any other id is looked up among the bundled
/// policies. A missing version is the latest; a missing `to` is the latest and a missing
/// `from` the version before `to` (or `to` itself when there is none).
pub fn resolve(route: &Route, given: Option<&PolicyRef>) -> Target {
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
    if route.view == View::Changes {
        let to = route.to.clone().unwrap_or(latest);
        let from = route.from.clone().unwrap_or_else(|| {
            let i = p.versions.iter().position(|v| *v == to).unwrap_or(0);
            p.versions
                .get(i.saturating_sub(1))
                .cloned()
                .unwrap_or_default()
        });
        for v in [&from, &to] {
            if !p.has(v) {
                return Target::UnknownVersion(p, v.clone());
            }
        }
        return Target::Pair(p, from, to);
    }
    let v = route.version.clone().unwrap_or(latest);
    if !p.has(&v) {
        return Target::UnknownVersion(p, v);
    }
    Target::One(p, v)
}

/// Percent-encodes all but the unreserved characters. Without `format!` per byte: every
/// source link's address holds its quote, three escapes per CJK character.
fn encode(s: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(
                    std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"),
                    16,
                ) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_round_trips_with_cjk_and_reserved_characters() {
        let r = Route {
            policy: Some("zeekr".into()),
            version: Some("2025-11-10".into()),
            view: View::Full,
            lang: Some(Lang::Zh),
            section: Some("s4-2".into()),
            quote: Some("极物商城 & “运营”=?".into()),
            ..Route::default()
        };
        let q = r.to_query();
        assert!(
            q.starts_with("?policy=zeekr&version=2025-11-10&view=full&lang=zh-CN"),
            "{q}"
        );
        assert_eq!(Route::from_query(&q), r);
        assert_eq!(encode("a b&极~"), "a%20b%26%E6%9E%81~");
    }

    #[test]
    fn garbage_gives_a_default_route_not_a_panic() {
        for q in [
            "",
            "?",
            "?%",
            "?view=%zz&lang=xx&&=&policy",
            "?policy=%E4%B8",
            "?a=%",
            "?a=%4",
        ] {
            let r = Route::from_query(q);
            assert_eq!(r.view, View::Summary, "{q}");
        }
        assert_eq!(
            Route::from_query("?view=changes&from=a&to=b").view,
            View::Changes
        );
    }

    fn zeekr() -> Route {
        Route {
            policy: Some("zeekr".into()),
            ..Route::default()
        }
    }

    fn changes(from: Option<&str>, to: Option<&str>) -> Route {
        Route {
            view: View::Changes,
            from: from.map(Into::into),
            to: to.map(Into::into),
            ..zeekr()
        }
    }

    fn pair(target: Target) -> (String, String) {
        match target {
            Target::Pair(p, a, b) if p.id == "zeekr" => (a, b),
            other => panic!("not a zeekr pair: {other:?}"),
        }
    }

    fn host(id: &str, versions: &[&str]) -> PolicyRef {
        PolicyRef::new(id.into(), versions.iter().map(|v| v.to_string()).collect())
    }

    #[test]
    fn no_policy_is_the_start_page() {
        assert_eq!(resolve(&Route::default(), None), Target::Start);
    }

    #[test]
    fn a_bad_policy_id_is_unknown() {
        let r = Route {
            policy: Some("nope".into()),
            ..Route::default()
        };
        assert_eq!(resolve(&r, None), Target::UnknownPolicy("nope".into()));
    }

    #[test]
    fn a_bad_version_is_unknown_and_names_the_policy() {
        let r = Route {
            version: Some("1999-01-01".into()),
            ..zeekr()
        };
        match resolve(&r, None) {
            Target::UnknownVersion(p, v) => {
                assert_eq!((p.id.as_str(), v.as_str()), ("zeekr", "1999-01-01"));
                assert_eq!(*p.versions, ["2025-11-10", "2025-12-31"]);
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_version_defaults_to_the_latest() {
        assert!(
            matches!(resolve(&zeekr(), None), Target::One(p, v) if p.id == "zeekr" && v == "2025-12-31")
        );
        let r = Route {
            version: Some("2025-11-10".into()),
            view: View::Full,
            ..zeekr()
        };
        assert!(matches!(resolve(&r, None), Target::One(_, v) if v == "2025-11-10"));
    }

    #[test]
    fn changes_without_from_and_to_compare_the_latest_with_the_one_before() {
        assert_eq!(
            pair(resolve(&changes(None, None), None)),
            ("2025-11-10".into(), "2025-12-31".into())
        );
    }

    #[test]
    fn a_missing_from_is_the_version_before_to_or_to_itself() {
        assert_eq!(
            pair(resolve(&changes(None, Some("2025-12-31")), None)),
            ("2025-11-10".into(), "2025-12-31".into())
        );
        assert_eq!(
            pair(resolve(&changes(None, Some("2025-11-10")), None)),
            ("2025-11-10".into(), "2025-11-10".into())
        );
    }

    #[test]
    fn a_missing_to_is_the_latest() {
        assert_eq!(
            pair(resolve(&changes(Some("2025-11-10"), None), None)),
            ("2025-11-10".into(), "2025-12-31".into())
        );
    }

    #[test]
    fn a_bad_from_or_to_is_an_unknown_version() {
        for (from, to, bad) in [
            (Some("x"), None, "x"),
            (None, Some("y"), "y"),
            (Some("2025-11-10"), Some("z"), "z"),
        ] {
            match resolve(&changes(from, to), None) {
                Target::UnknownVersion(p, v) => assert_eq!((p.id, v), ("zeekr".into(), bad.into())),
                other => panic!("{from:?} {to:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn changes_of_a_single_version_policy_compare_it_with_itself() {
        let r = Route {
            policy: Some("kaiyang".into()),
            view: View::Changes,
            ..Route::default()
        };
        assert!(matches!(resolve(&r, None), Target::Pair(_, a, b) if a == "2022-09-15" && b == a));
    }

    #[test]
    fn host_data_answers_a_route_without_a_policy_or_with_its_id() {
        let given = host("acme", &["2024-01-01", "2024-06-01"]);
        assert_eq!(
            resolve(&Route::default(), Some(&given)),
            Target::One(given.clone(), "2024-06-01".into())
        );
        let r = Route {
            policy: Some("acme".into()),
            view: View::Changes,
            ..Route::default()
        };
        assert_eq!(
            resolve(&r, Some(&given)),
            Target::Pair(given.clone(), "2024-01-01".into(), "2024-06-01".into())
        );
        // Another id is looked up among the bundled policies.
        assert!(matches!(resolve(&zeekr(), Some(&given)), Target::One(p, _) if p.id == "zeekr"));
    }

    #[test]
    fn the_place_inside_a_page_does_not_change_the_target() {
        // The app memoises the target on the route without these fields.
        for view in [View::Summary, View::Changes, View::Full] {
            let bare = Route { view, ..zeekr() };
            let inside = Route {
                lang: Some(Lang::Zh),
                section: Some("s4".into()),
                quote: Some("q".into()),
                change: Some("c1".into()),
                ..bare.clone()
            };
            assert_eq!(
                format!("{:?}", resolve(&bare, None)),
                format!("{:?}", resolve(&inside, None))
            );
        }
    }

    #[test]
    fn a_target_needs_its_versions_old_first() {
        let given = host("acme", &["a", "b"]);
        assert_eq!(Target::Start.needed(), []);
        assert_eq!(
            Target::Pair(given.clone(), "a".into(), "b".into()).needed(),
            [
                ("acme".into(), "a".into(), Need::File),
                ("acme".into(), "b".into(), Need::Read)
            ]
        );
        assert_eq!(
            Target::One(given, "b".into()).needed(),
            [("acme".to_string(), "b".to_string(), Need::Read)]
        );
    }
}
