//! The diff as Markdown (for a pull-request comment) and as plain text (for a terminal).

use std::fmt::Write as _;

use super::inline::changed_ranges;
use super::quote::excerpt_pieces;
use super::types::{Change, ChangeKind, Class, Criterion, Diff, MajorBasis, UnitKind};

pub(super) fn path_str<T: AsRef<str>>(p: &[T]) -> String {
    if p.is_empty() {
        "(preamble)".into()
    } else {
        let parts: Vec<&str> = p.iter().map(AsRef::as_ref).collect();
        parts.join(" › ")
    }
}

fn md_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str(" / "),
            _ => out.push(c),
        }
    }
    out
}

/// A quote of one side of a change, changed pieces marked.
fn render_quote(
    d: &Diff,
    c: &Change,
    new_side: bool,
    mark: &dyn Fn(&str) -> String,
    esc: &dyn Fn(&str) -> String,
) -> Option<String> {
    let op = c.op.map(|k| &d.ops[k]);
    let Some(op) = op else {
        return (if new_side { &c.new_quote } else { &c.old_quote })
            .as_deref()
            .map(esc);
    };
    let r = if new_side {
        op.new.as_ref()
    } else {
        op.old.as_ref()
    }?;
    let (ro, rn) = changed_ranges(op);
    let whole = op.is_whole();
    let pieces = excerpt_pieces(&r.text, if new_side { &rn } else { &ro }, whole);
    Some(
        pieces
            .iter()
            .map(|(t, changed)| if *changed { mark(t) } else { esc(t) })
            .collect(),
    )
}

fn kind_word(k: ChangeKind) -> &'static str {
    match k {
        ChangeKind::Added => "added",
        ChangeKind::Removed => "removed",
        ChangeKind::Modified => "modified",
        ChangeKind::Moved => "moved",
        ChangeKind::Formatting => "formatting",
    }
}

fn class_word(c: &Class) -> &'static str {
    if c.major {
        "major"
    } else if c.is_editorial() {
        "editorial"
    } else {
        "substantive"
    }
}

fn verdict_line(d: &Diff) -> String {
    let v = &d.verdict;
    let n = d.changes.len() - v.formatting;
    let head = if n == 0 && v.formatting > 0 {
        "Formatting changes only".to_string()
    } else if n == 0 {
        "No changes".to_string()
    } else if v.needs_notice {
        "Major change: users must be notified".to_string()
    } else if v.substantive > 0 {
        "Changes of substance, none on the major-change list".to_string()
    } else {
        "Editorial changes only".to_string()
    };
    let mut s = format!(
        "{head}. {n} change{}: {} major, {} other substantive, {} editorial.",
        if n == 1 { "" } else { "s" },
        v.major,
        v.substantive,
        v.editorial
    );
    if v.formatting > 0 {
        let _ = write!(
            s,
            " Also {} formatting-only change{} (bold, emphasis, links or spacing; same text).",
            v.formatting,
            if v.formatting == 1 { "" } else { "s" }
        );
    }
    if !v.criteria.is_empty() {
        let names: Vec<&str> = v.criteria.iter().map(|c| c.name()).collect();
        let _ = write!(s, " Criteria hit: {}.", names.join(", "));
    }
    s
}

/// Where the formatting-only changes are, one line: they are counted, not listed in full.
fn formatting_line(d: &Diff) -> Option<String> {
    let at: Vec<String> = d
        .changes
        .iter()
        .filter(|c| c.kind == ChangeKind::Formatting)
        .map(|c| format!("{} {}", c.id, location(d, c)))
        .collect();
    (!at.is_empty()).then(|| format!("Formatting-only changes: {}.", at.join("; ")))
}

fn basis_line(d: &Diff) -> String {
    let names: Vec<&str> = d.verdict.major_criteria.iter().map(|c| c.name()).collect();
    match d.verdict.basis {
        MajorBasis::Policy => format!(
            "Major-change criteria from the policy's own statements: {}.",
            names.join(", ")
        ),
        MajorBasis::GbT35273 => format!(
            "Major-change criteria from GB/T 35273-2020 (the policy states none of its own): {}.",
            names.join(", ")
        ),
    }
}

fn counts_line(d: &Diff) -> String {
    let c = d.counts;
    format!(
        "Units (headings and blocks): {} modified, {} added, {} deleted, {} moved, {} unchanged.",
        c.modified, c.added, c.deleted, c.moved, c.unchanged
    )
}

fn location(d: &Diff, c: &Change) -> String {
    let mut s = path_str(&c.section_path);
    if let Some(op) = c.op.map(|k| &d.ops[k]) {
        if let Some(n) = op.new.as_ref().or(op.old.as_ref()).and_then(|r| r.number) {
            let _ = write!(s, " (block {n})");
        } else if op
            .new
            .as_ref()
            .or(op.old.as_ref())
            .is_some_and(|r| r.kind == UnitKind::Heading)
        {
            s.push_str(" (heading)");
        }
    }
    s
}

