//! Importer tests: outlines of real-world shapes, bad input, round trips.

use super::*;
use crate::entities::parse_date;
use crate::text::{full_text, squash};
use proptest::prelude::*;

fn opts() -> ImportOptions {
    ImportOptions {
        id: "t".into(),
        version: "2025-01-01".into(),
        language: None,
        source: "test".into(),
        ..ImportOptions::default()
    }
}

fn outline(v: &PolicyVersion) -> Vec<String> {
    v.all_sections()
        .iter()
        .map(|s| format!("{} {}", s.id, s.title()))
        .collect()
}

#[test]
fn a_label_alone_takes_its_title_from_the_line_under_it() {
    let text = "# Privacy Policy\n\nSection 1\n\nIntroduction\n\nThis policy explains what we do.\n\nSection 2\n\nWe keep it short.\n\nAnd plain.\n";
    let v = import_text(text, &opts());
    assert_eq!(
        outline(&v),
        [
            "s1 Privacy Policy",
            "s1-1 Section 1 Introduction",
            "s1-2 Section 2"
        ]
    );
    // Nothing is lost: the title is in the full text, once.
    let all = full_text(&v);
    assert_eq!(all.matches("Introduction").count(), 1, "{all}");
    assert!(all.contains("We keep it short."));
}

#[test]
fn chinese_numbering_nests() {
    let text = "某某隐私政策\n更新日期：2025年05月19日\n一、我们如何收集信息\n（一）基本功能\n1、账号注册\n您需要提供手机号码。\n（二）扩展功能\n二、联系我们\n邮箱：privacy@mouyun.cn\n电话：400-003-6036\n";
    let v = import_text(text, &opts());
    assert_eq!(v.language, "zh-CN");
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 一、我们如何收集信息",
            "s1-1 （一）基本功能",
            "s1-1-1 1、账号注册",
            "s1-2 （二）扩展功能",
            "s2 二、联系我们"
        ]
    );
    assert_eq!(v.dates.updated.as_ref().unwrap().date, "2025-05-19");
    let values: Vec<&str> = v
        .facets
        .contacts
        .items
        .iter()
        .map(|c| c.value.as_str())
        .collect();
    assert_eq!(values, ["privacy@mouyun.cn", "400-003-6036"]);
    assert!(v.facets.contacts.items.iter().all(|c| c.suggested));
    assert_eq!(squash(&full_text(&v)), squash(text));
}

#[test]
fn conventional_levels_close_numeric_ones() {
    let text = "概要\n1.为提供服务收集的个人信息\n正文。\n一、我们如何收集\n（一）基本功能\n1.账号\n（1）手机号\n二、联系我们\n";
    let v = import_text(text, &opts());
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 1. 为提供服务收集的个人信息",
            "s2 一、我们如何收集",
            "s2-1 （一）基本功能",
            "s2-1-1 1. 账号",
            "s2-1-1-1 （1）手机号",
            "s3 二、联系我们"
        ]
    );
}

#[test]
fn markdown_and_english_numbering() {
    let text = "# Privacy Policy\n\nUpdated: March 31, 2022\n\n## 1. What we collect\n\n- your name\n- your email\n\n## 2. Sharing\n\n| Partner | Purpose |\n|---|---|\n| Maps SDK | navigation |\n\n(1) We share data with affiliates only when needed;\n(2) We never sell data.\n";
    let v = import_text(text, &opts());
    assert_eq!(v.language, "en");
    assert_eq!(
        outline(&v),
        [
            "s1 Privacy Policy",
            "s1-1 1. What we collect",
            "s1-2 2. Sharing"
        ]
    );
    let sharing = v.find_section("s1-2").unwrap();
    assert!(
        matches!(&sharing.blocks[0], Block::Table { header: true, rows, .. } if rows.len() == 2)
    );
    assert!(matches!(&sharing.blocks[1], Block::List { items } if items.len() == 2));
    assert_eq!(v.dates.updated.as_ref().unwrap().date, "2022-03-31");
    assert_eq!(squash(&full_text(&v)), squash(&text.replace('#', "")));
}

