//! Live meetings of `plenum serve`: delegates and their attendance, proxies, polls, and
//! each poll's roll (who voted) and urn (what was voted), kept beside the ledger and
//! outside it, as accounts are. A closed poll's result goes into the ledger as an event;
//! what is kept here is the working state of the day.
//!
//! **Secrecy.** The roll and the urn share nothing: the urn is keyed by each ballot's
//! random tracker, holds no voter, no time and no arrival order, and both tables are
//! kept in key order (SQLite `WITHOUT ROWID`). While a secret poll is open, an urn row
//! carries an owner tag (a keyed hash of its voter under the poll's key), so that a voter
//! can replace their own ballot and no other; closing the poll erases the key and the
//! tags, rewrites the poll's rows in key order and has the engine drop the old pages
//! (SQLite: `secure_delete` and a truncated WAL; PostgreSQL: `VACUUM FULL`).
//!
//! The logic is written once, over [`sql::Sql`], which each store implements for its
//! transactions; the SQL is shared, with `$1`, `$2`, ... parameters both engines read.

pub(crate) mod forward;
pub(crate) mod logic;
pub(crate) mod polls;
pub(crate) mod sql;

use crate::Error;

/// The tables of live meetings.
pub const TABLES: [&str; 6] = [
    "live_meetings",
    "live_delegates",
    "live_proxies",
    "live_polls",
    "live_roll",
    "live_urn",
];

/// A meeting as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingRecord {
    /// Its id, as the ledger's `meeting_convened` names it.
    pub id: String,
    /// The organ meeting (`org/key`).
    pub organ: String,
    /// Its name.
    pub name: String,
    /// The date it sits (`YYYY-MM-DD`).
    pub scheduled: String,
    /// Whether it is still sitting.
    pub open: bool,
    /// The most proxies one delegate may hold (0: no proxies).
    pub max_proxies: u32,
}

/// A delegate of a meeting: a person entitled to attend and vote, with a weight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DelegateRecord {
    /// The person (register id).
    pub person: String,
    /// The votes the delegate carries (1 unless the register says otherwise).
    pub weight: u64,
    /// Whether checked in now.
    pub present: bool,
}

/// A proxy: `giver` lets `holder` vote for them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ProxyRecord {
    /// Who gave it.
    pub giver: String,
    /// Who holds it.
    pub holder: String,
}

/// Where a poll stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PollStatus {
    /// Made, taking nominations; no ballots yet.
    Draft,
    /// Taking ballots.
    Open,
    /// Closed: the urn is sealed and published.
    Closed,
}

impl PollStatus {
    /// Its name, as kept.
    pub fn as_str(self) -> &'static str {
        match self {
            PollStatus::Draft => "draft",
            PollStatus::Open => "open",
            PollStatus::Closed => "closed",
        }
    }

    fn of(text: &str) -> Result<PollStatus, Error> {
        [PollStatus::Draft, PollStatus::Open, PollStatus::Closed]
            .into_iter()
            .find(|s| s.as_str() == text)
            .ok_or_else(|| Error::Database(format!("a poll has the unknown status `{text}`")))
    }
}

/// A poll as kept.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PollRecord {
    /// Its id.
    pub id: String,
    /// Its meeting.
    pub meeting: String,
    /// What it asks, in words.
    pub title: String,
    /// What it asks, as data (the server's JSON of the question).
    pub question: String,
    /// The kind of decision (`expulsion`, `statute`, ...) the statute's majority is read for.
    pub category: Option<String>,
    /// For an election: the organ or post filled (`org/key`).
    pub target: Option<String>,
    /// Secret (the urn keeps no voter) or named (roll-call: each ballot names its voter).
    pub secret: bool,
    /// Whether a voter may replace their ballot until it closes.
    pub replaceable: bool,
    /// Where it stands.
    pub status: PollStatus,
    /// The result (JSON), once closed and counted.
    pub result: Option<String>,
    /// The digest of the published urn, once closed.
    pub urn_digest: Option<String>,
    /// The ledger entry that recorded the result.
    pub entry: Option<u64>,
}

/// A ballot in the urn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UrnBallot {
    /// Its random tracker (the key it is kept by).
    pub tracker: String,
    /// The weight it carries.
    pub weight: u64,
    /// The ballot's text.
    pub ballot: String,
    /// In a named poll, the voter; in a secret one, never.
    pub voter: Option<String>,
}

/// A name on a poll's roll.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RollRecord {
    /// Who voted.
    pub person: String,
    /// Who cast it: the person, or the holder of their proxy, or `paper` for a teller.
    pub cast_by: String,
}

/// One ballot to cast, or to replace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cast {
    /// The poll.
    pub poll: String,
    /// Whose vote it is (on the roll).
    pub voter: String,
    /// Who casts it: the voter, or the holder of the voter's proxy (who must be present).
    pub by: String,
    /// The weight the ballot was checked against (the voter's).
    pub weight: u64,
    /// The ballot's text.
    pub ballot: String,
    /// The tracker: new for a first ballot; for a replacement, the one that finds it.
    pub tracker: String,
    /// The owner tag (secret polls: a keyed hash of the voter; named polls: the voter).
    pub owner: String,
    /// Whether it replaces the ballot `tracker` finds.
    pub replace: bool,
}

