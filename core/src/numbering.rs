//! Numbering labels as policies write them (`一、`, `（二）`, `1.`, `1.2`, `(3)`, `Part I`,
//! `第一部分`, `A.`, `a)`, full-width `１．`) and bullets, and whether a numbered line reads as a
//! heading or as a list sentence.

use crate::text::is_cjk_letter as is_cjk;

/// A numbering style; headings of the same style sit at the same level.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Markdown(u8),
    /// `Part I`, `第一部分`
    Part,
    /// `Chapter 2`, `第二章`
    Chapter,
    /// `Article 5`, `Section 3`, `第三节`, `第五条`: inside chapters.
    Article,
    CnNumeral,
    CnParen,
    Roman,
    NumDun,
    NumDot,
    NumDotted,
    NumParen,
    /// `a)`, `a.`, `a、`
    Alpha,
    /// `A.`, `A、`, `A)`
    UpperAlpha,
    /// An unnumbered line set in bold (Markdown `**…**`, HTML `<strong>`).
    Bold,
    /// A short unnumbered line standing alone before body text.
    Plain,
}

/// ASCII or full-width digit.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('０'..='９').contains(&c)
}

/// A line that starts with a numbering label.
pub struct Numbered<'a> {
    pub style: Style,
    pub label: &'a str,
    pub rest: &'a str,
}

const CN_DIGITS: &str = "一二三四五六七八九十百零〇";

pub fn numbered(line: &str) -> Option<Numbered<'_>> {
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
    for word in [
        "Part ", "PART ", "Chapter ", "CHAPTER ", "Article ", "ARTICLE ", "Section ", "SECTION ",
    ] {
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
                    let style = match word.trim_end().to_ascii_lowercase().as_str() {
                        "part" => Style::Part,
                        "chapter" => Style::Chapter,
                        _ => Style::Article,
                    };
                    return make(style, end);
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
            let style = match at(1 + n) {
                Some('部') => Style::Part,
                Some('章') => Style::Chapter,
                _ => Style::Article,
            };
            return make(style, end_of(e));
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
    // (一) （一） (1) （1） 【一】 [1]
    if matches!(at(0), Some('(' | '（' | '【' | '[')) {
        let inner: Vec<char> = chars[1..]
            .iter()
            .map(|&(_, c)| c)
            .take_while(|c| !matches!(c, ')' | '）' | '】' | ']'))
            .collect();
        let close = 1 + inner.len();
        if !inner.is_empty()
            && inner.len() <= 4
            && matches!(at(close), Some(')' | '）' | '】' | ']'))
        {
            if inner.iter().all(|c| CN_DIGITS.contains(*c)) {
                return make(Style::CnParen, end_of(close + 1));
            }
            if inner.iter().all(|c| is_digit(*c)) {
                return make(Style::NumParen, end_of(close + 1));
            }
        }
    }
    // 1、 1. 1.1 1)
    let d = chars.iter().take_while(|(_, c)| is_digit(*c)).count();
    if d > 0 && d <= 3 {
        match at(d) {
            Some('、') => return make(Style::NumDun, end_of(d + 1)),
            Some('.') | Some('．') => {
                // 1.1 or 1.1.2
                let mut i = d + 1;
                let mut dotted = false;
                while at(i).is_some_and(is_digit) {
                    dotted = true;
                    while at(i).is_some_and(is_digit) {
                        i += 1;
                    }
                    if matches!(at(i), Some('.' | '．')) && at(i + 1).is_some_and(is_digit) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                if dotted {
                    if matches!(at(i), Some('.' | '．')) {
                        i += 1;
                    }
                    if at(i).is_none_or(|c| c == ' ' || !c.is_ascii_alphanumeric()) {
                        return make(Style::NumDotted, end_of(i));
                    }
                    return None;
                }
                if at(d + 1).is_none_or(|c| !is_digit(c)) {
                    return make(Style::NumDot, end_of(d + 1));
                }
            }
            Some(')' | '）') => return make(Style::NumParen, end_of(d + 1)),
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
    // a) a. a、 and A. A、 A): one letter, then a space or CJK text after `.`/`)`.
    if let (Some(c), Some(p)) = (at(0), at(1)) {
        let spaced = at(2).is_some_and(|n| n == ' ' || is_cjk(n));
        let marked = p == '、' || (matches!(p, ')' | '）' | '.' | '．') && spaced);
        if c.is_ascii_alphabetic() && marked && at(2).is_some() {
            let style = if c.is_ascii_lowercase() {
                Style::Alpha
            } else {
                Style::UpperAlpha
            };
            return make(style, end_of(2));
        }
    }
    None
}

pub fn bullet(line: &str) -> Option<(&str, &str)> {
    for b in ["- ", "* ", "• ", "· ", "● ", "▪ "] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some((b.trim_end(), rest.trim_start()));
        }
    }
    // The Symbol and Wingdings bullets of text copied out of PDFs and Word (U+F0B7, U+F0A7)
    // are private-use characters, kept as written.
    for b in [
        '•', '●', '▪', '◆', '■', '◦', '○', '➢', '►', '\u{f0b7}', '\u{f0a7}',
    ] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some((&line[..b.len_utf8()], rest.trim_start()));
        }
    }
    // Word's second-level "o" and other markers before a tab.
    for b in ["o\t", "-\t", "*\t", "·\t"] {
        if let Some(rest) = line.strip_prefix(b) {
            return Some((&line[..1], rest.trim_start()));
        }
    }
    None
}

