//! The extractor: deterministic, explainable suggestions of facet items from a version's
//! section tree (no model, no network). Each suggestion quotes a verbatim run of its section's
//! own text, so [`crate::validate`] accepts it, and carries `suggested: true`.
//!
//! Precision comes first: every finder suggests nothing when unsure. Domain knowledge (data
//! categories, permissions, rights phrasing, markers) lives in [`lexicon`]; the files beside
//! this one each read one facet family from the [`Doc`] built here.
//!
//! Refreshing keeps the reviewer's work: a facet whose status a reviewer set is left alone,
//! and in a `not_reviewed` facet only the previous suggestions are replaced.

mod children;
mod contacts;
mod data;
mod dates;
mod lexicon;
mod major_changes;
mod parties;
mod permissions;
mod purposes;
mod recipients;
mod retention;
mod rights;
mod sdks;
mod storage;

use crate::model::*;

/// One line of a section's own text, as the validator sees it: the heading line, a paragraph,
/// a list item (with its label) or a table line.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// Index into [`Doc::sections`].
    pub section: usize,
    pub text: String,
    pub kind: LineKind,
    /// Index of the block in its section (`usize::MAX` for the heading).
    pub block: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Heading,
    Paragraph,
    ListItem,
    Table,
}

/// A section the extractor may read, with the titles of its ancestors and itself.
#[derive(Debug)]
pub(crate) struct SectionInfo<'a> {
    pub section: &'a Section,
    /// Titles from the top-level section down to this one, joined by " / ".
    pub path: String,
}

/// The readable text of a version: sections a completeness note marks missing are left out.
pub(crate) struct Doc<'a> {
    pub sections: Vec<SectionInfo<'a>>,
    pub lines: Vec<Line>,
}

impl<'a> Doc<'a> {
    pub fn new(v: &'a PolicyVersion) -> Doc<'a> {
        let skipped: Vec<&str> = v
            .completeness
            .iter()
            .filter(|c| lexicon::marks_missing(&c.note))
            .filter_map(|c| c.section.as_deref())
            .collect();
        let mut doc = Doc {
            sections: Vec::new(),
            lines: Vec::new(),
        };
        for s in &v.sections {
            doc.push(s, "", &skipped);
        }
        doc
    }

    fn push(&mut self, s: &'a Section, parent: &str, skipped: &[&str]) {
        let title = s.title();
        let path = match (parent.is_empty(), title.is_empty()) {
            (true, _) => title.clone(),
            (false, true) => parent.to_string(),
            (false, false) => format!("{parent} / {title}"),
        };
        if !skipped.contains(&s.id.as_str()) {
            let idx = self.sections.len();
            if !title.is_empty() {
                self.lines.push(Line {
                    section: idx,
                    text: title,
                    kind: LineKind::Heading,
                    block: usize::MAX,
                });
            }
            for (bi, b) in s.blocks.iter().enumerate() {
                let kind = match b {
                    Block::Paragraph { .. } => LineKind::Paragraph,
                    Block::List { .. } => LineKind::ListItem,
                    Block::Table { .. } => LineKind::Table,
                    // A table of contents repeats headings: no facts to find there.
                    Block::Contents { .. } => continue,
                };
                // A list item is read (and quoted) without its label: a bullet or a number is
                // not part of what the item says.
                let texts = match b {
                    Block::List { items } => items.iter().map(|i| i.text.clone()).collect(),
                    _ => b.lines(),
                };
                for text in texts {
                    self.lines.push(Line {
                        section: idx,
                        text,
                        kind,
                        block: bi,
                    });
                }
            }
            self.sections.push(SectionInfo {
                section: s,
                path: path.clone(),
            });
        }
        for c in &s.sections {
            self.push(c, &path, skipped);
        }
    }

    /// The id of a line's section.
    pub fn id(&self, line: &Line) -> &'a str {
        &self.sections[line.section].section.id
    }

    /// The heading path of a line's section.
    pub fn path(&self, line: &Line) -> &str {
        &self.sections[line.section].path
    }

    /// Provenance for a quote taken from `line`.
    pub fn cite(&self, line: &Line, quote: &str) -> Provenance {
        Provenance {
            section: self.id(line).to_string(),
            quote: quote.trim().to_string(),
        }
    }

    /// Every sentence of every body line (headings left out), with its line.
    pub fn sentences(&self) -> impl Iterator<Item = (&Line, &str)> {
        self.lines
            .iter()
            .filter(|l| l.kind != LineKind::Heading)
            .flat_map(|l| sentences(&l.text).into_iter().map(move |s| (l, s)))
    }
}

