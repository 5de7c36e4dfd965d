//! The controller and the operator: the company a policy names as "we" (`X（以下简称"我们"）`,
//! `X ("we", "us")`), as the controller (`X is the controller`, `X（个人信息处理者）`) or as
//! running the service (`由X提供/运营`, `operated by X`, `X is the operator`).

use super::{Doc, Line};
use crate::entities::company_names;
use crate::model::{Party, Provenance};

/// What the text says about who is responsible.
#[derive(Debug, Default)]
pub(crate) struct Parties {
    pub controller: Option<Party>,
    pub operator: Option<Party>,
}

/// Phrases after a company name that make it the controller ("we").
const AS_WE: &[&str] = &[
    "以下简称",
    "以下称",
    "hereinafter",
    "(\"we",
    "(“we",
    "( \"we",
    "（“我们",
];
/// Phrases after a company name that make it the controller by role.
const AS_CONTROLLER: &[&str] = &[
    "is the controller",
    "is the personal information controller",
    "is the data controller",
    "（个人信息处理者",
    "(个人信息处理者",
    "作为个人信息处理者",
];
/// Phrases after a company name that make it the operator.
const AS_OPERATOR: &[&str] = &["is the operator", "(\"operator", "(“operator", "运营"];
/// Phrases before a company name that make it the operator.
const OPERATED_BY: &[&str] = &["operated by", "provided by", "由"];
/// Labels before a colon and a company name ("运营者：X有限公司", "Data controller: X Ltd").
const CONTROLLER_LABELS: &[&str] = &[
    "个人信息处理者",
    "数据控制者",
    "data controller",
    "controller",
];
const OPERATOR_LABELS: &[&str] = &["运营者", "运营方", "运营主体", "开发者", "operator"];

pub(crate) fn find(doc: &Doc) -> Parties {
    let mut p = Parties::default();
    // The opening of a policy names its parties; later mentions are usually partners.
    for line in doc.lines.iter().take(60) {
        for (name, quote, role) in named(line) {
            let party = Party {
                name: name.to_string(),
                source: Provenance {
                    section: doc.id(line).to_string(),
                    quote: quote.to_string(),
                },
                suggested: super::SUGGESTED,
            };
            match role {
                Role::Controller if p.controller.is_none() => p.controller = Some(party),
                Role::Operator if p.operator.is_none() => p.operator = Some(party),
                _ => {}
            }
        }
    }
    // One company named both ways is one party: keep it as the controller.
    if let (Some(c), Some(o)) = (&p.controller, &p.operator) {
        if c.name == o.name {
            p.operator = None;
        }
    }
    p
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Controller,
    Operator,
}

/// Company names of a line with their role and the sentence that gives it.
fn named(line: &Line) -> Vec<(&str, &str, Role)> {
    let mut out = Vec::new();
    for sentence in super::sentences(&line.text) {
        let names: Vec<(std::ops::Range<usize>, &str)> = company_names(sentence)
            .into_iter()
            .map(|r| {
                let name = own_name(&sentence[r.clone()]);
                (r, name)
            })
            .filter(|(_, n)| !n.starts_with(['其', '该', '本', '各']))
            .collect();
        for (k, (r, name)) in names.iter().enumerate() {
            // Text up to the next company: a role marker after that belongs to it.
            let next = names.get(k + 1).map_or(sentence.len(), |(n, _)| n.start);
            let after: String = sentence[r.end..next.max(r.end)].chars().take(90).collect();
            let after = after.trim_start_matches(['】', ']', ' ']);
            let before: String = {
                let b: Vec<char> = sentence[..r.start].chars().rev().take(60).collect();
                b.into_iter().rev().collect()
            };
            if let Some(role) = role(after, &before) {
                out.push((*name, sentence, role));
            }
        }
        if names.is_empty() {
            if let Some(name) = latin_we_name(sentence) {
                out.push((name, sentence, Role::Controller));
            }
        }
    }
    out
}

/// Words after a name that leave it the name: `X and its affiliates ("we")` names X.
const GROUP_TAILS: &[&str] = &[
    "and its subsidiaries",
    "and its affiliates",
    "and its affiliated companies",
    "and its group companies",
    "together with its affiliates",
    "and our affiliates",
];
/// Capitalised words that open a sentence or a phrase, not a name.
const NOT_NAMES: &[&str] = &[
    "This", "These", "The", "Our", "We", "Privacy", "Policy", "In", "At", "By", "For", "Welcome",
];

