//! Layer 3: the full text, with search (highlighted matches, a count, next and previous) and
//! the highlighted source quote of a provenance jump. Text is always rendered as text.

use std::cell::Cell;

use policy_lens_core::{
    is_safe_link, text::find_ignoring_whitespace, Block, Mark, MarkKind, Section,
};
use yew::prelude::*;

use crate::data::Doc;
use crate::i18n::Lang;

#[derive(Properties, PartialEq)]
pub struct FullTextProps {
    pub doc: Doc,
    pub lang: Lang,
    /// Provenance to highlight: section id and quote.
    #[prop_or_default]
    pub highlight: Option<(String, String)>,
}

/// The matches of `q` in `text`, left to right and not overlapping: ASCII case-insensitive,
/// so byte offsets stay valid. A plain scan rather than `str::match_indices`, whose two-way
/// searcher would add kilobytes to the first module; a query is a few bytes and a policy a few
/// hundred kilobytes, so a keystroke still costs well under a millisecond. A match of valid
/// UTF-8 in valid UTF-8 always starts and ends on character boundaries.
fn match_ranges(text: &str, q: &str) -> Vec<std::ops::Range<usize>> {
    let (hay, needle) = (text.as_bytes(), q.as_bytes());
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut at = 0;
    while at + needle.len() <= hay.len() {
        if hay[at..at + needle.len()].eq_ignore_ascii_case(needle) {
            out.push(at..at + needle.len());
            at += needle.len();
        } else {
            at += 1;
        }
    }
    out
}

/// The searchable strings of a section tree, in render order.
fn searchable(s: &Section, out: &mut Vec<String>) {
    if let Some(h) = &s.heading {
        out.push(h.clone());
    }
    for b in &s.blocks {
        match b {
            Block::Paragraph { text, .. } => out.push(text.clone()),
            Block::List { items } | Block::Contents { items } => {
                out.extend(items.iter().map(|i| i.text.clone()))
            }
            Block::Table { rows, .. } => out.extend(rows.iter().flatten().cloned()),
        }
    }
    for c in &s.sections {
        searchable(c, out);
    }
}

struct Ctx<'a> {
    query: &'a str,
    current: usize,
    counter: Cell<usize>,
}

impl Ctx<'_> {
    fn text(&self, text: &str) -> Html {
        let text = &*policy_lens_core::text::inert_bidi(text);
        let ranges = match_ranges(text, self.query);
        if ranges.is_empty() {
            return html! { { text.to_string() } };
        }
        let mut parts = Vec::new();
        let mut at = 0;
        for r in ranges {
            parts.push(html! { { text[at..r.start].to_string() } });
            let n = self.counter.get();
            self.counter.set(n + 1);
            let current = n == self.current;
            parts.push(html! {
                <mark class={if current { "pl-match pl-match-current" } else { "pl-match" }} data-match={n.to_string()}
                    data-current={current.then_some("true")}>{ text[r.clone()].to_string() }</mark>
            });
            at = r.end;
        }
        parts.push(html! { { text[at..].to_string() } });
        parts.into_iter().collect::<Html>()
    }

    /// Text with the provenance quote marked, when this is the quoted block.
    fn quoted(&self, text: &str, quote: Option<&str>) -> Html {
        self.rich(text, &[], quote)
    }

    /// Text with its bold, emphasis and link marks, and the provenance quote marked, when this
    /// is the quoted block. Marks are rendered as elements around text nodes, never as HTML.
    fn rich(&self, text: &str, marks: &[Mark], quote: Option<&str>) -> Html {
        if let Some(range) = quote.and_then(|q| find_ignoring_whitespace(text, q)) {
            return html! {
                <>
                    { self.marked(text, marks, 0..range.start) }
                    <mark class="pl-source-mark" data-testid="source-highlight" tabindex="-1">{ self.marked(text, marks, range.clone()) }</mark>
                    { self.marked(text, marks, range.end..text.len()) }
                </>
            };
        }
        self.marked(text, marks, 0..text.len())
    }

    /// The byte range `within` of `text`, cut where marks begin and end.
    fn marked(&self, text: &str, marks: &[Mark], within: std::ops::Range<usize>) -> Html {
        if marks.is_empty() {
            return self.text(&text[within]);
        }
        let byte_at: Vec<usize> = text
            .char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(text.len()))
            .collect();
        let to_byte = |c: usize| byte_at.get(c).copied().unwrap_or(text.len());
        let spans: Vec<(std::ops::Range<usize>, &Mark)> = marks
            .iter()
            .map(|m| (to_byte(m.start)..to_byte(m.end), m))
            .collect();
        let mut cuts: Vec<usize> = vec![within.start, within.end];
        for (r, _) in &spans {
            cuts.extend([r.start, r.end].into_iter().filter(|b| within.contains(b)));
        }
        policy_lens_core::small::sort_by_key(&mut cuts, |c| *c);
        cuts.dedup();
        cuts.windows(2)
            .map(|w| {
                let seg = w[0]..w[1];
                let mut out = self.text(&text[seg.clone()]);
                for (r, m) in &spans {
                    if r.start <= seg.start && seg.end <= r.end {
                        out = wrap(m, out);
                    }
                }
                out
            })
            .collect::<Html>()
    }
}

