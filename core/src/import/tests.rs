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

fn import_as(text: &str, format: Format) -> PolicyVersion {
    import(text.as_bytes(), &ImportOptions { format, ..opts() }).unwrap()
}

#[test]
fn html_blocks_in_markdown_keep_their_text() {
    let md = "# Policy\n\nIntro.\n\n<div class=\"note\">\n<p>Note: this block is text.</p>\n</div>\n\n<table><tr><th>Processor</th><th>Location</th></tr><tr><td>Hetzner Online GmbH</td><td>Germany</td></tr></table>\n\n<details><summary>More</summary>Hidden until opened.</details>\n\nPara with <br> inline <span>span</span> text.\n";
    let v = import_as(md, Format::Markdown);
    let all = full_text(&v);
    for kept in [
        "Note: this block is text.",
        "| Processor | Location |",
        "| Hetzner Online GmbH | Germany |",
        "Hidden until opened.",
        "span",
    ] {
        assert!(all.contains(kept), "{kept} missing from:\n{all}");
    }
    // The summary and the text of <details> are two lines, not "MoreHidden".
    assert!(!all.contains("MoreHidden"), "{all}");
}

#[test]
fn hard_wrapped_text_is_joined_into_paragraphs() {
    let text = "PRIVACY NOTICE\n\n1. WHO WE ARE\n\nThis notice is issued by Harbourline Ferries Limited, a company\nregistered in Scotland, which is the controller of your personal\ndata. You can reach our Data Protection Officer by email at\ndpo@harbourline.example or by telephone on 0141 496 0123.\n\n2. WHAT WE COLLECT\n\nWhen you book a crossing we collect your name, email address,\nvehicle registration number and payment card details for the ser-\nvices you book. We also collect your date of birth for discounts.\n\nShort line one.\nShort line two.\n";
    let v = import_text(text, &opts());
    let all = full_text(&v);
    assert!(
        all.contains("Harbourline Ferries Limited, a company registered in Scotland, which is the controller of your personal data."),
        "{all}"
    );
    // A hyphen at a break is kept (nothing is dropped), with no space after it.
    assert!(all.contains("for the ser-vices you book."), "{all}");
    // Short lines with room left were broken on purpose.
    assert!(all.contains("Short line one.\n"), "{all}");
    assert_eq!(outline(&v).len(), 3, "{:?}", outline(&v));
}

#[test]
fn pdf_text_loses_its_page_furniture_and_keeps_its_sentences() {
    // pdftotext output: a running header and a numbered footer on each page, form feeds.
    let body = |s: &str| format!("{s}\n");
    let text = [
        body("KESTREL AIR LIMITED"),
        body("PRIVACY NOTICE"),
        body(""),
        body("1. WHAT WE COLLECT"),
        body("When you book a flight we collect the name, date of birth and passport"),
        body("number of every passenger, your contact details and, where you give"),
        body(""),
        body("Kestrel Air — Privacy Notice (2025)                               1"),
        body("\u{c}KESTREL AIR LIMITED"),
        body("them, your meal and assistance preferences."),
        body(""),
        body("2. WHO WE SHARE IT WITH"),
        body("We share booking details with the airport operators, ground handlers and"),
        body("border authorities of the countries you fly to or through, and with the"),
        body("payment processor that takes your card payment, which may be outside the"),
        body("United Kingdom."),
        body(""),
        body("Kestrel Air — Privacy Notice (2025)                               2"),
        body("\u{c}KESTREL AIR LIMITED"),
        body(""),
        body("3. CONTACT"),
        body("Write to our Data Protection Officer at dpo@kestrelair.example with any"),
        body("question about this notice, or to ask for a copy of the data we hold."),
        body(""),
        body("Kestrel Air — Privacy Notice (2025)                               3"),
    ]
    .concat();
    let imported = import_document(
        text.as_bytes(),
        &ImportOptions {
            format: Format::Text,
            ..opts()
        },
    )
    .unwrap();
    let v = &imported.version;
    let all = full_text(v);
    assert!(
        all.contains("and, where you give them, your meal and assistance preferences."),
        "{all}"
    );
    assert!(!all.contains("Privacy Notice (2025)"), "{all}");
    assert_eq!(all.matches("KESTREL AIR LIMITED").count(), 1, "{all}");
    // No section made of a header: one for the company line, then the notice's own.
    assert_eq!(
        outline(v),
        [
            "s1 KESTREL AIR LIMITED",
            "s2 PRIVACY NOTICE",
            "s2-1 1. WHAT WE COLLECT",
            "s2-2 2. WHO WE SHARE IT WITH",
            "s2-3 3. CONTACT"
        ]
    );
    assert!(imported.warnings.iter().any(|w| w
        .to_string()
        .starts_with("line 8: 5 page header, footer or page-number lines dropped")));
}

