//! Children: the age under which the policy treats a user as a child, and whether a parent's
//! or guardian's consent is required. Only sentences that state an age threshold or a consent
//! rule about children or minors are suggested.

use super::{has_any, trim_punct, Doc, SUGGESTED};
use crate::model::Children;

const CHILD_WORDS: &[&str] = &[
    "儿童",
    "未成年人",
    "未满",
    "不满",
    "child",
    "minor",
    "under the age",
];
const GUARDIAN: &[&str] = &["监护人", "父母", "parent", "guardian"];
const CONSENT: &[&str] = &["同意", "consent", "authoriz", "authoris", "permission"];

pub(crate) fn find(doc: &Doc) -> Vec<Children> {
    let mut out: Vec<Children> = Vec::new();
    let mut defining: Vec<bool> = Vec::new();
    for (line, sentence) in doc.sentences() {
        let age = age(sentence);
        // "If you are under 13, … your parent" is about children without saying the word.
        let about_children =
            has_any(sentence, CHILD_WORDS) || (age.is_some() && has_any(sentence, GUARDIAN));
        if !about_children {
            continue;
        }
        let consent = (has_any(sentence, GUARDIAN) && has_any(sentence, CONSENT)).then_some(true);
        if age.is_none() && consent.is_none() {
            continue;
        }
        let text = trim_punct(sentence);
        if out.iter().any(|c| c.source.quote == text) {
            continue;
        }
        out.push(Children {
            age,
            parental_consent: consent,
            text: text.to_string(),
            source: doc.cite(line, text),
            suggested: SUGGESTED,
        });
        defining.push(has_any(doc.path(line), DEFINITIONS));
    }
    // What the policy says of children comes before a definition that mentions them ("敏感个人
    // 信息：包括…不满十四周岁未成年人的个人信息"), which the summary shows first otherwise.
    let mut both: Vec<(bool, Children)> = defining.into_iter().zip(out).collect();
    both.sort_by_key(|(d, _)| *d);
    both.into_iter().map(|(_, c)| c).collect()
}

/// Titles of a policy's definitions part.
const DEFINITIONS: &[&str] = &["定义", "释义", "名词解释", "definition", "interpretation"];

/// The age threshold a sentence states: 未满14周岁, 不满十四周岁, 14周岁以下, under 13,
/// under the age of 16.
fn age(s: &str) -> Option<u32> {
    for marker in ["未满", "不满", "低于"] {
        for (i, _) in s.match_indices(marker) {
            let rest = &s[i + marker.len()..];
            if let Some((n, unit_rest)) = number(rest) {
                if unit_rest.starts_with("周岁") || unit_rest.starts_with('岁') {
                    return plausible(n);
                }
            }
        }
    }
    for (i, _) in s.match_indices("周岁以下") {
        if let Some(n) = number_before(&s[..i]) {
            return plausible(n);
        }
    }
    let lower = s.to_ascii_lowercase();
    for marker in [
        "under the age of ",
        "under ",
        "younger than ",
        "below the age of ",
    ] {
        for (i, _) in lower.match_indices(marker) {
            let rest = &lower[i + marker.len()..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let after = rest[digits.len()..].trim_start();
            let other_unit = NOT_AGE_UNITS.iter().any(|u| after.starts_with(u));
            if !digits.is_empty() && !other_unit {
                return plausible(digits.parse().ok()?);
            }
        }
    }
    None
}

/// Units after "under N" that make N something other than an age.
const NOT_AGE_UNITS: &[&str] = &[
    "%", "day", "month", "hour", "minute", "second", "km", "mile", "kg", "gb", "mb", "percent",
    "euro", "dollar", "time",
];

fn plausible(n: u32) -> Option<u32> {
    (6..=21).contains(&n).then_some(n)
}

/// A number at the start of `s`, Arabic or Chinese (十四, 十八), and the text after it.
fn number(s: &str) -> Option<(u32, &str)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty() {
        return Some((digits.parse().ok()?, &s[digits.len()..]));
    }
    let cn: String = s
        .chars()
        .take_while(|c| "零一二三四五六七八九十".contains(*c))
        .collect();
    let n = chinese_number(&cn)?;
    Some((n, &s[cn.len()..]))
}

fn number_before(s: &str) -> Option<u32> {
    let rev: String = s
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || "零一二三四五六七八九十".contains(*c))
        .collect();
    let t: String = rev.chars().rev().collect();
    number(&t).map(|(n, _)| n)
}

/// 十四 → 14, 十八 → 18, 八 → 8 (numbers up to 99).
fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "零一二三四五六七八九".find(c).map(|i| (i / 3) as u32);
    let chars: Vec<char> = s.chars().collect();
    match chars.as_slice() {
        [] => None,
        [d] if *d != '十' => digit(*d),
        ['十'] => Some(10),
        ['十', u] => Some(10 + digit(*u)?),
        [t, '十'] => Some(digit(*t)? * 10),
        [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn a_definition_comes_after_what_the_policy_says_of_children() {
        let v = doc_of("隐私政策\n第一部分 定义\n敏感个人信息：包括生物识别、行踪轨迹等信息，以及不满十四周岁未成年人的个人信息。\n第二部分 隐私政策\n六、未成年人保护\n若您是未满18周岁的未成年人，请在监护人的陪同下阅读本政策，并在取得监护人同意后使用我们的服务。\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].age, Some(18));
        assert_eq!(got[0].parental_consent, Some(true));
    }

    #[test]
    fn ages_in_both_languages() {
        assert_eq!(age("如果您是未满14周岁的儿童"), Some(14));
        assert_eq!(age("儿童:指不满十四周岁的未成年人"), Some(14));
        assert_eq!(age("14周岁以下儿童"), Some(14));
        assert_eq!(age("children under 13 years of age"), Some(13));
        assert_eq!(age("under the age of 16, we"), Some(16));
        assert_eq!(age("under 400 conditions"), None);
    }

    #[test]
    fn guardian_consent_is_read() {
        let v = doc_of("Policy\n6. Children\nIf you are under 13, we need the consent of your parent or guardian.\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].age, Some(13));
        assert_eq!(got[0].parental_consent, Some(true));
    }
}
