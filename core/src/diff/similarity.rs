//! Similarity of two texts: the Dice coefficient of their feature multisets (Latin words,
//! CJK character bigrams), hashed.

use std::cmp::Ordering;

use crate::text::is_cjk_letter;

#[cfg(test)]
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

const FNV_PRIME: u64 = 0x0100_0000_01b3;

/// Incremental [`fnv`]: `start(tag)`, bytes of a part, `end_part`, and so on.
#[inline]
fn fnv_start(tag: u8) -> u64 {
    0xcbf2_9ce4_8422_2325 ^ u64::from(tag)
}

#[inline]
fn fnv_bytes(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(FNV_PRIME);
    }
    h
}

#[inline]
fn fnv_end_part(h: u64) -> u64 {
    (h ^ 0xff).wrapping_mul(FNV_PRIME)
}

/// Sorted feature hashes: lowercased Latin words and digits, CJK character bigrams. The same
/// hashes as [`fnv`] over the lowercased word or the bigram's characters, computed without
/// building them.
pub(super) fn features(s: &str) -> Vec<u64> {
    let mut out = Vec::new();
    // The hash of the word being read, if any.
    let mut word: Option<u64> = None;
    let mut prev: Option<char> = None;
    let flush = |word: &mut Option<u64>, out: &mut Vec<u64>| {
        if let Some(h) = word.take() {
            out.push(fnv_end_part(h));
        }
    };
    let mut buf = [0u8; 4];
    for c in s.chars() {
        if is_cjk_letter(c) {
            flush(&mut word, &mut out);
            let cur = c.encode_utf8(&mut buf).as_bytes();
            let h = match prev {
                Some(p) => {
                    let mut pb = [0u8; 4];
                    let h =
                        fnv_end_part(fnv_bytes(fnv_start(2), p.encode_utf8(&mut pb).as_bytes()));
                    fnv_end_part(fnv_bytes(h, cur))
                }
                None => fnv_end_part(fnv_bytes(fnv_start(3), cur)),
            };
            out.push(h);
            prev = Some(c);
        } else if c.is_alphanumeric() {
            prev = None;
            let mut h = word.unwrap_or_else(|| fnv_start(1));
            if c.is_ascii() {
                h = fnv_bytes(h, &[c.to_ascii_lowercase() as u8]);
            } else {
                for l in c.to_lowercase() {
                    h = fnv_bytes(h, l.encode_utf8(&mut buf).as_bytes());
                }
            }
            word = Some(h);
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The former implementation, which built each word and bigram.
    fn features_built(s: &str) -> Vec<u64> {
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

    #[test]
    fn features_are_the_hashes_of_the_built_words_and_bigrams() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies/zeekr");
        let text = std::fs::read_to_string(dir.join("2025-12-31.json")).unwrap();
        for t in [
            text.as_str(),
            "",
            "We share DATA with İstanbul ÅB 3.5, ß and Σίσυφος",
            "极物商城由关联方浙江浩物网络科技有限公司负责运营 Zeekr 001，极氪",
        ] {
            assert_eq!(features(t), features_built(t));
        }
    }
}
