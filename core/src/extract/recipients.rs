//! Recipients: the kinds of parties a sharing sentence names (关联公司, 合作伙伴, 受托方,
//! 政府机关; affiliates, service providers, authorities), one per kind and section.

use super::lexicon::{self, RECIPIENTS, SHARE};
use super::{has_any, trim_punct, Doc, SUGGESTED};
use crate::entities::company_names;
use crate::model::{Recipient, RecipientKind};

const NOT_SHARE: &[&str] = &[
    "不会共享",
    "不会向",
    "不会将",
    "不会与",
    "不与",
    "绝不",
    "不会对外",
    "不会出售",
    "do not share",
    "does not share",
    "don't share",
    "will not share",
    "won't share",
    "never share",
    "do not sell",
    "does not sell",
    "will not sell",
    "never sell",
    "do not rent",
    "will not rent",
    "不会公开",
    "do not disclose",
    "will not disclose",
];
/// Sections about policy changes list kinds of recipients without sharing anything.
const CHANGES_PART: &[&str] = &["更新", "变更", "changes to", "updates to"];

/// Words of entrusted processing (GB/T 35273-2020 §9.1 委托处理).
const PROCESSING: &[&str] = &["委托", "受托", "on our behalf", "processor"];

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

/// Recipients named in sharing sentences: kinds from the lexicon, and companies by name
/// (other than `own`, the policy's controller and operator).
pub(crate) fn find(doc: &Doc, own: &[&str]) -> Vec<Recipient> {
    let mut out: Vec<Recipient> = Vec::new();
    for (line, sentence) in doc.sentences() {
        // "向X提供" gives to X as much as "提供给X"; "服务由X提供" has X process it.
        let gives_to = sentence
            .find('向')
            .is_some_and(|i| sentence[i..].contains("提供"));
        let companies: Vec<&str> = company_names(sentence)
            .into_iter()
            .map(|r| strip_role(&sentence[r]))
            .filter(|n| {
                !n.is_empty()
                    && !own.contains(n)
                    && !n.starts_with(['其', '该', '本'])
                    && !n.starts_with("任何")
            })
            .collect();
        let provided_by = !companies.is_empty()
            && sentence
                .find('由')
                .is_some_and(|i| sentence[i..].contains("提供"));
        let shares = has_any(sentence, SHARE) || gives_to || provided_by;
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
                kinds.push((k, with_names(sentence, r)));
            }
        }
        let text = trim_punct(sentence);
        if text.chars().count() > 240 {
            continue;
        }
        for name in &companies {
            let id = doc.id(line);
            if out
                .iter()
                .any(|r| r.name.as_deref() == Some(*name) && r.source.section == id)
            {
                continue;
            }
            out.push(Recipient {
                kind: company_kind(sentence, name),
                name: Some(name.to_string()),
                text: text.to_string(),
                source: doc.cite(line, text),
                suggested: SUGGESTED,
            });
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

/// Role words the company finder keeps in front of a name ("服务商杭州…公司").
/// A kind of recipient with the names the policy gives right after it in brackets, as written:
/// "couriers (Royal Mail and DPD)", "支付机构（银联）". Not an example list ("(e.g., …)").
fn with_names(sentence: &str, kind: std::ops::Range<usize>) -> &str {
    let after = &sentence[kind.end..];
    let lead = after.len() - after.trim_start().len();
    let rest = &after[lead..];
    let Some(open) = rest.chars().next().filter(|c| matches!(c, '(' | '（')) else {
        return &sentence[kind];
    };
    let inner = &rest[open.len_utf8()..];
    let Some(close) = inner.find([')', '）']) else {
        return &sentence[kind];
    };
    let names = &inner[..close];
    let named = names.starts_with(|c: char| c.is_uppercase() || crate::text::is_cjk_letter(c))
        && !has_any(
            names,
            &[
                "例如",
                "比如",
                "包括但不限于",
                "such as",
                "e.g.",
                "for example",
            ],
        )
        && names.chars().count() <= 60;
    if named {
        let end = kind.end
            + lead
            + open.len_utf8()
            + close
            + inner[close..].chars().next().map_or(0, char::len_utf8);
        &sentence[kind.start..end]
    } else {
        &sentence[kind]
    }
}

const ROLES: &[&str] = &[
    "公司",
    "第三方",
    "服务提供商",
    "服务商",
    "合作伙伴",
    "合作方",
    "关联方",
    "关联公司",
    "受托方",
];

fn strip_role(name: &str) -> &str {
    let mut n = name;
    while let Some(r) = ROLES.iter().find_map(|p| n.strip_prefix(p)) {
        n = r;
    }
    n
}

/// The kind of a named company: an affiliate where the text says so right before its name, a
/// processor where the sentence entrusts it, else a partner.
fn company_kind(sentence: &str, name: &str) -> RecipientKind {
    let at = sentence.find(name).unwrap_or(0);
    let before: String = {
        let b: Vec<char> = sentence[..at].chars().rev().take(12).collect();
        b.into_iter().rev().collect()
    };
    if has_any(&before, &["关联", "affiliate"]) {
        RecipientKind::Affiliate
    } else if has_any(sentence, PROCESSING) {
        RecipientKind::Processor
    } else {
        RecipientKind::Partner
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn named_companies_are_recipients() {
        let v = doc_of("政策\n二、共享\n电子签署服务由第三方服务商杭州尚尚签网络科技有限公司提供。我们会向关联方浙江浩瀚能源科技有限公司提供您的手机号码。\n");
        let got = find(&Doc::new(&v), &[]);
        let named: Vec<(RecipientKind, &str)> = got
            .iter()
            .filter_map(|r| Some((r.kind, r.name.as_deref()?)))
            .collect();
        assert!(named.contains(&(RecipientKind::Partner, "杭州尚尚签网络科技有限公司")));
        assert!(named.contains(&(RecipientKind::Affiliate, "浙江浩瀚能源科技有限公司")));
    }

    #[test]
    fn names_in_brackets_after_a_kind_stay_with_it() {
        let v = doc_of("Policy\n3. Sharing\nWe share your delivery details with our couriers (Royal Mail and DPD) so they can deliver your order.\n4. Hosting\nWe share data with service providers (e.g., hosting companies).\n");
        let names: Vec<String> = find(&Doc::new(&v), &[])
            .into_iter()
            .filter_map(|r| r.name)
            .collect();
        assert_eq!(
            names,
            ["couriers (Royal Mail and DPD)", "service providers"]
        );
    }

    #[test]
    fn sharing_names_kinds() {
        let v = doc_of("Policy\n3. Sharing\nWe may share your personal information with our affiliates and service providers. We do not share data with advertisers.\n");
        let got = find(&Doc::new(&v), &[]);
        let kinds: Vec<RecipientKind> = got.iter().map(|r| r.kind).collect();
        assert_eq!(kinds, [RecipientKind::Affiliate, RecipientKind::Processor]);
    }

    #[test]
    fn a_sentence_that_shares_with_nobody_names_no_recipient() {
        for text in [
            "政策\n三、共享\n我们不会与任何公司、组织和个人共享您的个人信息，但以下情况除外：事先获得您的明确同意。\n",
            "政策\n三、共享\n我们不与第三方分享您的个人信息。\n",
            "Policy\n3. Sharing\nWe will not sell or rent your personal information to advertisers.\n",
        ] {
            let v = doc_of(text);
            assert!(find(&Doc::new(&v), &[]).is_empty(), "{text}");
        }
    }
}
