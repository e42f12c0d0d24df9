//! An organ as the statute declares it: its seats, election, meetings, majorities
//! and the clauses on it, with the kinds of meeting it holds and who convenes them.

use std::collections::BTreeMap;

use super::*;
use crate::id::Key;

/// An organ: a body with seats, elected by someone, meeting on a cadence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrganDef {
    /// Its key within the organization.
    pub key: Key,
    /// Its name.
    pub name: String,
    /// Other names it goes by.
    pub aliases: Vec<String>,
    /// What kind of body (`congress`, `committee`, `bureau`, ...), free text.
    pub kind: Option<String>,
    /// Who fills its seats.
    pub elected_by: Option<Cited<Elector>>,
    /// The organ that may fill a vacancy between elections (co-option, possibly by
    /// the organ itself), one seat at a time.
    pub vacancies_by: Option<Key>,
    /// Who must nominate the elected, and who must confirm them (`elected_by`'s article).
    pub procedure: Procedure,
    /// The most seats it may have.
    pub seats: Option<Cited<SeatLimits>>,
    /// How long a term lasts, and whether holders hold over.
    pub term: Option<Cited<Term>>,
    /// A term counted in another organ's meetings (`term = { meetings, of }`), instead.
    pub term_meetings: Option<Cited<super::MeetingTerm>>,
    /// It must meet at least this often.
    pub meets: Option<Cited<Cadence>>,
    /// How much notice members must be given of a meeting: at least, at most.
    pub notice: Option<Cited<Notice>>,
    /// The share of full members who must be present for a decision.
    pub quorum: Option<Cited<Threshold>>,
    /// What a decision of a meeting quorate at its start, taken after withdrawals
    /// left fewer than the quorum, needs (`quorum.after_withdrawal`): "may continue to
    /// transact business ... if any action taken is approved by at least a majority
    /// of the required quorum". `None`: such a decision lacks a quorum.
    pub after_withdrawal: Option<Cited<Majority>>,
    /// The majority each kind of decision needs; `default` for the rest.
    pub majority: BTreeMap<String, Cited<Majority>>,
    /// What a seat holder must be.
    pub eligibility: Vec<Cited<Requirement>>,
    /// How soon a seat or post left vacant must be filled (`vacancy`).
    pub vacancy: Option<Cited<VacancyDeadline>>,
    /// Posts whose holders sit on the organ by office (ex officio), as full members.
    pub ex_officio: Vec<Key>,
    /// The organs and posts it consists of, where no one elects it.
    pub composed_of: Option<Cited<ComposedOf>>,
    /// In what order alternates succeed to vacant full seats.
    pub succession: Option<Cited<Succession>>,
    /// Kinds of meeting with rules of their own (`extraordinary`: a shorter notice).
    pub meeting_kinds: Vec<MeetingKind>,
    /// Who may convene its meetings.
    pub convened_by: Option<Cited<Convener>>,
    /// How its members vote in a meeting: proxies, secret ballots.
    pub voting: Option<Cited<Voting>>,
    /// What its decisions taken without a meeting need (`without_meeting`).
    pub without_meeting: Option<Cited<Consent>>,
    /// Whether a waiver of notice makes a meeting called on short notice lawful
    /// (`waiver`).
    pub waiver: Option<Cited<Waiver>>,
    /// A seat resigned takes effect on its notice, or the later time the notice
    /// names (`resignation`).
    pub resignation: Option<Cited<super::ResignationOnNotice>>,
    /// Whether its elections go to the candidates with the most votes
    /// (`plurality`), judged against an election's `tally`.
    pub plurality: Option<Cited<Plurality>>,
    /// Its seats by constituency: elected by one constituency's delegates, no two
    /// holders of one (`constituencies`).
    pub constituencies: Option<Cited<SeatsByConstituency>>,
    /// Posts whose holders attend its meetings with voice but no vote (`non_voting`).
    pub non_voting: Option<Cited<NonVoting>>,
    /// Another organ whose decisions it may take between that organ's sessions
    /// (`acts_for`).
    pub acts_for: Option<Cited<ActsFor>>,
    /// Its meetings tied to another organ's: after each ends, or before each begins
    /// (`tied`).
    pub tied: Vec<Cited<Tie>>,
    /// Each member has one vote, except in the decision categories named (`one_vote`).
    pub one_vote: Option<Cited<OneVote>>,
    /// Weighted votes in the decisions of some categories (`weighted`).
    pub weighted: Option<Cited<super::weighted::Weighted>>,
    /// The fewest of its full seats held by persons of each region (`regions`).
    pub regions: Option<Cited<SeatsByRegion>>,
    /// Days it may not meet on (`not_on`).
    pub not_on: Option<Cited<NotOn>>,
    /// Organs whose every meeting its holders must attend (`attends`).
    pub attends: Option<Cited<Attends>>,
    /// Every full member sits on it while the register is small (`all_members`).
    pub all_members: Option<Cited<AllMembers>>,
    /// How long before its meetings their record date falls (`record_date`).
    pub record_date: Option<Cited<RecordDate>>,
    /// The posts whose holders send the notice of its meetings (`notice_by`).
    pub notice_by: Option<Cited<NoticeBy>>,
    /// The vacancies its `vacancies` organ may not fill (`co_option`).
    pub co_option: Option<Cited<CoOption>>,
    /// How its elections are counted (`counting`).
    pub counting: Option<Cited<CountingMethod>>,
    /// The organ whose decision sets the number of its seats at each election
    /// (`seats_set`).
    pub seats_set: Option<Cited<LevelOrgan>>,
    /// The most seats the organ for vacancies may fill between two elections
    /// (`between_elections`).
    pub between_elections: Option<Cited<BetweenElections>>,
    /// The organ whose approval lets a meeting be held off its cadence, brought
    /// forward or postponed (`off_schedule`).
    pub off_schedule: Option<Cited<LevelOrgan>>,
    /// Who fixes the number of delegates to its meetings and how they are chosen, and
    /// who approves that (`delegates`).
    pub delegates: Option<Cited<super::Delegates>>,
    /// The organs it works under the leadership of (`led_by`): it may not revise
    /// their decisions.
    pub led_by: Option<Cited<super::LedBy>>,
}

