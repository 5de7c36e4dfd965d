//! Import of plain text or Markdown into a [`PolicyVersion`]: section structure from Chinese and
//! English numbering, lists, simple tables, and machine-suggested contacts and dates.
//!
//! The importer never drops text: every input line lands in a heading, a paragraph, a list
//! item or a table cell, so `text` of the result gives the input back apart from whitespace.

use std::fmt;

use crate::entities::{emails, parse_date, phones};
use crate::model::*;
use crate::text::is_cjk_letter as is_cjk;

/// Why an input could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ImportError {
    /// The input has no text.
    Empty,
    /// The input is larger than [`MAX_INPUT_BYTES`].
    TooLarge { bytes: usize },
    /// The input is not UTF-8; `offset` is the first bad byte.
    NotUtf8 { offset: usize },
    /// The input contains NUL or other control bytes typical of binary files.
    Binary { offset: usize },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => write!(f, "the input is empty: there is no text to import"),
            ImportError::TooLarge { bytes } => write!(
                f,
                "the input is {bytes} bytes, more than the limit of {MAX_INPUT_BYTES} bytes"
            ),
            ImportError::NotUtf8 { offset } => write!(
                f,
                "the input is not UTF-8 text: invalid byte at offset {offset}"
            ),
            ImportError::Binary { offset } => write!(
                f,
                "the input looks like binary data: control byte at offset {offset}"
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Largest input accepted, in bytes.
pub const MAX_INPUT_BYTES: usize = 16 * 1024 * 1024;

/// What the caller knows about the input.
#[derive(Debug, Clone)]
pub struct ImportOptions {
    pub id: String,
    pub version: String,
    /// BCP 47 tag; detected from the text when `None`.
    pub language: Option<String>,
    /// A description of the source, e.g. the file name.
    pub source: String,
}

/// Decodes bytes as UTF-8 text, accepting a BOM and CRLF line endings.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    if bytes.len() > MAX_INPUT_BYTES {
        return Err(ImportError::TooLarge { bytes: bytes.len() });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ImportError::NotUtf8 {
        offset: e.valid_up_to(),
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if let Some((offset, _)) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
    {
        return Err(ImportError::Binary { offset });
    }
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Imports bytes of plain text or Markdown.
pub fn import(bytes: &[u8], opts: &ImportOptions) -> Result<PolicyVersion, ImportError> {
    let text = decode(bytes)?;
    Ok(import_text(&text, opts))
}

/// Imports decoded text.
pub fn import_text(text: &str, opts: &ImportOptions) -> PolicyVersion {
    let lines: Vec<&str> = text.lines().map(|l| l.trim()).collect();
    let title = lines
        .iter()
        .find(|l| !l.is_empty())
        .map(|l| l.trim_start_matches('#').trim().to_string())
        .unwrap_or_default();
    let language = opts
        .language
        .clone()
        .unwrap_or_else(|| detect_language(text));
    let sections = build_sections(&lines);
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
    suggest(&mut v);
    v
}

/// `zh-CN` when at least a fifth of the letters are CJK, else `en`.
pub fn detect_language(text: &str) -> String {
    let (mut cjk, mut letters) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_cjk(c) {
            cjk += 1;
            letters += 1;
        } else if c.is_alphabetic() {
            letters += 1;
        }
    }
    if letters > 0 && cjk * 5 >= letters {
        "zh-CN".into()
    } else {
        "en".into()
    }
}

/// A numbering style; headings of the same style sit at the same level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Markdown(u8),
    Part,
    CnNumeral,
    CnParen,
    Roman,
    NumDun,
    NumDot,
    NumDotted,
    NumParen,
    Alpha,
}

/// A line that starts with a numbering label.
struct Numbered<'a> {
    style: Style,
    label: &'a str,
    rest: &'a str,
}

const CN_DIGITS: &str = "一二三四五六七八九十百零〇";

