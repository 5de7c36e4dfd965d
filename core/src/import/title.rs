//! The policy's title: `--title`, else the first heading of the document, else the 《…》 name
//! a policy gives itself near its start (often at the head of its 目录), else its first short
//! line. Never a date line such as `更新时间：2024年…` or `Last updated: …`.

use super::rich::Node;
use crate::numbering::reads_as_heading;

/// Lines that carry dates or versions at the top of a policy, not its name.
const META_PREFIXES: &[&str] = &[
    "更新",
    "生效",
    "发布",
    "版本",
    "最近更新",
    "最新更新",
    "修订",
    "本版",
    "last updated",
    "last modified",
    "effective",
    "updated",
    "version",
    "date",
];

/// Words a document name contains when it names a policy.
const POLICY_WORDS: &[&str] = &[
    "政策",
    "协议",
    "声明",
    "指引",
    "规则",
    "条款",
    "policy",
    "notice",
    "statement",
    "terms",
];

/// How far into the document the title is looked for.
const LOOK_AHEAD: usize = 40;

fn is_meta(t: &str) -> bool {
    let lower = t.trim().to_lowercase();
    META_PREFIXES.iter().any(|p| lower.starts_with(p))
        || (lower.chars().count() < 60 && crate::entities::parse_date(&lower).is_some())
        || super::contents::is_contents_title(&lower)
}

/// The text inside the first 《…》 (or 「…」) that names a policy.
fn named_policy(t: &str) -> Option<String> {
    let mut rest = t;
    while let Some(open) = rest.find(['《', '「']) {
        let after = &rest[open + 3..];
        let close = after.find(['》', '」'])?;
        let name = after[..close].trim();
        let lower = name.to_lowercase();
        if POLICY_WORDS.iter().any(|w| lower.contains(w)) {
            return Some(name.to_string());
        }
        rest = &after[close..];
    }
    None
}

/// A name wrapped whole in 《…》 without its brackets.
fn unquoted(t: &str) -> String {
    t.strip_prefix('《')
        .and_then(|r| r.strip_suffix('》'))
        .filter(|r| !r.contains(['《', '》']))
        .unwrap_or(t)
        .to_string()
}

/// Chooses the title.
pub fn choose(given: Option<&str>, page_title: Option<&str>, nodes: &[Node]) -> String {
    if let Some(t) = given.map(str::trim).filter(|t| !t.is_empty()) {
        return t.to_string();
    }
    let texts: Vec<(bool, &str)> = nodes
        .iter()
        .filter_map(|n| match n {
            Node::Heading { text, .. } => Some((true, text.text.trim())),
            Node::Line(r) => Some((false, r.text.trim())),
            Node::Contents(items) | Node::List(items) => {
                items.first().map(|(_, r)| (false, r.text.trim()))
            }
            _ => None,
        })
        .filter(|(_, t)| !t.is_empty())
        .take(LOOK_AHEAD)
        .collect();
    if let Some((_, h)) = texts.iter().find(|(h, t)| *h && !is_meta(t)) {
        return unquoted(h);
    }
    for (_, t) in &texts {
        if is_meta(t) {
            if let Some(name) = named_policy(t) {
                return name;
            }
            continue;
        }
        if let Some(name) = named_policy(t).filter(|_| t.chars().count() <= 60) {
            return name;
        }
        if reads_as_heading(t) && t.chars().count() <= 80 {
            return unquoted(t);
        }
        break;
    }
    if let Some(name) = texts.iter().find_map(|(_, t)| named_policy(t)) {
        return name;
    }
    if let Some(t) = page_title.map(str::trim).filter(|t| !t.is_empty()) {
        return t.to_string();
    }
    texts
        .iter()
        .find(|(_, t)| !is_meta(t))
        .or(texts.first())
        .map(|(_, t)| t.chars().take(80).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::rich::Rich;

    fn lines(ts: &[&str]) -> Vec<Node> {
        ts.iter().map(|t| Node::Line(Rich::plain(*t))).collect()
    }

    #[test]
    fn a_date_line_is_never_the_title() {
        let n = lines(&[
            "更新时间：2024年3月1日",
            "生效时间：2024年3月8日",
            "《星河出行隐私政策》目录",
            "一、引言",
        ]);
        assert_eq!(choose(None, None, &n), "星河出行隐私政策");
        let n = lines(&[
            "Last updated: March 1, 2024",
            "Acme Privacy Policy",
            "We care.",
        ]);
        assert_eq!(choose(None, None, &n), "Acme Privacy Policy");
    }

    #[test]
    fn given_title_then_first_heading_win() {
        let mut n = lines(&["更新日期：2024年3月1日"]);
        n.push(Node::Heading {
            level: 1,
            text: Rich::plain("Acme Privacy Notice"),
        });
        assert_eq!(choose(None, Some("Acme - Home"), &n), "Acme Privacy Notice");
        assert_eq!(choose(Some("Given"), None, &n), "Given");
    }
}
