//! The extractor's domain knowledge, as plain tables a reviewer can check without reading the
//! engine. Each table says where its entries come from. Entries are matched ASCII
//! case-insensitively; Latin entries only at word boundaries; longer entries win.

use std::ops::Range;

use crate::model::{DataCategory as C, PermissionKind as P, RecipientKind as R, RightKind as K};

/// Personal-information items: (term, category, sensitive).
///
/// Chinese: GB/T 35273-2020 Annex A (examples of personal information) and Annex B (examples
/// of sensitive personal information: 身份证件, 生物识别, 财产/金融账户, 健康生理, 通信记录,
/// 通讯录, 行踪轨迹, 精准定位, 网页浏览记录, 住宿信息); the TC260 practice guide on identifying
/// sensitive personal information (TC260-PG-20244A: 生物识别, 宗教信仰, 特定身份, 医疗健康,
/// 金融账户, 行踪轨迹, 不满十四周岁未成年人); 汽车数据安全管理若干规定（试行）2021 art. 3
/// (车辆行踪轨迹, 音频, 视频, 图像 and 生物识别特征 are sensitive).
/// English: the same categories as GDPR art. 9 / CCPA §1798.140(ae) "sensitive personal
/// information" name them (precise geolocation, government ID, biometrics, health, financial
/// account, contents of communications).
pub const DATA: &[(&str, C, bool)] = &[
    // Contact (Annex A 个人基本资料, 联系方式).
    ("手机号码", C::Contact, false),
    ("手机号", C::Contact, false),
    ("电话号码", C::Contact, false),
    ("联系电话", C::Contact, false),
    ("联系方式", C::Contact, false),
    ("电子邮箱", C::Contact, false),
    ("邮箱地址", C::Contact, false),
    ("电子邮件地址", C::Contact, false),
    ("收货地址", C::Contact, false),
    ("通讯地址", C::Contact, false),
    ("家庭住址", C::Contact, false),
    ("住址", C::Contact, false),
    ("phone number", C::Contact, false),
    ("mobile number", C::Contact, false),
    ("telephone number", C::Contact, false),
    ("email address", C::Contact, false),
    ("e-mail address", C::Contact, false),
    ("postal address", C::Contact, false),
    ("home address", C::Contact, false),
    ("contact details", C::Contact, false),
    // Identity (Annex A 个人基本资料, 个人教育工作信息).
    ("真实姓名", C::Identity, false),
    ("姓名", C::Identity, false),
    ("性别", C::Identity, false),
    ("出生日期", C::Identity, false),
    ("生日", C::Identity, false),
    ("年龄", C::Identity, false),
    ("国籍", C::Identity, false),
    ("民族", C::Identity, false),
    ("职业", C::Identity, false),
    ("工作单位", C::Identity, false),
    ("学历", C::Identity, false),
    ("full name", C::Identity, false),
    ("your name", C::Identity, false),
    ("date of birth", C::Identity, false),
    ("gender", C::Identity, false),
    ("nationality", C::Identity, false),
    ("occupation", C::Identity, false),
    // Identity documents (Annex B 个人身份信息; TC260 特定身份).
    ("身份证件号码", C::IdentityDocument, true),
    ("身份证号码", C::IdentityDocument, true),
    ("身份证号", C::IdentityDocument, true),
    ("身份证", C::IdentityDocument, true),
    ("证件号码", C::IdentityDocument, true),
    ("护照", C::IdentityDocument, true),
    ("驾驶证", C::IdentityDocument, true),
    ("军官证", C::IdentityDocument, true),
    ("社保卡", C::IdentityDocument, true),
    ("居住证", C::IdentityDocument, true),
    ("id card number", C::IdentityDocument, true),
    ("identity card", C::IdentityDocument, true),
    ("government-issued id", C::IdentityDocument, true),
    ("passport number", C::IdentityDocument, true),
    ("passport", C::IdentityDocument, true),
    ("driver's license", C::IdentityDocument, true),
    ("driving licence", C::IdentityDocument, true),
    ("driving license", C::IdentityDocument, true),
    ("social security number", C::IdentityDocument, true),
    // Location (Annex B 精准定位信息, 行踪轨迹; automotive rules 车辆行踪轨迹).
    ("精准地理位置信息", C::PreciseLocation, true),
    ("精准定位信息", C::PreciseLocation, true),
    ("精确位置信息", C::PreciseLocation, true),
    ("精准位置", C::PreciseLocation, true),
    ("精确位置", C::PreciseLocation, true),
    ("车辆行踪轨迹", C::PreciseLocation, true),
    ("行踪轨迹", C::PreciseLocation, true),
    ("行驶轨迹", C::PreciseLocation, true),
    ("经纬度", C::PreciseLocation, true),
    ("位置信息", C::PreciseLocation, false),
    ("地理位置", C::PreciseLocation, false),
    ("precise location", C::PreciseLocation, true),
    ("precise geolocation", C::PreciseLocation, true),
    ("gps location", C::PreciseLocation, true),
    ("vehicle location", C::PreciseLocation, true),
    ("location data", C::PreciseLocation, false),
    ("location information", C::PreciseLocation, false),
    ("geolocation", C::PreciseLocation, false),
    // Vehicle (automotive rules: 车辆数据).
    ("车辆识别代号", C::Vehicle, false),
    ("车架号", C::Vehicle, false),
    ("VIN码", C::Vehicle, false),
    ("车牌号码", C::Vehicle, false),
    ("车牌号", C::Vehicle, false),
    ("发动机号", C::Vehicle, false),
    ("行驶证", C::Vehicle, false),
    ("车辆信息", C::Vehicle, false),
    ("行驶里程", C::Vehicle, false),
    ("vehicle identification number", C::Vehicle, false),
    ("VIN", C::Vehicle, false),
    ("license plate number", C::Vehicle, false),
    ("licence plate number", C::Vehicle, false),
    ("mileage", C::Vehicle, false),
    ("驾驶行为", C::DrivingBehaviour, false),
    ("驾驶习惯", C::DrivingBehaviour, false),
    ("车速", C::DrivingBehaviour, false),
    ("driving behavior", C::DrivingBehaviour, false),
    ("driving behaviour", C::DrivingBehaviour, false),
    // Device identifiers (Annex A 个人常用设备信息, 网络身份标识信息).
    ("唯一设备识别码", C::DeviceIdentifiers, false),
    ("设备识别码", C::DeviceIdentifiers, false),
    ("设备标识符", C::DeviceIdentifiers, false),
    ("设备标识", C::DeviceIdentifiers, false),
    ("硬件序列号", C::DeviceIdentifiers, false),
    ("设备型号", C::DeviceIdentifiers, false),
    ("操作系统版本", C::DeviceIdentifiers, false),
    ("设备信息", C::DeviceIdentifiers, false),
    ("MAC地址", C::DeviceIdentifiers, false),
    ("IP地址", C::DeviceIdentifiers, false),
    ("IMEI", C::DeviceIdentifiers, false),
    ("IMSI", C::DeviceIdentifiers, false),
    ("IDFA", C::DeviceIdentifiers, false),
    ("OAID", C::DeviceIdentifiers, false),
    ("Android ID", C::DeviceIdentifiers, false),
    ("device identifier", C::DeviceIdentifiers, false),
    ("device ID", C::DeviceIdentifiers, false),
    ("device model", C::DeviceIdentifiers, false),
    ("device information", C::DeviceIdentifiers, false),
    ("advertising identifier", C::DeviceIdentifiers, false),
    ("IP address", C::DeviceIdentifiers, false),
    ("MAC address", C::DeviceIdentifiers, false),
    ("operating system", C::DeviceIdentifiers, false),
    // Biometrics (Annex B 个人生物识别信息; automotive rules 生物识别特征).
    ("生物识别特征", C::Biometrics, true),
    ("生物识别信息", C::Biometrics, true),
    ("面部识别特征", C::Biometrics, true),
    ("人脸识别信息", C::Biometrics, true),
    ("人脸信息", C::Biometrics, true),
    ("人脸图像", C::Biometrics, true),
    ("面部特征", C::Biometrics, true),
    ("指纹信息", C::Biometrics, true),
    ("指纹特征", C::Biometrics, true),
    ("声纹", C::Biometrics, true),
    ("虹膜", C::Biometrics, true),
    ("掌纹", C::Biometrics, true),
    ("biometric information", C::Biometrics, true),
    ("biometric data", C::Biometrics, true),
    ("facial recognition data", C::Biometrics, true),
    ("face data", C::Biometrics, true),
    ("fingerprint", C::Biometrics, true),
    ("voiceprint", C::Biometrics, true),
    // Audio and video (automotive rules: 音频、视频、图像 from the vehicle are sensitive).
    ("车内音视频", C::AudioVideo, true),
    ("车外视频", C::AudioVideo, true),
    ("车内影像", C::AudioVideo, true),
    ("通话录音", C::AudioVideo, false),
    ("语音信息", C::AudioVideo, false),
    ("录音", C::AudioVideo, false),
    ("in-car video", C::AudioVideo, true),
    ("camera images", C::AudioVideo, true),
    ("voice recordings", C::AudioVideo, false),
    ("video recordings", C::AudioVideo, false),
    ("audio recordings", C::AudioVideo, false),
    ("voice data", C::AudioVideo, false),
    // Financial (Annex B 个人财产信息; TC260 金融账户).
    ("银行卡号", C::Payment, true),
    ("银行账户", C::Payment, true),
    ("银行卡信息", C::Payment, true),
    ("支付账号", C::Payment, true),
    ("征信信息", C::Payment, true),
    ("信贷记录", C::Payment, true),
    ("交易记录", C::Payment, true),
    ("支付记录", C::Payment, true),
    ("消费记录", C::Payment, true),
    ("财产信息", C::Payment, true),
    ("bank card number", C::Payment, true),
    ("bank account", C::Payment, true),
    ("credit card", C::Payment, true),
    ("financial account", C::Payment, true),
    ("payment card", C::Payment, true),
    ("transaction records", C::Payment, true),
    // Communications (Annex B 通信记录和内容, 通讯录, 好友列表).
    ("通讯录", C::AddressBook, true),
    ("好友列表", C::AddressBook, true),
    ("通话记录", C::AddressBook, true),
    ("短信", C::AddressBook, true),
    ("address book", C::AddressBook, true),
    ("contact list", C::AddressBook, true),
    ("call logs", C::AddressBook, true),
    ("text messages", C::AddressBook, true),
    // Account (Annex A 网络身份标识信息).
    ("账户名", C::Account, false),
    ("用户名", C::Account, false),
    ("昵称", C::Account, false),
    ("头像", C::Account, false),
    ("验证码", C::Account, false),
    ("用户ID", C::Account, false),
    ("username", C::Account, false),
    ("user ID", C::Account, false),
    ("nickname", C::Account, false),
    ("profile picture", C::Account, false),
    ("password", C::Account, false),
    // Usage (Annex A 个人上网记录; Annex B lists 网页浏览记录 as sensitive).
    ("网页浏览记录", C::Usage, true),
    ("浏览记录", C::Usage, false),
    ("搜索记录", C::Usage, false),
    ("点击记录", C::Usage, false),
    ("操作记录", C::Usage, false),
    ("日志信息", C::Usage, false),
    ("browsing history", C::Usage, false),
    ("search history", C::Usage, false),
    ("usage data", C::Usage, false),
    ("usage information", C::Usage, false),
    ("log data", C::Usage, false),
    ("log information", C::Usage, false),
    // Health (Annex B 个人健康生理信息; TC260 医疗健康).
    ("健康信息", C::Health, true),
    ("健康状况", C::Health, true),
    ("病史", C::Health, true),
    ("医疗信息", C::Health, true),
    ("心率", C::Health, true),
    ("health information", C::Health, true),
    ("health data", C::Health, true),
    ("medical information", C::Health, true),
    ("heart rate", C::Health, true),
    // Other sensitive (Annex B 其他; TC260 宗教信仰).
    ("订单信息", C::Other, false),
    ("宗教信仰", C::Other, true),
    ("性取向", C::Other, true),
    ("犯罪记录", C::Other, true),
    ("住宿信息", C::Other, true),
    ("religious beliefs", C::Other, true),
    ("sexual orientation", C::Other, true),
    ("criminal records", C::Other, true),
];

