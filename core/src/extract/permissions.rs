//! Device permissions: a permission word right before "权限" (`相机权限`, `（位置）权限`), or
//! an English "camera permission" / "access to your camera", with the purpose clause of the
//! same sentence.

use super::lexicon::{self, PERMISSIONS};
use super::{has_any, purposes, Doc, SUGGESTED};
use crate::model::{Block, Permission, Provenance, TableLayout};

pub(crate) fn find(doc: &Doc) -> Vec<Permission> {
    let mut out: Vec<Permission> = Vec::new();
    for info in &doc.sections {
        for b in &info.section.blocks {
            if let Block::Table {
                header: true,
                layout,
                rows,
            } = b
            {
                table(&info.section.id, *layout, rows, &mut out);
            }
        }
    }
    for (line, sentence) in doc.sentences() {
        if !has_any(
            sentence,
            &["权限", "permission", "access to your", "access your"],
        ) {
            continue;
        }
        for (r, idx) in lexicon::scan(sentence, PERMISSIONS) {
            if !names_permission(sentence, r.clone()) {
                continue;
            }
            let kind = PERMISSIONS[idx].1;
            let id = doc.id(line);
            if out
                .iter()
                .any(|p| p.permission == kind && p.source.section == id)
            {
                continue;
            }
            out.push(Permission {
                permission: kind,
                purpose: purposes::purpose_clause(sentence).map(str::to_string),
                source: doc.cite(line, super::trim_punct(sentence)),
                suggested: SUGGESTED,
            });
        }
    }
    out
}

/// A permission table (应用权限清单): a header naming 权限 or "permission", then one row per
/// permission whose first cell is a permission word and whose second cell says what for.
fn table(section: &str, layout: TableLayout, rows: &[Vec<String>], out: &mut Vec<Permission>) {
    let Some((head, body)) = rows.split_first() else {
        return;
    };
    let first = head.first().map(String::as_str).unwrap_or("");
    if !has_any(first, &["权限", "permission"]) {
        return;
    }
    for row in body {
        let Some(cell) = row.first().map(|c| c.trim()) else {
            continue;
        };
        let found = lexicon::scan(cell, PERMISSIONS);
        let [(_, idx)] = found.as_slice() else {
            continue;
        };
        if cell.chars().count() > 16 {
            continue;
        }
        let kind = PERMISSIONS[*idx].1;
        if out
            .iter()
            .any(|p| p.permission == kind && p.source.section == section)
        {
            continue;
        }
        // A pipe table prints its row as "a | b": quote the row; other layouts, the cell.
        let quote = match layout {
            TableLayout::Pipe => row.join(" | "),
            _ => cell.to_string(),
        };
        out.push(Permission {
            permission: kind,
            purpose: row
                .get(1)
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty()),
            source: Provenance {
                section: section.to_string(),
                quote,
            },
            suggested: SUGGESTED,
        });
    }
}

/// Whether the permission word at `r` names a permission: followed by 权限 (up to two closing
/// marks between), or in "access (to) your X" / "X permission".
fn names_permission(s: &str, r: std::ops::Range<usize>) -> bool {
    // "相机/相册权限", "相机和存储权限": permission words joined up to one 权限.
    let mut after = &s[r.end..];
    for _ in 0..4 {
        after = after.trim_start_matches(['）', ')', '”', '」', '》', '】', ' ']);
        if after.starts_with("权限") || after.starts_with("等权限") {
            return true;
        }
        let Some(rest) = after.strip_prefix(['/', '、', '和', '及', '与', '或']) else {
            break;
        };
        match PERMISSIONS.iter().find(|(w, _)| rest.starts_with(w)) {
            Some((w, _)) => after = &rest[w.len()..],
            None => break,
        }
    }
    let lower = s.to_ascii_lowercase();
    let before = lower[..r.start].trim_end();
    let after_l = lower[r.end..].trim_start();
    // "access your X" is a device permission only where the app asks for it ("we request access
    // to your microphone", "allow the app to access your camera"), not where people may see
    // data ("our processors may access your phone number").
    let asked = [
        "request",
        "ask",
        "allow",
        "grant",
        "enable",
        "permission",
        "device",
        "the app",
        "our app",
    ]
    .iter()
    .any(|w| lower.contains(w));
    (asked
        && (before.ends_with("access to your")
            || before.ends_with("access your")
            || before.ends_with("access to the")))
        || after_l.starts_with("permission")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;
    use crate::model::PermissionKind;

    #[test]
    fn permissions_need_the_word_permission() {
        let v = doc_of("政策\n三、权限\n我们会申请您的相机/相册权限，用于扫描二维码。我们在您所在的位置提供服务。\nWe request access to your microphone to take voice commands.\n");
        let got = find(&Doc::new(&v));
        let kinds: Vec<PermissionKind> = got.iter().map(|p| p.permission).collect();
        assert_eq!(
            kinds,
            [
                PermissionKind::Camera,
                PermissionKind::Album,
                PermissionKind::Microphone
            ]
        );
        assert_eq!(got[0].purpose.as_deref(), Some("用于扫描二维码"));
        // People who may see data are no device permission.
        let v = doc_of("Policy\n2. Transfers\nOur processors in India may access your phone number under standard contractual clauses. Our support staff can access your contacts only when you share them.\n");
        assert!(find(&Doc::new(&v)).is_empty());
    }
}
