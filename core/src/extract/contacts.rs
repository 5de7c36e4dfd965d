//! Contacts: e-mail addresses, phone numbers, postal addresses and the responsible person or
//! department. Emails and phones come from [`crate::entities`]; this module decides which
//! are the company's contacts: not an example value, not inside an example clause, and (for
//! phones) in a sentence or section about reaching the company.

use super::lexicon::{
    ADDRESS_LABELS, ADDRESS_WORDS_ZH, CONTACT_CONTEXT, EXAMPLE, EXAMPLE_VALUES, RESPONSIBLE,
};
use super::{has_any, trim_punct, Doc, LineKind, SUGGESTED};
use crate::entities::{emails, phones};
use crate::model::{Contact, ContactKind};

/// Words that put a sentence about personal information or its rights.
const PRIVACY: &[&str] = &[
    "个人信息",
    "隐私",
    "权利",
    "请求",
    "投诉",
    "privacy",
    "personal",
    "rights",
    "request",
    "complaint",
    "data protection",
];

pub(crate) fn find(doc: &Doc) -> Vec<Contact> {
    let mut out: Vec<Contact> = Vec::new();
    let mut push = |c: Contact| {
        let key = normalise(c.kind, &c.value);
        if !out
            .iter()
            .any(|o| o.kind == c.kind && normalise(o.kind, &o.value) == key)
        {
            out.push(c);
        }
    };
    for (line, sentence) in doc.sentences() {
        let in_contact_part = has_any(doc.path(line), CONTACT_CONTEXT);
        for r in emails(sentence) {
            let value = &crate::entities::email_address(&sentence[r.clone()]);
            // Outside the contact part, an address must be for privacy matters (not, say, a
            // newsletter's unsubscribe address).
            let for_privacy = in_contact_part || has_any(sentence, PRIVACY);
            if !for_privacy || is_example(sentence, r.start, value) {
                continue;
            }
            push(item(
                doc,
                line,
                ContactKind::Email,
                value,
                quote(sentence, r.start),
            ));
        }
        for r in phones(sentence) {
            let value = &sentence[r.clone()];
            let placeholder = sentence[r.end..].starts_with(['x', 'X', '*', '×']);
            let context = in_contact_part || has_any(&sentence[..r.start], CONTACT_CONTEXT);
            if placeholder || !context || is_example(sentence, r.start, value) {
                continue;
            }
            push(item(
                doc,
                line,
                ContactKind::Phone,
                value,
                quote(sentence, r.start),
            ));
        }
        let context = in_contact_part || has_any(sentence, CONTACT_CONTEXT);
        let unlabelled = || context.then(|| street_address(sentence)).flatten();
        if let Some((value, q)) = address(sentence).or_else(unlabelled) {
            push(item(doc, line, ContactKind::Address, value, q));
        }
        if let Some((value, q)) = responsible(sentence, in_contact_part) {
            push(item(doc, line, ContactKind::Responsible, value, q));
        }
    }
    for (line, value, quote) in line_addresses(doc) {
        push(item(doc, line, ContactKind::Address, &value, &quote));
    }
    out
}

/// A postal address set one part per line in the contact part, as web pages write it with
/// `<br>` ("Unit 4, Harbour Yard" / "Bristol BS1 6XX"): consecutive short lines from the first
/// one holding a number to one ending in a postcode. The value joins the parts with commas; the
/// quote is the lines as written (a quote may span blocks, whitespace aside).
fn line_addresses<'d>(doc: &'d Doc) -> Vec<(&'d super::Line, String, String)> {
    let part = |l: &super::Line| {
        l.kind == LineKind::Paragraph
            && has_any(doc.path(l), CONTACT_CONTEXT)
            && l.text.chars().count() <= 60
            && !l.text.contains(['@', ':', '：', '。'])
            && !l.text.trim_end().ends_with('.')
    };
    let mut out = Vec::new();
    let lines = &doc.lines;
    let mut i = 0;
    while i < lines.len() {
        let first = &lines[i];
        if !(part(first) && first.text.chars().any(|c| c.is_ascii_digit())) {
            i += 1;
            continue;
        }
        // The parts that follow in the same section, block after block.
        let mut end = i;
        while end + 1 < lines.len()
            && end + 1 - i < 5
            && part(&lines[end + 1])
            && lines[end + 1].section == first.section
            && lines[end + 1].block == lines[end].block + 1
        {
            end += 1;
            if ends_in_postcode(&lines[end].text) {
                let parts: Vec<&str> = lines[i..=end]
                    .iter()
                    .map(|l| l.text.trim().trim_end_matches(','))
                    .collect();
                let quote = lines[i..=end]
                    .iter()
                    .map(|l| l.text.trim())
                    .collect::<Vec<_>>()
                    .join(" ");
                out.push((first, parts.join(", "), quote));
                break;
            }
        }
        i = end + 1;
    }
    out
}

