//! Contact labels, responsible roles and example markers.

/// Markers of an example: a value after one of these in its sentence is not a real contact.
pub const EXAMPLE: &[&str] = &[
    "例如",
    "比如",
    "举例",
    "示例",
    "样例",
    "e.g.",
    "for example",
    "for instance",
    "such as",
    "example:",
];

/// Placeholder values. The reserved domains (example.com, .example, .test) are not among them:
/// a policy published with its addresses anonymised ("privacy@acme.example") still names its
/// contact there; a form's sample value reads "user@…" or follows "e.g.".
pub const EXAMPLE_VALUES: &[&str] = &[
    "xxx",
    "xx@",
    "***",
    "test@",
    "yourname",
    "your-email",
    "user@",
    "name@",
];

/// Words saying that a sentence or section is about reaching the company.
pub const CONTACT_CONTEXT: &[&str] = &[
    "联系", "电话", "热线", "客服", "致电", "拨打", "邮箱", "邮件", "地址", "反馈", "投诉",
    "contact", "phone", "call", "tel", "hotline", "email", "e-mail", "write to", "reach us",
    "address",
];

/// Labels of a postal address, and the words a Chinese address contains.
pub const ADDRESS_LABELS: &[&str] = &[
    "联系地址",
    "通讯地址",
    "注册地址",
    "办公地址",
    "邮寄地址",
    "公司地址",
    "地址",
    // "或致信：上海市…", "来信请寄：…"
    "致信",
    "来信请寄",
    "postal address",
    "mailing address",
    "registered address",
    "office address",
    "address",
];
pub const ADDRESS_WORDS_ZH: &[&str] = &["省", "市", "区", "县", "路", "街", "号", "大厦", "园"];

/// The responsible person or department (个人信息保护法 art. 52; GB/T 35273-2020 §11.1; GDPR
/// art. 37 DPO).
pub const RESPONSIBLE: &[&str] = &[
    "个人信息保护负责人",
    "个人信息保护专员",
    "个人信息保护官",
    "个人信息保护部门",
    "数据保护官",
    "Data Protection Officer",
    "DPO",
    "privacy officer",
    "Data Protection Lead",
    "privacy team",
    "privacy office",
];
