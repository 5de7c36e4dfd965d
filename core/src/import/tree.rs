//! The outline: neutral nodes to a tree of sections. A line is a heading when markup says so,
//! when its numbering reads like a heading (`一、引言`, `（二）…`, `Part I`), when it is a short
//! bold line, or, in a policy with no other outline, when it is a short unnumbered line standing
//! before body text. Numbered sentences become list items.

use super::rich::{Node, Rich};
use crate::model::{Block, ListItem, Section};
use crate::numbering::{bullet, heading_level, is_heading, numbered, reads_as_heading, Style};

/// What one node is, once classified.
enum Kind {
    Heading {
        style: Style,
        label: Option<String>,
        text: Rich,
    },
    Item(Option<String>, Rich),
    Text(Rich),
    /// An article written on one line with its text (`第七条 您可以查阅、更正您的个人信息。`,
    /// `Article 5. We keep…`): a section headed by the label alone, the text its first paragraph.
    Article {
        style: Style,
        label: String,
        text: Rich,
    },
    Other,
}

/// Fewer headings than this from markup, numbering and bold, and short unnumbered lines
/// before body text are taken as headings too.
const PLAIN_HEADING_GATE: usize = 3;

/// Builds the section tree.
pub fn build(nodes: Vec<Node>) -> Vec<Section> {
    let mut kinds: Vec<Kind> = nodes.iter().map(classify).collect();
    let headings = kinds
        .iter()
        .filter(|k| matches!(k, Kind::Heading { .. } | Kind::Article { .. }))
        .count();
    if headings < PLAIN_HEADING_GATE {
        promote_plain_headings(&nodes, &mut kinds);
    }
    let mut flat = vec![Flat::default()];
    let mut styles: Vec<Style> = Vec::new();
    let mut items: Vec<ListItem> = Vec::new();
    for (node, kind) in nodes.into_iter().zip(kinds) {
        // A blank line between items keeps the list going.
        let list_goes_on = matches!(kind, Kind::Item(..)) || matches!(node, Node::Blank);
        if !list_goes_on {
            end_list(&mut flat, &mut items);
        }
        match (node, kind) {
            (_, Kind::Heading { style, label, text }) => {
                let level = heading_level(&mut styles, style);
                flat.push(Flat {
                    level,
                    label,
                    heading: (!text.text.is_empty()).then_some(text.text),
                    blocks: Vec::new(),
                });
            }
            (_, Kind::Article { style, label, text }) => {
                let level = heading_level(&mut styles, style);
                flat.push(Flat {
                    level,
                    label: Some(label),
                    heading: None,
                    blocks: vec![Block::Paragraph {
                        text: text.text,
                        marks: text.marks,
                    }],
                });
            }
            (_, Kind::Item(label, text)) => items.push(ListItem {
                label,
                text: text.text,
                marks: text.marks,
            }),
            (_, Kind::Text(r)) => push(
                &mut flat,
                Block::Paragraph {
                    text: r.text,
                    marks: r.marks,
                },
            ),
            (Node::List(list), _) => push(
                &mut flat,
                Block::List {
                    items: list_items(list),
                },
            ),
            (Node::Contents(list), _) => push(
                &mut flat,
                Block::Contents {
                    items: list_items(list),
                },
            ),
            (
                Node::Table {
                    header,
                    layout,
                    rows,
                },
                _,
            ) => push(
                &mut flat,
                Block::Table {
                    header,
                    layout,
                    rows,
                },
            ),
            _ => {}
        }
    }
    end_list(&mut flat, &mut items);
    if flat[0].blocks.is_empty() && flat.len() > 1 {
        flat.remove(0);
    }
    for f in &mut flat {
        title_under_label(f);
    }
    into_tree(flat)
}