fn numbered(line: &str) -> Option<Numbered<'_>> {
    let make = |style, end: usize| {
        let (label, rest) = line.split_at(end);
        Some(Numbered {
            style,
            label: label.trim_end(),
            rest: rest.trim_start(),
        })
    };
    if let Some(rest) = line.strip_prefix('#') {
        let hashes = 1 + rest.chars().take_while(|&c| c == '#').count();
        let after = &line[hashes..];
        if hashes <= 6 && after.starts_with(' ') {
            // The hashes are kept as the label so the text layer can give the input back.
            return Some(Numbered {
                style: Style::Markdown(hashes as u8),
                label: &line[..hashes],
                rest: after.trim(),
            });
        }
        return None;
    }
    let chars: Vec<(usize, char)> = line.char_indices().take(16).collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let end_of = |i: usize| chars.get(i).map_or(line.len(), |&(b, _)| b);
    // Part I / PART 2 / Chapter 3
    for word in ["Part ", "PART ", "Chapter ", "CHAPTER "] {
        if let Some(rest) = line.strip_prefix(word) {
            let n = rest
                .chars()
                .take_while(|c| c.is_ascii_digit() || "IVXLC".contains(*c))
                .count();
            if n > 0 {
                let end = word.len() + n;
                let tail = &line[end..];
                if tail.is_empty() || tail.starts_with([' ', ':', '.', '：']) {
                    let end = end
                        + if tail.starts_with(['.', ':']) {
                            1
                        } else if tail.starts_with('：') {
                            3
                        } else {
                            0
                        };
                    return make(Style::Part, end);
                }
            }
        }
    }
    // 第一部分 / 第二章
    if at(0) == Some('第') {
        let n = chars[1..]
            .iter()
            .take_while(|(_, c)| CN_DIGITS.contains(*c) || c.is_ascii_digit())
            .count();
        if n > 0 && matches!(at(1 + n), Some('部' | '章' | '节' | '條' | '条')) {
            let mut e = 2 + n;
            if at(1 + n) == Some('部') && at(2 + n) == Some('分') {
                e += 1;
            }
            return make(Style::Part, end_of(e));
        }
    }
    // 一、
    let n = chars
        .iter()
        .take_while(|(_, c)| CN_DIGITS.contains(*c))
        .count();
    if n > 0 && at(n) == Some('、') {
        return make(Style::CnNumeral, end_of(n + 1));
    }
    // (一) （一） (1) （1）
    if matches!(at(0), Some('(' | '（')) {
        let inner: Vec<char> = chars[1..]
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| *c != ')' && *c != '）')
            .collect();
        let close = 1 + inner.len();
        if !inner.is_empty() && inner.len() <= 4 && matches!(at(close), Some(')' | '）')) {
            if inner.iter().all(|c| CN_DIGITS.contains(*c)) {
                return make(Style::CnParen, end_of(close + 1));
            }
            if inner.iter().all(char::is_ascii_digit) {
                return make(Style::NumParen, end_of(close + 1));
            }
        }
    }
    // 1、 1. 1.1 1)
    let d = chars.iter().take_while(|(_, c)| c.is_ascii_digit()).count();
    if d > 0 && d <= 3 {
        match at(d) {
            Some('、') => return make(Style::NumDun, end_of(d + 1)),
            Some('.') | Some('．') => {
                // 1.1 or 1.1.2
                let mut i = d + 1;
                let mut dotted = false;
                while at(i).is_some_and(|c| c.is_ascii_digit()) {
                    dotted = true;
                    while at(i).is_some_and(|c| c.is_ascii_digit()) {
                        i += 1;
                    }
                    if at(i) == Some('.') && at(i + 1).is_some_and(|c| c.is_ascii_digit()) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                if dotted {
                    if at(i) == Some('.') {
                        i += 1;
                    }
                    if at(i).is_none_or(|c| c == ' ' || !c.is_ascii_alphanumeric()) {
                        return make(Style::NumDotted, end_of(i));
                    }
                    return None;
                }
                if at(d + 1).is_none_or(|c| !c.is_ascii_digit()) {
                    return make(Style::NumDot, end_of(d + 1));
                }
            }
            Some(')') => return make(Style::NumParen, end_of(d + 1)),
            _ => {}
        }
    }
    // I. II. IV.
    let r = chars
        .iter()
        .take_while(|(_, c)| "IVXLC".contains(*c))
        .count();
    if r > 0 && r <= 5 && at(r) == Some('.') && at(r + 1) == Some(' ') {
        return make(Style::Roman, end_of(r + 1));
    }
    // a) a.
    if at(0).is_some_and(|c| c.is_ascii_lowercase())
        && matches!(at(1), Some(')'))
        && at(2) == Some(' ')
    {
        return make(Style::Alpha, end_of(2));
    }
    None
}

