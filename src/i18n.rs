//! The catalogue of UI strings, in English and Simplified Chinese. Policy text is never
//! translated: it is shown in its own language with a `lang` attribute.

use policy_lens_core::diff::{Criterion, ItemName};
use policy_lens_core::summary::{DateKind, Notice, NoticeKind};
use policy_lens_core::{
    Answer, ContactKind, Coverage, CrossBorder, DataCategory, FacetKind, ItemField, PermissionKind,
    Question, RecipientKind, RightKind, Subject,
};

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    En,
    Zh,
}

impl Lang {
    /// Parses `en`, `en-GB`, `zh`, `zh-CN`, `zh-Hans`…; anything else is `None`.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .split(['-', '_'])
            .next()
            .unwrap_or("")
            .to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The BCP 47 tag of the UI language.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::En => &EN,
            Lang::Zh => &ZH,
        }
    }
}

/// Every UI string. A missing translation is a compile error.
pub struct Strings {
    pub app_name: &'static str,
    pub start_title: &'static str,
    pub start_intro: &'static str,
    pub versions: &'static str,
    pub view_summary: &'static str,
    pub view_changes: &'static str,
    pub view_full: &'static str,
    pub loading: &'static str,
    /// The changes module could not be loaded (the reason follows in brackets).
    pub changes_unavailable: &'static str,
    pub text_unavailable: &'static str,
    pub at_a_glance: &'static str,
    pub who: &'static str,
    pub controller: &'static str,
    pub operator: &'static str,
    pub contact: &'static str,
    pub when: &'static str,
    pub updated: &'static str,
    pub effective: &'static str,
    pub released: &'static str,
    pub data_version: &'static str,
    pub collected: &'static str,
    pub sensitive: &'static str,
    pub why: &'static str,
    pub who_else: &'static str,
    pub sdks: &'static str,
    pub stored: &'static str,
    pub kept: &'static str,
    pub children: &'static str,
    pub rights: &'static str,
    pub security: &'static str,
    pub permissions: &'static str,
    pub scenarios: &'static str,
    pub major_changes: &'static str,
    pub source: &'static str,
    pub show_source: &'static str,
    pub not_stated: &'static str,
    pub source_missing: &'static str,
    pub not_reviewed: &'static str,
    pub source_cut: &'static str,
    pub data_quality: &'static str,
    pub suggested: &'static str,
    pub suggested_long: &'static str,
    pub suggested_notice: &'static str,
    pub changed_since: &'static str,
    pub changed_since_read: &'static str,
    pub sections: &'static str,
    pub read_section: &'static str,
    pub no_facts: &'static str,
    pub search: &'static str,
    pub search_placeholder: &'static str,
    pub next: &'static str,
    pub previous: &'static str,
    pub matches: &'static str,
    pub no_matches: &'static str,
    pub error_title: &'static str,
    pub unknown_policy: &'static str,
    pub unknown_version: &'static str,
    pub valid_choices: &'static str,
    pub language: &'static str,
    pub more: &'static str,
    pub response_time: &'static str,
    pub cross_border_no: &'static str,
    pub cross_border_yes: &'static str,
    pub cross_border_conditional: &'static str,
    pub cross_border_unstated: &'static str,
    pub age_under: &'static str,
    pub parental_consent: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub items: &'static str,
    pub quick: &'static str,
    pub location_q: &'static str,
    pub yes: &'static str,
    pub no_not_stated: &'static str,
    pub kinds: &'static str,
    pub delete_account: &'static str,
    pub details: &'static str,
    pub cut_short: &'static str,
}