#[test]
fn question_headings_open_sections_and_data_lines_do_not() {
    // Termly and FAQ-style policies ask their headings.
    let text = "Privacy Policy\n\n1. What information do we collect?\n\nWe collect your name and email address.\n\n2. How long do we keep your information?\n\nWe keep it for three months.\n\n3. How can you contact us?\n\nEmail us at hello@lumen.example.\n";
    let v = import_text(text, &opts());
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 1. What information do we collect?",
            "s2 2. How long do we keep your information?",
            "s3 3. How can you contact us?"
        ]
    );
    // A numbered sentence that ends in a colon, and `label：value` lines, are items.
    let text = "隐私政策\n三、我们如何共享您的个人信息\n1. 我们不会与任何公司共享您的个人信息，但以下情况除外：\n（1）在获取明确同意的情况下共享；\n（2）与关联公司共享。\n四、如何联系我们\n您可以通过以下方式与我们联系：\n1、电子邮件：privacy@haowu.example\n2、邮寄地址：浙江省杭州市西湖区文三路100号\n";
    let v = import_text(text, &opts());
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 三、我们如何共享您的个人信息",
            "s2 四、如何联系我们"
        ]
    );
    // A bold date line under the title is no heading either.
    let md = "# Privacy Policy\n\n**Last updated: 2 May 2024**\n\nWe make games.\n\n## Data we collect\n\nYour name.\n";
    let v = import_as(md, Format::Markdown);
    assert_eq!(outline(&v), ["s1 Privacy Policy", "s1-1 Data we collect"]);
}

#[test]
fn captions_and_a_policy_s_own_footer_keep_their_text() {
    let html = "<html><body><div class=\"iub_content\"><h1>Privacy Policy of surf.example</h1><h2>Retention</h2><table><caption>Retention periods (all data is deleted at the end of the period)</caption><tr><th>Data</th><th>Retention</th></tr><tr><th scope=\"row\">Invoices</th><td>10 years</td></tr></table><p>We keep invoices for tax law.</p><div class=\"iub_footer\"><p>Latest update: February 28, 2024</p><p>Definitions and legal references: this privacy policy relates solely to this Website, if not stated otherwise within this document.</p></div></div><div id=\"footer\">© 2025 Surf School · Imprint · Terms</div></body></html>";
    let v = import_as(html, Format::Html);
    let all = full_text(&v);
    for kept in [
        "Retention periods (all data is deleted at the end of the period)\n\n| Data | Retention |",
        "Latest update: February 28, 2024",
        "Definitions and legal references",
    ] {
        assert!(all.contains(kept), "{kept} missing from:\n{all}");
    }
    assert!(!all.contains("Imprint"), "{all}");
}

#[test]
fn one_line_per_paragraph_text_is_left_as_it_is() {
    // Chinese policies pasted as text: a paragraph a line, of every length.
    let text = "隐私政策\n一、我们收集的信息\n我们会收集您的手机号码，用于注册账号和登录。\n为了向您提供导航服务，我们会在您授权后收集您的精确位置信息，您可以随时在系统设置中关闭该权限，关闭后我们将不再收集。\n我们不会收集您的通讯录。\n二、联系我们\n如您有任何疑问，请发送邮件至privacy@example.cn，我们将在十五个工作日内答复。\n";
    let v = import_text(text, &opts());
    let all = full_text(&v);
    assert!(all.contains("用于注册账号和登录。\n"), "{all}");
    assert!(all.contains("关闭后我们将不再收集。\n"), "{all}");
}

#[test]
fn hard_wrapped_chinese_joins_without_a_space() {
    let line = |s: &str| format!("{s}\n");
    let text = [
        "隐私政策\n\n",
        &line("我们会收集您的手机号码、设备标识符和位置信息，用于向您提供"),
        &line("导航、车辆远程控制和紧急救援服务，并在您注销账号后十五个工"),
        &line("作日内删除这些信息，法律法规另有规定的除外。我们还会收集您"),
        &line("的车辆识别码和行驶数据，用于车辆故障诊断和售后服务的提供。"),
        &line("我们会采取加密等安全措施保护这些信息的安全，防止其泄露。"),
    ]
    .concat();
    let v = import_text(&text, &opts());
    let all = full_text(&v);
    assert!(all.contains("用于向您提供导航、车辆远程控制"), "{all}");
    assert!(all.contains("十五个工作日内删除"), "{all}");
}