/// Verbs that make a sentence a collection statement.
pub const COLLECT: &[&str] = &[
    "收集",
    "获取",
    "采集",
    "读取",
    "获得",
    // Not bare "您提供": "为您提供" is a service given to the reader.
    "您主动提供",
    "您自行提供",
    "您提供的",
    "需要提供",
    "需提供",
    "请提供",
    "向我们提供",
    "提交",
    "填写",
    "上传",
    "collect",
    "obtain",
    "gather",
    "provide us",
    "you provide",
    "choose to provide",
    "ask you to provide",
    "submit",
    "record",
];

/// Negations that take a sentence out of a collection statement.
pub const NOT_COLLECT: &[&str] = &[
    "不会收集",
    "不收集",
    "不会获取",
    "不会主动收集",
    "不会读取",
    "不会采集",
    "不会要求",
    "无需",
    "do not collect",
    "does not collect",
    "will not collect",
    "never collect",
    "not collect",
    "do not obtain",
    "will not obtain",
];

/// Words that make data required or optional, where the sentence says so.
pub const REQUIRED: &[&str] = &[
    "必要",
    "必须",
    "必需",
    "required",
    "must provide",
    "mandatory",
];
pub const OPTIONAL: &[&str] = &[
    "可选",
    "选择提供",
    "自主选择",
    "自愿",
    "optional",
    "you may choose",
    "if you choose",
    "voluntar",
];

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

