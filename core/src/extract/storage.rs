//! Storage: where data is stored and whether it crosses a border (境内/境外, 跨境;
//! "stored in …", "transferred outside …").

use super::{has_any, trim_punct, Doc, SUGGESTED};
use crate::model::{CrossBorder, Storage};

const STORE: &[&str] = &[
    "存储", "存放", "储存", "保存", "stored", "store", "hosted", "kept",
];
const ABROAD: &[&str] = &[
    "境外",
    "跨境",
    "出境",
    "outside",
    "cross-border",
    "abroad",
    "other countries",
    "another country",
    "overseas",
];
/// Place names a location statement gives (the countries policies in our set name).
const PLACES: &[&str] = &[
    "中华人民共和国境内",
    "中国境内",
    "境内",
    "中国大陆",
    "中国",
    "People's Republic of China",
    "PRC",
    "mainland China",
    "China",
    "European Union",
    "EU",
    "EEA",
    "United States",
    "Germany",
    "Singapore",
];
const NO: &[&str] = &[
    "不会",
    "不进行",
    "不涉及",
    "不存在",
    "do not",
    "does not",
    "will not",
    "never",
    "not be",
];
const CONDITION: &[&str] = &[
    "如需",
    "如果",
    "若",
    "单独同意",
    "安全评估",
    "法律法规",
    "if ",
    "where ",
    "only ",
    "separate consent",
    "assessment",
];

/// A transfer to a named country crosses a border: "your data is transferred to the United
/// States".
const TRANSFER_TO: &[&str] = &[
    "transferred to",
    "transfer it to",
    "transfer your",
    "传输至",
];

fn names_place(sentence: &str) -> bool {
    PLACES
        .iter()
        .any(|p| crate::entities::find_word(sentence, p).next().is_some())
}

/// The sentence without an opening clause that says which readers it is about ("If you are
/// in the EEA, …"): that names the reader, not a condition of the transfer.
fn without_reader_scope(sentence: &str) -> &str {
    let lower = sentence.to_ascii_lowercase();
    let scoped = [
        "if you are in ",
        "if you live in ",
        "if you reside in ",
        "如果您位于",
        "如您位于",
    ]
    .iter()
    .any(|p| lower.starts_with(p));
    match sentence.find([',', '，']) {
        Some(i) if scoped => &sentence[i..],
        _ => sentence,
    }
}

pub(crate) fn find(doc: &Doc) -> Vec<Storage> {
    let mut out: Vec<Storage> = Vec::new();
    for (line, sentence) in doc.sentences() {
        let to_country = has_any(sentence, TRANSFER_TO)
            && names_place(sentence)
            && !has_any(sentence, &["境内"]);
        let abroad = has_any(sentence, ABROAD) || to_country;
        let stored = has_any(sentence, STORE) || has_any(sentence, &["传输", "transfer", "提供"]);
        if !stored
            || !(abroad
                || has_any(
                    sentence,
                    &[
                        "境内",
                        "stored in",
                        "存储于",
                        "存储在",
                        "存放在",
                        "located in",
                    ],
                ))
        {
            continue;
        }
        // Where it is transferred to, when the sentence says; else the place it names first.
        let after_transfer = TRANSFER_TO
            .iter()
            .filter_map(|t| sentence.find(t).map(|i| &sentence[i + t.len()..]))
            .next()
            .filter(|_| to_country);
        let place_in = |text: &str| {
            PLACES
                .iter()
                .filter_map(|p| {
                    crate::entities::find_word(text, p)
                        .next()
                        .map(|r| (r.start, p))
                })
                .min()
                .map(|(_, p)| p.to_string())
        };
        let location = after_transfer.and_then(place_in).or_else(|| {
            PLACES
                .iter()
                .find(|p| crate::entities::find_word(sentence, p).next().is_some())
                .map(|p| p.to_string())
        });
        let cross_border = if !abroad {
            CrossBorder::Unstated
        } else if has_any(sentence, NO) {
            CrossBorder::No
        } else if has_any(without_reader_scope(sentence), CONDITION) {
            CrossBorder::Conditional
        } else {
            CrossBorder::Yes
        };
        if location.is_none() && cross_border == CrossBorder::Unstated {
            continue;
        }
        let text = trim_punct(sentence);
        if text.chars().count() > 240 || out.iter().any(|s| s.text == text) {
            continue;
        }
        out.push(Storage {
            location,
            cross_border,
            text: text.to_string(),
            source: doc.cite(line, text),
            suggested: SUGGESTED,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn location_and_cross_border() {
        let v = doc_of("政策\n三、存储\n我们将境内收集的个人信息存储于中华人民共和国境内。我们不会将您的个人信息传输至境外。\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].location.as_deref(), Some("中华人民共和国境内"));
        assert_eq!(got[1].cross_border, CrossBorder::No);
    }

    #[test]
    fn a_transfer_to_a_named_country() {
        let v = doc_of("Policy\n4. International Transfers\nBrightlane is based in the United States. If you are in the EEA, your data is transferred to the United States under the Standard Contractual Clauses.\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 1, "{got:?}");
        // The opening "If you are in the EEA" names the readers, not a condition.
        assert_eq!(got[0].cross_border, CrossBorder::Yes);
        assert_eq!(got[0].location.as_deref(), Some("United States"));
    }
}
