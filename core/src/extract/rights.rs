//! Rights: access, correction, deletion, withdrawal of consent, account cancellation, copy or
//! portability, explanation of automated decisions, complaint. A sentence grants a right when
//! it names it with a grant marker ("您有权", "you may") and no denial or limit marker
//! ("我们不提供", "you do not have the right"). Each right carries the channels named in its
//! section and the policy's response time ("15个工作日", "within 30 days").

use super::lexicon::{DENY, EXAMPLE, GRANT, RESPONSE, RIGHTS, RIGHT_HEADINGS};
use super::{has_any, lexicon, trim_punct, Doc, Line, SUGGESTED};
use crate::entities::{emails, phones};
use crate::model::{Channel, ChannelKind, Contact, ContactKind, Right, RightKind};

/// Words that put a section or a sentence about personal information or rights.
const ABOUT_DATA: &[&str] = &[
    "个人信息",
    "信息",
    "账号",
    "账户",
    "权利",
    "权益",
    "personal information",
    "personal data",
    "your data",
    "right",
    "account",
];

/// Phrases that send the reader to the policy's contact details.
const VIA_CONTACTS: &[&str] = &[
    "联系我们",
    "载明的方式",
    "联系方式",
    "contact us",
    "contacting us",
    "emailing us",
    "contact details",
];

/// Rights granted in the text. `contacts` are the suggested contacts: a right exercised "by
/// contacting us" gets them as its channels when its own section names none.
pub(crate) fn find(doc: &Doc, contacts: &[Contact]) -> Vec<Right> {
    let response_time = response_time(doc);
    let mut out: Vec<Right> = Vec::new();
    for (line, sentence) in doc.sentences() {
        if !has_any(sentence, GRANT) || has_any(sentence, DENY) {
            continue;
        }
        if !has_any(sentence, ABOUT_DATA) && !has_any(doc.path(line), ABOUT_DATA) {
            continue;
        }
        let mut kinds: Vec<RightKind> = Vec::new();
        for (r, idx) in lexicon::scan(sentence, RIGHTS) {
            let k = RIGHTS[idx].1;
            // Named rights are over one's own data by definition ("data portability", the
            // CCPA's "right to know").
            let term = sentence[r.clone()].to_ascii_lowercase();
            let own = [
                "portability",
                "right to know",
                "right of access",
                "right to access",
                "rectification",
                "erasure",
                "个人信息",
                "know, delete",
            ]
            .iter()
            .any(|t| term.contains(t))
                || about_own_data(k, &sentence[..r.start], &sentence[r.end..]);
            if !kinds.contains(&k) && own {
                kinds.push(k);
            }
        }
        kinds.extend(heading_right(doc, line).filter(|k| !kinds.contains(k)));
        for k in kinds {
            let id = doc.id(line);
            if out.iter().any(|r| r.right == k && r.source.section == id) {
                continue;
            }
            // A complaint goes to an authority: the company's channels and its time to answer
            // are not the complaint's, unless its own sentence names them.
            let complaint = k == RightKind::Complaint;
            out.push(Right {
                right: k,
                how: if complaint {
                    sentence_channels(std::iter::once(sentence))
                } else {
                    let own = channels(doc, line, sentence);
                    if own.is_empty() && has_any(sentence, VIA_CONTACTS) {
                        contact_channels(contacts)
                    } else {
                        own
                    }
                },
                response_time: response_time.clone().filter(|_| !complaint),
                source: doc.cite(line, trim_punct(sentence)),
                suggested: SUGGESTED,
            });
        }
    }
    out
}

/// Access, correction and deletion are rights only over the reader's own data: "查阅您的昵称",
/// not "查阅该特定政策"; "to correct it" when the sentence named the reader's data before.
fn about_own_data(k: RightKind, before: &str, after: &str) -> bool {
    if !matches!(
        k,
        RightKind::Access | RightKind::Correction | RightKind::Deletion | RightKind::Copy
    ) {
        return true;
    }
    let pronoun = ["it", "them"].iter().any(|p| {
        after
            .trim_start()
            .strip_prefix(p)
            .is_some_and(|rest| !rest.starts_with(|c: char| c.is_ascii_alphanumeric()))
    });
    if pronoun && has_any(before, &["your", "about you", "personal"]) {
        return true;
    }
    // Chinese says it in a few characters ("查阅您的…"), English in a few words.
    let cjk = after.starts_with(crate::text::is_cjk_letter);
    let near: String = after.chars().take(if cjk { 8 } else { 48 }).collect();
    has_any(
        &near,
        &[
            "您的",
            "个人信息",
            "信息",
            "资料",
            "information",
            "账户",
            "账号",
            "your",
            "personal",
            "data",
        ],
    )
}

