//! Native render tests of the widget's components through Yew's server renderer, asserting on
//! the HTML a reader would get.

use policy_lens::{App, AppProps, Doc, Lang, Route, View};
use yew::LocalServerRenderer;

fn load(rel: &str) -> Doc {
    let path = format!("{}/policies/{rel}", env!("CARGO_MANIFEST_DIR"));
    let bytes = std::fs::read(&path).unwrap();
    let version = policy_lens_core::parse_version(&path, &bytes).unwrap();
    Doc::new(version, bytes)
}

async fn render(route: Route, preloaded: Vec<Doc>) -> String {
    let props = AppProps {
        route,
        full_page: false,
        base: "".into(),
        preloaded,
        src: None,
        remember: false,
        reviewed_only: false,
        first_layer_only: false,
    };
    LocalServerRenderer::<App>::with_props(props)
        .hydratable(false)
        .render()
        .await
}

fn route(policy: &str, version: &str, view: View, lang: Lang) -> Route {
    Route {
        policy: Some(policy.into()),
        version: Some(version.into()),
        view,
        lang: Some(lang),
        ..Route::default()
    }
}

#[tokio::test]
async fn start_page_lists_all_bundled_policies() {
    let html = render(Route::default(), vec![]).await;
    assert!(html.contains(r#"data-testid="start-page""#));
    for id in ["infiniti", "mini-connected-drive", "kaiyang", "zeekr"] {
        assert!(html.contains(&format!("policy-card-{id}")), "{id} missing");
    }
    assert!(
        html.contains("?policy=zeekr&amp;view=changes"),
        "the Zeekr card links to its changes"
    );
}

#[tokio::test]
async fn zeekr_summary_answers_the_four_questions_in_chinese() {
    let doc = load("zeekr/2025-12-31.json");
    let html = render(
        route("zeekr", "2025-12-31", View::Summary, Lang::Zh),
        vec![doc],
    )
    .await;
    assert!(html.contains(r#"lang="zh-CN""#));
    assert!(html.contains("一览"), "UI is in Chinese");
    // Who do I contact?
    assert!(html.contains("400-003-6036"));
    assert!(html.contains("mailto:DataPrivacy@zeekrlife.com"));
    // Is my location collected?
    assert!(html.contains("位置信息"));
    // Which SDKs?
    assert!(html.contains("小米推送SDK"));
    // How do I delete my account?
    assert!(html.contains("注销账号"));
    assert!(html.contains("“账号管理”"));
    // Every fact has a source link, and there is a changed-since badge.
    assert!(html.matches(r#"class="pl-source-link""#).count() > 20);
    assert!(html.contains(r#"data-testid="changed-badge""#));
    assert!(html.contains(
        "?policy=zeekr&amp;view=changes&amp;lang=zh-CN&amp;from=2025-11-10&amp;to=2025-12-31"
    ));
}

#[tokio::test]
async fn sections_are_an_accordion_with_aria_wiring() {
    let doc = load("mini-connected-drive/2023-11.json");
    let html = render(
        route("mini-connected-drive", "2023-11", View::Summary, Lang::En),
        vec![doc],
    )
    .await;
    assert!(html.contains(r#"aria-expanded="false""#));
    assert!(html.contains(r#"aria-controls="pl-acc-panel-s1""#));
    assert!(html.contains(r#"id="pl-acc-panel-s1" role="region" aria-labelledby="pl-acc-btn-s1""#));
    assert!(html.contains("ConnectedDrive@bmw.com.cn"));
}

#[tokio::test]
async fn cut_off_sources_show_a_notice_and_missing_facets_say_so() {
    let doc = load("infiniti/2022-03-31.json");
    let html = render(
        route("infiniti", "2022-03-31", View::Summary, Lang::En),
        vec![doc],
    )
    .await;
    assert!(html.contains(r#"data-testid="source-cut""#));
    assert!(html.contains(r#"data-testid="gap-rights""#));
    assert!(html.contains("Our source text is cut off before this part."));
    assert!(html.contains("400-890-9090"));
}

#[tokio::test]
async fn full_text_highlights_the_quoted_sentence() {
    let doc = load("kaiyang/2022-09-15.json");
    let fact = doc.facets.sdks.items[0].source.clone();
    let r = Route {
        section: Some(fact.section.clone()),
        quote: Some(fact.quote.clone()),
        ..route("kaiyang", "2022-09-15", View::Full, Lang::En)
    };
    let html = render(r, vec![doc]).await;
    assert!(html.contains(r#"data-testid="full-text""#));
    let at = html
        .find(r#"data-testid="source-highlight""#)
        .expect("highlight");
    let quote_start: String = fact.quote.chars().take(12).collect();
    assert!(
        html[at..].contains(&quote_start),
        "the highlight holds the quote"
    );
    assert!(html.contains(r#"<table class="pl-table">"#));
}

#[tokio::test]
async fn bad_ids_show_the_valid_choices() {
    let html = render(route("nope", "1", View::Summary, Lang::En), vec![]).await;
    assert!(html.contains(r#"data-testid="error-panel""#));
    assert!(html.contains("There is no bundled policy with this id “nope”."));
    assert!(html.contains("?policy=zeekr"));
    let html = render(
        route("zeekr", "2020-01-01", View::Summary, Lang::En),
        vec![],
    )
    .await;
    assert!(html.contains("This policy has no version “2020-01-01”"));
    assert!(html.contains("2025-11-10") && html.contains("2025-12-31"));
}

#[tokio::test]
async fn policy_text_is_escaped_never_markup() {
    let mut v = (*load("kaiyang/2022-09-15.json").0).clone();
    if let policy_lens_core::Block::Paragraph { text, .. } = &mut v.sections[0].blocks[0] {
        *text =
            "<script>window.pwned=1</script><img src=x onerror=\"alert(1)\"> \u{202e}evil".into();
    }
    let html = render(
        route("kaiyang", "2022-09-15", View::Full, Lang::En),
        vec![Doc::new(v, Vec::new())],
    )
    .await;
    assert!(!html.contains("<script>window.pwned"));
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;script&gt;"));
    assert!(
        html.contains("[U+202E]evil"),
        "the bidi override is rendered visible"
    );
    assert!(
        !html.contains('\u{202e}'),
        "the bidi override itself never reaches the page"
    );
}

#[tokio::test]
async fn summary_facts_are_escaped_never_markup() {
    // The details are written as one HTML string (src/markup.rs), escaped there, not by Yew.
    let mut v = (*load("zeekr/2025-12-31.json").0).clone();
    let purpose = &mut v.facets.purposes.items[0];
    purpose.text = "<img src=x onerror=\"alert(1)\"> & more".into();
    purpose.source.quote = "\"><script>window.pwned=1</script>".into();
    let html = render(
        route("zeekr", "2025-12-31", View::Summary, Lang::En),
        vec![Doc::new(v, Vec::new())],
    )
    .await;
    assert!(!html.contains("<img src=x"));
    assert!(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; more"));
    assert!(!html.contains("<script>window.pwned"));
    assert!(
        html.contains("aria-label=\"source — Show the source sentence: “&quot;&gt;&lt;script&gt;")
    );
    // The quote travels in the link's address, percent-encoded.
    assert!(html.contains("quote=%22%3E%3Cscript%3Ewindow.pwned%3D1%3C%2Fscript%3E"));
}

#[tokio::test]
async fn zeekr_changes_render_one_change_with_markers_and_screen_reader_text() {
    let old = load("zeekr/2025-11-10.json");
    let new = load("zeekr/2025-12-31.json");
    let r = Route {
        view: View::Changes,
        from: Some("2025-11-10".into()),
        to: Some("2025-12-31".into()),
        ..route("zeekr", "", View::Changes, Lang::En)
    };
    let r = Route { version: None, ..r };
    let html = render(r, vec![old, new]).await;
    assert_eq!(html.matches(r#"data-testid="change""#).count(), 1);
    assert!(html.contains("扩展业务功能"));
    assert!(html.contains("[deleted: </span>浩物网络科技"));
    assert!(html.contains("[added: </span>吉利汽车备件"));
    assert!(html.contains("a recipient changed"));
    assert!(html.contains("The text changed but the stated update date did not."));
    assert!(
        html.contains(">±</span>"),
        "the modified row has a ± marker"
    );
}

#[tokio::test]
async fn identical_versions_render_no_changes() {
    let a = load("zeekr/2025-12-31.json");
    let r = Route {
        from: Some("2025-12-31".into()),
        to: Some("2025-12-31".into()),
        version: None,
        ..route("zeekr", "", View::Changes, Lang::Zh)
    };
    let html = render(r, vec![a]).await;
    assert!(html.contains("两个版本之间没有变化。"));
    assert_eq!(html.matches(r#"data-testid="change""#).count(), 0);
}

#[tokio::test]
async fn data_quality_notices_name_the_facet_in_both_languages() {
    let doc = load("infiniti/2022-03-31.json");
    let en = render(
        route("infiniti", "2022-03-31", View::Summary, Lang::En),
        vec![doc.clone()],
    )
    .await;
    assert!(en.contains(r#"data-testid="notices""#));
    assert!(en.contains("About this data"));
    assert!(en.contains("Your rights: Our source text is cut off before this part."));
    let zh = render(
        route("infiniti", "2022-03-31", View::Summary, Lang::Zh),
        vec![doc],
    )
    .await;
    assert!(zh.contains(r#"data-testid="notices""#));
    assert!(zh.contains("关于本数据"));
    assert!(zh.contains("您的权利：我们的原文在此部分之前中断。"));
}

#[tokio::test]
async fn zeekr_facet_changes_read_as_words_not_field_names() {
    let r = |lang| Route {
        from: Some("2025-11-10".into()),
        to: Some("2025-12-31".into()),
        version: None,
        ..route("zeekr", "", View::Changes, lang)
    };
    let docs = || vec![load("zeekr/2025-11-10.json"), load("zeekr/2025-12-31.json")];
    let zh = render(r(Lang::Zh), docs()).await;
    assert!(zh.contains(r#"<span class="pl-k">业务场景</span>"#));
    assert!(zh.contains(r#"<span class="pl-k">还有谁会获得</span>"#));
    assert!(zh.contains(r#"<span class="pl-k">方式：</span>"#));
    assert!(zh.contains(r#"<span class="pl-k">名称：</span>"#));
    let en = render(r(Lang::En), docs()).await;
    assert!(en.contains(r#"<span class="pl-k">Service scenarios</span>"#));
    assert!(en.contains(r#"<span class="pl-k">method: </span>"#));
    for raw in [">scenarios<", ">recipients<", "method: 由", "name: 浙江"] {
        assert!(!zh.contains(raw), "{raw} shows raw in Chinese");
        assert!(!en.contains(raw), "{raw} shows raw in English");
    }
}

#[tokio::test]
async fn bold_and_links_render_as_elements_around_text() {
    use policy_lens_core::{Block, Mark, MarkKind};
    let mut v = (*load("kaiyang/2022-09-15.json").0).clone();
    let mark = |kind, start, end, href: Option<&str>| Mark {
        kind,
        start,
        end,
        href: href.map(str::to_string),
    };
    v.sections[0].blocks[0] = Block::Paragraph {
        text: "我们将在15个工作日内回复<b>，详见隐私中心。".into(),
        marks: vec![
            mark(MarkKind::Strong, 4, 11, None),
            mark(MarkKind::Link, 19, 23, Some("https://privacy.example.cn/")),
            mark(MarkKind::Link, 0, 2, Some("javascript:alert(1)")),
        ],
    };
    let html = render(
        route("kaiyang", "2022-09-15", View::Full, Lang::En),
        vec![Doc::new(v, Vec::new())],
    )
    .await;
    assert!(html.contains("<strong>15个工作日内</strong>"), "{html}");
    assert!(html.contains(
        r#"<a href="https://privacy.example.cn/" target="_blank" rel="noopener noreferrer nofollow" class="pl-link">隐私中心</a>"#
    ));
    assert!(
        !html.contains("javascript:"),
        "an unsafe href never renders"
    );
    assert!(
        html.contains("&lt;b&gt;"),
        "text that looks like markup stays text"
    );
}

#[tokio::test]
async fn the_date_tile_is_named_after_the_date_it_shows() {
    // A policy that states when it takes effect but not when it was updated.
    let doc = load("zeekr/2025-12-31.json");
    let mut version = (*doc).clone();
    version.dates.updated = None;
    assert!(version.dates.effective.is_some());
    let doc = Doc::new(version, Vec::new());
    let html = render(
        route("zeekr", "2025-12-31", View::Summary, Lang::En),
        vec![doc],
    )
    .await;
    assert!(
        html.contains(r#"<span class="pl-tile-k">Effective</span>"#),
        "{html}"
    );
    assert!(!html.contains(r#"<span class="pl-tile-k">Updated</span>"#));
}
