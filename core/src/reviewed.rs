//! The reviewed-only view of a version: what a person has confirmed, without the extractor's
//! suggestions. A host that must not show unreviewed facts (`reviewed-only`) gets this.

use crate::model::{Coverage, PolicyVersion};

/// The version without suggested facet items, parties or dates. A facet left without items
/// is `not_reviewed` again, never `stated`.
pub fn reviewed_only(v: &PolicyVersion) -> PolicyVersion {
    let mut out = v.clone();
    let f = &mut out.facets;
    macro_rules! keep_reviewed {
        ($($name:ident),*) => {$(
            f.$name.items.retain(|i| !i.suggested);
            if f.$name.items.is_empty() && f.$name.status == Coverage::Stated {
                f.$name.status = Coverage::NotReviewed;
            }
        )*};
    }
    keep_reviewed!(
        data_collected,
        purposes,
        scenarios,
        recipients,
        sdks,
        permissions,
        retention,
        storage,
        security,
        children,
        rights,
        contacts,
        major_changes
    );
    out.controller = out.controller.filter(|p| !p.suggested);
    out.operator = out.operator.filter(|p| !p.suggested);
    let d = &mut out.dates;
    for slot in [&mut d.updated, &mut d.effective, &mut d.released] {
        if slot.as_ref().is_some_and(|x| x.suggested) {
            *slot = None;
        }
    }
    out
}

/// Whether the version has any suggestion a person has not reviewed yet.
pub fn has_suggestions(v: &PolicyVersion) -> bool {
    reviewed_only(v) != *v
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{import_text, validate, ImportOptions};

    #[test]
    fn suggestions_go_and_reviewed_facts_stay() {
        let text = "示例App隐私政策\n更新日期：2025年1月1日\n一、联系我们\n邮箱：privacy@shili-app.cn\n电话：400-123-4567\n";
        let mut v = import_text(
            text,
            &ImportOptions {
                id: "t".into(),
                version: "2025-01-01".into(),
                source: "t.txt".into(),
                ..Default::default()
            },
        );
        assert!(has_suggestions(&v));
        // A person reviews the e-mail address.
        v.facets.contacts.items[0].suggested = false;
        v.facets.contacts.status = Coverage::Stated;
        let r = reviewed_only(&v);
        assert_eq!(r.facets.contacts.items.len(), 1);
        assert_eq!(r.facets.contacts.items[0].value, "privacy@shili-app.cn");
        assert!(r.dates.updated.is_none(), "the suggested date is not shown");
        assert!(!has_suggestions(&r));
        assert!(validate("t", &r).is_empty());
    }
}
