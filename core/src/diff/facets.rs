//! Facet changes: the summary layers (and controller, operator, stated dates) of two versions
//! compared item by item.

use std::collections::BTreeSet;

use serde::Serialize;

use crate::facet::{FacetKind, ItemField, Subject};
use crate::model::{json_name, Coverage, Facet, Party, PolicyVersion, Provenance};
use crate::summary::DateKind;

use super::compact::{compact, compact_of};
use super::same::Item;
use super::units::FastMap;

use super::types::{FacetChange, FacetChangeKind, FieldChange, ItemName};

/// The JSON form of an item, made only for the items that changed.
enum Json<'a> {
    Text(&'a str),
    Item(&'a dyn ToJson),
}

trait ToJson {
    fn to_json(&self) -> serde_json::Value;
}

impl<T: Serialize> ToJson for T {
    fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).unwrap_or_default()
    }
}

impl Json<'_> {
    fn value(&self) -> serde_json::Value {
        match self {
            Json::Text(s) => serde_json::Value::String(s.to_string()),
            Json::Item(t) => t.to_json(),
        }
    }
}

struct FacetItem<'a> {
    item: ItemName,
    /// `item` as text: the name in the JSON and in reasons.
    name: String,
    value: String,
    json: Json<'a>,
    pair: Option<String>,
    source: &'a Provenance,
}

/// The items of a facet in both versions, or `None` when either is not reviewed. Suggested
/// items are left out, and so are items that the comparison would pair with their twin in the
/// other version (the earliest unused item with the same name and value) without any change,
/// so that their compact texts are not made:
///
/// - the longest common prefix of items that are the same (see [`Item::same`]): each pairs
///   with its counterpart, whatever the other items are;
/// - the longest common suffix of such items, when none of the other items has the name of a
///   suffix item: no other item can then take a suffix item as its twin, nor the reverse.
fn collect<'a, T: Item>(
    old: &'a Facet<T>,
    new: &'a Facet<T>,
    f: impl Fn(&'a T) -> (ItemName, Option<String>, &'a Provenance),
) -> Pair<'a> {
    if old.status == Coverage::NotReviewed || new.status == Coverage::NotReviewed {
        return None;
    }
    let a: Vec<&T> = old.items.iter().filter(|t| !t.suggested()).collect();
    let b: Vec<&T> = new.items.iter().filter(|t| !t.suggested()).collect();
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x.same(y)).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x.same(y))
        .count();
    let item = |t: &&'a T| {
        let (item, pair, source) = f(t);
        FacetItem {
            name: item.to_string(),
            item,
            // What `compact` makes of the item's JSON (a `Null` when it has none).
            value: compact_of(*t).unwrap_or_else(|| "null".into()),
            json: Json::Item(*t),
            pair,
            source,
        }
    };
    let (ma, mb) = (a.len() - suffix, b.len() - suffix);
    let mut x: Vec<FacetItem<'a>> = a[..ma].iter().map(item).collect();
    let mut y: Vec<FacetItem<'a>> = b[..mb].iter().map(item).collect();
    if suffix > 0 {
        let names: Vec<String> = b[mb..].iter().map(|t| f(t).0.to_string()).collect();
        let names: std::collections::HashSet<&str> = names.iter().map(String::as_str).collect();
        if x.iter().chain(&y).any(|i| names.contains(i.name.as_str())) {
            x.extend(a[ma..].iter().map(item));
            y.extend(b[mb..].iter().map(item));
        }
    }
    Some((x, y))
}

/// The items of one subject in the old and the new version, when both are reviewed.
type Pair<'a> = Option<(Vec<FacetItem<'a>>, Vec<FacetItem<'a>>)>;