/// Why a ballot was refused.
#[derive(Debug, thiserror::Error)]
pub enum CastError {
    /// The poll is not taking ballots.
    #[error("the poll is not open")]
    NotOpen,
    /// The voter is not a delegate of the meeting.
    #[error("`{0}` is not a delegate of this meeting")]
    NotDelegate(String),
    /// The one casting is not checked in.
    #[error("`{0}` is not checked in at the meeting")]
    Absent(String),
    /// Casting for someone who gave no proxy to the caster.
    #[error("`{voter}` gave no proxy to `{by}`")]
    NoProxy {
        /// The voter.
        voter: String,
        /// Who tried to cast.
        by: String,
    },
    /// The ballot was checked against another weight.
    #[error("the delegate's weight is {0}; the ballot was made for another")]
    Weight(u64),
    /// The voter is already on the roll.
    #[error("`{0}` has already voted in this poll")]
    AlreadyVoted(String),
    /// A replacement in a poll that allows none.
    #[error("this poll does not allow a ballot to be replaced")]
    NotReplaceable,
    /// A replacement whose tracker finds no ballot of this voter.
    #[error("no ballot of this voter has that tracker")]
    NoSuchBallot,
    /// The store failed (the whole batch failed with it).
    #[error(transparent)]
    Store(#[from] Error),
}

/// Why a meeting or poll could not be changed.
#[derive(Debug, thiserror::Error)]
pub enum MeetingError {
    /// The id is taken.
    #[error("`{0}` already exists")]
    Exists(String),
    /// Nothing has that id.
    #[error("no {0} is called `{1}`")]
    NotFound(&'static str, String),
    /// Not allowed in the state it is in.
    #[error("{0}")]
    State(String),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] Error),
}

/// A closed poll: its roll and its urn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClosedPoll {
    /// Who voted.
    pub roll: Vec<RollRecord>,
    /// What was voted.
    pub urn: Vec<UrnBallot>,
}

/// Live meetings, kept outside the ledger.
pub trait Meetings: Send + Sync {
    /// Makes the tables if they are missing.
    fn prepare_meetings(&self) -> Result<(), Error>;
    /// Adds a meeting with its delegates.
    fn add_meeting(
        &self,
        meeting: &MeetingRecord,
        delegates: &[DelegateRecord],
    ) -> Result<(), MeetingError>;
    /// The meeting with this id.
    fn meeting(&self, id: &str) -> Result<Option<MeetingRecord>, Error>;
    /// Every meeting, by id.
    fn meetings(&self) -> Result<Vec<MeetingRecord>, Error>;
    /// Ends a meeting; refused while one of its polls is open.
    fn close_meeting(&self, id: &str) -> Result<(), MeetingError>;
    /// A meeting's delegates, by person.
    fn delegates(&self, meeting: &str) -> Result<Vec<DelegateRecord>, Error>;
    /// One delegate of a meeting.
    fn delegate(&self, meeting: &str, person: &str) -> Result<Option<DelegateRecord>, Error>;
    /// A meeting's proxies, by giver.
    fn proxies(&self, meeting: &str) -> Result<Vec<ProxyRecord>, Error>;
    /// Gives delegates one-time check-in codes (their hashes), replacing earlier ones.
    fn set_codes(&self, meeting: &str, codes: &[(String, String)]) -> Result<(), MeetingError>;
    /// Checks a delegate in or out. With a code hash, it must be the delegate's unused
    /// code, which is then used up; without, a teller does it.
    fn attend(
        &self,
        meeting: &str,
        person: &str,
        present: bool,
        code_hash: Option<&str>,
    ) -> Result<(), MeetingError>;
    /// Records a proxy; refused beyond `max_proxies` per holder, or if the giver gave one.
    fn add_proxy(&self, meeting: &str, giver: &str, holder: &str) -> Result<(), MeetingError>;
    /// Adds a poll (a draft).
    fn add_poll(&self, poll: &PollRecord) -> Result<(), MeetingError>;
    /// Replaces a draft poll's question (nominations).
    fn set_question(&self, poll: &str, question: &str) -> Result<(), MeetingError>;
    /// The poll with this id.
    fn poll(&self, id: &str) -> Result<Option<PollRecord>, Error>;
    /// A meeting's polls, by id.
    fn polls(&self, meeting: &str) -> Result<Vec<PollRecord>, Error>;
    /// Opens a draft poll; `owner_key` keys the owner tags of its ballots until it closes.
    fn open_poll(&self, id: &str, owner_key: &str) -> Result<(), MeetingError>;
    /// The key of an open poll's owner tags.
    fn owner_key(&self, poll: &str) -> Result<Option<String>, Error>;
    /// Casts a batch of ballots in one transaction (one commit for all: group commit);
    /// each is accepted or refused on its own. When this returns, every accepted ballot
    /// is durable.
    fn cast(&self, casts: &[Cast]) -> Result<Vec<Result<(), CastError>>, Error>;
    /// Adds paper ballots a teller entered: `voters` go on the roll, `ballots` into the
    /// urn, as many of each, unlinked.
    fn add_paper(
        &self,
        poll: &str,
        voters: &[String],
        ballots: &[UrnBallot],
    ) -> Result<(), MeetingError>;
    /// How many names the poll's roll holds.
    fn turnout(&self, poll: &str) -> Result<u64, Error>;
    /// Closes an open poll: no more ballots, the key and owner tags erased, its roll and
    /// urn rewritten in key order.
    fn close_poll(&self, id: &str) -> Result<ClosedPoll, MeetingError>;
    /// A closed poll's roll and urn (nothing while it is open).
    fn closed_poll(&self, id: &str) -> Result<Option<ClosedPoll>, Error>;
    /// Keeps a closed poll's result, urn digest and the ledger entry that recorded it.
    fn set_result(
        &self,
        poll: &str,
        result: &str,
        urn_digest: &str,
        entry: Option<u64>,
    ) -> Result<(), Error>;
}
