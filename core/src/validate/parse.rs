//! Reading a version file: bytes to a [`PolicyVersion`], with the schema checks (size, UTF-8,
//! types, unknown fields) and, for [`parse_version`], full validation.

use super::{validate, Problem, MAX_FILE_BYTES};
use crate::model::PolicyVersion;

/// Parses a version file and validates it. Returns the version, or every problem found.
pub fn parse_version(file: &str, bytes: &[u8]) -> Result<PolicyVersion, Vec<Problem>> {
    let version = parse_version_unchecked(file, bytes)?;
    let problems = validate(file, &version);
    if problems.is_empty() {
        Ok(version)
    } else {
        Err(problems)
    }
}

/// Parses a version file with the schema checks only (types, unknown fields, size, UTF-8),
/// skipping [`validate`]: for data already validated at build time, such as the widget's
/// bundled policies, whose validation is a test.
pub fn parse_version_unchecked(file: &str, bytes: &[u8]) -> Result<PolicyVersion, Vec<Problem>> {
    let problem = |path: &str, message: String| {
        vec![Problem {
            file: file.to_string(),
            path: path.to_string(),
            message,
        }]
    };
    if bytes.is_empty() {
        return Err(problem("$", "the file is empty".into()));
    }
    if bytes.len() > MAX_FILE_BYTES {
        return Err(problem(
            "$",
            format!(
                "the file is {} bytes, more than the limit of {MAX_FILE_BYTES}",
                bytes.len()
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t.strip_prefix('\u{feff}').unwrap_or(t),
        Err(e) => {
            return Err(problem(
                "$",
                format!(
                    "the file is not UTF-8 text (invalid byte at offset {})",
                    e.valid_up_to()
                ),
            ))
        }
    };
    // serde_json limits recursion to 128 levels and reports it as an error, never a crash.
    let version = match deserialize(text) {
        Ok(v) => v,
        Err((path, e)) => {
            return Err(problem(
                &path,
                format!(
                    "invalid JSON: {} (line {}, column {})",
                    strip_position(&e),
                    e.line(),
                    e.column()
                ),
            ));
        }
    };
    Ok(version)
}

/// Deserializes a version; on failure returns the JSON path of the bad value (`$` when the
/// `json-paths` feature is off) and the error.
#[cfg(feature = "json-paths")]
fn deserialize(text: &str) -> Result<PolicyVersion, (String, serde_json::Error)> {
    let mut de = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." || path.is_empty() {
            "$".to_string()
        } else {
            format!("$.{path}")
        };
        (path, e.into_inner())
    })
}

#[cfg(not(feature = "json-paths"))]
fn deserialize(text: &str) -> Result<PolicyVersion, (String, serde_json::Error)> {
    serde_json::from_str(text).map_err(|e| ("$".to_string(), e))
}

fn strip_position(e: &serde_json::Error) -> String {
    let s = e.to_string();
    match s.rfind(" at line ") {
        Some(i) => s[..i].to_string(),
        None => s,
    }
}
