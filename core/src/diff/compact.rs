//! The compact text of a facet item: its fields as `key: value` pairs, in key order, without
//! `source` and `suggested`. Written straight from the item's `Serialize` implementation, with
//! the same result as [`compact`] on `serde_json::to_value(item)`, but without building a
//! `serde_json::Value` (which costs a map and a string per field).

use serde::ser::{self, Serialize};

/// The compact text of a JSON value: strings as they are, arrays joined with `, `, objects as
/// `key: value` pairs joined with `; ` (without `source` and `suggested`), other values as JSON.
pub(super) fn compact(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(a) => a.iter().map(compact).collect::<Vec<_>>().join(", "),
        serde_json::Value::Object(o) => o
            .iter()
            .filter(|(k, _)| !hidden(k))
            .map(|(k, v)| format!("{k}: {}", compact(v)))
            .collect::<Vec<_>>()
            .join("; "),
        other => other.to_string(),
    }
}

/// Keys the compact text leaves out.
fn hidden(k: &str) -> bool {
    k == "source" || k == "suggested"
}

/// `compact(&serde_json::to_value(v))`, or `None` where `to_value` would fail.
pub(super) fn compact_of<T: Serialize + ?Sized>(v: &T) -> Option<String> {
    v.serialize(Compact).ok()
}

#[derive(Debug)]
pub(super) struct Error;

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("not representable as JSON")
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: std::fmt::Display>(_: T) -> Self {
        Error
    }
}

struct Compact;

/// An array (`entries` without keys) or an object (entries sorted by key, as in
/// `serde_json::Map`), and the variant it is wrapped in, if any.
pub(super) struct Compound {
    entries: Vec<(String, String)>,
    object: bool,
    variant: Option<&'static str>,
    key: Option<String>,
}

impl Compound {
    fn new(object: bool, variant: Option<&'static str>, len: usize) -> Self {
        Compound {
            entries: Vec::with_capacity(len),
            object,
            variant,
            key: None,
        }
    }
    fn field<T: Serialize + ?Sized>(&mut self, key: &str, v: &T) -> Result<(), Error> {
        // A later duplicate key replaces an earlier one, as in a map.
        self.entries.retain(|(k, _)| k != key);
        let value = if hidden(key) {
            String::new()
        } else {
            v.serialize(Compact)?
        };
        self.entries.push((key.to_string(), value));
        Ok(())
    }
    fn finish(mut self) -> String {
        let body = if self.object {
            self.entries.sort_by(|a, b| a.0.cmp(&b.0));
            let len = self.entries.iter().map(|(k, v)| k.len() + v.len() + 4);
            let mut out = String::with_capacity(len.sum());
            for (k, v) in self.entries.iter().filter(|(k, _)| !hidden(k)) {
                if !out.is_empty() {
                    out.push_str("; ");
                }
                out.push_str(k);
                out.push_str(": ");
                out.push_str(v);
            }
            out
        } else {
            let parts: Vec<&str> = self.entries.iter().map(|(_, v)| v.as_str()).collect();
            parts.join(", ")
        };
        match self.variant {
            Some(name) if hidden(name) => String::new(),
            Some(name) => format!("{name}: {body}"),
            None => body,
        }
    }
}

fn float(v: f64) -> String {
    compact(&serde_json::Value::from(v))
}

impl ser::Serializer for Compact {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = Compound;
    type SerializeTuple = Compound;
    type SerializeTupleStruct = Compound;
    type SerializeTupleVariant = Compound;
    type SerializeMap = Compound;
    type SerializeStruct = Compound;
    type SerializeStructVariant = Compound;

    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<String, Error> {
        serde_json::to_value(v)
            .map(|v| compact(&v))
            .map_err(|_| Error)
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<String, Error> {
        serde_json::to_value(v)
            .map(|v| compact(&v))
            .map_err(|_| Error)
    }
    fn serialize_f32(self, v: f32) -> Result<String, Error> {
        Ok(compact(&serde_json::Value::from(v)))
    }
    fn serialize_f64(self, v: f64) -> Result<String, Error> {
        Ok(float(v))
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<String, Error> {
        let parts: Vec<String> = v.iter().map(u8::to_string).collect();
        Ok(parts.join(", "))
    }
    fn serialize_none(self) -> Result<String, Error> {
        Ok("null".into())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, v: &T) -> Result<String, Error> {
        v.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Ok("null".into())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Ok("null".into())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, Error> {
        Ok(variant.to_string())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        v: &T,
    ) -> Result<String, Error> {
        v.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        v: &T,
    ) -> Result<String, Error> {
        if hidden(variant) {
            return Ok(String::new());
        }
        Ok(format!("{variant}: {}", v.serialize(self)?))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Compound, Error> {
        Ok(Compound::new(false, None, len.unwrap_or(0)))
    }
    fn serialize_tuple(self, len: usize) -> Result<Compound, Error> {
        Ok(Compound::new(false, None, len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Compound, Error> {
        Ok(Compound::new(false, None, len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound, Error> {
        Ok(Compound::new(false, Some(variant), len))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Compound, Error> {
        Ok(Compound::new(true, None, len.unwrap_or(0)))
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Compound, Error> {
        Ok(Compound::new(true, None, len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound, Error> {
        Ok(Compound::new(true, Some(variant), len))
    }
}

impl ser::SerializeSeq for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        self.entries.push((String::new(), v.serialize(Compact)?));
        Ok(())
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

impl ser::SerializeTuple for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleStruct for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

impl ser::SerializeTupleVariant for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, v)
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

impl ser::SerializeMap for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        // JSON object keys are strings: serde_json accepts strings, characters, numbers,
        // booleans and unit variants, all of which read here as their text.
        self.key = Some(
            serde_json::to_value(key)
                .map_err(|_| Error)
                .and_then(|k| match k {
                    serde_json::Value::Object(_) | serde_json::Value::Array(_) => Err(Error),
                    serde_json::Value::Null => Err(Error),
                    k => Ok(compact(&k)),
                })?,
        );
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, v: &T) -> Result<(), Error> {
        let key = self.key.take().ok_or(Error)?;
        self.field(&key, v)
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

impl ser::SerializeStruct for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

impl ser::SerializeStructVariant for Compound {
    type Ok = String;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        v: &T,
    ) -> Result<(), Error> {
        self.field(key, v)
    }
    fn end(self) -> Result<String, Error> {
        Ok(self.finish())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::PolicyVersion;

    /// The compact text written directly equals the one read from a `serde_json::Value`, on
    /// every facet item of every bundled version.
    #[test]
    fn compact_of_matches_compact_of_value() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../policies");
        let mut checked = 0;
        let entries = |d: &std::path::Path| {
            let mut v: Vec<_> = std::fs::read_dir(d)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            v.sort();
            v
        };
        for policy in entries(&dir).into_iter().filter(|p| p.is_dir()) {
            for file in entries(&policy) {
                if file.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let bytes = std::fs::read(file).unwrap();
                let v: PolicyVersion = serde_json::from_slice(&bytes).unwrap();
                let facets = serde_json::to_value(&v.facets).unwrap();
                for facet in facets.as_object().unwrap().values() {
                    for item in facet["items"].as_array().into_iter().flatten() {
                        assert_eq!(compact_of(item), Some(compact(item)));
                        checked += 1;
                    }
                }
                assert_eq!(compact_of(&v.facets), Some(compact(&facets)));
            }
        }
        assert!(checked > 100, "{checked} items");
        let odd = serde_json::json!({"b": [1, 2.5, null, true], "a": {"source": 1, "x": "y"}});
        assert_eq!(compact_of(&odd), Some(compact(&odd)));
    }
}
