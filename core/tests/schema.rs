//! The committed JSON Schema of the version file must match the Rust types.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p policy-lens-core --test schema`.

#[test]
fn committed_schema_is_up_to_date() {
    let schema = schemars::schema_for!(policy_lens_core::PolicyVersion);
    let json = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/policy-version.schema.json"
    );
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(path, &json).unwrap();
    }
    let committed = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        committed == json,
        "schema/policy-version.schema.json is out of date: run UPDATE_SCHEMA=1 cargo test -p policy-lens-core --test schema"
    );
}

#[test]
fn bundled_files_satisfy_the_schema_required_fields() {
    let schema = schemars::schema_for!(policy_lens_core::PolicyVersion);
    let v = serde_json::to_value(&schema).unwrap();
    let required: Vec<&str> = v["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(
        required.contains(&"sections") && required.contains(&"id") && required.contains(&"version")
    );
    assert_eq!(
        v["additionalProperties"],
        serde_json::Value::Bool(false),
        "unknown fields are rejected"
    );
}
