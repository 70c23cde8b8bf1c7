//! The clause-set data model: agreements, clauses and the shared registries.
//!
//! These types are the single source of truth for the file format: they are
//! deserialised from TOML or JSON, serialised as the normalised JSON record
//! (`clausediff show --format json`) and turned into the published JSON Schema
//! (`clausediff schema`). Every struct rejects unknown keys so that a typo in a
//! hand-written file is an error, not silently dropped data.

use std::fmt;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::date::Date;

/// One agreement file: metadata plus its clauses.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "clausediff agreement")]
pub struct Agreement {
    /// Stable identifier, lower-case words joined by hyphens (`us-taliban-2020`).
    pub id: String,
    /// Short names that resolve to this agreement anywhere one is named (`doha`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Full title as given by the source.
    pub title: String,
    /// A short label for table headers ("Doha 2020").
    pub short_title: String,
    /// Legal or political status of the text.
    pub status: AgreementStatus,
    /// Date of signature, declaration or proposal (`YYYY-MM-DD`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// Place of signature or issue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// PA-X agreement id (`AgtId`), where PA-X codes this agreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pax_agt_id: Option<u32>,
    /// Parties and third parties with their roles.
    pub parties: Vec<Party>,
    /// Sources the encoding rests on; clauses cite them by id.
    pub sources: Vec<Source>,
    /// Free-text notes about the agreement as a whole.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// The clauses, in source order.
    #[serde(rename = "clause")]
    pub clauses: Vec<Clause>,
}

/// The legal or political status of an agreement text.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgreementStatus {
    /// Signed by its parties.
    Signed,
    /// Issued as a (joint) declaration.
    Declared,
    /// Agreed in principle, e.g. in a mediator's statement; no signed text.
    AgreedInPrinciple,
    /// Proposed by someone; not agreed by the parties.
    Proposed,
    /// Known only from reporting; whether a text exists is unclear.
    Reported,
}

impl AgreementStatus {
    /// Whether the clauses are known from reporting rather than from a signed text.
    pub fn is_reported_statement(self) -> bool {
        matches!(
            self,
            Self::AgreedInPrinciple | Self::Proposed | Self::Reported
        )
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Signed => "signed",
            Self::Declared => "declared",
            Self::AgreedInPrinciple => "agreed in principle",
            Self::Proposed => "proposed",
            Self::Reported => "reported",
        }
    }
}

/// A party or third party to an agreement.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Party {
    /// Actor id from the actor registry.
    pub actor: String,
    pub role: PartyRole,
    /// Who signed or spoke for the actor, and any caveat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PartyRole {
    Signatory,
    /// A party to a text that was not signed (a declaration, a proposal).
    Party,
    Guarantor,
    Witness,
    Mediator,
    Monitor,
    /// The person or body that proposed the text.
    Proposer,
    /// Attended without signing.
    Observer,
}

impl PartyRole {
    pub fn label(self) -> &'static str {
        match self {
            Self::Signatory => "signatory",
            Self::Party => "party",
            Self::Guarantor => "guarantor",
            Self::Witness => "witness",
            Self::Mediator => "mediator",
            Self::Monitor => "monitor",
            Self::Proposer => "proposer",
            Self::Observer => "observer",
        }
    }
}

/// A source the encoding rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Identifier cited by clauses (`sources = ["pax-2271"]`).
    pub id: String,
    /// Human-readable description ("PA-X record 2271").
    pub title: String,
    /// Where to read it (http or https only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// One clause: who owes what to whom, by when, enforced how, checked by whom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Clause {
    /// Identifier unique within the agreement (`p1-a1`).
    pub id: String,
    /// Where the clause sits in the source ("Part One, A.1").
    pub locator: String,
    /// The clause text: our faithful summary or a verbatim quote.
    pub text: String,
    /// Whether `text` is our paraphrase or a verbatim quote.
    #[serde(default)]
    pub text_form: TextForm,
    pub kind: ClauseKind,
    /// Whether the clause is in the agreement's public text or known only from
    /// reporting about it (e.g. classified annexes).
    #[serde(default)]
    pub basis: Basis,
    /// Actors who owe the obligation (actor ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub obligors: Vec<String>,
    /// Actors the obligation is owed to (actor ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub beneficiaries: Vec<String>,
    /// "Neither party shall…": every obligor owes every other obligor; the
    /// clause is then one clause with one directed obligation per ordered pair.
    #[serde(default, skip_serializing_if = "is_false")]
    pub reciprocal: bool,
    /// Topic ids from the taxonomy.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Armed groups the clause names (group ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<String>,
    /// Territorial scope; absent means the text states none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory: Option<Territory>,
    /// How the clause is enforced; absent means "not stated".
    #[serde(default)]
    pub enforcement: Enforcement,
    /// Who monitors or verifies it; absent means "not stated".
    #[serde(default)]
    pub monitoring: Monitoring,
    /// By when; absent means no deadline is stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deadline: Option<Deadline>,
    /// Conditions the clause depends on, in the text or on other clauses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conditions: Vec<Condition>,
    /// Figures the clause fixes (troop levels, prisoner numbers, bases).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quantities: Vec<Quantity>,
    /// Explicit alignment links to clauses of other agreements
    /// (`"us-afghanistan-2020#withdrawal-phase-1"`), used by `diff` before any
    /// similarity scoring.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// How certain the clause's facts are.
    pub certainty: Certainty,
    /// Source ids (from the agreement's `sources`) the clause rests on.
    pub sources: Vec<String>,
    /// Anything a reader needs to weigh the clause (caveats, quotes' context).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Dated implementation status, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub implementation: Vec<ImplementationRecord>,
}

