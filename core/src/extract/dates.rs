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
        let slot = if has_any(&line.text, UPDATED) {
            &mut dates.updated
        } else if has_any(&line.text, EFFECTIVE) {
            &mut dates.effective
        } else if has_any(&line.text, RELEASED) {
            &mut dates.released
        } else {
            continue;
        };
        if slot.is_some() {
            continue;
        }
        if let Some(date) = parse_date(&line.text) {
            *slot = Some(StatedDate {
                date,
                source: doc.cite(line, &line.text),
                suggested: super::SUGGESTED,
            });
        }
    }
    Found(dates)
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
}
