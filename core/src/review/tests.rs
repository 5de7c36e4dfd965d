//! Review actions on imported versions: accept, edit, reject, add from a selection, export.

use super::*;

fn imported() -> PolicyVersion {
    let text = "Acme Privacy Policy\n\n1. Contact us\n\nEmail privacy@acme-cars.cn or call \
                400-800-6699 for any request.\n\n2. Your rights\n\nYou may access and delete \
                your personal information.\n";
    open("Acme Policy.txt", text.as_bytes(), "2025-01-01")
        .expect("imports")
        .version
}

fn section_with(v: &PolicyVersion, needle: &str) -> String {
    v.all_sections()
        .into_iter()
        .find(|s| s.blocks.iter().any(|b| b.plain().contains(needle)))
        .map(|s| s.id.clone())
        .expect("section")
}

#[test]
fn open_names_the_import_after_the_file_and_suggests() {
    let v = imported();
    assert_eq!(v.id, "acme-policy");
    assert_eq!(v.version, "2025-01-01");
    assert!(facts(&v)
        .iter()
        .any(|f| f.suggested && f.facet == FacetKind::Contacts));
}

#[test]
fn open_reports_every_problem_of_a_bad_version_file() {
    let Err(OpenError::Invalid(p)) = open("x.json", b"{\"id\": 1}", "2025-01-01") else {
        panic!("accepted a bad file")
    };
    assert!(p[0].path.starts_with('$'), "{p:?}");
}

#[test]
fn accept_edit_and_reject_address_facts_by_facet_and_index() {
    let mut v = imported();
    let contacts: Vec<Fact> = facts(&v)
        .into_iter()
        .filter(|f| f.facet == FacetKind::Contacts)
        .collect();
    assert!(contacts.len() >= 2, "{contacts:?}");
    accept(&mut v, FacetKind::Contacts, 0).unwrap();
    assert!(
        !facts(&v)
            .iter()
            .find(|f| f.facet == FacetKind::Contacts)
            .unwrap()
            .suggested
    );
    set_value(&mut v, FacetKind::Contacts, 1, "400-800-6688").unwrap();
    reject(&mut v, FacetKind::Contacts, 0).unwrap();
    assert_eq!(v.facets.contacts.items.len(), contacts.len() - 1);
    assert_eq!(
        reject(&mut v, FacetKind::Contacts, 99),
        Err(ReviewError::NoSuchFact {
            facet: FacetKind::Contacts,
            index: 99
        })
    );
    assert_eq!(
        set_value(&mut v, FacetKind::Contacts, 0, "  "),
        Err(ReviewError::EmptyValue)
    );
}

#[test]
fn an_edited_fact_is_reviewed() {
    let mut v = imported();
    set_value(&mut v, FacetKind::Contacts, 0, "privacy@acme.cn").unwrap();
    assert_eq!(v.facets.contacts.items[0].value, "privacy@acme.cn");
    assert!(!v.facets.contacts.items[0].suggested);
}

#[test]
fn a_fact_from_a_selection_cites_its_section_and_stays_valid() {
    let mut v = imported();
    let s = section_with(&v, "delete");
    let q = quote(&v, &s, "  access and delete\n your personal information ").unwrap();
    assert_eq!(q.quote, "access and delete\n your personal information");
    let i = add(&mut v, FacetKind::Rights, q.clone(), "deletion").unwrap();
    assert_eq!(v.facets.rights.items[i].right, RightKind::Deletion);
    assert!(!v.facets.rights.items[i].suggested);
    assert_eq!(
        add(&mut v, FacetKind::Rights, q.clone(), "teleport"),
        Err(ReviewError::UnknownKind {
            facet: FacetKind::Rights,
            value: "teleport".into()
        })
    );
    let i = add(&mut v, FacetKind::Sdks, q, "Acme SDK").unwrap();
    assert_eq!(v.facets.sdks.items[i].name, "Acme SDK");
    mark_reviewed(&mut v, FacetKind::Rights);
    mark_reviewed(&mut v, FacetKind::Sdks);
    let e = export(&v);
    assert!(e.problems.is_empty(), "{:?}", e.problems);
    assert_eq!(e.path, "acme-policy/2025-01-01.json");
    assert_eq!(e.file_name, "2025-01-01.json");
    assert!(e.json.ends_with("}\n"));
}

#[test]
fn a_quote_must_be_in_the_section() {
    let v = imported();
    let s = section_with(&v, "delete");
    assert!(matches!(
        quote(&v, &s, "privacy@acme-cars.cn"),
        Err(ReviewError::QuoteNotInSection { .. })
    ));
    assert_eq!(quote(&v, &s, " \n"), Err(ReviewError::EmptyQuote));
    assert_eq!(
        quote(&v, "nope", "x"),
        Err(ReviewError::NoSuchSection("nope".into()))
    );
}

#[test]
fn not_stated_clears_a_facet_and_a_new_fact_states_it_again() {
    let mut v = imported();
    set_not_stated(&mut v, FacetKind::Contacts);
    assert_eq!(v.facets.contacts.status, Coverage::NotStated);
    assert!(v.facets.contacts.items.is_empty());
    assert!(export(&v).problems.is_empty());
    let s = section_with(&v, "privacy@");
    let q = quote(&v, &s, "privacy@acme-cars.cn").unwrap();
    add(&mut v, FacetKind::Contacts, q, "privacy@acme-cars.cn").unwrap();
    assert_eq!(v.facets.contacts.status, Coverage::Stated);
    assert_eq!(v.facets.contacts.items[0].kind, ContactKind::Email);
}

#[test]
fn marking_reviewed_accepts_the_rest_and_sets_the_status() {
    let mut v = imported();
    mark_reviewed(&mut v, FacetKind::Contacts);
    assert_eq!(v.facets.contacts.status, Coverage::Stated);
    assert!(v.facets.contacts.items.iter().all(|i| !i.suggested));
    mark_reviewed(&mut v, FacetKind::Sdks);
    assert_eq!(v.facets.sdks.status, Coverage::NotStated);
}

#[test]
fn an_invalid_export_names_the_json_path() {
    let mut v = imported();
    v.facets.contacts.status = Coverage::Stated;
    v.facets.contacts.items.clear();
    let e = export(&v);
    assert!(
        e.problems.iter().any(|p| p.path == "$.facets.contacts"),
        "{:?}",
        e.problems
    );
}

#[test]
fn contact_kinds_follow_the_entity_finders() {
    assert_eq!(contact_kind("a@b.cn"), ContactKind::Email);
    assert_eq!(contact_kind("400-800-6699"), ContactKind::Phone);
    assert_eq!(contact_kind("https://acme.cn/privacy"), ContactKind::Web);
    assert_eq!(contact_kind("个人信息保护专员"), ContactKind::Responsible);
}

#[test]
fn every_listed_kind_is_accepted() {
    for facet in [FacetKind::Rights, FacetKind::Permissions] {
        for k in kinds(facet) {
            let ok = match facet {
                FacetKind::Rights => kind_named::<RightKind>(facet, k).is_ok(),
                _ => kind_named::<PermissionKind>(facet, k).is_ok(),
            };
            assert!(ok, "{facet}: {k}");
        }
    }
}

#[test]
fn ids_come_from_file_names() {
    assert_eq!(id_from_file_name("Acme Privacy.md"), "acme-privacy");
    assert_eq!(id_from_file_name("隐私政策.txt"), "policy");
}
