//! The version diff (work in progress).

use crate::model::PolicyVersion;

/// The result of comparing two versions.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Diff {}

/// Why two versions cannot be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DiffError {
    DifferentPolicies { old: String, new: String },
}

pub fn diff(old: &PolicyVersion, new: &PolicyVersion) -> Result<Diff, DiffError> {
    if old.id != new.id {
        return Err(DiffError::DifferentPolicies {
            old: old.id.clone(),
            new: new.id.clone(),
        });
    }
    Ok(Diff {})
}

impl std::fmt::Display for DiffError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DiffError::DifferentPolicies { old, new } => write!(
                f,
                "cannot compare versions of different policies: {old:?} and {new:?}"
            ),
        }
    }
}

impl std::error::Error for DiffError {}

pub fn to_markdown(_d: &Diff) -> String {
    String::new()
}

pub fn to_text(_d: &Diff) -> String {
    String::new()
}
