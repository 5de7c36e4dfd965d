//! Real-world document shapes: a Chinese Markdown policy with a 目录, bold headings and links;
//! the same policy as a GB18030 web page with chrome around it; an English Markdown policy
//! with setext headings, a link-list table of contents, nested lists and a GFM table; a policy
//! with unnumbered headings; a stray control character. Each asserts the outline (the
//! expected headings, each holding its own paragraphs), the title, and that no markup is left.

use policy_lens_core::{
    import_document, text, validate, Block, Format, ImportOptions, MarkKind, PolicyVersion,
};
use proptest::prelude::*;

fn fixture(name: &str) -> Vec<u8> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read(root.join("tests/fixtures/import").join(name)).unwrap()
}

fn import(name: &str) -> PolicyVersion {
    let opts = ImportOptions {
        id: "shape".into(),
        version: "2025-01-01".into(),
        source: name.into(),
        ..Default::default()
    };
    let doc = import_document(&fixture(name), &opts).unwrap();
    let problems = validate(name, &doc.version);
    assert!(problems.is_empty(), "{problems:?}");
    doc.version
}

/// `id label|heading` for every section.
fn outline(v: &PolicyVersion) -> Vec<String> {
    v.all_sections()
        .iter()
        .map(|s| format!("{} {}", s.id, s.title()))
        .collect()
}

fn section_text(v: &PolicyVersion, id: &str) -> String {
    text::section_text(v.find_section(id).unwrap())
}

fn assert_no_markup(v: &PolicyVersion) {
    let t = text::full_text(v);
    for m in [
        "**", "__", "\\.", "](", "](#", "## ", "<p>", "<b>", "&ldquo;", "&copy;",
    ] {
        assert!(!t.contains(m), "markup {m:?} left in the text");
    }
}

fn contents_entries(v: &PolicyVersion) -> Vec<String> {
    v.all_sections()
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Contents { items } => Some(items.iter().map(|i| i.text.clone())),
            _ => None,
        })
        .flatten()
        .collect()
}

const QINGHE_CHAPTERS: [&str; 6] = [
    "一、引言",
    "二、我们如何收集和使用您的个人信息",
    "三、我们如何共享、转让、公开披露您的个人信息",
    "四、您的权利",
    "五、未成年人保护",
    "六、如何联系我们",
];

/// Checks shared by the Markdown and HTML forms of the Qinghe policy.
fn assert_qinghe(v: &PolicyVersion) {
    assert_eq!(v.title, "青禾读书隐私政策");
    assert_eq!(v.language, "zh-CN");
    assert_no_markup(v);
    let titles = outline(v);
    for chapter in QINGHE_CHAPTERS {
        let n = titles.iter().filter(|t| t.ends_with(chapter)).count();
        assert_eq!(n, 1, "chapter {chapter} once as a section: {titles:?}");
    }
    // The table of contents is one block, not sections.
    assert_eq!(contents_entries(v).len(), 7, "目录 + six entries");
    // Each chapter holds its own paragraphs.
    let find = |h: &str| {
        v.all_sections()
            .into_iter()
            .find(|s| s.title().ends_with(h))
            .map(text::section_text)
            .unwrap()
    };
    assert!(find("一、引言").contains("以下简称“我们”"));
    assert!(find("（一）账号注册").contains("手机号码"));
    assert!(find("四、您的权利").contains("15个工作日内"));
    assert!(!find("四、您的权利").contains("未满14周岁"));
    assert!(find("六、如何联系我们").contains("400-600-8800"));
    // Bold and links are marks over the plain text.
    let rights = v
        .all_sections()
        .into_iter()
        .find(|s| s.title().ends_with("四、您的权利"))
        .unwrap();
    let Block::Paragraph { text, marks } = &rights.blocks[0] else {
        panic!("a paragraph")
    };
    let bold: String = text
        .chars()
        .skip(marks[0].start)
        .take(marks[0].end - marks[0].start)
        .collect();
    assert_eq!(
        (marks[0].kind, bold.as_str()),
        (MarkKind::Strong, "15个工作日内")
    );
    let contact = v
        .all_sections()
        .into_iter()
        .find(|s| s.title().ends_with("六、如何联系我们"))
        .unwrap();
    let Block::Paragraph { marks, .. } = &contact.blocks[0] else {
        panic!("a paragraph")
    };
    assert_eq!(
        marks[0].href.as_deref(),
        Some("mailto:privacy@qinghe.example")
    );
    assert_eq!(
        v.dates.updated.as_ref().map(|d| d.date.as_str()),
        Some("2025-08-12")
    );
}

