//! The authoring page's state in one reducer: the opened file, the version under review, the
//! quote shown in the full text and the passage selected for a new fact. Every step is an
//! [`Action`] applied with `policy_lens_core::review`; the reducer holds no domain logic, and
//! a step core refuses leaves the version as it was and shows why.

use std::rc::Rc;

use policy_lens_core::review::{self, ReviewError};
use policy_lens_core::{FacetKind, PolicyVersion, Provenance, Warning};
use yew::Reducible;

use crate::data::{Doc, Shared};
use crate::i18n::Lang;

#[derive(Clone, PartialEq)]
pub struct State {
    lang: Lang,
    /// The opened file's name.
    file: Option<String>,
    version: Option<Doc>,
    /// The version as opened: the full text, which review steps never change, so the text
    /// view (and the reader's selection in it) is not rebuilt by them.
    opened: Option<Doc>,
    warnings: Shared<Vec<Warning>>,
    /// Why the last file could not be opened, or the last step was refused.
    error: Option<String>,
    /// The quote highlighted in the full text.
    shown: Option<Provenance>,
    /// The passage selected in the full text, for a new fact.
    selection: Option<Provenance>,
}

pub enum Action {
    SetLang(Lang),
    /// A file was opened or dropped; `today` is the version given to a new import.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Open {
        file: String,
        bytes: Vec<u8>,
        today: String,
    },
    Accept(FacetKind, usize),
    Edit(FacetKind, usize, String),
    Reject(FacetKind, usize),
    /// Adds a fact citing the selected passage.
    Add(FacetKind, String),
    NotStated(FacetKind),
    Reviewed(FacetKind),
    /// Highlights a fact's quote in the full text.
    Show(Provenance),
    /// The reader selected `text` inside section `section` of the full text.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Select {
        section: String,
        text: String,
    },
}

impl State {
    pub fn new(lang: Lang) -> Self {
        State {
            lang,
            file: None,
            version: None,
            opened: None,
            warnings: Shared(Rc::new(Vec::new())),
            error: None,
            shown: None,
            selection: None,
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }
    pub fn file(&self) -> Option<&str> {
        self.file.as_deref()
    }
    pub fn version(&self) -> Option<&Doc> {
        self.version.as_ref()
    }
    pub fn opened(&self) -> Option<&Doc> {
        self.opened.as_ref()
    }
    pub fn warnings(&self) -> &Shared<Vec<Warning>> {
        &self.warnings
    }
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }
    pub fn shown(&self) -> Option<&Provenance> {
        self.shown.as_ref()
    }
    pub fn selection(&self) -> Option<&Provenance> {
        self.selection.as_ref()
    }