/// Whether a line ends in a UK postcode ("BS1 6XX"), a US state and ZIP code ("CA 94105") or
/// a five- or six-digit postal code after a place name.
fn ends_in_postcode(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    let [.., a, b] = words.as_slice() else {
        return false;
    };
    let (a, b): (&str, &str) = (a, b.trim_end_matches(['.', ',']));
    let upper_alnum = |w: &str| {
        w.bytes()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    };
    let uk = (2..=4).contains(&a.len())
        && upper_alnum(a)
        && a.starts_with(|c: char| c.is_ascii_uppercase())
        && a.bytes().any(|c| c.is_ascii_digit())
        && b.len() == 3
        && upper_alnum(b)
        && b.starts_with(|c: char| c.is_ascii_digit());
    let us = a.len() == 2
        && a.bytes().all(|c| c.is_ascii_uppercase())
        && b.len() == 5
        && b.bytes().all(|c| c.is_ascii_digit());
    let code = (5..=6).contains(&b.len())
        && b.bytes().all(|c| c.is_ascii_digit())
        && a.starts_with(|c: char| c.is_uppercase());
    uk || us || code
}

fn item(doc: &Doc, line: &super::Line, kind: ContactKind, value: &str, quote: &str) -> Contact {
    Contact {
        kind,
        value: value.trim().to_string(),
        source: doc.cite(line, quote),
        suggested: SUGGESTED,
    }
}

/// The comparison key of a contact value: digits of a phone, lowercase email.
pub(crate) fn normalise(kind: ContactKind, value: &str) -> String {
    match kind {
        ContactKind::Phone => value.chars().filter(char::is_ascii_digit).collect(),
        _ => crate::text::squash(&value.to_lowercase()),
    }
}

/// Whether a value is a placeholder or sits in an example clause of its sentence.
fn is_example(sentence: &str, at: usize, value: &str) -> bool {
    has_any(value, EXAMPLE_VALUES) || has_any(&sentence[..at], EXAMPLE)
}

/// The clause of `sentence` holding byte `at`: the quote for a value ("客服电话:400-003-6036").
fn quote(sentence: &str, at: usize) -> &str {
    let start = sentence[..at]
        .rfind(['，', ',', '；', ';', '。'])
        .map_or(0, |i| {
            i + sentence[i..].chars().next().map_or(1, char::len_utf8)
        });
    let end = sentence[at..]
        .find(['，', '；', ';', '。'])
        .map_or(sentence.len(), |i| at + i);
    let q = trim_punct(&sentence[start..end]);
    if q.is_empty() {
        sentence
    } else {
        q
    }
}

