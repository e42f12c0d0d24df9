//! The statute document as written: the TOML shapes `read` deserializes, with the
//! positions of the values it checks. No checks here; `read/` makes them statutes.

use serde::Deserialize;
use serde_spanned::Spanned;

use super::Base;
use super::raw_trials::RawTrials;
use crate::date::FuzzyDate;

pub(super) use super::raw_organ::*;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDocument {
    pub(super) organization: Option<Spanned<String>>,
    pub(super) title: Option<String>,
    #[serde(default, rename = "version")]
    pub(super) versions: Vec<RawVersion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVersion {
    pub(super) id: Spanned<String>,
    pub(super) organization: Option<Spanned<String>>,
    pub(super) title: Option<String>,
    pub(super) effective: FuzzyDate,
    #[serde(default, rename = "article")]
    pub(super) articles: Vec<RawArticle>,
    #[serde(default, rename = "organ")]
    pub(super) organs: Vec<RawOrgan>,
    #[serde(default, rename = "post")]
    pub(super) posts: Vec<RawPost>,
    #[serde(default)]
    pub(super) discipline: Vec<RawDiscipline>,
    #[serde(default, rename = "penalty")]
    pub(super) penalties: Vec<RawPenalty>,
    pub(super) membership: Option<RawMembership>,
    pub(super) amendment: Option<RawAmendment>,
    #[serde(default, rename = "incompatible")]
    pub(super) incompatibilities: Vec<RawIncompatible>,
    #[serde(default, rename = "subordinate")]
    pub(super) subordinates: Vec<RawSubordinate>,
    pub(super) trials: Option<Spanned<RawTrials>>,
    pub(super) founding: Option<Spanned<RawFounding>>,
    pub(super) dissolution: Option<Spanned<RawDissolution>>,
    pub(super) constituencies: Option<RawConstituencies>,
    #[serde(default, rename = "suspension")]
    pub(super) suspensions: Vec<RawSuspension>,
    #[serde(default, rename = "power")]
    pub(super) powers: Vec<RawPower>,
    pub(super) leadership: Option<Spanned<RawLeadership>>,
}

/// `[version.leadership]`: `higher_levels = true`, lower-level organizations defer
/// to higher-level ones (read in `read/leadership.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLeadership {
    pub(super) higher_levels: Spanned<bool>,
    pub(super) article: ArticleRef,
}

/// `[[version.power]]`: the organs that alone take the decisions of a category, and
/// whether they need a vote.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPower {
    pub(super) category: Spanned<String>,
    pub(super) by: Option<Spanned<Vec<Spanned<String>>>>,
    pub(super) acts_for: Option<Spanned<bool>>,
    pub(super) vote: Option<Spanned<String>>,
    pub(super) meeting: Option<Spanned<String>>,
    pub(super) subordinates: Option<Spanned<bool>>,
    pub(super) article: ArticleRef,
}

/// `[[version.suspension]]`: articles an organ may set aside by a decision.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSuspension {
    pub(super) articles: Spanned<Vec<Spanned<String>>>,
    pub(super) by: Spanned<Vec<Spanned<String>>>,
    pub(super) article: ArticleRef,
}

/// `[version.founding]` (or `founding` on a subordinate): who founds, with how many.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawFounding {
    pub(super) by: Vec<Spanned<String>>,
    pub(super) min_members: Option<Spanned<u32>>,
    pub(super) article: ArticleRef,
}

/// `[version.dissolution]` (or `dissolution` on a subordinate): who dissolves.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDissolution {
    pub(super) by: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
    /// `on_ground = { ground = "...", by = [...] }`: other deciders on a ground.
    pub(super) on_ground: Option<Spanned<RawOnGround>>,
}

/// `dissolution.on_ground`: who dissolves where the act records this ground.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOnGround {
    pub(super) ground: Spanned<String>,
    pub(super) by: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// `[version.constituencies]`: what the statute calls a constituency.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConstituencies {
    pub(super) name: Spanned<String>,
    #[serde(default)]
    pub(super) regions: Vec<RawRegion>,
    pub(super) article: ArticleRef,
}

