//! Data collected: the personal-information items a collection statement names, each with its
//! category and sensitive flag from the lexicon, required or optional where the sentence says
//! so, and the sentence's purpose clause. A collection statement is a sentence with a verb of
//! collecting (收集, 获取, collect…) and no negation, or a list item right after one.

use super::lexicon::{self, COLLECT, DATA, NOT_COLLECT, OPTIONAL, REQUIRED};
use super::{has_any, purposes, trim_punct, Doc, Line, LineKind, SUGGESTED};
use crate::model::{Block, DataItem, Provenance, Requirement};

/// Parts of a policy that name data without collecting it; the SDK part lists what third
/// parties collect, which belongs to the SDK facet.
const NOT_HERE: &[&str] = &["定义", "释义", "definition", "glossary", "SDK", "sdk"];
/// Words by which a sentence says what collected data includes.
const INCLUDES: &[&str] = &[
    "this includes",
    "this may include",
    "these include",
    "including",
    "such as",
    "consists of",
    "包括",
    "例如",
];
/// A definition lists examples of personal information, not what is collected: "Personal
/// information means any information …, including name, date of birth, …".
const DEFINES: &[&str] = &[
    " means ",
    "refers to",
    "is defined as",
    "是指",
    "指的是",
    "系指",
];
/// Quotes longer than this are cut to the clause naming the item.
const MAX_QUOTE: usize = 160;

/// Header words of the column of a collection table (个人信息收集清单) that names the data,
/// and of the column that gives the purpose.
const DATA_COLUMN: &[&str] = &[
    "收集的信息",
    "收集的个人信息",
    "个人信息",
    "信息类型",
    "information collected",
    "personal information",
    "data collected",
];
const PURPOSE_COLUMN: &[&str] = &["目的", "用途", "purpose", "why"];
/// Header words of a data column that hold only in a section titled as collected data
/// ("1.2 Information collected automatically": Category | Examples | Why).
const DATA_COLUMN_UNDER_TITLE: &[&str] = &[
    "examples",
    "category",
    "categories",
    "data type",
    "type of data",
    "类别",
    "示例",
];

pub(crate) fn find(doc: &Doc) -> Vec<DataItem> {
    let mut out: Vec<DataItem> = Vec::new();
    for info in &doc.sections {
        if has_any(&info.path, NOT_HERE) {
            continue;
        }
        for b in &info.section.blocks {
            if let Block::Table {
                header: true, rows, ..
            } = b
            {
                let title = info.section.title();
                table(&info.section.id, rows, says_collected(&title), &mut out);
            }
        }
    }
    // The paragraph that introduces a list ("我们会收集以下信息：") makes its items collected.
    let mut intro: Option<(usize, usize, bool)> = None;
    for line in &doc.lines {
        if has_any(doc.path(line), NOT_HERE) {
            continue;
        }
        match line.kind {
            LineKind::Paragraph => {
                // Under a title that says the data is collected ("INFORMATION WE COLLECT"), a
                // sentence that says what it includes names collected data: "This includes
                // your name, service address and phone number."
                let title = doc.sections[line.section].section.title();
                let under_title = says_collected(&title);
                let introduces = has_any(&line.text, COLLECT) && !has_any(&line.text, NOT_COLLECT);
                intro = Some((
                    line.section,
                    line.block,
                    introduces && line.text.trim_end().ends_with([':', '：']),
                ));
                for sentence in super::sentences(&line.text) {
                    let included = under_title
                        && has_any(sentence, INCLUDES)
                        && !has_any(sentence, NOT_COLLECT)
                        && !has_any(sentence, DEFINES);
                    if collects(sentence) || included {
                        items(doc, line, sentence, &mut out);
                    }
                }
            }
            LineKind::ListItem => {
                // A list opening a section whose title says it is collected ("2.2 Information
                // Collected Automatically", "我们收集的信息") is a list of collected data too.
                let title = doc.sections[line.section].section.title();
                let under_title = line.block == 0 && says_collected(&title);
                let listed = under_title
                    || intro.is_some_and(|(s, b, c)| {
                        c && s == line.section && (b + 1 == line.block || b == line.block)
                    });
                for sentence in super::sentences(&line.text) {
                    if listed || collects(sentence) {
                        items(doc, line, sentence, &mut out);
                    }
                }
                // Termly gives each item a list of its own: the next list block goes on.
                if listed {
                    if let Some((s, b, true)) = intro {
                        if s == line.section && b + 1 == line.block {
                            intro = Some((s, line.block, true));
                        }
                    }
                }
            }
            LineKind::Heading | LineKind::Table => {}
        }
    }
    out
}

