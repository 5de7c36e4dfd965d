//! A saved HTML page to the neutral form through html5ever (via scraper): headings,
//! paragraphs, lists, tables, bold, emphasis, safe links and line breaks are kept; scripts,
//! styles, navigation, page header and footer chrome, forms and hidden elements are dropped.
//! Entities are decoded by the parser. The walk is iterative, so deep nesting cannot overflow.

use ego_tree::iter::Edge;
use scraper::{Html, Node as HtmlNode};

use super::chrome::{content_root, hidden, is_chrome, letters, DROPPED};
use super::rich::{allowed_href, Node, Rich, RichBuilder};
use crate::model::{MarkKind, TableLayout};
use crate::text::{collapse, is_cjk_letter};

/// Elements that end a line of text before and after them.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "blockquote",
    "pre",
    "dl",
    "dt",
    "dd",
    "figure",
    "figcaption",
    "address",
    "center",
    "hr",
    "body",
    "html",
    "header",
    "footer",
    "aside",
    "details",
    "summary",
    "caption",
];

/// The page's title and its nodes.
pub struct Page {
    pub title: Option<String>,
    pub nodes: Vec<Node>,
}

/// Reads an HTML document.
pub fn read(text: &str) -> Page {
    let doc = Html::parse_document(text);
    let title = doc
        .tree
        .root()
        .descendants()
        .find(|n| n.value().as_element().is_some_and(|e| e.name() == "title"))
        .map(|n| {
            collapse(
                &n.descendants()
                    .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
                    .collect::<String>(),
            )
        })
        .filter(|t| !t.is_empty());
    let root = content_root(&doc).unwrap_or_else(|| doc.tree.root());
    let mut w = Walker {
        page_chars: letters(root),
        ..Walker::default()
    };
    for edge in root.traverse() {
        match edge {
            Edge::Open(n) => w.open(n),
            Edge::Close(n) => w.close(n),
        }
    }
    w.flush();
    Page {
        title,
        nodes: w.out,
    }
}

/// Reads a piece of HTML inside another document (an HTML block in Markdown) as a page body:
/// the same elements are kept and dropped.
pub fn read_fragment(text: &str) -> Vec<Node> {
    let doc = Html::parse_fragment(text);
    let mut w = Walker {
        page_chars: letters(doc.tree.root()),
        ..Walker::default()
    };
    for edge in doc.tree.root().traverse() {
        match edge {
            Edge::Open(n) => w.open(n),
            Edge::Close(n) => w.close(n),
        }
    }
    w.flush();
    w.out
}

/// Decodes HTML character references (`&amp;`, `&#x4e2d;`) in a piece of text.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    Html::parse_fragment(s).root_element().text().collect()
}

#[derive(Default)]
struct Walker {
    out: Vec<Node>,
    b: RichBuilder,
    skip: usize,
    pre: usize,
    heading: Option<u8>,
    /// Open lists: the numbering of an `<ol>` (its `type`: `1`, `a`, `A`, `i`, `I`) and its
    /// next number, `None` for a `<ul>`.
    lists: Vec<(Option<char>, u64)>,
    items: Vec<(Option<String>, Rich)>,
    item_label: Option<String>,
    table: Vec<TableState>,
    /// Whitespace seen but not yet written (collapsed to one space, or none between CJK).
    space: bool,
    /// The letters of the part of the page read (not whitespace): a named header or footer
    /// is chrome only while it is small beside it.
    page_chars: usize,
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    header: bool,
    in_cell: bool,
    /// The open cell's `colspan` and `rowspan`.
    span: (usize, usize),
    /// Cells of rows above that reach down into later rows: (column, columns, rows left).
    down: Vec<(usize, usize, usize)>,
    /// Every cell of the first row so far is bold: a header row set in `<td><b>`.
    head_bold: bool,
    /// Inside the table's `<caption>`: its text is a line before the table.
    in_caption: bool,
}

impl TableState {
    /// Leaves the columns that cells of rows above cover empty, up to the next free one (or
    /// to the end of the row): a spanning cell's text stands once, and the other cells of the
    /// row keep their columns.
    fn skip_covered(&mut self, to_end: bool) {
        loop {
            let col = self.row.len();
            let Some(k) = self
                .down
                .iter()
                .position(|&(c, _, left)| left > 0 && c == col)
            else {
                if to_end && self.down.iter().any(|&(c, _, left)| left > 0 && c > col) {
                    self.row.push(String::new());
                    continue;
                }
                return;
            };
            let (_, width, _) = self.down[k];
            self.down[k].2 -= 1;
            self.row.extend(std::iter::repeat_n(String::new(), width));
        }
    }
}