/// The right a line's section heading names, if it names exactly one.
fn heading_right(doc: &Doc, line: &Line) -> Option<RightKind> {
    let title = doc.sections[line.section].section.title();
    let found = lexicon::scan(&title, RIGHT_HEADINGS);
    match found.as_slice() {
        [(_, idx)] => Some(RIGHT_HEADINGS[*idx].1),
        _ => None,
    }
}

/// Channels named in a line's section: app paths (`“我的”-“设置”`), emails, phones.
/// The channels the right's own sentence names ("通过“我的-设置-注销账号”申请注销"), else
/// those of its section: another right's path in the same section is not this right's.
fn channels(doc: &Doc, at: &Line, sentence: &str) -> Vec<Channel> {
    let own = sentence_channels(std::iter::once(sentence));
    if !own.is_empty() {
        return own;
    }
    let lines = doc.lines.iter().filter(|l| l.section == at.section);
    // Not a regulator's number from the sentence about complaining to it.
    sentence_channels(
        lines
            .flat_map(|l| super::sentences(&l.text))
            .filter(|s| !has_any(s, AUTHORITY)),
    )
}

/// Words of a sentence about an authority rather than the company.
const AUTHORITY: &[&str] = &[
    "complain to",
    "complaint with",
    "complaint to",
    "supervisory",
    "regulator",
    "commissioner",
    "protection authority",
    "ombudsman",
    "监管部门",
    "主管部门",
    "网信",
    "有关部门",
    "消费者协会",
    "人民法院",
];

/// App paths, emails and phones named in these sentences (not in examples), each once.
fn sentence_channels<'a>(sentences: impl Iterator<Item = &'a str>) -> Vec<Channel> {
    let mut out: Vec<Channel> = Vec::new();
    let mut push = |kind, value: &str| {
        let c = Channel {
            kind,
            value: value.trim().to_string(),
        };
        if !out.contains(&c) {
            out.push(c);
        }
    };
    for sentence in sentences {
        if has_any(sentence, EXAMPLE) {
            continue;
        }
        for path in app_paths(sentence) {
            push(ChannelKind::AppPath, path);
        }
        for r in emails(sentence) {
            push(
                ChannelKind::Email,
                &crate::entities::email_address(&sentence[r]),
            );
        }
        for r in phones(sentence) {
            push(ChannelKind::Phone, &sentence[r]);
        }
    }
    out
}

/// The email, phone and postal contacts as channels.
fn contact_channels(contacts: &[Contact]) -> Vec<Channel> {
    contacts
        .iter()
        .filter_map(|c| {
            let kind = match c.kind {
                ContactKind::Email => ChannelKind::Email,
                ContactKind::Phone => ChannelKind::Phone,
                ContactKind::Address => ChannelKind::Post,
                _ => return None,
            };
            Some(Channel {
                kind,
                value: c.value.clone(),
            })
        })
        .collect()
}

/// Menu paths written as quoted steps joined by `-`, `>` or `→`: `“我的”-“设置”-“账号管理”`,
/// `“设置-隐私设置”`.
fn app_paths(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = s[from..].find('“') {
        let start = from + i;
        let mut end = start;
        let mut steps = 0;
        let mut rest = &s[start..];
        while let Some(r) = rest.strip_prefix('“') {
            let Some(close) = r.find('”') else { break };
            let step = &r[..close];
            // A quoted number ("“400-003-6036”") is not a menu step.
            if !step.chars().any(|c| c.is_alphabetic()) {
                break;
            }
            steps += 1 + step.matches(['-', '>', '→']).count();
            end = s.len() - r.len() + close + '”'.len_utf8();
            rest = &s[end..];
            match rest.strip_prefix(['-', '>', '→', '—']) {
                Some(r) if r.starts_with('“') => rest = r,
                _ => break,
            }
        }
        if steps >= 2 {
            out.push(&s[start..end]);
        }
        from = end.max(start + '“'.len_utf8());
    }
    out.extend(menu_path_en(s));
    out
}

