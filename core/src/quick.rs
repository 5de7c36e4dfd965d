//! Quick answers: one line each to the questions a reader asks first (who, when, how to reach
//! them, what is collected, location, who else gets it, why, where and how long it is kept,
//! children, how to delete the account). They are domain decisions — a phone before an
//! email, which right counts as deleting the account — so they live here, and the widget's
//! tiles and the CLI's "At a glance" block show the same answers.

use std::fmt::Write as _;

use serde::Serialize;

use crate::facet::FacetKind;
use crate::model::{
    ContactKind, Coverage, CrossBorder, DataCategory, PolicyVersion, Provenance, RightKind,
};
use crate::summary::{DateKind, Summary};

/// The question a quick answer answers, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Question {
    /// The controller, else the operator.
    Who,
    /// The first stated date (updated, else effective, else released).
    When,
    /// A phone number, then an email address.
    Contact,
    Collected,
    /// Whether precise location is collected.
    Location,
    /// Recipients and SDKs.
    Sdks,
    /// The first stated purpose.
    Why,
    Stored,
    Kept,
    Children,
    /// How to cancel the account.
    Delete,
}

impl Question {
    /// The id the widget uses in `data-testid="tile-…"`.
    pub fn id(self) -> &'static str {
        match self {
            Question::Who => "who",
            Question::When => "when",
            Question::Contact => "contact",
            Question::Collected => "collected",
            Question::Location => "location",
            Question::Sdks => "sdks",
            Question::Why => "why",
            Question::Stored => "stored",
            Question::Kept => "kept",
            Question::Children => "children",
            Question::Delete => "delete",
        }
    }
}

/// The value of a quick answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// The policy says nothing usable: not stated, cut off in the source, or not reviewed
    /// (never [`Coverage::Stated`]).
    Gap(Coverage),
    /// Text in the policy's language: a name, a date, a purpose, a contact, a channel.
    Text(String),
    /// Several values (contact details), in order.
    List(Vec<String>),
    Collected {
        categories: usize,
        sensitive: usize,
    },
    /// Precise location is collected.
    Location {
        sensitive: bool,
    },
    Recipients {
        kinds: usize,
        sdks: usize,
    },
    CrossBorder(CrossBorder),
    /// Children are users under this age.
    ChildAge(u32),
    /// The right is stated, with no channel to exercise it.
    RightStated,
}

/// One quick answer, with the fact it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuickAnswer {
    pub question: Question,
    pub answer: Answer,
    pub source: Option<Provenance>,
    /// The fact is a machine suggestion that nobody has confirmed.
    pub suggested: bool,
}

