//! Page furniture of text taken out of a PDF or a printed page: the running header and footer
//! that `pdftotext` writes on every page ("ORBIS TRAVEL GROUP PLC", "Statement (v4.2)   3") and
//! page numbers ("Page 3 of 12", "- 3 -", "第 3 页 共 12 页"). Left in, they cut sentences at every
//! page break and turn into sections of their own. They are dropped, with a warning that counts
//! them and quotes the first; a running header's first appearance stays, since on the first page
//! it is the document's own heading. Without form feeds (`\f`, a page break) only lines that say
//! they are page numbers, or a repeated line that ends in a page number after a wide gap, count.

use super::error::Warning;
use crate::text::collapse;

/// Plain text without its page furniture; form feeds become line breaks.
pub fn strip(text: &str, warnings: &mut Vec<Warning>) -> String {
    let lines: Vec<Line> = split(text);
    let pages = lines.last().map_or(0, |l| l.page) + 1;
    let drop = furniture(&lines, pages);
    if drop.iter().all(|d| !d) {
        return text.replace('\u{c}', "\n");
    }
    let first = lines.iter().zip(&drop).find(|(_, d)| **d).map(|(l, _)| l);
    let mut out: Vec<&str> = Vec::with_capacity(lines.len());
    let mut k = 0;
    while k < lines.len() {
        if !drop[k] {
            // A page break with nothing dropped at it: the sentence meets again, or a
            // paragraph ends there.
            if lines[k].page_start && !out.is_empty() {
                while out.last().is_some_and(|l| l.trim().is_empty()) {
                    out.pop();
                }
                let before = out.last().map_or("", |l| l.trim_end());
                if !lines[k].text.trim().is_empty() && !runs_on(before, lines[k].text.trim_start())
                {
                    out.push("");
                }
            }
            out.push(lines[k].text);
            k += 1;
            continue;
        }
        // A run of furniture and the blank lines around it: where a sentence runs on across
        // it, its two halves meet again on adjacent lines; elsewhere one blank line stays.
        while out.last().is_some_and(|l| l.trim().is_empty()) {
            out.pop();
        }
        while k < lines.len() && (drop[k] || lines[k].text.trim().is_empty()) {
            k += 1;
        }
        let before = out.last().map(|l| l.trim_end());
        let after = lines.get(k).map(|l| l.text.trim_start());
        let runs_on = match (before, after) {
            (Some(b), Some(a)) => runs_on(b, a),
            _ => false,
        };
        if !runs_on && before.is_some() && after.is_some() {
            out.push("");
        }
    }
    let n = drop.iter().filter(|d| **d).count();
    if let Some(l) = first {
        warnings.push(Warning {
            line: Some(l.number),
            message: format!(
                "{n} page header, footer or page-number line{} dropped, the first “{}”",
                if n == 1 { "" } else { "s" },
                collapse(l.text)
            ),
        });
    }
    // A form feed inside a line (not at its start) is a line break, as without furniture.
    let mut s = out.join("\n").replace('\u{c}', "\n");
    if text.ends_with('\n') {
        s.push('\n');
    }
    s
}

struct Line<'a> {
    /// Without its form feeds.
    text: &'a str,
    page: usize,
    /// Whether a form feed opens it.
    page_start: bool,
    /// In the file, from 1 (a form feed starts a page, not a line).
    number: usize,
}

fn split(text: &str) -> Vec<Line<'_>> {
    let mut page = 0;
    text.strip_suffix('\n')
        .unwrap_or(text)
        .split('\n')
        .enumerate()
        .map(|(i, raw)| {
            page += raw.matches('\u{c}').count();
            // pdftotext puts the form feed before the next page's first line.
            let text = raw.trim_start_matches('\u{c}');
            Line {
                text: if text.contains('\u{c}') { raw } else { text },
                page,
                page_start: raw.starts_with('\u{c}'),
                number: i + 1,
            }
        })
        .collect()
}