fn bullet(line: &str) -> Option<(&str, &str)> {
    for b in ["- ", "* ", "• ", "· ", "● ", "▪ "] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some((b.trim_end(), rest.trim_start()));
        }
    }
    for b in ['•', '●', '▪', '◆', '■'] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some((&line[..b.len_utf8()], rest.trim_start()));
        }
    }
    None
}

/// Whether a numbered line reads like a heading rather than a list sentence.
fn is_heading(n: &Numbered<'_>) -> bool {
    if matches!(n.style, Style::Markdown(_) | Style::Part) {
        return true;
    }
    let rest = n.rest;
    if rest.is_empty() {
        return false;
    }
    let len = rest.chars().count();
    let cjk = rest.chars().filter(|&c| is_cjk(c)).count();
    let limit = if cjk * 2 > len { 40 } else { 100 };
    let ends_sentence = rest
        .chars()
        .last()
        .is_some_and(|c| "。；;，,！!？?.、".contains(c));
    len <= limit && !ends_sentence
}

enum Line<'a> {
    Blank,
    Heading(Style, &'a str, &'a str),
    Item(Option<&'a str>, &'a str),
    Pipe(&'a str),
    Tabs(&'a str),
    Text(&'a str),
}

fn classify(line: &str) -> Line<'_> {
    if line.is_empty() {
        return Line::Blank;
    }
    if line.starts_with('|') && line.ends_with('|') && line.len() >= 2 {
        return Line::Pipe(line);
    }
    if let Some(n) = numbered(line) {
        if is_heading(&n) {
            return Line::Heading(n.style, n.label, n.rest);
        }
        if !n.rest.is_empty() && !matches!(n.style, Style::Markdown(_)) {
            return Line::Item(Some(n.label), n.rest);
        }
    }
    if let Some((b, rest)) = bullet(line) {
        return Line::Item(Some(b), rest);
    }
    if line.contains('\t') {
        return Line::Tabs(line);
    }
    Line::Text(line)
}

fn pipe_cells(line: &str) -> Vec<String> {
    // One pipe off each end: `|||` is two empty cells, not none.
    let line = line.trim();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

fn is_separator(line: &str) -> bool {
    let cells = pipe_cells(line);
    !cells.is_empty()
        && cells
            .iter()
            .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Whether a separator line is exactly what [`Block::lines`] writes for `cells` header cells,
/// apart from whitespace.
fn is_plain_separator(line: &str, cells: usize) -> bool {
    crate::text::squash(line) == format!("|{}|", vec!["---"; cells].join("|"))
}

/// Sections under construction: a flat list with levels, turned into a tree at the end.
struct Flat {
    level: usize,
    label: Option<String>,
    heading: Option<String>,
    blocks: Vec<Block>,
}

fn build_sections(lines: &[&str]) -> Vec<Section> {
    let mut flat: Vec<Flat> = vec![Flat {
        level: 0,
        label: None,
        heading: None,
        blocks: Vec::new(),
    }];
    let mut styles: Vec<Style> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match classify(lines[i]) {
            Line::Blank => i += 1,
            Line::Heading(style, label, rest) => {
                let level = heading_level(&mut styles, style);
                flat.push(Flat {
                    level,
                    label: (!label.is_empty()).then(|| label.to_string()),
                    heading: (!rest.is_empty()).then(|| rest.to_string()),
                    blocks: Vec::new(),
                });
                i += 1;
            }
            Line::Item(..) => {
                let mut items = Vec::new();
                while i < lines.len() {
                    match classify(lines[i]) {
                        Line::Item(label, text) => {
                            items.push(ListItem {
                                label: label.map(str::to_string),
                                text: text.to_string(),
                            });
                            i += 1;
                        }
                        // A blank line between items keeps the list going.
                        Line::Blank
                            if i + 1 < lines.len()
                                && matches!(classify(lines[i + 1]), Line::Item(..)) =>
                        {
                            i += 1
                        }
                        _ => break,
                    }
                }
                push_block(&mut flat, Block::List { items });
            }
            Line::Pipe(_) => {
                let mut rows: Vec<Vec<String>> = Vec::new();
                let mut header = false;
                while i < lines.len() {
                    if let Line::Pipe(l) = classify(lines[i]) {
                        // Only a separator the text layer writes back (`|---|---|`, one
                        // per header cell) is dropped; any other stays a row, so no text is lost.
                        if rows.len() == 1
                            && is_separator(l)
                            && is_plain_separator(l, rows[0].len())
                        {
                            header = true;
                        } else {
                            rows.push(pipe_cells(l));
                        }
                        i += 1;
                    } else {
                        break;
                    }
                }
                push_block(
                    &mut flat,
                    Block::Table {
                        header,
                        layout: TableLayout::Pipe,
                        rows,
                    },
                );
            }
            Line::Tabs(first) => {
                let width = first.split('\t').count();
                let mut rows = Vec::new();
                while i < lines.len() {
                    match classify(lines[i]) {
                        Line::Tabs(l) if l.split('\t').count() == width => {
                            rows.push(l.split('\t').map(|c| c.trim().to_string()).collect());
                            i += 1;
                        }
                        _ => break,
                    }
                }
                if rows.len() >= 2 {
                    push_block(
                        &mut flat,
                        Block::Table {
                            header: false,
                            layout: TableLayout::Tabs,
                            rows,
                        },
                    );
                } else {
                    push_block(
                        &mut flat,
                        Block::Paragraph {
                            text: first.to_string(),
                        },
                    );
                }
            }
            Line::Text(t) => {
                push_block(
                    &mut flat,
                    Block::Paragraph {
                        text: t.to_string(),
                    },
                );
                i += 1;
            }
        }
    }
    if flat[0].blocks.is_empty() && flat.len() > 1 {
        flat.remove(0);
    }
    into_tree(flat)
}

/// Fixed rank of the styles whose place in the hierarchy is conventional (Markdown levels,
/// parts, `一、`/`I.`, `（一）`); numeric styles (`1.`, `1、`, `(1)`, `a)`) rank below them and
/// nest in the order they first appear, because policies use them both ways round.
fn fixed_rank(style: Style) -> Option<i32> {
    match style {
        Style::Markdown(n) => Some(i32::from(n) - 10),
        Style::Part => Some(0),
        Style::CnNumeral | Style::Roman => Some(1),
        Style::CnParen => Some(2),
        _ => None,
    }
}

/// Updates the stack of open heading styles for a new heading and returns its level (1-based).
fn heading_level(styles: &mut Vec<Style>, style: Style) -> usize {
    match fixed_rank(style) {
        Some(r) => {
            while styles
                .last()
                .is_some_and(|s| fixed_rank(*s).is_none_or(|t| t >= r))
            {
                styles.pop();
            }
        }
        None => {
            if let Some(k) = styles.iter().position(|s| *s == style) {
                styles.truncate(k);
            }
        }
    }
    styles.push(style);
    styles.len()
}

fn push_block(flat: &mut [Flat], b: Block) {
    if let Some(last) = flat.last_mut() {
        last.blocks.push(b);
    }
}

/// Turns the flat list into a tree with ids from the numbering path (`s1`, `s1-2`, ...).
fn into_tree(flat: Vec<Flat>) -> Vec<Section> {
    // Iterative: a stack of open sections, closed into their parent as levels drop.
    let mut roots: Vec<Section> = Vec::new();
    let mut open: Vec<(usize, Section)> = Vec::new();
    let mut counters: Vec<usize> = Vec::new();
    fn close(open: &mut Vec<(usize, Section)>, roots: &mut Vec<Section>) {
        if let Some((_, s)) = open.pop() {
            match open.last_mut() {
                Some((_, parent)) => parent.sections.push(s),
                None => roots.push(s),
            }
        }
    }
    for f in flat {
        if f.level == 0 {
            roots.push(Section {
                id: "preamble".into(),
                label: None,
                heading: None,
                blocks: f.blocks,
                sections: Vec::new(),
            });
            continue;
        }
        while open.last().is_some_and(|(l, _)| *l >= f.level) {
            close(&mut open, &mut roots);
        }
        let depth = open.len();
        counters.truncate(depth + 1);
        while counters.len() < depth + 1 {
            counters.push(0);
        }
        counters[depth] += 1;
        let id = format!(
            "s{}",
            counters
                .iter()
                .map(usize::to_string)
                .collect::<Vec<_>>()
                .join("-")
        );
        open.push((
            f.level,
            Section {
                id,
                label: f.label,
                heading: f.heading,
                blocks: f.blocks,
                sections: Vec::new(),
            },
        ));
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

/// Machine suggestions: e-mail addresses and phone numbers as contacts, and stated dates.
fn suggest(v: &mut PolicyVersion) {
    let mut contacts = Vec::new();
    let mut dates = StatedDates::default();
    for s in v.all_sections() {
        let mut lines: Vec<String> = s.blocks.iter().flat_map(Block::lines).collect();
        if let Some(h) = &s.heading {
            lines.push(h.clone());
        }
        for line in lines {
            for email in emails(&line).into_iter().map(|r| line[r].to_string()) {
                if !contacts.iter().any(|c: &Contact| c.value == email) {
                    contacts.push(Contact {
                        kind: ContactKind::Email,
                        value: email.clone(),
                        source: Provenance {
                            section: s.id.clone(),
                            quote: email,
                        },
                        suggested: true,
                    });
                }
            }
            for phone in phones(&line).into_iter().map(|r| line[r].to_string()) {
                if !contacts.iter().any(|c: &Contact| c.value == phone) {
                    contacts.push(Contact {
                        kind: ContactKind::Phone,
                        value: phone.clone(),
                        source: Provenance {
                            section: s.id.clone(),
                            quote: phone,
                        },
                        suggested: true,
                    });
                }
            }
            let lower = line.to_lowercase();
            let slot = if lower.contains("updat") || line.contains("更新") {
                Some(&mut dates.updated)
            } else if lower.contains("effective") || line.contains("生效") {
                Some(&mut dates.effective)
            } else if lower.contains("release") || line.contains("发布") {
                Some(&mut dates.released)
            } else {
                None
            };
            if let Some(slot) = slot {
                if slot.is_none() && line.chars().count() < 80 {
                    if let Some(date) = parse_date(&line) {
                        *slot = Some(StatedDate {
                            date,
                            source: Provenance {
                                section: s.id.clone(),
                                quote: line.clone(),
                            },
                        });
                    }
                }
            }
        }
    }
    if !contacts.is_empty() {
        v.facets.contacts = Facet {
            status: Coverage::NotReviewed,
            items: contacts,
            note: Some("machine suggestions from the importer: review them".into()),
        };
    }
    v.dates = dates;
}

/// Splits a side-by-side comparison listing (rows of `N left N right`, as on policy-tracking
/// sites) into the left and right texts. Lines before the first row are ignored.
pub fn split_side_by_side(text: &str) -> Option<(String, String)> {
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut started = false;
    for line in text.lines() {
        let line = line.trim_end_matches('\r');
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || !line[digits..].starts_with(' ') && line.len() != digits {
            if started {
                // A row can only be followed by another row.
                return None;
            }
            continue;
        }
        let n = &line[..digits];
        let expected = left.len() + 1;
        if n.parse::<usize>().ok() != Some(expected) {
            if started {
                return None;
            }
            continue;
        }
        started = true;
        let rest = line[digits..].strip_prefix(' ').unwrap_or("");
        let (l, r) = split_row(rest, n)?;
        left.push(l);
        right.push(r);
    }
    if !started {
        return None;
    }
    Some((left.join("\n") + "\n", right.join("\n") + "\n"))
}

/// Splits `left N right` at the occurrence of ` N ` that best separates the two sides: the
/// one where both sides are equal, else the one nearest the middle.
fn split_row(rest: &str, n: &str) -> Option<(String, String)> {
    if rest == n {
        return Some((String::new(), String::new()));
    }
    if let Some(r) = rest.strip_prefix(&format!("{n} ")) {
        if r.trim().is_empty() || !rest[..0].is_empty() {
            return Some((String::new(), r.to_string()));
        }
    }
    let pat = format!(" {n}");
    let mut candidates = Vec::new();
    let mut from = 0;
    while let Some(i) = rest[from..].find(&pat) {
        let at = from + i;
        let after = &rest[at + pat.len()..];
        if after.is_empty() || after.starts_with(' ') {
            candidates.push((
                rest[..at].to_string(),
                after.strip_prefix(' ').unwrap_or(after).to_string(),
            ));
        }
        from = at + 1;
    }
    if let Some(c) = candidates.iter().find(|(l, r)| l == r) {
        return Some(c.clone());
    }
    let mid = rest.len() / 2;
    candidates
        .into_iter()
        .min_by_key(|(l, _)| l.len().abs_diff(mid))
        .or_else(|| {
            rest.strip_prefix(&format!("{n} "))
                .map(|r| (String::new(), r.to_string()))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{full_text, squash};
    use proptest::prelude::*;

    fn opts() -> ImportOptions {
        ImportOptions {
            id: "t".into(),
            version: "2025-01-01".into(),
            language: None,
            source: "test".into(),
        }
    }

    fn outline(v: &PolicyVersion) -> Vec<String> {
        v.all_sections()
            .iter()
            .map(|s| format!("{} {}", s.id, s.title()))
            .collect()
    }

    #[test]
    fn chinese_numbering_nests() {
        let text = "某某隐私政策\n更新日期：2025年05月19日\n一、我们如何收集信息\n（一）基本功能\n1、账号注册\n您需要提供手机号码。\n（二）扩展功能\n二、联系我们\n邮箱：privacy@example.com\n电话：400-003-6036\n";
        let v = import_text(text, &opts());
        assert_eq!(v.language, "zh-CN");
        assert_eq!(
            outline(&v),
            [
                "preamble ",
                "s1 一、我们如何收集信息",
                "s1-1 （一）基本功能",
                "s1-1-1 1、账号注册",
                "s1-2 （二）扩展功能",
                "s2 二、联系我们"
            ]
        );
        assert_eq!(v.dates.updated.as_ref().unwrap().date, "2025-05-19");
        let values: Vec<&str> = v
            .facets
            .contacts
            .items
            .iter()
            .map(|c| c.value.as_str())
            .collect();
        assert_eq!(values, ["privacy@example.com", "400-003-6036"]);
        assert!(v.facets.contacts.items.iter().all(|c| c.suggested));
        assert_eq!(squash(&full_text(&v)), squash(text));
    }

    #[test]
    fn conventional_levels_close_numeric_ones() {
        let text = "概要\n1.为提供服务收集的个人信息\n正文。\n一、我们如何收集\n（一）基本功能\n1.账号\n（1）手机号\n二、联系我们\n";
        let v = import_text(text, &opts());
        assert_eq!(
            outline(&v),
            [
                "preamble ",
                "s1 1. 为提供服务收集的个人信息",
                "s2 一、我们如何收集",
                "s2-1 （一）基本功能",
                "s2-1-1 1. 账号",
                "s2-1-1-1 （1）手机号",
                "s3 二、联系我们"
            ]
        );
    }

    #[test]
    fn markdown_and_english_numbering() {
        let text = "# Privacy Policy\n\nUpdated: March 31, 2022\n\n## 1. What we collect\n\n- your name\n- your email\n\n## 2. Sharing\n\n| Partner | Purpose |\n|---|---|\n| Maps SDK | navigation |\n\n(1) We share data with affiliates only when needed;\n(2) We never sell data.\n";
        let v = import_text(text, &opts());
        assert_eq!(v.language, "en");
        assert_eq!(
            outline(&v),
            [
                "s1 # Privacy Policy",
                "s1-1 ## 1. What we collect",
                "s1-2 ## 2. Sharing"
            ]
        );
        let sharing = v.find_section("s1-2").unwrap();
        assert!(
            matches!(&sharing.blocks[0], Block::Table { header: true, rows, .. } if rows.len() == 2)
        );
        assert!(matches!(&sharing.blocks[1], Block::List { items } if items.len() == 2));
        assert_eq!(v.dates.updated.as_ref().unwrap().date, "2022-03-31");
        assert_eq!(squash(&full_text(&v)), squash(text));
    }

    #[test]
    fn bad_input_is_refused_with_a_reason() {
        assert_eq!(import(b"", &opts()).unwrap_err(), ImportError::Empty);
        assert_eq!(import(b"  \n\n", &opts()).unwrap_err(), ImportError::Empty);
        assert!(matches!(
            import(b"ab\xff\xfe", &opts()),
            Err(ImportError::NotUtf8 { offset: 2 })
        ));
        assert!(matches!(
            import(b"PK\x03\x04\x00\x00", &opts()),
            Err(ImportError::Binary { .. })
        ));
        let big = vec![b'a'; MAX_INPUT_BYTES + 1];
        assert!(import(&big, &opts())
            .unwrap_err()
            .to_string()
            .contains("more than the limit"));
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let v = import(
            "\u{feff}Title\r\n\r\n1. Scope\r\nText.\r\n".as_bytes(),
            &opts(),
        )
        .unwrap();
        assert_eq!(v.title, "Title");
        assert_eq!(outline(&v), ["preamble ", "s1 1. Scope"]);
    }

    #[test]
    fn ten_megabytes_and_ten_thousand_headings_import() {
        let mut text = String::new();
        for i in 0..10_000 {
            text.push_str(&"#".repeat(1 + i % 6));
            text.push_str(&format!(" Heading {i}\n"));
        }
        let v = import_text(&text, &opts());
        assert_eq!(v.all_sections().len(), 10_000);
        assert!(crate::validate::validate("x", &v).is_empty());
        let para = "We collect your name and email to run the service. ".repeat(40) + "\n\n";
        let big = para.repeat(10 * 1024 * 1024 / para.len());
        let v = import(big.as_bytes(), &opts()).unwrap();
        assert_eq!(squash(&full_text(&v)).len(), squash(&big).len());
    }

    #[test]
    fn side_by_side_rows_split_into_both_versions() {
        let page = "chrome\n上一个版本\n1 标题 1 标题\n2 2\n3 由甲公司运营。 3 由乙公司运营。\n4 共 3 项 4 共 3 项\n";
        let (l, r) = split_side_by_side(page).unwrap();
        assert_eq!(l, "标题\n\n由甲公司运营。\n共 3 项\n");
        assert_eq!(r, "标题\n\n由乙公司运营。\n共 3 项\n");
    }

    #[test]
    fn dates_as_written() {
        assert_eq!(
            parse_date("更新日期：2025年05月19日").as_deref(),
            Some("2025-05-19")
        );
        assert_eq!(
            parse_date("Updated: September 15, 2022").as_deref(),
            Some("2022-09-15")
        );
        assert_eq!(
            parse_date("Latest updated date: 11/2023").as_deref(),
            Some("2023-11")
        );
        assert_eq!(parse_date("no date"), None);
    }

    fn line_strategy() -> impl Strategy<Value = String> {
        prop_oneof![
            "[a-zA-Z ,.]{1,60}",
            "[一-龥，。]{1,30}",
            "[0-9]{1,2}\\. [A-Za-z ]{1,30}",
            "[一二三四]、[一-龥]{1,10}",
            "（[1-9]）[一-龥]{1,20}。?",
            "- [a-z ]{1,20}",
            "#{1,4} [A-Za-z ]{1,20}",
            "\\| [a-z]{1,5} \\| [a-z]{1,5} \\|",
            Just(String::new()),
        ]
    }

    proptest! {
        #[test]
        fn import_then_text_round_trips(lines in proptest::collection::vec(line_strategy(), 1..60)) {
            let text = lines.join("\n");
            prop_assume!(!text.trim().is_empty());
            let v = import_text(&text, &opts());
            prop_assert_eq!(squash(&full_text(&v)), squash(&text));
            prop_assert!(crate::validate::validate("gen", &v).iter().all(|p| !p.message.contains("duplicate")));
        }
    }
}
