//! Layer 1, below the quick answers: the details. Who, when, what is collected and why, who
//! else gets it, where and how long it is kept, children, and your rights — each fact with
//! its source and a badge when the machine suggested it.
//!
//! Written as static markup ([`crate::markup`]), not as Yew nodes: this is most of the first
//! layer's DOM (about 200 elements and 60 links on Zeekr), and the host hears "ready" only
//! once it is on screen.

use policy_lens_core::{summary::DateKind, Coverage, FacetKind, Provenance};

use crate::at_a_glance::AtAGlanceProps;
use crate::i18n;
use crate::markup::{Markup, Written};
use crate::source_link::{source_label, source_route};

/// How many items a row shows before "+N more".
const ROW_LIMIT: usize = 4;

/// The rows of details of [`AtAGlance`](crate::at_a_glance::AtAGlance), and their links'
/// routes (for [`crate::markup::on_link_click`]).
pub fn details(props: &AtAGlanceProps) -> Written {
    let s = props.lang.strings();
    let v = &props.doc;
    let sum = &props.summary;
    let f = &v.facets;
    let plang: &str = &v.language;
    let lang = [("lang", plang)];
    // The link to a fact's source: it opens the full text at the quoted sentence.
    let src = |m: &mut Markup, p: &Provenance| {
        let label = source_label(props.lang, p);
        m.link(
            source_route(&props.here, p),
            "pl-source-link",
            &label,
            s.source,
        );
    };
    // Every fact the extractor suggested carries a badge before its source link.
    let sug = |m: &mut Markup, suggested: bool| {
        if suggested {
            m.open(
                "span",
                &[
                    ("class", "pl-suggested"),
                    ("data-testid", "suggested"),
                    ("title", s.suggested_long),
                ],
            )
            .text(s.suggested)
            .leaf(
                "span",
                &[("class", "pl-visually-hidden")],
                &format!(": {}", s.suggested_long),
            )
            .close();
        }
    };
    // A fact's badge and source link, after a space.
    let cite = |m: &mut Markup, suggested: bool, p: &Provenance| {
        m.text(" ");
        sug(m, suggested);
        src(m, p);
    };
    let gap = |m: &mut Markup, facet: FacetKind| {
        let text = match sum.coverage(facet) {
            Coverage::Stated => return,
            Coverage::NotStated => s.not_stated,
            Coverage::SourceMissing => s.source_missing,
            Coverage::NotReviewed => s.not_reviewed,
        };
        m.open(
            "p",
            &[
                ("class", "pl-gap"),
                ("data-testid", &format!("gap-{facet}")),
            ],
        )
        .leaf("span", &[("aria-hidden", "true")], "⚠ ")
        .text(text)
        .close();
    };
    let more = |m: &mut Markup, n: usize| {
        if n > ROW_LIMIT {
            m.leaf(
                "span",
                &[("class", "pl-more")],
                &format!("+{} {}", n - ROW_LIMIT, s.more),
            );
        }
    };
    let row = |m: &mut Markup, id: &str, title: &str, body: &dyn Fn(&mut Markup)| {
        m.open(
            "div",
            &[
                ("class", "pl-row"),
                ("id", &format!("pl-facet-{id}")),
                ("data-testid", &format!("glance-{id}")),
            ],
        )
        .leaf("dt", &[], title)
        .open("dd", &[]);
        body(m);
        m.close().close();
    };

    let who = |m: &mut Markup| {
        for (label, party) in [
            (s.controller, sum.controller()),
            (s.operator, sum.operator()),
        ] {
            if let Some(p) = party {
                m.open("p", &[])
                    .leaf("span", &[("class", "pl-k")], &format!("{label}: "))
                    .leaf("span", &lang, &p.name);
                cite(m, p.suggested, &p.source);
                m.close();
            }
        }
        m.open(
            "ul",
            &[("class", "pl-inline-list"), ("data-testid", "contacts")],
        );
        for c in &f.contacts.items {
            let href = match c.kind {
                policy_lens_core::ContactKind::Email => Some(format!("mailto:{}", c.value)),
                policy_lens_core::ContactKind::Phone => Some(format!(
                    "tel:{}",
                    c.value
                        .chars()
                        .filter(|ch| ch.is_ascii_digit() || *ch == '+')
                        .collect::<String>()
                )),
                _ => None,
            };
            m.open("li", &[]).leaf(
                "span",
                &[("class", "pl-k")],
                &format!("{}: ", i18n::contact(props.lang, c.kind)),
            );
            match &href {
                Some(href) => m.leaf("a", &[("href", href), ("lang", plang)], &c.value),
                None => m.leaf("span", &lang, &c.value),
            };
            cite(m, c.suggested, &c.source);
            m.close();
        }
        m.close();
        gap(m, FacetKind::Contacts);
    };

    let when = |m: &mut Markup| {
        m.open("p", &[]);
        for (k, d) in sum.dates() {
            let label = match k {
                DateKind::Updated => s.updated,
                DateKind::Effective => s.effective,
                DateKind::Released => s.released,
            };
            m.open("span", &[("class", "pl-date")])
                .text(label)
                .text(" ")
                .leaf("time", &[("datetime", &d.date)], &d.date);
            cite(m, d.suggested, &d.source);
            m.close();
        }
        m.leaf(
            "span",
            &[("class", "pl-date pl-muted")],
            &format!("{} {}", s.data_version, v.version),
        )
        .close();
    };

    let collected = |m: &mut Markup| {
        m.open(
            "ul",
            &[("class", "pl-chips"), ("data-testid", "categories")],
        );
        for g in sum.collected() {
            let class = if g.sensitive {
                "pl-chip pl-sensitive"
            } else {
                "pl-chip"
            };
            m.open("li", &[("class", class)])
                .text(i18n::category(props.lang, g.category));
            if g.sensitive {
                m.leaf(
                    "span",
                    &[("class", "pl-badge")],
                    &format!(" · {}", s.sensitive),
                );
            }
            m.leaf(
                "span",
                &[("class", "pl-count")],
                &format!(" {}", g.items.len()),
            );
            cite(m, g.items.iter().any(|i| i.suggested), &g.items[0].source);
            m.close();
        }
        m.close();
        gap(m, FacetKind::DataCollected);
    };

    let why = |m: &mut Markup| {
        m.open("ul", &[("class", "pl-list"), ("lang", plang)]);
        for p in f.purposes.items.iter().take(ROW_LIMIT) {
            m.open("li", &[]).text(&p.text);
            cite(m, p.suggested, &p.source);
            m.close();
        }
        m.close();
        more(m, f.purposes.items.len());
        gap(m, FacetKind::Purposes);
    };

    let who_else = |m: &mut Markup| {
        m.open(
            "ul",
            &[("class", "pl-inline-list"), ("data-testid", "recipients")],
        );
        for (k, n) in sum.recipients() {
            m.open("li", &[])
                .text(i18n::recipient(props.lang, *k))
                .text(&format!(" ({n})"));
            match f.recipients.items.iter().find(|r| r.kind == *k) {
                Some(r) => cite(m, r.suggested, &r.source),
                None => {
                    m.text(" ");
                }
            }
            m.close();
        }
        m.leaf(
            "li",
            &[("data-testid", "sdk-count")],
            &format!("{}: {}", s.sdks, sum.sdk_count()),
        )
        .close();
        if !f.sdks.items.is_empty() {
            m.open("p", &[("class", "pl-sdks"), ("lang", plang)]);
            for x in &f.sdks.items {
                m.open("span", &[("class", "pl-sdk")]).text(&x.name);
                cite(m, x.suggested, &x.source);
                m.close();
            }
            m.close();
        }
        gap(m, FacetKind::Recipients);
        gap(m, FacetKind::Sdks);
    };

    let stored = |m: &mut Markup| {
        for x in &f.storage.items {
            m.open("p", &[])
                .leaf("span", &lang, x.location.as_deref().unwrap_or(&x.text))
                .text(" · ")
                .text(i18n::cross_border(props.lang, x.cross_border));
            cite(m, x.suggested, &x.source);
            m.close();
        }
        gap(m, FacetKind::Storage);
    };
    let kept = |m: &mut Markup| {
        for x in f.retention.items.iter().take(2) {
            m.open("p", &lang).text(&x.text);
            cite(m, x.suggested, &x.source);
            m.close();
        }
        gap(m, FacetKind::Retention);
    };
    let children = |m: &mut Markup| {
        for x in f.children.items.iter().take(2) {
            m.open("p", &[]);
            if let Some(age) = x.age {
                m.leaf("span", &[], &format!("{} {age} · ", s.age_under));
            }
            if x.parental_consent == Some(true) {
                m.leaf("span", &[], &format!("{} · ", s.parental_consent));
            }
            m.leaf("span", &lang, &x.text);
            cite(m, x.suggested, &x.source);
            m.close();
        }
        gap(m, FacetKind::Children);
    };
    let rights = |m: &mut Markup| {
        m.open("ul", &[("class", "pl-rights"), ("data-testid", "rights")]);
        for r in &f.rights.items {
            m.open("li", &[]).leaf(
                "span",
                &[("class", "pl-k")],
                i18n::right(props.lang, r.right),
            );
            if !r.how.is_empty() {
                let how: Vec<&str> = r.how.iter().map(|h| h.value.as_str()).collect();
                m.text(": ").leaf("span", &lang, &how.join(" / "));
            }
            if let Some(t) = &r.response_time {
                m.open("span", &[("class", "pl-muted")])
                    .text(&format!(" · {} ", s.response_time))
                    .leaf("span", &lang, t)
                    .close();
            }
            cite(m, r.suggested, &r.source);
            m.close();
        }
        m.close();
        gap(m, FacetKind::Rights);
    };

    let mut m = Markup::new("dl", &[("class", "pl-rows")]);
    row(&mut m, "who", s.who, &who);
    row(&mut m, "when", s.when, &when);
    row(&mut m, "data_collected", s.collected, &collected);
    row(&mut m, "purposes", s.why, &why);
    row(&mut m, "recipients", s.who_else, &who_else);
    row(&mut m, "storage", s.stored, &stored);
    row(&mut m, "retention", s.kept, &kept);
    row(&mut m, "children", s.children, &children);
    row(&mut m, "rights", s.rights, &rights);
    m.finish()
}