/// Splits a line into sentences: after `。！？；;!?`, and after a `.` that ends an English
/// sentence (followed by a space, not after an abbreviation such as `Co.` or `e.g.`).
pub(crate) fn sentences(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let end = i + c.len_utf8();
        let split = match c {
            '。' | '！' | '？' | '!' | '?' => true,
            // A list after a colon runs on across its semicolons: "there are: Cookies; Usage
            // Data; email address." is one sentence.
            // "SDK名称：X；提供方：Y" is two labelled values, split.
            '；' | ';' => {
                let next = line[end..].split([';', '；']).next().unwrap_or("");
                !line[start..i].contains([':', '：']) || next.contains([':', '：'])
            }
            '.' => {
                let next = chars.get(k + 1).map(|&(_, n)| n);
                let word: String = line[start..i]
                    .rsplit(|c: char| !c.is_ascii_alphabetic() && c != '.')
                    .next()
                    .unwrap_or("")
                    .to_string();
                // Not inside brackets: "(Art. 15 GDPR)", "(i.e. the app)".
                let so_far = &line[start..i];
                let closed = so_far.matches('(').count() <= so_far.matches(')').count();
                next.is_some_and(char::is_whitespace)
                    && closed
                    && !lexicon::ABBREVIATIONS.contains(&word.as_str())
                    && !(word.len() == 1 && word.chars().all(|c| c.is_ascii_uppercase()))
            }
            _ => false,
        };
        if split {
            push_trimmed(&line[start..end], &mut out);
            start = end;
        }
    }
    push_trimmed(&line[start..], &mut out);
    out
}

fn push_trimmed<'a>(s: &'a str, out: &mut Vec<&'a str>) {
    let t = s.trim();
    if t.chars().any(char::is_alphanumeric) {
        out.push(t);
    }
}

/// The comma clause of `s` around byte `at`.
pub(crate) fn clause_at(s: &str, at: usize) -> &str {
    let start = s[..at]
        .rfind(['，', ','])
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[at..].find(['，', ',']).map_or(s.len(), |i| at + i);
    trim_punct(&s[start..end])
}

/// Whether the clause of `s` that runs up to byte `at` is negated: the data item or purpose
/// there is one the policy says it does not collect or pursue ("…，但不会将…结合以判断您的
/// 行踪轨迹"). "不限于" and "not limited to" are no negation.
pub(crate) fn negated_before(s: &str, at: usize) -> bool {
    let start = s[..at]
        .rfind(['，', ',', '；', ';', '（', '(', '：', ':', '。'])
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let clause = s[start..at]
        .to_ascii_lowercase()
        .replace("不限于", "")
        .replace("not limited", "")
        .replace("not only", "");
    [
        "不会", "不得", "不再", "并不", "绝不", "never ", "not ", "n't ",
    ]
    .iter()
    .any(|w| clause.contains(w))
}

/// Whether `text` contains any of `words`, ASCII case ignored.
pub(crate) fn has_any(text: &str, words: &[&str]) -> bool {
    let lower = text.to_ascii_lowercase();
    words
        .iter()
        .any(|w| lower.contains(&w.to_ascii_lowercase()))
}

/// Trims punctuation and whitespace a quote or value should not start or end with.
pub(crate) fn trim_punct(s: &str) -> &str {
    s.trim_matches(|c: char| {
        c.is_whitespace() || matches!(c, '。' | '；' | ';' | '，' | ',' | '：' | ':' | '、' | '.')
    })
}

/// A facet item the extractor can suggest: it knows whether it is a suggestion and where it
/// comes from.
pub(crate) trait Item {
    fn is_suggested(&self) -> bool;
    fn source(&self) -> &Provenance;
}

macro_rules! impl_item {
    ($($t:ty),*) => {$(
        impl Item for $t {
            fn is_suggested(&self) -> bool {
                self.suggested
            }
            fn source(&self) -> &Provenance {
                &self.source
            }
        }
    )*};
}
impl_item!(
    DataItem, Statement, Scenario, Recipient, Sdk, Permission, Storage, Children, Right, Contact
);

/// Replaces the previous suggestions of a facet with `new`, unless a reviewer set its status.
/// Reviewed items stay; a suggestion citing the same quote as a reviewed item is dropped.
fn refresh<T: Item>(facet: &mut Facet<T>, new: Vec<T>) {
    if facet.status != Coverage::NotReviewed {
        return;
    }
    facet.items.retain(|i| !i.is_suggested());
    let reviewed = facet.items.len();
    for n in new {
        let dup = facet.items[..reviewed]
            .iter()
            .any(|r| r.source() == n.source());
        if !dup {
            facet.items.push(n);
        }
    }
}

/// What [`suggest`] found: the number of suggestions per facet.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    pub(crate) counts: Vec<(&'static str, usize)>,
}