#[test]
fn chinese_markdown_with_contents_bold_headings_and_links() {
    let v = import("zh-toc-bold.md");
    assert_qinghe(&v);
    // `**二、** **我们如何收集…**` is one heading with its label.
    let s = v
        .all_sections()
        .into_iter()
        .find(|s| s.heading.as_deref() == Some("我们如何收集和使用您的个人信息"))
        .unwrap();
    assert_eq!(s.label.as_deref(), Some("二、"));
    assert_eq!(s.sections.len(), 2, "（一）and（二）nest under 二、");
}

#[test]
fn the_same_policy_saved_as_a_gb18030_web_page() {
    let bytes = fixture("zh-toc-bold.gb18030.html");
    assert!(
        std::str::from_utf8(&bytes).is_err(),
        "the fixture is GB18030"
    );
    let v = import("zh-toc-bold.gb18030.html");
    assert_qinghe(&v);
    let all = text::full_text(&v);
    for chrome in [
        "首页",
        "关于我们",
        "dataLayer",
        "版权所有",
        "返回顶部",
        "内部备注",
        "track()",
    ] {
        assert!(!all.contains(chrome), "page chrome {chrome:?} was kept");
    }
}

#[test]
fn english_markdown_with_setext_headings_link_contents_nested_lists_and_a_table() {
    let v = import("en-setext.md");
    assert_eq!(v.title, "Northwind Maps Privacy Notice");
    assert_eq!(v.language, "en");
    assert_no_markup(&v);
    assert_eq!(
        outline(&v),
        [
            "s1 Northwind Maps Privacy Notice",
            "s1-1 Who we are",
            "s1-2 What we collect",
            "s1-3 How we share data",
            "s1-4 Your choices",
        ]
    );
    assert_eq!(
        contents_entries(&v),
        [
            "Contents",
            "Who we are",
            "What we collect",
            "How we share data",
            "Your choices"
        ]
    );
    // A hard-wrapped paragraph is one paragraph.
    assert!(section_text(&v, "s1-1").contains(
        "This notice explains how we handle personal information when you use our services."
    ));
    let collect = v.find_section("s1-2").unwrap();
    let Block::List { items } = &collect.blocks[1] else {
        panic!("a list")
    };
    let labels: Vec<_> = items
        .iter()
        .map(|i| i.label.as_deref().unwrap_or(""))
        .collect();
    assert_eq!(labels, ["1.", "-", "-", "2.", "-", "-", "3."]);
    let share = v.find_section("s1-3").unwrap();
    assert!(
        matches!(&share.blocks[0], Block::Table { header: true, rows, .. } if rows.len() == 3 && rows[0].len() == 3)
    );
    assert!(section_text(&v, "s1-4").contains("within 30 days"));
}

#[test]
fn unnumbered_headings_hold_their_own_paragraphs() {
    let v = import("zh-unnumbered.txt");
    assert_eq!(v.title, "晨光健康隐私政策");
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 我们如何收集和使用你的个人信息",
            "s2 我们如何共享你的个人信息",
            "s3 你的权利",
            "s4 联系我们",
        ]
    );
    assert!(section_text(&v, "s1").contains("身高、体重和心率"));
    assert!(section_text(&v, "s4").contains("privacy@chenguang.example"));
    assert!(!section_text(&v, "s3").contains("privacy@"));
}

