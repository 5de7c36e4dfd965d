//! Quotes of a change: the changed pieces of a unit with some context around them.

use std::ops::Range;

/// Characters of context shown around a change in quotes.
const CONTEXT_CHARS: usize = 40;
/// Units up to this many characters are quoted whole.
const SHORT_UNIT_CHARS: usize = 160;
/// Longest quote shown for a whole block.
const MAX_QUOTE_CHARS: usize = 300;

fn truncate_chars(s: &str, n: usize) -> String {
    // A text of at most `n` bytes has at most `n` characters.
    if s.len() <= n {
        return s.to_string();
    }
    match s.char_indices().nth(n) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Pieces of a quote: (text, changed). Context around the changed hull, or the whole unit.
pub(super) fn excerpt_pieces(
    text: &str,
    ranges: &[Range<usize>],
    whole: bool,
) -> Vec<(String, bool)> {
    if whole || ranges.is_empty() {
        return vec![(truncate_chars(text, MAX_QUOTE_CHARS), false)];
    }
    let start = ranges.iter().map(|r| r.start).min().unwrap_or(0);
    let end = ranges.iter().map(|r| r.end).max().unwrap_or(text.len());
    let short = text.chars().nth(SHORT_UNIT_CHARS).is_none();
    let from = if short {
        0
    } else {
        text[..start]
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(i, _)| i)
    };
    let to = if short {
        text.len()
    } else {
        text[end..]
            .char_indices()
            .nth(CONTEXT_CHARS)
            .map_or(text.len(), |(i, _)| end + i)
    };
    let mut pieces = Vec::new();
    if from > 0 {
        pieces.push(("…".to_string(), false));
    }
    let mut pos = from;
    for r in ranges.iter().filter(|r| !r.is_empty()) {
        if r.start > pos {
            pieces.push((text[pos..r.start].to_string(), false));
        }
        pieces.push((truncate_chars(&text[r.clone()], MAX_QUOTE_CHARS), true));
        pos = r.end;
    }
    if to > pos {
        pieces.push((text[pos..to].to_string(), false));
    }
    if to < text.len() {
        pieces.push(("…".to_string(), false));
    }
    pieces
}

pub(super) fn plain_excerpt(text: &str, ranges: &[Range<usize>], whole: bool) -> String {
    excerpt_pieces(text, ranges, whole)
        .into_iter()
        .map(|(t, _)| t)
        .collect::<String>()
        .replace('\n', " / ")
}
