//! Similarity of two texts: the Dice coefficient of their feature multisets (Latin words,
//! CJK character bigrams), hashed.

use std::cmp::Ordering;

use crate::text::is_cjk_letter;

fn fnv(tag: u8, parts: &[&[u8]]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325 ^ u64::from(tag);
    for p in parts {
        for &b in *p {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// Sorted feature hashes: lowercased Latin words and digits, CJK character bigrams.
pub(super) fn features(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut word = String::new();
    let mut prev: Option<char> = None;
    let flush = |word: &mut String, out: &mut Vec<u64>| {
        if !word.is_empty() {
            out.push(fnv(1, &[word.as_bytes()]));
            word.clear();
        }
    };
    for c in s.chars() {
        if is_cjk_letter(c) {
            flush(&mut word, &mut out);
            let mut b = [0u8; 4];
            let cur = c.encode_utf8(&mut b).as_bytes().to_vec();
            match prev {
                Some(p) => {
                    let mut pb = [0u8; 4];
                    out.push(fnv(2, &[p.encode_utf8(&mut pb).as_bytes(), &cur]));
                }
                None => out.push(fnv(3, &[&cur])),
            }
            prev = Some(c);
        } else if c.is_alphanumeric() {
            prev = None;
            word.extend(c.to_lowercase());
        } else {
            prev = None;
            flush(&mut word, &mut out);
        }
    }
    flush(&mut word, &mut out);
    out.sort_unstable();
    out
}

/// Dice coefficient of two sorted multisets.
pub(super) fn dice(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0usize);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * common as f64 / (a.len() + b.len()) as f64
}

pub(super) fn text_similarity(a: &str, b: &str) -> f64 {
    dice(&features(a), &features(b))
}
