//! Third-party SDKs: rows of SDK tables (name, provider, purpose, data, link; by header or by
//! `Label: value` cells) and named "… SDK" mentions in prose.

use super::{has_any, Doc, LineKind, SUGGESTED};
use crate::model::{Block, Provenance, Sdk};
use crate::text::is_cjk_letter;
use crate::validate::is_safe_link;

/// Header or cell-label words for each column of an SDK table.
const NAME: &[&str] = &["sdk名称", "sdk name", "名称", "name", "sdk"];
const PROVIDER: &[&str] = &[
    "提供方",
    "第三方名称",
    "公司",
    "主体",
    "provider",
    "company",
    "vendor",
];
const PURPOSE: &[&str] = &["目的", "用途", "功能", "场景", "purpose"];
const DATA: &[&str] = &[
    "信息",
    "数据",
    "字段",
    "personal information",
    "data",
    "information",
];
const LINK: &[&str] = &[
    "链接",
    "隐私政策",
    "官网",
    "link",
    "privacy policy",
    "url",
    "website",
];

/// Words that make an "… SDK" mention generic rather than a name.
const GENERIC: &[&str] = &[
    "第三方",
    "该",
    "此",
    "相关",
    "这类",
    "这些",
    "上述",
    "以下",
    "各",
    "其",
    "合作方",
    "the",
    "third-party",
    "third party",
    "these",
    "such",
    "any",
    "our",
    "other",
    "relevant",
    "我们",
    "通过",
    "使用",
    "接入",
    "集成",
    "嵌入",
];

pub(crate) fn find(doc: &Doc) -> Vec<Sdk> {
    let mut out: Vec<Sdk> = Vec::new();
    for info in &doc.sections {
        for b in &info.section.blocks {
            if let Block::Table { header, rows, .. } = b {
                table(&info.section.id, *header, rows, &mut out);
            }
        }
    }
    for (line, sentence) in doc.sentences() {
        if line.kind == LineKind::Table {
            continue;
        }
        for name in labelled(sentence).into_iter().chain(mentions(sentence)) {
            if out.iter().any(|s| same(&s.name, name)) {
                continue;
            }
            out.push(Sdk {
                name: name.to_string(),
                provider: None,
                purpose: None,
                data: None,
                link: None,
                source: doc.cite(line, super::trim_punct(sentence)),
                suggested: SUGGESTED,
            });
        }
    }
    out
}

fn same(a: &str, b: &str) -> bool {
    crate::text::squash(&a.to_lowercase()) == crate::text::squash(&b.to_lowercase())
}

/// Which column a header or a cell label names.
fn column(label: &str) -> Option<usize> {
    let l = label.to_ascii_lowercase();
    // Order matters: "privacy policy link" is a link, "第三方名称" a provider, "收集信息的目的"
    // a purpose, not data.
    [LINK, PROVIDER, NAME, PURPOSE, DATA]
        .iter()
        .position(|words| words.iter().any(|w| l.contains(w)))
}

const COL_LINK: usize = 0;
const COL_PROVIDER: usize = 1;
const COL_NAME: usize = 2;
const COL_PURPOSE: usize = 3;
const COL_DATA: usize = 4;

