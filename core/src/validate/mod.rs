//! Validation of version files: schema, ids, dates, provenance and consistency between the
//! versions of one policy. Every problem is reported, not just the first.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use serde_json::Value;

use crate::model::PolicyVersion;
use crate::text;

mod parse;
pub use parse::{parse_version, parse_version_unchecked};

/// One problem found in a version file.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Problem {
    /// The file (or other input name) at fault.
    pub file: String,
    /// JSON path of the value at fault, `$` for the whole document.
    pub path: String,
    /// Plain, lowercase message naming the bad value.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.path, self.message)
    }
}

/// Largest version file accepted, in bytes.
pub const MAX_FILE_BYTES: usize = 16 * 1024 * 1024;
/// Deepest section nesting accepted.
pub const MAX_DEPTH: usize = 32;

/// Checks one parsed version. Returns every problem found (empty when valid).
pub fn validate(file: &str, v: &PolicyVersion) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut push = |path: String, message: String| {
        out.push(Problem {
            file: file.to_string(),
            path,
            message,
        })
    };

    if !is_id(&v.id, false) {
        push(
            "$.id".into(),
            format!(
                "policy id {:?} must be lowercase letters, digits and '-'",
                v.id
            ),
        );
    }
    if !is_date(&v.version) {
        push(
            "$.version".into(),
            format!(
                "version {:?} is not a valid date (YYYY-MM-DD or YYYY-MM)",
                v.version
            ),
        );
    }
    if !is_language(&v.language) {
        push(
            "$.language".into(),
            format!(
                "language {:?} is not a BCP 47 tag such as 'en' or 'zh-CN'",
                v.language
            ),
        );
    }
    if v.title.trim().is_empty() {
        push("$.title".into(), "the title is empty".into());
    }
    for (name, d) in [
        ("updated", &v.dates.updated),
        ("effective", &v.dates.effective),
        ("released", &v.dates.released),
    ] {
        if let Some(d) = d {
            if !is_date(&d.date) {
                push(
                    format!("$.dates.{name}.date"),
                    format!("{:?} is not a valid date (YYYY-MM-DD or YYYY-MM)", d.date),
                );
            }
        }
    }
    if v.sections.is_empty() {
        push(
            "$.sections".into(),
            "there are no sections: the full text is missing".into(),
        );
    }

    // Section ids: well-formed and unique; nesting bounded.
    let mut seen = HashSet::new();
    let mut stack: Vec<(String, &crate::model::Section, usize)> = v
        .sections
        .iter()
        .enumerate()
        .map(|(i, s)| (format!("$.sections[{i}]"), s, 1))
        .collect();
    let mut ordered = Vec::new();
    while let Some((path, s, depth)) = stack.pop() {
        if depth > MAX_DEPTH {
            push(
                path.clone(),
                format!("sections nest {depth} deep, more than the limit of {MAX_DEPTH}"),
            );
            continue;
        }
        if !is_id(&s.id, true) {
            push(
                format!("{path}.id"),
                format!(
                    "section id {:?} must be ASCII letters, digits, '-' or '_'",
                    s.id
                ),
            );
        }
        if !seen.insert(s.id.clone()) {
            push(
                format!("{path}.id"),
                format!("duplicate section id {:?}", s.id),
            );
        }
        for (bi, b) in s.blocks.iter().enumerate() {
            if let crate::model::Block::Table { rows, .. } = b {
                if rows.is_empty() {
                    push(
                        format!("{path}.blocks[{bi}].rows"),
                        "the table has no rows".into(),
                    );
                }
            }
            let lines = b.lines();
            for (li, marks) in b.marks().enumerate() {
                let at = match b {
                    crate::model::Block::Paragraph { .. } => format!("{path}.blocks[{bi}].marks"),
                    _ => format!("{path}.blocks[{bi}].items[{li}].marks"),
                };
                let text = match b {
                    crate::model::Block::Paragraph { text, .. } => text.as_str(),
                    crate::model::Block::List { items }
                    | crate::model::Block::Contents { items } => items[li].text.as_str(),
                    crate::model::Block::Table { .. } => lines[li].as_str(),
                };
                for (mi, m) in marks.iter().enumerate() {
                    if let Some(problem) = mark_problem(m, text.chars().count()) {
                        push(format!("{at}[{mi}]"), problem);
                    }
                }
            }
        }
        ordered.push(path.clone());
        for (i, c) in s.sections.iter().enumerate().rev() {
            stack.push((format!("{path}.sections[{i}]"), c, depth + 1));
        }
    }

    // Provenance, coverage and links are checked on the JSON tree so that paths are exact.
    let tree = match serde_json::to_value(v) {
        Ok(t) => t,
        Err(e) => {
            push("$".into(), format!("could not re-read the version: {e}"));
            return out;
        }
    };
    let section_text: BTreeMap<&str, String> = v
        .all_sections()
        .into_iter()
        .map(|s| (s.id.as_str(), text::squash(&text::section_text(s))))
        .collect();
    let mut provenances = Vec::new();
    collect_provenance(&tree, "$".to_string(), &mut provenances);
    for (path, section, quote) in provenances {
        match section_text.get(section.as_str()) {
            None => push(
                format!("{path}.section"),
                format!("section {section:?} does not exist"),
            ),
            Some(t) => {
                let q = text::squash(&quote);
                if q.is_empty() {
                    push(format!("{path}.quote"), "the quote is empty".into());
                } else if !t.contains(&q) {
                    push(
                        format!("{path}.quote"),
                        format!("quote {:?} is not in section {section:?}", short(&quote)),
                    );
                }
            }
        }
    }
    if let Some(Value::Object(facets)) = tree.get("facets") {
        for (name, facet) in facets {
            let status = facet.get("status").and_then(Value::as_str).unwrap_or("");
            let n = facet
                .get("items")
                .and_then(Value::as_array)
                .map_or(0, Vec::len);
            if status == "stated" && n == 0 {
                push(
                    format!("$.facets.{name}"),
                    "status is 'stated' but there are no items".into(),
                );
            }
            if (status == "not_stated" || status == "source_missing") && n > 0 {
                push(
                    format!("$.facets.{name}"),
                    format!("status is '{status}' but there are {n} items"),
                );
            }
        }
    }
    for (i, s) in v.facets.sdks.items.iter().enumerate() {
        if let Some(link) = &s.link {
            if !is_safe_link(link) {
                push(
                    format!("$.facets.sdks.items[{i}].link"),
                    format!("link {link:?} must be an http or https URL"),
                );
            }
        }
    }
    out
}

