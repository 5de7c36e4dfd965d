//! The policy's own dates: updated, effective, released. A short line naming the kind of date
//! and holding a date (`更新日期：2025年05月19日`, `Effective: March 31, 2022`).

use super::{has_any, Doc};
use crate::entities::parse_date;
use crate::model::{StatedDate, StatedDates};

/// Words naming each kind of date, in the order they are tried.
const UPDATED: &[&str] = &["updat", "更新", "修订", "revised", "last modified"];
const EFFECTIVE: &[&str] = &["effective", "生效", "施行"];
const RELEASED: &[&str] = &["release", "发布", "published"];

/// Lines longer than this are prose that mentions a date, not a date line.
const MAX_DATE_LINE: usize = 80;

pub(crate) struct Found(StatedDates);

impl Found {
    /// Fills the dates not already set.
    pub fn fill(self, dates: &mut StatedDates) {
        for (slot, new) in [
            (&mut dates.updated, self.0.updated),
            (&mut dates.effective, self.0.effective),
            (&mut dates.released, self.0.released),
        ] {
            // A suggested date is refreshed; a reviewed one is never touched.
            if slot.as_ref().is_none_or(|d| d.suggested) {
                *slot = new;
            }
        }
    }
}

pub(crate) fn find(doc: &Doc) -> Found {
    let mut dates = StatedDates::default();
    for line in &doc.lines {
        if line.text.chars().count() >= MAX_DATE_LINE {
            continue;
        }
        for (kind, part) in parts(&line.text) {
            let slot = match kind {
                Kind::Updated => &mut dates.updated,
                Kind::Effective => &mut dates.effective,
                Kind::Released => &mut dates.released,
            };
            if slot.is_some() {
                continue;
            }
            if let Some(date) = parse_date(part) {
                *slot = Some(StatedDate {
                    date,
                    source: doc.cite(line, &line.text),
                    suggested: super::SUGGESTED,
                });
            }
        }
    }
    Found(dates)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Updated,
    Effective,
    Released,
}

/// The kind a piece of text names, the first that it does.
fn kind(text: &str) -> Option<Kind> {
    [
        (UPDATED, Kind::Updated),
        (EFFECTIVE, Kind::Effective),
        (RELEASED, Kind::Released),
    ]
    .into_iter()
    .find(|(words, _)| has_any(text, words))
    .map(|(_, k)| k)
}

/// The pieces of a date line, each with the kind of date it names. A line naming two kinds
/// ("Effective: 2024-03-03 · Last revised: 2024-02-01", "更新日期：2024年6月18日   生效日期：…",
/// "本政策更新于2024年6月18日，自2024年6月25日起生效") is cut into its clauses, so each date
/// goes with its own word; a line naming one kind is one piece.
fn parts(text: &str) -> Vec<(Kind, &str)> {
    let Some(first) = kind(text) else {
        return Vec::new();
    };
    let clauses: Vec<&str> = text
        .split(['·', '|', '，', '；', ';', '。', '、', '\t'])
        .flat_map(|c| c.split("   "))
        .flat_map(|c| c.split(" - "))
        .flat_map(|c| c.split(" — "))
        .filter(|c| !c.trim().is_empty())
        .collect();
    let kinds: Vec<Option<Kind>> = clauses.iter().map(|c| kind(c)).collect();
    if kinds.iter().flatten().all(|k| *k == first) {
        return vec![(first, text)];
    }
    clauses
        .into_iter()
        .zip(kinds)
        .filter_map(|(c, k)| k.map(|k| (k, c)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn date_lines_are_read() {
        let v = doc_of("政策\n更新日期：2025年05月19日\n生效日期：2025年05月25日\n正文。\n");
        let mut d = StatedDates::default();
        find(&Doc::new(&v)).fill(&mut d);
        assert_eq!(d.updated.unwrap().date, "2025-05-19");
        assert_eq!(d.effective.unwrap().date, "2025-05-25");
    }

    #[test]
    fn two_dates_on_one_line_each_go_with_their_word() {
        for text in [
            "Privacy Policy\nEffective: 2024-03-03 · Last revised: 2024-02-01\nWe collect data.\n",
            "隐私政策\n生效日期：2024年3月3日   更新日期：2024年2月1日\n正文。\n",
            "隐私政策\n本政策更新于2024年2月1日，自2024年3月3日起生效。\n正文。\n",
        ] {
            let v = doc_of(text);
            let mut d = StatedDates::default();
            find(&Doc::new(&v)).fill(&mut d);
            assert_eq!(d.updated.unwrap().date, "2024-02-01", "{text}");
            assert_eq!(d.effective.unwrap().date, "2024-03-03", "{text}");
        }
    }
}