/// Example domains and placeholder values (RFC 2606 reserves example.com/.net/.org and
/// .test/.example/.invalid).
pub const EXAMPLE_VALUES: &[&str] = &[
    "example.com",
    "example.org",
    "example.net",
    ".example",
    ".test",
    ".invalid",
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
];

/// Device permissions (Android manifest permission groups; iOS usage-description keys; MIIT
/// 《App收集使用个人信息最小必要评估规范》 permission list).
pub const PERMISSIONS: &[(&str, P)] = &[
    ("相机", P::Camera),
    ("摄像头", P::Camera),
    ("相册", P::Album),
    ("照片", P::Album),
    ("位置", P::Location),
    ("定位", P::Location),
    ("电话", P::Phone),
    ("设备信息", P::Phone),
    ("麦克风", P::Microphone),
    ("录音", P::Microphone),
    ("蓝牙", P::Bluetooth),
    ("通知", P::Notifications),
    ("存储", P::Storage),
    ("文件", P::Storage),
    ("通讯录", P::Contacts),
    ("日历", P::Calendar),
    ("网络", P::Network),
    ("剪切板", P::Other),
    ("剪贴板", P::Other),
    ("camera", P::Camera),
    ("photo library", P::Album),
    ("photos", P::Album),
    ("location", P::Location),
    ("microphone", P::Microphone),
    ("bluetooth", P::Bluetooth),
    ("notifications", P::Notifications),
    ("notification", P::Notifications),
    ("storage", P::Storage),
    ("contacts", P::Contacts),
    ("calendar", P::Calendar),
    ("phone", P::Phone),
    ("clipboard", P::Other),
];