/// A Latin name without a company suffix right before a parenthesis that calls it "we":
/// `Northwind Outfitters and its subsidiaries ("Northwind", "we", "us")` names "Northwind
/// Outfitters". The name is the run of capitalised words (and `&`) before the parenthesis.
fn latin_we_name(sentence: &str) -> Option<&str> {
    for (i, _) in sentence.match_indices('(') {
        // `("we," "our," or "us")` puts the comma inside the quotes.
        let inner = sentence[i + 1..]
            .split(')')
            .next()
            .unwrap_or("")
            .to_lowercase()
            .replace(',', "");
        if !(inner.contains("\"we\"") || inner.contains("“we”")) || inner.contains("operator") {
            continue;
        }
        let mut before = sentence[..i].trim_end().trim_end_matches(',').trim_end();
        // "Copperleaf Coffee Co. (doing business as Copperleaf) ("we")": the name is before
        // the aside.
        if before.ends_with(')') {
            if let Some(open) = before.rfind('(') {
                before = before[..open].trim_end().trim_end_matches(',').trim_end();
            }
        }
        for tail in GROUP_TAILS {
            if let Some(b) = before.strip_suffix(tail) {
                before = b.trim_end().trim_end_matches(',').trim_end();
            }
        }
        let mut start = before.len();
        for (words, word) in before.rsplit(' ').enumerate() {
            let capital = word.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit());
            if !(capital || word == "&") || words == 6 || NOT_NAMES.contains(&word) {
                break;
            }
            // The word and the space before it.
            start = (start - word.len()).saturating_sub(1);
        }
        let name = before[start..].trim().trim_start_matches('&').trim();
        if name.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            return Some(name);
        }
    }
    None
}

/// The name without the words the company finder keeps in front of it: "授权X运营" names X.
fn own_name(found: &str) -> &str {
    let name = found.trim_start_matches(['【', '[']);
    ["授权", "委托", "由"]
        .iter()
        .fold(name, |n, p| n.strip_prefix(p).unwrap_or(n))
}

/// The role the text around a company name gives it.
fn role(after: &str, before: &str) -> Option<Role> {
    // "以下简称…我们" / "hereinafter … "we"": the marker, then "we" soon after it, also past
    // a parenthesis ("X（办公地址：…）及其关联公司】（以下简称…我们）").
    let we_soon = AS_WE
        .iter()
        .filter_map(|m| after.find(m).map(|i| &after[i..]))
        .any(|rest| {
            let near: String = rest.chars().take(36).collect();
            near.contains("我们") || near.to_lowercase().contains("\"we") || near.contains("“we")
        });
    // X ("Pulse", "we", "us"): a parenthesis right after the name that calls it "we", unless
    // it names a role itself ("operator" or "we").
    let paren_we = after.strip_prefix(['(', '（']).is_some_and(|rest| {
        let inner = rest
            .split([')', '）'])
            .next()
            .unwrap_or("")
            .replace(',', "");
        let we = inner.contains("我们") || inner.contains("\"we\"") || inner.contains("“we”");
        we && !inner.contains("operator") && !inner.contains("运营")
    });
    let near = |markers: &[&str], within: usize| {
        markers
            .iter()
            .any(|m| after.trim_start().find(m).is_some_and(|i| i < within))
    };
    // "运营者：X" — a label, a colon, then the name.
    let label = before
        .trim_end()
        .strip_suffix([':', '：'])
        .map(|b| b.trim_end().to_lowercase());
    let labelled = |labels: &[&str]| {
        label
            .as_deref()
            .is_some_and(|b| labels.iter().any(|l| b.ends_with(l)))
    };
    if labelled(CONTROLLER_LABELS) {
        return Some(Role::Controller);
    }
    if labelled(OPERATOR_LABELS) {
        return Some(Role::Operator);
    }
    if we_soon || paren_we || near(AS_CONTROLLER, 20) {
        Some(Role::Controller)
    } else if near(AS_OPERATOR, 24)
        || (OPERATED_BY.iter().any(|m| before.trim_end().ends_with(m)) && !of_a_vendor(before))
    {
        Some(Role::Operator)
    } else {
        None
    }
}