fn collect_provenance(v: &Value, path: String, out: &mut Vec<(String, String, String)>) {
    match v {
        Value::Object(map) => {
            if let (Some(Value::String(s)), Some(Value::String(q)), 2) =
                (map.get("section"), map.get("quote"), map.len())
            {
                out.push((path, s.clone(), q.clone()));
                return;
            }
            if path == "$" {
                // The full text has no provenance; skip it for speed.
                for (k, c) in map {
                    if k != "sections" {
                        collect_provenance(c, format!("{path}.{k}"), out);
                    }
                }
                return;
            }
            for (k, c) in map {
                collect_provenance(c, format!("{path}.{k}"), out);
            }
        }
        Value::Array(a) => {
            for (i, c) in a.iter().enumerate() {
                collect_provenance(c, format!("{path}[{i}]"), out);
            }
        }
        _ => {}
    }
}

/// Checks the versions of one or more policies together: each policy keeps one language and
/// title family, and version ids are unique.
pub fn validate_set(files: &[(String, PolicyVersion)]) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut by_policy: BTreeMap<&str, Vec<&(String, PolicyVersion)>> = BTreeMap::new();
    for f in files {
        by_policy.entry(f.1.id.as_str()).or_default().push(f);
    }
    for (id, versions) in by_policy {
        let mut seen = HashSet::new();
        let lang = &versions[0].1.language;
        for (file, v) in versions.iter().map(|f| (&f.0, &f.1)) {
            if !seen.insert(v.version.as_str()) {
                out.push(Problem {
                    file: file.clone(),
                    path: "$.version".into(),
                    message: format!("policy {id:?} has version {:?} twice", v.version),
                });
            }
            if &v.language != lang {
                out.push(Problem {
                    file: file.clone(),
                    path: "$.language".into(),
                    message: format!(
                        "policy {id:?} is {lang:?} in one version and {:?} in this one",
                        v.language
                    ),
                });
            }
            let norm = file.replace('\\', "/");
            let expected = format!("{id}/{}.json", v.version);
            if norm.ends_with(".json") && norm.contains('/') && !norm.ends_with(&expected) {
                out.push(Problem {
                    file: file.clone(),
                    path: "$".into(),
                    message: format!(
                        "file should be named .../{expected} after its id and version"
                    ),
                });
            }
        }
    }
    out
}

