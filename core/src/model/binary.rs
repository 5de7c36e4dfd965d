//! The compact binary form of a version: what the widget reads.
//!
//! The JSON files stay the source of truth. At build time each bundled version, after it has
//! passed validation, is also written in this form (`policies/<id>/<version>.bin`); host-given
//! JSON is validated by the changes module, which hands the widget the same form. The widget
//! then decodes a flat byte string with no JSON parser, no serde visitors and no calls into
//! JavaScript. The form is borsh (fields in declaration order, lengths as u32 little-endian),
//! behind a four-byte magic that names the layout, so that a file written by an older build is
//! refused with a clear reason instead of being misread.

use super::PolicyVersion;

/// The first bytes of every binary version. The digit changes whenever the model's fields
/// change, since borsh has no field names to catch a mismatch.
pub const MAGIC: &[u8; 4] = b"PLB1";

/// The version in binary form: [`MAGIC`], then the borsh encoding.
pub fn to_binary(version: &PolicyVersion) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    // Writing into a Vec cannot fail.
    borsh::to_writer(&mut out, version).expect("writing to a Vec");
    out
}

/// Reads a version written by [`to_binary`]. The error says why the bytes are not one.
pub fn from_binary(bytes: &[u8]) -> Result<PolicyVersion, String> {
    let body = bytes.strip_prefix(MAGIC.as_slice()).ok_or_else(|| {
        "not a Policy Lens binary version of this build (wrong magic)".to_string()
    })?;
    borsh::from_slice(body).map_err(|e| format!("damaged binary version: {e}"))
}
