//! Names for the parts of the summary layer: the thirteen facets ([`FacetKind`]), what a facet
//! change is about ([`Subject`]: a facet, or the controller, operator or stated dates), and the
//! fields of a facet item ([`ItemField`]). They serialise as the snake_case names used in the
//! JSON data, and are exhaustive on purpose: a reader that translates them must handle each.

use std::cmp::Ordering;
use std::fmt;

use serde::{Deserialize, Serialize, Serializer};

use crate::model::{Coverage, Facets};

/// One of the facets of [`Facets`], in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacetKind {
    DataCollected,
    Purposes,
    Scenarios,
    Recipients,
    Sdks,
    Permissions,
    Retention,
    Storage,
    Security,
    Children,
    Rights,
    Contacts,
    MajorChanges,
}

impl FacetKind {
    /// Every facet, in display order.
    pub const ALL: [FacetKind; 13] = [
        FacetKind::DataCollected,
        FacetKind::Purposes,
        FacetKind::Scenarios,
        FacetKind::Recipients,
        FacetKind::Sdks,
        FacetKind::Permissions,
        FacetKind::Retention,
        FacetKind::Storage,
        FacetKind::Security,
        FacetKind::Children,
        FacetKind::Rights,
        FacetKind::Contacts,
        FacetKind::MajorChanges,
    ];

    /// The field name in the JSON data (`data_collected`).
    pub fn name(self) -> &'static str {
        match self {
            FacetKind::DataCollected => "data_collected",
            FacetKind::Purposes => "purposes",
            FacetKind::Scenarios => "scenarios",
            FacetKind::Recipients => "recipients",
            FacetKind::Sdks => "sdks",
            FacetKind::Permissions => "permissions",
            FacetKind::Retention => "retention",
            FacetKind::Storage => "storage",
            FacetKind::Security => "security",
            FacetKind::Children => "children",
            FacetKind::Rights => "rights",
            FacetKind::Contacts => "contacts",
            FacetKind::MajorChanges => "major_changes",
        }
    }

    /// The facet's coverage status and reviewer's note in `f`.
    pub fn coverage_in(self, f: &Facets) -> (Coverage, Option<&str>) {
        macro_rules! pick {
            ($($variant:ident => $field:ident),*) => {
                match self {
                    $(FacetKind::$variant => (f.$field.status, f.$field.note.as_deref()),)*
                }
            };
        }
        pick!(
            DataCollected => data_collected,
            Purposes => purposes,
            Scenarios => scenarios,
            Recipients => recipients,
            Sdks => sdks,
            Permissions => permissions,
            Retention => retention,
            Storage => storage,
            Security => security,
            Children => children,
            Rights => rights,
            Contacts => contacts,
            MajorChanges => major_changes
        )
    }
}

/// Ordered by name, so that maps keyed by facet serialise in the order they always had.
impl Ord for FacetKind {
    fn cmp(&self, other: &Self) -> Ordering {
        self.name().cmp(other.name())
    }
}

impl PartialOrd for FacetKind {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for FacetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a facet change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Subject {
    Facet(FacetKind),
    Controller,
    Operator,
    /// The stated update, effective and release dates.
    Dates,
}

impl Subject {
    /// `controller`, `operator`, `dates`, or the facet's name.
    pub fn name(self) -> &'static str {
        match self {
            Subject::Facet(f) => f.name(),
            Subject::Controller => "controller",
            Subject::Operator => "operator",
            Subject::Dates => "dates",
        }
    }
}

impl fmt::Display for Subject {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Compares with the JSON name, as in `change.facets() == ["sdks"]`.
impl PartialEq<&str> for Subject {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl Serialize for Subject {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// A field of a facet item, as named in the JSON data (`source` and `suggested` are not
/// compared, so they are not here).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ItemField {
    Age,
    Category,
    CrossBorder,
    Data,
    How,
    Kind,
    Link,
    Location,
    Method,
    Name,
    ParentalConsent,
    Permission,
    Platform,
    Provider,
    Purpose,
    Purposes,
    Required,
    ResponseTime,
    Right,
    Scenario,
    Sensitive,
    Text,
    Value,
}

impl ItemField {
    /// The field named `key` in the JSON data, if it is one.
    pub fn from_key(key: &str) -> Option<ItemField> {
        serde_json::from_value(serde_json::Value::String(key.to_string())).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn facet_names_match_their_json_form() {
        for f in FacetKind::ALL {
            assert_eq!(serde_json::to_value(f).unwrap(), f.name());
            assert_eq!(serde_json::to_value(Subject::Facet(f)).unwrap(), f.name());
        }
        assert_eq!(
            ItemField::from_key("cross_border"),
            Some(ItemField::CrossBorder)
        );
        assert_eq!(ItemField::from_key("source"), None);
    }
}
