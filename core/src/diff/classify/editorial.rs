//! Editorial changes: only whitespace, punctuation or numbering labels differ.

use crate::numbering::strip_numbering;

use super::super::render::path_str;
use super::super::types::{BlockOp, Criterion, OpKind};
use super::Hits;

/// The text with whitespace, punctuation and numbering labels removed.
pub(super) fn editorial_key(text: &str) -> String {
    editorial_chars(text).collect()
}

/// The characters of [`editorial_key`], without building it.
fn editorial_chars(text: &str) -> impl Iterator<Item = char> + '_ {
    text.lines()
        .flat_map(|l| strip_numbering(l).chars().filter(|c| c.is_alphanumeric()))
}

/// Whether the op changes nothing but whitespace, punctuation or numbering. A move counts as
/// editorial within its section; a move to another section is recorded in `hits` as
/// substantive.
pub(super) fn is_editorial(op: &BlockOp, hits: &mut Hits) -> bool {
    let (old, new) = (op.old.as_ref(), op.new.as_ref());
    match (op.kind, old, new) {
        (OpKind::Modify, Some(o), Some(n)) => editorial_chars(&o.text).eq(editorial_chars(&n.text)),
        (OpKind::Insert, _, Some(t)) | (OpKind::Delete, Some(t), _) => {
            editorial_chars(&t.text).next().is_none()
        }
        (OpKind::Move, ..) => {
            let same = old.zip(new).is_some_and(|(o, n)| {
                o.section_id == n.section_id
                    || o.section_path.last().map(|t| editorial_key(t))
                        == n.section_path.last().map(|t| editorial_key(t))
            });
            if !same {
                hits.criteria.insert(Criterion::OtherSubstantive);
                hits.reason(format!(
                    "moved from {} to {}",
                    path_str(old.map_or(&[][..], |r| &r.section_path[..])),
                    path_str(new.map_or(&[][..], |r| &r.section_path[..]))
                ));
            }
            same
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::editorial_key;
    use crate::numbering::strip_numbering;

    #[test]
    fn numbering_labels_are_stripped() {
        assert_eq!(strip_numbering("1. Scope"), "Scope");
        assert_eq!(strip_numbering("（二）扩展业务功能"), "扩展业务功能");
        assert_eq!(strip_numbering("一、总则"), "总则");
        assert_eq!(strip_numbering("Part II Content"), "Content");
        assert_eq!(strip_numbering("I agree"), "I agree");
        assert_eq!(strip_numbering("a) item"), "item");
        assert_eq!(
            editorial_key("1. We share, data."),
            editorial_key("2)We share data")
        );
    }
}
