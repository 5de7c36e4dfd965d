//! Plain text to the neutral form: one node per line, with pipe and tab tables gathered.
//! Every line lands in a node, so no text is lost.

use super::rich::{Node, Rich};
use crate::model::TableLayout;

/// Reads plain text line by line.
pub fn read(text: &str) -> Vec<Node> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
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
        } else if line.contains('\t') {
            let width = line.split('\t').count();
            let start = i;
            while i < lines.len()
                && lines[i].contains('\t')
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
