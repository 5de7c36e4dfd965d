//! Machine suggestions made at import: e-mail addresses and phone numbers as contacts, and the
//! policy's stated dates. Suggested contacts stay `not_reviewed` until a person reviews them.

use crate::entities::{emails, parse_date, phones};
use crate::model::*;

/// Machine suggestions: e-mail addresses and phone numbers as contacts, and stated dates.
pub fn suggest(v: &mut PolicyVersion) {
    let mut contacts = Vec::new();
    let mut dates = StatedDates::default();
    for s in v.all_sections() {
        let mut lines: Vec<String> = s.blocks.iter().flat_map(Block::lines).collect();
        if let Some(h) = &s.heading {
            lines.push(h.clone());
        }
        for line in lines {
            for email in emails(&line).into_iter().map(|r| line[r].to_string()) {
                if !contacts.iter().any(|c: &Contact| c.value == email) {
                    contacts.push(Contact {
                        kind: ContactKind::Email,
                        value: email.clone(),
                        source: Provenance {
                            section: s.id.clone(),
                            quote: email,
                        },
                        suggested: true,
                    });
                }
            }
            for phone in phones(&line).into_iter().map(|r| line[r].to_string()) {
                if !contacts.iter().any(|c: &Contact| c.value == phone) {
                    contacts.push(Contact {
                        kind: ContactKind::Phone,
                        value: phone.clone(),
                        source: Provenance {
                            section: s.id.clone(),
                            quote: phone,
                        },
                        suggested: true,
                    });
                }
            }
            let lower = line.to_lowercase();
            let slot = if lower.contains("updat") || line.contains("更新") {
                Some(&mut dates.updated)
            } else if lower.contains("effective") || line.contains("生效") {
                Some(&mut dates.effective)
            } else if lower.contains("release") || line.contains("发布") {
                Some(&mut dates.released)
            } else {
                None
            };
            if let Some(slot) = slot {
                if slot.is_none() && line.chars().count() < 80 {
                    if let Some(date) = parse_date(&line) {
                        *slot = Some(StatedDate {
                            date,
                            source: Provenance {
                                section: s.id.clone(),
                                quote: line.clone(),
                            },
                        });
                    }
                }
            }
        }
    }
    if !contacts.is_empty() {
        v.facets.contacts = Facet {
            status: Coverage::NotReviewed,
            items: contacts,
            note: Some("machine suggestions from the importer: review them".into()),
        };
    }
    v.dates = dates;
}