/// A region of `[version.constituencies]`: `{ id, name, constituencies = [...] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRegion {
    pub(super) id: Spanned<String>,
    pub(super) name: Spanned<String>,
    pub(super) constituencies: Spanned<Vec<Spanned<String>>>,
}

/// An organ's `regions = { at_least = 3 }`: the fewest holders from each region.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrganRegions {
    pub(super) at_least: Spanned<u32>,
    pub(super) article: ArticleRef,
}

/// An organ's `constituencies = { elected = true, distinct = true }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrganConstituencies {
    pub(super) elected: Option<bool>,
    pub(super) distinct: Option<bool>,
    pub(super) article: ArticleRef,
}

/// `[[version.subordinate]]`: the organs and posts of every organization of a
/// category under the governed one.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSubordinate {
    pub(super) category: Spanned<String>,
    pub(super) name: Option<String>,
    pub(super) article: ArticleRef,
    #[serde(default, rename = "organ")]
    pub(super) organs: Vec<RawOrgan>,
    #[serde(default, rename = "post")]
    pub(super) posts: Vec<RawPost>,
    pub(super) founding: Option<Spanned<RawFounding>>,
    pub(super) dissolution: Option<Spanned<RawDissolution>>,
    #[serde(default, rename = "power")]
    pub(super) powers: Vec<RawPower>,
    /// Discipline of the holders of the template's offices
    /// (`[[version.subordinate.discipline]]`).
    #[serde(default)]
    pub(super) discipline: Vec<RawDiscipline>,
    pub(super) appeals: Option<Spanned<super::raw_trials::RawAppeals>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWithin {
    pub(super) within: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawArticle {
    pub(super) number: Spanned<String>,
    pub(super) text: String,
}

pub(super) type ArticleRef = Option<Spanned<String>>;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPost {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) holders: Option<Spanned<u32>>,
    pub(super) elected_by: Option<RawElector>,
    pub(super) term: Option<Spanned<RawLength>>,
    #[serde(default)]
    pub(super) eligibility: Vec<RawRequirement>,
    pub(super) vacancy: Option<Spanned<RawVacancy>>,
    pub(super) acting: Option<Spanned<RawActing>>,
    pub(super) nominations: Option<RawNominations>,
}

