//! Tables of contents. Real policies often open with a 目录 (or a link list in Markdown) that
//! repeats every heading; taken for headings, they would swallow the whole policy into the
//! last entry. A run of short lines or list items whose text comes again later, in order,
//! becomes one [`Node::Contents`]: kept as text, never sections.

use std::collections::HashMap;

use super::rich::{Node, Rich};

/// Lines that title a table of contents.
const CONTENTS_TITLES: &[&str] = &["目录", "目 录", "contents", "tableofcontents", "索引"];

/// Longest entry, in characters.
const MAX_ENTRY_CHARS: usize = 80;

/// The comparison key of an entry or a heading: letters and digits only, lower case, without a
/// trailing page number after dot leaders.
fn key(text: &str) -> String {
    let t = text.trim_end();
    let without_page = t.trim_end_matches(|c: char| c.is_ascii_digit());
    let t = if without_page.len() < t.len()
        && without_page.ends_with(|c: char| c.is_whitespace() || ".·…‥-—".contains(c))
    {
        without_page.trim_end_matches(|c: char| c.is_whitespace() || ".·…‥-—".contains(c))
    } else {
        t
    };
    t.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn is_contents_title(text: &str) -> bool {
    let k = key(text);
    CONTENTS_TITLES.iter().any(|t| key(t) == k)
        || (text.chars().count() <= 40 && (text.ends_with("目录") || text.ends_with("目 录")))
}

/// The entries a node would contribute to a table of contents, or `None` if it cannot be one.
fn entries(node: &Node) -> Option<Vec<String>> {
    let short = |r: &Rich| {
        let n = r.text.chars().count();
        n > 0 && n <= MAX_ENTRY_CHARS && !key(&r.text).is_empty()
    };
    match node {
        Node::Line(r) if short(r) => Some(vec![key(&r.text)]),
        Node::List(items) if items.iter().all(|(_, r)| short(r)) => {
            Some(items.iter().map(|(_, r)| key(&r.text)).collect())
        }
        _ => None,
    }
}

/// The keys of everything that can be a heading, with the node index where each stands.
fn heading_keys(nodes: &[Node]) -> HashMap<String, Vec<usize>> {
    let mut map: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, n) in nodes.iter().enumerate() {
        let text = match n {
            Node::Line(r) | Node::Heading { text: r, .. } => &r.text,
            _ => continue,
        };
        if text.chars().count() <= MAX_ENTRY_CHARS * 2 {
            map.entry(key(text)).or_default().push(i);
        }
    }
    map
}

/// Finds tables of contents and folds each into one [`Node::Contents`].
pub fn fold(nodes: Vec<Node>) -> Vec<Node> {
    let keys = heading_keys(&nodes);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        match find_run(&nodes, &keys, i) {
            Some(end) => {
                runs.push((i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    if runs.is_empty() {
        return nodes;
    }
    let mut out = Vec::with_capacity(nodes.len());
    let mut run = runs.into_iter().peekable();
    let mut items = Vec::new();
    for (i, n) in nodes.into_iter().enumerate() {
        let inside = run.peek().is_some_and(|&(s, e)| s <= i && i < e);
        if !inside {
            out.push(n);
            continue;
        }
        match n {
            Node::Line(r) => items.push((None, r)),
            Node::List(list) => items.extend(list),
            Node::Heading { text, .. } => items.push((None, text)),
            _ => {}
        }
        if run.peek().is_some_and(|&(_, e)| i + 1 == e) {
            run.next();
            out.push(Node::Contents(std::mem::take(&mut items)));
        }
    }
    out
}

/// A table of contents starting at node `start`: returns the index after its last node.
fn find_run(nodes: &[Node], keys: &HashMap<String, Vec<usize>>, start: usize) -> Option<usize> {
    let titled = match &nodes[start] {
        Node::Line(r) | Node::Heading { text: r, .. } => is_contents_title(&r.text),
        _ => false,
    };
    let mut i = start + usize::from(titled);
    let mut found: Vec<(usize, String)> = Vec::new();
    while i < nodes.len() {
        if matches!(nodes[i], Node::Blank) {
            i += 1;
            continue;
        }
        let Some(es) = entries(&nodes[i]) else { break };
        // Every entry of the node must come again after it as a heading-like line.
        if !es
            .iter()
            .all(|k| keys.get(k).is_some_and(|at| at.iter().any(|&p| p > i)))
        {
            break;
        }
        found.extend(es.into_iter().map(|k| (i, k)));
        i += 1;
    }
    let entries_needed = if titled { 2 } else { 3 };
    if found.len() < entries_needed {
        return None;
    }
    let end = found.last().map(|(n, _)| n + 1)?;
    // The later headings must come in the same order as the entries, mostly.
    let mut last = end;
    let mut in_order = 0;
    for (_, k) in &found {
        if let Some(&p) = keys[k].iter().find(|&&p| p >= last) {
            in_order += 1;
            last = p;
        }
    }
    (in_order * 5 >= found.len() * 4).then_some(end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(t: &str) -> Node {
        Node::Line(Rich::plain(t))
    }

    #[test]
    fn a_contents_list_that_repeats_the_headings_is_folded() {
        let nodes = vec![
            line("XX隐私政策"),
            line("目录"),
            line("一、引言 ........ 1"),
            line("二、我们如何收集"),
            line("三、联系我们"),
            line("一、引言"),
            line("欢迎使用。"),
            line("二、我们如何收集"),
            line("我们收集手机号码。"),
            line("三、联系我们"),
            line("邮箱：a@b.cn"),
        ];
        let out = fold(nodes);
        assert_eq!(out.len(), 8);
        assert!(matches!(&out[1], Node::Contents(items) if items.len() == 4));
        assert_eq!(out[2], line("一、引言"));
    }

    #[test]
    fn headings_that_are_not_repeated_are_left_alone() {
        let nodes = vec![
            line("一、引言"),
            line("二、收集"),
            line("三、联系"),
            line("正文。"),
        ];
        assert_eq!(fold(nodes.clone()), nodes);
    }
}