/// An English menu path: capitalised steps joined by " > " or " → " ("Settings > Account >
/// Delete Account"), each step at most four words.
fn menu_path_en(s: &str) -> Option<&str> {
    let sep = [" > ", " → ", " -> "]
        .iter()
        .filter_map(|m| s.find(m).map(|i| (i, m.len())))
        .min()?;
    let step_ok =
        |w: &str| w.starts_with(|c: char| c.is_ascii_uppercase() || c.is_ascii_digit()) || w == "&";
    // Back over the first step's words.
    let before = &s[..sep.0];
    let first: Vec<&str> = before
        .rsplit(' ')
        .take(4)
        .take_while(|w| step_ok(w))
        .collect();
    if first.is_empty() {
        return None;
    }
    let start = sep.0 - first.iter().map(|w| w.len() + 1).sum::<usize>() + 1;
    // Forward over steps and separators.
    let mut end = sep.0;
    let mut rest = &s[sep.0..];
    let mut steps = 1;
    while let Some(r) = [" > ", " → ", " -> "]
        .iter()
        .find_map(|m| rest.strip_prefix(m))
    {
        let words: Vec<&str> = r.split(' ').take(4).take_while(|w| step_ok(w)).collect();
        if words.is_empty() {
            break;
        }
        let len: usize = words.iter().map(|w| w.len()).sum::<usize>() + words.len() - 1;
        end = s.len() - r.len() + len;
        rest = &s[end..];
        steps += 1;
    }
    let path = s[start..end].trim_end_matches(['.', ',', ';', ')']);
    (steps >= 2).then_some(path)
}

/// The response time the policy promises: the first duration in a sentence about responding
/// to requests, preferring the rights and contact parts.
fn response_time(doc: &Doc) -> Option<String> {
    let mut found: Option<String> = None;
    for (line, sentence) in doc.sentences() {
        if !has_any(sentence, RESPONSE) {
            continue;
        }
        if let Some(d) = duration(sentence) {
            let preferred = has_any(
                doc.path(line),
                &["权利", "响应", "联系", "right", "contact", "request"],
            );
            if preferred {
                return Some(d.to_string());
            }
            found.get_or_insert_with(|| d.to_string());
        }
    }
    found
}