pub static EN: Strings = Strings {
    app_name: "Policy Lens",
    start_title: "Bundled privacy policies",
    start_intro:
        "Pick a policy to read its summary, its full text, or what changed between versions.",
    versions: "Versions",
    view_summary: "Summary",
    view_changes: "What changed",
    view_full: "Full text",
    loading: "Loading the policy…",
    changes_unavailable: "The comparison could not be shown",
    text_unavailable: "The full text could not be shown",
    at_a_glance: "At a glance",
    who: "Who",
    controller: "Controller",
    operator: "Operator",
    contact: "Contact",
    when: "When",
    updated: "Updated",
    effective: "Effective",
    released: "Released",
    data_version: "Our copy",
    collected: "What is collected",
    sensitive: "sensitive",
    why: "Why",
    who_else: "Who else gets it",
    sdks: "Third-party SDKs",
    stored: "Where it is stored",
    kept: "How long it is kept",
    children: "Children",
    rights: "Your rights",
    security: "Security",
    permissions: "Device permissions",
    scenarios: "Service scenarios",
    major_changes: "What counts as a major change",
    source: "source",
    show_source: "Show the source sentence",
    not_stated: "Not stated in this policy.",
    source_missing: "Our source text is cut off before this part.",
    not_reviewed: "Not reviewed yet.",
    source_cut: "The source text is incomplete",
    data_quality: "About this data",
    suggested: "suggested",
    suggested_long: "suggested by the machine, not yet reviewed",
    suggested_notice: "Facts marked “suggested” were found by the machine and are not yet reviewed by a person: check them against their source.",
    changed_since: "Changed since",
    changed_since_read: "Changed since you last read",
    sections: "The policy's sections",
    read_section: "Read this section",
    no_facts: "No summarised facts cite this section.",
    search: "Search in the policy",
    search_placeholder: "Search…",
    next: "Next",
    previous: "Previous",
    matches: "matches",
    no_matches: "No matches",
    error_title: "This policy cannot be shown",
    unknown_policy: "There is no bundled policy with this id",
    unknown_version: "This policy has no version",
    valid_choices: "Valid choices",
    language: "Language",
    more: "more",
    response_time: "Response time",
    cross_border_no: "stays in the country",
    cross_border_yes: "transferred abroad",
    cross_border_conditional: "abroad only under conditions",
    cross_border_unstated: "cross-border transfer not stated",
    age_under: "Children are users under",
    parental_consent: "parental consent required",
    from: "From",
    to: "To",
    items: "items",
    quick: "Quick answers",
    location_q: "Location",
    yes: "collected",
    no_not_stated: "not stated",
    kinds: "kinds",
    delete_account: "Delete account",
    details: "Details",
    cut_short: "cut off in our source",
};

pub static ZH: Strings = Strings {
    app_name: "政策透镜",
    start_title: "内置的隐私政策",
    start_intro: "选择一项政策，查看摘要、全文，或不同版本之间的变化。",
    versions: "版本",
    view_summary: "摘要",
    view_changes: "变化",
    view_full: "全文",
    loading: "正在加载政策…",
    changes_unavailable: "无法显示版本对比",
    text_unavailable: "无法显示全文",
    at_a_glance: "一览",
    who: "谁在处理",
    controller: "处理者",
    operator: "运营者",
    contact: "联系方式",
    when: "日期",
    updated: "更新",
    effective: "生效",
    released: "发布",
    data_version: "本副本",
    collected: "收集哪些信息",
    sensitive: "敏感",
    why: "用途",
    who_else: "还有谁会获得",
    sdks: "第三方SDK",
    stored: "存储地点",
    kept: "保存期限",
    children: "未成年人",
    rights: "您的权利",
    security: "安全措施",
    permissions: "设备权限",
    scenarios: "业务场景",
    major_changes: "何为重大变更",
    source: "出处",
    show_source: "查看原文句子",
    not_stated: "本政策未说明。",
    source_missing: "我们的原文在此部分之前中断。",
    not_reviewed: "尚未审核。",
    source_cut: "原文不完整",
    data_quality: "关于本数据",
    suggested: "待审核",
    suggested_long: "机器建议，尚未经人工审核",
    suggested_notice: "标有“待审核”的内容由机器识别，尚未经人工审核，请对照原文核实。",
    changed_since: "有变化，自",
    changed_since_read: "自您上次阅读以来有变化：",
    sections: "政策章节",
    read_section: "阅读本节",
    no_facts: "摘要中没有引用本节的内容。",
    search: "在政策中搜索",
    search_placeholder: "搜索…",
    next: "下一个",
    previous: "上一个",
    matches: "处匹配",
    no_matches: "没有匹配",
    error_title: "无法显示此政策",
    unknown_policy: "没有此编号的内置政策",
    unknown_version: "此政策没有该版本",
    valid_choices: "可选项",
    language: "语言",
    more: "更多",
    response_time: "答复时限",
    cross_border_no: "境内存储",
    cross_border_yes: "会向境外传输",
    cross_border_conditional: "仅在特定条件下出境",
    cross_border_unstated: "未说明是否出境",
    age_under: "未成年人年龄界限：未满",
    parental_consent: "需监护人同意",
    from: "从",
    to: "到",
    items: "项",
    quick: "速览",
    location_q: "位置信息",
    yes: "会收集",
    no_not_stated: "未说明",
    kinds: "类",
    delete_account: "注销账号",
    details: "详情",
    cut_short: "原文此处缺失",
};