#[test]
fn bad_input_is_refused_with_a_reason() {
    assert_eq!(import(b"", &opts()).unwrap_err(), ImportError::Empty);
    assert_eq!(import(b"  \n\n", &opts()).unwrap_err(), ImportError::Empty);
    assert!(matches!(
        import(b"ab\xff\xfe", &opts()),
        Err(ImportError::NotUtf8 { offset: 2, .. })
    ));
    assert!(matches!(
        import(b"PK\x03\x04\x00\x00", &opts()),
        Err(ImportError::Binary { .. })
    ));
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert!(import(&big, &opts())
        .unwrap_err()
        .to_string()
        .contains("more than the limit"));
}

#[test]
fn bom_and_crlf_are_accepted() {
    let v = import(
        "\u{feff}Title\r\n\r\n1. Scope\r\nText.\r\n".as_bytes(),
        &opts(),
    )
    .unwrap();
    assert_eq!(v.title, "Title");
    assert_eq!(outline(&v), ["preamble ", "s1 1. Scope"]);
}

#[test]
fn ten_megabytes_and_ten_thousand_headings_import() {
    let mut text = String::new();
    for i in 0..10_000 {
        text.push_str(&"#".repeat(1 + i % 6));
        text.push_str(&format!(" Heading {i}\n"));
    }
    let v = import_text(&text, &opts());
    assert_eq!(v.all_sections().len(), 10_000);
    assert!(crate::validate::validate("x", &v).is_empty());
    let para = "We collect your name and email to run the service. ".repeat(40) + "\n\n";
    let big = para.repeat(10 * 1024 * 1024 / para.len());
    let v = import(big.as_bytes(), &opts()).unwrap();
    assert_eq!(squash(&full_text(&v)).len(), squash(&big).len());
}

#[test]
fn side_by_side_rows_split_into_both_versions() {
    let page = "chrome\n上一个版本\n1 标题 1 标题\n2 2\n3 由甲公司运营。 3 由乙公司运营。\n4 共 3 项 4 共 3 项\n";
    let (l, r) = split_side_by_side(page).unwrap();
    assert_eq!(l, "标题\n\n由甲公司运营。\n共 3 项\n");
    assert_eq!(r, "标题\n\n由乙公司运营。\n共 3 项\n");
}

#[test]
fn dates_as_written() {
    assert_eq!(
        parse_date("更新日期：2025年05月19日").as_deref(),
        Some("2025-05-19")
    );
    assert_eq!(
        parse_date("Updated: September 15, 2022").as_deref(),
        Some("2022-09-15")
    );
    assert_eq!(
        parse_date("Latest updated date: 11/2023").as_deref(),
        Some("2023-11")
    );
    assert_eq!(parse_date("no date"), None);
}

fn line_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z ,.]{1,60}",
        "[一-龥，。]{1,30}",
        "[0-9]{1,2}\\. [A-Za-z ]{1,30}",
        "[一二三四]、[一-龥]{1,10}",
        "（[1-9]）[一-龥]{1,20}。?",
        "- [a-z ]{1,20}",
        "#{1,4} [A-Za-z ]{1,20}",
        "\\| [a-z]{1,5} \\| [a-z]{1,5} \\|",
        Just(String::new()),
    ]
}

proptest! {
    #[test]
    fn import_then_text_round_trips(lines in proptest::collection::vec(line_strategy(), 1..60)) {
        let text = lines.join("\n");
        prop_assume!(!text.trim().is_empty());
        // Plain text keeps every character, `#` markers included.
        let v = import_text(&text, &ImportOptions { format: Format::Text, ..opts() });
        prop_assert_eq!(squash(&full_text(&v)), squash(&text));
        prop_assert!(crate::validate::validate("gen", &v).iter().all(|p| !p.message.contains("duplicate")));
    }
}
