//! Import of a policy document (plain text, Markdown or HTML, in UTF-8 or a legacy encoding)
//! into a [`PolicyVersion`]: the section outline, the text without markup, bold and links as
//! marks, a table of contents kept as one block, the title, and machine-suggested facts.
//!
//! The pipeline, one module each: [`decode`] (bytes to text), a reader per format
//! ([`lines`], [`markdown`], [`html`]) producing the neutral [`rich::Node`]s, [`contents`]
//! (tables of contents), [`tree`] (the outline, using [`crate::numbering`]), [`title`], then the
//! extractor's suggestions ([`crate::extract`]). The importer never drops policy text: every line lands in a heading, a
//! paragraph, a list item, a table cell or the contents block.

#[cfg(feature = "formats")]
mod chrome;
mod contents;
mod decode;
mod error;
#[cfg(feature = "formats")]
mod html;
mod lines;
#[cfg(feature = "formats")]
mod markdown;
mod pages;
// The rich-text builder serves the Markdown and HTML readers, which the `formats` feature brings.
#[cfg_attr(not(feature = "formats"), allow(dead_code))]
mod rich;
mod side_by_side;
mod title;
mod tree;

#[cfg(test)]
mod tests;

pub use decode::{decode, decode_with, Decoded};
pub use error::{ImportError, Warning, MAX_INPUT_BYTES};
pub use side_by_side::split_side_by_side;

use crate::model::*;
use crate::text::is_cjk_letter;

/// The kind of document being imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum Format {
    /// Decide from the file name, then from the content.
    #[default]
    Auto,
    Text,
    Markdown,
    Html,
}

impl Format {
    /// The format a file name's extension names, if any.
    pub fn from_name(name: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        let ext = lower.rsplit_once('.').map_or("", |(_, e)| e);
        match ext {
            "md" | "markdown" | "mdown" | "mkd" => Format::Markdown,
            "html" | "htm" | "xhtml" => Format::Html,
            "txt" | "text" => Format::Text,
            _ => Format::Auto,
        }
    }

