//! Inline changes inside a modified block: a tokenizer (graphemes in CJK text, words
//! elsewhere) and a token diff, and the changed byte ranges of an op.

use std::ops::Range;

use similar::{capture_diff_slices, Algorithm, DiffTag};

use crate::text::is_cjk_letter;

use super::budget::{Budget, INLINE_TOKEN_BUDGET, MAX_INLINE_TOKENS};
use super::types::{BlockOp, OpKind, Span, SpanKind};

fn is_cjk(c: char) -> bool {
    is_cjk_letter(c)
        || matches!(c as u32, 0x2E80..=0x2FDF | 0x3000..=0x303F | 0x3100..=0x31FF | 0xFF00..=0xFFEF)
}

/// Inline tokens: user-perceived characters in CJK text; words, whitespace runs and single
/// punctuation marks elsewhere. Never bytes. Hand-rolled rather than UAX #29 segmentation,
/// whose Unicode tables would double the widget's size; the approximation of a grapheme
/// keeps combining marks, variation selectors, skin tones and ZWJ sequences with their base.
fn tokens(s: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Space,
        Word,
        Single,
    }
    let extends = |c: char| matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F | 0x1F3FB..=0x1F3FF | 0xE0100..=0xE01EF | 0x200D);
    let class = |c: char| {
        if c.is_whitespace() {
            Class::Space
        } else if c.is_alphanumeric() && !is_cjk(c) || c == '_' {
            Class::Word
        } else {
            Class::Single
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    let mut after_zwj = false;
    for (i, c) in s.char_indices() {
        if i > 0 && (extends(c) || after_zwj) {
            after_zwj = c == '\u{200D}';
            continue;
        }
        after_zwj = false;
        let mut k = class(c);
        // As in UAX #29, `.` and `'` between letters or digits stay inside the word
        // (`bmw.com.cn`, `3.5`, `don't`).
        if matches!(c, '.' | '\'')
            && prev == Some(Class::Word)
            && s[i + c.len_utf8()..]
                .chars()
                .next()
                .is_some_and(|d| class(d) == Class::Word)
        {
            k = Class::Word;
        }
        let joins = prev == Some(k) && k != Class::Single;
        if !joins && i > start {
            out.push(&s[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

enum Seg {
    Eq(String, usize),
    Ch(String, String),
}

/// Token diff of a modified unit, or no spans when over budget.
pub(super) fn inline_diff(old: &str, new: &str, budget: &mut Budget) -> Vec<Span> {
    let a = tokens(old);
    let b = tokens(new);
    let n = a.len() + b.len();
    if n > MAX_INLINE_TOKENS || budget.tokens + n > INLINE_TOKEN_BUDGET {
        budget.exhausted = true;
        return Vec::new();
    }
    budget.tokens += n;
    let mut segs: Vec<Seg> = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &a, &b) {
        let (tag, o, nr) = op.as_tag_tuple();
        if tag == DiffTag::Equal {
            let t: String = a[o.clone()].concat();
            match segs.last_mut() {
                Some(Seg::Eq(s, c)) => {
                    s.push_str(&t);
                    *c += o.len();
                }
                _ => segs.push(Seg::Eq(t, o.len())),
            }
        } else {
            let (d, i) = (a[o].concat(), b[nr].concat());
            match segs.last_mut() {
                Some(Seg::Ch(sd, si)) => {
                    sd.push_str(&d);
                    si.push_str(&i);
                }
                _ => segs.push(Seg::Ch(d, i)),
            }
        }
    }
    // Semantic cleanup: a short equal run between two changes joins them.
    let mut clean: Vec<Seg> = Vec::new();
    let mut it = segs.into_iter().peekable();
    while let Some(seg) = it.next() {
        match seg {
            Seg::Eq(t, c)
                if c <= 2
                    && t.chars().count() <= 3
                    && matches!(clean.last(), Some(Seg::Ch(..)))
                    && matches!(it.peek(), Some(Seg::Ch(..))) =>
            {
                if let (Some(Seg::Ch(d, i)), Some(Seg::Ch(d2, i2))) = (clean.last_mut(), it.next())
                {
                    d.push_str(&t);
                    d.push_str(&d2);
                    i.push_str(&t);
                    i.push_str(&i2);
                }
            }
            Seg::Ch(d2, i2) => match clean.last_mut() {
                Some(Seg::Ch(d, i)) => {
                    d.push_str(&d2);
                    i.push_str(&i2);
                }
                _ => clean.push(Seg::Ch(d2, i2)),
            },
            other => clean.push(other),
        }
    }
    let mut spans = Vec::new();
    for seg in clean {
        match seg {
            Seg::Eq(t, _) => spans.push(Span {
                kind: SpanKind::Equal,
                text: t,
            }),
            Seg::Ch(d, i) => {
                if !d.is_empty() {
                    spans.push(Span {
                        kind: SpanKind::Delete,
                        text: d,
                    });
                }
                if !i.is_empty() {
                    spans.push(Span {
                        kind: SpanKind::Insert,
                        text: i,
                    });
                }
            }
        }
    }
    spans
}

/// Changed byte ranges of a unit on the old and new side. An insertion shows on the other
/// side as an empty range at the insertion point.
pub(super) fn changed_ranges(op: &BlockOp) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let old = op.old.as_ref().map_or("", |r| &*r.text);
    let new = op.new.as_ref().map_or("", |r| &*r.text);
    match op.kind {
        OpKind::Equal => (Vec::new(), Vec::new()),
        OpKind::Insert => (Vec::new(), whole(new)),
        OpKind::Delete => (whole(old), Vec::new()),
        OpKind::Move => (whole(old), whole(new)),
        OpKind::Modify if op.inline.is_empty() => {
            let (p, s) = common_affixes(old, new);
            (one(p..old.len() - s), one(p..new.len() - s))
        }
        OpKind::Modify => {
            let (mut ro, mut rn) = (Vec::new(), Vec::new());
            let (mut po, mut pn) = (0, 0);
            for sp in &op.inline {
                let l = sp.text.len();
                match sp.kind {
                    SpanKind::Equal => {
                        po += l;
                        pn += l;
                    }
                    SpanKind::Delete => {
                        ro.push(po..po + l);
                        rn.push(pn..pn);
                        po += l;
                    }
                    SpanKind::Insert => {
                        rn.push(pn..pn + l);
                        ro.push(po..po);
                        pn += l;
                    }
                }
            }
            (ro, rn)
        }
    }
}

fn whole(text: &str) -> Vec<Range<usize>> {
    one(0..text.len())
}

pub(super) fn one(r: Range<usize>) -> Vec<Range<usize>> {
    std::iter::once(r).collect()
}

/// Changed byte ranges on the old and on the new side.
pub(super) type Ranges = (Vec<Range<usize>>, Vec<Range<usize>>);

/// Byte lengths of the common prefix and suffix (on char boundaries, not overlapping).
pub(super) fn common_affixes(a: &str, b: &str) -> (usize, usize) {
    let p: usize = a
        .chars()
        .zip(b.chars())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    let s: usize = a[p..]
        .chars()
        .rev()
        .zip(b[p..].chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum();
    (p, s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cjk_tokens_are_graphemes_latin_tokens_are_words() {
        assert_eq!(tokens("关联方公司"), vec!["关", "联", "方", "公", "司"]);
        assert_eq!(
            tokens("We share data, rarely."),
            vec!["We", " ", "share", " ", "data", ",", " ", "rarely", "."]
        );
        // Combining marks, variation selectors and ZWJ emoji stay with their base character.
        assert_eq!(tokens("e\u{301}t\u{e9}"), vec!["e\u{301}t\u{e9}"]);
        assert_eq!(tokens("好\u{FE0F}人"), vec!["好\u{FE0F}", "人"]);
        assert_eq!(tokens("👩\u{200D}💻x"), vec!["👩\u{200D}💻", "x"]);
        assert_eq!(
            tokens("Zeekr 001，极氪"),
            vec!["Zeekr", " ", "001", "，", "极", "氪"]
        );
    }

    #[test]
    fn inline_spans_reconstruct_both_sides() {
        let mut b = Budget::default();
        let (o, n) = (
            "极物商城由关联方浙江浩物网络科技有限公司负责运营",
            "极物商城由关联方浙江吉利汽车备件有限公司负责运营",
        );
        let spans = inline_diff(o, n, &mut b);
        let side = |k| {
            spans
                .iter()
                .filter(|s| s.kind != k)
                .map(|s| s.text.as_str())
                .collect::<String>()
        };
        assert_eq!(side(SpanKind::Insert), o);
        assert_eq!(side(SpanKind::Delete), n);
        assert!(spans
            .iter()
            .any(|s| s.kind == SpanKind::Delete && s.text == "浩物网络科技"));
    }
}