fn table(section: &str, header: bool, rows: &[Vec<String>], out: &mut Vec<Sdk>) {
    let head_is_sdk = header
        && rows
            .first()
            .is_some_and(|r| r.iter().any(|c| c.to_ascii_lowercase().contains("sdk")));
    // A table whose header does not say "SDK" ("第三方名称 | 使用目的 | 收集的信息") is an SDK
    // table when most cells of one column name an SDK: that column holds the names.
    let body = rows.get(1..).unwrap_or_default();
    let sdk_column = (header && !head_is_sdk && !body.is_empty())
        .then(|| {
            (0..rows[0].len()).find(|&k| {
                let named = body
                    .iter()
                    .filter(|r| {
                        r.get(k)
                            .is_some_and(|c| c.to_ascii_lowercase().contains("sdk"))
                    })
                    .count();
                named * 2 > body.len()
            })
        })
        .flatten();
    if head_is_sdk || sdk_column.is_some() {
        let mut cols: Vec<Option<usize>> = rows[0].iter().map(|c| column(c)).collect();
        if let Some(k) = sdk_column {
            for (i, c) in cols.iter_mut().enumerate() {
                if i == k {
                    *c = Some(COL_NAME);
                } else if *c == Some(COL_NAME) {
                    *c = None;
                }
            }
        }
        for row in &rows[1..] {
            let mut fields: [Option<&str>; 5] = [None; 5];
            for (cell, col) in row.iter().zip(&cols) {
                if let Some(c) = col {
                    if fields[*c].is_none() && !cell.trim().is_empty() {
                        fields[*c] = Some(cell.trim());
                    }
                }
            }
            push_row(section, fields, fields[COL_NAME], out);
        }
        return;
    }
    // Rows of "Label: value" cells, as flattened web tables come out.
    for row in rows {
        let mut fields: [Option<&str>; 5] = [None; 5];
        let mut name_cell = None;
        let mut pending_link = false;
        for cell in row {
            let cell = cell.trim();
            if let Some((label, value)) = cell.split_once([':', '：']) {
                if cell.starts_with("http") {
                    if pending_link || fields[COL_LINK].is_none() {
                        fields[COL_LINK] = Some(cell);
                    }
                    continue;
                }
                let value = value.trim();
                match column(label) {
                    Some(COL_LINK) if value.is_empty() => pending_link = true,
                    Some(c) if fields[c].is_none() && !value.is_empty() => {
                        fields[c] = Some(value);
                        if c == COL_NAME {
                            name_cell = Some(cell);
                        }
                    }
                    _ => {}
                }
            }
        }
        let labelled_sdk = name_cell.is_some_and(|c| c.to_ascii_lowercase().contains("sdk"));
        if labelled_sdk {
            push_row(section, fields, name_cell, out);
        }
    }
}

fn push_row(section: &str, fields: [Option<&str>; 5], quote: Option<&str>, out: &mut Vec<Sdk>) {
    let (Some(name), Some(quote)) = (fields[COL_NAME], quote) else {
        return;
    };
    if out.iter().any(|s| same(&s.name, name)) {
        return;
    }
    let own = |s: Option<&str>| s.map(str::to_string);
    out.push(Sdk {
        name: name.to_string(),
        provider: own(fields[COL_PROVIDER]),
        purpose: own(fields[COL_PURPOSE]),
        data: own(fields[COL_DATA]),
        link: fields[COL_LINK]
            .filter(|l| is_safe_link(l))
            .map(str::to_string),
        source: Provenance {
            section: section.to_string(),
            quote: quote.to_string(),
        },
        suggested: SUGGESTED,
    });
}

/// Named SDKs in prose: "小米推送SDK", "WeChat SDK", "Tencent Cloud SDK"; not "第三方SDK".
/// The value of an "SDK名称：腾讯Bugly" / "SDK name: Firebase Crashlytics" line: the name as the
/// policy gives it, whether or not it ends in "SDK".
fn labelled(s: &str) -> Option<&str> {
    let lower = s.to_ascii_lowercase();
    let at = ["sdk名称", "sdk name"]
        .iter()
        .filter_map(|l| lower.find(l).map(|i| i + l.len()))
        .min()?;
    let rest = s[at..].trim_start().strip_prefix([':', '：'])?;
    let end = rest
        .find(['，', ',', '；', ';', '。', '（', '(', '|'])
        .unwrap_or(rest.len());
    let name = super::trim_punct(&rest[..end]);
    (1..=40).contains(&name.chars().count()).then_some(name)
}

