//! Purposes: the purpose clause of each collection statement (`用于…`, `以便…`, `为了…`;
//! "to …", "in order to …", "for the purpose of …"); every purpose clause of a statement of
//! using personal data ("We use your personal data to A, to B and to C"); and the items of a
//! list of uses ("How we use your information: - To provide the service").

use super::lexicon::{self, COLLECT, DATA, NOT_COLLECT};
use super::{has_any, trim_punct, Doc, LineKind, SUGGESTED};
use crate::model::Statement;

/// Markers that open a purpose clause.
const MARKERS_ZH: &[&str] = &[
    "用于",
    "以便",
    "为了",
    "目的是",
    "以实现",
    // "以" + a verb: "收集您的地理位置以显示您所在的城市". Not bare "以" (以下, 以及, 可以).
    "以完成",
    "以显示",
    "以提供",
    "以向您",
    "以为您",
    "以确保",
    "以保障",
    "以保护",
    "以改进",
    "以提升",
    "以优化",
    "以识别",
    "以验证",
    "以核验",
    "以判断",
    "以防止",
    "以满足",
    "以帮助",
];
/// "为" + a verb, as a sentence opens: "为保障您的资金安全，我们会采集…". Not bare "为"
/// (作为, 认为, 为您). Taken only when the sentence has no other marker: its "用于…" or
/// "以便…" says more precisely why the data is needed.
const MARKERS_ZH_FOR: &[&str] = &[
    "为保障",
    "为保护",
    "为识别",
    "为向您",
    "为提供",
    "为实现",
    "为确保",
    "为完成",
    "为改善",
    "为提升",
    "为防止",
    "为预防",
    "为满足",
    "为遵守",
    "为核验",
    "为验证",
    "为便于",
    "为帮助",
];
const MARKERS_EN: &[&str] = &[
    "in order to ",
    "for the purpose of ",
    "so that we can ",
    "so we can ",
    " to ",
];

/// Purpose clauses shorter than this say too little ("用于此").
const MIN_CHARS: usize = 4;
const MAX_CHARS: usize = 80;

/// A statement of using personal data: the verb and its object, as one phrase ("we use your
/// personal data"), lowercase.
const USE_EN: &[&str] = &[
    "we use",
    "we also use",
    "we may use",
    "we may also use",
    "we will use",
    "we process",
    "we also process",
    "we may process",
];
const USED_DATA_EN: &[&str] = &[
    "personal data",
    "personal information",
    "your information",
    "your data",
    "this information",
    "the information",
    "such information",
    "this data",
    "these data",
];
const USE_ZH: &[&str] = &[
    "我们会将您的个人信息用于",
    "我们将您的个人信息用于",
    "我们可能会将您的个人信息用于",
    "我们会将您的信息用于",
    "我们将您的信息用于",
    "我们会将收集的信息用于",
    "我们将收集的信息用于",
    "我们会将上述信息用于",
    "我们将上述信息用于",
];
/// A statement about use for other purposes ("for purposes other than these") states none.
const OTHER_USE: &[&str] = &["以外", "其他目的", "other than", "other purposes"];
/// Section titles of a list of uses.
const USES_PART: &[&str] = &[
    "how we use",
    "use of your",
    "uses of",
    "purposes",
    "使用目的",
    "用途",
];

pub(crate) fn find(doc: &Doc) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    let push = |out: &mut Vec<Statement>, line, clause: &str| {
        if !out
            .iter()
            .any(|s| s.text == clause && s.source.section == doc.id(line))
        {
            out.push(Statement {
                text: clause.to_string(),
                source: doc.cite(line, clause),
                suggested: SUGGESTED,
            });
        }
    };
    for (line, sentence) in doc.sentences() {
        // "We use your personal data to A, to B, and to C": each clause.
        if let Some(clauses) = use_statement(sentence) {
            for clause in clauses {
                push(&mut out, line, clause);
            }
            continue;
        }
        // "How we use your information": "- To provide the service".
        if line.kind == LineKind::ListItem && has_any(doc.path(line), USES_PART) {
            if let Some(clause) = listed_use(sentence) {
                push(&mut out, line, clause);
                continue;
            }
        }
        // A collection statement names what it collects: one lexicon data item at least.
        let names_data = !lexicon::scan_terms(sentence, DATA.iter().map(|e| e.0)).is_empty();
        if !names_data || !has_any(sentence, COLLECT) || has_any(sentence, NOT_COLLECT) {
            continue;
        }
        let Some(clause) = purpose_clause(sentence) else {
            continue;
        };
        // The purpose follows what is collected: "we collect X to Y", "为了Y，我们收集X"
        // both hold a verb of collecting somewhere outside the clause itself.
        let at = clause.as_ptr() as usize - sentence.as_ptr() as usize;
        let outside = format!("{}{}", &sentence[..at], &sentence[at + clause.len()..]);
        if !has_any(&outside, COLLECT) {
            continue;
        }
        push(&mut out, line, clause);
    }
    out
}