impl Report {
    /// Facet name and number of suggested items, for facets with any.
    pub fn counts(&self) -> &[(&'static str, usize)] {
        &self.counts
    }
}

/// Suggests facet items, the controller or operator and the stated dates for `v`, replacing
/// earlier suggestions. Reviewed items, facets a reviewer set, and a reviewed controller,
/// operator or date (one without the `suggested` flag) are left alone.
pub fn suggest(v: &mut PolicyVersion) -> Report {
    let doc = Doc::new(v);
    let parties = parties::find(&doc);
    let own: Vec<&str> = [
        &parties.controller,
        &parties.operator,
        &v.controller,
        &v.operator,
    ]
    .into_iter()
    .flatten()
    .map(|p| p.name.as_str())
    .collect();
    let dates = dates::find(&doc);
    let data_collected = data::find(&doc);
    let purposes = purposes::find(&doc);
    let recipients = recipients::find(&doc, &own);
    let sdks = sdks::find(&doc);
    let permissions = permissions::find(&doc);
    let retention = retention::find(&doc);
    let storage = storage::find(&doc);
    let children = children::find(&doc);
    let contacts = contacts::find(&doc);
    let rights = rights::find(&doc, &contacts);
    let major_changes = major_changes::find(&doc);

    let mut report = Report::default();
    let f = &mut v.facets;
    macro_rules! put {
        ($($name:ident),*) => {$(
            if !$name.is_empty() {
                report.counts.push((stringify!($name), $name.len()));
            }
            refresh(&mut f.$name, $name);
        )*};
    }
    put!(
        data_collected,
        purposes,
        recipients,
        sdks,
        permissions,
        retention,
        storage,
        children,
        rights,
        contacts,
        major_changes
    );
    // A suggested party is refreshed; a reviewed one is never touched.
    if v.controller.as_ref().is_none_or(|p| p.suggested) {
        v.controller = parties.controller;
    }
    if v.operator.as_ref().is_none_or(|p| p.suggested) {
        v.operator = parties.operator;
    }
    dates.fill(&mut v.dates);
    report
}

/// An item built by a finder: always a suggestion.
pub(crate) const SUGGESTED: bool = true;

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::{import_text, validate, ImportOptions};

    /// Imports `text` as a fresh version (facets cleared, as the importer's own suggestions
    /// are not under test here).
    pub(crate) fn doc_of(text: &str) -> PolicyVersion {
        let mut v = import_text(
            text,
            &ImportOptions {
                id: "t".into(),
                version: "2025-01-01".into(),
                language: None,
                source: "test".into(),
                ..Default::default()
            },
        );
        v.facets = Facets::default();
        v
    }

    const ZH: &str = "示例APP个人信息保护政策\n更新日期：2025年05月19日\n示例科技有限公司（以下简称“我们”）重视您的个人信息。\n一、我们如何收集和使用您的个人信息\n注册时，我们会收集您的手机号码，用于创建账号。\n我们会申请相机权限，用于扫描二维码。\n二、您的权利\n您有权查阅、更正、删除您的个人信息。我们不提供个人信息副本。我们将在15个工作日内回复。\n三、未成年人\n若您是未满14周岁的儿童，需取得监护人的同意。\n四、联系我们\n客服电话：400-123-4567\n邮箱：privacy@shili.cn\n本政策依据GB/T 35273-2020制定。\n";

    #[test]
    fn every_suggestion_validates() {
        let mut v = doc_of(ZH);
        let report = suggest(&mut v);
        assert!(report.counts().len() >= 5, "{report:?}");
        let problems = validate("t", &v);
        assert!(problems.is_empty(), "{problems:?}");
        assert!(v.facets.contacts.items.iter().all(|c| c.suggested));
        assert_eq!(v.facets.contacts.status, Coverage::NotReviewed);
        assert!(v
            .facets
            .rights
            .items
            .iter()
            .all(|r| r.right != RightKind::Copy));
        assert!(!v
            .facets
            .contacts
            .items
            .iter()
            .any(|c| c.value.contains("35273")));
        assert_eq!(v.controller.as_ref().unwrap().name, "示例科技有限公司");
    }

    #[test]
    fn refresh_keeps_reviewed_items_and_set_facets() {
        let mut v = doc_of(ZH);
        suggest(&mut v);
        let reviewed = Contact {
            kind: ContactKind::Email,
            value: "privacy@shili.cn".into(),
            source: Provenance {
                section: v.facets.contacts.items[0].source.section.clone(),
                quote: "邮箱：privacy@shili.cn".into(),
            },
            suggested: false,
        };
        v.facets.contacts.items.push(reviewed.clone());
        v.facets.children.status = Coverage::NotStated;
        v.facets.children.items.clear();
        let before = v.facets.contacts.items.len();
        suggest(&mut v);
        assert!(v.facets.contacts.items.contains(&reviewed));
        // The suggestion with the reviewed item's quote is not repeated.
        assert_eq!(v.facets.contacts.items.len(), before - 1);
        assert!(v.facets.children.items.is_empty());
        assert!(validate("t", &v).is_empty());
    }