/// Whether a section title says its data is collected ("Information We Collect", "我们收集的信息").
fn says_collected(title: &str) -> bool {
    has_any(title, COLLECT) && !has_any(title, NOT_COLLECT)
}

/// Signing up or logging in with a piece of data gives it to the company: "您可以使用手机号码
/// 注册" (使用/通过, the item, then 注册/登录, close together), "sign up with your email address"
/// (the verb, "with your" or "using your", then the item).
const SIGN_UP_ZH: &[&str] = &["注册", "登录"];
const WITH_ZH: &[&str] = &["使用", "通过"];
const SIGN_UP_EN: &[&str] = &["sign up", "register", "log in", "sign in"];
const WITH_EN: &[&str] = &[" with your ", " using your "];

/// Whether a sentence is a collection statement: a verb of collecting, or signing up with a
/// piece of data, and no negation.
fn collects(sentence: &str) -> bool {
    (has_any(sentence, COLLECT) || signs_up_with_data(sentence)) && !has_any(sentence, NOT_COLLECT)
}

fn signs_up_with_data(sentence: &str) -> bool {
    let names_data =
        |between: &str| !lexicon::scan_terms(between, DATA.iter().map(|e| e.0)).is_empty();
    let zh = WITH_ZH
        .iter()
        .flat_map(|w| sentence.match_indices(w))
        .any(|(i, w)| {
            let after = &sentence[i + w.len()..];
            let window: String = after.chars().take(12).collect();
            SIGN_UP_ZH
                .iter()
                .filter_map(|s| window.find(s))
                .min()
                .is_some_and(|j| names_data(&window[..j]))
        });
    let lower = sentence.to_ascii_lowercase();
    let en = SIGN_UP_EN
        .iter()
        .flat_map(|v| lower.match_indices(v))
        .any(|(i, v)| {
            let after = &lower[i + v.len()..];
            WITH_EN.iter().any(|w| after.starts_with(w))
                && names_data(&after[..after.len().min(48)])
        });
    zh || en
}