/// A postal address after an address label and a colon: "联系地址：浙江省…2086号",
/// "Address: 28/F, …, Beijing 100027". Chinese values must read like an address.
fn address(sentence: &str) -> Option<(&str, &str)> {
    for label in ADDRESS_LABELS {
        let lower = sentence.to_ascii_lowercase();
        let Some(i) = lower.find(&label.to_ascii_lowercase()) else {
            continue;
        };
        // "IP地址", "邮箱地址", "email address" are not postal addresses.
        let before = &sentence[..i];
        if before.ends_with(|c: char| c.is_ascii_alphanumeric())
            || [
                "邮箱", "邮件", "网络", "IP", "MAC", "网站", "email ", "e-mail ", "IP ",
            ]
            .iter()
            .any(|b| before.ends_with(b))
        {
            continue;
        }
        let rest = &sentence[i + label.len()..];
        let rest = rest
            .trim_start()
            .strip_prefix(['：', ':'])
            .or_else(|| rest.trim_start().strip_prefix("为"))?;
        // An address ends at the end of its clause or at a bracket around it.
        let end = rest
            .find(['）', ')', '（', '(', '；', ';', '。', '，'])
            .unwrap_or(rest.len());
        let value = trim_punct(&rest[..end]);
        let cjk = value.chars().any(crate::text::is_cjk_letter);
        let value = if cjk { value } else { run_on_cut(value) };
        let looks = if cjk {
            ADDRESS_WORDS_ZH
                .iter()
                .filter(|w| value.contains(*w))
                .count()
                >= 2
        } else {
            value.chars().any(|c| c.is_ascii_digit()) && value.contains(',')
        };
        if looks && value.chars().count() >= 6 && value.chars().count() <= 160 {
            let q_end = value.as_ptr() as usize - sentence.as_ptr() as usize + value.len();
            let q = trim_punct(&sentence[i..q_end]);
            return Some((value, q));
        }
    }
    None
}

/// An English address without the clause that runs on after it: "1 Dock Road, Bristol,
/// BS1 4AA, or e-mail us at …" ends before ", or".
fn run_on_cut(value: &str) -> &str {
    let end = [", or ", " or ", ", and ", " and ", " – ", " — "]
        .iter()
        .filter_map(|w| value.find(w))
        .min()
        .unwrap_or(value.len());
    trim_punct(&value[..end])
}

/// Words that end the street of an English address ("4 Quay Street").
const STREET_WORDS: &[&str] = &[
    "Street",
    "St",
    "Road",
    "Rd",
    "Avenue",
    "Ave",
    "Lane",
    "Way",
    "Drive",
    "Boulevard",
    "Blvd",
    "Square",
    "Place",
    "Court",
    "Row",
    "Parkway",
    "Suite",
    "Floor",
];

/// An English postal address without a label, in a sentence about reaching the company: a
/// house number, capitalised words ending in a street word, then at least two more
/// comma-separated parts ("4 Quay Street, Falmouth, TR11 3HH, United Kingdom"). It ends at the
/// end of its sentence, a semicolon or a bracket. The value is its own quote.
fn street_address(sentence: &str) -> Option<(&str, &str)> {
    let words: Vec<(usize, &str)> = sentence
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    for (k, &(start, number)) in words.iter().enumerate() {
        let house = !number.is_empty()
            && number.len() <= 5
            && number.starts_with(|c: char| c.is_ascii_digit())
            && number
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !house {
            continue;
        }
        // Capitalised words up to a street word (which may carry the comma).
        let street = words[k + 1..]
            .iter()
            .take(5)
            .position(|(_, w)| STREET_WORDS.contains(&w.trim_end_matches([',', '.'])));
        let Some(n) = street else { continue };
        if !words[k + 1..=k + 1 + n]
            .iter()
            .all(|(_, w)| w.starts_with(|c: char| c.is_ascii_uppercase()))
        {
            continue;
        }
        let rest = &sentence[start..];
        let end = rest
            .find([';', '(', ')', '；', '（', '）'])
            .unwrap_or(rest.len());
        let value = run_on_cut(trim_punct(&rest[..end]));
        let n_chars = value.chars().count();
        if value.matches(',').count() >= 2 && (10..=160).contains(&n_chars) {
            return Some((value, value));
        }
    }
    None
}