/// Which lines are furniture.
fn furniture(lines: &[Line], pages: usize) -> Vec<bool> {
    let mut drop = vec![false; lines.len()];
    let key = |l: &Line| -> String { collapse(l.text).replace(|c: char| c.is_ascii_digit(), "#") };
    if pages >= 2 {
        // The first and last three lines with text of each page.
        let mut edges: Vec<usize> = Vec::new();
        for p in 0..pages {
            let on_page: Vec<usize> = (0..lines.len())
                .filter(|&i| lines[i].page == p && !lines[i].text.trim().is_empty())
                .collect();
            let n = on_page.len();
            for (j, &i) in on_page.iter().enumerate() {
                if j < 3 || j + 3 >= n {
                    edges.push(i);
                }
            }
        }
        // A line at the edge of at least two pages (and of most, in a longer document).
        let mut counts: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for &i in &edges {
            let k = key(&lines[i]);
            if k.chars().count() <= 100 {
                counts.entry(k).or_default().push(i);
            }
        }
        let need = 2.max(pages / 3);
        for found in counts.values() {
            let mut on: Vec<usize> = found.iter().map(|&i| lines[i].page).collect();
            on.dedup();
            if on.len() < need {
                continue;
            }
            // Its first appearance stays when it is the same text every time (a header), not
            // a numbered footer.
            let same = found
                .iter()
                .all(|&i| collapse(lines[i].text) == collapse(lines[found[0]].text));
            let skip = usize::from(same && lines[found[0]].page == 0);
            for &i in &found[skip..] {
                drop[i] = true;
            }
        }
        for &i in &edges {
            if is_page_number(lines[i].text, true) {
                drop[i] = true;
            }
        }
    } else {
        for (i, l) in lines.iter().enumerate() {
            if is_page_number(l.text, false) {
                drop[i] = true;
            }
        }
        // "Orbis Travel Group — Privacy Statement (v4.2)        3" or "…    Page 1 of 3": one
        // text ending in a page number after a wide gap, twice when it says "page", else three
        // times.
        let mut counts: std::collections::HashMap<String, (Vec<usize>, bool)> = Default::default();
        for (i, l) in lines.iter().enumerate() {
            if let Some((head, says_page)) = numbered_footer(l.text) {
                let e = counts.entry(collapse(head)).or_default();
                e.0.push(i);
                e.1 |= says_page;
            }
        }
        for (found, says_page) in counts.values() {
            if found.len() >= if *says_page { 2 } else { 3 } {
                for &i in found {
                    drop[i] = true;
                }
            }
        }
        let near_dropped = |drop: &[bool], i: usize| {
            (i.saturating_sub(2)..(i + 3).min(lines.len())).any(|j| j != i && drop[j])
        };
        // A bare page number next to dropped furniture.
        for i in 0..lines.len() {
            if !drop[i] && is_page_number(lines[i].text, true) && near_dropped(&drop, i) {
                drop[i] = true;
            }
        }
        // A short line repeated at least three times right next to dropped page numbers.
        let mut repeated: std::collections::HashMap<String, Vec<usize>> = Default::default();
        for (i, l) in lines.iter().enumerate() {
            let t = collapse(l.text);
            if !t.is_empty() && t.chars().count() <= 60 && !drop[i] && near_dropped(&drop, i) {
                repeated.entry(t).or_default().push(i);
            }
        }
        for found in repeated.values().filter(|f| f.len() >= 3) {
            for &i in &found[1..] {
                drop[i] = true;
            }
        }
    }
    drop
}

/// "Page 3", "Page 3 of 12", "3 / 12", "- 3 -", "第 3 页", "第3页 共12页", and, at a page's
/// edge only, a bare "3".
fn is_page_number(line: &str, at_edge: bool) -> bool {
    let t = collapse(line).to_lowercase();
    if t.is_empty() {
        return false;
    }
    let digits = |s: &str| !s.is_empty() && s.len() <= 4 && s.bytes().all(|b| b.is_ascii_digit());
    let of = |s: &str| match s.split_once(" of ").or_else(|| s.split_once('/')) {
        Some((a, b)) => digits(a.trim()) && digits(b.trim()),
        None => digits(s),
    };
    if let Some(rest) = t.strip_prefix("page ") {
        return of(rest.trim());
    }
    if let Some(rest) = t.strip_prefix('第') {
        let rest: String = rest.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some((n, tail)) = rest.split_once('页') {
            let tail = tail.trim_start_matches([',', '，', '/']);
            let total = tail.is_empty()
                || tail
                    .strip_prefix('共')
                    .and_then(|t| t.strip_suffix('页'))
                    .is_some_and(digits);
            return digits(n) && total;
        }
        return false;
    }
    for dash in ['-', '–', '—'] {
        if let Some(inner) = t.strip_prefix(dash).and_then(|r| r.strip_suffix(dash)) {
            return digits(inner.trim());
        }
    }
    at_edge && (digits(&t) || (t.contains('/') && of(&t)) || (t.contains(" of ") && of(&t)))
}