fn mentions(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for r in crate::entities::find_word(s, "SDK") {
        let i = r.start;
        let before = &s[..i];
        let glued = before.ends_with(|c: char| !c.is_whitespace());
        let start = if glued && before.ends_with(is_cjk_letter) {
            // CJK name: the run of CJK letters, Latin letters and digits before "SDK".
            let mut st = i;
            for (k, c) in before.char_indices().rev() {
                // "华为" is a name (Huawei), not the word "为"; "友盟+" keeps its plus.
                let huawei = c == '为' && before[..k].ends_with('华');
                if !(is_cjk_letter(c) || c.is_ascii_alphanumeric() || c == '+')
                    || ("的与和及或由在将对为是了".contains(c) && !huawei)
                {
                    break;
                }
                st = k;
            }
            st
        } else {
            // Latin name: up to three capitalised words before "SDK".
            let mut st = i;
            let mut words = 0;
            let mut pos = before.trim_end().len();
            while words < 3 && pos > 0 {
                let seg = &before[..pos];
                let ws = seg.rfind(|c: char| c.is_whitespace()).map_or(0, |p| p + 1);
                let w = &seg[ws..];
                if !w.starts_with(|c: char| c.is_ascii_uppercase())
                    || !w.chars().all(|c| c.is_ascii_alphanumeric() || c == '+')
                {
                    break;
                }
                st = ws;
                words += 1;
                pos = before[..ws].trim_end().len();
            }
            st
        };
        let mut name = s[start..i + 3].trim();
        // A CJK run may open with words of the sentence ("我们接入华为推送SDK"): the name
        // starts after the last of them.
        if glued && before.ends_with(is_cjk_letter) {
            let stem = &name[..name.len() - 3];
            if let Some(end) = GENERIC
                .iter()
                .filter_map(|g| stem.rfind(g).map(|k| k + g.len()))
                .max()
            {
                name = &name[end..];
            }
        }
        let stem = name[..name.len() - 3].trim();
        if stem.chars().count() >= 2 && !has_any(stem, GENERIC) {
            out.push(name);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn named_mentions_not_generic_ones() {
        assert_eq!(
            mentions("与我们开展合作的小米推送SDK、阿里云推送SDK可能会自启动"),
            ["小米推送SDK", "阿里云推送SDK"]
        );
        assert!(mentions("我们的产品中可能会包含第三方SDK，该第三方通过其SDK提供服务").is_empty());
        assert_eq!(mentions("We use the WeChat SDK to share."), ["WeChat SDK"]);
        assert_eq!(
            mentions("我们接入了华为推送SDK、友盟+统计SDK，用于推送和统计"),
            ["华为推送SDK", "友盟+统计SDK"]
        );
        assert_eq!(labelled("SDK名称：腾讯Bugly"), Some("腾讯Bugly"));
        assert_eq!(
            labelled("SDK name: Firebase Crashlytics; purpose: crash reports"),
            Some("Firebase Crashlytics")
        );
        assert!(mentions("a third-party SDK").is_empty());
    }

    #[test]
    fn a_column_of_sdk_names_makes_an_sdk_table() {
        let row = |c: &[&str]| c.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let rows = vec![
            row(&["第三方名称", "使用目的", "收集的信息"]),
            row(&["微信开放平台SDK", "微信登录、分享", "设备标识符"]),
            row(&["高德地图SDK", "定位服务", "位置信息、IP地址"]),
        ];
        let mut out = Vec::new();
        table("s1", true, &rows, &mut out);
        let got: Vec<(&str, Option<&str>, Option<&str>)> = out
            .iter()
            .map(|s| (s.name.as_str(), s.purpose.as_deref(), s.data.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "微信开放平台SDK",
                    Some("微信登录、分享"),
                    Some("设备标识符")
                ),
                ("高德地图SDK", Some("定位服务"), Some("位置信息、IP地址"))
            ]
        );
        // A table of partners that names no SDK is not one.
        let rows = vec![
            row(&["第三方名称", "使用目的"]),
            row(&["顺丰速运", "配送"]),
            row(&["支付宝", "支付"]),
        ];
        let mut out = Vec::new();
        table("s1", true, &rows, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn labelled_cells_make_a_row() {
        let rows = vec![vec![
            "SDK name: WeChat SDK".to_string(),
            "Purpose of use: sharing".to_string(),
            "Personal information involved: device information".to_string(),
            "Privacy policy/link to official website:".to_string(),
            "https://www.wechat.com/privacy".to_string(),
        ]];
        let mut out = Vec::new();
        table("s1", false, &rows, &mut out);
        assert_eq!(out[0].name, "WeChat SDK");
        assert_eq!(out[0].purpose.as_deref(), Some("sharing"));
        assert_eq!(
            out[0].link.as_deref(),
            Some("https://www.wechat.com/privacy")
        );
    }
}