pub fn category(lang: Lang, c: DataCategory) -> &'static str {
    use DataCategory::*;
    let (en, zh) = match c {
        Contact => ("Contact details", "联系方式"),
        Identity => ("Identity", "身份信息"),
        IdentityDocument => ("ID documents", "身份证件"),
        PreciseLocation => ("Location", "位置信息"),
        Vehicle => ("Vehicle data / VIN", "车辆信息"),
        DrivingBehaviour => ("Driving behaviour", "驾驶行为"),
        DeviceIdentifiers => ("Device identifiers", "设备标识"),
        Biometrics => ("Biometrics", "生物识别"),
        AudioVideo => ("Audio & video", "音视频"),
        Payment => ("Payment & transactions", "支付与交易"),
        AddressBook => ("Address book", "通讯录"),
        Account => ("Account", "账号信息"),
        Usage => ("Usage & logs", "使用记录"),
        Health => ("Health", "健康信息"),
        _ => ("Other", "其他"),
    };
    pick(lang, en, zh)
}

pub fn recipient(lang: Lang, k: RecipientKind) -> &'static str {
    use RecipientKind::*;
    let (en, zh) = match k {
        Affiliate => ("Affiliates", "关联方"),
        Partner => ("Partners", "合作方"),
        Processor => ("Processors", "受托处理方"),
        Dealer => ("Dealers", "授权经销商"),
        Authority => ("Authorities", "政府机关"),
        PublicDisclosure => ("Public disclosure", "公开披露"),
        Merger => ("Mergers & transfers", "合并转让"),
        _ => ("Others", "其他"),
    };
    pick(lang, en, zh)
}

pub fn right(lang: Lang, k: RightKind) -> &'static str {
    use RightKind::*;
    let (en, zh) = match k {
        Access => ("Access", "查阅"),
        Correction => ("Correction", "更正"),
        Deletion => ("Deletion", "删除"),
        WithdrawConsent => ("Withdraw consent", "撤回同意"),
        AccountCancellation => ("Delete account", "注销账号"),
        Copy => ("Get a copy", "获取副本"),
        AutomatedDecision => ("Automated decisions", "自动化决策"),
        Complaint => ("Complain", "投诉"),
        Restriction => ("Restrict processing", "限制处理"),
        Objection => ("Object to processing", "拒绝处理"),
        _ => ("Other", "其他"),
    };
    pick(lang, en, zh)
}

pub fn contact(lang: Lang, k: ContactKind) -> &'static str {
    use ContactKind::*;
    let (en, zh) = match k {
        Phone => ("Phone", "电话"),
        Email => ("Email", "邮箱"),
        Address => ("Address", "地址"),
        Responsible => ("Responsible", "负责人/部门"),
        Web => ("Web", "网址"),
        _ => ("Other", "其他"),
    };
    pick(lang, en, zh)
}

