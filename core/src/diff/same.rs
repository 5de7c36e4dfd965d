//! Facet items compared on what their compact text shows, without building it: every field
//! but `source` and `suggested`. Two items that are the same here have the same name and the
//! same compact text, so that [`super::facets`] only writes the texts of items that differ.

use serde::Serialize;

use crate::model::{
    Children, Contact, DataItem, Permission, Recipient, Right, Scenario, Sdk, Statement, Storage,
};

/// A facet item.
pub(super) trait Item: Serialize {
    /// Set by the extractor until a person reviews it; such items are not compared.
    fn suggested(&self) -> bool;
    /// Equal in every field but `source` and `suggested`.
    fn same(&self, other: &Self) -> bool;
}

/// Implements [`Item`] for a struct, naming all its fields but `source` and `suggested`: the
/// pattern is exhaustive, so that a new field cannot be forgotten.
macro_rules! item {
    ($t:ident { $($f:ident),* }) => {
        impl Item for $t {
            fn suggested(&self) -> bool {
                self.suggested
            }
            fn same(&self, o: &Self) -> bool {
                let $t { $($f,)* source: _, suggested: _ } = self;
                true $(&& *$f == o.$f)*
            }
        }
    };
}

item!(DataItem {
    category,
    name,
    sensitive,
    required,
    purposes
});
item!(Statement { text });
item!(Scenario {
    scenario,
    platform,
    data,
    purpose,
    method
});
item!(Recipient { kind, name, text });
item!(Sdk {
    name,
    provider,
    purpose,
    data,
    link
});
item!(Permission {
    permission,
    purpose
});
item!(Storage {
    location,
    cross_border,
    text
});
item!(Children {
    age,
    parental_consent,
    text
});
item!(Right {
    right,
    how,
    response_time
});
item!(Contact { kind, value });

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::compact::compact_of;
    use crate::model::{Facet, PolicyVersion, Provenance};

    /// Items that are the same have the same compact text, whatever their sources; on the
    /// items of consecutive bundled versions, position by position.
    #[test]
    fn same_items_have_the_same_compact_text() {
        fn check<T: Item + Clone>(a: &Facet<T>, b: &Facet<T>, n: &mut [usize; 2]) {
            for (x, y) in a.items.iter().zip(&b.items) {
                let same = x.same(y);
                if same {
                    assert_eq!(compact_of(x), compact_of(y));
                }
                assert!(x.same(x));
                n[usize::from(same)] += 1;
            }
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
        let mut n = [0, 0];
        for policy in std::fs::read_dir(dir).unwrap() {
            let policy = policy.unwrap().path();
            if !policy.is_dir() {
                continue;
            }
            let mut files: Vec<_> = std::fs::read_dir(&policy)
                .unwrap()
                .map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "json"))
                .collect();
            files.sort();
            let versions: Vec<PolicyVersion> = files
                .iter()
                .map(|f| serde_json::from_slice(&std::fs::read(f).unwrap()).unwrap())
                .collect();
            for w in versions.windows(2) {
                let (f, g) = (&w[0].facets, &w[1].facets);
                check(&f.data_collected, &g.data_collected, &mut n);
                check(&f.purposes, &g.purposes, &mut n);
                check(&f.scenarios, &g.scenarios, &mut n);
                check(&f.recipients, &g.recipients, &mut n);
                check(&f.sdks, &g.sdks, &mut n);
                check(&f.permissions, &g.permissions, &mut n);
                check(&f.retention, &g.retention, &mut n);
                check(&f.storage, &g.storage, &mut n);
                check(&f.security, &g.security, &mut n);
                check(&f.children, &g.children, &mut n);
                check(&f.rights, &g.rights, &mut n);
                check(&f.contacts, &g.contacts, &mut n);
                check(&f.major_changes, &g.major_changes, &mut n);
            }
        }
        assert!(n[0] > 0 && n[1] > 100, "{n:?}");
        // The source and the suggested flag are not compared.
        let s = |quote: &str, suggested| Statement {
            text: "t".into(),
            source: Provenance {
                section: "s".into(),
                quote: quote.into(),
            },
            suggested,
        };
        assert!(s("a", false).same(&s("b", true)));
    }

    fn scenario(name: &str, data: &str, quote: &str) -> Scenario {
        Scenario {
            scenario: name.into(),
            platform: None,
            data: data.into(),
            purpose: None,
            method: None,
            source: Provenance {
                section: "s".into(),
                quote: quote.into(),
            },
            suggested: false,
        }
    }

    fn with_scenarios(items: Vec<Scenario>) -> PolicyVersion {
        let mut v: PolicyVersion = serde_json::from_value(serde_json::json!({
            "id": "p", "version": "v", "title": "T", "language": "zh-CN", "source": "test",
            "dates": {}, "sections": [], "facets": {}
        }))
        .unwrap();
        v.facets.scenarios = Facet {
            status: crate::model::Coverage::Stated,
            items,
            note: None,
        };
        v
    }

    /// (kind, item, old quote, new quote) of each facet change.
    fn changes(a: Vec<Scenario>, b: Vec<Scenario>) -> Vec<String> {
        let quote =
            |p: &Option<Provenance>| p.as_ref().map_or("-", |p| p.quote.as_str()).to_string();
        crate::diff::facets::facet_changes(&with_scenarios(a), &with_scenarios(b))
            .iter()
            .map(|c| {
                format!(
                    "{:?} {} {} {}",
                    c.kind,
                    c.item,
                    quote(&c.old_source),
                    quote(&c.new_source)
                )
            })
            .collect()
    }

    /// Items skipped as a common prefix or suffix change nothing in the result.
    #[test]
    fn skipped_items_leave_the_result_as_it_was() {
        let s = scenario;
        // The suffix item is the earliest twin of the changed item's new form: not skipped.
        let r = changes(
            vec![s("n", "d1", "a0"), s("n", "d2", "a1")],
            vec![s("n", "d2", "b0"), s("n", "d2", "b1")],
        );
        assert_eq!(r, ["Changed n a0 b1"]);
        // Prefix and suffix skipped around a changed, an added and a removed item.
        let r = changes(
            vec![
                s("p", "d", "a0"),
                s("m", "d1", "a1"),
                s("x", "d", "a2"),
                s("z", "d", "a3"),
            ],
            vec![
                s("p", "d", "b0"),
                s("m", "d2", "b1"),
                s("y", "d", "b2"),
                s("z", "d", "b3"),
            ],
        );
        assert_eq!(r, ["Changed m a1 b1", "Removed x a2 -", "Added y - b2"]);
        // Everything the same but the sources: nothing changed.
        let r = changes(vec![s("p", "d", "a0")], vec![s("p", "d", "b0")]);
        assert!(r.is_empty());
    }
}