fn doc_title(e: &scraper::node::Element) -> bool {
    e.classes().any(|c| c == "title")
}

/// The address Cloudflare's `data-cfemail` hides: hex bytes, each XORed with the first.
fn cloudflare_email(hex: &str) -> Option<String> {
    let bytes: Vec<u8> = (0..hex.len() / 2)
        .map(|i| u8::from_str_radix(hex.get(2 * i..2 * i + 2)?, 16).ok())
        .collect::<Option<_>>()?;
    let (key, rest) = bytes.split_first()?;
    let plain: Vec<u8> = rest.iter().map(|b| b ^ key).collect();
    String::from_utf8(plain)
        .ok()
        .filter(|a| a.contains('@') && !a.chars().any(char::is_control))
}

/// A cell's `colspan` or `rowspan`: 1 when missing or odd, at most 100 (browsers cap rows at
/// 65534 and columns at 1000; a text table needs no more).
fn span(e: &scraper::node::Element, name: &str) -> usize {
    e.attr(name)
        .and_then(|v| v.trim().parse::<usize>().ok())
        .map_or(1, |n| n.clamp(1, 100))
}

impl Walker {
    fn open(&mut self, n: ego_tree::NodeRef<'_, HtmlNode>) {
        if self.skip > 0 {
            if n.value().is_element() {
                self.skip += 1;
            }
            return;
        }
        match n.value() {
            HtmlNode::Text(t) => self.text(t),
            HtmlNode::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) || hidden(e) || is_chrome(n, name, self.page_chars) {
                    self.skip = 1;
                    return;
                }
                // Cloudflare's e-mail protection: a saved page shows "[email protected]" where
                // the reader's browser shows the address, which the attribute holds.
                if let Some(address) = e.attr("data-cfemail").and_then(cloudflare_email) {
                    self.text(&address);
                    self.skip = 1;
                    return;
                }
                match name {
                    "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                        self.flush();
                        self.heading = name[1..].parse().ok();
                    }
                    // Google Docs exports set the document's title as `<p class="title">`.
                    "p" if doc_title(e) && self.heading.is_none() && self.table.is_empty() => {
                        self.flush();
                        self.heading = Some(1);
                    }
                    // An accordion's summary is its part's heading: bold, so that it reads
                    // as one when it is short.
                    "summary" => {
                        self.block_edge();
                        self.b.open(MarkKind::Strong, None);
                    }
                    "br" => self.line_break(),
                    // A list inside a table cell stays in the cell: its items are the
                    // cell's lines (joined with spaces, as a cell is one line).
                    "ul" | "ol" | "li" if self.in_cell() && self.item_label.is_none() => {
                        self.space = true;
                    }
                    "ul" | "ol" => {
                        self.flush_item();
                        self.flush();
                        let start = e.attr("start").and_then(|s| s.parse().ok()).unwrap_or(1);
                        let kind = (name == "ol").then(|| {
                            e.attr("type")
                                .and_then(|t| t.trim().chars().next())
                                .filter(|c| matches!(c, 'a' | 'A' | 'i' | 'I'))
                                .unwrap_or('1')
                        });
                        self.lists.push((kind, start));
                    }
                    "li" => {
                        self.flush_item();
                        let label = match self.lists.last_mut() {
                            Some((Some(kind), n)) => {
                                let value = e.attr("value").and_then(|v| v.trim().parse().ok());
                                let l = ol_label(*kind, value.unwrap_or(*n));
                                *n = value.unwrap_or(*n) + 1;
                                l
                            }
                            _ => "•".to_string(),
                        };
                        self.item_label = Some(label);
                    }
                    "table" => {
                        self.flush();
                        self.table.push(TableState {
                            head_bold: true,
                            ..TableState::default()
                        });
                    }
                    "tr" => {
                        if let Some(t) = self.table.last_mut() {
                            t.row.clear();
                        }
                    }
                    "td" | "th" => {
                        if let Some(t) = self.table.last_mut() {
                            t.skip_covered(false);
                            t.span = (span(e, "colspan"), span(e, "rowspan"));
                            t.in_cell = true;
                            if name == "th" && t.rows.is_empty() {
                                t.header = true;
                            }
                        }
                    }
                    "caption" => {
                        self.flush();
                        if let Some(t) = self.table.last_mut() {
                            t.in_caption = true;
                        }
                    }
                    "strong" | "b" => self.b.open(MarkKind::Strong, None),
                    "em" | "i" => self.b.open(MarkKind::Emphasis, None),
                    "a" => {
                        let href = e
                            .attr("href")
                            .filter(|h| allowed_href(h))
                            .map(|h| h.trim().to_string());
                        self.b.open(MarkKind::Link, href);
                    }
                    "pre" => {
                        self.flush();
                        self.pre += 1;
                    }
                    _ if BLOCKS.contains(&name) => self.block_edge(),
                    _ => {}
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, n: ego_tree::NodeRef<'_, HtmlNode>) {
        if self.skip > 0 {
            if n.value().is_element() {
                self.skip -= 1;
            }
            return;
        }
        let HtmlNode::Element(e) = n.value() else {
            return;
        };
        let name = e.name();
        let title = name == "p" && doc_title(e) && self.heading == Some(1);
        match name {
            "summary" => {
                self.b.close(MarkKind::Strong);
                self.block_edge();
            }
            _ if title || matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6") => {
                let rich = self.b.take();
                let level = self.heading.take().unwrap_or(1);
                if !rich.text.is_empty() {
                    self.out.push(Node::Heading { level, text: rich });
                }
                self.space = false;
            }
            "ul" | "ol" | "li" if self.in_cell() && self.item_label.is_none() => {
                self.space = true;
            }
            "li" => self.flush_item(),
            "ul" | "ol" => {
                self.flush_item();
                self.lists.pop();
                if self.lists.is_empty() && !self.items.is_empty() {
                    self.out.push(Node::List(std::mem::take(&mut self.items)));
                }
            }
            "td" | "th" => {
                let rich = self.b.take();
                let bold = rich.text.trim().is_empty() || rich.all_strong();
                let cell = rich.text;
                self.space = false;
                if let Some(t) = self.table.last_mut() {
                    if t.rows.is_empty() {
                        t.head_bold = t.head_bold && bold;
                    }
                    let col = t.row.len();
                    let (width, height) = t.span;
                    t.row.push(cell.replace('\n', " "));
                    t.row.extend(std::iter::repeat_n(String::new(), width - 1));
                    if height > 1 {
                        t.down.retain(|&(c, _, left)| left > 0 && c != col);
                        t.down.push((col, width, height - 1));
                    }
                    t.in_cell = false;
                }
            }
            "tr" => {
                if let Some(t) = self.table.last_mut() {
                    t.skip_covered(true);
                    let row = std::mem::take(&mut t.row);
                    if row.iter().any(|c| !c.is_empty()) {
                        t.rows.push(row);
                    }
                }
            }
            "table" => {
                if let Some(t) = self.table.pop() {
                    if !t.rows.is_empty() {
                        // A first row of bold cells over others is a header too.
                        let bold_head = t.head_bold
                            && t.rows.len() > 1
                            && t.rows[0].iter().any(|c| !c.trim().is_empty());
                        let width = t.rows.iter().map(Vec::len).max().unwrap_or(0);
                        let rows = t
                            .rows
                            .into_iter()
                            .map(|mut r| {
                                r.resize(width, String::new());
                                r
                            })
                            .collect();
                        self.out.push(Node::Table {
                            header: t.header || bold_head,
                            layout: TableLayout::Pipe,
                            rows,
                        });
                    }
                }
            }
            "caption" => {
                self.flush();
                if let Some(t) = self.table.last_mut() {
                    t.in_caption = false;
                }
            }
            "strong" | "b" => self.b.close(MarkKind::Strong),
            "em" | "i" => self.b.close(MarkKind::Emphasis),
            "a" => self.b.close(MarkKind::Link),
            "pre" => {
                self.flush();
                self.pre = self.pre.saturating_sub(1);
            }
            _ if BLOCKS.contains(&name) => self.block_edge(),
            _ => {}
        }
    }

    fn in_cell(&self) -> bool {
        self.table.last().is_some_and(|t| t.in_cell)
    }

    fn text(&mut self, t: &str) {
        if self
            .table
            .last()
            .is_some_and(|t| !t.in_cell && !t.in_caption)
        {
            return; // whitespace between table rows
        }
        if self.pre > 0 {
            for (k, line) in t.split('\n').enumerate() {
                if k > 0 {
                    self.line_break();
                }
                self.b.push(line);
            }
            return;
        }
        let mut first = true;
        for word in t.split(|c: char| c.is_ascii_whitespace() || c == '\u{a0}') {
            if !first {
                self.space = true;
            }
            first = false;
            if word.is_empty() {
                continue;
            }
            if self.space && !self.b.ends_with_space() {
                let cjk_join = self.b.last_char().is_some_and(is_cjk_letter)
                    && word.chars().next().is_some_and(is_cjk_letter);
                if !cjk_join {
                    self.b.push(" ");
                }
            }
            self.space = false;
            self.b.push(word);
        }
    }

    fn line_break(&mut self) {
        if self.in_cell() {
            self.b.push(" ");
        } else if self.item_label.is_some() || self.heading.is_some() {
            self.space = true;
        } else if self.pre > 0 || self.b.is_empty() {
            self.flush();
        } else {
            // Decided when the paragraph ends (`flush`): a `<br>` inside a sentence is a wrap.
            self.b.push("\n");
            self.space = false;
        }
    }

    /// A block element starts or ends: the text so far is a line of its own.
    fn block_edge(&mut self) {
        if self.in_cell() || self.item_label.is_some() || self.heading.is_some() {
            self.space = true;
        } else {
            self.flush();
        }
    }

    fn flush_item(&mut self) {
        if let Some(label) = self.item_label.take() {
            let rich = self.b.take();
            self.space = false;
            if !rich.text.is_empty() {
                self.items.push((Some(label), rich));
            }
        }
    }

    fn flush(&mut self) {
        if self.item_label.is_some() || self.in_cell() {
            return;
        }
        // Items outside any list (`<li>`s without their `<ul>`, broken markup) are a list of
        // their own, ended by the next block: kept.
        if self.lists.is_empty() && !self.items.is_empty() {
            self.out.push(Node::List(std::mem::take(&mut self.items)));
        }
        let rich = self.b.take();
        self.space = false;
        for piece in rich.reflow(real_break) {
            if !piece.text.is_empty() {
                self.out.push(Node::Line(piece));
            }
        }
    }
}

