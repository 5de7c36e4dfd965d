//! Units: a version flattened to its section headings and blocks in document order, each
//! with a whitespace-free key for alignment.

use std::sync::Arc;

use crate::model::{Block, Mark, PolicyVersion, Section};

use super::types::{BlockRef, UnitKind};

/// A section; its id and path are shared with the [`BlockRef`]s of its units.
pub(super) struct SecInfo {
    pub(super) id: Arc<str>,
    pub(super) heading: Option<String>,
    pub(super) path: Arc<[Arc<str>]>,
}

pub(super) struct Unit {
    pub(super) section: usize,
    pub(super) kind: UnitKind,
    pub(super) index: Option<usize>,
    pub(super) number: Option<usize>,
    /// Shared with the unit's [`BlockRef`]s.
    pub(super) text: Arc<str>,
    pub(super) key: u32,
    pub(super) format: u64,
}

#[derive(Default)]
pub(super) struct Flat {
    pub(super) sections: Vec<SecInfo>,
    pub(super) units: Vec<Unit>,
}

impl Flat {
    pub(super) fn block_ref(&self, i: usize) -> BlockRef {
        let u = &self.units[i];
        let s = &self.sections[u.section];
        BlockRef {
            section_id: s.id.clone(),
            section_path: s.path.clone(),
            kind: u.kind,
            index: u.index,
            number: u.number,
            text: u.text.clone(),
            format: u.format,
        }
    }

    /// The titles of a section and its ancestors, or the section id when it is not found.
    pub(super) fn section_path_of(&self, id: &str) -> Vec<String> {
        self.sections
            .iter()
            .find(|s| &*s.id == id)
            .map(|s| s.path.iter().map(|t| t.to_string()).collect())
            .unwrap_or_else(|| vec![id.to_string()])
    }
}

/// A fast 64-bit hasher (multiply and rotate, as in rustc's FxHasher, with a final mix):
/// keys and fingerprints are hashed without SipHash and without building strings.
#[derive(Default, Clone, Copy)]
pub(super) struct FastHasher(u64);

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(5) ^ w).wrapping_mul(K);
    }
}

impl std::hash::Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h
    }
}

/// A `HashMap` hasher for keys that are already hashes (or small integers).
pub(super) type FastMap<K, V> =
    std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// A fingerprint of a unit's marks (one list per line). Two units with equal keys differ in
/// formatting when their exact texts or their fingerprints differ; the text is compared, not
/// hashed, and only for those pairs.
fn marks_fingerprint<'m>(lines: impl Iterator<Item = &'m [Mark]>) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = FastHasher::default();
    let mut n = 0usize;
    for marks in lines {
        marks.hash(&mut h);
        n += 1;
    }
    h.write_usize(n);
    h.finish()
}

/// The characters of a unit's key: its text without whitespace.
fn key_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars().filter(|c| !c.is_whitespace())
}

/// Bytes that are whitespace (ASCII) or may start a whitespace character (U+0085, U+00A0,
/// U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000); every other byte of a
/// `str` belongs to a character that is not whitespace.
const SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = matches!(b as u8, b' ' | b'\t'..=b'\r' | 0xC2 | 0xE1..=0xE3);
        b += 1;
    }
    t
};

/// The bytes of a little-endian word that are below `0x21`, `0xC2` or `0xE0`–`0xE3` (a
/// superset of [`SPECIAL`]), each flagged by its high bit. Only the lowest flag is exact (a
/// borrow may flag a byte above a flagged one), and only it is used.
#[inline(always)]
fn special_mask(w: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let below_0x21 = w.wrapping_sub(ONES * 0x21) & !w;
    let c2 = w ^ (ONES * 0xC2);
    let e0 = (w & (ONES * 0xFC)) ^ (ONES * 0xE0);
    (below_0x21 | (c2.wrapping_sub(ONES) & !c2) | (e0.wrapping_sub(ONES) & !e0)) & HIGH
}

