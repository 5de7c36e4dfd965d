//! Named things inside policy text: e-mail addresses, phone numbers, company names and dates
//! (numbering labels have their own module, [`crate::numbering`]). One finder for each, shared by the importer, the diff and the extractor so
//! that they agree on what counts as, say, a phone number.
//!
//! Every finder returns byte ranges into the text it was given, so callers can quote verbatim.

use std::ops::Range;

use crate::text::is_cjk_letter;

mod dates;
pub use dates::{looks_like_date, parse_date};

/// Byte ranges of e-mail addresses (`user@host.tld`; trailing dots are not part of it).
pub fn emails(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for (i, _) in text.match_indices('@') {
        let mut s = i;
        while s > 0 && (b[s - 1].is_ascii_alphanumeric() || b"._%+-".contains(&b[s - 1])) {
            s -= 1;
        }
        while s < i && b".-".contains(&b[s]) {
            s += 1;
        }
        let mut e = i + 1;
        while e < b.len() && (b[e].is_ascii_alphanumeric() || b".-".contains(&b[e])) {
            e += 1;
        }
        while e > i + 1 && matches!(b[e - 1], b'.' | b'-') {
            e -= 1;
        }
        let host = &text[i + 1..e];
        let tld_ok = host
            .rsplit('.')
            .next()
            .is_some_and(|t| t.len() >= 2 && t.bytes().all(|c| c.is_ascii_alphabetic()));
        if s < i && host.contains('.') && tld_ok {
            out.push(s..e);
        }
    }
    out.extend(spelled_emails(text));
    out.sort_by_key(|r| r.start);
    out
}

/// The address an [`emails`] range holds, with a spelled-out one written plainly:
/// "privacy [at] acme [dot] com" is privacy@acme.com.
pub fn email_address(found: &str) -> String {
    let mut a = found.to_string();
    for (spelled, plain) in [
        ("[at]", "@"),
        ("(at)", "@"),
        ("{at}", "@"),
        ("[dot]", "."),
        ("(dot)", "."),
        ("{dot}", "."),
    ] {
        a = a
            .replace(spelled, plain)
            .replace(&spelled.to_uppercase(), plain);
    }
    a.split_whitespace().collect()
}

/// Addresses spelled out against harvesters: "privacy [at] acme [dot] com", "privacy (at)
/// acme (dot) co (dot) uk", "privacy at acme dot com" is not (too easily prose). The range
/// covers the spelled form, as the text gives it.
fn spelled_emails(text: &str) -> Vec<Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let mut out = Vec::new();
    for at in ["[at]", "(at)", "{at}"] {
        for (i, _) in lower.match_indices(at) {
            let b = lower.as_bytes();
            let word = |c: u8| c.is_ascii_alphanumeric() || b"._%+-".contains(&c);
            // The local part, right before (a space allowed).
            let mut s = i;
            while s > 0 && b[s - 1] == b' ' {
                s -= 1;
            }
            let local_end = s;
            while s > 0 && word(b[s - 1]) {
                s -= 1;
            }
            if s == local_end {
                continue;
            }
            // The host: words joined by "." or a spelled dot.
            let dot = at.replace("at", "dot");
            let mut e = i + at.len();
            let mut parts = 0;
            loop {
                let mut k = e;
                while k < b.len() && b[k] == b' ' {
                    k += 1;
                }
                let start = k;
                while k < b.len() && (b[k].is_ascii_alphanumeric() || b[k] == b'-') {
                    k += 1;
                }
                if k == start {
                    break;
                }
                parts += 1;
                e = k;
                let mut j = k;
                while j < b.len() && b[j] == b' ' {
                    j += 1;
                }
                if lower[j..].starts_with(&dot) {
                    e = j + dot.len();
                } else if b.get(j) == Some(&b'.')
                    && b.get(j + 1).is_some_and(u8::is_ascii_alphanumeric)
                {
                    e = j + 1;
                } else {
                    break;
                }
            }
            // Back off a trailing spelled dot with nothing after it.
            let spelled = &lower[s..e];
            if parts >= 2 && !spelled.ends_with(&dot) && !spelled.ends_with('.') {
                out.push(s..e);
            }
        }
    }
    out
}

