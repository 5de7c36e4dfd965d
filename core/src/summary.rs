//! The layered summary: what the widget's "at a glance" layer and section digests show,
//! computed from a version's facets. It only regroups and counts what the facets state;
//! every item keeps its provenance.

use serde::Serialize;

use crate::facet::FacetKind;
use crate::model::*;
use crate::quick::QuickAnswer;

/// The summary of one version.
#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub(crate) id: String,
    pub(crate) version: String,
    pub(crate) title: String,
    pub(crate) language: String,
    pub(crate) controller: Option<Party>,
    pub(crate) operator: Option<Party>,
    pub(crate) dates: Vec<(DateKind, StatedDate)>,
    pub(crate) collected: Vec<CategoryGroup>,
    pub(crate) recipients: Vec<(RecipientKind, usize)>,
    pub(crate) sdk_count: usize,
    #[serde(serialize_with = "as_map")]
    pub(crate) coverage: Vec<(FacetKind, Coverage)>,
    pub(crate) sections: Vec<SectionDigest>,
    pub(crate) notices: Vec<Notice>,
    /// Facts the extractor suggested that no person has reviewed yet.
    pub(crate) suggested: usize,
    /// Left out of the JSON, which keeps the shape it always had.
    #[serde(skip)]
    pub(crate) quick: Vec<QuickAnswer>,
}

/// Which stated date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DateKind {
    Updated,
    Effective,
    Released,
}

/// The data items of one category.
#[derive(Debug, Clone, Serialize)]
pub struct CategoryGroup {
    pub category: DataCategory,
    /// True when any item of the category is sensitive as the policy defines it.
    pub sensitive: bool,
    pub items: Vec<DataItem>,
}

/// A section with the facet items that cite it.
#[derive(Debug, Clone, Serialize)]
pub struct SectionDigest {
    pub id: String,
    pub title: String,
    pub depth: usize,
    /// Facet name and the number of its items citing this section or its subsections.
    pub counts: Vec<(FacetKind, usize)>,
    /// A few key items from those facets: name (in the policy's language) and source.
    pub key_items: Vec<(String, Provenance)>,
}

/// A data-quality notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Notice {
    pub kind: NoticeKind,
    /// The facet concerned, if any.
    pub facet: Option<FacetKind>,
    /// The section concerned, if any.
    pub section: Option<String>,
    /// The completeness note or facet note, as written by the data's reviewer.
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// The source text is cut off.
    SourceCut,
    /// The facet is not stated in the (complete part of the) policy.
    NotStated,
    /// The facet is missing because its part of the source is missing.
    SourceMissing,
    /// Nobody has reviewed the facet yet.
    NotReviewed,
}

impl Summary {
    pub fn id(&self) -> &str {
        &self.id
    }
    pub fn version(&self) -> &str {
        &self.version
    }
    pub fn title(&self) -> &str {
        &self.title
    }
    pub fn language(&self) -> &str {
        &self.language
    }
    pub fn controller(&self) -> Option<&Party> {
        self.controller.as_ref()
    }
    pub fn operator(&self) -> Option<&Party> {
        self.operator.as_ref()
    }
    pub fn dates(&self) -> &[(DateKind, StatedDate)] {
        &self.dates
    }
    pub fn collected(&self) -> &[CategoryGroup] {
        &self.collected
    }
    pub fn recipients(&self) -> &[(RecipientKind, usize)] {
        &self.recipients
    }
    pub fn sdk_count(&self) -> usize {
        self.sdk_count
    }
    pub fn coverage(&self, facet: FacetKind) -> Coverage {
        self.coverage
            .iter()
            .find(|(k, _)| *k == facet)
            .map_or(Coverage::NotReviewed, |(_, c)| *c)
    }
    pub fn sections(&self) -> &[SectionDigest] {
        &self.sections
    }
    /// How many facts are machine suggestions not yet reviewed.
    pub fn suggested(&self) -> usize {
        self.suggested
    }

    pub fn notices(&self) -> &[Notice] {
        &self.notices
    }
    /// One-line answers to the questions a reader asks first, each with its source.
    pub fn quick_answers(&self) -> &[QuickAnswer] {
        &self.quick
    }
}

/// Every facet item as (facet, display name, provenance).
pub fn facet_items(f: &Facets) -> Vec<(FacetKind, String, &Provenance)> {
    flagged_items(f)
        .into_iter()
        .map(|(facet, name, p, _)| (facet, name, p))
        .collect()
}