/// Whether a numbered line reads like a heading rather than a list sentence.
pub fn is_heading(n: &Numbered<'_>) -> bool {
    if matches!(
        n.style,
        Style::Markdown(_) | Style::Part | Style::Chapter | Style::Article
    ) {
        return true;
    }
    // Chapter numbering (`I.`, `一、`) may close its heading with a full stop.
    let chapter = matches!(n.style, Style::Roman | Style::CnNumeral);
    let one_stop = n
        .rest
        .strip_suffix(['.', '。'])
        .filter(|r| !r.contains(['.', '。', ';', '；']));
    reads_as_heading(n.rest) || (chapter && one_stop.is_some_and(reads_as_heading))
}

/// The text after a leading numbering label (`1.`, `(2)`, `（三）`, `一、`, `IV.`, `a)`,
/// `Part II`, `第三条`), or the line itself when it has none. Markdown `#` markers are not
/// numbering.
pub fn strip_numbering(line: &str) -> &str {
    match numbered(line.trim_start()) {
        Some(n) if !matches!(n.style, Style::Markdown(_)) => n.rest,
        _ => line,
    }
}

/// Whether text is short and does not end like a sentence: what a heading looks like. A
/// question is a heading too ("What information do we collect?", as Termly and FAQ-style
/// policies write them); Chinese text with a clause break inside (`，`, `；`, `。`) is a
/// sentence; `label：value` with an address or a number after the colon is a line of data.
pub fn reads_as_heading(rest: &str) -> bool {
    if rest.is_empty() {
        return false;
    }
    let len = rest.chars().count();
    let cjk = rest.chars().filter(|&c| is_cjk(c)).count();
    let chinese = cjk * 2 > len;
    let limit = if chinese { 40 } else { 100 };
    let last = rest.chars().last().unwrap_or(' ');
    let question = matches!(last, '?' | '？')
        && !rest[..rest.len() - last.len_utf8()].contains(['?', '？', '!', '！', '。'])
        && !rest.contains(". ");
    let ends_sentence = "。；;，,！!？?.、".contains(last) && !question;
    let body = rest.trim_end_matches(['：', ':', '？', '?']);
    let clause_inside = chinese && body.contains(['，', '；', '。']);
    // "电子邮件：privacy@…", "邮寄地址：浙江省杭州市…": a field and its value. "附录一：第三方SDK目录"
    // names a part.
    let value = rest.split_once(['：', ':']).is_some_and(|(label, v)| {
        let v = v.trim();
        v.contains('@')
            || v.contains("http")
            || v.chars().filter(char::is_ascii_digit).count() >= 5
            || (chinese && v.chars().count() >= 6 && !label.contains(['附', '第']))
    });
    len <= limit && !ends_sentence && !clause_inside && !value
}

/// Fixed rank of the styles whose place in the hierarchy is conventional (Markdown levels,
/// parts, chapters, articles, `一、`/`I.`, `（一）`); numeric styles (`1.`, `1、`, `(1)`, `a)`) rank below them and
/// nest in the order they first appear, because policies use them both ways round.
fn fixed_rank(style: Style) -> Option<i32> {
    match style {
        Style::Markdown(n) => Some(i32::from(n) - 10),
        Style::Part => Some(0),
        Style::Chapter => Some(1),
        Style::Article => Some(2),
        Style::CnNumeral | Style::Roman => Some(3),
        Style::CnParen => Some(4),
        // Bold and plain headings, letters and numbers nest in the order they first appear.
        _ => None,
    }
}

/// Updates the stack of open heading styles for a new heading and returns its level (1-based).
pub fn heading_level(styles: &mut Vec<Style>, style: Style) -> usize {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn style(line: &str) -> Option<(Style, &str)> {
        numbered(line).map(|n| (n.style, n.label))
    }

    #[test]
    fn full_width_and_letter_numbering() {
        assert_eq!(style("１．适用范围"), Some((Style::NumDot, "１．")));
        assert_eq!(style("（１）姓名"), Some((Style::NumParen, "（１）")));
        assert_eq!(style("1）姓名"), Some((Style::NumParen, "1）")));
        assert_eq!(
            style("A. Information we collect"),
            Some((Style::UpperAlpha, "A."))
        );
        assert_eq!(style("B、共享"), Some((Style::UpperAlpha, "B、")));
        assert_eq!(style("a. device data"), Some((Style::Alpha, "a.")));
        assert_eq!(style("第二部分 隐私政策"), Some((Style::Part, "第二部分")));
        assert_eq!(style("第二章 共享"), Some((Style::Chapter, "第二章")));
        assert_eq!(style("第十条 联系我们"), Some((Style::Article, "第十条")));
        assert_eq!(
            style("Section 3: Sharing"),
            Some((Style::Article, "Section 3:"))
        );
        assert_eq!(style("e.g. this"), None);
        assert_eq!(style("I. Scope"), Some((Style::Roman, "I.")));
    }

    #[test]
    fn headings_are_short_and_do_not_end_a_sentence() {
        assert!(reads_as_heading("我们如何收集和使用您的个人信息"));
        assert!(!reads_as_heading("我们会收集您的手机号码。"));
        assert!(!reads_as_heading(""));
    }
}