    #[test]
    fn nothing_from_a_section_marked_missing() {
        let mut v = doc_of(ZH);
        let contact = v
            .all_sections()
            .into_iter()
            .find(|s| s.title().contains("联系我们"))
            .unwrap()
            .id
            .clone();
        v.completeness.push(CompletenessNote {
            section: Some(contact.clone()),
            note: "the contact part is cut off: text missing".into(),
        });
        suggest(&mut v);
        assert!(v
            .facets
            .contacts
            .items
            .iter()
            .all(|c| c.source.section != contact));
        assert!(v
            .facets
            .rights
            .items
            .iter()
            .all(|c| c.source.section != contact));
    }

    #[test]
    fn summary_marks_suggestions_and_lists_them_for_review() {
        let mut v = doc_of(ZH);
        suggest(&mut v);
        let md = crate::summary::to_markdown(&v, &crate::summarize(&v));
        assert!(md.contains("400-123-4567 — [§"), "{md}");
        assert!(md.contains("_(suggested)_"));
        assert!(md.contains("## Review checklist"));
        assert!(md.contains("- [ ] **contacts**: privacy@shili.cn — “邮箱：privacy@shili.cn”"));
    }

    /// Pieces that exercise every finder: markers, numbers, quotes, CJK and Latin text.
    const PIECES: &[&str] = &[
        "一、",
        "（二）",
        "1. ",
        "联系我们",
        "您有权",
        "查阅",
        "不提供",
        "注销账号",
        "未满",
        "14周岁",
        "under 13",
        "SDK",
        "小米推送",
        "权限",
        "相机/",
        "收集",
        "您的手机号码",
        "用于",
        "to ",
        "we collect",
        "precise location",
        "400-800-6699",
        "GB/T 35273-2020",
        "例如",
        "e.g. ",
        "a@b.cn",
        "x@example.com",
        "地址：",
        "浙江省杭州市",
        "路8号",
        "“我的”",
        "-",
        "“设置”",
        "15个工作日",
        "within 30 days",
        "（以下简称“我们”）",
        "某某有限公司",
        "Acme Ltd",
        " (\"we\")",
        "境外",
        "境内",
        "存储",
        "保存期限",
        "重大变更包括：",
        "。",
        "，",
        "；",
        ". ",
        ":",
        "\n",
        "\n| SDK名称 | 使用目的 |\n|---|---|\n| 甲SDK | 推送 |\n",
        "个人信息保护专员：",
        "Data Protection Officer",
        "共享",
        "关联公司",
        "合并",
        "\u{202E}",
        "é",
        "𠀀",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        #[test]
        fn suggestions_always_validate(picks in proptest::collection::vec(0..PIECES.len(), 1..80)) {
            let text: String = std::iter::once("Policy\n")
                .chain(picks.iter().map(|&i| PIECES[i]))
                .collect();
            let mut v = doc_of(&text);
            suggest(&mut v);
            let problems = validate("t", &v);
            proptest::prop_assert!(problems.is_empty(), "{:?}\n{}", problems, text);
        }
    }

    #[test]
    fn sentences_split_on_ends_not_abbreviations() {
        assert_eq!(
            sentences("NavInfo Co., Ltd. is the operator. We collect data；并且保存。"),
            [
                "NavInfo Co., Ltd. is the operator.",
                "We collect data；",
                "并且保存。"
            ]
        );
        // Nor inside brackets, nor after "Art." or "U.S.".
        assert_eq!(
            sentences("You may object (Art. 21 GDPR). We store data in the U.S. and the EU."),
            [
                "You may object (Art. 21 GDPR).",
                "We store data in the U.S. and the EU."
            ]
        );
        // Nor in names and addresses: "Pte. Ltd.", "Str. 40", "P.O. Box", "Tel.", "Attn.".
        for line in [
            "Acme Games Pte. Ltd. (\"Acme\", \"we\") publishes games.",
            "Orbit Health GmbH, Rosenthaler Str. 40, 10178 Berlin (\"Orbit\", \"we\").",
            "Write to: Member Privacy, P.O. Box 9120, Des Moines, IA 50306.",
            "Tel. 0800 123 456, Attn. Privacy Team.",
        ] {
            assert_eq!(sentences(line), [line]);
        }
    }
}