/// Words before "provided by X" that make X the maker of a third party's tool, not of this
/// service: "a web analysis service provided by Google Ireland Limited".
const VENDOR_WORDS: &[&str] = &[
    "a service",
    "analysis service",
    "analytics",
    "advertising",
    "third",
    "plugin",
    "plug-in",
    "widget",
    "sdk",
    "library",
    "tool",
    "payment",
    "第三方",
    "插件",
    "统计",
    "广告",
];

fn of_a_vendor(before: &str) -> bool {
    super::has_any(before, VENDOR_WORDS)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn we_names_the_controller() {
        let v = doc_of("极氪APP个人信息保护政策\n浙江极氪智能科技有限公司（以下简称“我们”）深知个人信息对您的重要性。\n");
        let p = find(&Doc::new(&v));
        assert_eq!(p.controller.unwrap().name, "浙江极氪智能科技有限公司");
    }

    #[test]
    fn the_we_marker_belongs_to_the_company_right_before_it() {
        let v = doc_of(
            "隐私政策\n甲乙科技有限公司与丙丁网络有限公司（以下简称“我们”）共同提供服务。\n",
        );
        let p = find(&Doc::new(&v));
        assert_eq!(p.controller.unwrap().name, "丙丁网络有限公司");
    }

    #[test]
    fn an_english_name_without_a_company_suffix_that_calls_itself_we() {
        let v = doc_of("Privacy Policy\nThis Privacy Policy describes how Northwind Outfitters and its subsidiaries (\"Northwind\", \"we\", \"us\") handle personal data.\n");
        let p = find(&Doc::new(&v));
        assert_eq!(p.controller.unwrap().name, "Northwind Outfitters");
        let v = doc_of("Privacy Policy\nThis Privacy Policy describes how Fresh Plate (\"we,\" \"our,\" or \"us\") collects your data.\n");
        assert_eq!(find(&Doc::new(&v)).controller.unwrap().name, "Fresh Plate");
        let v = doc_of("Privacy Policy\nThis privacy notice for Copperleaf Coffee Co. (doing business as Copperleaf) (\"we,\" \"us,\" or \"our\"), describes how we use data.\n");
        assert_eq!(
            find(&Doc::new(&v)).controller.unwrap().name,
            "Copperleaf Coffee Co."
        );
        // A parenthesis that does not say "we" names no one; nor does a lowercase phrase.
        for text in [
            "Privacy Policy\nThis Privacy Policy (\"Policy\") explains how data is handled.\n",
            "Privacy Policy\nWhen you use the app (\"we\" means the app's makers) data is handled.\n",
        ] {
            let p = find(&Doc::new(&doc_of(text)));
            assert!(p.controller.is_none(), "{text}: {:?}", p.controller);
        }
    }

    #[test]
    fn a_label_before_the_name_gives_its_role() {
        let v = doc_of("某某App隐私政策\n更新日期：2025年3月1日\n运营者：杭州云帆网络科技有限公司\n注册地址：杭州市西湖区文三路1号\n");
        let p = find(&Doc::new(&v));
        assert_eq!(p.operator.unwrap().name, "杭州云帆网络科技有限公司");
        let v = doc_of(
            "Privacy Notice\nData controller: Harbourline Ferries Limited, 1 Dock Road, Glasgow.\n",
        );
        let p = find(&Doc::new(&v));
        assert_eq!(p.controller.unwrap().name, "Harbourline Ferries Limited");
        // A label for something else names no party.
        let v = doc_of("隐私政策\n第三方名称：北京某某科技有限公司\n");
        let p = find(&Doc::new(&v));
        assert!(p.controller.is_none() && p.operator.is_none());
    }

    #[test]
    fn a_vendor_of_a_tool_is_not_the_operator() {
        let v = doc_of("Privacy Policy\nAcme Surf Ltd (\"we\", \"us\") runs this website.\n3. Analytics\nWe use Google Analytics 4, a web analysis service provided by Google Ireland Limited (\"Google\").\n");
        let p = find(&Doc::new(&v));
        assert_eq!(p.controller.unwrap().name, "Acme Surf Ltd");
        assert!(p.operator.is_none(), "{:?}", p.operator);
    }

    #[test]
    fn operator_in_english() {
        let v = doc_of("Privacy Policy\nNavInfo Co., Ltd. (\"operator\" or \"we\") is the operator and service provider of the app.\n");
        let p = find(&Doc::new(&v));
        let named = p.controller.or(p.operator).unwrap();
        assert_eq!(named.name, "NavInfo Co., Ltd.");
    }
}