/// Computes the quick answers of a version whose summary is `sum`.
pub(crate) fn quick_answers(v: &PolicyVersion, sum: &Summary) -> Vec<QuickAnswer> {
    let f = &v.facets;
    // A facet that is stated but holds nothing that answers the question: not stated.
    let gap = |facet: FacetKind| {
        Answer::Gap(match sum.coverage(facet) {
            Coverage::Stated => Coverage::NotStated,
            c => c,
        })
    };
    let answer = |question, answer, source: Option<&Provenance>, suggested| QuickAnswer {
        question,
        answer,
        source: source.cloned(),
        suggested,
    };
    let mut out = Vec::new();

    // The controller and the dates are read with the contacts: until a person has reviewed
    // those, a name or date the extractor did not find is not reviewed, not "not stated".
    let unfound = || gap(FacetKind::Contacts);
    let named = sum.controller().or(sum.operator());
    out.push(answer(
        Question::Who,
        named.map_or_else(unfound, |p| Answer::Text(p.name.clone())),
        named.map(|p| &p.source),
        named.is_some_and(|p| p.suggested),
    ));
    let date = sum.dates().first().map(|(_, d)| d);
    out.push(answer(
        Question::When,
        date.map_or_else(unfound, |d| Answer::Text(d.date.clone())),
        date.map(|d| &d.source),
        date.is_some_and(|d| d.suggested),
    ));

    let of_kind = |k: ContactKind| f.contacts.items.iter().find(|c| c.kind == k);
    let (phone, email) = (of_kind(ContactKind::Phone), of_kind(ContactKind::Email));
    let contacts: Vec<_> = [phone, email].into_iter().flatten().collect();
    out.push(answer(
        Question::Contact,
        if contacts.is_empty() {
            gap(FacetKind::Contacts)
        } else {
            Answer::List(contacts.iter().map(|c| c.value.clone()).collect())
        },
        contacts.first().map(|c| &c.source),
        contacts.iter().any(|c| c.suggested),
    ));

    let groups = sum.collected();
    let first_item = groups.first().map(|g| &g.items[0]);
    out.push(answer(
        Question::Collected,
        if groups.is_empty() {
            gap(FacetKind::DataCollected)
        } else {
            Answer::Collected {
                categories: groups.len(),
                sensitive: groups.iter().filter(|g| g.sensitive).count(),
            }
        },
        first_item.map(|i| &i.source),
        first_item.is_some_and(|i| i.suggested),
    ));
    let location = groups
        .iter()
        .find(|g| g.category == DataCategory::PreciseLocation);
    out.push(answer(
        Question::Location,
        location.map_or(gap(FacetKind::DataCollected), |g| Answer::Location {
            sensitive: g.sensitive,
        }),
        location.map(|g| &g.items[0].source),
        location.is_some_and(|g| g.items[0].suggested),
    ));

    let recipient = f.recipients.items.first();
    let sdk = f.sdks.items.first();
    out.push(answer(
        Question::Sdks,
        if sum.recipients().is_empty() && sum.sdk_count() == 0 {
            gap(FacetKind::Recipients)
        } else {
            Answer::Recipients {
                kinds: sum.recipients().len(),
                sdks: sum.sdk_count(),
            }
        },
        recipient
            .map(|r| &r.source)
            .or_else(|| sdk.map(|x| &x.source)),
        recipient.map_or_else(|| sdk.is_some_and(|x| x.suggested), |r| r.suggested),
    ));

    let purpose = f.purposes.items.first();
    out.push(answer(
        Question::Why,
        purpose.map_or(gap(FacetKind::Purposes), |p| Answer::Text(p.text.clone())),
        purpose.map(|p| &p.source),
        purpose.is_some_and(|p| p.suggested),
    ));
    let storage = f.storage.items.first();
    out.push(answer(
        Question::Stored,
        storage.map_or(gap(FacetKind::Storage), |x| {
            Answer::CrossBorder(x.cross_border)
        }),
        storage.map(|x| &x.source),
        storage.is_some_and(|x| x.suggested),
    ));
    let retention = f.retention.items.first();
    out.push(answer(
        Question::Kept,
        retention.map_or(gap(FacetKind::Retention), |k| Answer::Text(k.text.clone())),
        retention.map(|k| &k.source),
        retention.is_some_and(|k| k.suggested),
    ));
    let child = f.children.items.first();
    out.push(answer(
        Question::Children,
        child.map_or(gap(FacetKind::Children), |c| {
            c.age
                .map_or_else(|| Answer::Text(c.text.clone()), Answer::ChildAge)
        }),
        child.map(|c| &c.source),
        child.is_some_and(|c| c.suggested),
    ));

    // Account cancellation is the right that deletes the account; prefer a statement that
    // says how.
    let cancel = |r: &&crate::model::Right| r.right == RightKind::AccountCancellation;
    let delete = f
        .rights
        .items
        .iter()
        .filter(cancel)
        .find(|r| !r.how.is_empty())
        .or_else(|| f.rights.items.iter().find(cancel));
    out.push(answer(
        Question::Delete,
        delete.map_or(gap(FacetKind::Rights), |r| {
            r.how
                .first()
                .map_or(Answer::RightStated, |h| Answer::Text(h.value.clone()))
        }),
        delete.map(|r| &r.source),
        delete.is_some_and(|r| r.suggested),
    ));
    out
}