fn is_false(value: &bool) -> bool {
    !*value
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TextForm {
    /// Our own faithful summary of the source.
    #[default]
    Paraphrase,
    /// The source's own words.
    Quote,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClauseKind {
    /// A party undertakes to do or not do something.
    Commitment,
    /// A principle or statement of relations without a concrete act.
    Principle,
    /// A body, procedure or mechanism (monitoring, talks, review).
    Mechanism,
    /// A goal or hope ("seek positive relations").
    Aspiration,
    /// A clause that makes other clauses conditional or links them.
    Condition,
    /// A clause that sets the scope of others (who, where, until when).
    Scope,
}

impl ClauseKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::Commitment => "commitment",
            Self::Principle => "principle",
            Self::Mechanism => "mechanism",
            Self::Aspiration => "aspiration",
            Self::Condition => "condition",
            Self::Scope => "scope",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// In the agreement's public text.
    #[default]
    Text,
    /// Known only from reporting about the agreement (not in its public text).
    Reporting,
}

/// Where a clause applies.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Territory {
    /// The scope in words ("Afghan soil, in areas under Taliban control").
    pub description: String,
    /// Whose territory it is (actor ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub of: Vec<String>,
    /// True when each obligor's own territory is meant ("its territory").
    #[serde(default, skip_serializing_if = "is_false")]
    pub each_own: bool,
    /// A limit on the scope ("areas under their control").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limited_to: Option<String>,
}

/// How a clause is enforced.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Enforcement {
    #[serde(default)]
    pub kind: EnforcementKind,
    /// What the mechanism is, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// The penalty for breach.
    #[serde(default)]
    pub penalty: Penalty,
}

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum EnforcementKind {
    /// The source says nothing about enforcement.
    #[default]
    NotStated,
    /// The source establishes that there is none.
    None,
    /// Another party's performance depends on this one.
    Conditionality,
    /// Sanctions or snap-back.
    Sanctions,
    /// A standing or ad hoc body settles disputes.
    DisputeBody,
    /// A penalty on the violating party.
    Penalty,
    /// Something else, described in `detail`.
    Other,
}

impl EnforcementKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStated => "not stated",
            Self::None => "none",
            Self::Conditionality => "conditionality",
            Self::Sanctions => "sanctions",
            Self::DisputeBody => "dispute body",
            Self::Penalty => "penalty",
            Self::Other => "other",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Penalty {
    #[serde(default)]
    pub kind: PenaltyKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyKind {
    /// The source says nothing about a penalty.
    #[default]
    NotStated,
    /// The source establishes that there is none.
    None,
    /// A penalty is mentioned but not defined.
    Unspecified,
    /// A penalty is defined (see `detail`).
    Specified,
}

impl PenaltyKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStated => "not stated",
            Self::None => "none",
            Self::Unspecified => "mentioned, undefined",
            Self::Specified => "specified",
        }
    }
}

/// Who monitors or verifies a clause.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    #[serde(default)]
    pub kind: MonitoringKind,
    /// The monitoring actors (required for `party` and `named_body`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    /// What the monitor may do ("investigate and report").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mandate: Option<String>,
    /// Anything else: whether it was ever set up, reported arrangements.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum MonitoringKind {
    /// The source says nothing about monitoring.
    #[default]
    NotStated,
    /// The source establishes that there is no monitor.
    None,
    /// A party to the agreement monitors.
    Party,
    /// The text calls for a third-party monitor but names none.
    ThirdPartyUnspecified,
    /// A named third party or body monitors.
    NamedBody,
}

impl MonitoringKind {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotStated => "not stated",
            Self::None => "none",
            Self::Party => "a party",
            Self::ThirdPartyUnspecified => "third party, unnamed",
            Self::NamedBody => "named body",
        }
    }
}

/// By when a clause must be performed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Deadline {
    /// An absolute date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// A duration from an anchor event.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub within: Option<Span>,
    /// The anchor of `within`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Anchor>,
    /// The deadline as the source words it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// A length of time.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Span {
    /// How many units; fractions allowed ("9.5 months").
    pub amount: f64,
    pub unit: SpanUnit,
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match self.unit {
            SpanUnit::Days => "day",
            SpanUnit::Weeks => "week",
            SpanUnit::Months => "month",
            SpanUnit::Years => "year",
        };
        let plural = if self.amount == 1.0 { "" } else { "s" };
        write!(f, "{} {unit}{plural}", self.amount)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SpanUnit {
    Days,
    Weeks,
    Months,
    Years,
}

