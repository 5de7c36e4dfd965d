//! Plain text to the neutral form: one node per line (a hard-wrapped paragraph's lines joined
//! into one), with pipe and tab tables gathered. Every line lands in a node, so no text is lost.

use super::rich::{Node, Rich};
use crate::model::TableLayout;
use crate::numbering::{bullet, numbered};
use crate::text::is_cjk_letter;

/// Reads plain text line by line.
pub fn read(text: &str) -> Vec<Node> {
    let lines = unwrap(text.lines().map(str::trim).collect());
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.is_empty() {
            out.push(Node::Blank);
            i += 1;
        } else if is_pipe_row(line) {
            let mut rows: Vec<Vec<String>> = Vec::new();
            let mut header = false;
            while i < lines.len() && is_pipe_row(lines[i]) {
                let l = lines[i];
                // Only a separator the text layer writes back (`|---|---|`, one per header
                // cell) is dropped; any other stays a row, so no text is lost.
                if rows.len() == 1 && is_separator(l) && is_plain_separator(l, rows[0].len()) {
                    header = true;
                } else {
                    rows.push(pipe_cells(l));
                }
                i += 1;
            }
            out.push(Node::Table {
                header,
                layout: TableLayout::Pipe,
                rows,
            });
        } else if line.contains('\t') && bullet(line).is_none() {
            let width = line.split('\t').count();
            let start = i;
            while i < lines.len()
                && lines[i].contains('\t')
                && bullet(lines[i]).is_none()
                && !is_pipe_row(lines[i])
                && lines[i].split('\t').count() == width
            {
                i += 1;
            }
            if i - start >= 2 {
                let rows = lines[start..i]
                    .iter()
                    .map(|l| l.split('\t').map(|c| c.trim().to_string()).collect())
                    .collect();
                out.push(Node::Table {
                    header: false,
                    layout: TableLayout::Tabs,
                    rows,
                });
            } else {
                out.push(Node::Line(Rich::plain(line)));
                i = start + 1;
            }
        } else {
            out.push(Node::Line(Rich::plain(line)));
            i += 1;
        }
    }
    out
}

/// Hard-wrapped text (a text export or an e-mail at 72 columns) has its paragraphs' lines
/// joined again, so that a sentence is not cut across two paragraphs. Only in a text whose lines
/// that run on into another mostly end near one width (see [`wrap_width`]), and only where a
/// sentence runs on: the line does not end one, the next line's first word would not have fit
/// on it (a line with room left was broken on purpose), and the next line does not start an
/// item or a table row. Nothing is dropped: a word broken with a hyphen keeps it (`ser-vices`);
/// Chinese lines join without a space.
fn unwrap(lines: Vec<&str>) -> Vec<String> {
    let Some(width) = wrap_width(&lines) else {
        return lines.into_iter().map(str::to_string).collect();
    };
    let mut out: Vec<String> = Vec::with_capacity(lines.len());
    let mut last_width = 0; // of the last line joined into out's last entry
    let mut prev_plain = false;
    for line in lines {
        let joins = prev_plain
            && plain(line)
            && last_width + 1 + columns(first_word(line)) > width
            && numbered(line).is_none()
            && bullet(line).is_none();
        let ends_sentence = |l: &str| l.ends_with(SENTENCE_ENDS);
        match out.last_mut() {
            Some(prev) if joins && !ends_sentence(prev) => {
                let cjk =
                    prev.chars().last().is_some_and(wide) && line.chars().next().is_some_and(wide);
                let hyphen = prev.ends_with('-')
                    && prev[..prev.len() - 1]
                        .chars()
                        .last()
                        .is_some_and(char::is_alphabetic)
                    && line.chars().next().is_some_and(char::is_lowercase);
                if !(cjk || hyphen) {
                    prev.push(' ');
                }
                prev.push_str(line);
            }
            _ => out.push(line.to_string()),
        }
        last_width = columns(line);
        prev_plain = plain(line);
    }
    out
}

const SENTENCE_ENDS: &[char] = &[
    '.', '!', '?', ';', ':', '。', '！', '？', '；', '：', '」', '”', '"',
];

/// The width a text is wrapped at, when it is hard-wrapped: of the lines followed by another
/// (not blank, not a table row), at least four and three in five end within 70% of the widest
/// nine in ten, and that width is between 50 and 160 columns (a line-per-paragraph text has
/// lines of every length, mostly much longer).
fn wrap_width(lines: &[&str]) -> Option<usize> {
    let mut widths: Vec<usize> = lines
        .windows(2)
        .filter(|w| plain(w[0]) && plain(w[1]))
        .map(|w| columns(w[0]))
        .collect();
    if widths.len() < 4 {
        return None;
    }
    widths.sort_unstable();
    let width = widths[(widths.len() * 9) / 10 - usize::from(widths.len() % 10 == 0)];
    let near = widths.iter().filter(|&&w| w * 10 >= width * 7).count();
    ((50..=160).contains(&width) && near >= 4 && near * 5 >= widths.len() * 3).then_some(width)
}

/// A line of running text: not blank, not a table row.
fn plain(line: &str) -> bool {
    !line.is_empty() && !is_pipe_row(line) && !line.contains('\t')
}

fn first_word(line: &str) -> &str {
    if line.chars().next().is_some_and(wide) {
        return &line[..line.chars().next().map_or(0, char::len_utf8)];
    }
    line.split_whitespace().next().unwrap_or("")
}

/// Chinese, Japanese and Korean letters and full-width punctuation: two columns wide.
fn wide(c: char) -> bool {
    is_cjk_letter(c) || matches!(c, '\u{3000}'..='\u{303f}' | '\u{ff00}'..='\u{ffef}')
}

fn columns(s: &str) -> usize {
    s.chars().map(|c| if wide(c) { 2 } else { 1 }).sum()
}

fn is_pipe_row(line: &str) -> bool {
    line.starts_with('|') && line.ends_with('|') && line.len() >= 2
}

/// The cells of a pipe row; one pipe off each end, so `|||` is two empty cells, not none.
pub fn pipe_cells(line: &str) -> Vec<String> {
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

/// Whether a separator line is exactly what [`crate::model::Block::lines`] writes for `cells`
/// header cells, apart from whitespace.
fn is_plain_separator(line: &str, cells: usize) -> bool {
    crate::text::squash(line) == format!("|{}|", vec!["---"; cells].join("|"))
}
