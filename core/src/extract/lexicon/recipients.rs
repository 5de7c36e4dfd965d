//! Kinds of recipients and the words of sharing.

use crate::model::RecipientKind as R;

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
    // Delivery and payment firms act on the company's behalf.
    ("couriers", R::Processor),
    ("delivery partners", R::Processor),
    ("payment processors", R::Processor),
    ("payment providers", R::Processor),
    ("快递公司", R::Processor),
    ("物流公司", R::Processor),
    ("物流服务商", R::Processor),
    ("支付机构", R::Processor),
    ("清算机构", R::Partner),
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