/// "The candidate receiving the highest number of votes ... shall be elected": an
/// organ's elections go to the candidates the `tally` puts first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Plurality;

/// How an organ's members vote in its meetings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Voting {
    /// The most proxies one member may hold (0: no voting by proxy); unset: the meeting decides.
    pub proxies: Option<u32>,
    /// Which polls are secret.
    pub secret: Option<SecretBallot>,
    /// Whether a voter may give one candidate more than one vote in an election
    /// (`cumulative = false`: "There shall be no cumulative voting"); unset: not said.
    pub cumulative: Option<bool>,
}

/// Which polls of a meeting the statute makes secret.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecretBallot {
    /// Every poll.
    Always,
    /// Elections; motions as the meeting decides.
    Elections,
    /// None: every vote is named (roll-call).
    Never,
}

impl SecretBallot {
    /// The word the statute writes.
    pub fn as_str(self) -> &'static str {
        match self {
            SecretBallot::Always => "always",
            SecretBallot::Elections => "elections",
            SecretBallot::Never => "never",
        }
    }
}

/// Who may convene an organ's meetings: organs, or members requesting it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Convener {
    /// The organs that may convene it.
    pub by: Vec<Key>,
    /// The posts whose holders may convene it ("the Chair may call a special meeting").
    pub posts: Vec<Key>,
    /// The share of the organ's members whose request obliges a meeting
    /// (requisition): at least, or more than, a share.
    pub requisition: Option<Threshold>,
    /// The fewest constituencies the members requesting it must belong to
    /// (`from_constituencies`: "locals ... in each of ten different legislative districts").
    pub from_constituencies: Option<u32>,
    /// The share of subordinate organizations of a category whose request obliges a
    /// meeting (`organizations`: "more than one third of provincial-level Party
    /// organizations put forward a request").
    pub organizations: Option<OrgRequisition>,
    /// The posts whose holders a requisition must be sent to (`notify`: "on call of a
    /// majority ... upon written notice to the International President").
    pub notify: Vec<Key>,
}

impl Convener {
    /// The requisition's share as findings and `statute check` word it:
    /// `1/3` (at least), `more than 1/2`.
    pub fn requisition_words(&self) -> Option<String> {
        self.requisition.map(|t| match t {
            Threshold::AtLeast(s) => s.to_string(),
            Threshold::MoreThan(s) => format!("more than {s}"),
        })
    }
}

/// A kind of meeting of an organ, named by the `category` of `meeting_convened`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingKind {
    /// Its name, as events write it.
    pub category: String,
    /// Its notice, instead of the organ's.
    pub notice: Option<Cited<Notice>>,
    /// Its own cadence: meetings of this kind only count toward it.
    pub meets: Option<Cited<Cadence>>,
    /// What business it may transact (`business`): only what its notice states.
    pub business: Option<Cited<Business>>,
}

impl OrganDef {
    /// The notice a meeting of this category needs: its kind's, else the organ's.
    /// A kind's notice that sets no period (only `postponement_article`) leaves the
    /// organ's in force.
    pub fn notice_for(&self, category: Option<&str>) -> Option<&Cited<Notice>> {
        category
            .and_then(|c| self.meeting_kinds.iter().find(|k| k.category == c))
            .and_then(|k| k.notice.as_ref())
            .filter(|n| n.rule.at_least.is_some() || n.rule.at_most.is_some())
            .or(self.notice.as_ref())
    }

    /// The article on postponing a meeting of this kind (or of any kind).
    pub fn postponement_article(&self, category: Option<&str>) -> Option<&String> {
        category
            .and_then(|c| self.meeting_kinds.iter().find(|k| k.category == c))
            .and_then(|k| k.notice.as_ref())
            .and_then(|n| n.rule.postponement_article.as_ref())
            .or_else(|| {
                self.notice
                    .as_ref()
                    .and_then(|n| n.rule.postponement_article.as_ref())
            })
    }

    /// The majority rule for a kind of decision, falling back to `default`.
    pub fn majority_for(&self, kind: &str) -> Option<&Cited<Majority>> {
        self.majority
            .get(kind)
            .or_else(|| self.majority.get("default"))
    }
}
