//! Purposes: the purpose clause of each collection statement (`用于…`, `以便…`, `为了…`;
//! "to …", "in order to …", "for the purpose of …").

use super::lexicon::{self, COLLECT, DATA, NOT_COLLECT};
use super::{has_any, trim_punct, Doc, SUGGESTED};
use crate::model::Statement;

/// Markers that open a purpose clause.
const MARKERS_ZH: &[&str] = &["用于", "以便", "为了", "目的是", "以实现"];
const MARKERS_EN: &[&str] = &[
    "in order to ",
    "for the purpose of ",
    "so that we can ",
    " to ",
];

/// Purpose clauses shorter than this say too little ("用于此").
const MIN_CHARS: usize = 4;
const MAX_CHARS: usize = 80;

pub(crate) fn find(doc: &Doc) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for (line, sentence) in doc.sentences() {
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
        if out
            .iter()
            .any(|s| s.text == clause && s.source.section == doc.id(line))
        {
            continue;
        }
        out.push(Statement {
            text: clause.to_string(),
            source: doc.cite(line, clause),
            suggested: SUGGESTED,
        });
    }
    out
}

/// The purpose clause of a sentence: from its marker to the end of the clause.
pub(crate) fn purpose_clause(sentence: &str) -> Option<&str> {
    let lower = sentence.to_ascii_lowercase();
    let start = MARKERS_ZH
        .iter()
        .filter_map(|m| sentence.find(m))
        .chain(MARKERS_EN.iter().filter_map(|m| {
            let i = lower.find(m)?;
            // "to" after a verb of collecting or using, not "to you" or "to third parties".
            let next = lower[i + m.len()..].split_whitespace().next().unwrap_or("");
            let verbish = ![
                "you", "the", "third", "our", "us", "a", "any", "other", "your",
            ]
            .contains(&next);
            (verbish || m.trim() != "to").then_some(i + usize::from(m.starts_with(' ')))
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
        assert_eq!(
            purpose_clause("我们会收集您的手机号码，用于完成注册程序。"),
            Some("用于完成注册程序")
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
}