/// The purpose clauses of a statement of using personal data, or `None` when the sentence is
/// not one: "We use your personal data to process your orders, to send you receipts, and to
/// improve the site" gives three; "我们会将您的个人信息用于A" one.
fn use_statement(sentence: &str) -> Option<Vec<&str>> {
    if has_any(sentence, OTHER_USE) {
        return None;
    }
    let lower = sentence.to_ascii_lowercase();
    if let Some(i) = USE_ZH.iter().filter_map(|m| sentence.find(m)).min() {
        let from = sentence[i..].find("用于").map(|k| i + k)?;
        return purpose_clause(&sentence[from..]).map(|c| vec![c]);
    }
    let verb = USE_EN.iter().filter_map(|m| lower.find(m)).min()?;
    // The object follows the verb closely: "we use your personal data to …".
    let object = &lower[verb..(verb + 40).min(lower.len())];
    if !USED_DATA_EN.iter().any(|d| object.contains(d)) || has_any(sentence, NOT_COLLECT) {
        return None;
    }
    let mut clauses = Vec::new();
    let mut from = verb;
    while let Some(clause) = purpose_clause(&sentence[from..]) {
        clauses.push(clause);
        from = clause.as_ptr() as usize - sentence.as_ptr() as usize + clause.len();
    }
    (!clauses.is_empty()).then_some(clauses)
}

/// An item of a list of uses that states a purpose: "To provide and maintain our Service,
/// including …" gives "To provide and maintain our Service"; "Improving our products",
/// "用于…" likewise.
fn listed_use(item: &str) -> Option<&str> {
    let first = item.split_whitespace().next().unwrap_or("");
    // "Improving our range", "Contacting you": a capitalised verb in -ing.
    let gerund = first.len() >= 6
        && first.ends_with("ing")
        && first.starts_with(|c: char| c.is_ascii_uppercase())
        && first.bytes().all(|b| b.is_ascii_alphabetic());
    let starts = gerund
        || ["to ", "for ", "用于", "为了", "以便"]
            .iter()
            .any(|m| item.to_ascii_lowercase().starts_with(m));
    if !starts {
        return None;
    }
    let end = item
        .find(['，', ',', '；', ';', '。', ':', '：', '(', '（'])
        .unwrap_or(item.len());
    let clause = trim_punct(&item[..end]);
    (MIN_CHARS..=MAX_CHARS)
        .contains(&clause.chars().count())
        .then_some(clause)
}

/// The purpose clause of a sentence: from its marker to the end of the clause.
pub(crate) fn purpose_clause(sentence: &str) -> Option<&str> {
    purpose_clause_with(sentence, MARKERS_ZH)
        .or_else(|| {
            let clause = purpose_clause_with(sentence, MARKERS_ZH_FOR)?;
            MARKERS_ZH_FOR
                .iter()
                .any(|m| clause.starts_with(m))
                .then_some(clause)
        })
        // "…但不会将…结合以判断您的行踪轨迹": a purpose the policy rules out.
        .filter(|c| {
            !super::negated_before(sentence, c.as_ptr() as usize - sentence.as_ptr() as usize)
        })
}

/// Verbs whose "to" opens their object, not a purpose: "if you choose to tell us".
const TO_COMPLEMENT: &[&str] = &[
    "choose", "chooses", "want", "wants", "wish", "wishes", "like", "need", "needs", "have", "has",
    "agree", "agrees", "able", "going", "decide", "decides", "prefer", "prefers", "ask", "asks",
    "allow", "allows",
];