/// A heading that is only a label ("Section 3", "第三条") takes its title from the short line
/// right under it ("How We Use Your Information") when more text follows: the pair is one
/// heading written on two lines. A line with marks, or one that reads as a sentence, stays text.
fn title_under_label(f: &mut Flat) {
    if f.label.is_none() || f.heading.is_some() || f.blocks.len() < 2 {
        return;
    }
    let Block::Paragraph { text, marks } = &f.blocks[0] else {
        return;
    };
    let t = text.trim();
    let short = t.chars().count() <= 60 && t.split_whitespace().count() <= 10;
    let sentence = t.ends_with([
        '。', '.', '!', '?', '！', '？', ':', '：', ';', '；', ',', '，',
    ]);
    let starts = t.starts_with(|c: char| c.is_uppercase() || crate::text::is_cjk_letter(c));
    if marks.is_empty() && short && !sentence && starts && t == text {
        let title = t.to_string();
        f.blocks.remove(0);
        f.heading = Some(title);
    }
}

fn list_items(list: Vec<(Option<String>, Rich)>) -> Vec<ListItem> {
    list.into_iter()
        .map(|(label, r)| ListItem {
            label,
            text: r.text,
            marks: r.marks,
        })
        .collect()
}

fn classify(node: &Node) -> Kind {
    match node {
        Node::Heading { level, text } => {
            let (label, text) = match numbered(&text.text) {
                Some(n) if !n.rest.is_empty() && !matches!(n.style, Style::Markdown(_)) => {
                    let (l, r) = text.split_label(n.label.len());
                    (Some(l), r)
                }
                _ => (None, text.clone()),
            };
            Kind::Heading {
                style: Style::Markdown(*level),
                label,
                text,
            }
        }
        Node::Line(r) => classify_line(r),
        _ => Kind::Other,
    }
}

fn classify_line(r: &Rich) -> Kind {
    let bold = r.all_strong();
    if let Some(n) = numbered(&r.text) {
        // Parts, chapters and articles always open a section; one whose text is a sentence
        // keeps the sentence as text, where the summary can find and quote it.
        let article = matches!(n.style, Style::Part | Style::Chapter | Style::Article);
        if article && !n.rest.is_empty() && !reads_as_heading(n.rest) {
            let (label, text) = r.split_label(n.label.len());
            if !label.is_empty() {
                return Kind::Article {
                    style: n.style,
                    label,
                    text,
                };
            }
        }
        let bold_heading = bold && reads_as_heading(n.rest.trim_end_matches(['：', ':']));
        if is_heading(&n) || bold_heading {
            let (label, text) = r.split_label(n.label.len());
            return Kind::Heading {
                style: n.style,
                label: (!label.is_empty()).then_some(label),
                text,
            };
        }
        if !n.rest.is_empty() && !matches!(n.style, Style::Markdown(_)) {
            let (label, text) = r.split_label(n.label.len());
            return Kind::Item(Some(label), text);
        }
    }
    if let Some((b, _)) = bullet(&r.text) {
        let (label, text) = r.split_label(b.len());
        return Kind::Item(Some(label), text);
    }
    // A bold date line ("Last updated June 20, 2024") is not a heading.
    if (bold || is_caps_heading(&r.text))
        && reads_as_heading(&r.text)
        && crate::entities::parse_date(&r.text).is_none()
    {
        return Kind::Heading {
            style: Style::Bold,
            label: None,
            text: Rich {
                text: r.text.clone(),
                marks: Vec::new(),
            },
        };
    }
    Kind::Text(r.clone())
}

/// A line in capitals, as English policies set their headings in plain text
/// (`INFORMATION WE COLLECT`, `SECURITY`): two words or one of six letters or more, all
/// letters upper case.
fn is_caps_heading(t: &str) -> bool {
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 6
        && t.chars().count() <= 80
        && (t.split_whitespace().count() >= 2
            || t.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '?' | ':' | '\'')))
        && t.chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_ascii_uppercase())
}

/// A short unnumbered line that could be a heading: no sentence end, no `key: value`, no date.
fn plain_candidate(node: &Node) -> bool {
    let Node::Line(r) = node else { return false };
    let t = r.text.trim();
    let n = t.chars().count();
    let cjk = t.chars().filter(|&c| crate::text::is_cjk_letter(c)).count();
    let limit = if cjk * 2 > n { 25 } else { 60 };
    n >= 2
        && n <= limit
        && reads_as_heading(t)
        && !t.contains([':', '：', '|'])
        && !t.ends_with(['）', ')'])
        && crate::entities::parse_date(t).is_none()
        && numbered(t).is_none()
        && bullet(t).is_none()
}

