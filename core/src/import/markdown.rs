//! Markdown to the neutral form through pulldown-cmark (CommonMark with GFM tables and
//! strikethrough): headings (ATX and setext), paragraphs, nested lists, tables, code blocks and
//! block quotes become nodes; emphasis, bold and safe links become marks; every other piece of
//! markup (`**`, `\.` escapes, `#`, `[text](#anchor)`) is gone from the text.

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use super::rich::{allowed_href, Node, Rich, RichBuilder};
use crate::model::{MarkKind, TableLayout};
use crate::numbering::{bullet, numbered};

/// Marks a hard line break inside a paragraph until the paragraph is split into lines.
const HARD_BREAK: char = '\u{1}';
const HARD_BREAK_LINE: &str = "\n\u{1}";

/// Text that must stay on one line (a heading, a list item, a cell): breaks become spaces.
fn one_line(r: Rich) -> Rich {
    Rich {
        text: r.text.replace('\n', " "),
        marks: r.marks,
    }
    .without(HARD_BREAK)
}

/// Where inline text is going.
enum Target {
    None,
    Paragraph,
    Heading(u8),
    Cell,
}

#[derive(Default)]
struct ListState {
    /// One counter per open list: the next number of an ordered list, `None` for bullets.
    counters: Vec<Option<u64>>,
    items: Vec<(Option<String>, Rich)>,
    /// The marker of the item whose text is being read.
    label: Option<Option<String>>,
}

#[derive(Default)]
struct TableState {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    header: bool,
}

/// Reads Markdown.
pub fn read(text: &str) -> Vec<Node> {
    let opts = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_FOOTNOTES
        // A docs site's front matter (`---` title, slug, description `---`) is no policy text.
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    let mut r = Reader {
        out: Vec::new(),
        b: RichBuilder::default(),
        target: Target::None,
        list: ListState::default(),
        table: None,
        in_image: 0,
        html_block: None,
        in_metadata: false,
    };
    for ev in Parser::new_ext(text, opts) {
        r.event(ev);
    }
    r.flush_paragraph();
    r.out
}

struct Reader {
    out: Vec<Node>,
    b: RichBuilder,
    target: Target,
    list: ListState,
    table: Option<TableState>,
    in_image: usize,
    /// The raw text of a top-level HTML block being read.
    html_block: Option<String>,
    in_metadata: bool,
}

