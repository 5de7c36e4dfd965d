//! The authoring page's own UI strings, in English and Simplified Chinese. Facet names and
//! coverage words come from the widget's catalogue ([`crate::i18n`]), so both pages say the same.

use policy_lens_core::Coverage;

use crate::i18n::Lang;

/// Every string of the authoring page. A missing translation is a compile error.
pub struct AuthorStrings {
    pub title: &'static str,
    pub intro: &'static str,
    pub open_file: &'static str,
    pub drop_hint: &'static str,
    pub privacy: &'static str,
    pub could_not_open: &'static str,
    pub outline: &'static str,
    pub untitled: &'static str,
    pub warnings: &'static str,
    pub no_warnings: &'static str,
    pub facts: &'static str,
    pub suggested: &'static str,
    pub show_quote: &'static str,
    pub accept: &'static str,
    pub edit: &'static str,
    pub save: &'static str,
    pub cancel: &'static str,
    pub reject: &'static str,
    pub mark_not_stated: &'static str,
    pub mark_reviewed: &'static str,
    pub stated: &'static str,
    pub no_facts: &'static str,
    pub add_fact: &'static str,
    pub add_hint: &'static str,
    pub selection: &'static str,
    pub section: &'static str,
    pub facet: &'static str,
    pub value: &'static str,
    pub kind_hint: &'static str,
    pub add: &'static str,
    pub download: &'static str,
    pub download_json: &'static str,
    pub save_as: &'static str,
    pub valid: &'static str,
    pub invalid: &'static str,
    pub full_text: &'static str,
}

pub static EN: AuthorStrings = AuthorStrings {
    title: "Review a policy",
    intro:
        "Open a policy (plain text, Markdown, HTML or a version JSON file). Check each suggested \
            fact against its quote, then download the version file.",
    open_file: "Open a policy file",
    drop_hint: "or drop it here",
    privacy: "The file stays in this page: nothing is uploaded or stored.",
    could_not_open: "Could not open the file",
    outline: "Outline",
    untitled: "(untitled: the text before the first heading)",
    warnings: "Import warnings",
    no_warnings: "No import warnings.",
    facts: "Facts",
    suggested: "Suggested, not yet reviewed",
    show_quote: "Show the quote",
    accept: "Accept",
    edit: "Edit",
    save: "Save",
    cancel: "Cancel",
    reject: "Reject",
    mark_not_stated: "Not stated",
    mark_reviewed: "Mark reviewed",
    stated: "Stated",
    no_facts: "No facts yet.",
    add_fact: "Add a fact",
    add_hint: "Select a passage in the full text: its section and quote are filled in here.",
    selection: "Quote",
    section: "Section",
    facet: "Facet",
    value: "Value",
    kind_hint: "Rights and permissions take a kind:",
    add: "Add fact",
    download: "Download",
    download_json: "Download the version JSON",
    save_as: "Save it as",
    valid: "Valid: the file passes policy-lens validate.",
    invalid: "Not valid yet: fix these problems to download.",
    full_text: "Full text",
};

pub static ZH: AuthorStrings = AuthorStrings {
    title: "审阅隐私政策",
    intro: "打开一份隐私政策（纯文本、Markdown、HTML 或版本 JSON 文件）。对照原文逐条核对建议的事实，然后下载版本文件。",
    open_file: "打开政策文件",
    drop_hint: "或拖放到此处",
    privacy: "文件只在本页面中处理：不会上传，也不会保存。",
    could_not_open: "无法打开文件",
    outline: "大纲",
    untitled: "（无标题：第一个标题之前的文字）",
    warnings: "导入提示",
    no_warnings: "没有导入提示。",
    facts: "事实",
    suggested: "建议，尚未审阅",
    show_quote: "查看原文",
    accept: "采纳",
    edit: "编辑",
    save: "保存",
    cancel: "取消",
    reject: "拒绝",
    mark_not_stated: "未说明",
    mark_reviewed: "标为已审阅",
    stated: "已说明",
    no_facts: "暂无事实。",
    add_fact: "添加事实",
    add_hint: "在全文中选中一段文字：其章节和引文会填在这里。",
    selection: "引文",
    section: "章节",
    facet: "类别",
    value: "内容",
    kind_hint: "权利和权限需填写类型：",
    add: "添加事实",
    download: "下载",
    download_json: "下载版本 JSON",
    save_as: "保存为",
    valid: "有效：文件可通过 policy-lens validate 校验。",
    invalid: "尚无效：请先修正以下问题再下载。",
    full_text: "全文",
};

pub fn strings(lang: Lang) -> &'static AuthorStrings {
    match lang {
        Lang::En => &EN,
        Lang::Zh => &ZH,
    }
}

/// A facet's coverage, in the widget's words.
pub fn coverage(lang: Lang, c: Coverage) -> &'static str {
    let w = lang.strings();
    match c {
        Coverage::Stated => strings(lang).stated,
        Coverage::NotStated => w.not_stated,
        Coverage::SourceMissing => w.source_missing,
        Coverage::NotReviewed => w.not_reviewed,
    }
}