/// Every facet item as (facet, display name, provenance, suggested by the extractor).
pub fn flagged_items(f: &Facets) -> Vec<(FacetKind, String, &Provenance, bool)> {
    let mut out = Vec::new();
    for i in &f.data_collected.items {
        out.push((
            FacetKind::DataCollected,
            i.name.clone(),
            &i.source,
            i.suggested,
        ));
    }
    for i in &f.purposes.items {
        out.push((FacetKind::Purposes, i.text.clone(), &i.source, i.suggested));
    }
    for i in &f.scenarios.items {
        out.push((
            FacetKind::Scenarios,
            i.scenario.clone(),
            &i.source,
            i.suggested,
        ));
    }
    for i in &f.recipients.items {
        out.push((
            FacetKind::Recipients,
            i.name.clone().unwrap_or_else(|| i.text.clone()),
            &i.source,
            i.suggested,
        ));
    }
    for i in &f.sdks.items {
        out.push((FacetKind::Sdks, i.name.clone(), &i.source, i.suggested));
    }
    for i in &f.permissions.items {
        let name = json_name(&i.permission);
        out.push((FacetKind::Permissions, name, &i.source, i.suggested));
    }
    for i in &f.retention.items {
        out.push((FacetKind::Retention, i.text.clone(), &i.source, i.suggested));
    }
    for i in &f.storage.items {
        out.push((FacetKind::Storage, i.text.clone(), &i.source, i.suggested));
    }
    for i in &f.security.items {
        out.push((FacetKind::Security, i.text.clone(), &i.source, i.suggested));
    }
    for i in &f.children.items {
        out.push((FacetKind::Children, i.text.clone(), &i.source, i.suggested));
    }
    for i in &f.rights.items {
        let name = json_name(&i.right);
        out.push((FacetKind::Rights, name, &i.source, i.suggested));
    }
    for i in &f.contacts.items {
        out.push((FacetKind::Contacts, i.value.clone(), &i.source, i.suggested));
    }
    for i in &f.major_changes.items {
        out.push((
            FacetKind::MajorChanges,
            i.text.clone(),
            &i.source,
            i.suggested,
        ));
    }
    out
}

/// A list of pairs written as a JSON object, as the map it stands for.
fn as_map<S: serde::Serializer, K: Serialize, V: Serialize>(
    pairs: &[(K, V)],
    s: S,
) -> Result<S::Ok, S::Error> {
    s.collect_map(pairs.iter().map(|(k, v)| (k, v)))
}

/// Computes the summary of a version.
pub fn summarize(v: &PolicyVersion) -> Summary {
    let f = &v.facets;
    let mut dates = Vec::new();
    for (k, d) in [
        (DateKind::Updated, &v.dates.updated),
        (DateKind::Effective, &v.dates.effective),
        (DateKind::Released, &v.dates.released),
    ] {
        if let Some(d) = d {
            dates.push((k, d.clone()));
        }
    }

    // Small lists, not maps: the widget's first module carries this code (see `crate::small`).
    let mut collected: Vec<CategoryGroup> = Vec::new();
    for i in &f.data_collected.items {
        let at = match collected.iter().position(|g| g.category == i.category) {
            Some(at) => at,
            None => {
                collected.push(CategoryGroup {
                    category: i.category,
                    sensitive: false,
                    items: Vec::new(),
                });
                collected.len() - 1
            }
        };
        let g = &mut collected[at];
        g.sensitive |= i.sensitive;
        g.items.push(i.clone());
    }
    // Sensitive categories first: they matter most at a glance.
    crate::small::sort_by_key(&mut collected, |g| (!g.sensitive, g.category));

    let mut rc: Vec<(RecipientKind, usize)> = Vec::new();
    for r in &f.recipients.items {
        match rc.iter_mut().find(|(k, _)| *k == r.kind) {
            Some((_, n)) => *n += 1,
            None => rc.push((r.kind, 1)),
        }
    }
    crate::small::sort_by_key(&mut rc, |(k, _)| *k);

    let mut notices = Vec::new();
    for c in &v.completeness {
        notices.push(Notice {
            kind: NoticeKind::SourceCut,
            facet: None,
            section: c.section.clone(),
            note: Some(c.note.clone()),
        });
    }
    for facet in FacetKind::ALL {
        let (status, note) = facet.coverage_in(f);
        let kind = match status {
            Coverage::Stated => continue,
            Coverage::NotStated => NoticeKind::NotStated,
            Coverage::SourceMissing => NoticeKind::SourceMissing,
            Coverage::NotReviewed => NoticeKind::NotReviewed,
        };
        notices.push(Notice {
            kind,
            facet: Some(facet),
            section: None,
            note: note.map(str::to_string),
        });
    }

    let items = facet_items(f);
    let mut sections = Vec::new();
    for top in &v.sections {
        digest(top, 0, &items, &mut sections);
    }

    let mut summary = Summary {
        id: v.id.clone(),
        version: v.version.clone(),
        title: v.title.clone(),
        language: v.language.clone(),
        controller: v.controller.clone(),
        operator: v.operator.clone(),
        dates,
        collected,
        recipients: rc,
        sdk_count: f.sdks.items.len(),
        coverage: FacetKind::ALL
            .into_iter()
            .map(|k| (k, k.coverage_in(f).0))
            .collect(),
        sections,
        notices,
        suggested: flagged_items(f).iter().filter(|(.., s)| *s).count()
            + [&v.controller, &v.operator]
                .into_iter()
                .flatten()
                .filter(|p| p.suggested)
                .count()
            + [&v.dates.updated, &v.dates.effective, &v.dates.released]
                .into_iter()
                .flatten()
                .filter(|d| d.suggested)
                .count(),
        quick: Vec::new(),
    };
    summary.quick = crate::quick::quick_answers(v, &summary);
    summary
}