#[test]
fn page_chrome_of_div_pages_is_dropped_and_the_policy_kept() {
    let html = r#"<html><head><title>Privacy</title></head><body>
<div id="header" class="header"><div class="logo">Kestrel</div><a href="/">Games</a> <a href="/news">News</a></div>
<div class="cookie-banner">This site uses cookies. <a href="/c">OK</a></div>
<div class="page">
<div class="page-header"><h1>Privacy Policy</h1><p>Last updated: 3 March 2025</p></div>
<div class="section-header"><h2>Data we collect</h2></div>
<p>We collect your name and email address to run your account and to answer your questions.</p>
<h2>Contact</h2>
<p>Questions? Write to privacy@kestrel.example.</p>
<div class="policy-footer">Effective date: 1 April 2025</div>
</div>
<div id="footer">Kestrel Ltd, 1 Dock Road. Support: support@kestrel.example. Tel 0117 496 0000. &copy; 2025</div>
</body></html>"#;
    let v = import_as(html, Format::Html);
    let all = full_text(&v);
    for kept in [
        "Privacy Policy",
        "Last updated: 3 March 2025",
        "Data we collect",
        "privacy@kestrel.example",
        "Effective date: 1 April 2025",
    ] {
        assert!(all.contains(kept), "{kept} missing from:\n{all}");
    }
    for dropped in ["Games", "This site uses cookies", "support@kestrel.example"] {
        assert!(!all.contains(dropped), "{dropped} kept in:\n{all}");
    }
    // A wrapper named like chrome around the whole policy is the policy.
    let wrapped = "<html><body><div id=\"header-wrap\"><h1>Policy</h1><p>We collect your name.</p><p>We keep it one year.</p></div></body></html>";
    assert!(full_text(&import_as(wrapped, Format::Html)).contains("We keep it one year."));
}

#[test]
fn table_cells_keep_their_columns_and_lists() {
    let html = r#"<html><body><main><h1>SDKs</h1><table>
<tr><th>SDK</th><th>Provider</th><th>Data</th></tr>
<tr><td rowspan="2">Firebase Analytics</td><td>Google LLC</td><td>App instance ID</td></tr>
<tr><td>Google Ireland Limited</td><td>IP address</td></tr>
<tr><td colspan="2">Adjust SDK (adjust GmbH)</td><td>Advertising ID</td></tr>
<tr><td>Sentry</td><td>Functional Software, Inc.</td><td><ul><li>Crash logs</li><li>OS version</li></ul></td></tr>
</table></main></body></html>"#;
    let v = import_as(html, Format::Html);
    let all = full_text(&v);
    for row in [
        "| Firebase Analytics | Google LLC | App instance ID |",
        "|  | Google Ireland Limited | IP address |",
        "| Adjust SDK (adjust GmbH) |  | Advertising ID |",
        "| Sentry | Functional Software, Inc. | Crash logs OS version |",
    ] {
        assert!(all.contains(row), "{row} missing from:\n{all}");
    }
}

#[test]
fn the_first_plain_heading_under_the_title_opens_a_section() {
    let text = "Privacy Policy of Lumen Notes\n\nWhat we collect\nWe collect your email address to sync notes across devices.\n\nYour rights\nYou can delete your account at any time from Settings.\n\nContact\nWrite to help@lumennotes.example with any question.\n";
    let v = import_text(text, &opts());
    assert_eq!(
        outline(&v),
        [
            "preamble ",
            "s1 What we collect",
            "s2 Your rights",
            "s3 Contact"
        ],
        "{:?}",
        outline(&v)
    );
}

#[test]
fn list_items_outside_a_list_are_kept() {
    let html = "<html><body><h1>Policy</h1><h2>1. Orders</h2><p>We collect:</p><li>Your name</li><li>Your email address</li><h2>2. Contact</h2><p>Write to us.</p></body></html>";
    let v = import_as(html, Format::Html);
    let all = full_text(&v);
    assert!(all.contains("• Your name\n• Your email address"), "{all}");
}

#[test]
fn shapes_of_pdf_text_word_pages_and_docs_sites() {
    // Bullets before a tab (PDF and Word exports) are list items, not a table.
    let v = import_text(
        "Policy\n\n1. Data\n\nWe collect:\n\u{2022}\tName and e-mail address;\n\u{2022}\tHeart rate data.\n",
        &opts(),
    );
    let all = full_text(&v);
    assert!(all.contains("\u{2022} Name and e-mail address;"), "{all}");
    assert!(!all.contains('|'), "{all}");
    // A first row of bold cells is the table's header.
    let html = "<html><body><main><h1>P</h1><table><tr><td><b>SDK名称</b></td><td><strong>使用目的</strong></td></tr><tr><td>高德地图SDK</td><td>定位</td></tr></table></main></body></html>";
    let v = import_as(html, Format::Html);
    assert!(
        full_text(&v).contains("| SDK名称 | 使用目的 |\n|---|---|"),
        "{}",
        full_text(&v)
    );
    // A docs site's front matter is no policy text.
    let md = "---\ntitle: Privacy Policy\nslug: /legal/privacy\n---\n\n# Lumen Privacy Policy\n\nWe collect your email address.\n";
    let v = import_as(md, Format::Markdown);
    assert_eq!(v.title, "Lumen Privacy Policy");
    assert!(!full_text(&v).contains("slug"), "{}", full_text(&v));
}