/// The answers as a Markdown list, in English, for the CLI's summary. `date` is the kind of the
/// date the date answer shows, which names its label.
pub(crate) fn to_markdown(answers: &[QuickAnswer], date: Option<DateKind>, o: &mut String) {
    let _ = writeln!(o, "## At a glance\n");
    for a in answers {
        let label = match a.question {
            Question::Who => "Who",
            Question::When => match date {
                Some(DateKind::Effective) => "Effective",
                Some(DateKind::Released) => "Released",
                _ => "Updated",
            },
            Question::Contact => "Contact",
            Question::Collected => "What is collected",
            Question::Location => "Location",
            Question::Sdks => "Who else gets it",
            Question::Why => "Why",
            Question::Stored => "Where it is stored",
            Question::Kept => "How long it is kept",
            Question::Children => "Children",
            Question::Delete => "Delete account",
        };
        let value = match &a.answer {
            Answer::Gap(Coverage::SourceMissing) => "cut off in our source".to_string(),
            Answer::Gap(Coverage::NotReviewed) => "not reviewed yet".to_string(),
            Answer::Gap(_) => "not stated".to_string(),
            Answer::Text(t) => t.clone(),
            Answer::List(v) => v.join(" · "),
            Answer::Collected {
                categories,
                sensitive,
            } => format!(
                "{categories} kind{} · {sensitive} sensitive",
                if *categories == 1 { "" } else { "s" }
            ),
            Answer::Location { sensitive: true } => "collected · sensitive".to_string(),
            Answer::Location { sensitive: false } => "collected".to_string(),
            Answer::Recipients { kinds, sdks } => format!(
                "{kinds} kind{} · SDK {sdks}",
                if *kinds == 1 { "" } else { "s" }
            ),
            Answer::CrossBorder(c) => match c {
                CrossBorder::No => "stays in the country",
                CrossBorder::Yes => "transferred abroad",
                CrossBorder::Conditional => "abroad only under conditions",
                CrossBorder::Unstated => "cross-border transfer not stated",
            }
            .to_string(),
            Answer::ChildAge(a) => format!("under {a}"),
            Answer::RightStated => "stated, no channel given".to_string(),
        };
        let _ = write!(o, "- **{label}:** {value}");
        if a.suggested {
            o.push_str(" (suggested, unconfirmed)");
        }
        if let Some(p) = &a.source {
            let _ = write!(o, " — [§{}]", p.section);
        }
        o.push('\n');
    }
    o.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::summary::summarize;

    #[test]
    fn one_kind_is_singular() {
        let one = |answer| QuickAnswer {
            question: Question::Collected,
            answer,
            source: None,
            suggested: false,
        };
        let mut o = String::new();
        to_markdown(
            &[
                one(Answer::Collected {
                    categories: 1,
                    sensitive: 0,
                }),
                one(Answer::Recipients { kinds: 2, sdks: 0 }),
            ],
            None,
            &mut o,
        );
        assert!(o.contains("1 kind · 0 sensitive"), "{o}");
        assert!(o.contains("2 kinds · SDK 0"), "{o}");
    }

    fn bundled(policy: &str, version: &str) -> (PolicyVersion, Vec<QuickAnswer>) {
        let path = format!(
            "{}/../policies/{policy}/{version}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        let bytes = std::fs::read(&path).unwrap();
        let v = crate::parse_version(&path, &bytes).unwrap();
        let answers = summarize(&v).quick_answers().to_vec();
        (v, answers)
    }

    fn answer(answers: &[QuickAnswer], q: Question) -> &Answer {
        &answers.iter().find(|a| a.question == q).unwrap().answer
    }

    #[test]
    fn every_bundled_version_answers_each_question_from_a_real_section() {
        let root = format!("{}/../policies", env!("CARGO_MANIFEST_DIR"));
        let mut seen = 0;
        for dir in std::fs::read_dir(root).unwrap() {
            let dir = dir.unwrap().path();
            if !dir.is_dir() {
                continue;
            }
            for file in std::fs::read_dir(dir).unwrap() {
                let path = file.unwrap().path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let v = crate::parse_version("x", &std::fs::read(&path).unwrap()).unwrap();
                let answers = summarize(&v).quick_answers().to_vec();
                let order: Vec<Question> = answers.iter().map(|a| a.question).collect();
                assert_eq!(order.len(), 11, "{path:?}");
                assert_eq!(order[0], Question::Who);
                assert_eq!(order[10], Question::Delete);
                for a in &answers {
                    // A gap has no source; an answer has one, in a section of this version.
                    match (&a.answer, &a.source) {
                        (Answer::Gap(_), s) => assert!(s.is_none(), "{path:?} {a:?}"),
                        (_, Some(p)) => {
                            assert!(v.find_section(&p.section).is_some(), "{path:?} {a:?}")
                        }
                        (_, None) => panic!("{path:?}: {a:?} has no source"),
                    }
                }
                seen += 1;
            }
        }
        assert!(seen >= 5);
    }

    /// A plain-text policy imported with the extractor's suggestions.
    fn imported(text: &str) -> PolicyVersion {
        let opts = crate::ImportOptions {
            id: "x".into(),
            version: "2024-03-01".into(),
            source: "x.txt".into(),
            ..Default::default()
        };
        let mut v = crate::import_text(text, &opts);
        crate::suggest(&mut v);
        v
    }

    #[test]
    fn the_date_answer_is_named_after_the_date_it_shows() {
        let v = imported("政策\n生效日期：2024年3月15日\n一、收集\n我们收集您的手机号码。\n");
        let sum = summarize(&v);
        assert_eq!(sum.dates()[0].0, DateKind::Effective);
        let md = crate::summary::to_markdown(&v, &sum);
        assert!(md.contains("**Effective:** 2024-03-15"), "{md}");
        assert!(!md.contains("**Updated:**"), "{md}");
    }

    #[test]
    fn a_name_the_extractor_did_not_find_is_not_reviewed_not_unstated() {
        // The controller is named, in words the extractor does not know: until a person
        // reviews the contacts, "not stated" would be a claim about the policy.
        let v = imported("Notice\n1. Us\nThis notice comes from the people who run Harbour Ferries.\n2. Contact\nWrite to dpo@harbour.example.\n");
        let a = summarize(&v).quick_answers().to_vec();
        assert_eq!(
            answer(&a, Question::Who),
            &Answer::Gap(Coverage::NotReviewed)
        );
        assert_eq!(
            answer(&a, Question::When),
            &Answer::Gap(Coverage::NotReviewed)
        );
    }

    #[test]
    fn phone_comes_before_email_and_cancellation_answers_delete() {
        let (_, a) = bundled("mini-connected-drive", "2023-11");
        assert_eq!(
            answer(&a, Question::Contact),
            &Answer::List(vec![
                "400-800-6699".into(),
                "ConnectedDrive@bmw.com.cn".into()
            ])
        );
        assert_eq!(
            answer(&a, Question::Delete),
            &Answer::Text("ConnectedDrive@bmw.com.cn".into())
        );
        assert_eq!(
            answer(&a, Question::Location),
            &Answer::Gap(Coverage::NotStated)
        );
    }

    #[test]
    fn zeekr_answers_location_children_and_first_purpose() {
        let (v, a) = bundled("zeekr", "2025-11-10");
        assert_eq!(
            answer(&a, Question::Location),
            &Answer::Location { sensitive: true }
        );
        assert_eq!(answer(&a, Question::Children), &Answer::ChildAge(14));
        assert_eq!(
            answer(&a, Question::Why),
            &Answer::Text(v.facets.purposes.items[0].text.clone())
        );
        assert!(a.iter().all(|x| !x.suggested));
    }

    #[test]
    fn a_facet_cut_off_in_the_source_is_a_gap_that_says_so() {
        let (_, a) = bundled("infiniti", "2022-03-31");
        assert_eq!(
            answer(&a, Question::Sdks),
            &Answer::Gap(Coverage::SourceMissing)
        );
    }
}