pub fn cross_border(lang: Lang, c: CrossBorder) -> &'static str {
    let s = lang.strings();
    match c {
        CrossBorder::No => s.cross_border_no,
        CrossBorder::Yes => s.cross_border_yes,
        CrossBorder::Conditional => s.cross_border_conditional,
        CrossBorder::Unstated => s.cross_border_unstated,
    }
}

fn pick(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

/// Strings of the "what changed" view.
pub struct ChangeStrings {
    pub verdict_major: &'static str,
    pub verdict_substantive: &'static str,
    pub verdict_editorial: &'static str,
    pub verdict_none: &'static str,
    pub verdict_formatting: &'static str,
    pub formatting: &'static str,
    pub formatting_note: &'static str,
    pub show_formatting: &'static str,
    pub changes: &'static str,
    pub listing: &'static str,
    pub deleted: &'static str,
    pub added: &'static str,
    pub modified: &'static str,
    pub moved: &'static str,
    pub show_unchanged: &'static str,
    pub why: &'static str,
    pub next_change: &'static str,
    pub prev_change: &'static str,
    pub keys_hint: &'static str,
    pub old_text: &'static str,
    pub new_text: &'static str,
    pub needs_notice: &'static str,
    pub editorial: &'static str,
    pub budget: &'static str,
    pub link: &'static str,
    pub date_unchanged: &'static str,
    pub date_earlier: &'static str,
    pub cannot_compare: &'static str,
}

pub static EN_CHANGES: ChangeStrings = ChangeStrings {
    verdict_major: "may need notice",
    verdict_substantive: "of substance",
    verdict_editorial: "editorial",
    verdict_none: "No changes between these versions.",
    verdict_formatting: "formatting only",
    formatting: "formatting",
    formatting_note: "Same text: only bold, emphasis, links or spacing changed.",
    show_formatting: "Show formatting changes",
    changes: "Changes",
    listing: "Side by side",
    deleted: "deleted",
    added: "added",
    modified: "modified",
    moved: "moved",
    show_unchanged: "Show {} unchanged",
    why: "Why it matters",
    next_change: "Next change",
    prev_change: "Previous change",
    keys_hint: "Keys: j next, k previous",
    old_text: "Before",
    new_text: "After",
    needs_notice: "May need notice",
    editorial: "Editorial",
    budget: "These versions differ so much that the listing compares whole paragraphs only.",
    link: "Link to this change",
    date_unchanged: "The text changed but the stated update date did not.",
    date_earlier: "The new version states an earlier update date than the old one.",
    cannot_compare: "These versions cannot be compared",
};

pub static ZH_CHANGES: ChangeStrings = ChangeStrings {
    verdict_major: "可能需要告知",
    verdict_substantive: "实质性",
    verdict_editorial: "文字性",
    verdict_none: "两个版本之间没有变化。",
    verdict_formatting: "仅格式变化",
    formatting: "格式",
    formatting_note: "文字相同，仅加粗、强调、链接或空格不同。",
    show_formatting: "显示格式变化",
    changes: "变化",
    listing: "逐段对照",
    deleted: "删除",
    added: "新增",
    modified: "修改",
    moved: "移动",
    show_unchanged: "显示 {} 段未变内容",
    why: "影响",
    next_change: "下一处变化",
    prev_change: "上一处变化",
    keys_hint: "快捷键：j 下一处，k 上一处",
    old_text: "修改前",
    new_text: "修改后",
    needs_notice: "可能需要告知",
    editorial: "文字性修改",
    budget: "两个版本差异过大，对照仅按整段比较。",
    link: "本处变化的链接",
    date_unchanged: "正文有变化，但声明的更新日期没有变。",
    date_earlier: "新版本声明的更新日期早于旧版本。",
    cannot_compare: "无法比较这两个版本",
};

impl Lang {
    pub fn changes(self) -> &'static ChangeStrings {
        match self {
            Lang::En => &EN_CHANGES,
            Lang::Zh => &ZH_CHANGES,
        }
    }
}