/// Whether the character starting at `i`, whose lead byte is a non-ASCII [`SPECIAL`] byte,
/// is whitespace, and its length in bytes: read from its UTF-8 bytes without decoding it.
#[inline]
fn multibyte_whitespace(bytes: &[u8], i: usize) -> (bool, usize) {
    let at = |k: usize| bytes.get(i + k).copied().unwrap_or(0);
    match bytes[i] {
        // U+0085, U+00A0
        0xC2 => (matches!(at(1), 0x85 | 0xA0), 2),
        // U+1680
        0xE1 => (at(1) == 0x9A && at(2) == 0x80, 3),
        // U+2000–U+200A, U+2028, U+2029, U+202F; U+205F
        0xE2 => (
            match at(1) {
                0x80 => matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
                0x81 => at(2) == 0x9F,
                _ => false,
            },
            3,
        ),
        // U+3000
        0xE3 => (at(1) == 0x80 && at(2) == 0x80, 3),
        // 0xE0 (flagged by `special_mask`, not special): a three-byte character.
        _ => (false, 3),
    }
}

/// The bytes of a key fed to a [`FastHasher`] eight at a time.
struct KeyStream {
    h: FastHasher,
    word: u64,
    shift: u32,
}

impl KeyStream {
    /// Appends up to 8 bytes, flushing each complete word.
    #[inline]
    fn small(&mut self, s: &[u8]) {
        let mut b = [0u8; 8];
        b[..s.len()].copy_from_slice(s);
        let w = u64::from_le_bytes(b);
        let bits = 8 * s.len() as u32;
        self.word |= w << self.shift;
        if self.shift + bits >= 64 {
            self.h.add(self.word);
            // The bytes that did not fit (none when `shift` was 0 and 8 bytes came).
            self.word = if self.shift == 0 {
                0
            } else {
                w >> (64 - self.shift)
            };
            self.shift = self.shift + bits - 64;
        } else {
            self.shift += bits;
        }
    }
    #[inline]
    fn bytes(&mut self, s: &[u8]) {
        if s.len() <= 8 {
            self.small(s);
            return;
        }
        let mut chunks = s.chunks_exact(8);
        if self.shift == 0 {
            for c in &mut chunks {
                self.h.add(u64::from_le_bytes([
                    c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
                ]));
            }
        } else {
            // As `small` on each chunk: a whole word leaves `shift` as it was.
            let shift = self.shift;
            for c in &mut chunks {
                let w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
                self.h.add(self.word | (w << shift));
                self.word = w >> (64 - shift);
            }
        }
        self.small(chunks.remainder());
    }
}

/// The hash of a unit's key (heading or block, and the UTF-8 bytes of the text without
/// whitespace): runs of bytes that cannot be whitespace are fed eight bytes at a time, and only
/// the characters starting with a [`SPECIAL`] byte are looked at.
fn key_hash(heading: bool, text: &str) -> u64 {
    let mut k = KeyStream {
        h: FastHasher(u64::from(heading)),
        word: 0,
        shift: 0,
    };
    let bytes = text.as_bytes();
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        // The next special byte: found a word at a time, or one by one in the last bytes.
        let at = match bytes.get(i..i + 8) {
            Some(w) => {
                let m = special_mask(u64::from_le_bytes([
                    w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7],
                ]));
                if m == 0 {
                    i += 8;
                    continue;
                }
                i + (m.trailing_zeros() / 8) as usize
            }
            None => match bytes[i..].iter().position(|&b| SPECIAL[usize::from(b)]) {
                Some(k) => i + k,
                None => break,
            },
        };
        // `at` is a char boundary: special bytes are ASCII or lead bytes.
        let (white, n) = if bytes[at] < 0x80 {
            (true, 1)
        } else {
            multibyte_whitespace(bytes, at)
        };
        if white {
            k.bytes(&bytes[run..at]);
            run = at + n;
        }
        i = at + n;
    }
    k.bytes(&bytes[run..]);
    k.h.add(k.word ^ (u64::from(k.shift) << 58));
    std::hash::Hasher::finish(&k.h)
}