/// A duration as written: `15个工作日`, `十五个工作日内`, `30天内`, `within 30 days`,
/// `30 working days`, `one month`.
pub(crate) fn duration(s: &str) -> Option<&str> {
    const CN_UNITS: &[&str] = &["个工作日", "工作日", "个自然日", "日", "天", "个月"];
    const CN_DIGITS: &str = "0123456789零一二三四五六七八九十";
    for (i, c) in s.char_indices() {
        if !CN_DIGITS.contains(c) || s[..i].ends_with(|p: char| CN_DIGITS.contains(p)) {
            continue;
        }
        let num_len: usize = s[i..]
            .chars()
            .take_while(|c| CN_DIGITS.contains(*c))
            .map(char::len_utf8)
            .sum();
        let rest = &s[i + num_len..];
        let rest_trim = rest.trim_start();
        if let Some(u) = CN_UNITS.iter().find(|u| rest_trim.starts_with(*u)) {
            let mut end = s.len() - rest_trim.len() + u.len();
            if s[end..].starts_with('内') {
                end += '内'.len_utf8();
            }
            return Some(&s[i..end]);
        }
        let lower = rest_trim.to_ascii_lowercase();
        for unit in [
            "working days",
            "business days",
            "calendar days",
            "days",
            "months",
            "month",
        ] {
            if lower.starts_with(unit)
                && num_len > 0
                && s[i..i + num_len].chars().all(|c| c.is_ascii_digit())
            {
                let end = s.len() - rest_trim.len() + unit.len();
                let start = if s[..i].to_ascii_lowercase().ends_with("within ") {
                    i - 7
                } else {
                    i
                };
                return Some(&s[start..end]);
            }
        }
    }
    let lower = s.to_ascii_lowercase();
    for w in [
        "within one month",
        "within a month",
        "within thirty days",
        "within fifteen days",
    ] {
        if let Some(i) = lower.find(w) {
            return Some(&s[i..i + w.len()]);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::tests::doc_of;

    fn kinds(text: &str) -> Vec<RightKind> {
        let v = doc_of(text);
        find(&Doc::new(&v), &[])
            .into_iter()
            .map(|r| r.right)
            .collect()
    }

    #[test]
    fn rights_in_the_wording_of_other_policies() {
        let v = doc_of("隐私政策\n五、您如何管理您的个人信息\n5.2 删除：您可以向我们提出删除个人信息的请求。\n5.4 注销帐号：您可以在“我的-设置-帐号与安全-注销帐号”中提交注销申请。\n");
        let kinds: Vec<RightKind> = find(&Doc::new(&v), &[]).iter().map(|r| r.right).collect();
        assert!(kinds.contains(&RightKind::Deletion), "{kinds:?}");
        assert!(kinds.contains(&RightKind::AccountCancellation), "{kinds:?}");
        let v = doc_of("Privacy Notice\n6. California\nCalifornia residents have the right to know, delete and correct personal information we hold.\n");
        let kinds: Vec<RightKind> = find(&Doc::new(&v), &[]).iter().map(|r| r.right).collect();
        assert!(kinds.contains(&RightKind::Deletion), "{kinds:?}");
    }

    #[test]
    fn english_menu_paths_are_channels() {
        assert_eq!(
            menu_path_en(
                "You can delete your account at any time from Settings > Account > Delete Account."
            ),
            Some("Settings > Account > Delete Account")
        );
        assert_eq!(menu_path_en("if x > 3 then"), None);
        let v = doc_of("Privacy Policy\n5. Your choices\nYou can delete your account at any time from Settings > Account > Delete Account.\n");
        let got = find(&Doc::new(&v), &[]);
        let del = got
            .iter()
            .find(|r| r.right == RightKind::AccountCancellation)
            .unwrap();
        assert_eq!(del.how[0].value, "Settings > Account > Delete Account");
    }

    #[test]
    fn a_right_takes_the_path_its_own_sentence_names() {
        let v = doc_of("隐私政策\n四、您的权利\n您可以通过“我的-设置-个人信息”查阅、更正您的个人信息。您可以通过“我的-设置-注销账号”申请注销账号。\n");
        let got = find(&Doc::new(&v), &[]);
        let how = |k: RightKind| -> Vec<String> {
            got.iter()
                .find(|r| r.right == k)
                .map(|r| r.how.iter().map(|h| h.value.clone()).collect())
                .unwrap_or_default()
        };
        assert_eq!(how(RightKind::Access), ["“我的-设置-个人信息”"]);
        assert_eq!(
            how(RightKind::AccountCancellation),
            ["“我的-设置-注销账号”"]
        );
        // Nor does another right take the authority's number from the complaint's sentence.
        let v = doc_of("Privacy Notice\n5. Your rights\nYou have the right to access, correct or delete your personal data. To use any of these rights, email us at privacy@acme.co.uk.\nYou can also complain to the Information Commissioner’s Office on 0303 123 1113.\n");
        let got = find(&Doc::new(&v), &[]);
        let access = got.iter().find(|r| r.right == RightKind::Access).unwrap();
        assert_eq!(access.how.len(), 1, "{access:?}");
        assert_eq!(access.how[0].value, "privacy@acme.co.uk");
        // A complaint to an authority does not take the company's address or time to answer.
        let v = doc_of("Policy\n4. Your rights\nYou may ask for a copy of your data by writing to privacy@acme.co.uk. We answer within 30 days. You also have the right to lodge a complaint with a supervisory authority.\n");
        let got = find(&Doc::new(&v), &[]);
        let complaint = got
            .iter()
            .find(|r| r.right == RightKind::Complaint)
            .unwrap();
        assert!(complaint.how.is_empty(), "{complaint:?}");
        assert_eq!(complaint.response_time, None);
        let copy = got.iter().find(|r| r.right == RightKind::Copy).unwrap();
        assert_eq!(copy.how.len(), 1, "{copy:?}");
    }

    #[test]
    fn enumerated_rights_are_each_found() {
        for text in [
            "隐私政策\n四、您的权利\n您有权访问、更正、删除您的个人信息。\n",
            "Policy\n5. Your rights\nYou have the right to access (Art. 15 GDPR), rectification (Art. 16) and erasure (Art. 17) of your data.\n",
        ] {
            let got = kinds(text);
            for k in [RightKind::Access, RightKind::Correction, RightKind::Deletion] {
                assert!(got.contains(&k), "{k:?} in {got:?}");
            }
        }
        // "访问" alone is a visit, not a right.
        assert!(kinds("隐私政策\n一、说明\n您可以访问我们的网站了解更多。\n").is_empty());
    }

    #[test]
    fn english_enumerations_grant_each_right() {
        let v =
            doc_of("Policy\nYour rights\nYou can ask to access, correct or delete your data.\n");
        let kinds: Vec<RightKind> = find(&Doc::new(&v), &[]).iter().map(|r| r.right).collect();
        assert_eq!(
            kinds,
            [
                RightKind::Access,
                RightKind::Correction,
                RightKind::Deletion
            ]
        );
    }

    #[test]
    fn rights_over_it_once_the_sentence_named_your_data() {
        assert_eq!(
            kinds("Policy\nYour rights\nYou have the right to access the personal information we hold about you, to correct it, and to ask us to delete it.\n"),
            [RightKind::Access, RightKind::Correction, RightKind::Deletion]
        );
    }

    #[test]
    fn gdpr_and_california_wording() {
        assert_eq!(
            kinds("Policy\nYour Rights\nIf you are in the EEA, you have the right to access, rectify or erase your personal data, to restrict or object to its processing, and to data portability.\n"),
            [
                RightKind::Access,
                RightKind::Correction,
                RightKind::Deletion,
                RightKind::Restriction,
                RightKind::Objection,
                RightKind::Copy
            ]
        );
        assert_eq!(
            kinds("Policy\nYour Rights\nCalifornia residents have the right to know, to delete and to opt out of the sale of personal information.\n"),
            [RightKind::Access, RightKind::Deletion]
        );
    }

    #[test]
    fn restricting_and_objecting_to_processing() {
        for text in [
            "Policy\nYour rights\nYou have the right to access, correct or delete your personal data, to restrict the processing of it, and to object to direct marketing.\n",
            "隐私政策\n四、您的权利\n您有权限制或拒绝我们处理您的个人信息。\n",
        ] {
            let got = kinds(text);
            assert!(got.contains(&RightKind::Restriction), "{text}: {got:?}");
            assert!(got.contains(&RightKind::Objection), "{text}: {got:?}");
        }
        // Naming them without granting them grants nothing.
        let denied =
            kinds("Policy\nYour rights\nYou cannot object to processing that the law requires.\n");
        assert!(!denied.contains(&RightKind::Objection), "{denied:?}");
    }

    #[test]
    fn granted_rights_with_response_time() {
        let v = doc_of("隐私政策\n四、您的权利\n您有权查阅、更正您的个人信息。您可以通过“我的”-“设置”-“账号管理”注销您的账户。我们将在15个工作日内回复您的请求。\n");
        let got = find(&Doc::new(&v), &[]);
        let k: Vec<RightKind> = got.iter().map(|r| r.right).collect();
        assert!(k.contains(&RightKind::Access) && k.contains(&RightKind::Correction));
        assert!(k.contains(&RightKind::AccountCancellation));
        assert_eq!(got[0].response_time.as_deref(), Some("15个工作日内"));
        assert!(got[0]
            .how
            .iter()
            .any(|c| c.value == "“我的”-“设置”-“账号管理”"));
    }

    #[test]
    fn denied_rights_are_not_granted() {
        assert!(kinds(
            "隐私政策\n四、您的权利\n我们不提供个人信息副本的获取服务，您无法注销账户。\n"
        )
        .is_empty());
        assert!(kinds("Policy\n5. Your rights\nYou do not have the right to request a copy of your personal data.\n").is_empty());
    }

    #[test]
    fn paths_are_menus_not_numbers() {
        assert_eq!(
            app_paths("点击“我的”-“设置”或拨打“400-003-6036”"),
            ["“我的”-“设置”"]
        );
        assert!(
            kinds("政策\n一、说明\n您可以查阅该特定政策，以帮助您了解您的个人信息。\n").is_empty()
        );
    }

    #[test]
    fn durations() {
        assert_eq!(
            duration("我们将在十五个工作日内答复"),
            Some("十五个工作日内")
        );
        assert_eq!(
            duration("we will respond within 30 days."),
            Some("within 30 days")
        );
        assert_eq!(duration("GB/T 35273-2020"), None);
    }
}
