//! The summary layer: one facet per question a reader asks, each item with its provenance.

use serde::{Deserialize, Serialize};

#[cfg(feature = "schema")]
use schemars::JsonSchema;

use super::{is_false, Provenance};

/// The summary layer. Each facet says whether the policy states it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Facets {
    #[serde(default)]
    pub data_collected: Facet<DataItem>,
    #[serde(default)]
    pub purposes: Facet<Statement>,
    #[serde(default)]
    pub scenarios: Facet<Scenario>,
    #[serde(default)]
    pub recipients: Facet<Recipient>,
    #[serde(default)]
    pub sdks: Facet<Sdk>,
    #[serde(default)]
    pub permissions: Facet<Permission>,
    #[serde(default)]
    pub retention: Facet<Statement>,
    #[serde(default)]
    pub storage: Facet<Storage>,
    #[serde(default)]
    pub security: Facet<Statement>,
    #[serde(default)]
    pub children: Facet<Children>,
    #[serde(default)]
    pub rights: Facet<Right>,
    #[serde(default)]
    pub contacts: Facet<Contact>,
    #[serde(default)]
    pub major_changes: Facet<Statement>,
}

/// One facet: its coverage, and its items when stated.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields, bound(deserialize = "T: Deserialize<'de>"))]
pub struct Facet<T> {
    pub status: Coverage,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<T>,
    /// A reviewer's note, e.g. which part of the source is missing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl<T> Default for Facet<T> {
    fn default() -> Self {
        Facet {
            status: Coverage::NotReviewed,
            items: Vec::new(),
            note: None,
        }
    }
}

/// Whether a facet is covered by the policy text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
pub enum Coverage {
    /// The policy states it; the items say what.
    Stated,
    /// The complete text does not say it.
    NotStated,
    /// The part of the source that would say it is missing (the text is cut off).
    SourceMissing,
    /// Nobody has reviewed this facet yet (fresh import).
    NotReviewed,
}

/// A category of personal data the policy says it collects.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct DataItem {
    pub category: DataCategory,
    /// Short name in the policy's language, e.g. "手机号码".
    pub name: String,
    /// Set as the policy itself defines sensitive personal information.
    #[serde(default)]
    pub sensitive: bool,
    #[serde(default)]
    pub required: Requirement,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purposes: Vec<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum DataCategory {
    Contact,
    Identity,
    IdentityDocument,
    PreciseLocation,
    Vehicle,
    DrivingBehaviour,
    DeviceIdentifiers,
    Biometrics,
    AudioVideo,
    Payment,
    AddressBook,
    Account,
    Usage,
    Health,
    Other,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    Required,
    Optional,
    #[default]
    Unspecified,
}

/// A short statement in the policy's language, with its quote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A service scenario (e.g. one row of the Infiniti scenario table).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub scenario: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub platform: Option<String>,
    pub data: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// Who else receives personal data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Recipient {
    pub kind: RecipientKind,
    /// The recipient's name, where the policy names it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What is shared and why, briefly, in the policy's language.
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RecipientKind {
    Affiliate,
    Partner,
    Processor,
    Dealer,
    Authority,
    /// Conditions for public disclosure.
    PublicDisclosure,
    /// Transfer in a merger, acquisition or bankruptcy.
    Merger,
    Other,
}

/// A third-party SDK embedded in the app.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Sdk {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub data: Option<String>,
    /// The provider's policy link (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A device permission the app asks for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Permission {
    pub permission: PermissionKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub purpose: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum PermissionKind {
    Camera,
    Album,
    Location,
    Phone,
    Microphone,
    Bluetooth,
    Notifications,
    Storage,
    Contacts,
    Calendar,
    Network,
    Other,
}

/// Where data is stored and whether it leaves the country.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Storage {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    pub cross_border: CrossBorder,
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
pub enum CrossBorder {
    /// The policy says data stays in the country.
    No,
    /// The policy says data is transferred abroad.
    Yes,
    /// Only under conditions the policy names (consent, law, assessment).
    Conditional,
    /// The statement does not say.
    Unstated,
}

/// What the policy says about children.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Children {
    /// Age under which the policy treats a user as a child.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub age: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parental_consent: Option<bool>,
    pub text: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// A user right and how to exercise it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Right {
    pub right: RightKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub how: Vec<Channel>,
    /// As written, e.g. "15个工作日内".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response_time: Option<String>,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RightKind {
    Access,
    Correction,
    Deletion,
    WithdrawConsent,
    AccountCancellation,
    Copy,
    AutomatedDecision,
    Complaint,
    // Restricting processing (PIPL art. 44 限制; GDPR art. 18).
    Restriction,
    // Objecting to processing, direct marketing included (PIPL art. 44 拒绝; GDPR art. 21).
    Objection,
    Other,
}

/// One way to exercise a right or to reach the company.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Channel {
    pub kind: ChannelKind,
    /// As written: `“我的”-“设置”-“账号管理”`, an address, a number.
    pub value: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ChannelKind {
    AppPath,
    Email,
    Phone,
    Post,
    Web,
    Other,
}

/// A contact detail.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    pub kind: ContactKind,
    pub value: String,
    pub source: Provenance,
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(JsonSchema))]
#[cfg_attr(
    feature = "binary",
    derive(borsh::BorshSerialize, borsh::BorshDeserialize)
)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ContactKind {
    Phone,
    Email,
    Address,
    /// A named person or department (e.g. 个人信息保护专员).
    Responsible,
    Web,
}