/// Recipient kinds (GB/T 35273-2020 §9 委托处理/共享/转让/公开披露; PIPL arts. 21-25).
pub const RECIPIENTS: &[(&str, R)] = &[
    ("关联公司", R::Affiliate),
    ("关联方", R::Affiliate),
    ("合作伙伴", R::Partner),
    ("合作方", R::Partner),
    ("受托方", R::Processor),
    ("受托人", R::Processor),
    ("受托公司", R::Processor),
    ("服务提供商", R::Processor),
    ("经销商", R::Dealer),
    ("政府机关", R::Authority),
    ("司法机关", R::Authority),
    ("行政机关", R::Authority),
    ("监管部门", R::Authority),
    ("监管机构", R::Authority),
    ("affiliates", R::Affiliate),
    ("affiliated companies", R::Affiliate),
    ("business partners", R::Partner),
    ("partners", R::Partner),
    ("service providers", R::Processor),
    ("processors", R::Processor),
    ("vendors", R::Processor),
    ("dealers", R::Dealer),
    ("authorities", R::Authority),
    ("law enforcement", R::Authority),
    ("government agencies", R::Authority),
];

/// Verbs that make a sentence about giving data to someone.
pub const SHARE: &[&str] = &[
    "共享",
    "提供给",
    "向其提供",
    "披露",
    "转让",
    "委托",
    "share",
    "disclose",
    "transfer",
    "provide your personal information to",
    "provide it to",
];