/// Whether two texts are equal once whitespace is removed.
fn same_key(a: &str, b: &str) -> bool {
    a == b || key_chars(a).eq(key_chars(b))
}

/// Numbers the units of both versions by key: two units get the same key when both are
/// headings or both blocks, and their texts are equal once whitespace is removed. The keys
/// are hashed and then compared exactly, so no key string is built.
pub(super) fn assign_keys(a: &mut Flat, b: &mut Flat) {
    // First unit of each key (version, unit), and the next key with the same hash.
    let mut reps: Vec<(bool, u32, u32)> = Vec::new();
    let mut first: FastMap<u64, u32> = FastMap::default();
    first.reserve(a.units.len() + b.units.len());
    for side in [false, true] {
        let n = if side { b.units.len() } else { a.units.len() };
        for i in 0..n {
            let u = if side { &b.units[i] } else { &a.units[i] };
            let heading = u.kind == UnitKind::Heading;
            if side {
                // A new unit with the text of the old unit at its place, counted from the start
                // or from the end, has that unit's key, without hashing: most units of a new
                // version are where they were.
                let (na, nb) = (a.units.len(), b.units.len());
                let twin = [Some(i), (i + na).checked_sub(nb)]
                    .into_iter()
                    .flatten()
                    .filter(|&j| j < na)
                    .map(|j| &a.units[j])
                    .find(|v| (v.kind == UnitKind::Heading) == heading && v.text == u.text);
                if let Some(v) = twin {
                    b.units[i].key = v.key;
                    continue;
                }
            }
            let h = key_hash(heading, &u.text);
            let key = match first.get(&h) {
                None => {
                    first.insert(h, reps.len() as u32);
                    None
                }
                Some(&k) => {
                    let mut k = k;
                    loop {
                        let (s, r, next) = reps[k as usize];
                        let v = if s {
                            &b.units[r as usize]
                        } else {
                            &a.units[r as usize]
                        };
                        if (v.kind == UnitKind::Heading) == heading && same_key(&v.text, &u.text) {
                            break Some(k);
                        }
                        if next == u32::MAX {
                            reps[k as usize].2 = reps.len() as u32;
                            break None;
                        }
                        k = next;
                    }
                }
            };
            let key = key.unwrap_or_else(|| {
                reps.push((side, i as u32, u32::MAX));
                reps.len() as u32 - 1
            });
            if side {
                b.units[i].key = key;
            } else {
                a.units[i].key = key;
            }
        }
    }
}