fn short(s: &str) -> String {
    let mut t: String = s.chars().take(60).collect();
    if s.chars().count() > 60 {
        t.push('…');
    }
    t
}

fn is_id(s: &str, allow_underscore: bool) -> bool {
    !s.is_empty()
        && s.len() <= 80
        && s.chars().all(|c| {
            c.is_ascii_lowercase()
                || c.is_ascii_digit()
                || c == '-'
                || (allow_underscore && (c == '_' || c.is_ascii_uppercase()))
        })
}

/// `YYYY-MM-DD` or `YYYY-MM`, with a real month and day.
pub fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, n: usize| p.len() == n && p.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            if !(num(y, 4) && num(m, 2) && num(d, 2)) {
                return false;
            }
            let (y, m, d): (u32, u32, u32) = (
                y.parse().unwrap_or(0),
                m.parse().unwrap_or(0),
                d.parse().unwrap_or(0),
            );
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

fn is_language(s: &str) -> bool {
    let mut parts = s.split('-');
    let first = parts.next().unwrap_or("");
    (2..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// Links in policy data may only be http(s), mailto or tel, with something after the scheme.
pub fn is_safe_link(s: &str) -> bool {
    let l = s.trim().to_ascii_lowercase();
    ["https://", "http://", "mailto:", "tel:"]
        .iter()
        .any(|p| l.starts_with(p) && l.len() > p.len())
}

/// What is wrong with an inline mark over a text of `len` characters, if anything.
fn mark_problem(m: &crate::model::Mark, len: usize) -> Option<String> {
    use crate::model::MarkKind;
    if m.start >= m.end || m.end > len {
        return Some(format!(
            "mark range {}..{} is not inside the text ({len} characters)",
            m.start, m.end
        ));
    }
    match (&m.kind, &m.href) {
        (MarkKind::Link, None) => Some("a link mark needs an href".into()),
        (MarkKind::Link, Some(h)) if !is_safe_link(h) => Some(format!(
            "link {h:?} must be an http, https, mailto or tel URL"
        )),
        (MarkKind::Strong | MarkKind::Emphasis, Some(_)) => {
            Some("only link marks have an href".into())
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> String {
        r#"{"id":"demo","version":"2025-01-02","title":"Demo","language":"en","source":"test",
            "sections":[{"id":"s1","heading":"Contact","blocks":[{"type":"paragraph","text":"Email us at a@b.com."}]}],
            "facets":{"contacts":{"status":"stated","items":[{"kind":"email","value":"a@b.com",
              "source":{"section":"s1","quote":"Email us at a@b.com"}}]}}}"#
            .to_string()
    }

    #[test]
    fn minimal_version_is_valid() {
        parse_version("demo.json", minimal().as_bytes()).unwrap();
    }

    #[test]
    fn empty_binary_and_wrong_types_get_clear_messages() {
        let e = parse_version("a.json", b"").unwrap_err();
        assert_eq!(e[0].message, "the file is empty");
        let e = parse_version("a.json", &[0xff, 0xfe, 0x00, 0x80]).unwrap_err();
        assert!(e[0].message.contains("not UTF-8"), "{e:?}");
        let bad = minimal().replace(r#""title":"Demo""#, r#""title":3"#);
        let e = parse_version("a.json", bad.as_bytes()).unwrap_err();
        assert_eq!(e[0].path, "$.title");
        assert!(e[0].message.contains("invalid type"), "{e:?}");
    }

    #[test]
    fn unknown_field_is_named_with_its_path() {
        let bad = minimal().replace(r#""kind":"email""#, r#""kind":"email","colour":"red""#);
        let e = parse_version("a.json", bad.as_bytes()).unwrap_err();
        assert_eq!(e[0].path, "$.facets.contacts.items[0].colour");
        assert!(e[0].message.contains("unknown field `colour`"), "{e:?}");
    }

    #[test]
    fn missing_quote_and_duplicate_ids_are_all_reported() {
        let bad = minimal()
            .replace("Email us at a@b.com\"}", "Call us\"}")
            .replace("\"version\":\"2025-01-02\"", "\"version\":\"2025-02-30\"");
        let bad = bad.replace(r#"]}],"#, r#"]},{"id":"s1","heading":"Again"}],"#);
        let e = parse_version("a.json", bad.as_bytes()).unwrap_err();
        let msgs: Vec<String> = e
            .iter()
            .map(|p| format!("{}: {}", p.path, p.message))
            .collect();
        assert!(msgs.iter().any(|m| m.contains("$.version")), "{msgs:?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("duplicate section id \"s1\"")),
            "{msgs:?}"
        );
        assert!(
            msgs.iter().any(|m| m.starts_with(
                "$.facets.contacts.items[0].source.quote: quote \"Call us\" is not in section"
            )),
            "{msgs:?}"
        );
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let mut json = String::from(
            r#"{"id":"d","version":"2025-01","title":"t","language":"en","source":"x","sections":["#,
        );
        for i in 0..10_000 {
            json.push_str(&format!(r#"{{"id":"s{i}","sections":["#));
        }
        for _ in 0..10_000 {
            json.push_str("]}");
        }
        json.push_str("]}");
        let e = parse_version("deep.json", json.as_bytes()).unwrap_err();
        assert!(e[0].message.contains("recursion limit"), "{e:?}");
    }

    #[test]
    fn marks_must_lie_inside_their_text_and_link_safely() {
        use crate::model::{Block, Mark, MarkKind};
        let mut v: PolicyVersion = serde_json::from_str(&minimal()).unwrap();
        v.facets = Default::default();
        let mark = |kind, start, end, href: Option<&str>| Mark {
            kind,
            start,
            end,
            href: href.map(str::to_string),
        };
        v.sections[0].blocks = vec![Block::Paragraph {
            text: "加粗和链接".into(),
            marks: vec![
                mark(MarkKind::Strong, 0, 2, None),
                mark(MarkKind::Link, 3, 5, Some("https://example.com")),
            ],
        }];
        assert!(validate("f.json", &v).is_empty());
        v.sections[0].blocks = vec![Block::Paragraph {
            text: "加粗和链接".into(),
            marks: vec![
                mark(MarkKind::Strong, 0, 6, None),
                mark(MarkKind::Link, 3, 5, Some("javascript:alert(1)")),
                mark(MarkKind::Emphasis, 2, 2, None),
            ],
        }];
        let problems: Vec<String> = validate("f.json", &v)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert!(problems[0].contains("blocks[0].marks[0]"));
        assert!(problems[1].contains("javascript"));
    }

    #[test]
    fn dates_are_checked_for_real() {
        assert!(is_date("2024-02-29"));
        assert!(!is_date("2023-02-29"));
        assert!(is_date("2023-11"));
        assert!(!is_date("2023-13"));
        assert!(!is_date("11/2023"));
    }
}