/// Rights of the data subject (PIPL arts. 44-50, 24; GB/T 35273-2020 §8; GDPR arts. 15-22, 77).
/// A sentence grants a right when it names it and carries a grant marker.
pub const RIGHTS: &[(&str, K)] = &[
    ("注销账号", K::AccountCancellation),
    ("注销账户", K::AccountCancellation),
    ("注销您的账号", K::AccountCancellation),
    ("注销您的账户", K::AccountCancellation),
    ("查阅", K::Access),
    ("查询", K::Access),
    ("访问您的", K::Access),
    ("更正", K::Correction),
    ("补充", K::Correction),
    ("删除您的", K::Deletion),
    ("删除权", K::Deletion),
    ("请求删除", K::Deletion),
    ("撤回同意", K::WithdrawConsent),
    ("撤销同意", K::WithdrawConsent),
    ("撤回授权", K::WithdrawConsent),
    ("撤销我们对您个人信息处理的授权", K::WithdrawConsent),
    ("撤回您的同意", K::WithdrawConsent),
    ("改变您授权同意", K::WithdrawConsent),
    ("副本", K::Copy),
    ("复制", K::Copy),
    ("转移至", K::Copy),
    ("可携", K::Copy),
    ("自动化决策", K::AutomatedDecision),
    ("投诉", K::Complaint),
    ("举报", K::Complaint),
    ("delete your account", K::AccountCancellation),
    ("close your account", K::AccountCancellation),
    ("cancel your account", K::AccountCancellation),
    ("cancel at any time the account", K::AccountCancellation),
    ("access your personal", K::Access),
    ("access and update", K::Access),
    ("access and correct", K::Access),
    ("update your", K::Correction),
    ("right of access", K::Access),
    ("right to access", K::Access),
    ("correct", K::Correction),
    ("rectif", K::Correction),
    ("deletion", K::Deletion),
    ("delete your personal", K::Deletion),
    ("erasure", K::Deletion),
    ("withdraw your consent", K::WithdrawConsent),
    ("withdraw consent", K::WithdrawConsent),
    ("copy of your personal", K::Copy),
    ("copies of your personal", K::Copy),
    ("a copy of your", K::Copy),
    ("portability", K::Copy),
    ("automated decision", K::AutomatedDecision),
    ("lodge a complaint", K::Complaint),
    ("file a complaint", K::Complaint),
    ("make a complaint", K::Complaint),
];

/// Heading words that name one right (`1. 查阅权`, `Rectifying your personal information`):
/// the section's first granting sentence then grants it.
pub const RIGHT_HEADINGS: &[(&str, K)] = &[
    ("查阅权", K::Access),
    ("查询权", K::Access),
    ("访问权", K::Access),
    ("更正权", K::Correction),
    ("补充权", K::Correction),
    ("删除权", K::Deletion),
    ("撤销同意", K::WithdrawConsent),
    ("撤回同意", K::WithdrawConsent),
    ("改变授权", K::WithdrawConsent),
    ("注销账号", K::AccountCancellation),
    ("注销账户", K::AccountCancellation),
    ("副本", K::Copy),
    ("可携带", K::Copy),
    ("自动化决策", K::AutomatedDecision),
    ("投诉", K::Complaint),
    ("accessing your", K::Access),
    ("access to your", K::Access),
    ("right of access", K::Access),
    ("rectifying", K::Correction),
    ("correcting", K::Correction),
    ("rectification", K::Correction),
    ("deleting your", K::Deletion),
    ("right to erasure", K::Deletion),
    ("scope of your authorization", K::WithdrawConsent),
    ("withdrawing consent", K::WithdrawConsent),
    ("withdrawing your consent", K::WithdrawConsent),
    ("cancelling user account", K::AccountCancellation),
    ("cancelling your account", K::AccountCancellation),
    ("deleting your account", K::AccountCancellation),
    ("copies of", K::Copy),
    ("data portability", K::Copy),
    ("automatic decision", K::AutomatedDecision),
    ("automated decision", K::AutomatedDecision),
    ("complaints", K::Complaint),
];