/// A criterion as a short phrase: the English one is core's [`Criterion::label`].
pub fn criterion(lang: Lang, c: Criterion) -> &'static str {
    use Criterion::*;
    match lang {
        Lang::En => c.label(),
        Lang::Zh => match c {
            PurposesOrTypes => "处理目的、信息类型或方式变化",
            Ownership => "处理者或运营者变化",
            Recipients => "接收方变化",
            UserRights => "用户权利或行使方式变化",
            ContactOrComplaint => "联系方式或投诉渠道变化",
            HighRiskAssessment => "高风险评估",
            OtherSubstantive => "其他实质性变化",
            Editorial => "仅格式、空白、标点或编号",
        },
    }
}

/// The title of a facet, as the summary's rows name it.
pub fn facet(lang: Lang, f: FacetKind) -> &'static str {
    let s = lang.strings();
    match f {
        FacetKind::DataCollected => s.collected,
        FacetKind::Purposes => s.why,
        FacetKind::Scenarios => s.scenarios,
        FacetKind::Recipients => s.who_else,
        FacetKind::Sdks => s.sdks,
        FacetKind::Permissions => s.permissions,
        FacetKind::Retention => s.kept,
        FacetKind::Storage => s.stored,
        FacetKind::Security => s.security,
        FacetKind::Children => s.children,
        FacetKind::Rights => s.rights,
        FacetKind::Contacts => s.contact,
        FacetKind::MajorChanges => s.major_changes,
    }
}

/// What a facet change is about: a facet, or the controller, operator or stated dates.
pub fn subject(lang: Lang, k: Subject) -> &'static str {
    let s = lang.strings();
    match k {
        Subject::Facet(f) => facet(lang, f),
        Subject::Controller => s.controller,
        Subject::Operator => s.operator,
        Subject::Dates => s.when,
    }
}

/// A field of a facet item.
pub fn field(lang: Lang, f: ItemField) -> &'static str {
    use ItemField::*;
    let (en, zh) = match f {
        Age => ("age", "年龄"),
        Category => ("category", "类别"),
        CrossBorder => ("cross-border transfer", "出境"),
        Data => ("data", "信息"),
        How => ("how", "方式"),
        Kind => ("kind", "类型"),
        Link => ("link", "链接"),
        Location => ("location", "地点"),
        Method => ("method", "方式"),
        Name => ("name", "名称"),
        ParentalConsent => ("parental consent", "监护人同意"),
        Permission => ("permission", "权限"),
        Platform => ("platform", "平台"),
        Provider => ("provider", "提供方"),
        Purpose => ("purpose", "目的"),
        Purposes => ("purposes", "目的"),
        Required => ("required", "是否必需"),
        ResponseTime => ("response time", "答复时限"),
        Right => ("right", "权利"),
        Scenario => ("scenario", "场景"),
        Sensitive => ("sensitive", "敏感"),
        Text => ("text", "原文"),
        Value => ("value", "内容"),
    };
    pick(lang, en, zh)
}

/// The label of a quick answer's tile. The date tile says which date it shows (`date`: the
/// kind of the summary's first stated date), so an effective date is never called "updated".
pub fn question(lang: Lang, q: Question, date: Option<DateKind>) -> &'static str {
    let s = lang.strings();
    match q {
        Question::Who => s.who,
        Question::When => match date {
            Some(DateKind::Effective) => s.effective,
            Some(DateKind::Released) => s.released,
            _ => s.updated,
        },
        Question::Contact => s.contact,
        Question::Collected => s.collected,
        Question::Location => s.location_q,
        Question::Sdks => s.who_else,
        Question::Why => s.why,
        Question::Stored => s.stored,
        Question::Kept => s.kept,
        Question::Children => s.children,
        Question::Delete => s.delete_account,
    }
}

/// "kinds", or "kind" for one ("类" either way).
fn kinds(s: &Strings, n: usize) -> &'static str {
    if n == 1 {
        s.kinds.trim_end_matches('s')
    } else {
        s.kinds
    }
}

