//! Tables of contents. Real policies often open with a 目录 (or a link list in Markdown) that
//! repeats every heading; taken for headings, they would swallow the whole policy into the
//! last entry. A run of short lines or list items whose text comes again later, in order,
//! becomes one [`Node::Contents`]: kept as text, never sections.

use std::collections::HashMap;

use super::rich::{Node, Rich};
use crate::numbering::reads_as_heading;

/// Lines that title a table of contents.
const CONTENTS_TITLES: &[&str] = &["目录", "目 录", "contents", "tableofcontents", "索引"];

/// Longest entry, in characters.
const MAX_ENTRY_CHARS: usize = 80;

/// The comparison key of an entry or a heading: letters and digits only, lower case, without
/// its numbering label (a contents list may number `2.` what the heading numbers `II.`) and
/// without a trailing page number after dot leaders.
fn key(text: &str) -> String {
    let t = crate::numbering::strip_numbering(text.trim()).trim_end();
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
    // An entry reads like a heading: short, and no sentence inside (one closing stop is fine).
    let short = |r: &Rich| {
        let n = r.text.chars().count();
        let t = crate::numbering::strip_numbering(r.text.trim());
        let t = t
            .strip_suffix('.')
            .filter(|r| !r.contains(['.', '。', ';', '；']))
            .unwrap_or(t);
        n > 0 && n <= MAX_ENTRY_CHARS && !key(&r.text).is_empty() && reads_as_heading(t.trim())
    };
    match node {
        Node::Line(r) if short(r) => Some(vec![key(&r.text)]),
        Node::List(items) if items.iter().all(|(_, r)| short(r)) => {
            Some(items.iter().map(|(_, r)| key(&r.text)).collect())
        }
        _ => None,
    }
}

/// Everything that can be a heading, by key: the node indexes where each key stands, and the
/// keys in document order for the fuzzy match.
struct Headings {
    exact: HashMap<String, Vec<usize>>,
    ordered: Vec<(usize, String)>,
}

impl Headings {
    fn new(nodes: &[Node]) -> Headings {
        let mut exact: HashMap<String, Vec<usize>> = HashMap::new();
        let mut ordered = Vec::new();
        for (i, n) in nodes.iter().enumerate() {
            let text = match n {
                Node::Line(r) | Node::Heading { text: r, .. } => &r.text,
                _ => continue,
            };
            if text.chars().count() <= MAX_ENTRY_CHARS * 2 {
                let k = key(text);
                exact.entry(k.clone()).or_default().push(i);
                ordered.push((i, k));
            }
        }
        Headings { exact, ordered }
    }

    /// Where a heading with this key stands after node `after`: the same key, or, when
    /// `fuzzy`, a near one (contents entries are often worded a little differently).
    fn find_after(&self, k: &str, after: usize, fuzzy: bool) -> Option<usize> {
        if let Some(&p) = self
            .exact
            .get(k)
            .and_then(|at| at.iter().find(|&&p| p > after))
        {
            return Some(p);
        }
        if !fuzzy {
            return None;
        }
        let start = self.ordered.partition_point(|(p, _)| *p <= after);
        self.ordered[start..]
            .iter()
            .find(|(_, h)| dice(k, h) >= FUZZY_MATCH)
            .map(|(p, _)| *p)
    }
}

/// Bigram similarity from which a contents entry and a heading are taken as the same.
const FUZZY_MATCH: f64 = 0.7;

/// Dice coefficient of the character bigrams of two keys.
fn dice(a: &str, b: &str) -> f64 {
    let grams = |s: &str| {
        let cs: Vec<char> = s.chars().collect();
        let mut g: Vec<(char, char)> = cs.windows(2).map(|w| (w[0], w[1])).collect();
        g.sort_unstable();
        g
    };
    let (x, y) = (grams(a), grams(b));
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (x.len() + y.len()) as f64
}

/// Finds tables of contents and folds each into one [`Node::Contents`].
pub fn fold(nodes: Vec<Node>) -> Vec<Node> {
    let keys = Headings::new(&nodes);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < nodes.len() {
        match find_run(&nodes, &keys, i) {
            Ok(end) => {
                runs.push((i, end));
                i = end;
            }
            // A long run that failed is not retried from inside: that keeps the search linear.
            Err(scanned) => i = if scanned > i + 8 { scanned } else { i + 1 },
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

/// Most entries a table of contents has.
const MAX_ENTRIES: usize = 400;

/// A table of contents starting at node `start`: `Ok` with the index after its last node, or
/// `Err` with the index after the nodes looked at.
fn find_run(nodes: &[Node], headings: &Headings, start: usize) -> Result<usize, usize> {
    let titled = match &nodes[start] {
        Node::Line(r) | Node::Heading { text: r, .. } => is_contents_title(&r.text),
        _ => false,
    };
    let mut i = start + usize::from(titled);
    // (node, where its heading stands) for every entry of the run.
    let mut found: Vec<(usize, usize)> = Vec::new();
    let mut misses = 0;
    while i < nodes.len() {
        if matches!(nodes[i], Node::Blank) {
            i += 1;
            continue;
        }
        let Some(es) = entries(&nodes[i]) else { break };
        if found.len() + es.len() > MAX_ENTRIES {
            break;
        }
        // Every entry of the node must come again after it as a heading-like line; the
        // first exactly, later ones nearly. One entry that does not is let through.
        let fuzzy = titled || !found.is_empty();
        let at: Option<Vec<usize>> = es
            .iter()
            .map(|k| headings.find_after(k, i, fuzzy))
            .collect();
        match at {
            Some(at) => {
                found.extend(at.into_iter().map(|p| (i, p)));
                misses = 0;
            }
            None if !found.is_empty() && misses == 0 => misses += 1,
            None => break,
        }
        i += 1;
    }
    let entries_needed = if titled { 2 } else { 3 };
    let Some(end) = found.last().map(|(n, _)| n + 1) else {
        return Err(start + 1);
    };
    if found.len() < entries_needed {
        return Err(end);
    }
    // The later headings must come in the same order as the entries, mostly, after the run.
    let in_order = found.windows(2).filter(|w| w[0].1 < w[1].1).count() + 1;
    let after = found.iter().all(|(_, p)| *p >= end);
    // Headings have text between them; a list that comes again word for word (the same
    // bullets under two sections) has none.
    let next_to =
        |a: usize, b: usize| a < b && nodes[a + 1..b].iter().all(|n| matches!(n, Node::Blank));
    let adjacent = found.windows(2).filter(|w| next_to(w[0].1, w[1].1)).count();
    if adjacent * 5 >= (found.len() - 1) * 4 {
        return Err(end);
    }
    if after && in_order * 5 >= found.len() * 4 {
        Ok(end)
    } else {
        Err(end)
    }
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
    fn a_list_that_comes_again_is_no_contents() {
        let nodes = vec![
            line("Policy"),
            line("1. Orders"),
            line("We collect:"),
            line("• Your name"),
            line("• Your email address"),
            line("• Your delivery address"),
            line("2. Loyalty"),
            line("We collect:"),
            line("• Your name"),
            line("• Your email address"),
            line("• Your delivery address"),
        ];
        assert_eq!(fold(nodes.clone()), nodes);
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
