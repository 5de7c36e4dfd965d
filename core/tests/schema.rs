//! The committed JSON Schema of the version file must match the Rust types.
//! Regenerate with `UPDATE_SCHEMA=1 cargo test -p policy-lens-core --test schema`.

use std::path::{Path, PathBuf};

use serde_json::Value;

#[test]
fn committed_schema_is_up_to_date() {
    let schema = schemars::schema_for!(policy_lens_core::PolicyVersion);
    let json = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = committed_schema_path();
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
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(committed_schema_path()).expect("the committed schema"),
    )
    .expect("the committed schema is JSON");
    let required: Vec<&str> = schema["required"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(
        required.contains(&"sections") && required.contains(&"id") && required.contains(&"version")
    );
    assert_eq!(
        schema["additionalProperties"],
        Value::Bool(false),
        "unknown fields are rejected"
    );
    let files = bundled_files();
    assert!(files.len() >= 5, "bundled files found: {files:?}");
    for file in &files {
        let data: Value = serde_json::from_slice(&std::fs::read(file).unwrap())
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut problems = Vec::new();
        check(&data, &schema, &schema, "$", &mut problems);
        assert!(problems.is_empty(), "{}: {problems:#?}", file.display());
    }
    // The check can fail: a bundled file without a required field does not pass.
    let mut broken: Value = serde_json::from_slice(&std::fs::read(&files[0]).unwrap()).unwrap();
    broken["sections"][0].as_object_mut().unwrap().remove("id");
    let mut problems = Vec::new();
    check(&broken, &schema, &schema, "$", &mut problems);
    assert_eq!(problems, ["$.sections[0]: missing required field `id`"]);
}

fn committed_schema_path() -> &'static str {
    concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schema/policy-version.schema.json"
    )
}

/// Every `policies/<id>/<version>.json`.
fn bundled_files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|p| p.is_dir())
        .flat_map(|policy| std::fs::read_dir(policy).unwrap())
        .map(|f| f.unwrap().path())
        .filter(|f| f.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    files
}

/// Checks `value` against the part of JSON Schema the generated schema uses for structure:
/// `$ref`, `required`, `properties`, `additionalProperties: false`, `items`, `type`,
/// `const`, `enum`, `anyOf` and `oneOf` (some branch must hold). Formats and bounds are left
/// to `policy-lens validate`.
fn check(value: &Value, schema: &Value, root: &Value, path: &str, problems: &mut Vec<String>) {
    if let Some(r) = schema["$ref"].as_str() {
        let target = r
            .strip_prefix("#/$defs/")
            .and_then(|name| root["$defs"].get(name))
            .unwrap_or_else(|| panic!("unresolvable $ref {r}"));
        check(value, target, root, path, problems);
    }
    for key in ["anyOf", "oneOf"] {
        if let Some(branches) = schema[key].as_array() {
            let holds = branches.iter().any(|b| {
                let mut p = Vec::new();
                check(value, b, root, path, &mut p);
                p.is_empty()
            });
            if !holds {
                problems.push(format!("{path}: matches no branch of {key}"));
            }
        }
    }
    if let Some(types) = schema.get("type") {
        let ok = match types {
            Value::Array(ts) => ts.iter().any(|t| has_type(value, t.as_str().unwrap_or(""))),
            t => has_type(value, t.as_str().unwrap_or("")),
        };
        if !ok {
            problems.push(format!("{path}: expected type {types}"));
            return;
        }
    }
    if let Some(c) = schema.get("const") {
        if value != c {
            problems.push(format!("{path}: expected {c}"));
        }
    }
    if let Some(options) = schema["enum"].as_array() {
        if !options.contains(value) {
            problems.push(format!("{path}: {value} is not one of {options:?}"));
        }
    }
    if let Some(obj) = value.as_object() {
        for field in schema["required"].as_array().into_iter().flatten() {
            let field = field.as_str().unwrap();
            if !obj.contains_key(field) {
                problems.push(format!("{path}: missing required field `{field}`"));
            }
        }
        let props = schema["properties"].as_object();
        for (k, v) in obj {
            match props.and_then(|p| p.get(k)) {
                Some(s) => check(v, s, root, &format!("{path}.{k}"), problems),
                None if schema["additionalProperties"] == Value::Bool(false) => {
                    problems.push(format!("{path}: unknown field `{k}`"))
                }
                None => {}
            }
        }
    }
    if let (Some(items), Some(s)) = (value.as_array(), schema.get("items")) {
        for (i, v) in items.iter().enumerate() {
            check(v, s, root, &format!("{path}[{i}]"), problems);
        }
    }
}

fn has_type(value: &Value, t: &str) -> bool {
    match t {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "null" => value.is_null(),
        other => panic!("unknown type {other}"),
    }
}