/// One mark around already rendered text. Links open in a new tab, tell nothing of the page
/// they come from, and only ever point where the validator allows (http, https, mailto, tel).
fn wrap(m: &Mark, inner: Html) -> Html {
    match (m.kind, m.href.as_deref()) {
        (MarkKind::Strong, _) => html! { <strong>{ inner }</strong> },
        (MarkKind::Emphasis, _) => html! { <em>{ inner }</em> },
        (MarkKind::Link, Some(href)) if is_safe_link(href) => html! {
            <a class="pl-link" href={href.to_string()} target="_blank" rel="noopener noreferrer nofollow">{ inner }</a>
        },
        (MarkKind::Link, _) => inner,
    }
}

fn render_section(s: &Section, depth: usize, ctx: &Ctx<'_>, hl: Option<&(String, String)>) -> Html {
    let quote = hl.filter(|(id, _)| *id == s.id).map(|(_, q)| q.as_str());
    // If the quote spans the heading, or cannot be found in one block, mark the whole section.
    let block_hit = quote.is_some_and(|q| {
        s.blocks
            .iter()
            .any(|b| find_ignoring_whitespace(&b.plain(), q).is_some())
            || s.heading
                .as_deref()
                .is_some_and(|h| find_ignoring_whitespace(h, q).is_some())
    });
    let level = (depth + 2).min(6);
    let title = html! {
        <>
            if let Some(l) = &s.label { if !l.starts_with('#') { <span class="pl-label">{ l.clone() }{ " " }</span> } }
            if let Some(h) = &s.heading { { ctx.quoted(h, quote) } }
        </>
    };
    let heading = match level {
        2 => html! { <h2>{ title }</h2> },
        3 => html! { <h3>{ title }</h3> },
        4 => html! { <h4>{ title }</h4> },
        5 => html! { <h5>{ title }</h5> },
        _ => html! { <h6>{ title }</h6> },
    };
    html! {
        <section id={format!("pl-s-{}", s.id)} class={if quote.is_some() && !block_hit { "pl-text-section pl-source-section" } else { "pl-text-section" }}
            data-section={s.id.clone()} data-testid={(quote.is_some() && !block_hit).then_some("source-highlight")}>
            if s.label.is_some() || s.heading.is_some() { { heading } }
            { for s.blocks.iter().map(|b| match b {
                Block::Paragraph { text, marks } => html! { <p>{ ctx.rich(text, marks, quote) }</p> },
                Block::List { items } | Block::Contents { items } => html! {
                    <ul class={if matches!(b, Block::Contents { .. }) { "pl-text-list pl-contents" } else { "pl-text-list" }}>
                        { for items.iter().map(|i| html! {
                            <li>
                                if let Some(l) = &i.label { <span class="pl-label">{ l.clone() }{ " " }</span> }
                                { ctx.rich(&i.text, &i.marks, quote) }
                            </li>
                        }) }
                    </ul>
                },
                Block::Table { header, rows, .. } => {
                    let (head, body) = if *header && !rows.is_empty() { (Some(&rows[0]), &rows[1..]) } else { (None, &rows[..]) };
                    html! {
                        <div class="pl-table-wrap" tabindex="0" role="region" aria-label="table">
                            <table class="pl-table">
                                if let Some(h) = head {
                                    <thead><tr>{ for h.iter().map(|c| html! { <th scope="col">{ ctx.text(c) }</th> }) }</tr></thead>
                                }
                                <tbody>
                                    { for body.iter().map(|r| html! {
                                        <tr>{ for r.iter().enumerate().map(|(i, c)| if i == 0 {
                                            html! { <th scope="row">{ ctx.quoted(c, quote) }</th> }
                                        } else {
                                            html! { <td>{ ctx.quoted(c, quote) }</td> }
                                        }) }</tr>
                                    }) }
                                </tbody>
                            </table>
                        </div>
                    }
                }
            }) }
            { for s.sections.iter().map(|c| render_section(c, depth + 1, ctx, hl)) }
        </section>
    }
}