/// The responsible person or department: "个人信息保护专员:法务合规部" (the clause), or the
/// role named in a sentence about contacting it ("contact our Data Protection Officer at").
fn responsible(sentence: &str, in_contact_part: bool) -> Option<(&str, &str)> {
    let lower = sentence.to_ascii_lowercase();
    // A role is a word of its own: not the "dpo" of "dpo@example.com".
    let word_edge = |c: Option<char>| c.is_none_or(|c| !c.is_ascii_alphanumeric() && c != '@');
    for role in RESPONSIBLE {
        let Some(i) = lower
            .match_indices(&role.to_ascii_lowercase())
            .map(|(i, _)| i)
            .find(|&i| {
                word_edge(lower[..i].chars().last())
                    && word_edge(lower[i + role.len()..].chars().next())
            })
        else {
            continue;
        };
        let role_text = &sentence[i..i + role.len()];
        let after = &sentence[i + role.len()..];
        if let Some(rest) = after.trim_start().strip_prefix(['：', ':']) {
            let v_end = rest
                .find(['，', ',', '；', ';', '。'])
                .unwrap_or(rest.len());
            let value = trim_punct(&rest[..v_end]);
            // "privacy team: privacy@example.com" names the team; the address is a contact of
            // its own.
            let contact =
                value.contains('@') || value.starts_with(|c: char| c.is_ascii_digit() || c == '+');
            if !value.is_empty() && !contact {
                let end = sentence.len() - rest.len() + v_end;
                let q = trim_punct(&sentence[i..end]);
                return Some((q, q));
            }
        }
        if in_contact_part || has_any(sentence, &["联系", "contact", "reach"]) {
            return Some((role_text, role_text));
        }
    }
    None
}

#[cfg(test)]
mod line_address_tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn an_address_one_part_per_line() {
        let v = doc_of("Policy\n9. Contact us\n\nTidewater Coffee Roasters Ltd\n\nUnit 4, Harbour Yard\n\nBristol BS1 6XX\n\nEmail: hello@tidewater.co.uk\n");
        let got: Vec<(String, String)> = find(&Doc::new(&v))
            .into_iter()
            .filter(|c| c.kind == ContactKind::Address)
            .map(|c| (c.value, c.source.quote))
            .collect();
        assert_eq!(
            got,
            [(
                "Unit 4, Harbour Yard, Bristol BS1 6XX".to_string(),
                "Unit 4, Harbour Yard Bristol BS1 6XX".to_string()
            )]
        );
        // Outside a contact part, or without a postcode to end it, lines are not an address.
        for text in [
            "Policy\n3. Cookies\n\nUnit 4, Harbour Yard\n\nBristol BS1 6XX\n",
            "Policy\n9. Contact us\n\nUnit 4, Harbour Yard\n\nBristol\n",
        ] {
            let v = doc_of(text);
            assert!(
                find(&Doc::new(&v))
                    .iter()
                    .all(|c| c.kind != ContactKind::Address),
                "{text}"
            );
        }
    }
}

#[cfg(test)]
mod street_tests {
    use super::street_address;