#[test]
fn a_stray_control_character_never_rejects_a_file() {
    let mut text = String::from("隐私政策\n一、引言\n");
    text.push_str(&"我们重视您的隐私。\n".repeat(4000));
    text.push_str("我们\u{5}收集\u{7f}手机号码。\n");
    let opts = ImportOptions {
        id: "ctl".into(),
        version: "2025-01-01".into(),
        source: "ctl.txt".into(),
        ..Default::default()
    };
    let doc = import_document(text.as_bytes(), &opts).unwrap();
    assert!(text::full_text(&doc.version).contains("我们[U+0005]收集[U+007F]手机号码。"));
    assert_eq!(doc.warnings.len(), 1);
    assert!(doc.warnings[0]
        .to_string()
        .contains("2 stray control characters"));
    assert!(doc.warnings[0].to_string().starts_with("line 4003"));
}

#[test]
fn a_date_line_at_the_top_is_not_the_title() {
    let text = "更新时间：2025年1月1日\n\n《某某App隐私政策》目录\n一、引言\n二、联系我们\n\n一、引言\n欢迎使用。\n二、联系我们\n邮箱：a@b.cn\n";
    let opts = ImportOptions {
        id: "t".into(),
        version: "2025-01-01".into(),
        source: "t.txt".into(),
        ..Default::default()
    };
    let v = import_document(text.as_bytes(), &opts).unwrap().version;
    assert_eq!(v.title, "某某App隐私政策");
    assert_eq!(outline(&v), ["preamble ", "s1 一、引言", "s2 二、联系我们"]);
}

/// One block of a generated Markdown document.
#[derive(Debug, Clone)]
enum Piece {
    Heading(u8, String),
    Para(String),
    BoldPara(String),
    Item(String),
}

fn words() -> impl Strategy<Value = String> {
    prop_oneof!["[a-z]{2,8}( [a-z]{2,8}){0,6}", "[一-龥]{2,20}",]
}

fn piece() -> impl Strategy<Value = Piece> {
    prop_oneof![
        (1u8..=4, words()).prop_map(|(l, w)| Piece::Heading(l, w)),
        words().prop_map(|w| Piece::Para(w + "。")),
        words().prop_map(Piece::BoldPara),
        words().prop_map(Piece::Item),
    ]
}

fn render(pieces: &[Piece]) -> (String, String) {
    let mut md = String::new();
    let mut plain = String::new();
    for p in pieces {
        let (m, t) = match p {
            Piece::Heading(l, w) => (format!("{} {w}\n\n", "#".repeat(*l as usize)), w.clone()),
            Piece::Para(w) => (format!("{w}\n\n"), w.clone()),
            Piece::BoldPara(w) => (format!("**{w}**\n\n"), w.clone()),
            Piece::Item(w) => (format!("- {w}\n\n"), format!("-{w}")),
        };
        md.push_str(&m);
        plain.push_str(&t);
    }
    (md, plain)
}

proptest! {
    /// import(render(x)) keeps the text: every word, no markup.
    #[test]
    fn markdown_import_keeps_the_plain_text(pieces in proptest::collection::vec(piece(), 1..30)) {
        let (md, plain) = render(&pieces);
        let opts = ImportOptions {
            id: "gen".into(),
            version: "2025-01-01".into(),
            source: "gen.md".into(),
            format: Format::Markdown,
            ..Default::default()
        };
        let v = import_document(md.as_bytes(), &opts).unwrap().version;
        prop_assert_eq!(text::squash(&text::full_text(&v)), text::squash(&plain));
        prop_assert!(validate("gen.md", &v).is_empty());
    }
}

fn import_md(version: &str, md: &str) -> PolicyVersion {
    let opts = ImportOptions {
        id: "fmt".into(),
        version: version.into(),
        source: "policy.md".into(),
        ..Default::default()
    };
    import_document(md.as_bytes(), &opts).unwrap().version
}

