//! # policy-lens-core
//!
//! The pure core of Policy Lens, a privacy-policy reader: the data model of a policy version
//! ([`PolicyVersion`]), validation ([`parse_version`], [`validate`]), import of plain text and
//! Markdown ([`import()`]), the layered summary ([`summarize`]) and the version diff
//! ([`diff()`]), suggestions of facet items with verbatim quotes ([`suggest`]), and the
//! reviewer's steps over them ([`review`]). It has
//! no web dependencies: the Yew widget and the `policy-lens` CLI both
//! call it, so they show the same results.
//!
//! ```
//! use policy_lens_core::{import_text, ImportOptions, summarize, text::full_text};
//! let v = import_text("Policy\n一、联系我们\n邮箱：a@example.com\n", &ImportOptions {
//!     id: "demo".into(), version: "2025-01-01".into(), source: "inline".into(),
//!     ..Default::default()
//! });
//! assert_eq!(v.sections[1].title(), "一、联系我们");
//! assert!(full_text(&v).contains("a@example.com"));
//! assert_eq!(summarize(&v).title(), "Policy");
//! ```

pub mod diff;
pub mod entities;
mod extract;
mod facet;
mod import;
pub mod model;
pub mod numbering;
mod quick;
pub mod review;
mod reviewed;
pub mod small;
pub mod summary;
pub mod text;
mod validate;

pub use diff::{diff, Diff};
pub use entities::parse_date;
pub use extract::{suggest, Report as SuggestReport};
pub use facet::{FacetKind, ItemField, Subject};
pub use import::{
    decode, decode_with, detect_language, import, import_document, import_text, split_side_by_side,
    Decoded, Format, ImportError, ImportOptions, Imported, Warning, MAX_INPUT_BYTES,
};
pub use model::*;
pub use quick::{Answer, Question, QuickAnswer};
pub use reviewed::{has_suggestions, reviewed_only};
pub use summary::{summarize, Summary};
pub use validate::{
    is_safe_link, parse_version, parse_version_unchecked, validate, validate_set, Problem,
};
