//! An organ's part of the statute document as written: `[[version.organ]]` (and a
//! subordinate's `organ`) and the small tables of keys on it. No checks here; `read/`
//! makes them organs.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_spanned::Spanned;

use super::raw::*;
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOrgan {
    pub(super) id: Spanned<String>,
    pub(super) name: String,
    #[serde(default)]
    pub(super) aliases: Vec<String>,
    pub(super) kind: Option<String>,
    pub(super) elected_by: Option<RawElector>,
    pub(super) vacancy: Option<Spanned<RawVacancy>>,
    pub(super) seats: Option<RawSeats>,
    pub(super) term: Option<Spanned<RawLength>>,
    pub(super) meets: Option<RawEvery>,
    pub(super) notice: Option<RawNotice>,
    pub(super) quorum: Option<RawQuorum>,
    #[serde(default)]
    pub(super) majority: BTreeMap<String, RawMajority>,
    #[serde(default)]
    pub(super) eligibility: Vec<RawRequirement>,
    #[serde(default)]
    pub(super) ex_officio: Vec<Spanned<String>>,
    pub(super) convened_by: Option<RawConvener>,
    #[serde(default, rename = "meeting")]
    pub(super) meetings: Vec<RawMeetingKind>,
    pub(super) voting: Option<RawVoting>,
    pub(super) composed_of: Option<RawComposedOf>,
    pub(super) alternates: Option<RawSuccession>,
    pub(super) without_meeting: Option<RawWithoutMeeting>,
    pub(super) waiver: Option<RawWaiver>,
    /// `resignation = { effective = "on-notice" }`: a seat resigned takes effect on
    /// its notice (or the later time the notice names).
    pub(super) resignation: Option<RawResignation>,
    pub(super) plurality: Option<RawPlurality>,
    pub(super) constituencies: Option<Spanned<RawOrganConstituencies>>,
    pub(super) non_voting: Option<Spanned<RawNonVoting>>,
    pub(super) acts_for: Option<Spanned<RawActsFor>>,
    #[serde(default)]
    pub(super) tied: Vec<Spanned<RawTie>>,
    pub(super) one_vote: Option<RawOneVote>,
    pub(super) weighted: Option<Spanned<RawWeighted>>,
    pub(super) nominations: Option<RawNominations>,
    pub(super) regions: Option<Spanned<RawOrganRegions>>,
    pub(super) not_on: Option<Spanned<super::calendar::RawNotOn>>,
    pub(super) attends: Option<Spanned<super::attendance::RawAttends>>,
    pub(super) all_members: Option<RawAllMembers>,
    pub(super) record_date: Option<Spanned<RawRecordDate>>,
    pub(super) notice_by: Option<Spanned<RawNoticeBy>>,
    pub(super) co_option: Option<Spanned<RawCoOption>>,
    pub(super) counting: Option<RawCounting>,
    pub(super) seats_set: Option<RawSeatsSet>,
    pub(super) between_elections: Option<Spanned<RawBetweenElections>>,
    pub(super) off_schedule: Option<RawOffSchedule>,
    pub(super) delegates: Option<RawDelegates>,
    pub(super) led_by: Option<Spanned<RawLedBy>>,
}

/// An organ's `led_by = { organs = ["cc", "parent:commission"], article = "45" }`
/// (read in `read/leadership.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawLedBy {
    pub(super) organs: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// An organ's `counting = { method = "points" }` (read in `read/counting.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCounting {
    pub(super) method: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// An organ's `co_option = { except = ["removed"] }` (read in `read/co_option.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawCoOption {
    #[serde(default)]
    pub(super) except: Vec<Spanned<String>>,
    pub(super) until: Option<RawUntil>,
    pub(super) article: ArticleRef,
}

/// `co_option.until = { organ = "members-meeting", category = "annual" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawUntil {
    pub(super) organ: Spanned<String>,
    pub(super) category: Option<String>,
}

/// An organ's `notice_by = { posts = ["secretary"] }` (read in `read/notice_by.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNoticeBy {
    #[serde(default)]
    pub(super) posts: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// An organ's `off_schedule = { approved_by = "parent:committee" }` (read in
/// `read/seats_set.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOffSchedule {
    pub(super) approved_by: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// An organ's `delegates = { set_by = "committee", approved_by = "parent:committee" }`
/// (read in `read/delegates.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawDelegates {
    pub(super) set_by: Spanned<String>,
    pub(super) approved_by: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// An organ's `between_elections = { at_most = "1/5" }` (read in `read/between.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawBetweenElections {
    pub(super) at_most: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// An organ's `seats_set = { by = "congress" }` (read in `read/seats_set.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSeatsSet {
    pub(super) by: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// An organ's `record_date = { at_least = "10 days", at_most = "60 days" }` (read in
/// `read/record_date.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawRecordDate {
    pub(super) at_least: Option<Spanned<String>>,
    pub(super) at_most: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// An organ's `all_members = { while_at_most = 10 }` (read in `read/all_members.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawAllMembers {
    pub(super) while_at_most: Spanned<u32>,
    pub(super) article: ArticleRef,
}

/// An office's `nominations = { by = "member:ieb", elections_by = "ieb" }`: who may
/// nominate, one person at a time.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNominations {
    pub(super) by: Spanned<String>,
    pub(super) elections_by: Option<Spanned<String>>,
    pub(super) before_notice: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// An organ's `weighted = { categories = ["vacancy"], by_constituency = [...], of = "convention" }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWeighted {
    #[serde(default)]
    pub(super) categories: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) by_constituency: Vec<Spanned<String>>,
    pub(super) of: Spanned<String>,
    pub(super) category: Option<Spanned<String>>,
    #[serde(default)]
    pub(super) highest: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// An organ's `one_vote = { except = ["vacancy"] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawOneVote {
    #[serde(default)]
    pub(super) except: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// One of an organ's `tied = [{ follows = "convention", within = "1 day" }]`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawTie {
    pub(super) follows: Option<Spanned<String>>,
    pub(super) precedes: Option<Spanned<String>>,
    pub(super) within: Option<Spanned<String>>,
    pub(super) category: Option<Spanned<String>>,
    pub(super) article: ArticleRef,
}

/// `plurality` on an organ: its elections go to the candidates with the most votes.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawPlurality {
    pub(super) article: ArticleRef,
}

/// `waiver` on an organ: a waiver of notice, valid with or without a quorum.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWaiver {
    #[serde(default)]
    pub(super) quorum: bool,
    pub(super) article: ArticleRef,
}

/// `without_meeting` on an organ: what its decisions without a meeting need.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawWithoutMeeting {
    pub(super) consent: Spanned<String>,
    #[serde(default)]
    pub(super) ballot: bool,
    pub(super) article: ArticleRef,
}

/// An organ's `acts_for = { organ = "cc", between = "sessions" }` (read in
/// `read/acts_for.rs`).
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawActsFor {
    pub(super) organ: Spanned<String>,
    pub(super) between: Spanned<String>,
    pub(super) article: ArticleRef,
}

/// An organ's `non_voting = { posts = ["retiree-chair"] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNonVoting {
    pub(super) posts: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawSuccession {
    pub(super) succeed: Spanned<String>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawComposedOf {
    #[serde(default)]
    pub(super) organs: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) posts: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawVoting {
    pub(super) proxies: Option<Spanned<u32>>,
    pub(super) secret: Option<Spanned<String>>,
    pub(super) cumulative: Option<Spanned<bool>>,
    pub(super) article: ArticleRef,
}