fn why(c: &Change, md: bool) -> String {
    let name = |k: Criterion| {
        if md {
            format!("`{}`", k.name())
        } else {
            k.name().to_string()
        }
    };
    let esc = |t: &str| if md { md_escape(t) } else { t.to_string() };
    let mut s = c
        .class
        .criteria
        .iter()
        .map(|&k| format!("{}: {}", name(k), k.explain()))
        .collect::<Vec<_>>()
        .join("; ");
    if !c.class.reasons.is_empty() && !c.class.is_editorial() {
        let _ = write!(s, ". Evidence: {}", esc(&c.class.reasons.join("; ")));
    }
    s
}

const BUDGET_NOTE: &str = "The comparison reached its work budget: some modified blocks are shown without word-level detail, or as deleted and added.";

/// Markdown for a pull-request comment.
pub fn to_markdown(d: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "### Policy diff: `{}` {} → {}\n",
        d.policy, d.old_version, d.new_version
    );
    let _ = writeln!(s, "**{}**\n", verdict_line(d));
    let _ = writeln!(s, "{}  \n{}\n", counts_line(d), basis_line(d));
    if !d.flags.is_empty() || d.budget_exhausted {
        let _ = writeln!(s, "**Flags**\n");
        for f in &d.flags {
            let _ = writeln!(s, "- ⚠️ {}", md_escape(&f.message));
        }
        if d.budget_exhausted {
            let _ = writeln!(s, "- ⚠️ {BUDGET_NOTE}");
        }
        s.push('\n');
    }
    if d.changes.is_empty() {
        return s;
    }
    let _ = writeln!(s, "**Changes**\n");
    let esc = |t: &str| md_escape(t);
    let del = |t: &str| wrap_md(t, "~~", "<del>", "</del>");
    let ins = |t: &str| wrap_md(t, "**", "<ins>", "</ins>");
    let content = d
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Formatting);
    for (n, c) in content.enumerate() {
        let _ = writeln!(
            s,
            "{}. **{} · {} · {}** · {}",
            n + 1,
            c.id,
            kind_word(c.kind),
            class_word(&c.class),
            md_escape(&location(d, c))
        );
        if let Some(q) = render_quote(d, c, false, &del, &esc) {
            let _ = writeln!(s, "   - old: {q}");
        }
        if let Some(q) = render_quote(d, c, true, &ins, &esc) {
            let _ = writeln!(s, "   - new: {q}");
        }
        if !c.facets.is_empty() {
            let _ = writeln!(s, "   - facets: {}", facet_names(c));
        }
        let _ = writeln!(s, "   - why it matters: {}", why(c, true));
    }
    if let Some(line) = formatting_line(d) {
        let _ = writeln!(s, "\n_{}_", md_escape(&line));
    }
    s
}

/// Makes a whitespace-only change visible.
fn visible(t: &str) -> String {
    if t.trim().is_empty() {
        t.chars()
            .map(|c| if c == '\n' { '⏎' } else { '·' })
            .collect()
    } else {
        t.to_string()
    }
}

fn wrap_md(t: &str, delim: &str, open: &str, close: &str) -> String {
    let t = &visible(t);
    let e = md_escape(t);
    let flanking = t.chars().next().is_some_and(char::is_alphanumeric)
        && t.chars().last().is_some_and(char::is_alphanumeric);
    if flanking {
        format!("{delim}{e}{delim}")
    } else {
        format!("{open}{e}{close}")
    }
}

/// Plain text for a terminal: deletions as `[-…-]`, insertions as `{+…+}`.
pub fn to_text(d: &Diff) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "Policy diff: {} {} -> {}",
        d.policy, d.old_version, d.new_version
    );
    let _ = writeln!(s, "{}", verdict_line(d));
    let _ = writeln!(s, "{}", counts_line(d));
    let _ = writeln!(s, "{}", basis_line(d));
    for f in &d.flags {
        let _ = writeln!(s, "FLAG: {}", f.message);
    }
    if d.budget_exhausted {
        let _ = writeln!(s, "NOTE: {BUDGET_NOTE}");
    }
    let plain = |t: &str| t.replace('\n', " / ");
    let del = |t: &str| format!("[-{}-]", plain(&visible(t)));
    let ins = |t: &str| format!("{{+{}+}}", plain(&visible(t)));
    for c in d
        .changes
        .iter()
        .filter(|c| c.kind != ChangeKind::Formatting)
    {
        let _ = writeln!(
            s,
            "\n{} {} ({}) in {}",
            c.id,
            kind_word(c.kind),
            class_word(&c.class),
            location(d, c)
        );
        if let Some(q) = render_quote(d, c, false, &del, &plain) {
            let _ = writeln!(s, "  old: {q}");
        }
        if let Some(q) = render_quote(d, c, true, &ins, &plain) {
            let _ = writeln!(s, "  new: {q}");
        }
        if !c.facets.is_empty() {
            let _ = writeln!(s, "  facets: {}", facet_names(c));
        }
        let _ = writeln!(s, "  why: {}", why(c, false));
    }
    if let Some(line) = formatting_line(d) {
        let _ = writeln!(s, "\n{line}");
    }
    s
}

/// The names of the subjects a change's facet changes are about, comma-separated.
fn facet_names(c: &Change) -> String {
    c.facets
        .iter()
        .map(|f| f.name())
        .collect::<Vec<_>>()
        .join(", ")
}