/// Prefixes of standard and document numbers: a number after one of these is not a phone.
/// (GB/T 35273-2020, YD/T 2781-2014, ISO/IEC 27001, ICP filings, 粤B2-20090059.)
const NOT_PHONE_BEFORE: &[&str] = &[
    "GB/T",
    "GB/Z",
    "GB",
    "YD/T",
    "JR/T",
    "GA/T",
    "TC260",
    "T/",
    "ISO/IEC",
    "ISO",
    "IEC",
    "RFC",
    "No.",
    "NO.",
    "no.",
    "ICP",
    "备",
    "B2-",
    "B1-",
    "证",
    "证号",
    "编号",
    "备案号",
    "第",
    "版本",
    "Version",
    "version",
    "v",
    "V",
];

/// Words that say the number next to them is a phone number.
const PHONE_CONTEXT: &[&str] = &[
    "电话",
    "热线",
    "客服",
    "致电",
    "拨打",
    "手机",
    "座机",
    "tel",
    "phone",
    "call",
    "hotline",
    "telephone",
    "mobile",
];

/// Byte ranges of phone numbers: `400-800-6699`, `010-12345678`, `+86 10 1234 5678`,
/// `(010) 8888 6666`, `13800138000`, `95018` after 电话/hotline. Standard numbers
/// (`GB/T 35273-2020`), dates, years and long IDs are not phones.
pub fn phones(text: &str) -> Vec<Range<usize>> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let starts = b[i].is_ascii_digit()
            || (matches!(b[i], b'+' | b'(') && b.get(i + 1).is_some_and(u8::is_ascii_digit));
        let glued = i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'.' | b'/'));
        if !starts || glued {
            i += 1;
            continue;
        }
        let s = i;
        let mut digits = 0;
        let mut groups = 1;
        while i < b.len() {
            let c = b[i];
            if c.is_ascii_digit() {
                digits += 1;
                i += 1;
            } else if (matches!(c, b'-' | b' ' | b')' | b'(') || (c == b'+' && i == s))
                && b.get(i + 1).is_some_and(|d| {
                    d.is_ascii_digit()
                        || (c == b')' && *d == b' ')
                        // "+1 (212) 555-0147": an area code in brackets after the country code.
                        || (c == b' '
                            && *d == b'('
                            && b.get(i + 2).is_some_and(u8::is_ascii_digit))
                })
            {
                groups += usize::from(c != b'+' && c != b'(');
                i += 1;
            } else {
                break;
            }
        }
        let mut e = i;
        while e > s && !b[e - 1].is_ascii_digit() {
            e -= 1;
        }
        let cand = &text[s..e];
        if is_phone(text, s, e, cand, digits, groups) {
            out.push(s..e);
        }
        i = i.max(s + 1);
    }
    out
}