/// A version's units in document order, with the key of each unit left at 0 until
/// [`assign_keys`].
pub(super) fn flatten(v: &PolicyVersion) -> Flat {
    /// `scratch`: a buffer for the texts that are written (titles, lists, tables), reused.
    fn walk(
        s: &Section,
        path: &Arc<[Arc<str>]>,
        f: &mut Flat,
        number: &mut usize,
        scratch: &mut String,
    ) {
        scratch.clear();
        s.write_title(scratch);
        let title: Arc<str> = Arc::from(scratch.as_str());
        let titled = !title.trim().is_empty();
        let p: Arc<[Arc<str>]> = if titled {
            path.iter().cloned().chain([title.clone()]).collect()
        } else {
            path.clone()
        };
        let si = f.sections.len();
        f.sections.push(SecInfo {
            id: s.id.as_str().into(),
            heading: s.heading.clone(),
            path: p.clone(),
        });
        if titled {
            let format = marks_fingerprint(std::iter::empty());
            f.units.push(Unit {
                section: si,
                kind: UnitKind::Heading,
                index: None,
                number: None,
                text: title,
                key: 0,
                format,
            });
        }
        for (i, b) in s.blocks.iter().enumerate() {
            *number += 1;
            let format = marks_fingerprint(b.marks());
            let (text, kind) = match b {
                Block::Paragraph { text, .. } => (Arc::from(text.as_str()), UnitKind::Paragraph),
                _ => {
                    scratch.clear();
                    b.write_plain(scratch);
                    let kind = match b {
                        Block::Table { .. } => UnitKind::Table,
                        _ => UnitKind::List,
                    };
                    (Arc::from(scratch.as_str()), kind)
                }
            };
            f.units.push(Unit {
                section: si,
                kind,
                index: Some(i),
                number: Some(*number),
                text,
                key: 0,
                format,
            });
        }
        for c in &s.sections {
            walk(c, &p, f, number, scratch);
        }
    }
    fn count(s: &Section) -> (usize, usize) {
        s.sections
            .iter()
            .map(count)
            .fold((1, s.blocks.len() + 1), |a, b| (a.0 + b.0, a.1 + b.1))
    }
    let (sections, units) = v
        .sections
        .iter()
        .map(count)
        .fold((0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let mut f = Flat {
        sections: Vec::with_capacity(sections),
        units: Vec::with_capacity(units),
    };
    let mut number = 0;
    let root: Arc<[Arc<str>]> = Arc::new([]);
    let mut scratch = String::new();
    for s in &v.sections {
        walk(s, &root, &mut f, &mut number, &mut scratch);
    }
    f
}

/// The texts the diff compares, in document order: every non-empty section title (label and
/// heading) and every block's plain text. [`apply`] produces the new version's list.
pub fn text_units(v: &PolicyVersion) -> Vec<String> {
    flatten(v)
        .units
        .into_iter()
        .map(|u| u.text.to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_read_from_bytes_as_std_decodes_it() {
        for c in (0x80..=0x3400u32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let s = c.encode_utf8(&mut buf).as_bytes();
            if SPECIAL[usize::from(s[0])] {
                assert_eq!(
                    multibyte_whitespace(s, 0),
                    (c.is_whitespace(), c.len_utf8()),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
        assert_eq!(special_mask(u64::from_le_bytes(*b"abcdefgh")), 0);
        assert_eq!(
            special_mask(u64::from_le_bytes(*b"\xe4\xb8\x80\xe9\xbf\xbfab")),
            0
        );
        for b in [
            b' ', b'\t', b'\n', 0x0b, 0x0c, b'\r', 0xC2, 0xE1, 0xE2, 0xE3,
        ] {
            for at in 0..8 {
                for fill in [b'x', 0xBF, 0x80] {
                    let mut w = [fill; 8];
                    w[at] = b;
                    let m = special_mask(u64::from_le_bytes(w));
                    assert_eq!(
                        m.trailing_zeros() / 8,
                        at as u32,
                        "{b:#x} at {at} in {fill:#x}"
                    );
                }
            }
        }
    }

    #[test]
    fn key_hash_ignores_every_whitespace_character() {
        let spaced = "收集 您的\u{3000}手机号码\u{a0}和\t邮箱\u{2003}用于 login,\u{2028}now \u{85}ok\u{202f}.";
        let plain: String = key_chars(spaced).collect();
        assert_eq!(key_hash(false, spaced), key_hash(false, &plain));
        assert_ne!(key_hash(false, spaced), key_hash(true, &plain));
        assert!(same_key(spaced, &plain));
        // Characters sharing a lead byte with whitespace are kept.
        for t in ["“引号”", "\u{a9}", "\u{3001}", "\u{1681}"] {
            assert_ne!(key_hash(false, t), key_hash(false, ""), "{t}");
        }
        // A long run after a short one is fed at an offset inside the hashed words.
        for cut in 1..12 {
            let long = "abcdefghijklmnopqrstuvwxyz收集您的手机号码和邮箱用于登录";
            let spaced = format!("{} {}", &long[..cut], &long[cut..]);
            assert_eq!(key_hash(false, &spaced), key_hash(false, long), "{cut}");
            assert_ne!(
                key_hash(false, &spaced),
                key_hash(false, &long[1..]),
                "{cut}"
            );
        }
        for n in 0..20 {
            let a = "甲".repeat(n) + " x";
            let b = "甲".repeat(n) + "x";
            assert_eq!(key_hash(false, &a), key_hash(false, &b));
            assert_ne!(key_hash(false, &a), key_hash(false, &(b.clone() + "y")));
        }
    }
}