/// The text of a footer that ends in a page number after a gap of at least three spaces or a
/// tab ("Orbis Travel Group — Privacy Statement (v4.2)        3", "Policy    Page 1 of 3"), and
/// whether the number says "page".
fn numbered_footer(line: &str) -> Option<(&str, bool)> {
    let t = line.trim();
    let gap = t
        .rmatch_indices("   ")
        .map(|(i, _)| i)
        .chain(t.rfind('\t'))
        .max()?;
    let head = t[..gap].trim();
    let tail = t[gap..].trim();
    let letters = head.chars().filter(|c| c.is_alphabetic()).count();
    let page = is_page_number(tail, true);
    let says_page = !tail.bytes().all(|b| b.is_ascii_digit());
    (page && letters >= 3 && head.chars().count() <= 100).then_some((head, says_page))
}

/// Whether a sentence runs on from `before` into `after` across a page break.
fn runs_on(before: &str, after: &str) -> bool {
    const ENDS: &[char] = &['.', '!', '?', ';', ':', '。', '！', '？', '；', '：'];
    if before.ends_with(ENDS) {
        return false;
    }
    let first = after.chars().next();
    first.is_some_and(|c| c.is_lowercase() || crate::text::is_cjk_letter(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stripped(text: &str) -> (String, Vec<Warning>) {
        let mut w = Vec::new();
        (strip(text, &mut w), w)
    }

    #[test]
    fn pdftotext_headers_and_footers_go_and_the_sentence_meets_again() {
        let text = "ACME TRAVEL PLC\nPRIVACY STATEMENT\n\n1. SCOPE\nThis statement applies to data we process about\n\nAcme Travel — Privacy Statement (v4.2)        1\n\u{c}ACME TRAVEL PLC\nyou when you book.\n\n2. DATA\nWe collect your name.\n\nAcme Travel — Privacy Statement (v4.2)        2\n\u{c}ACME TRAVEL PLC\n\n3. RIGHTS\nYou may ask for a copy.\n\nAcme Travel — Privacy Statement (v4.2)        3\n";
        let (out, w) = stripped(text);
        assert_eq!(
            out,
            "ACME TRAVEL PLC\nPRIVACY STATEMENT\n\n1. SCOPE\nThis statement applies to data we process about\nyou when you book.\n\n2. DATA\nWe collect your name.\n\n3. RIGHTS\nYou may ask for a copy.\n"
        );
        assert_eq!(
            w[0].to_string(),
            "line 7: 5 page header, footer or page-number lines dropped, the first “Acme Travel — Privacy Statement (v4.2) 1”"
        );
    }

    #[test]
    fn a_form_feed_inside_a_line_is_a_break() {
        let text = "Acme\nPage 1 of 2\n\u{c}Acme\nWe collect\u{c}your name.\nPage 2 of 2\n";
        let (out, w) = stripped(text);
        assert!(!out.contains('\u{c}'), "{out:?}");
        assert!(out.contains("We collect\nyour name."), "{out:?}");
        assert_eq!(w.len(), 1);
    }

    #[test]
    fn page_numbers_without_form_feeds() {
        let text = "Policy\nWe collect your name and\n\nPage 1 of 3\n\nemail address.\nWe share it with no one.\n\n- 2 -\n\nYou may ask us.\n第 3 页 共 3 页\n";
        let (out, w) = stripped(text);
        assert_eq!(
            out,
            "Policy\nWe collect your name and\nemail address.\nWe share it with no one.\n\nYou may ask us.\n"
        );
        assert_eq!(w.len(), 1);
        // A footer that ends in its page number, and a bare number printed near it.
        let text = "Acme Policy\nWe collect your name.\n\nAcme Policy    Page 1 of 2\n\nWe share it.\n\n2\n\nAcme Policy    Page 2 of 2\n\nContact us.\n";
        let (out, _) = stripped(text);
        assert_eq!(
            out,
            "Acme Policy\nWe collect your name.\n\nWe share it.\n\nContact us.\n"
        );
    }

    #[test]
    fn ordinary_text_is_left_alone() {
        for text in [
            // Numbered items, a bare number in the text, repeated short lines: no page breaks.
            "Policy\n1. Data\n2\nYes\nNo\nYes\nNo\nYes\nNo\nWe keep it for 3 years.\n",
            // Two pages whose edges differ.
            "Policy\nFirst page text.\n\u{c}Second page text.\nMore.\n",
            // A table of contents with page numbers is text.
            "Contents\n1. Scope      2\n2. Data       3\n3. Rights     4\n",
        ] {
            let (out, w) = stripped(text);
            assert_eq!(out, text.replace('\u{c}', "\n"), "{text}");
            assert!(w.is_empty());
        }
    }
}
