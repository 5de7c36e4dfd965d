//! The importer's neutral form, shared by the plain-text, Markdown and HTML readers: a flat run
//! of [`Node`]s whose text is plain (markup removed) with [`Mark`] ranges beside it. The
//! outline builder turns nodes into sections.

use crate::model::{Mark, MarkKind, TableLayout};

/// Plain text with inline marks (character offsets).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rich {
    pub text: String,
    pub marks: Vec<Mark>,
}

impl Rich {
    pub fn plain(text: impl Into<String>) -> Rich {
        Rich {
            text: text.into(),
            marks: Vec::new(),
        }
    }

    /// Whether every non-whitespace character sits inside a `strong` mark (a bold line).
    pub fn all_strong(&self) -> bool {
        let mut any = false;
        for (i, c) in self.text.chars().enumerate() {
            if c.is_whitespace() || "：:。".contains(c) {
                continue;
            }
            any = true;
            let covered = self
                .marks
                .iter()
                .any(|m| m.kind == MarkKind::Strong && m.start <= i && i < m.end);
            if !covered {
                return false;
            }
        }
        any
    }

    /// Splits off the first `bytes` bytes (a numbering label) and trims the rest; marks move
    /// with their text and are cut at the split.
    pub fn split_label(&self, bytes: usize) -> (String, Rich) {
        let label = self.text[..bytes].trim_end().to_string();
        let rest = &self.text[bytes..];
        let lead = rest.len() - rest.trim_start().len();
        let skip = self.text[..bytes + lead].chars().count();
        (label, self.slice_from(skip, rest.trim()))
    }

    /// The text from character `skip` on, given as `text` (a trimmed tail of it).
    fn slice_from(&self, skip: usize, text: &str) -> Rich {
        let len = text.chars().count();
        let marks = self
            .marks
            .iter()
            .filter_map(|m| {
                let start = m.start.saturating_sub(skip);
                let end = m.end.saturating_sub(skip).min(len);
                (start < end).then(|| Mark {
                    start,
                    end,
                    ..m.clone()
                })
            })
            .collect();
        Rich {
            text: text.to_string(),
            marks,
        }
    }

    /// Splits the text at its `\n`s where `keep(previous line, next line)` says the break is
    /// real, and joins the other lines (with a space between Latin text, nothing between CJK).
    /// Marks follow their characters.
    pub fn reflow(&self, keep: impl Fn(&str, &str) -> bool) -> Vec<Rich> {
        let lines: Vec<&str> = self.text.split('\n').collect();
        if lines.len() == 1 {
            return vec![self.clone().trimmed()];
        }
        // Old character index -> (piece, new character index) for every kept character.
        let mut map: Vec<Option<(usize, usize)>> = Vec::with_capacity(self.text.len());
        let mut pieces: Vec<String> = vec![String::new()];
        for (k, line) in lines.iter().enumerate() {
            if k > 0 {
                let prev = lines[k - 1].trim();
                let next = line.trim();
                if keep(prev, next) {
                    pieces.push(String::new());
                    map.push(None);
                } else {
                    let cjk = |c: Option<char>| c.is_some_and(crate::text::is_cjk_letter);
                    let glue = !(cjk(prev.chars().last())
                        || cjk(next.chars().next())
                        || prev.is_empty()
                        || next.is_empty());
                    let p = pieces.len() - 1;
                    let cur = &mut pieces[p];
                    if glue {
                        map.push(Some((p, cur.chars().count())));
                        cur.push(' ');
                    } else {
                        map.push(None);
                    }
                }
            }
            let p = pieces.len() - 1;
            let cur = pieces.last_mut().expect("one piece at least");
            for (n, c) in (cur.chars().count()..).zip(line.chars()) {
                map.push(Some((p, n)));
                cur.push(c);
            }
        }
        let mut out: Vec<Rich> = pieces.into_iter().map(Rich::plain).collect();
        for m in &self.marks {
            // Each mark is cut into the pieces its characters fall in.
            let mut cur: Option<(usize, usize, usize)> = None;
            let flush = |c: Option<(usize, usize, usize)>, out: &mut Vec<Rich>| {
                if let Some((p, s, e)) = c {
                    out[p].marks.push(Mark {
                        start: s,
                        end: e,
                        ..m.clone()
                    });
                }
            };
            for &slot in map.get(m.start..m.end.min(map.len())).unwrap_or(&[]) {
                match (slot, cur) {
                    (Some((p, i)), Some((cp, s, e))) if cp == p && e == i => {
                        cur = Some((p, s, i + 1))
                    }
                    (Some((p, i)), c) => {
                        flush(c, &mut out);
                        cur = Some((p, i, i + 1));
                    }
                    (None, _) => {}
                }
            }
            flush(cur, &mut out);
        }
        out.into_iter()
            .map(Rich::trimmed)
            .filter(|r| !r.text.is_empty())
            .collect()
    }

