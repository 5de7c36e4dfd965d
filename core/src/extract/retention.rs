//! Retention: sentences that state how long data is kept or when it is deleted
//! (保存期限, 存储期限, 最短期限; "we retain … for …", "as long as necessary").

use super::{has_any, trim_punct, Doc, SUGGESTED};
use crate::model::Statement;

/// A retention sentence names keeping and a period or an end.
const KEEP: &[&str] = &[
    "保存期限",
    "存储期限",
    "保留期限",
    "保存",
    "保留",
    "留存",
    "存储",
    "retain",
    "retention",
    "keep your",
    "we keep",
    "kept",
    "stored for",
    "store your personal information",
];
const PERIOD: &[&str] = &[
    "期限",
    "最短",
    "届满",
    "删除或匿名",
    "匿名化处理",
    "for as long as",
    "as long as",
    "period",
    "years",
    "months",
    "days",
    "until",
    "no longer than",
    "necessary for",
    "time limit",
    "statutory",
    "法定",
    "anonymi",
    "delete",
];
/// Sentences about where data is kept belong to storage, not retention.
const WHERE: &[&str] = &[
    "境内",
    "境外",
    "存储于中国",
    "存储在中国",
    "存放在",
    "stored in",
    "located in",
];

/// A Chinese span of time: a number before 年, 个月, 月, 天, 日 or 周 ("3年", "六个月",
/// "180天"), not the 天 of 聊天记录 or the 年 of 未成年人.
fn counted_time(s: &str) -> bool {
    let number = |c: char| c.is_ascii_digit() || "一二三四五六七八九十百两半".contains(c);
    let chars: Vec<char> = s.chars().collect();
    chars.windows(2).enumerate().any(|(k, w)| match w[1] {
        '年' | '天' | '日' | '周' | '月' => {
            number(w[0]) || (w[1] == '月' && w[0] == '个' && k > 0 && number(chars[k - 1]))
        }
        _ => false,
    })
}

/// Longer sentences are cut to their keeping clause.
const MAX_CHARS: usize = 200;
/// What a retention sentence keeps: personal information, records of it, an account.
const KEPT_THINGS: &[&str] = &[
    "信息",
    "数据",
    "记录",
    "账号",
    "账户",
    "information",
    "data",
    "records",
    "recordings",
    "history",
    "logs",
    "account",
    "profile",
    "events",
    "tickets",
    "invoices",
    "messages",
    "photos",
    "videos",
    "files",
    "backups",
    "samples",
    "details",
    "content",
    "订单",
    "日志",
    "录音",
    "照片",
    "内容",
];
const DELETE: &[&str] = &["删除", "deleted", "erased", "destroyed"];
const WORKING_DAYS: &[&str] = &["工作日", "working day", "business day"];
const RIGHTS_PART: &[&str] = &["权利", "rights"];

/// Number words a period may be counted in ("three years").
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "eighteen", "twenty", "thirty", "sixty", "ninety",
];

/// Whether an English sentence counts a period: a number, in digits or words, before "year",
/// "month", "week" or "day" ("7 years", "three months").
fn counted_period(sentence: &str) -> bool {
    let lower = sentence.to_ascii_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    words.windows(2).any(|w| {
        let unit = [
            "year", "years", "month", "months", "week", "weeks", "day", "days",
        ];
        unit.contains(&w[1])
            && (w[0].bytes().all(|b| b.is_ascii_digit()) || NUMBER_WORDS.contains(&w[0]))
    })
}