/// Rows of a collection table: lexicon items in its data column, with the row's purpose.
/// SDK tables list what third parties collect; they belong to the SDK facet.
fn table(section: &str, rows: &[Vec<String>], collected: bool, out: &mut Vec<DataItem>) {
    let Some((head, body)) = rows.split_first() else {
        return;
    };
    if head.iter().any(|c| c.to_ascii_lowercase().contains("sdk")) {
        return;
    }
    let find_col = |words: &[&str]| head.iter().position(|c| has_any(c, words));
    // A yes/no column of collection (the CCPA's "Collected", "是否收集"): the table is one of
    // collected data, and a row marked no names data that is not collected.
    let collected_col = head.iter().position(|c| {
        let c = c.trim().to_lowercase();
        c == "collected" || c == "collected?" || c.starts_with("是否收集") || c == "收集"
    });
    let data_cols: Vec<usize> = match find_col(DATA_COLUMN) {
        // With a yes/no column, the examples beside the category name the data too.
        Some(c) if collected_col.is_some() => (0..head.len())
            .filter(|&k| k == c || has_any(&head[k], &["examples", "示例", "举例"]))
            .collect(),
        Some(c) => vec![c],
        None if collected || collected_col.is_some() => (0..head.len())
            .filter(|&c| has_any(&head[c], DATA_COLUMN_UNDER_TITLE))
            .collect(),
        None => Vec::new(),
    };
    let purpose_col = find_col(PURPOSE_COLUMN).filter(|c| !data_cols.contains(c));
    let not_collected = |row: &Vec<String>| {
        collected_col.and_then(|c| row.get(c)).is_some_and(|v| {
            let v = v.trim().to_lowercase();
            matches!(
                v.as_str(),
                "no" | "否" | "不收集" | "not collected" | "none" | "n/a" | "×" | "✗"
            )
        })
    };
    for (row, &data_col) in body
        .iter()
        .filter(|row| !not_collected(row))
        .flat_map(|row| data_cols.iter().map(move |c| (row, c)))
    {
        let Some(cell) = row.get(data_col) else {
            continue;
        };
        let purpose = purpose_col
            .and_then(|c| row.get(c))
            .map(|p| p.trim())
            .filter(|p| !p.is_empty());
        for (r, idx) in lexicon::scan_terms(cell, DATA.iter().map(|e| e.0)) {
            let (_, category, sensitive) = DATA[idx];
            let name = &cell[r.clone()];
            let key = name.to_lowercase();
            let dup = out
                .iter()
                .any(|d| d.source.section == section && d.name.to_lowercase() == key);
            if dup || !bounded(cell, r.end) {
                continue;
            }
            out.push(DataItem {
                category,
                name: name.to_string(),
                sensitive,
                required: Requirement::Unspecified,
                purposes: purpose.map(str::to_string).into_iter().collect(),
                source: Provenance {
                    section: section.to_string(),
                    quote: cell.trim().to_string(),
                },
                suggested: SUGGESTED,
            });
        }
    }
}

/// Subjects that make a collection someone else's: "第三方服务商可能会收集…".
const OTHERS: &[&str] = &["第三方", "合作方", "third part", "partner"];

/// Whether the sentence's collector is a third party rather than the policy's "we".
fn collected_by_others(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let verb = COLLECT
        .iter()
        .filter_map(|v| lower.find(&v.to_ascii_lowercase()))
        .min()
        .unwrap_or(0);
    let subject = &lower[..verb];
    has_any(subject, OTHERS) && !has_any(subject, &["我们", "we "])
}

fn items(doc: &Doc, line: &Line, sentence: &str, out: &mut Vec<DataItem>) {
    if collected_by_others(sentence) {
        return;
    }
    let required = if has_any(sentence, OPTIONAL) {
        Requirement::Optional
    } else if has_any(sentence, REQUIRED) {
        Requirement::Required
    } else {
        Requirement::Unspecified
    };
    let purpose = purposes::purpose_clause(sentence);
    for (r, idx) in lexicon::scan_terms(sentence, DATA.iter().map(|e| e.0)) {
        let (_, category, sensitive) = DATA[idx];
        let name = &sentence[r.clone()];
        if !bounded(sentence, r.end) || super::negated_before(sentence, r.start) {
            continue;
        }
        let id = doc.id(line);
        let key = name.to_lowercase();
        if out
            .iter()
            .any(|d| d.source.section == id && d.name.to_lowercase() == key)
        {
            continue;
        }
        let quote = if sentence.chars().count() > MAX_QUOTE {
            super::clause_at(sentence, r.start)
        } else {
            trim_punct(sentence)
        };
        out.push(DataItem {
            category,
            name: name.to_string(),
            sensitive,
            required,
            purposes: purpose.map(str::to_string).into_iter().collect(),
            source: doc.cite(line, quote),
            suggested: SUGGESTED,
        });
    }
}

