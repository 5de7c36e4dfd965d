//! The extractor's domain knowledge, as plain tables a reviewer can check without reading the
//! engine. Each table says where its entries come from. Entries are matched ASCII
//! case-insensitively; Latin entries only at word boundaries; longer entries win.

use std::ops::Range;

mod contacts;
mod data;
mod permissions;
mod recipients;
mod rights;

pub use contacts::*;
pub use data::*;
pub use permissions::*;
pub use recipients::*;
pub use rights::*;

/// Completeness notes whose section is cut or lost carry one of these. (A note that only says
/// other parts are missing, "the parts it refers to are missing", leaves its section readable.)
pub const MISSING: &[&str] = &[
    "lost",
    "cut off",
    "ends inside",
    "mid-sentence",
    "truncated",
    "missing from",
    "is missing",
    "缺失",
    "截断",
    "丢失",
    "不完整",
];

/// Whether a completeness note says its section's text is missing or cut.
pub fn marks_missing(note: &str) -> bool {
    super::has_any(note, MISSING)
}

/// Abbreviations after which a `.` does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "Co", "Ltd", "Inc", "Corp", "No", "e.g", "i.e", "etc", "Mr", "Ms", "Dr", "St", "vs", "Nos",
    "Art", "Arts", "art", "Sec", "sec", "para", "cf", "approx", "U.S", "U.K", "a.m", "p.m", "Pty",
    "Reg", "Fig", "pp", "Pte", "Str", "Tel", "Attn", "Fax", "Ph", "Ave", "Rd", "Blvd", "Ste",
    "Apt", "Bldg", "Dept", "Mrs", "Prof", "Jr", "Sr", "Ltda", "Nr", "P.O", "p.o", "Ref", "Mob",
    "Fl",
];

/// Finds entries of `table` in `text`: longest first, no overlaps, Latin entries at word
/// boundaries, ASCII case ignored. Returns byte ranges and table indexes, in text order.
pub fn scan<T>(text: &str, table: &[(&str, T)]) -> Vec<(Range<usize>, usize)> {
    scan_terms(text, table.iter().map(|e| e.0))
}

/// [`scan`] over the first column of any table.
pub fn scan_terms<'a>(
    text: &str,
    terms: impl Iterator<Item = &'a str>,
) -> Vec<(Range<usize>, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut order: Vec<(usize, String)> =
        terms.map(|t| t.to_ascii_lowercase()).enumerate().collect();
    order.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for (idx, term) in order {
        let latin = term.starts_with(|c: char| c.is_ascii_alphanumeric());
        let latin_end = term.ends_with(|c: char| c.is_ascii_alphanumeric());
        for (i, _) in lower.match_indices(&term) {
            let r = i..i + term.len();
            let glued_before = latin
                && lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            // A plural `s` or `es` is part of the word ("names", "email addresses"); any other
            // letter glues.
            let rest = &lower[r.end..];
            let rest = rest
                .strip_prefix("es")
                .or_else(|| rest.strip_prefix('s'))
                .unwrap_or(rest);
            let glued_after =
                latin_end && rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let overlaps = found
                .iter()
                .any(|(o, _)| o.start < r.end && r.start < o.end);
            if !glued_before && !glued_after && !overlaps {
                found.push((r, idx));
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}