/// Whether a Chinese sentence counts a period: a short number, in digits or numerals, before
/// 年, 个月, 周 or 天 ("五年后删除", "保存3年"). A year of a date (2024年3月) is not a period.
fn cn_counted_period(sentence: &str) -> bool {
    const NUMERALS: &str = "0123456789一二三四五六七八九十两";
    let chars: Vec<char> = sentence.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !NUMERALS.contains(chars[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && NUMERALS.contains(chars[i]) {
            i += 1;
        }
        let tail: String = chars[i..].iter().take(3).collect();
        let unit = ["年", "个月", "周", "天"]
            .iter()
            .find(|u| tail.starts_with(*u));
        let date =
            tail.starts_with('年') && chars.get(i + 1).is_some_and(|c| NUMERALS.contains(*c));
        if i - start <= 3 && unit.is_some() && !date {
            return true;
        }
    }
    false
}

pub(crate) fn find(doc: &Doc) -> Vec<Statement> {
    let mut out: Vec<Statement> = Vec::new();
    for (line, sentence) in doc.sentences() {
        // "Deleted 24 months after", "30天内删除": a deletion with a concrete duration, outside
        // the rights part (where a duration is the time to answer a request).
        // A time counted in working days is the time to answer a request, wherever it stands.
        let timed_deletion = has_any(sentence, DELETE)
            && (super::rights::duration(sentence).is_some()
                || counted_period(sentence)
                || cn_counted_period(sentence))
            && !has_any(doc.path(line), RIGHTS_PART)
            && !has_any(sentence, WORKING_DAYS);
        let keeps =
            has_any(sentence, KEEP) && (has_any(sentence, PERIOD) || counted_time(sentence));
        if !(keeps || timed_deletion) || has_any(sentence, WHERE) {
            continue;
        }
        // "保存" also means "save" a setting; keep sentences about personal information.
        if !has_any(sentence, KEPT_THINGS) {
            continue;
        }
        // A long sentence is quoted by the clause that keeps or deletes.
        let text = if sentence.chars().count() > MAX_CHARS {
            let lower = sentence.to_ascii_lowercase();
            let at = KEEP
                .iter()
                .chain(DELETE)
                .filter_map(|w| lower.find(&w.to_ascii_lowercase()))
                .min()
                .unwrap_or(0);
            super::clause_at(sentence, at)
        } else {
            trim_punct(sentence)
        };
        if text.chars().count() > MAX_CHARS || out.iter().any(|s| s.text == text) {
            continue;
        }
        out.push(Statement {
            text: text.to_string(),
            source: doc.cite(line, text),
            suggested: SUGGESTED,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    #[test]
    fn keeping_without_a_period_is_not_retention() {
        let v = doc_of("政策\n一、收集\n您联系客服时，我们可能会保存您的通话录音、聊天记录及您提供的联系方式，用于处理您的问题。\n二、保存\n我们将您的订单信息保存3年，聊天记录保存六个月。\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 1, "{got:?}");
        assert!(got[0].text.contains("保存3年"), "{got:?}");
    }

    #[test]
    fn retention_sentences() {
        let v = doc_of("Policy\n4. Retention\nWe retain your personal information for as long as your account is active. Our office is in Berlin.\n");
        let got = find(&Doc::new(&v));
        assert_eq!(got.len(), 1);
        assert!(got[0].text.starts_with("We retain"));
    }

    #[test]
    fn deletion_after_a_period_in_words() {
        let v = doc_of("Policy\n5. How long we keep it\nAccounts that have not been used for three years are deleted. Deleted photos cannot be restored.\n");
        let got: Vec<String> = find(&Doc::new(&v)).into_iter().map(|s| s.text).collect();
        assert_eq!(
            got,
            ["Accounts that have not been used for three years are deleted"]
        );
    }

    #[test]
    fn the_time_to_answer_a_deletion_request_is_not_retention() {
        // Articles outside a rights chapter: the working days are still the time to answer.
        let v = doc_of("政策\n第八条 您可以申请删除您的个人信息，我们将在15个工作日内处理。\n第九条 您的交易信息将在交易完成五年后删除。\nSection 4. We delete your data within 30 business days of your request.\n");
        let got: Vec<String> = find(&Doc::new(&v)).into_iter().map(|s| s.text).collect();
        assert_eq!(got, ["您的交易信息将在交易完成五年后删除"]);
    }

    #[test]
    fn kept_records_and_histories() {
        let v = doc_of("Policy\n5. How long we keep it\nWe keep your order history for 6 years to meet our tax obligations. We keep your settings for as long as you like them.\n");
        let got: Vec<String> = find(&Doc::new(&v)).into_iter().map(|s| s.text).collect();
        assert_eq!(
            got,
            ["We keep your order history for 6 years to meet our tax obligations"]
        );
    }
}
