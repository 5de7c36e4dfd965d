//! Evidence in the changed text: named entities (company names, emails, phone numbers) and
//! keywords that the change touches.

use std::ops::Range;

use crate::entities::{company_names, emails, find_word, phones, LATIN_COMPANY_SUFFIXES};

use super::super::types::Criterion;
use super::keywords::{DATA_KINDS, KEYWORDS, OWNER_CONTEXT, RECIPIENT_CONTEXT};
use super::Hits;

/// The pairs of adjacent bytes of a text, as a 4096-bit set (hashed, so it may hold pairs the
/// text has not, never the other way round).
struct BytePairs([u64; 64]);

impl BytePairs {
    fn slot(a: u8, b: u8) -> usize {
        (usize::from(a) * 31 + usize::from(b) * 131) & 4095
    }
    fn of(text: &str) -> Self {
        let mut set = [0u64; 64];
        for w in text.as_bytes().windows(2) {
            let k = Self::slot(w[0], w[1]);
            set[k >> 6] |= 1 << (k & 63);
        }
        BytePairs(set)
    }
    /// False when `needle` cannot occur in the text.
    fn may_contain(&self, needle: &str) -> bool {
        needle.as_bytes().windows(2).all(|w| {
            let k = Self::slot(w[0], w[1]);
            self.0[k >> 6] & (1 << (k & 63)) != 0
        })
    }
}

/// Whether `region` overlaps a changed range; an empty range (an insertion point) touches a
/// region that surrounds it.
fn touches(region: &Range<usize>, changed: &[Range<usize>]) -> bool {
    changed.iter().any(|r| {
        if r.is_empty() {
            region.start < r.start && r.start < region.end
        } else {
            r.start < region.end && region.start < r.end
        }
    })
}

fn entity_reason(hits: &mut Hits, what: &str, old: &[String], new: &[String]) {
    let old: Vec<&String> = old.iter().filter(|o| !new.contains(o)).collect();
    let new: Vec<&String> = new.iter().filter(|n| !old.contains(n)).collect();
    let join = |v: &[&String]| v.iter().map(|s| s.as_str()).collect::<Vec<_>>().join(", ");
    match (old.is_empty(), new.is_empty()) {
        (false, false) => hits.reason(format!("{what} changed: {} → {}", join(&old), join(&new))),
        (false, true) => hits.reason(format!("{what} removed: {}", join(&old))),
        (true, false) => hits.reason(format!("{what} added: {}", join(&new))),
        (true, true) => {}
    }
}