/// In a policy without an outline of its own: short unnumbered lines that stand alone (not in
/// a run of short lines, as flattened table cells do) before longer body text become headings.
fn promote_plain_headings(nodes: &[Node], kinds: &mut [Kind]) {
    let next_content = |i: usize| nodes[i + 1..].iter().find(|n| !matches!(n, Node::Blank));
    let prev_content = |i: usize| nodes[..i].iter().rev().find(|n| !matches!(n, Node::Blank));
    let mut promoted = 0;
    for i in 0..nodes.len() {
        if !matches!(kinds[i], Kind::Text(_)) || !plain_candidate(&nodes[i]) {
            continue;
        }
        let Node::Line(r) = &nodes[i] else { continue };
        // The first line of the document is its title, not a section.
        if prev_content(i).is_none() {
            continue;
        }
        let body_follows = match next_content(i) {
            Some(Node::Line(next)) => {
                !plain_candidate(next_content(i).unwrap_or(&Node::Blank))
                    && next.text.chars().count() > r.text.chars().count()
            }
            Some(Node::List(_) | Node::Table { .. }) => true,
            _ => false,
        };
        // Alone: not in a run of short lines, apart from the document's title above it.
        let prev_at = nodes[..i].iter().rposition(|n| !matches!(n, Node::Blank));
        let alone =
            prev_at.is_none_or(|j| !plain_candidate(&nodes[j]) || prev_content(j).is_none());
        if body_follows && alone {
            kinds[i] = Kind::Heading {
                style: Style::Plain,
                label: None,
                text: r.clone(),
            };
            promoted += 1;
        }
    }
    // One lone short line is not an outline.
    if promoted < 2 {
        for k in kinds.iter_mut() {
            if let Kind::Heading {
                style: Style::Plain,
                text,
                ..
            } = k
            {
                *k = Kind::Text(std::mem::take(text));
            }
        }
    }
}

/// Sections under construction: a flat list with levels, turned into a tree at the end.
#[derive(Default)]
struct Flat {
    level: usize,
    label: Option<String>,
    heading: Option<String>,
    blocks: Vec<Block>,
}

fn push(flat: &mut [Flat], b: Block) {
    if let Some(last) = flat.last_mut() {
        last.blocks.push(b);
    }
}

fn end_list(flat: &mut [Flat], items: &mut Vec<ListItem>) {
    if !items.is_empty() {
        push(
            flat,
            Block::List {
                items: std::mem::take(items),
            },
        );
    }
}

/// Turns the flat list into a tree with ids from the numbering path (`s1`, `s1-2`, ...).
fn into_tree(flat: Vec<Flat>) -> Vec<Section> {
    // Iterative: a stack of open sections, closed into their parent as levels drop.
    let mut roots: Vec<Section> = Vec::new();
    let mut open: Vec<(usize, Section)> = Vec::new();
    let mut counters: Vec<usize> = Vec::new();
    fn close(open: &mut Vec<(usize, Section)>, roots: &mut Vec<Section>) {
        if let Some((_, s)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.sections.push(s),
                None => roots.push(s),
            }
        }
    }
    for f in flat {
        if f.level == 0 {
            roots.push(Section {
                id: "preamble".into(),
                label: None,
                heading: None,
                blocks: f.blocks,
                sections: Vec::new(),
            });
            continue;
        }
        while open.last().is_some_and(|(l, _)| *l >= f.level) {
            close(&mut open, &mut roots);
        }
        let depth = open.len();
        counters.truncate(depth + 1);
        while counters.len() < depth + 1 {
            counters.push(0);
        }
        counters[depth] += 1;
        let id = format!(
            "s{}",
            counters
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("-")
        );
        open.push((
            f.level,
            Section {
                id,
                label: f.label,
                heading: f.heading,
                blocks: f.blocks,
                sections: Vec::new(),
            },
        ));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}