/// Subject → its items in both versions.
fn facet_table<'a>(old: &'a PolicyVersion, new: &'a PolicyVersion) -> Vec<(Subject, Pair<'a>)> {
    let (f, g) = (&old.facets, &new.facets);
    fn party(p: &Option<Party>, role: ItemName) -> Vec<FacetItem<'_>> {
        p.iter()
            .map(|p| FacetItem {
                pair: Some(role.to_string()),
                name: role.to_string(),
                item: role.clone(),
                value: p.name.clone(),
                json: Json::Text(&p.name),
                source: &p.source,
            })
            .collect()
    }
    fn dates(v: &PolicyVersion) -> Vec<FacetItem<'_>> {
        [
            (DateKind::Updated, "updated", &v.dates.updated),
            (DateKind::Effective, "effective", &v.dates.effective),
            (DateKind::Released, "released", &v.dates.released),
        ]
        .iter()
        .filter_map(|&(kind, k, d)| {
            d.as_ref().map(|d| FacetItem {
                item: ItemName::Date(kind),
                name: ItemName::Date(kind).to_string(),
                value: d.date.clone(),
                json: Json::Text(&d.date),
                pair: Some(k.to_string()),
                source: &d.source,
            })
        })
        .collect()
    }
    let parties = |role: ItemName, p: fn(&PolicyVersion) -> &Option<Party>| {
        Some((party(p(old), role.clone()), party(p(new), role)))
    };
    vec![
        (
            Subject::Controller,
            parties(ItemName::Controller, |v| &v.controller),
        ),
        (
            Subject::Operator,
            parties(ItemName::Operator, |v| &v.operator),
        ),
        (Subject::Dates, Some((dates(old), dates(new)))),
        (
            Subject::Facet(FacetKind::DataCollected),
            collect(&f.data_collected, &g.data_collected, |i| {
                (
                    ItemName::Text(i.name.clone()),
                    Some(i.name.clone()),
                    &i.source,
                )
            }),
        ),
        (
            Subject::Facet(FacetKind::Purposes),
            collect(&f.purposes, &g.purposes, |i| {
                (ItemName::Text(i.text.clone()), None, &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Scenarios),
            collect(&f.scenarios, &g.scenarios, |i| {
                (
                    ItemName::Text(i.scenario.clone()),
                    Some(i.scenario.clone()),
                    &i.source,
                )
            }),
        ),
        (
            Subject::Facet(FacetKind::Recipients),
            collect(&f.recipients, &g.recipients, |i| {
                let name = i.name.clone().unwrap_or_else(|| i.text.clone());
                let pair = format!("{}: {}", json_name(&i.kind), i.text);
                (ItemName::Text(name), Some(pair), &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Sdks),
            collect(&f.sdks, &g.sdks, |i| {
                (
                    ItemName::Text(i.name.clone()),
                    Some(i.name.clone()),
                    &i.source,
                )
            }),
        ),
        (
            Subject::Facet(FacetKind::Permissions),
            collect(&f.permissions, &g.permissions, |i| {
                let k = ItemName::Permission(i.permission);
                (k.clone(), Some(k.to_string()), &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Retention),
            collect(&f.retention, &g.retention, |i| {
                (ItemName::Text(i.text.clone()), None, &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Storage),
            collect(&f.storage, &g.storage, |i| {
                let k = i.location.clone().map_or(ItemName::Storage, ItemName::Text);
                (k.clone(), Some(k.to_string()), &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Security),
            collect(&f.security, &g.security, |i| {
                (ItemName::Text(i.text.clone()), None, &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Children),
            collect(&f.children, &g.children, |i| {
                (
                    ItemName::Children,
                    Some(ItemName::Children.to_string()),
                    &i.source,
                )
            }),
        ),
        (
            Subject::Facet(FacetKind::Rights),
            collect(&f.rights, &g.rights, |i| {
                let k = ItemName::Right(i.right);
                (k.clone(), Some(k.to_string()), &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::Contacts),
            collect(&f.contacts, &g.contacts, |i| {
                let k = ItemName::Contact(i.kind);
                (k.clone(), Some(k.to_string()), &i.source)
            }),
        ),
        (
            Subject::Facet(FacetKind::MajorChanges),
            collect(&f.major_changes, &g.major_changes, |i| {
                (ItemName::Text(i.text.clone()), None, &i.source)
            }),
        ),
    ]
}

pub(super) fn facet_changes(old: &PolicyVersion, new: &PolicyVersion) -> Vec<FacetChange> {
    let mut out = Vec::new();
    for (facet, pair) in facet_table(old, new) {
        let Some((a, b)) = pair else {
            continue;
        };
        let mut used_b = vec![false; b.len()];
        let mut removed = Vec::new();
        // Identical items pair up first, each with the earliest unused twin.
        let mut twins: FastMap<(&str, &str), Vec<usize>> = Default::default();
        for (j, y) in b.iter().enumerate().rev() {
            twins
                .entry((y.name.as_str(), y.value.as_str()))
                .or_default()
                .push(j);
        }
        for x in &a {
            match twins
                .get_mut(&(x.name.as_str(), x.value.as_str()))
                .and_then(Vec::pop)
            {
                Some(j) => used_b[j] = true,
                None => removed.push(x),
            }
        }
        let mut changed = Vec::new();
        let mut gone = Vec::new();
        for x in removed {
            let j = x
                .pair
                .as_ref()
                .and_then(|p| (0..b.len()).find(|&j| !used_b[j] && b[j].pair.as_ref() == Some(p)));
            match j {
                Some(j) => {
                    used_b[j] = true;
                    changed.push((x, &b[j]));
                }
                None => gone.push(x),
            }
        }
        for (x, y) in changed {
            let (fields, old_value, new_value) = value_delta(&x.json.value(), &y.json.value());
            out.push(FacetChange {
                facet,
                kind: FacetChangeKind::Changed,
                item: y.name.clone(),
                item_name: y.item.clone(),
                fields,
                old_value: Some(old_value),
                new_value: Some(new_value),
                old_source: Some(x.source.clone()),
                new_source: Some(y.source.clone()),
            });
        }
        for x in gone {
            out.push(FacetChange {
                facet,
                kind: FacetChangeKind::Removed,
                item: x.name.clone(),
                item_name: x.item.clone(),
                fields: item_fields(&x.json.value(), |v| FieldChange {
                    field: v.0,
                    old: Some(v.1),
                    new: None,
                }),
                old_value: Some(x.value.clone()),
                new_value: None,
                old_source: Some(x.source.clone()),
                new_source: None,
            });
        }
        for (j, y) in b.iter().enumerate() {
            if !used_b[j] {
                out.push(FacetChange {
                    facet,
                    kind: FacetChangeKind::Added,
                    item: y.name.clone(),
                    item_name: y.item.clone(),
                    fields: item_fields(&y.json.value(), |v| FieldChange {
                        field: v.0,
                        old: None,
                        new: Some(v.1),
                    }),
                    old_value: None,
                    new_value: Some(y.value.clone()),
                    old_source: None,
                    new_source: Some(y.source.clone()),
                });
            }
        }
    }
    out
}

/// The fields of an item value (none for a plain value), each made into a [`FieldChange`].
fn item_fields(
    v: &serde_json::Value,
    f: impl Fn((ItemField, String)) -> FieldChange,
) -> Vec<FieldChange> {
    match v {
        serde_json::Value::Object(o) => o
            .iter()
            .filter_map(|(k, v)| ItemField::from_key(k).map(|field| f((field, compact(v)))))
            .collect(),
        _ => Vec::new(),
    }
}

/// The fields that differ between two item values, and their old and new forms.
fn value_delta(a: &serde_json::Value, b: &serde_json::Value) -> (Vec<FieldChange>, String, String) {
    match (a, b) {
        (serde_json::Value::Object(x), serde_json::Value::Object(y)) => {
            let keys: BTreeSet<&String> = x
                .keys()
                .chain(y.keys())
                .filter(|k| *k != "source" && *k != "suggested" && x.get(*k) != y.get(*k))
                .collect();
            let side = |o: &serde_json::Map<String, serde_json::Value>| {
                keys.iter()
                    .map(|k| {
                        format!(
                            "{k}: {}",
                            o.get(*k).map(compact).unwrap_or_else(|| "—".into())
                        )
                    })
                    .collect::<Vec<_>>()
                    .join("; ")
            };
            (
                keys.iter()
                    .filter_map(|k| {
                        ItemField::from_key(k).map(|field| FieldChange {
                            field,
                            old: x.get(*k).map(compact),
                            new: y.get(*k).map(compact),
                        })
                    })
                    .collect(),
                side(x),
                side(y),
            )
        }
        _ => (Vec::new(), compact(a), compact(b)),
    }
}