fn purpose_clause_with<'a>(sentence: &'a str, markers_zh: &[&str]) -> Option<&'a str> {
    let lower = sentence.to_ascii_lowercase();
    let start = markers_zh
        .iter()
        .filter_map(|m| sentence.find(m))
        .chain(MARKERS_EN.iter().filter_map(|m| {
            let i = lower.find(m)?;
            // "to" after a verb of collecting or using, not "to you" or "to third parties".
            let next = lower[i + m.len()..].split_whitespace().next().unwrap_or("");
            // A verb is lowercase: "to MINI customer service" names a recipient.
            let lowercase = sentence[i + m.len()..].starts_with(|c: char| c.is_ascii_lowercase());
            let verbish = lowercase
                && ![
                    "you", "the", "third", "our", "us", "a", "any", "other", "your",
                ]
                .contains(&next);
            let before = lower[..i].split_whitespace().next_back().unwrap_or("");
            let complement = m.trim() == "to" && TO_COMPLEMENT.contains(&before);
            ((verbish && !complement) || m.trim() != "to")
                .then_some(i + usize::from(m.starts_with(' ')))
        }))
        .min()?;
    let rest = &sentence[start..];
    let end = rest
        .find(['，', ',', '；', ';', '。', '(', '（'])
        .unwrap_or(rest.len());
    let clause = trim_punct(&rest[..end]);
    let n = clause.chars().count();
    (MIN_CHARS..=MAX_CHARS).contains(&n).then_some(clause)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn purpose_clauses() {
        // "choose to tell us" is the object of "choose", not a purpose.
        assert_eq!(
            purpose_clause("We collect your name, phone number and, if you choose to tell us, the reason for your visit."),
            None
        );
        assert_eq!(
            purpose_clause("我们会收集您的手机号码，用于完成注册程序。"),
            Some("用于完成注册程序")
        );
        assert_eq!(
            purpose_clause("我们会收集您的地理位置以显示您所在的城市。"),
            Some("以显示您所在的城市")
        );
        assert_eq!(purpose_clause("我们会收集以下信息以及您的设备型号。"), None);
        assert_eq!(
            purpose_clause("为识别异常登录，我们会收集您的设备型号。"),
            Some("为识别异常登录")
        );
        assert_eq!(
            purpose_clause("作为您的服务提供方，我们会收集您的设备型号。"),
            None
        );
        assert_eq!(
            purpose_clause("We collect your email address to send you receipts."),
            Some("to send you receipts.").map(|s| s.trim_end_matches('.'))
        );
        assert_eq!(
            purpose_clause("We share data with the third parties listed."),
            None
        );
    }

    #[test]
    fn every_clause_of_a_statement_of_use() {
        assert_eq!(
            use_statement("We use your personal data to process your orders, to send you marketing emails if you have opted in, and to improve our website."),
            Some(vec![
                "to process your orders",
                "to send you marketing emails if you have opted in",
                "to improve our website"
            ])
        );
        assert_eq!(
            use_statement("我们会将您的个人信息用于向您推荐附近的门店。"),
            Some(vec!["用于向您推荐附近的门店"])
        );
        assert_eq!(
            use_statement("We also use your personal information to answer your questions, to send you our newsletter if you asked for it, and to meet our legal obligations."),
            Some(vec![
                "to answer your questions",
                "to send you our newsletter if you asked for it",
                "to meet our legal obligations"
            ])
        );
        // Not a statement of using personal data.
        assert_eq!(
            use_statement("We use reasonable safeguards to protect it."),
            None
        );
        assert_eq!(
            use_statement("You have the right to object to the use of your data."),
            None
        );
    }

    #[test]
    fn a_list_of_uses() {
        let v = crate::extract::tests::doc_of("Privacy Policy\n2. How We Use Your Information\nWe may use personal data for the following purposes:\n\n- To provide and maintain our Service, including to monitor its usage.\n- To manage your account: to manage your registration.\n- Contacting you by email.\n\n3. Sharing\n- To our payment processor.\n");
        let got: Vec<String> = find(&Doc::new(&v)).into_iter().map(|s| s.text).collect();
        assert_eq!(
            got,
            [
                "To provide and maintain our Service",
                "To manage your account",
                "Contacting you by email"
            ]
        );
    }
}