/// Whether a Chinese term ends where its word ends: "生日、" or "生日信息", not "生日关怀".
fn bounded(s: &str, end: usize) -> bool {
    let rest = &s[end..];
    match rest.chars().next() {
        Some(c) if crate::text::is_cjk_letter(c) => {
            // 等, conjunctions, 信息/号码, the start of a purpose (以便, 用于, 来, 进行), and
            // signing up with it (注册, 登录).
            "等和及与或信号码以用来进并注登".contains(c)
        }
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;
    use crate::model::DataCategory;

    /// The names of the data items found in `text`, imported as a fresh version.
    fn names(text: &str) -> Vec<String> {
        find(&Doc::new(&doc_of(text)))
            .into_iter()
            .map(|d| d.name)
            .collect()
    }

    #[test]
    fn items_with_category_and_sensitivity() {
        let v = doc_of("政策\n一、收集\n注册时，我们会收集您的手机号码和身份证号，用于核验身份。我们不会收集您的通讯录。\n");
        let got = find(&Doc::new(&v));
        let names: Vec<&str> = got.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["手机号码", "身份证号"]);
        assert_eq!(got[1].category, DataCategory::IdentityDocument);
        assert!(got[1].sensitive && !got[0].sensitive);
        assert_eq!(got[0].purposes, ["用于核验身份"]);
    }

    #[test]
    fn an_item_in_a_negated_clause_is_not_collected() {
        let v = doc_of("政策\n一、收集\n我们会收集您的位置信息（我们仅收集您当时所处的地理位置，但不会将您各时段的位置信息进行结合以判断您的行踪轨迹）。\n我们收集的信息包括但不限于姓名、手机号码。\n");
        let got = find(&Doc::new(&v));
        let names: Vec<&str> = got.iter().map(|d| d.name.as_str()).collect();
        assert!(!names.contains(&"行踪轨迹"), "{names:?}");
        assert!(names.contains(&"手机号码"), "{names:?}");
        assert!(got
            .iter()
            .all(|d| d.purposes.iter().all(|p| !p.contains("行踪轨迹"))));
    }

    #[test]
    fn collection_tables_but_not_sdk_tables() {
        let v = doc_of("政策\n一、收集清单\n| 业务功能 | 收集的个人信息 | 使用目的 |\n|---|---|---|\n| 注册 | 手机号码、验证码 | 创建账号 |\n\n二、SDK\n| SDK名称 | 收集的个人信息 |\n|---|---|\n| 推送SDK | 设备标识 |\n");
        let got = find(&Doc::new(&v));
        let names: Vec<&str> = got.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["手机号码", "验证码"]);
        assert_eq!(got[0].purposes, ["创建账号"]);
    }

    #[test]
    fn a_table_under_a_collected_data_title() {
        let text = "Policy\n1.2 Information collected automatically\n| Category | Examples | Why |\n|---|---|---|\n| Device data | browser type, IP address | to keep your account secure |\n\n3. Sharing\n| Category | Examples |\n|---|---|\n| Processors | payment information |\n";
        let got = find(&Doc::new(&doc_of(text)));
        let names: Vec<&str> = got.iter().map(|d| d.name.as_str()).collect();
        assert_eq!(names, ["browser type", "IP address"]);
        assert_eq!(got[0].purposes, ["to keep your account secure"]);
    }

    #[test]
    fn what_an_sdk_collects_is_not_listed_as_our_collection() {
        assert_eq!(
            names("政策\n3. 共享\n3.2 第三方SDK\n（1）SDK名称：友盟统计SDK；收集信息：设备标识符、IP地址；目的：统计分析。\n4. 收集\n我们会收集您的搜索关键词。\n"),
            ["搜索关键词"]
        );
    }

    #[test]
    fn what_collected_data_includes_under_a_collected_title() {
        let text = "Policy\nINFORMATION WE COLLECT\nInformation you provide. This includes your name, phone number and date of birth.\nHOW WE SHARE IT\nShared data includes your phone number.\n";
        assert_eq!(names(text), ["your name", "phone number", "date of birth"]);
        let definition = "Policy\nINFORMATION WE COLLECT\nPersonal information means any information that identifies you, including name, date of birth and address.\n";
        assert_eq!(names(definition), Vec::<String>::new());
    }

    #[test]
    fn asking_for_data_collects_it() {
        assert_eq!(
            names("Policy\n1. Account\nWhen you create an account, we ask for your name, work email address and password.\n"),
            ["your name", "email address", "password"]
        );
    }

    #[test]
    fn english_items() {
        let v = doc_of("Policy\n1. What we collect\nWe collect your precise location and email address. You may choose to provide your date of birth.\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got[0].name, "precise location");
        assert!(got[0].sensitive);
        assert_eq!(got[2].required, Requirement::Optional);
    }

    #[test]
    fn signing_up_with_data_gives_it() {
        assert_eq!(
            names("政策\n一、注册\n您可以使用手机号码注册账号。\n"),
            ["手机号码"]
        );
        assert_eq!(
            names("Policy\n1. Account\nYou can sign up with your email address. You can log in later.\n"),
            ["email address"]
        );
        // Logging in elsewhere, while data goes somewhere: not signing up with it.
        assert!(names(
            "政策\n一、车机\n您需要使用APP扫描二维码授权登录，此时账户的手机号码将发送到车机。\n"
        )
        .is_empty());
    }

    #[test]
    fn processing_is_collecting() {
        let v = doc_of("Policy\n1. Voice control\nIf you switch on voice control, we process audio from your car to understand your commands.\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got[0].name, "audio");
        assert_eq!(got[0].purposes, ["to understand your commands"]);
    }

    #[test]
    fn a_list_under_a_title_of_collected_data() {
        assert_eq!(
            names("Policy\n\n## 2.2 Information Collected Automatically\n\n- IP address\n- Device information such as the model\n"),
            ["IP address", "Device information"]
        );
        assert!(
            names("Policy\n\n## 2.3 Information we do not collect\n\n- IP address\n").is_empty()
        );
    }

    #[test]
    fn list_items_are_quoted_without_their_bullet() {
        let v = doc_of("Policy\n1. What we collect\nWe collect the following information:\n\n- your phone number, to reach you\n- your date of birth\n");
        let got = find(&Doc::new(&v));
        let quotes: Vec<&str> = got.iter().map(|d| d.source.quote.as_str()).collect();
        assert!(!quotes.is_empty());
        assert!(quotes.iter().all(|q| q.starts_with("your ")), "{quotes:?}");
    }

    #[test]
    fn what_the_reader_is_asked_not_to_give_is_not_collected() {
        for text in [
            "Policy\n1. Children\nIf you are under 16, please do not send us your purchase history or your heart rate.\n",
            "Policy\n1. Security\nWe will never ask for your password by e-mail.\n",
            "政策\n一、儿童\n请不要向我们提供您的身份证号码。\n",
        ] {
            assert!(names(text).is_empty(), "{text}: {:?}", names(text));
        }
    }

    #[test]
    fn a_table_row_marked_not_collected_names_no_data() {
        let v = doc_of("Policy\n1. Notice at Collection\nThe table lists what we collect.\n\n| Category of Personal Information | Examples | Collected | Sold or Shared |\n|---|---|---|---|\n| A. Identifiers | Name, email address, IP address | Yes | No |\n| D. Biometric information | Fingerprints, faceprints | No | No |\n| E. Geolocation data | Precise physical location | No | No |\n");
        let got = find(&Doc::new(&v));
        let names: Vec<&str> = got.iter().map(|d| d.name.as_str()).collect();
        assert!(names.contains(&"email address"), "{names:?}");
        assert!(got.iter().all(|d| !d.sensitive), "{names:?}");
        assert!(
            !names.iter().any(|n| n.to_lowercase().contains("location")),
            "{names:?}"
        );
    }
}