fn is_phone(text: &str, s: usize, e: usize, cand: &str, digits: usize, groups: usize) -> bool {
    let after = &text[e..];
    // Glued to letters or more digits after a dot (a version, an amount): not a phone.
    if after.starts_with(|c: char| c.is_ascii_alphabetic())
        || (after.starts_with(['.', ',']) && after[1..].starts_with(|c: char| c.is_ascii_digit()))
        || after.starts_with(['年', '月', '日', '%', '元', '号', '条', '款'])
    {
        return false;
    }
    let before = text[..s].trim_end();
    if NOT_PHONE_BEFORE.iter().any(|p| before.ends_with(p)) {
        return false;
    }
    if looks_like_date(cand) {
        return false;
    }
    // A fax number cannot be called: "Fax (614) 555-0183", "传真：010-…".
    let label = before
        .trim_end_matches([':', '：', '.', ' '])
        .to_lowercase();
    if label.ends_with("fax") || label.ends_with("传真") {
        return false;
    }
    // A postcode: a US ZIP+4 after a state ("DE 19899-4410"), or five or six digits between a
    // street and a place name ("Puerto 12, 39001 Santander", "Str. 40, 10178 Berlin").
    let bb = before.as_bytes();
    let state = bb.len() >= 2
        && bb[bb.len() - 2..].iter().all(u8::is_ascii_uppercase)
        && !bb[..bb.len() - 2]
            .last()
            .is_some_and(u8::is_ascii_alphabetic);
    let zip4 = cand.len() == 10 && cand.as_bytes()[5] == b'-' && digits == 9;
    let place_after = after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(|c: char| c.is_ascii_uppercase()));
    let after_street = before.ends_with(',');
    if (zip4 && state) || ((5..=6).contains(&digits) && groups == 1 && place_after && after_street)
    {
        return false;
    }
    let window_start = floor_char(text, s.saturating_sub(40));
    let context = text[window_start..s].to_lowercase();
    let in_context = PHONE_CONTEXT.iter().any(|w| context.contains(w));
    let plain = cand.bytes().all(|c| c.is_ascii_digit());
    match digits {
        5 | 6 => plain && in_context && !cand.starts_with('0'),
        7..=9 => groups >= 2 || in_context,
        10..=13 => {
            groups >= 2
                || in_context
                || (digits == 11 && cand.starts_with('1') && !cand.starts_with("10"))
                || (digits == 10 && (cand.starts_with("400") || cand.starts_with("800")))
        }
        14..=15 => cand.starts_with('+') && groups >= 2,
        _ => false,
    }
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

const CJK_STOPS: &str = "由方的与和及或为是向将在经被即称请、，。；：“”《》（）()";
const GENERIC_COMPANY: [&str; 10] = ["", "本", "该", "子", "母", "分", "我", "贵", "其", "此"];
pub(crate) const LATIN_COMPANY_SUFFIXES: &[&str] = &[
    "Co., Ltd.",
    "Co.,Ltd.",
    "Co., Ltd",
    "Ltd.",
    "Ltd",
    "Limited",
    "Inc.",
    "LLC",
    "GmbH",
    "Corporation",
    "Corp.",
    // European and other legal forms (Spotify AB, Booking.com B.V., Rovio Oy).
    "plc",
    "PLC",
    "LLP",
    "AG",
    "ApS",
    "AB",
    "Oy",
    "B.V.",
    "N.V.",
    "S.A.",
    "S.p.A.",
    "S.r.l.",
    "SAS",
    "K.K.",
];

/// A word that ends a company's name: the walk back from one name's suffix stops at another's
/// ("Unity Technologies ApS and AppLovin Corporation" are two).
fn ends_a_name(w: &str) -> bool {
    LATIN_COMPANY_SUFFIXES
        .iter()
        .any(|s| !s.contains(' ') && w.trim_end_matches(',') == *s)
}

/// Occurrences of `needle` in `hay`; a needle that starts with an ASCII letter must not be
/// glued to a letter before it (so "ltd" is not found in "altd").
pub fn find_word<'a>(hay: &'a str, needle: &'a str) -> impl Iterator<Item = Range<usize>> + 'a {
    hay.match_indices(needle).filter_map(move |(i, _)| {
        let ascii_word = needle.starts_with(|c: char| c.is_ascii_alphabetic());
        let ok = !ascii_word
            || !hay[..i]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_ascii_alphabetic());
        ok.then(|| i..i + needle.len())
    })
}