/// A post's `acting = { posts = ["vice-president"] }`: who may act in it.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActing {
    #[serde(default)]
    pub(super) posts: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) organs: Vec<Spanned<String>>,
    /// Posts that must all be vacant for these offices to act ("if vacancies exist in
    /// the office of President and the office of Secretary-Treasurer simultaneously").
    #[serde(default)]
    pub(super) when_vacant: Vec<Spanned<String>>,
    /// Which of the organs' members acts: `"seniority"` ("the most senior").
    pub(super) order: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVacancy {
    pub(super) within: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawElector {
    pub(super) by: Spanned<String>,
    #[serde(default)]
    pub(super) or_by: Vec<Spanned<String>>,
    pub(super) vacancies: Option<Spanned<String>>,
    pub(super) nominated_by: Option<Spanned<String>>,
    pub(super) confirmed_by: Option<Spanned<String>>,
    pub(super) within: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeats {
    pub(super) full: Option<Spanned<u32>>,
    pub(super) at_least: Option<Spanned<u32>>,
    pub(super) alternate: Option<Spanned<u32>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLength {
    pub(super) length: Option<Spanned<String>>,
    /// A term counted in meetings of another organ (`meetings = 2, of = "convention"`).
    pub(super) meetings: Option<Spanned<u32>>,
    pub(super) of: Option<Spanned<String>>,
    pub(super) category: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) holds_over: bool,
    pub(super) max_terms: Option<Spanned<u32>>,
    pub(super) max_consecutive: Option<Spanned<u32>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawEvery {
    pub(super) every: Option<Spanned<String>>,
    pub(super) each: Option<Spanned<String>>,
    pub(super) from: Option<Spanned<i64>>,
    pub(super) between: Option<Spanned<Vec<String>>>,
    pub(super) at_least: Option<Spanned<u32>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotice {
    pub(super) at_least: Option<Spanned<String>>,
    pub(super) at_most: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
    pub(super) postponement_article: ArticleRef,
}

/// An organ's `quorum`: the share of its members present for a decision, and the
/// majority that lets a meeting quorate at its start decide after withdrawals.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawQuorum {
    pub(super) at_least: Option<Spanned<String>>,
    pub(super) more_than: Option<Spanned<String>>,
    /// `after_withdrawal = { more_than = "1/2", of = "quorum" }`.
    pub(super) after_withdrawal: Option<Spanned<RawMajority>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMajority {
    pub(super) at_least: Option<Spanned<String>>,
    pub(super) more_than: Option<Spanned<String>>,
    pub(super) of: Option<Base>,
    /// `excluding = "subject"`: the base leaves out the person the decision is about.
    pub(super) excluding: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRequirement {
    pub(super) requires: Spanned<String>,
    pub(super) organ: Option<Spanned<String>>,
    pub(super) class: Option<Spanned<String>>,
    pub(super) for_at_least: Option<Spanned<String>>,
    /// Membership of another organization (`of = "union"`).
    pub(super) of: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDiscipline {
    pub(super) act: Spanned<String>,
    pub(super) from: Option<Spanned<String>>,
    /// Whom the rule concerns: `"member"`, `{ seat = "cc" }` or `{ post = "chair" }`.
    pub(super) target: Option<Spanned<RawTarget>>,
    pub(super) by: Vec<Spanned<String>>,
    /// `ground = "serious-criminal-violation"`: the rule holds only for acts on it.
    pub(super) ground: Option<Spanned<String>>,
    pub(super) majority: Option<RawMajority>,
    pub(super) longest: Option<Spanned<String>>,
    pub(super) confirmed_by: Option<Spanned<String>>,
    pub(super) within: Option<Spanned<String>>,
    /// `referral = { by = "board", at_least = "15 days" }`.
    pub(super) referral: Option<Spanned<RawReferral>>,
    /// `while_members_exceed = 10`: the act only while the register counts more.
    pub(super) while_members_exceed: Option<Spanned<u32>>,
    /// `only_if = "ineligible"`: a removal only of a holder who no longer meets the
    /// office's eligibility ("may declare vacant the office of a director whose
    /// eligibility ... has ceased").
    pub(super) only_if: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMembership {
    pub(super) probation: Option<RawProbation>,
    pub(super) lapse: Option<Spanned<RawLapse>>,
    pub(super) votes: Option<RawVotes>,
    #[serde(default, rename = "class")]
    pub(super) classes: Vec<RawClass>,
    pub(super) sponsors: Option<RawSponsors>,
    pub(super) admission: Option<RawAdmission>,
    /// `conditions = { required = ["capital-contribution", ...] }`.
    pub(super) conditions: Option<Spanned<RawConditions>>,
    /// `resignation = { effective = "on-notice" }`.
    pub(super) resignation: Option<RawResignation>,
    /// `age = { at_least = "18 years" }`.
    pub(super) age: Option<RawAge>,
    /// `[[version.membership.step]]`: steps the record must show taken before an act.
    #[serde(default, rename = "step")]
    pub(super) steps: Vec<RawStep>,
    /// `unit = { categories = ["branch"] }`: the kinds of organization a member's unit is.
    pub(super) unit: Option<Spanned<RawUnit>>,
}

/// `unit = { categories = ["branch", "primary"], article = "8" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUnit {
    pub(super) categories: Spanned<Vec<Spanned<String>>>,
    pub(super) article: ArticleRef,
}

/// `[[version.membership.step]]`: a named step (`step_taken`) an act needs first.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawStep {
    pub(super) step: Spanned<String>,
    pub(super) before: Spanned<String>,
    pub(super) by: Option<Spanned<Vec<Spanned<String>>>>,
    pub(super) unless_ground: Option<Spanned<Vec<Spanned<String>>>>,
    pub(super) article: ArticleRef,
}

/// `conditions = { required = [...] }`: what the record must show met before a
/// person becomes a full member.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConditions {
    pub(super) required: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// `resignation = { effective = "on-notice" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawResignation {
    pub(super) effective: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// `age = { at_least = "18 years" }`: the least age at admission.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAge {
    pub(super) at_least: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// `sponsors = { at_least = 2, status = "full-member" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSponsors {
    pub(super) at_least: Spanned<u32>,
    pub(super) status: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// `admission = { as = "candidate" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAdmission {
    #[serde(rename = "as")]
    pub(super) as_status: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawProbation {
    pub(super) length: Spanned<String>,
    pub(super) extension: Option<Spanned<String>>,
    /// `from = "decision"`: the probation begins on the day of the decision that
    /// accepts the candidate.
    pub(super) from: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAmendment {
    pub(super) by: Vec<Spanned<String>>,
    pub(super) majority: Option<RawMajority>,
    pub(super) notice: Option<RawAmendmentNotice>,
    pub(super) late: Option<RawLateAmendment>,
    pub(super) article: ArticleRef,
}

/// `[version.amendment] late = { within = "120 days", majority = { ... } }`: the
/// majority an amendment received that close to its adoption needs.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLateAmendment {
    pub(super) within: Spanned<String>,
    pub(super) majority: RawMajority,
    pub(super) article: ArticleRef,
}

/// `[version.amendment] notice = { at_least = "90 days" }`: how long before its
/// adoption a proposed amendment must be sent out.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAmendmentNotice {
    pub(super) at_least: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawIncompatible {
    pub(super) offices: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawMeetingKind {
    pub(super) category: Spanned<String>,
    pub(super) notice: Option<RawNotice>,
    pub(super) meets: Option<RawEvery>,
    pub(super) business: Option<RawBusiness>,
}

/// A kind of meeting's `business = { only = "noticed" }` (read in `read/business.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBusiness {
    pub(super) only: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawConvener {
    #[serde(default)]
    pub(super) by: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) posts: Vec<Spanned<String>>,
    pub(super) requisition: Option<Spanned<RawRequisition>>,
    pub(super) from_constituencies: Option<Spanned<u32>>,
    pub(super) organizations: Option<Spanned<RawOrgRequisition>>,
    #[serde(default)]
    pub(super) notify: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// `convened_by.organizations`: a requisition by subordinate organizations of a
/// category (read in `read/org_requisition.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrgRequisition {
    pub(super) category: Spanned<String>,
    pub(super) at_least: Option<Spanned<String>>,
    pub(super) more_than: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVotes {
    pub(super) members: Spanned<Vec<Spanned<String>>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLapse {
    pub(super) after: Option<Spanned<String>>,
    pub(super) more_than: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPenalty {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) effect: Option<Spanned<String>>,
    pub(super) longest: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// A requisition's share: `"1/3"` or `{ at_least = "1/3" }` (at least), or
/// `{ more_than = "1/2" }`. Deserialized in `read/meetings.rs`.
pub(super) enum RawRequisition {
    AtLeast(String),
    MoreThan(String),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawClass {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    pub(super) votes: Option<bool>,
    pub(super) may_hold_office: Option<bool>,
    pub(super) article: ArticleRef,
}

/// A discipline rule's `target` as written (read by `read/target.rs`).
pub(super) enum RawTarget {
    /// A word: only `"member"` is known.
    Word(String),
    /// `{ seat = "cc" }`.
    Seat(String),
    /// `{ post = "chair" }`.
    Post(String),
}

/// A discipline rule's `referral`: the organ that refers the act, and how long before.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawReferral {
    pub(super) by: Spanned<String>,
    pub(super) at_least: Option<Spanned<String>>,
}