const BOLD_OLD: &str = "# 隐私政策\n\n## 一、我们如何收集\n\n**4.您需理解，当您使用语音朗读功能时，我们需要调用您设备的麦克风权限。**\n\n我们收集您的手机号码用于登录。\n";

#[test]
fn moved_bold_is_no_content_change() {
    let old = import_md("2025-01-01", BOLD_OLD);
    let new_md = BOLD_OLD.replace(
        "**4.您需理解，当您使用语音朗读功能时，我们需要调用您设备的麦克风权限。**",
        "4. **您需理解，当您使用语音朗读功能时，我们需要调用您设备的麦克风权限。**",
    );
    let d = policy_lens_core::diff(&old, &import_md("2025-02-01", &new_md)).unwrap();
    let content: Vec<_> = d
        .changes()
        .iter()
        .filter(|c| c.kind() != policy_lens_core::diff::ChangeKind::Formatting)
        .collect();
    assert!(content.is_empty(), "{:?}", d.changes());
}

#[test]
fn bold_added_to_a_phrase_is_one_formatting_change() {
    let old = import_md("2025-01-01", BOLD_OLD);
    let new_md = BOLD_OLD.replace(
        "我们收集您的手机号码用于登录。",
        "我们收集您的**手机号码**用于登录。",
    );
    let d = policy_lens_core::diff(&old, &import_md("2025-02-01", &new_md)).unwrap();
    assert_eq!(d.changes().len(), 1);
    let c = &d.changes()[0];
    assert_eq!(c.kind(), policy_lens_core::diff::ChangeKind::Formatting);
    assert!(c.class().is_editorial());
    assert_eq!(d.verdict().formatting(), 1);
    assert_eq!(d.verdict().editorial(), 0);
    assert!(d.flags().is_empty(), "formatting alone is no text change");
    let md = policy_lens_core::diff::to_markdown(&d);
    assert!(md.starts_with("### Policy diff"));
    assert!(md.contains("Formatting changes only"));
    let json = serde_json::to_value(&d).unwrap();
    assert_eq!(json["verdict"]["formatting"], 1);
    assert_eq!(json["changes"][0]["kind"], "formatting");
}

#[test]
fn a_real_change_inside_a_bold_clause_is_one_content_change_without_markup() {
    let old = import_md("2025-01-01", BOLD_OLD);
    let new_md = BOLD_OLD.replace("麦克风权限", "麦克风和相机权限");
    let d = policy_lens_core::diff(&old, &import_md("2025-02-01", &new_md)).unwrap();
    assert_eq!(d.changes().len(), 1, "{:?}", d.changes());
    let c = &d.changes()[0];
    assert_eq!(c.kind(), policy_lens_core::diff::ChangeKind::Modified);
    let op = &d.ops()[c.op().unwrap()];
    let inserted: String = op
        .inline()
        .iter()
        .filter(|s| s.kind() == policy_lens_core::diff::SpanKind::Insert)
        .map(|s| s.text())
        .collect();
    assert_eq!(inserted, "和相机");
    assert!(op.inline().iter().all(|s| !s.text().contains("**")));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    /// Messy Markdown and HTML never break an import: whatever comes in validates (marks inside
    /// their text, only safe links), compares equal to itself and survives the binary form.
    #[test]
    fn messy_markup_imports_into_valid_versions(
        text in "([a-z]{1,6}|[一-龥]{1,4}|\\*\\*|__|\\*|#{1,3} |\\n|\\n\\n|- |1\\. |\\[|\\]\\((https://a\\.cn|#x|javascript:x)\\)|<(p|b|strong|a href=\"https://b\\.cn\"|a href=\"javascript:y\"|br|li|ul|table|tr|td|h2|script)>|</(p|b|strong|a|li|ul|table|tr|td|h2|script)>|&amp;|&#x4e2d;|\\| |\\u{5}|\\t){1,80}",
        html in any::<bool>(),
    ) {
        let opts = ImportOptions {
            id: "messy".into(),
            version: "2025-01-01".into(),
            source: "messy".into(),
            format: if html { Format::Html } else { Format::Markdown },
            ..Default::default()
        };
        if let Ok(doc) = import_document(text.as_bytes(), &opts) {
            let v = doc.version;
            let problems = validate("messy", &v);
            prop_assert!(problems.is_empty(), "{:?}", problems);
            prop_assert!(policy_lens_core::diff(&v, &v).unwrap().is_empty());
            // The binary form the widget reads gives back the same version.
            let bytes = policy_lens_core::model::binary::to_binary(&v);
            prop_assert_eq!(policy_lens_core::model::binary::from_binary(&bytes).unwrap(), v);
        }
    }
}

