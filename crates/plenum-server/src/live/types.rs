//! What live meetings take and answer: the requests (convening, a new poll) and the
//! views (a meeting now, a poll, a closed poll's outcome, the published urn).

use plenum_model::query::reports::RecordReport;
use plenum_vote::{PollResult, Question};
use serde::{Deserialize, Serialize};

/// What convening a meeting takes.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct Convene {
    /// The meeting's id (a slug: letters, digits, `-`).
    pub id: String,
    /// The organ meeting (`org/key`).
    pub organ: String,
    /// Its name; "Meeting ID" if not given.
    #[serde(default)]
    pub name: Option<String>,
    /// The day it sits (`YYYY-MM-DD`).
    pub scheduled: String,
    /// The delegates and their weights; if not given, the organ's full members on the
    /// day, with weight 1.
    #[serde(default)]
    pub delegates: Option<Vec<Delegate>>,
    /// The most proxies one delegate may hold: the statute's limit if not given (and
    /// never above it), else 0, no proxies.
    #[serde(default)]
    pub max_proxies: Option<u32>,
}

/// A delegate and the votes they carry.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct Delegate {
    /// The person (register id).
    pub person: String,
    /// Votes carried (1 if neither this nor `represents` is given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weight: Option<u64>,
    /// The organization (a branch, a member union) the delegate votes for: they carry one
    /// vote for each of its full members on the meeting's day, as the register has them
    /// (instead of `weight`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub represents: Option<String>,
}

/// A meeting convened: the meeting and the ledger's report of `meeting_convened`
/// (with its findings: short notice is one).
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Convened {
    /// The meeting.
    pub meeting: String,
    /// Its delegates.
    pub delegates: usize,
    /// The ledger's report.
    pub recorded: RecordReport,
}

/// The quorum of a meeting now.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Quorum {
    /// The statute's rule, in words, with its article.
    pub rule: String,
    /// Delegates present needed.
    pub needed: u64,
    /// Whether it is met now.
    pub met: bool,
}

/// A delegate as shown.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct DelegateView {
    /// Register id.
    pub person: String,
    /// Name.
    pub name: String,
    /// Votes carried.
    pub weight: u64,
    /// Checked in now.
    pub present: bool,
    /// Whose proxy they hold.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub proxies: Vec<String>,
}

/// A poll as shown: never a partial result.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PollView {
    /// Its id.
    pub id: String,
    /// What it asks.
    pub title: String,
    /// `draft`, `open` or `closed`.
    #[schema(value_type = String)]
    pub status: &'static str,
    /// What it asks, as data.
    pub question: Question,
    /// Secret or named.
    pub secret: bool,
    /// Whether ballots may be replaced.
    pub replaceable: bool,
    /// Names on its roll.
    pub turnout: u64,
    /// The result, once closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<Object>)]
    pub result: Option<serde_json::Value>,
    /// The published urn's digest, once closed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub urn_digest: Option<String>,
    /// The ledger entry that recorded the result.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<u64>,
}

/// A meeting now: attendance, quorum, polls.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct MeetingView {
    /// Its id.
    pub id: String,
    /// The organ.
    pub organ: String,
    /// Its name.
    pub name: String,
    /// The day it sits.
    pub scheduled: String,
    /// Whether it is sitting.
    pub open: bool,
    /// The most proxies one delegate may hold.
    pub max_proxies: u32,
    /// Delegates present.
    pub present: u64,
    /// Delegates entitled.
    pub entitled: u64,
    /// The quorum, where the statute sets one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quorum: Option<Quorum>,
    /// The delegates.
    pub delegates: Vec<DelegateView>,
    /// The polls.
    pub polls: Vec<PollView>,
}

/// What a new poll asks.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
#[derive(utoipa::ToSchema)]
pub struct NewPoll {
    /// Its id (a slug).
    pub id: String,
    /// What it asks, in words.
    pub title: String,
    /// `motion` or `election`.
    pub kind: String,
    /// Motions: the kind of decision, for the statute's majority (`default` if not given).
    #[serde(default)]
    pub category: Option<String>,
    /// Motions: whether a weighted delegate may split their votes.
    #[serde(default)]
    pub split: bool,
    /// Elections: the organ or post filled (`org/key`).
    #[serde(default)]
    pub target: Option<String>,
    /// Elections: the counting method (`plenum count --help` lists them; `meek` if not given).
    #[serde(default)]
    pub method: Option<String>,
    /// Elections: seats to fill (1 if not given).
    #[serde(default)]
    pub seats: Option<u32>,
    /// Elections: the candidates (person ids) nominated so far.
    #[serde(default)]
    pub candidates: Vec<String>,
    /// Secret or named (roll-call); if not given, as the statute says, else secret. A
    /// choice the statute forbids is refused.
    #[serde(default)]
    pub secret: Option<bool>,
    /// Whether a voter may replace their ballot until the poll closes (the default).
    #[serde(default = "yes")]
    pub replaceable: bool,
}

fn yes() -> bool {
    true
}

/// A closed poll's outcome.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct Closed {
    /// The poll.
    pub poll: String,
    /// Names on the roll.
    pub roll: usize,
    /// Ballots in the urn (always as many).
    pub ballots: usize,
    /// The digest of the published urn.
    pub urn_digest: String,
    /// The result.
    pub result: PollResult,
    /// The ledger's report of the recorded result, with its findings.
    pub recorded: RecordReport,
}

/// The published urn of a closed poll.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PublishedUrn {
    /// The poll.
    pub poll: String,
    /// What it asked.
    pub title: String,
    /// Names on the roll (who voted; never linked to a ballot).
    pub roll: Vec<String>,
    /// The ballots, by tracker.
    pub ballots: Vec<PublishedBallot>,
    /// The urn as BLT, which `plenum count` recounts.
    pub blt: String,
    /// Its BLAKE3 digest, as the ledger records it.
    pub digest: String,
}

/// One published ballot.
#[derive(Clone, Debug, Serialize, utoipa::ToSchema)]
pub struct PublishedBallot {
    /// Its tracker.
    pub tracker: String,
    /// Its weight.
    pub weight: u64,
    /// What it says (`for:1`; candidate numbers from 1).
    pub ballot: String,
    /// In a named poll, its voter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub voter: Option<String>,
}
