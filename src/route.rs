//! What the widget shows: policy, version, view, language and the changes pair. In full-page
//! and webview mode it lives in the URL query (`?policy=…&version=…&view=…&lang=…`); in an
//! embed it comes from attributes or `PolicyLens.mount` options. Parsing is pure and total:
//! any input gives a route, unknown keys are ignored, bad values are reported by the app.

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

fn encode(s: &str) -> String {
    let mut out = String::new();
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
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
}