#[test]
fn an_english_wordpress_page_keeps_the_article_and_drops_the_furniture() {
    let v = import("en-wordpress.html");
    assert_eq!(v.title, "Privacy Policy");
    assert_eq!(v.language, "en");
    assert_no_markup(&v);
    assert_eq!(
        outline(&v),
        [
            "s1 Privacy Policy",
            "s1-1 Information we collect",
            "s1-1-1 Cookies",
            "s1-2 How we use your information",
            "s1-3 Sharing",
            "s1-4 Retention",
            "s1-5 Your rights",
        ]
    );
    let all = text::full_text(&v);
    for chrome in [
        "Skip to content",
        "Shop",
        "Share this",
        "Recent Posts",
        "Proudly powered",
        "wpData",
    ] {
        assert!(!all.contains(chrome), "{chrome:?} is page furniture");
    }
    assert!(
        section_text(&v, "s1").contains("“Brightleaf”, “we”, “us”"),
        "entities decoded"
    );
    assert!(section_text(&v, "s1-5").contains("we reply within one month"));
    assert_eq!(
        v.dates.updated.as_ref().map(|d| d.date.as_str()),
        Some("2025-01-05")
    );
}

#[test]
fn parts_above_chapters_full_width_numbers_and_letter_items() {
    let v = import("zh-parts.txt");
    assert_eq!(v.title, "远航车联个人信息保护政策");
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 第一部分概要",
            "s2 第二部分个人信息保护政策",
            "s2-1 一、我们如何收集和使用您的个人信息",
            "s2-1-1 （一）注册与登录",
            "s2-1-2 （二）车辆控制",
            "s2-2 二、我们如何共享您的个人信息",
            "s2-2-1 １．委托处理",
            "s2-2-2 ２．共享",
            "s2-3 三、您的权利",
            "s2-4 四、联系我们",
        ]
    );
    let vehicle = v.find_section("s2-1-2").unwrap();
    let Block::List { items } = &vehicle.blocks[0] else {
        panic!("A./B. items are a list")
    };
    assert_eq!(items[1].label.as_deref(), Some("B."));
    let rights = v.find_section("s2-3").unwrap();
    assert!(matches!(&rights.blocks[0], Block::List { items } if items.len() == 2));
}

#[test]
fn english_plain_text_with_capital_headings() {
    let text = "ACME PRIVACY POLICY\nLast updated: 1 March 2024\n\nINFORMATION WE COLLECT\nWe collect your name and email address.\nWe also collect usage data.\n\nHOW TO CONTACT US\nEmail privacy@acme-widgets.com.\n";
    let opts = ImportOptions {
        id: "caps".into(),
        version: "2024-03-01".into(),
        source: "caps.txt".into(),
        ..Default::default()
    };
    let v = import_document(text.as_bytes(), &opts).unwrap().version;
    assert_eq!(v.title, "ACME PRIVACY POLICY");
    assert_eq!(
        outline(&v),
        [
            "s1 ACME PRIVACY POLICY",
            "s2 INFORMATION WE COLLECT",
            "s3 HOW TO CONTACT US"
        ]
    );
    assert!(section_text(&v, "s2").contains("usage data"));
    assert!(!section_text(&v, "s2").contains("privacy@"));
}