/// The marker a browser draws for item `n` of an `<ol type=kind>`: `3.`, `c.`, `C.`, `iii.`,
/// `III.` (letters after `z` go on as `aa`, numbers past 3999 as digits).
fn ol_label(kind: char, n: u64) -> String {
    let letters = |n: u64| {
        let mut n = n.max(1);
        let mut s = Vec::new();
        while n > 0 {
            n -= 1;
            s.push(b'a' + (n % 26) as u8);
            n /= 26;
        }
        s.reverse();
        String::from_utf8(s).unwrap_or_default()
    };
    let roman = |n: u64| {
        if n == 0 || n > 3999 {
            return n.to_string();
        }
        let mut n = n;
        let mut s = String::new();
        for (v, r) in [
            (1000, "m"),
            (900, "cm"),
            (500, "d"),
            (400, "cd"),
            (100, "c"),
            (90, "xc"),
            (50, "l"),
            (40, "xl"),
            (10, "x"),
            (9, "ix"),
            (5, "v"),
            (4, "iv"),
            (1, "i"),
        ] {
            while n >= v {
                s.push_str(r);
                n -= v;
            }
        }
        s
    };
    let body = match kind {
        'a' => letters(n),
        'A' => letters(n).to_ascii_uppercase(),
        'i' => roman(n),
        'I' => roman(n).to_ascii_uppercase(),
        _ => n.to_string(),
    };
    format!("{body}.")
}

/// Whether a `<br>` separates two lines of the policy rather than wrapping a sentence: it
/// wraps one only between Latin words, where the line goes on in lower case ("…your name,
/// your<br>email address…"); an address, a list of contacts or Chinese lines keep it.
fn real_break(prev: &str, next: &str) -> bool {
    let wraps = prev
        .chars()
        .last()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == ',')
        && next.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    !wraps
}