/// A quick answer in words; text from the policy is shown as it is.
pub fn answer(lang: Lang, a: &Answer) -> String {
    let s = lang.strings();
    match a {
        Answer::Gap(Coverage::SourceMissing) => s.cut_short.to_string(),
        Answer::Gap(Coverage::NotReviewed) => s.not_reviewed.to_string(),
        Answer::Gap(Coverage::Stated | Coverage::NotStated) => s.no_not_stated.to_string(),
        Answer::Text(t) => t.clone(),
        Answer::List(v) => v.join(" · "),
        Answer::Collected {
            categories,
            sensitive,
        } => format!(
            "{categories} {} · {sensitive} {}",
            kinds(s, *categories),
            s.sensitive
        ),
        Answer::Location { sensitive: true } => format!("{} · {}", s.yes, s.sensitive),
        Answer::Location { sensitive: false } => s.yes.to_string(),
        Answer::Recipients { kinds: n, sdks } => format!("{n} {} · SDK {sdks}", kinds(s, *n)),
        Answer::CrossBorder(c) => cross_border(lang, *c).to_string(),
        Answer::ChildAge(age) => format!("< {age}"),
        Answer::RightStated => s.rights.to_string(),
    }
}

/// A data-quality notice in words: the facet concerned and what is wrong with it.
pub fn notice(lang: Lang, n: &Notice) -> String {
    let s = lang.strings();
    let what = match n.kind {
        NoticeKind::SourceCut => s.source_cut,
        NoticeKind::NotStated => s.not_stated,
        NoticeKind::SourceMissing => s.source_missing,
        NoticeKind::NotReviewed => s.not_reviewed,
    };
    match n.facet {
        Some(f) => format!("{}{}{what}", facet(lang, f), colon(lang)),
        None => what.to_string(),
    }
}

/// The name of a facet item: policy text as it is, kinds of item translated.
pub fn item_name(lang: Lang, n: &ItemName) -> String {
    let s = lang.strings();
    match n {
        ItemName::Text(t) => return t.clone(),
        ItemName::Right(k) => right(lang, *k),
        ItemName::Contact(k) => contact(lang, *k),
        ItemName::Permission(k) => permission(lang, *k),
        ItemName::Date(DateKind::Updated) => s.updated,
        ItemName::Date(DateKind::Effective) => s.effective,
        ItemName::Date(DateKind::Released) => s.released,
        ItemName::Controller => s.controller,
        ItemName::Operator => s.operator,
        ItemName::Children => s.children,
        ItemName::Storage => s.stored,
    }
    .to_string()
}

/// The colon after a label: `: ` in English, a full-width `：` in Chinese.
pub fn colon(lang: Lang) -> &'static str {
    pick(lang, ": ", "：")
}

pub fn permission(lang: Lang, k: PermissionKind) -> &'static str {
    use PermissionKind::*;
    let (en, zh) = match k {
        Camera => ("Camera", "相机"),
        Album => ("Photos", "相册"),
        Location => ("Location", "位置"),
        Phone => ("Phone", "电话"),
        Microphone => ("Microphone", "麦克风"),
        Bluetooth => ("Bluetooth", "蓝牙"),
        Notifications => ("Notifications", "通知"),
        Storage => ("Storage", "存储"),
        Contacts => ("Contacts", "通讯录"),
        Calendar => ("Calendar", "日历"),
        Network => ("Network", "网络"),
        _ => ("Other", "其他"),
    };
    pick(lang, en, zh)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_kind_is_singular_in_english() {
        let collected = |categories| Answer::Collected {
            categories,
            sensitive: 0,
        };
        assert_eq!(answer(Lang::En, &collected(1)), "1 kind · 0 sensitive");
        assert_eq!(answer(Lang::En, &collected(3)), "3 kinds · 0 sensitive");
        assert!(answer(Lang::Zh, &collected(1)).starts_with("1 类"));
    }
}