    /// Applies a review step to a copy of the version; on success the copy replaces it.
    fn step(&mut self, f: impl FnOnce(&mut PolicyVersion) -> Result<(), ReviewError>) {
        let Some(doc) = &self.version else { return };
        let mut v = PolicyVersion::clone(&doc.read);
        match f(&mut v) {
            Ok(()) => {
                self.version = Some(Doc::new(v, Vec::new()));
                self.error = None;
            }
            Err(e) => self.error = Some(e.to_string()),
        }
    }
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = Rc::unwrap_or_clone(self);
        match action {
            Action::SetLang(lang) => next.lang = lang,
            Action::Open { file, bytes, today } => {
                next = State::new(next.lang);
                match review::open(&file, &bytes, &today) {
                    Ok(o) => {
                        let doc = Doc::new(o.version, Vec::new());
                        next.opened = Some(doc.clone());
                        next.version = Some(doc);
                        next.warnings = Shared(Rc::new(o.warnings));
                    }
                    Err(e) => next.error = Some(e.to_string()),
                }
                next.file = Some(file);
            }
            Action::Accept(f, i) => next.step(|v| review::accept(v, f, i)),
            Action::Edit(f, i, value) => next.step(|v| review::set_value(v, f, i, &value)),
            Action::Reject(f, i) => {
                next.step(|v| review::reject(v, f, i));
                next.shown = None;
            }
            Action::Add(f, value) => {
                if let Some(source) = next.selection.clone() {
                    next.step(|v| review::add(v, f, source, &value).map(drop));
                    if next.error.is_none() {
                        next.selection = None;
                    }
                }
            }
            Action::NotStated(f) => next.step(|v| {
                review::set_not_stated(v, f);
                Ok(())
            }),
            Action::Reviewed(f) => next.step(|v| {
                review::mark_reviewed(v, f);
                Ok(())
            }),
            Action::Show(p) => next.shown = Some(p),
            Action::Select { section, text } => {
                // A selection outside a section's text (or across sections) is not a quote.
                next.selection = next
                    .version
                    .as_ref()
                    .and_then(|v| review::quote(v, &section, &text).ok());
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "Acme Privacy Policy\n\n1. Contact us\n\nEmail privacy@acme-cars.cn \
                          for any request.\n\n2. Your rights\n\nYou may delete your data.\n";

    fn opened() -> Rc<State> {
        Rc::new(State::new(Lang::En)).reduce(Action::Open {
            file: "acme.txt".into(),
            bytes: POLICY.as_bytes().to_vec(),
            today: "2025-01-01".into(),
        })
    }

    fn section_with(s: &State, needle: &str) -> String {
        let v = s.version().expect("opened");
        v.all_sections()
            .into_iter()
            .find(|s| s.blocks.iter().any(|b| b.plain().contains(needle)))
            .map(|s| s.id.clone())
            .expect("section")
    }

    #[test]
    fn opening_a_document_imports_it_with_suggestions() {
        let s = opened();
        assert_eq!(s.file(), Some("acme.txt"));
        let v = s.version().expect("imported");
        assert_eq!(v.id, "acme");
        assert!(v.facets.contacts.items.iter().any(|c| c.suggested));
        assert!(s.error().is_none());
    }

    #[test]
    fn a_bad_version_file_is_an_error_with_its_path() {
        let s = Rc::new(State::new(Lang::Zh)).reduce(Action::Open {
            file: "x.json".into(),
            bytes: b"{}".to_vec(),
            today: "2025-01-01".into(),
        });
        assert!(s.version().is_none());
        assert!(
            s.error().is_some_and(|e| e.starts_with('$')),
            "{:?}",
            s.error()
        );
        assert_eq!(s.lang(), Lang::Zh);
    }

    #[test]
    fn review_steps_change_a_copy_and_refusals_keep_the_version() {
        let s = opened();
        let before = s.version().cloned().unwrap();
        let s = s.reduce(Action::Accept(FacetKind::Contacts, 0));
        assert!(!s.version().unwrap().facets.contacts.items[0].suggested);
        assert!(
            before.facets.contacts.items[0].suggested,
            "the old version is unchanged"
        );
        let s = s.reduce(Action::Reject(FacetKind::Sdks, 7));
        assert!(s.error().is_some());
        let s = s.reduce(Action::NotStated(FacetKind::Sdks));
        assert!(s.error().is_none());
    }

    #[test]
    fn a_selection_becomes_a_fact_only_inside_its_section() {
        let s = opened();
        let rights = section_with(&s, "delete");
        let s = s.reduce(Action::Select {
            section: rights.clone(),
            text: "privacy@acme-cars.cn".into(),
        });
        assert!(s.selection().is_none(), "not in that section");
        let s = s.reduce(Action::Select {
            section: rights,
            text: " delete your data".into(),
        });
        assert_eq!(s.selection().unwrap().quote, "delete your data");
        let s = s.reduce(Action::Add(FacetKind::Rights, "deletion".into()));
        assert!(s.error().is_none(), "{:?}", s.error());
        assert!(s.selection().is_none());
        assert_eq!(s.version().unwrap().facets.rights.items.len(), 1);
    }
}
