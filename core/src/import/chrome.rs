//! What of a saved page is not the policy: scripts, forms and hidden elements, the page's
//! header, footer and navigation around the article, cookie banners and share buttons.

use ego_tree::NodeRef;
use scraper::{Html, Node as HtmlNode};

/// Elements whose whole subtree is not policy text.
pub(super) const DROPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "form", "button", "select", "svg", "iframe",
    "object", "canvas", "head", "menu", "dialog", "input", "textarea",
];

/// Class names of page furniture inside an article: share buttons, breadcrumbs, comments,
/// related posts (WordPress, Jetpack and common CMS themes).
const CHROME_CLASS_PREFIXES: &[&str] = &[
    "sharedaddy",
    "share-",
    "sharing",
    "social",
    "breadcrumb",
    "comments",
    "comment-respond",
    "related-post",
    "post-navigation",
    "skip-link",
    // WeChat articles: the read and like counts and the QR code under the text.
    "rich_media_tool",
    "rich_media_area_extra",
    "qr_code",
];

/// The `<main>` element, or the only `<article>`, when the page has one: the rest is chrome.
pub(super) fn content_root(doc: &Html) -> Option<NodeRef<'_, HtmlNode>> {
    let named = |name: &str| {
        doc.tree
            .root()
            .descendants()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == name))
            .collect::<Vec<_>>()
    };
    let main = named("main");
    if main.len() == 1 {
        return Some(main[0]);
    }
    let articles = named("article");
    (articles.len() == 1).then(|| articles[0])
}

/// The letters (not whitespace) under `n`.
pub(super) fn letters(n: NodeRef<'_, HtmlNode>) -> usize {
    n.descendants()
        .filter(|d| {
            d.parent()
                .and_then(|p| p.value().as_element().map(|e| e.name()))
                .is_none_or(|p| !matches!(p, "script" | "style" | "noscript" | "template"))
        })
        .filter_map(|d| {
            d.value()
                .as_text()
                .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
        })
        .sum()
}

pub(super) fn hidden(e: &scraper::node::Element) -> bool {
    let style = e
        .attr("style")
        .unwrap_or("")
        .to_ascii_lowercase()
        .replace(' ', "");
    let hiding_class = e.classes().any(|c| {
        let c = c.to_ascii_lowercase();
        matches!(
            c.as_str(),
            "hidden"
                | "d-none"
                | "hide"
                | "is-hidden"
                | "visually-hidden-focusable"
                | "display-none"
        ) || CHROME_CLASS_PREFIXES.iter().any(|p| c.starts_with(p))
    });
    hiding_class
        || e.attr("hidden").is_some()
        || e.attr("aria-hidden") == Some("true")
        || style.contains("display:none")
        || style.contains("visibility:hidden")
        || matches!(
            e.attr("role"),
            Some("navigation" | "banner" | "contentinfo" | "search")
        )
}

/// Page header and footer outside the policy's own article are chrome: the elements, and
/// on pages built of `<div>`s, elements named so by their id or class (`#footer`,
/// `.navbar`, `.site-header`) and cookie banners. A named one is dropped only while it is
/// small beside the page (under a third of its text), and a header only without a heading
/// or a date in it, a footer only without an update or effective date: a wrapper named
/// `page-header` around the whole policy, a section's `section-header` and a
/// `policy-footer` holding its date are the policy's own text.
pub(super) fn is_chrome(n: NodeRef<'_, HtmlNode>, name: &str, page_chars: usize) -> bool {
    if matches!(name, "html" | "body" | "main" | "article")
        || n.ancestors().any(|a| {
            a.value()
                .as_element()
                .is_some_and(|e| matches!(e.name(), "article" | "main"))
        })
    {
        return false;
    }
    if matches!(name, "header" | "footer" | "aside") {
        return true;
    }
    let Some(e) = n.value().as_element() else {
        return false;
    };
    let words: Vec<String> = e
        .id()
        .into_iter()
        .chain(e.classes())
        .flat_map(|c| c.split(|ch: char| !ch.is_ascii_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(str::to_ascii_lowercase)
        .collect();
    let has = |names: &[&str]| words.iter().any(|w| names.contains(&w.as_str()));
    let footer = has(&["footer", "copyright"]);
    let header = has(&["header", "masthead", "navbar", "topbar", "nav", "menu"]);
    let banner = (has(&["cookie", "cookies", "consent", "gdpr"])
        && has(&[
            "banner", "bar", "notice", "popup", "modal", "overlay", "consent",
        ]))
        || matches!(e.attr("role"), Some("dialog" | "alertdialog"));
    if !(footer || header || banner) {
        return false;
    }
    let text: String = n
        .descendants()
        .filter_map(|d| d.value().as_text().map(|t| t.to_string()))
        .collect();
    if letters(n) * 3 > page_chars {
        return false;
    }
    let lower = text.to_lowercase();
    let dated = [
        "update",
        "effective",
        "revised",
        "modified",
        "更新",
        "生效",
        "修订",
    ]
    .iter()
    .any(|w| lower.contains(w));
    // A sentence of a dozen words or more is prose of the policy's (iubenda ends its policy
    // in an `iub_footer` with its definitions), not a page's links and copyright line.
    let prose = text.split(['.', '。', '!', '?']).any(|s| {
        s.split_whitespace().count() >= 12
            || s.chars().filter(|c| crate::text::is_cjk_letter(*c)).count() >= 30
    });
    if banner {
        return true;
    }
    if footer {
        return !dated && !prose;
    }
    let heading = n.descendants().any(|d| {
        d.value()
            .as_element()
            .is_some_and(|e| matches!(e.name(), "h1" | "h2" | "h3" | "h4" | "h5" | "h6"))
    });
    let year = lower.as_bytes().windows(4).any(|w| {
        (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
    });
    !heading && !dated && !year
}
