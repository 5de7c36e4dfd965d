//! `make eval` (second table): how the importer reads this project's corpus of real-world-shaped
//! fixtures (Markdown, HTML in UTF-8 and GB18030, plain text; Chinese and English) and the
//! seed policies. A measurement, not a test: the tests assert the outlines.
//!
//! Columns: the format read, the title found, top-level and all sections, tables of contents
//! folded, inline marks kept, markup left in the text (`**`, `](`, `<p`, `&amp;`, `## `, which
//! should be 0), facts suggested, and importer warnings.

use std::path::{Path, PathBuf};

use policy_lens_core::{import_document, text, Block, Format, ImportOptions};

const MARKUP: [&str; 6] = ["**", "](", "<p", "&amp;", "## ", "__"];

fn files() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/import",
        "tests/fixtures/extract",
        "tests/fixtures",
        "../seeds",
    ] {
        let Ok(entries) = std::fs::read_dir(root.join(dir)) else {
            continue;
        };
        let mut v: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| {
                p.is_file()
                    && p.file_name().is_some_and(|n| n != "README.md")
                    && matches!(
                        p.extension().and_then(|x| x.to_str()),
                        Some("md" | "txt" | "html")
                    )
            })
            .collect();
        v.sort();
        out.extend(v);
    }
    out
}

fn main() {
    println!("| file | format | title | top / all sections | contents | marks | markup left | suggested | warnings |");
    println!("|---|---|---|---|---|---|---|---|---|");
    let (mut n, mut clean) = (0, 0);
    for path in files() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let bytes = std::fs::read(&path).unwrap_or_default();
        let opts = ImportOptions {
            id: "report".into(),
            version: "2025-01-01".into(),
            source: name.clone(),
            ..Default::default()
        };
        let doc = match import_document(&bytes, &opts) {
            Ok(d) => d,
            Err(e) => {
                println!("| {name} | – | error: {e} | | | | | | |");
                continue;
            }
        };
        let v = &doc.version;
        let blocks: Vec<&Block> = v.all_sections().iter().flat_map(|s| &s.blocks).collect();
        let contents = blocks
            .iter()
            .filter(|b| matches!(b, Block::Contents { .. }))
            .count();
        let marks: usize = blocks
            .iter()
            .map(|b| b.marks().map(|m| m.len()).sum::<usize>())
            .sum();
        let all = text::full_text(v);
        // Plain text keeps every character, markup-looking ones included, so only Markdown
        // and HTML are held to "no markup left".
        let left: usize = if doc.format == Format::Text {
            0
        } else {
            MARKUP.iter().map(|m| all.matches(m).count()).sum()
        };
        let suggested = policy_lens_core::summarize(v).suggested();
        n += 1;
        clean += usize::from(left == 0);
        println!(
            "| {name} | {:?} {} | {} | {} / {} | {contents} | {marks} | {left} | {suggested} | {} |",
            doc.format,
            doc.encoding,
            v.title,
            v.sections.len(),
            v.all_sections().len(),
            doc.warnings.len()
        );
    }
    println!("\n{n} documents imported; {clean} with no markup left in the text.");
}
