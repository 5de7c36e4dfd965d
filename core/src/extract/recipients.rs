//! Recipients: the kinds of parties a sharing sentence names (关联公司, 合作伙伴, 受托方,
//! 政府机关; affiliates, service providers, authorities), one per kind and section.

use super::lexicon::{self, RECIPIENTS, SHARE};
use super::{has_any, trim_punct, Doc, SUGGESTED};
use crate::model::{Recipient, RecipientKind};

const NOT_SHARE: &[&str] = &[
    "不会共享",
    "不会向",
    "不会将",
    "do not share",
    "will not share",
    "never share",
    "do not sell",
    "不会公开",
    "do not disclose",
    "will not disclose",
];
/// Sections about policy changes list kinds of recipients without sharing anything.
const CHANGES_PART: &[&str] = &["更新", "变更", "changes to", "updates to"];

const MERGER: &[&str] = &[
    "合并",
    "收购",
    "破产",
    "重组",
    "merger",
    "acquisition",
    "bankruptcy",
];
/// Public disclosure only where the policy says it may disclose (not in headings, cross
/// references or "publicly disclosed information" as a source).
const PUBLIC: &[&str] = &[
    "我们可能会公开披露",
    "我们会公开披露",
    "我们可能公开披露",
    "我们仅会在",
    "we may publicly disclose",
    "we will publicly disclose",
    "we will only publicly disclose",
];
/// Lists of cases where consent is not needed name kinds of disclosure without describing any.
const EXEMPT: &[&str] = &["无需", "不需要", "without your consent", "without consent"];

pub(crate) fn find(doc: &Doc) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    for (line, sentence) in doc.sentences() {
        // "向X提供" gives to X as much as "提供给X".
        let gives_to = sentence
            .find('向')
            .is_some_and(|i| sentence[i..].contains("提供"));
        let shares = has_any(sentence, SHARE) || gives_to;
        if !shares
            || has_any(sentence, NOT_SHARE)
            || has_any(sentence, EXEMPT)
            || has_any(doc.path(line), CHANGES_PART)
        {
            continue;
        }
        let mut kinds: Vec<(RecipientKind, &str)> = Vec::new();
        // A transfer in a merger or a public disclosure is its own kind, whoever it names.
        if has_any(sentence, MERGER) {
            kinds.push((RecipientKind::Merger, ""));
        } else if has_any(sentence, PUBLIC) {
            kinds.push((RecipientKind::PublicDisclosure, ""));
        }
        let named = if kinds.is_empty() {
            lexicon::scan(sentence, RECIPIENTS)
        } else {
            Vec::new()
        };
        for (r, idx) in named {
            let k = RECIPIENTS[idx].1;
            if !kinds.iter().any(|(x, _)| *x == k) {
                kinds.push((k, &sentence[r]));
            }
        }
        let text = trim_punct(sentence);
        if text.chars().count() > 240 {
            continue;
        }
        for (kind, name) in kinds {
            if out
                .iter()
                .any(|r| r.kind == kind && r.source.section == doc.id(line))
            {
                continue;
            }
            out.push(Recipient {
                kind,
                name: (!name.is_empty()).then(|| name.to_string()),
                text: text.to_string(),
                source: doc.cite(line, text),
                suggested: SUGGESTED,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn sharing_names_kinds() {
        let v = doc_of("Policy\n3. Sharing\nWe may share your personal information with our affiliates and service providers. We do not share data with advertisers.\n");
        let got = find(&Doc::new(&v));
        let kinds: Vec<RecipientKind> = got.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RecipientKind::Affiliate, RecipientKind::Processor]);
    }
}