/// Text heuristics over the changed ranges of both sides.
pub(super) fn text_heuristics(
    old: &str,
    new: &str,
    ro: &[Range<usize>],
    rn: &[Range<usize>],
    parties: &[String],
    hits: &mut Hits,
) {
    let sides = [(old, ro), (new, rn)];
    // Named entities.
    let touched = |f: fn(&str) -> Vec<Range<usize>>, text: &str, r: &[Range<usize>]| {
        let mut v: Vec<String> = f(text)
            .into_iter()
            .filter(|g| touches(g, r))
            .map(|g| text[g].to_string())
            .collect();
        v.dedup();
        v
    };
    // The entity finders run only on texts that may hold an entity: a company suffix, a digit.
    let may_name = |text: &str| {
        let pairs = BytePairs::of(text);
        ["公司", "集团"]
            .iter()
            .chain(LATIN_COMPANY_SUFFIXES)
            .any(|s| pairs.may_contain(s))
    };
    let names = |text: &str, r: &[Range<usize>]| {
        if may_name(text) {
            touched(company_names, text, r)
        } else {
            Vec::new()
        }
    };
    let (co, cn) = (names(old, ro), names(new, rn));
    if !co.is_empty() || !cn.is_empty() {
        let lower = format!("{old}\n{new}").to_lowercase();
        let party = co.iter().chain(&cn).any(|c| {
            parties
                .iter()
                .any(|p| p.contains(c.as_str()) || c.contains(p.as_str()))
        });
        let (criterion, what) = if party {
            (Criterion::Ownership, "controller or operator name")
        } else if RECIPIENT_CONTEXT.iter().any(|k| lower.contains(k)) {
            (
                Criterion::Recipients,
                "company named as operator or recipient",
            )
        } else if OWNER_CONTEXT.iter().any(|k| lower.contains(k)) {
            (Criterion::Ownership, "company named as the controller")
        } else {
            (Criterion::Recipients, "company name")
        };
        hits.criteria.insert(criterion);
        entity_reason(hits, what, &co, &cn);
    }
    let (eo, en) = (touched(emails, old, ro), touched(emails, new, rn));
    let numbers = |text: &str, r: &[Range<usize>]| {
        if text.bytes().any(|b| b.is_ascii_digit()) {
            touched(phones, text, r)
        } else {
            Vec::new()
        }
    };
    let (po, pn) = (numbers(old, ro), numbers(new, rn));
    if !eo.is_empty() || !en.is_empty() {
        hits.criteria.insert(Criterion::ContactOrComplaint);
        entity_reason(hits, "email", &eo, &en);
    }
    if !po.is_empty() || !pn.is_empty() {
        hits.criteria.insert(Criterion::ContactOrComplaint);
        entity_reason(hits, "phone number", &po, &pn);
    }
    // Keywords in changed text. Each side is lowercased once, and a keyword is searched for
    // only where every pair of its adjacent bytes occurs in the text.
    let lowered = sides.map(|(text, r)| {
        (!r.is_empty()).then(|| {
            let lower = text.to_ascii_lowercase();
            let pairs = BytePairs::of(&lower);
            (lower, pairs)
        })
    });
    for (criterion, words) in KEYWORDS {
        let mut found: Vec<&str> = Vec::new();
        for ((_, r), side) in sides.iter().zip(&lowered) {
            let Some((lower, pairs)) = side else {
                continue;
            };
            for w in words {
                if !found.contains(w)
                    && pairs.may_contain(w)
                    && find_word(lower, w).any(|g| touches(&g, r))
                {
                    found.push(w);
                }
            }
        }
        if !found.is_empty() {
            hits.criteria.insert(criterion);
            let shown: Vec<String> = found.iter().take(4).map(|w| format!("“{w}”")).collect();
            hits.reason(format!(
                "{}: the change touches {}",
                criterion.name(),
                shown.join(", ")
            ));
        }
    }
    data_kinds(sides, &lowered, hits);
}

/// Kinds of personal data that a change names more often on one side than the other: added
/// (named more in the new text) or dropped (more in the old), where an occurrence on that side
/// touches the change.
fn data_kinds(
    sides: [(&str, &[Range<usize>]); 2],
    lowered: &[Option<(String, BytePairs)>; 2],
    hits: &mut Hits,
) {
    // Each side lowercased with its byte pairs: the ones computed for the keywords, else (a
    // side the change does not touch, usually an empty one) computed here.
    let own: [Option<(String, BytePairs)>; 2] = std::array::from_fn(|i| {
        lowered[i].is_none().then(|| {
            let lower = sides[i].0.to_ascii_lowercase();
            let pairs = BytePairs::of(&lower);
            (lower, pairs)
        })
    });
    let side = |i: usize| {
        let (lower, pairs) = lowered[i]
            .as_ref()
            .or(own[i].as_ref())
            .expect("one of them");
        (lower.as_str(), pairs)
    };
    let ((old, old_pairs), (new, new_pairs)) = (side(0), side(1));
    let mut added: Vec<&str> = Vec::new();
    let mut dropped: Vec<&str> = Vec::new();
    for kind in DATA_KINDS {
        let count = |text: &str, pairs: &BytePairs| {
            if pairs.may_contain(kind) {
                find_word(text, kind).count()
            } else {
                0
            }
        };
        let (o, n) = (count(old, old_pairs), count(new, new_pairs));
        let touched =
            |text: &str, r: &[Range<usize>]| find_word(text, kind).any(|g| touches(&g, r));
        // A longer kind that holds a shorter one ("精准位置" holds "位置") is reported once.
        let listed = |v: &[&str]| v.iter().any(|k| k.contains(kind) || kind.contains(k));
        if n > o && touched(new, sides[1].1) && !listed(&added) {
            added.push(kind);
        } else if o > n && touched(old, sides[0].1) && !listed(&dropped) {
            dropped.push(kind);
        }
    }
    for (verb, kinds) in [("names", &added), ("no longer names", &dropped)] {
        if !kinds.is_empty() {
            hits.criteria.insert(Criterion::PurposesOrTypes);
            let shown: Vec<String> = kinds.iter().take(4).map(|w| format!("“{w}”")).collect();
            hits.reason(format!(
                "{}: the changed text {verb} a kind of personal data: {}",
                Criterion::PurposesOrTypes.name(),
                shown.join(", ")
            ));
        }
    }
}