    /// Sniffs the content: HTML when it opens with markup, Markdown when it has Markdown's
    /// marks (headings, bold lines, links, tables), else plain text.
    pub fn sniff(text: &str) -> Format {
        let head: String = text
            .chars()
            .take(4096)
            .collect::<String>()
            .to_ascii_lowercase();
        let start = head.trim_start();
        if start.starts_with("<!doctype html")
            || start.starts_with("<html")
            || (start.starts_with('<') && (head.contains("<body") || head.contains("<p")))
        {
            return Format::Html;
        }
        let mut signals = 0;
        for line in text.lines().take(400) {
            let l = line.trim_start();
            let hashes = l.chars().take_while(|&c| c == '#').count();
            if (1..=6).contains(&hashes) && l[hashes..].starts_with(' ') {
                signals += 2;
            }
            if l.starts_with("**")
                || l.contains("](")
                || l.starts_with("|---")
                || l.starts_with("| ---")
            {
                signals += 1;
            }
        }
        if signals >= 2 {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// What the caller knows about the input.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub id: String,
    pub version: String,
    /// BCP 47 tag; detected from the text when `None`.
    pub language: Option<String>,
    /// A description of the source, e.g. the file name (its extension chooses the format
    /// when `format` is `Auto`).
    pub source: String,
    pub format: Format,
    /// An encoding label (`gb18030`, `gbk`, `big5`, `utf-16le`); detected when `None`.
    pub encoding: Option<String>,
    /// The title, when the caller knows it better than the document.
    pub title: Option<String>,
}

/// An imported version and what the importer wants a person to know about it.
#[derive(Debug, Clone)]
pub struct Imported {
    pub version: PolicyVersion,
    pub format: Format,
    pub encoding: String,
    pub warnings: Vec<Warning>,
}

/// Imports bytes of plain text, Markdown or HTML.
pub fn import(bytes: &[u8], opts: &ImportOptions) -> Result<PolicyVersion, ImportError> {
    import_document(bytes, opts).map(|i| i.version)
}

/// Imports bytes, with the format, the encoding and the warnings.
pub fn import_document(bytes: &[u8], opts: &ImportOptions) -> Result<Imported, ImportError> {
    let named = match opts.format {
        Format::Auto => Format::from_name(&opts.source),
        f => f,
    };
    let maybe_html = matches!(named, Format::Html | Format::Auto);
    let decoded = decode_with(bytes, opts.encoding.as_deref(), maybe_html)?;
    let format = match named {
        Format::Auto => Format::sniff(&decoded.text),
        f => f,
    };
    let mut warnings = decoded.warnings;
    let version = build(&decoded.text, format, opts, &mut warnings);
    // Markup with no text in it (`<p></p>`, `**`) imports nothing.
    if version.all_sections().iter().all(|s| {
        s.title().trim().is_empty() && s.blocks.iter().all(|b| b.plain().trim().is_empty())
    }) {
        return Err(ImportError::Empty);
    }
    Ok(Imported {
        version,
        format,
        encoding: decoded.encoding,
        warnings,
    })
}

/// Imports decoded text; the format comes from `opts`, else from the content.
pub fn import_text(text: &str, opts: &ImportOptions) -> PolicyVersion {
    let format = match opts.format {
        Format::Auto => match Format::from_name(&opts.source) {
            Format::Auto => Format::sniff(text),
            f => f,
        },
        f => f,
    };
    build(text, format, opts, &mut Vec::new())
}

fn build(
    text: &str,
    format: Format,
    opts: &ImportOptions,
    warnings: &mut Vec<Warning>,
) -> PolicyVersion {
    // Page breaks (form feeds) matter to plain text only, where page furniture sits at them.
    let text = match format {
        Format::Markdown | Format::Html => text.replace('\u{c}', "\n"),
        _ => pages::strip(text, warnings),
    };
    let (nodes, page_title) = read(&text, format);
    let before = nodes.len();
    let nodes = contents::fold(nodes);
    if nodes.len() < before {
        warnings.push(Warning {
            line: None,
            message:
                "a table of contents was found: it is kept as one contents block, not as sections"
                    .into(),
        });
    }
    let title = title::choose(opts.title.as_deref(), page_title.as_deref(), &nodes);
    // A document with no title-like text at all is named after its file.
    let title = if title.is_empty() {
        untitled(&opts.source)
    } else {
        title
    };
    let sections = tree::build(nodes);
    let language = opts.language.clone().unwrap_or_else(|| {
        let body: String = sections.iter().map(crate::text::section_text).collect();
        detect_language(if format == Format::Html { &body } else { &text })
    });
    let mut v = PolicyVersion {
        schema: None,
        id: opts.id.clone(),
        version: opts.version.clone(),
        title,
        language,
        controller: None,
        operator: None,
        products: Vec::new(),
        dates: StatedDates::default(),
        source: opts.source.clone(),
        completeness: Vec::new(),
        sections,
        facets: Facets::default(),
    };
    crate::extract::suggest(&mut v);
    v
}

fn read(text: &str, format: Format) -> (Vec<rich::Node>, Option<String>) {
    match format {
        #[cfg(feature = "formats")]
        Format::Markdown => (markdown::read(text), None),
        #[cfg(feature = "formats")]
        Format::Html => {
            let page = html::read(text);
            (page.nodes, page.title)
        }
        _ => (lines::read(text), None),
    }
}

/// The name of a document without a title: its file name without the extension.
fn untitled(source: &str) -> String {
    let name = source.rsplit(['/', '\\']).next().unwrap_or(source);
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s).trim();
    if stem.is_empty() {
        "Untitled".into()
    } else {
        stem.to_string()
    }
}

/// `zh-CN` when at least a fifth of the letters are CJK (`zh-Hant` when they are mostly
/// traditional characters), else `en`.
pub fn detect_language(text: &str) -> String {
    let (mut cjk, mut letters) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_cjk_letter(c) {
            cjk += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters > 0 && cjk * 5 >= letters {
        // Taiwan's and Hong Kong's policies are in traditional characters.
        let count = |set: &str| {
            text.chars()
                .take(20_000)
                .filter(|c| set.contains(*c))
                .count()
        };
        if count(TRADITIONAL) > 2 * count(SIMPLIFIED) + 2 {
            "zh-Hant".into()
        } else {
            "zh-CN".into()
        }
    } else {
        "en".into()
    }
}

/// Common characters of policies whose forms differ between traditional and simplified
/// Chinese, in the same order in both sets.
const TRADITIONAL: &str = "們個與為這說資訊隱權據應對關請聯絡時錄網頁號碼電話處務從機會產開發導擊戶帳體實過讓並將屬護險識該類條規則協議經營銷蹤跡";
const SIMPLIFIED: &str = "们个与为这说资讯隐权据应对关请联络时录网页号码电话处务从机会产开发导击户帐体实过让并将属护险识该类条规则协议经营销踪迹";
