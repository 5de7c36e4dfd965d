//! The "what changed" view: a verdict, the list of changes with why they matter, and a
//! side-by-side (wide) or unified (narrow) listing where unchanged runs collapse. Colour is
//! never the only signal: every changed line has a +/− marker and screen-reader text.
//!
//! `changes_view` is the view, `change_card` one change of its list, `listing` the listing
//! (rows from core's `Diff::listing`), `inline` the inline spans both of them show; `warm_up`
//! the pair the changes module compares off screen before a reader opens the view.

mod change_card;
mod changes_view;
mod inline;
mod listing;
#[cfg_attr(not(feature = "changes-module"), allow(dead_code))] // the changes module, tests
pub(crate) mod warm_up;

pub use changes_view::{ChangesView, ChangesViewProps};