    /// The text without every `c`, marks kept on the remaining characters.
    pub fn without(self, c: char) -> Rich {
        if !self.text.contains(c) {
            return self;
        }
        // new_at[i]: where old character i (or the end, i == len) lands.
        let mut new_at = Vec::with_capacity(self.text.len() + 1);
        let mut text = String::with_capacity(self.text.len());
        let mut n = 0;
        for ch in self.text.chars() {
            new_at.push(n);
            if ch != c {
                text.push(ch);
                n += 1;
            }
        }
        new_at.push(n);
        let at = |i: usize| new_at.get(i).copied().unwrap_or(n);
        let marks = self
            .marks
            .into_iter()
            .filter_map(|m| {
                let (start, end) = (at(m.start), at(m.end));
                (start < end).then_some(Mark { start, end, ..m })
            })
            .collect();
        Rich { text, marks }.trimmed()
    }

    /// Trims whitespace at both ends, keeping marks on their characters.
    pub fn trimmed(self) -> Rich {
        let lead = self.text.len() - self.text.trim_start().len();
        if lead == 0 && self.text.trim_end().len() == self.text.len() {
            return self;
        }
        let skip = self.text[..lead].chars().count();
        let t = self.text.trim().to_string();
        self.slice_from(skip, &t)
    }
}

/// Builds a [`Rich`] from text pushed piece by piece with marks opened and closed around it.
#[derive(Debug, Default)]
pub struct RichBuilder {
    text: String,
    chars: usize,
    open: Vec<(MarkKind, usize, Option<String>)>,
    marks: Vec<Mark>,
}

impl RichBuilder {
    pub fn push(&mut self, s: &str) {
        self.chars += s.chars().count();
        self.text.push_str(s);
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    pub fn ends_with_space(&self) -> bool {
        self.text.ends_with(char::is_whitespace) || self.text.is_empty()
    }

    pub fn last_char(&self) -> Option<char> {
        self.text.chars().next_back()
    }

    pub fn open(&mut self, kind: MarkKind, href: Option<String>) {
        self.open.push((kind, self.chars, href));
    }

    pub fn close(&mut self, kind: MarkKind) {
        if let Some(k) = self.open.iter().rposition(|(k, ..)| *k == kind) {
            let (kind, start, href) = self.open.remove(k);
            if start < self.chars && (kind != MarkKind::Link || href.is_some()) {
                self.marks.push(Mark {
                    kind,
                    start,
                    end: self.chars,
                    href,
                });
            }
        }
    }

    /// Ends the current piece of text: marks still open continue into the next one.
    pub fn take(&mut self) -> Rich {
        let open: Vec<_> = self.open.iter().map(|(k, _, h)| (*k, h.clone())).collect();
        for (k, _) in open.iter().rev() {
            self.close(*k);
        }
        let mut marks = std::mem::take(&mut self.marks);
        marks.sort_by_key(|m| (m.start, m.end));
        let rich = Rich {
            text: std::mem::take(&mut self.text),
            marks,
        };
        self.chars = 0;
        for (k, h) in open {
            self.open(k, h);
        }
        rich.trimmed()
    }
}

/// Whether a link target may be kept as a mark: http(s), mailto and tel only.
pub fn allowed_href(href: &str) -> bool {
    crate::validate::is_safe_link(href)
}

/// One unit of the neutral form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Node {
    /// A heading given by markup (Markdown `#` or setext, HTML `h1`–`h6`), level 1–6.
    Heading { level: u8, text: Rich },
    /// A line or paragraph; the outline builder decides whether it is a heading (numbering,
    /// bold, a short unnumbered line before text), a list item or a paragraph.
    Line(Rich),
    /// A list given by markup: (marker as written or implied, item).
    List(Vec<(Option<String>, Rich)>),
    Table {
        header: bool,
        layout: TableLayout,
        rows: Vec<Vec<String>>,
    },
    /// A blank line in plain text (lists may continue across one).
    Blank,
    /// A table of contents found by [`super::contents`]: (label, entry).
    Contents(Vec<(Option<String>, Rich)>),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_off_with_marks_moving() {
        let mut b = RichBuilder::default();
        b.open(MarkKind::Strong, None);
        b.push("4. 您需理解");
        b.close(MarkKind::Strong);
        b.push("条款。");
        let r = b.take();
        assert!(!r.all_strong());
        let (label, rest) = r.split_label(2);
        assert_eq!(label, "4.");
        assert_eq!(rest.text, "您需理解条款。");
        assert_eq!((rest.marks[0].start, rest.marks[0].end), (0, 4));
    }

    #[test]
    fn reflow_joins_wrapped_lines_and_keeps_real_breaks() {
        let mut b = RichBuilder::default();
        b.push("We collect your\n");
        b.open(MarkKind::Strong, None);
        b.push("name and email.\n1. Scope");
        b.close(MarkKind::Strong);
        let pieces = b.take().reflow(|prev, _| prev.ends_with('.'));
        assert_eq!(pieces.len(), 2);
        assert_eq!(pieces[0].text, "We collect your name and email.");
        assert_eq!((pieces[0].marks[0].start, pieces[0].marks[0].end), (16, 31));
        assert_eq!(pieces[1].text, "1. Scope");
        assert_eq!((pieces[1].marks[0].start, pieces[1].marks[0].end), (0, 8));
    }

    #[test]
    fn only_web_mail_and_phone_links_are_kept() {
        assert!(allowed_href("https://example.com/p"));
        assert!(allowed_href("mailto:dpo@example.com"));
        assert!(!allowed_href("javascript:alert(1)"));
        assert!(!allowed_href("#section-2"));
        assert!(!allowed_href("https://"));
    }
}