#[test]
fn a_br_inside_a_sentence_is_a_wrap_and_between_lines_a_break() {
    let html = "<html><body><main><h1>P</h1><p>When you register we collect your name, your<br>email address and your phone number.</p><p>Acme Ltd<br>1 Dock Road<br>Bristol BS1 4QA</p><p>联系人：张三<br>地址：北京市</p></main></body></html>";
    let all = full_text(&import_as(html, Format::Html));
    assert!(
        all.contains("your name, your email address and your phone number."),
        "{all}"
    );
    assert!(
        all.contains("Acme Ltd\n\n1 Dock Road\n\nBristol BS1 4QA"),
        "{all}"
    );
    assert!(all.contains("联系人：张三\n\n地址：北京市"), "{all}");
}

#[test]
fn ordered_lists_keep_the_markers_a_browser_draws() {
    let html = "<html><body><main><h1>P</h1><p>We may share data:</p><ol type=\"a\"><li>with couriers;</li><li>with banks.</li></ol><p>You may:</p><ol type=\"I\" start=\"3\"><li>object;</li><li value=\"9\">complain.</li></ol></main></body></html>";
    let all = full_text(&import_as(html, Format::Html));
    assert!(all.contains("a. with couriers;\nb. with banks."), "{all}");
    assert!(all.contains("III. object;\nIX. complain."), "{all}");
}

#[test]
fn languages_are_told_apart() {
    assert_eq!(detect_language("We collect your email address."), "en");
    assert_eq!(
        detect_language("我们会收集您的手机号码，用于注册账号。请联系我们。"),
        "zh-CN"
    );
    // Taiwan's and Hong Kong's policies: traditional characters.
    assert_eq!(
        detect_language(
            "本公司將蒐集您的電話號碼與電子郵件信箱，用於會員服務。如有疑問，請聯絡我們。"
        ),
        "zh-Hant"
    );
}

#[test]
fn google_docs_titles_accordions_and_protected_addresses() {
    // Google Docs' "title" paragraph names the document; an accordion's summary heads its part;
    // Cloudflare's protected address is written as the reader's browser shows it.
    let html = "<html><body><p class=\"c3 title\"><span>Brightpath Privacy Notice</span></p><h1>1. What we collect</h1><p>Your name.</p><details><summary>How long we keep it</summary><p>We keep invoices for 6 years.</p></details><p>Contact <a href=\"/cdn-cgi/l/email-protection\" class=\"__cf_email__\" data-cfemail=\"4232302b3423213b0223212f276c273a232f322e27\">[email&#160;protected]</a> with questions.</p></body></html>";
    let v = import_as(html, Format::Html);
    assert_eq!(v.title, "Brightpath Privacy Notice");
    let titles: Vec<String> = v
        .all_sections()
        .iter()
        .map(|s| s.title().to_string())
        .collect();
    assert!(
        titles.iter().any(|t| t == "How long we keep it"),
        "{titles:?}"
    );
    let all = full_text(&v);
    assert!(
        all.contains("Contact privacy@acme.example with questions."),
        "{all}"
    );
}

#[test]
fn one_word_capital_headings_and_lists_after_a_colon() {
    let text = "PRIVACY NOTICE\n\nSHARING\n\nWe share your booking with the hotel you book and with nobody else.\n\nSECURITY\n\nWe protect your data with encryption at rest and in transit.\n";
    let v = import_text(text, &opts());
    let titles: Vec<String> = v
        .all_sections()
        .iter()
        .map(|s| s.title().to_string())
        .collect();
    assert!(
        titles.contains(&"SHARING".to_string()) && titles.contains(&"SECURITY".to_string()),
        "{titles:?}"
    );
    // iubenda's "there are: Cookies; Usage Data; …" is one list of collected data.
    let text = "Privacy Policy\n\nTypes of Data collected\n\nAmong the types of Personal Data that this Website collects, by itself or through third parties, there are: Cookies; Usage Data; first name; last name; phone number; email address.\n";
    let v = import_text(text, &opts());
    let names: Vec<String> = v
        .facets
        .data_collected
        .items
        .iter()
        .map(|d| d.name.to_lowercase())
        .collect();
    for n in ["phone number", "email address"] {
        assert!(names.iter().any(|x| x == n), "{n} not in {names:?}");
    }
}