#[component]
pub fn FullText(props: &FullTextProps) -> Html {
    let s = props.lang.strings();
    let root = use_node_ref();
    let query = use_state(String::new);
    let current = use_state(|| 0usize);
    let strings = use_memo(props.doc.clone(), |doc| {
        let mut out = Vec::new();
        for sec in &doc.sections {
            searchable(sec, &mut out);
        }
        out
    });
    let total: usize = strings.iter().map(|t| match_ranges(t, &query).len()).sum();
    let cur = if total == 0 { 0 } else { *current % total };

    let oninput = {
        let query = query.clone();
        let current = current.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            query.set(input.value());
            current.set(0);
        })
    };
    let step = |delta: isize| {
        let current = current.clone();
        Callback::from(move |_: MouseEvent| {
            if total > 0 {
                current.set(((cur as isize + delta).rem_euclid(total as isize)) as usize);
            }
        })
    };
    let onkeydown = {
        let current = current.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && total > 0 {
                e.prevent_default();
                let d: isize = if e.shift_key() { -1 } else { 1 };
                current.set(((cur as isize + d).rem_euclid(total as isize)) as usize);
            }
        })
    };
    {
        // Bring the current match into view.
        let key = (query.to_string(), cur);
        let root = root.clone();
        use_effect_with(key, move |(q, _)| {
            if !q.is_empty() {
                crate::dom::scroll_to(&root, "[data-current=\"true\"]");
            }
        });
    }
    let ctx = Ctx {
        query: &query,
        current: cur,
        counter: Cell::new(0),
    };
    let status = if query.is_empty() {
        String::new()
    } else if total == 0 {
        s.no_matches.to_string()
    } else {
        format!("{} / {} {}", cur + 1, total, s.matches)
    };
    html! {
        <section class="pl-full" part="full-text" data-testid="full-text" ref={root}>
            <div class="pl-search" role="search">
                <label for="pl-search-input" class="pl-visually-hidden">{ s.search }</label>
                <input id="pl-search-input" type="search" placeholder={s.search_placeholder} value={(*query).clone()}
                    {oninput} {onkeydown} data-testid="search-input" autocomplete="off" />
                <button type="button" class="pl-button" onclick={step(-1)} disabled={total == 0} data-testid="search-prev" aria-label={s.previous}>{ "↑" }</button>
                <button type="button" class="pl-button" onclick={step(1)} disabled={total == 0} data-testid="search-next" aria-label={s.next}>{ "↓" }</button>
                <span class="pl-search-status" role="status" aria-live="polite" data-testid="search-status">{ status }</span>
            </div>
            <article class="pl-text" lang={props.doc.language.clone()}>
                { for props.doc.sections.iter().map(|sec| render_section(sec, 0, &ctx, props.highlight.as_ref())) }
            </article>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::match_ranges;

    /// The old definition: lower-case both sides (ASCII only), then `match_indices`.
    fn by_std(text: &str, q: &str) -> Vec<std::ops::Range<usize>> {
        if q.is_empty() {
            return Vec::new();
        }
        let (hay, needle) = (text.to_ascii_lowercase(), q.to_ascii_lowercase());
        hay.match_indices(&needle)
            .map(|(i, m)| i..i + m.len())
            .collect()
    }

    #[test]
    fn finds_what_match_indices_finds() {
        let text = "We collect your Name. 我们收集您的姓名和姓名拼音。AAAA aa ÉÉ é Data data DATA";
        for q in [
            "name", "NAME", "姓名", "aa", "a", "é", "É", "data d", "", "x", "。AAAA", text,
        ] {
            assert_eq!(match_ranges(text, q), by_std(text, q), "query {q:?}");
        }
        for r in match_ranges(text, "姓名") {
            assert_eq!(&text[r], "姓名");
        }
    }
}