    #[test]
    fn unlabelled_english_addresses() {
        assert_eq!(
            street_address("Write to our Data Protection Lead at privacy@shop.co.uk or at 4 Quay Street, Falmouth, TR11 3HH, United Kingdom."),
            Some((
                "4 Quay Street, Falmouth, TR11 3HH, United Kingdom",
                "4 Quay Street, Falmouth, TR11 3HH, United Kingdom"
            ))
        );
        // A number before capitalised words that are no street, or one part only: no address.
        assert_eq!(
            street_address("We reply within 30 Days, as the law asks, in writing."),
            None
        );
        assert_eq!(street_address("Visit us at 12 Harbour Road."), None);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    fn found(text: &str) -> Vec<(ContactKind, String)> {
        let v = doc_of(text);
        let doc = Doc::new(&v);
        find(&doc).into_iter().map(|c| (c.kind, c.value)).collect()
    }

    #[test]
    fn contact_section_lines_become_contacts() {
        let got = found(
            "隐私政策\n七、联系我们\n客服电话：400-003-6036\n邮箱：DataPrivacy@zeekrlife.com\n联系地址：浙江省杭州市萧山区市心北路2086号\n个人信息保护专员：法务合规部\n",
        );
        assert!(got.contains(&(ContactKind::Phone, "400-003-6036".into())));
        assert!(got.contains(&(ContactKind::Email, "DataPrivacy@zeekrlife.com".into())));
        assert!(got.contains(&(
            ContactKind::Address,
            "浙江省杭州市萧山区市心北路2086号".into()
        )));
        assert!(got.contains(&(
            ContactKind::Responsible,
            "个人信息保护专员：法务合规部".into()
        )));
    }

    #[test]
    fn no_standard_number_as_a_phone() {
        let got = found(
            "隐私政策\n一、联系我们\n本政策依据GB/T 35273-2020制定，请致电 GB/T 35273-2020。\n",
        );
        assert!(got.iter().all(|(k, _)| *k != ContactKind::Phone), "{got:?}");
    }

    #[test]
    fn no_example_value_as_a_contact() {
        let got = found(
            "Policy\n1. Contact us\nEnter an email, e.g. jane@mail.com, or user@example.com. Phone: 138xxxx0000. Call us, for example 010-12345678.\n",
        );
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn an_address_to_write_to() {
        let (value, quote) = super::address(
            "如您有任何疑问，可拨打客服热线95555，或致信：上海市浦东新区银城路100号 江南银行个人金融部（邮编200120）。",
        )
        .unwrap();
        assert_eq!(value, "上海市浦东新区银城路100号 江南银行个人金融部");
        assert!(quote.starts_with("致信："));
    }

    #[test]
    fn an_address_on_a_reserved_domain_is_still_the_contact() {
        // An anonymised policy names its contact on a reserved domain; a sample value
        // ("user@example.com", after "e.g.") is not a contact (the test above).
        let got = found("Policy\n4. Contact\nEmail privacy@acme.example or call 020-7946-0000.\n");
        assert_eq!(
            got,
            [
                (ContactKind::Email, "privacy@acme.example".to_string()),
                (ContactKind::Phone, "020-7946-0000".to_string())
            ]
        );
    }

    #[test]
    fn an_address_ends_before_the_clause_that_runs_on() {
        let got = found("Policy\n4. Contact\nWrite to us at 4 Quay Street, Falmouth, TR11 3HH, United Kingdom, or e-mail privacy@quay.co.uk.\n");
        assert!(
            got.contains(&(
                ContactKind::Address,
                "4 Quay Street, Falmouth, TR11 3HH, United Kingdom".to_string()
            )),
            "{got:?}"
        );
        let got = found("Policy\n4. Contact\nAddress: Unit 5, 12 Mill Lane, Leeds LS1 2AB and by phone on 0113 496 0000.\n");
        assert!(
            got.contains(&(
                ContactKind::Address,
                "Unit 5, 12 Mill Lane, Leeds LS1 2AB".to_string()
            )),
            "{got:?}"
        );
    }

    #[test]
    fn dpo_is_the_responsible_contact() {
        let got = found(
            "Policy\n9. Contact\nYou may contact our Data Protection Officer at dpo@acme.co.uk.\n",
        );
        assert!(got.contains(&(ContactKind::Responsible, "Data Protection Officer".into())));
        assert!(got.contains(&(ContactKind::Email, "dpo@acme.co.uk".into())));
    }

    #[test]
    fn a_role_is_a_word_and_never_an_address() {
        // "dpo" inside an address is no role; "privacy team: <address>" names the team.
        let got = found("Policy\n3. Contact Us\nEmail: dpo@yunfan.example\n");
        assert!(
            got.iter().all(|(k, _)| *k != ContactKind::Responsible),
            "{got:?}"
        );
        let got = found(
            "Policy\n3. Contact\nQuestions? Write to our privacy team: privacy@kestrel.co.uk.\n",
        );
        let responsible: Vec<&String> = got
            .iter()
            .filter(|(k, _)| *k == ContactKind::Responsible)
            .map(|(_, v)| v)
            .collect();
        assert!(responsible.iter().all(|v| !v.contains('@')), "{got:?}");
        assert!(got.contains(&(ContactKind::Email, "privacy@kestrel.co.uk".into())));
    }
}