fn digest(
    s: &Section,
    depth: usize,
    items: &[(FacetKind, String, &Provenance)],
    out: &mut Vec<SectionDigest>,
) {
    let ids: Vec<&str> = s.walk().iter().map(|x| x.id.as_str()).collect();
    let mut counts: Vec<(FacetKind, usize)> = Vec::new();
    let mut key_items = Vec::new();
    for (facet, name, p) in items {
        if ids.contains(&p.section.as_str()) {
            match counts.iter_mut().find(|(f, _)| f == facet) {
                Some((_, n)) => *n += 1,
                None => counts.push((*facet, 1)),
            }
            if key_items.len() < 4
                && !key_items.iter().any(|(n, _)| n == name)
                && name.chars().count() <= 40
            {
                key_items.push((name.clone(), (*p).clone()));
            }
        }
    }
    out.push(SectionDigest {
        id: s.id.clone(),
        title: s.title(),
        depth,
        counts,
        key_items,
    });
    for c in &s.sections {
        digest(c, depth + 1, items, out);
    }
}

/// Markdown rendering of the summary, for the CLI and pull-request comments.
pub fn to_markdown(v: &PolicyVersion, s: &Summary) -> String {
    use std::fmt::Write;
    let mut o = String::new();
    let q = |p: &Provenance| format!("[§{}] “{}”", p.section, p.quote.trim());
    // Suggested items are marked so that nobody reads them as reviewed.
    let m = |suggested: bool| if suggested { " _(suggested)_" } else { "" };
    let _ = writeln!(o, "# {} ({})\n", s.title, s.version);
    crate::quick::to_markdown(&s.quick, s.dates().first().map(|(k, _)| *k), &mut o);
    if let Some(c) = &s.controller {
        let _ = writeln!(o, "- **Controller:** {} — {}", c.name, q(&c.source));
    }
    if let Some(c) = &s.operator {
        let _ = writeln!(o, "- **Operator:** {} — {}", c.name, q(&c.source));
    }
    for (k, d) in &s.dates {
        let _ = writeln!(o, "- **{k:?}:** {} — {}", d.date, q(&d.source));
    }
    let flagged = flagged_items(&v.facets);
    let suggested_in = |facet: FacetKind| flagged.iter().any(|(f, _, _, s)| *f == facet && *s);
    let section = |title: &str, o: &mut String, facet: FacetKind| {
        let _ = writeln!(o, "\n## {title}\n");
        let c = s.coverage(facet);
        if c != Coverage::Stated {
            let _ = writeln!(
                o,
                "_{}_",
                match c {
                    Coverage::NotStated => "Not stated in this policy.",
                    Coverage::SourceMissing => "The source text is cut off before this part.",
                    _ if suggested_in(facet) => "Suggested by the extractor, not yet reviewed.",
                    _ => "Not reviewed yet.",
                }
            );
        }
    };
    section("Contact", &mut o, FacetKind::Contacts);
    for c in &v.facets.contacts.items {
        let _ = writeln!(
            o,
            "- {:?}: {} — {}{}",
            c.kind,
            c.value,
            q(&c.source),
            m(c.suggested)
        );
    }
    section("Data collected", &mut o, FacetKind::DataCollected);
    for g in &s.collected {
        let names: Vec<String> = g
            .items
            .iter()
            .map(|i| format!("{}{}", i.name, m(i.suggested)))
            .collect();
        let _ = writeln!(
            o,
            "- {:?}{}: {}",
            g.category,
            if g.sensitive { " (sensitive)" } else { "" },
            names.join(", ")
        );
    }
    section("Purposes", &mut o, FacetKind::Purposes);
    for p in &v.facets.purposes.items {
        let _ = writeln!(o, "- {} — {}{}", p.text, q(&p.source), m(p.suggested));
    }
    section("Recipients", &mut o, FacetKind::Recipients);
    for r in &v.facets.recipients.items {
        let _ = writeln!(
            o,
            "- {:?}: {} — {}{}",
            r.kind,
            r.name.as_deref().unwrap_or(&r.text),
            q(&r.source),
            m(r.suggested)
        );
    }
    section("Third-party SDKs", &mut o, FacetKind::Sdks);
    for r in &v.facets.sdks.items {
        let _ = writeln!(
            o,
            "- {}{} — {}{}",
            r.name,
            r.purpose
                .as_deref()
                .map(|p| format!(": {p}"))
                .unwrap_or_default(),
            q(&r.source),
            m(r.suggested)
        );
    }
    section(
        "Storage and cross-border transfer",
        &mut o,
        FacetKind::Storage,
    );
    for r in &v.facets.storage.items {
        let _ = writeln!(
            o,
            "- {} ({:?}) — {}{}",
            r.text,
            r.cross_border,
            q(&r.source),
            m(r.suggested)
        );
    }
    section("Retention", &mut o, FacetKind::Retention);
    for r in &v.facets.retention.items {
        let _ = writeln!(o, "- {} — {}{}", r.text, q(&r.source), m(r.suggested));
    }
    section("Children", &mut o, FacetKind::Children);
    for r in &v.facets.children.items {
        let _ = writeln!(o, "- {} — {}{}", r.text, q(&r.source), m(r.suggested));
    }
    section("Your rights", &mut o, FacetKind::Rights);
    for r in &v.facets.rights.items {
        let how: Vec<String> = r.how.iter().map(|h| h.value.clone()).collect();
        let how = if how.is_empty() {
            String::new()
        } else {
            format!(": {}", how.join("; "))
        };
        let _ = writeln!(
            o,
            "- {:?}{}{} — {}{}",
            r.right,
            how,
            r.response_time
                .as_deref()
                .filter(|_| r.suggested)
                .map(|t| format!(" (response time: {t})"))
                .unwrap_or_default(),
            q(&r.source),
            m(r.suggested)
        );
    }
    review_checklist(v, &flagged, &mut o);
    if !s.notices.is_empty() {
        let _ = writeln!(o, "\n## Data quality\n");
        for n in &s.notices {
            let what = match n.kind {
                NoticeKind::SourceCut => "the source text is cut off",
                NoticeKind::NotStated => "not stated in the policy",
                NoticeKind::SourceMissing => "its part of the source is missing",
                NoticeKind::NotReviewed => "not reviewed yet",
            };
            let _ = writeln!(
                o,
                "- {}{what}{}",
                n.facet.map(|f| format!("{f}: ")).unwrap_or_default(),
                n.note
                    .as_deref()
                    .map(|t| format!(" ({t})"))
                    .unwrap_or_default()
            );
        }
    }
    o
}

/// The review checklist: one unticked box per suggested fact, with its quote and the title of
/// its section, so that a reviewer can confirm each against the text. Empty when nothing is
/// suggested (reviewed data prints as before).
fn review_checklist(
    v: &PolicyVersion,
    flagged: &[(FacetKind, String, &Provenance, bool)],
    o: &mut String,
) {
    use std::fmt::Write;
    let suggested: Vec<_> = flagged.iter().filter(|(_, _, _, s)| *s).collect();
    if suggested.is_empty() {
        return;
    }
    let _ = writeln!(
        o,
        "\n## Review checklist\n\n{} suggested facts: tick each one the quote supports.\n",
        suggested.len()
    );
    for (facet, name, p, _) in suggested {
        let title = v
            .find_section(&p.section)
            .map(|s| s.title())
            .filter(|t| !t.is_empty())
            .unwrap_or_else(|| p.section.clone());
        let _ = writeln!(
            o,
            "- [ ] **{facet}**: {} — “{}” (§{} {})",
            name.trim(),
            p.quote.trim(),
            p.section,
            title
        );
    }
}
