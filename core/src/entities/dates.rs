//! Dates as policies write them: `2025年05月19日`, `二〇二四年六月十八日`, `民國113年5月1日`,
//! `March 31, 2022`, `3 March 2024`, `15.01.2024`, `01/15/2024`, and ranges such as `2019-2020`
//! that a phone finder must not take for a number.

/// Whether `s` is written like a date or a date range: `2020-05-19`, `2022-03`, `2019-2020`.
pub fn looks_like_date(s: &str) -> bool {
    let parts: Vec<&str> = s
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let year = |p: &str| p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    match parts.as_slice() {
        [y, m, ..] if year(y) && m.len() <= 2 => true,
        [a, b] if year(a) && year(b) => true,
        [.., m, y] if year(y) && m.len() <= 2 => true,
        _ => false,
    }
}

/// Parses dates as policies write them: `2025年05月19日`, `二〇二四年六月十八日`, `民國113年5月1日`,
/// `March 31, 2022`, `3 March 2024`, `11/2023`, `2022-03-31`, `15.01.2024`, `01/15/2024`.
/// Returns `YYYY-MM-DD` or `YYYY-MM`. A numeric date whose day and month could be either way
/// round (`03/04/2024`) is not read: a wrong date is worse than none.
pub fn parse_date(s: &str) -> Option<String> {
    let chinese = chinese_numerals(s);
    let s = chinese.as_deref().unwrap_or(s);
    let mut nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty() && p.len() <= 4)
        .filter_map(|p| p.parse().ok())
        .collect();
    // The Republic of China's calendar counts from 1912: 民國113年 is 2024.
    if s.contains("民國") || s.contains("民国") {
        if let Some(y) = nums.first_mut().filter(|y| (1..200).contains(*y)) {
            *y += 1911;
        }
    }
    let lower = s.to_lowercase();
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let month_word = MONTHS.iter().position(|m| {
        lower
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 3 && w.starts_with(m))
    });
    let year = |y: &u32| (1990..=2100).contains(y);
    let out = if let Some(m) = month_word {
        match nums.as_slice() {
            [d, y, ..] if year(y) => format!("{y:04}-{:02}-{d:02}", m + 1),
            [y, ..] if year(y) => format!("{y:04}-{:02}", m + 1),
            _ => return None,
        }
    } else {
        let i = nums.iter().position(year)?;
        let y = nums[i];
        if let [m, d, ..] = nums[i + 1..] {
            format!("{y:04}-{m:02}-{d:02}")
        } else if i >= 2 {
            let (a, b) = (nums[i - 2], nums[i - 1]);
            // The separator of the date's own token: "15.01.2024" and "15-01-2024" put the
            // day first; "01/15/2024" is read only when the day shows which it is.
            let token = s
                .split_whitespace()
                .find(|t| {
                    t.contains(&y.to_string())
                        && t.chars().filter(|c| !c.is_ascii_digit()).count() >= 2
                })
                .unwrap_or("");
            let slash = token.contains('/');
            let (m, d) = if !slash || a > 12 {
                (b, a)
            } else if b > 12 || a == b {
                (a, b)
            } else {
                return None;
            };
            format!("{y:04}-{m:02}-{d:02}")
        } else if i == 1 {
            format!("{y:04}-{:02}", nums[0])
        } else {
            return None;
        }
    };
    crate::validate::is_date(&out).then_some(out)
}

/// A date written in Chinese numerals with its digits: "二〇二四年六月十八日" → "2024年6月18日".
fn chinese_numerals(s: &str) -> Option<String> {
    const DIGITS: &str = "〇一二三四五六七八九";
    let digit = |c: char| {
        DIGITS
            .chars()
            .position(|d| d == c)
            .or((c == '零').then_some(0))
    };
    if !s.contains('年') || !s.chars().any(|c| digit(c).is_some() || c == '十') {
        return None;
    }
    let mut out = String::new();
    let mut run: Vec<char> = Vec::new();
    let flush = |run: &mut Vec<char>, out: &mut String| {
        if run.is_empty() {
            return;
        }
        // "十八" 18, "二十五" 25, "十" 10; a year is digit by digit.
        let value = if let Some(t) = run.iter().position(|&c| c == '十') {
            let tens = if t == 0 {
                1
            } else {
                run[..t].iter().filter_map(|&c| digit(c)).sum()
            };
            let ones: usize = run[t + 1..].iter().filter_map(|&c| digit(c)).sum();
            (tens * 10 + ones).to_string()
        } else {
            run.iter()
                .filter_map(|&c| digit(c))
                .map(|d| d.to_string())
                .collect()
        };
        out.push_str(&value);
        run.clear();
    };
    for c in s.chars() {
        if digit(c).is_some() || c == '十' {
            run.push(c);
        } else {
            flush(&mut run, &mut out);
            out.push(c);
        }
    }
    flush(&mut run, &mut out);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_recognised() {
        assert!(looks_like_date("2020-05-19"));
        assert!(looks_like_date("2019-2020"));
        assert!(!looks_like_date("400-800-6699"));
        assert_eq!(
            parse_date("更新日期：2025年05月19日").as_deref(),
            Some("2025-05-19")
        );
        for (text, date) in [
            ("Last revised: 03/03/2024", Some("2024-03-03")),
            ("Effective: 01/15/2024", Some("2024-01-15")),
            ("Effective: 15/01/2024", Some("2024-01-15")),
            ("Updated: 03.04.2024", Some("2024-04-03")),
            ("Version 4.2 — last modified 2024-03-03", Some("2024-03-03")),
            ("Date of last revision: 3 March 2024", Some("2024-03-03")),
            ("Effective as of March 3, 2024", Some("2024-03-03")),
            ("最後修訂日期：民國113年5月1日", Some("2024-05-01")),
            ("更新日期：二〇二四年六月十八日", Some("2024-06-18")),
            ("生效日期：二〇二三年十二月一日", Some("2023-12-01")),
            ("Last updated: November 2023", Some("2023-11")),
            ("Updated 11/2023", Some("2023-11")),
            // Day and month either way round: not read.
            ("Updated 03/04/2024", None),
            ("Version 4.2", None),
        ] {
            assert_eq!(parse_date(text).as_deref(), date, "{text}");
        }
    }
}