impl Reader {
    fn event(&mut self, ev: Event<'_>) {
        match ev {
            Event::Start(Tag::MetadataBlock(_)) => self.in_metadata = true,
            Event::End(TagEnd::MetadataBlock(_)) => self.in_metadata = false,
            _ if self.in_metadata => {}
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) | Event::InlineMath(t) | Event::DisplayMath(t) => {
                if self.in_image == 0 {
                    self.text(&t)
                }
            }
            Event::SoftBreak => self.b.push("\n"),
            Event::HardBreak => self.b.push(HARD_BREAK_LINE),
            Event::Html(h) if self.html_block.is_some() => {
                if let Some(block) = &mut self.html_block {
                    block.push_str(&h);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => self.html(&h),
            Event::FootnoteReference(t) => self.text(&format!("[{t}]")),
            Event::Rule | Event::TaskListMarker(_) => {}
        }
    }

    fn text(&mut self, t: &str) {
        if matches!(self.target, Target::None) {
            self.target = Target::Paragraph;
        }
        self.b.push(t);
    }

    /// Inline HTML inside Markdown (or an HTML block inside a list item or a table): `<br>` and
    /// `<p>` break the line, other tags are dropped, their text kept.
    fn html(&mut self, h: &str) {
        let lower = h.trim().to_ascii_lowercase();
        if ["<br", "<p", "</p"].iter().any(|t| lower.starts_with(t)) {
            self.b.push(HARD_BREAK_LINE);
        }
        let mut inside = false;
        let mut text = String::new();
        for c in h.chars() {
            match c {
                '<' => inside = true,
                '>' => inside = false,
                c if !inside => text.push(c),
                _ => {}
            }
        }
        if !text.trim().is_empty() {
            self.text(&super::html::decode_entities(&text));
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        match tag {
            // An HTML block at the top level is read as HTML is (its paragraphs, lists and
            // tables), when it ends.
            Tag::HtmlBlock if self.list.label.is_none() && self.table.is_none() => {
                self.flush_paragraph();
                self.html_block = Some(String::new());
            }
            Tag::Paragraph | Tag::CodeBlock(_) | Tag::HtmlBlock => {
                if self.list.label.is_none() && self.table.is_none() {
                    self.flush_paragraph();
                    self.target = Target::Paragraph;
                } else if self.list.label.is_some() && !self.b.is_empty() {
                    self.b.push("\n");
                }
            }
            Tag::Heading { level, .. } => {
                self.flush_paragraph();
                self.target = Target::Heading(heading_level(level));
            }
            Tag::List(start) => {
                self.flush_item();
                self.flush_paragraph();
                self.list.counters.push(start);
            }
            Tag::Item => {
                self.flush_item();
                let label = match self.list.counters.last_mut() {
                    Some(Some(n)) => {
                        let l = format!("{n}.");
                        *n += 1;
                        Some(l)
                    }
                    _ => Some("-".to_string()),
                };
                self.list.label = Some(label);
            }
            Tag::Table(_) => {
                self.flush_paragraph();
                self.table = Some(TableState::default());
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.header = true;
                }
            }
            Tag::TableRow => {}
            Tag::TableCell => self.target = Target::Cell,
            Tag::Emphasis => self.b.open(MarkKind::Emphasis, None),
            Tag::Strong => self.b.open(MarkKind::Strong, None),
            Tag::Link { dest_url, .. } => {
                let href = allowed_href(&dest_url).then(|| dest_url.trim().to_string());
                self.b.open(MarkKind::Link, href);
            }
            Tag::Image { .. } => self.in_image += 1,
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::HtmlBlock if self.html_block.is_some() => {
                let block = self.html_block.take().unwrap_or_default();
                self.out.extend(super::html::read_fragment(&block));
                self.target = Target::None;
            }
            TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::HtmlBlock
                if self.list.label.is_none() && self.table.is_none() =>
            {
                self.flush_paragraph();
            }
            TagEnd::Heading(_) => {
                let text = self.b.take();
                let level = match self.target {
                    Target::Heading(l) => l,
                    _ => 1,
                };
                let text = one_line(text);
                if !text.text.is_empty() {
                    self.out.push(Node::Heading { level, text });
                }
                self.target = Target::None;
            }
            TagEnd::Item => self.flush_item(),
            TagEnd::List(_) => {
                self.flush_item();
                self.list.counters.pop();
                if self.list.counters.is_empty() && !self.list.items.is_empty() {
                    let items = std::mem::take(&mut self.list.items);
                    self.out.push(Node::List(items));
                }
            }
            TagEnd::TableCell => {
                let cell = one_line(self.b.take()).text;
                if let Some(t) = &mut self.table {
                    t.row.push(cell);
                }
                self.target = Target::None;
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    self.out.push(Node::Table {
                        header: t.header,
                        layout: TableLayout::Pipe,
                        rows: t.rows,
                    });
                }
            }
            TagEnd::Emphasis => self.b.close(MarkKind::Emphasis),
            TagEnd::Strong => self.b.close(MarkKind::Strong),
            TagEnd::Link => self.b.close(MarkKind::Link),
            TagEnd::Image => self.in_image = self.in_image.saturating_sub(1),
            _ => {}
        }
    }

    /// Ends the list item being read; its text (all its paragraphs) becomes one item.
    fn flush_item(&mut self) {
        if let Some(label) = self.list.label.take() {
            let text = one_line(self.b.take());
            if !text.text.is_empty() {
                self.list.items.push((label, text));
            }
        }
    }

    /// Ends a paragraph: its lines become one or more nodes (see [`real_break`]).
    fn flush_paragraph(&mut self) {
        if self.list.label.is_some() || self.table.is_some() {
            return;
        }
        let rich = self.b.take();
        self.target = Target::None;
        if rich.text.trim().is_empty() {
            return;
        }
        for piece in rich.reflow(real_break) {
            let piece = piece.without(HARD_BREAK);
            if !piece.text.is_empty() {
                self.out.push(Node::Line(piece));
            }
        }
    }
}

/// Whether a soft line break inside a Markdown paragraph separates two lines of the policy
/// (a hard break, a numbered or bulleted line, a line that ends a sentence or a heading-like
/// short line) rather than wrapping one.
fn real_break(prev: &str, next: &str) -> bool {
    next.starts_with(HARD_BREAK)
        || numbered(next).is_some()
        || bullet(next).is_some()
        || prev.ends_with([
            '。', '；', ';', '：', ':', '！', '!', '？', '?', '.', '」', '”',
        ])
        || (prev.chars().count() <= 30 && !prev.ends_with([',', '，', '、']))
}

fn heading_level(l: HeadingLevel) -> u8 {
    match l {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}
