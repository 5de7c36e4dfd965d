//! The text layer: the full text of a version as plain text, and whitespace-insensitive matching.
//! It reads the model; the model does not depend on it.

use crate::model::{PolicyVersion, Section};

/// The full text: heading lines and blocks in document order, blank line between blocks.
pub fn full_text(v: &PolicyVersion) -> String {
    let mut out = Vec::new();
    for s in &v.sections {
        push_section(s, &mut out);
    }
    let mut text = out.join("\n\n");
    text.push('\n');
    text
}

fn push_section(s: &Section, out: &mut Vec<String>) {
    let title = s.title();
    if !title.is_empty() {
        out.push(title);
    }
    for b in &s.blocks {
        out.push(b.plain());
    }
    for c in &s.sections {
        push_section(c, out);
    }
}

/// The text of one section and its subsections, heading included.
pub fn section_text(s: &Section) -> String {
    let mut out = Vec::new();
    push_section(s, &mut out);
    out.join("\n")
}

/// Whether `c` is a CJK letter: Han ideographs, kana or Hangul syllables. The importer uses it
/// to detect Chinese text and headings, the diff to tokenize per character.
pub(crate) fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF
        | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Removes all whitespace: the comparison key for "equal apart from whitespace".
pub fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Runs of whitespace as one space, none at the ends: "a \n b" is "a b".
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `needle` occurs in `hay` when whitespace is ignored on both sides.
pub fn contains_ignoring_whitespace(hay: &str, needle: &str) -> bool {
    let n = squash(needle);
    !n.is_empty() && squash(hay).contains(&n)
}

/// Finds `needle` in `hay` ignoring whitespace, and returns the byte range in `hay`.
pub fn find_ignoring_whitespace(hay: &str, needle: &str) -> Option<std::ops::Range<usize>> {
    let n = squash(needle);
    if n.is_empty() {
        return None;
    }
    // Map squashed offsets back to the original byte offsets.
    let mut map = Vec::new();
    let mut sq = String::new();
    for (i, c) in hay.char_indices() {
        if !c.is_whitespace() {
            map.push(i);
            sq.push(c);
        }
    }
    let start = sq.find(&n)?;
    let start_char = sq[..start].chars().count();
    let end_char = start_char + n.chars().count();
    let begin = map[start_char];
    let last = map[end_char - 1];
    let last_len = hay[last..].chars().next().map_or(1, char::len_utf8);
    Some(begin..last + last_len)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_maps_back_to_original_offsets() {
        let hay = "我们 收集\n您的 手机号码。";
        let r = find_ignoring_whitespace(hay, "您的手机 号码").unwrap();
        assert_eq!(&hay[r], "您的 手机号码");
        assert!(find_ignoring_whitespace(hay, "邮箱").is_none());
        assert!(find_ignoring_whitespace(hay, "   ").is_none());
    }
}

/// Makes bidirectional control characters (U+202A–U+202E, U+2066–U+2069) visible as
/// `[U+202E]`, so that policy text cannot reorder what a reader sees.
pub fn inert_bidi(s: &str) -> std::borrow::Cow<'_, str> {
    let is_bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if !s.chars().any(is_bidi) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        if is_bidi(c) {
            out.push_str(&format!("[U+{:04X}]", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod bidi_tests {
    #[test]
    fn bidi_overrides_become_visible() {
        assert_eq!(super::inert_bidi("a\u{202E}cba"), "a[U+202E]cba");
        assert!(matches!(
            super::inert_bidi("plain"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}