/// Byte ranges of company names: CJK names ending in 公司 or 集团, Latin names ending in
/// Co., Ltd. / Ltd / Inc. / LLC / GmbH / Limited / Corporation.
pub fn company_names(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for suffix in ["公司", "集团"] {
        for (i, _) in text.match_indices(suffix) {
            let mut start = i;
            let mut chars = text[..i].char_indices().rev().peekable();
            while let Some((k, c)) = chars.next() {
                if i - k > 90 {
                    break;
                }
                // A place in brackets inside a name: 腾讯科技（深圳）有限公司.
                if matches!(c, '）' | ')') {
                    let inner: Vec<(usize, char)> = text[..k]
                        .char_indices()
                        .rev()
                        .take_while(|&(_, x)| is_cjk_letter(x) && !CJK_STOPS.contains(x))
                        .take(7)
                        .collect();
                    let open = inner.last().map_or(k, |&(b, _)| b);
                    let opened = text[..open].ends_with(['（', '(']);
                    let named_before = text[..open]
                        .trim_end_matches(['（', '('])
                        .chars()
                        .next_back()
                        .is_some_and(is_cjk_letter);
                    if (1..=6).contains(&inner.len()) && opened && named_before {
                        for _ in 0..=inner.len() {
                            chars.next();
                        }
                        let bracket = text[..open].chars().next_back().map_or(0, char::len_utf8);
                        start = open - bracket;
                        continue;
                    }
                    break;
                }
                if !is_cjk_letter(c) || CJK_STOPS.contains(c) {
                    break;
                }
                start = k;
            }
            // A Latin brand written onto the name: OPPO广东移动通信有限公司, TCL科技集团….
            let brand = text[..start]
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_ascii_alphanumeric())
                .take(20)
                .last()
                .map(|(k, _)| k);
            if let Some(k) = brand.filter(|&k| k < start && start < i) {
                let before = text[..k].chars().next_back();
                if !before.is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '@') {
                    start = k;
                }
            }
            let stem = text[start..i]
                .trim_end_matches("有限责任")
                .trim_end_matches("股份有限")
                .trim_end_matches("有限");
            if !GENERIC_COMPANY.contains(&stem) {
                out.push(start..i + suffix.len());
            }
        }
    }
    for &suffix in LATIN_COMPANY_SUFFIXES {
        for r in find_word(text, suffix) {
            // A suffix is a word of its own: "AB" not in "ABC", "Oy" not in "Oyster".
            if text[r.end..]
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric())
            {
                continue;
            }
            if out
                .iter()
                .any(|o: &Range<usize>| o.start <= r.start && r.end <= o.end)
            {
                continue;
            }
            let mut start = r.start;
            let mut words: usize = 0;
            let before = &text[..r.start];
            let mut pos = before.trim_end().len();
            while words < 8 && pos > 0 {
                let seg = &before[..pos];
                let ws = seg.rfind(char::is_whitespace).map_or(0, |p| p + 1);
                let w = &seg[ws..];
                // An opening bracket belongs to the name only when the name closes it
                // ("Tencent (Shenzhen) Ltd."); else the name starts after it ("(Google LLC").
                if let Some(inner) = w.strip_prefix('(').filter(|w| !w.contains(')')) {
                    if inner.starts_with(char::is_uppercase) {
                        start = ws + 1;
                        words += 1;
                    }
                    break;
                }
                let ok = w.starts_with(|c: char| c.is_uppercase() || c == '(' || c == '&')
                    || matches!(w, "and" | "of" | "&");
                if !ok || w.is_empty() || ends_a_name(w) {
                    break;
                }
                start = ws;
                words += 1;
                pos = before[..ws].trim_end().len();
            }
            // A name does not start with a joining word ("and AppLovin Corporation").
            while let Some(rest) = ["and ", "of ", "& "]
                .iter()
                .find_map(|j| text[start..r.start].strip_prefix(j))
            {
                start = r.start - rest.len();
                words = words.saturating_sub(1);
            }
            if words > 0 {
                out.push(start..r.end);
            }
        }
    }
    out.sort_by_key(|r| r.start);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(f: fn(&str) -> Vec<Range<usize>>, t: &str) -> Vec<String> {
        f(t).into_iter().map(|r| t[r].to_string()).collect()
    }

    #[test]
    fn phones_are_phones_and_standards_are_not() {
        let t =
            "客服电话：400-800-6699，或拨打 010-12345678。依据GB/T 35273-2020和GB/T 35273—2020。";
        assert_eq!(found(phones, t), ["400-800-6699", "010-12345678"]);
        assert!(found(phones, "updated 2025-05-19 and 2019-2020").is_empty());
        assert!(found(phones, "ISO/IEC 27001:2013 and YD/T 2781-2014").is_empty());
        assert_eq!(
            found(phones, "Call +86 10 1234 5678 now"),
            ["+86 10 1234 5678"]
        );
        assert_eq!(found(phones, "服务热线95018。"), ["95018"]);
        assert_eq!(
            found(phones, "Hotline: +1 (212) 555-0147"),
            ["+1 (212) 555-0147"]
        );
        assert!(found(phones, "我们保存180天").is_empty());
        assert!(found(phones, "共 12345 名").is_empty());
        assert_eq!(found(phones, "手机号13800138000"), ["13800138000"]);
        assert!(found(phones, "粤B2-20090059").is_empty());
        assert!(found(phones, "amount 1,234,567.89").is_empty());
        // Postcodes and fax numbers are not phones.
        for t in [
            "Contact: PO Box 4410, Wilmington, DE 19899-4410",
            "Phone us or write: Calle del Puerto 12, 39001 Santander, Spain",
            "Tel. (614) 555-0182 Fax (614) 555-0183",
            "传真：010-87654321",
        ] {
            let got = found(phones, t);
            assert!(
                got.len() <= 1 && got.iter().all(|p| p.ends_with("0182")),
                "{t}: {got:?}"
            );
        }
        assert_eq!(found(phones, "客服热线 95555 Monday to Friday"), ["95555"]);
    }

    #[test]
    fn emails_keep_dots_inside_and_drop_trailing_ones() {
        let t = "联系 a.b@bmw.com.cn. 或 privacy@zeekrlife.com。";
        assert_eq!(
            found(emails, t),
            ["a.b@bmw.com.cn", "privacy@zeekrlife.com"]
        );
        assert!(found(emails, "@handle and x@y").is_empty());
        assert_eq!(
            found(
                emails,
                "Write to privacy [at] meridianhp [dot] com or dpo (at) acme (dot) co (dot) uk."
            ),
            [
                "privacy [at] meridianhp [dot] com",
                "dpo (at) acme (dot) co (dot) uk"
            ]
        );
        assert!(found(emails, "meet us [at] the office").is_empty());
        assert_eq!(
            email_address("dpo (at) acme (dot) co (dot) uk"),
            "dpo@acme.co.uk"
        );
    }

    #[test]
    fn latin_company_names_end_at_brackets_and_other_names() {
        assert_eq!(
            found(
                company_names,
                "such as cloud hosting (Google LLC) and payments"
            ),
            ["Google LLC"]
        );
        assert_eq!(
            found(company_names, "We share your advertising ID with Unity Technologies ApS and AppLovin Corporation for advertising."),
            ["Unity Technologies ApS", "AppLovin Corporation"]
        );
        assert_eq!(
            found(
                company_names,
                "operated by Tencent (Shenzhen) Ltd. and Booking.com B.V."
            ),
            ["Tencent (Shenzhen) Ltd.", "Booking.com B.V."]
        );
        assert!(found(company_names, "We run AB tests and Oyster cards.").is_empty());
    }

    #[test]
    fn company_names_are_found() {
        let t = "腾讯科技（深圳）有限公司和青禾网络科技（杭州）有限公司（以下简称“我们”）";
        assert_eq!(
            found(company_names, t),
            ["腾讯科技（深圳）有限公司", "青禾网络科技（杭州）有限公司"]
        );
        assert_eq!(
            found(company_names, "本公司（以下简称“我们”）"),
            Vec::<String>::new()
        );
        let t = "OPPO广东移动通信有限公司（以下简称“我们”）与vivo移动通信有限公司";
        assert_eq!(
            found(company_names, t),
            ["OPPO广东移动通信有限公司", "vivo移动通信有限公司"]
        );
        let t = "浙江吉利汽车备件有限公司（以下简称“我们”）与 NavInfo Co., Ltd. 合作";
        assert_eq!(
            found(company_names, t),
            ["浙江吉利汽车备件有限公司", "NavInfo Co., Ltd."]
        );
    }
}
