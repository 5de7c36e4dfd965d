//! Major changes: the policy's own list of what counts as a major (material) change, that is
//! the list items right after a sentence announcing it ("重大变更包括：", "material changes
//! include:").

use super::{has_any, trim_punct, Doc, LineKind, SUGGESTED};
use crate::model::Statement;

const ANNOUNCE: &[&str] = &[
    "重大变更",
    "重大变化",
    "重大修改",
    "material change",
    "significant change",
    "major change",
];

pub(crate) fn find(doc: &Doc) -> Vec<Statement> {
    let mut out = Vec::new();
    let lines = &doc.lines;
    for (k, line) in lines.iter().enumerate() {
        let announces = line.kind == LineKind::Paragraph
            && has_any(&line.text, ANNOUNCE)
            && line.text.trim_end().ends_with([':', '：']);
        if !announces {
            continue;
        }
        let items = lines[k + 1..].iter().take_while(|l| {
            l.section == line.section && l.kind == LineKind::ListItem && l.block == line.block + 1
        });
        for item in items {
            let text = trim_punct(crate::numbering::strip_numbering(&item.text));
            if text.is_empty() {
                continue;
            }
            out.push(Statement {
                text: text.to_string(),
                source: doc.cite(item, text),
                suggested: SUGGESTED,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn listed_major_changes() {
        let v = doc_of("政策\n六、政策的更新\n本政策所指的重大变更包括：\n1. 我们的服务模式发生重大变化；\n2. 个人信息共享对象发生变化。\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[1].text, "个人信息共享对象发生变化");
    }
}