/// The event a relative deadline counts from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Anchor {
    pub event: AnchorEvent,
    /// For `clause`: the id of the clause whose performance starts the clock.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
    /// For `other`: the event in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    /// When the anchor event is known to have happened.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnchorEvent {
    /// Signature (or issue) of the agreement: its `date`.
    Signing,
    /// Announcement of the agreement.
    Announcement,
    EntryIntoForce,
    /// Another clause of the same agreement.
    Clause,
    /// Another event, named in `label`.
    Other,
}

/// A condition a clause depends on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Condition {
    /// The condition in words.
    pub text: String,
    /// Clauses of the same agreement it depends on (clause ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on: Vec<String>,
}

/// A figure fixed by a clause.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quantity {
    pub value: f64,
    /// What is counted ("troops", "prisoners", "military bases").
    pub unit: String,
    /// "at most", "exactly", "at least"; absent means as stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    AtMost,
    Exactly,
    AtLeast,
}

/// How certain a fact is, following the fact sheets' tags.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Certainty {
    /// Checked against the text or a cited source excerpt ([V]).
    Verified,
    /// Substance checked; an exact label, number or wording not ([V-partial]).
    PartiallyVerified,
    /// From a reading that could not be re-checked ([R]); treat as unverified.
    Reported,
    /// Could not be confirmed, or sources conflict.
    Unverified,
}

impl Certainty {
    pub fn label(self) -> &'static str {
        match self {
            Self::Verified => "verified",
            Self::PartiallyVerified => "partially verified",
            Self::Reported => "reported",
            Self::Unverified => "unverified",
        }
    }

    /// Whether a report may present the fact as settled.
    pub fn is_settled(self) -> bool {
        self == Self::Verified
    }
}

/// One dated observation of how far a clause was implemented.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImplementationRecord {
    /// When the status was observed or the event happened.
    pub date: Date,
    pub status: ImplementationStatus,
    /// What happened, in words.
    pub evidence: String,
    /// Source id from the agreement's `sources`.
    pub source: String,
    pub certainty: Certainty,
}

/// The Peace Accords Matrix implementation scale.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ImplementationStatus {
    NotInitiated,
    Minimal,
    Intermediate,
    Full,
}

impl ImplementationStatus {
    pub fn label(self) -> &'static str {
        match self {
            Self::NotInitiated => "not initiated",
            Self::Minimal => "minimal",
            Self::Intermediate => "intermediate",
            Self::Full => "full",
        }
    }
}

// ---------------------------------------------------------------------------
// Registries

/// `actors.toml`: states, governments, non-state and collective actors.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActorRegistry {
    #[serde(rename = "actor", default)]
    pub actors: Vec<Actor>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A short label for tables; defaults to `name`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    pub kind: ActorKind,
    /// ISO 3166 alpha-3 code, for states.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// False when the texts never say who the actor is ("allies").
    #[serde(default = "yes")]
    pub defined: bool,
    /// Known members of a collective actor (actor ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
    /// Recognition status, e.g. who does not recognise it as a state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub recognition: Option<String>,
    /// Periods in which the actor acts for a state.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub acts_for: Vec<ActsFor>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

fn yes() -> bool {
    true
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    State,
    /// A government or authority that may act for a state over a period.
    Government,
    NonState,
    /// An international organisation or one of its bodies.
    Organisation,
    /// A group of actors ("the United States and its allies").
    Collective,
    /// Someone the text refers to without naming ("a third party").
    Unspecified,
    /// A person (a mediator, an envoy who proposes).
    Person,
}

/// An actor acting for a state from `from` until `until` (exclusive), or open-ended.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActsFor {
    /// The state's actor id.
    pub state: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub until: Option<Date>,
    /// On what basis ("de facto authority in Kabul").
    pub basis: String,
}

/// `groups.toml`: armed groups, with the aliases texts use for them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct GroupRegistry {
    #[serde(rename = "group", default)]
    pub groups: Vec<Group>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// `topics.toml`: the topic taxonomy, with PA-X and PAM cross-walks.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TopicRegistry {
    #[serde(rename = "topic", default)]
    pub topics: Vec<Topic>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Topic {
    pub id: String,
    pub label: String,
    /// The matching PA-X variable (`SsrFf`), where one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pax: Option<String>,
    /// The matching Peace Accords Matrix provision type, where one fits.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pam: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// `checklist.toml`: what a security accord is expected to address.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    #[serde(rename = "item", default)]
    pub items: Vec<ChecklistItem>,
}

/// One checklist item; an agreement covers it when any clause satisfies any
/// of the listed tests.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    pub id: String,
    pub label: String,
    /// Covered by a clause with any of these topics.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub topics: Vec<String>,
    /// Covered by a clause whose monitoring is one of these kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitoring: Vec<MonitoringKind>,
    /// Covered by a clause whose enforcement is one of these kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub enforcement: Vec<EnforcementKind>,
    /// Covered by a clause whose penalty is one of these kinds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penalty: Vec<PenaltyKind>,
    /// Why users expect it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
}