/// Markers that a sentence grants something to the reader.
pub const GRANT: &[&str] = &[
    "有权",
    "可以",
    "可通过",
    "您可",
    "可向",
    "可随时",
    "right to",
    "right of",
    "you may",
    "you can",
    "you have the right",
    "entitled to",
];

/// Markers that a sentence denies or limits what it names: such a sentence grants nothing.
pub const DENY: &[&str] = &[
    "不提供",
    "不支持",
    "无法",
    "不能",
    "不享有",
    "不可以",
    "暂不",
    "不予",
    "不得",
    "不会",
    "do not have the right",
    "don't have the right",
    "not have the right",
    "do not provide",
    "does not provide",
    "do not offer",
    "cannot",
    "can not",
    "not able to",
    "not entitled",
    "is not available",
    "are not available",
    "not possible",
];

/// Words of a response time clause.
pub const RESPONSE: &[&str] = &[
    "回复",
    "答复",
    "响应",
    "处理您的",
    "反馈",
    "respond",
    "reply",
    "response",
    "handle your",
];

/// Completeness notes whose section is cut or lost carry one of these. (A note that only says
/// other parts are missing, "the parts it refers to are missing", leaves its section readable.)
pub const MISSING: &[&str] = &[
    "lost",
    "cut off",
    "ends inside",
    "mid-sentence",
    "truncated",
    "missing from",
    "is missing",
    "缺失",
    "截断",
    "丢失",
    "不完整",
];

/// Whether a completeness note says its section's text is missing or cut.
pub fn marks_missing(note: &str) -> bool {
    super::has_any(note, MISSING)
}

/// Abbreviations after which a `.` does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "Co", "Ltd", "Inc", "Corp", "No", "e.g", "i.e", "etc", "Mr", "Ms", "Dr", "St", "vs", "Nos",
];

/// Finds entries of `table` in `text`: longest first, no overlaps, Latin entries at word
/// boundaries, ASCII case ignored. Returns byte ranges and table indexes, in text order.
pub fn scan<T>(text: &str, table: &[(&str, T)]) -> Vec<(Range<usize>, usize)> {
    scan_terms(text, table.iter().map(|e| e.0))
}

/// [`scan`] over the first column of any table.
pub fn scan_terms<'a>(
    text: &str,
    terms: impl Iterator<Item = &'a str>,
) -> Vec<(Range<usize>, usize)> {
    let lower = text.to_ascii_lowercase();
    let mut order: Vec<(usize, String)> =
        terms.map(|t| t.to_ascii_lowercase()).enumerate().collect();
    order.sort_by_key(|(_, t)| std::cmp::Reverse(t.len()));
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for (idx, term) in order {
        let latin = term.starts_with(|c: char| c.is_ascii_alphanumeric());
        let latin_end = term.ends_with(|c: char| c.is_ascii_alphanumeric());
        for (i, _) in lower.match_indices(&term) {
            let r = i..i + term.len();
            let glued_before = latin
                && lower[..i]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            // A plural `s` is part of the word; any other letter glues.
            let rest = &lower[r.end..];
            let rest = rest.strip_prefix('s').unwrap_or(rest);
            let glued_after =
                latin_end && rest.chars().next().is_some_and(|c| c.is_ascii_alphabetic());
            let overlaps = found
                .iter()
                .any(|(o, _)| o.start < r.end && r.start < o.end);
            if !glued_before && !glued_after && !overlaps {
                found.push((r, idx));
            }
        }
    }
    found.sort_by_key(|(r, _)| r.start);
    found
}
