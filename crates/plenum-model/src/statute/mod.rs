//! The statute as data: organs, posts, who elects whom, cadence, quorum, majorities,
//! eligibility and discipline, each rule citing the numbered article it comes from.
//!
//! A statute document (see [`read`]) holds one or more [`Version`]s, each in
//! force from its effective date for one organization. The [`StatuteBook`]
//! collects the versions of every document recorded in a ledger and answers
//! which version judges an event.

mod acting;
mod acts_for;
mod admission;
mod all_members;
mod attendance;
mod between;
mod book;
mod business;
mod cadence;
mod calendar;
mod classes;
mod clauses;
mod co_option;
mod competence;
mod consent;
mod constituencies;
mod counting;
mod delegates;
mod founding;
mod lapse;
mod leadership;
mod measure;
mod meeting_term;
mod memo;
mod nominations;
mod notice;
mod notice_by;
mod one_vote;
mod org_requisition;
mod organ;
mod penalties;
mod procedures;
mod raw;
mod raw_organ;
mod raw_trials;
mod read;
mod record_date;
mod referral;
mod seats_set;
mod steps;
mod subordinate;
mod suspension;
mod target;
mod tied;
mod trials;
mod unit;
mod vacancy;
mod voters;
mod weighted;

use crate::date::FuzzyDate;
use crate::id::{Key, OrgId, VersionId};

pub use acting::{Acting, ActingOrder};
pub use acts_for::ActsFor;
pub use admission::{
    Admission, CandidateFirst, Conditions, ProbationFromDecision, ResignationOnNotice, Sponsors,
};
pub use all_members::AllMembers;
pub use attendance::Attends;
pub use between::BetweenElections;
pub use book::StatuteBook;
pub use business::Business;
pub use cadence::{Cadence, CalendarPeriod};
pub use calendar::{ExcludedDays, Holiday, NotOn, Nth};
pub use classes::MemberClass;
pub use clauses::{Clause, clauses};
pub use co_option::{CoOption, Until};
pub use competence::Power;
pub use consent::{Consent, Waiver};
pub use constituencies::{Constituencies, NonVoting, Region, SeatsByConstituency, SeatsByRegion};
pub use counting::CountingMethod;
pub use delegates::Delegates;
pub use founding::{Decider, OrgDecision};
pub use lapse::Lapse;
pub use leadership::{HigherLevels, LedBy};
pub use measure::{Base, Excluded, Majority, Period, Share, Threshold};
pub use meeting_term::MeetingTerm;
pub use memo::BookMemo;
pub use nominations::{Nominations, Nominator};
pub use notice::NoticeLength;
pub use notice_by::NoticeBy;
pub use one_vote::OneVote;
pub use org_requisition::OrgRequisition;
pub use organ::{Convener, MeetingKind, OrganDef, Plurality, SecretBallot, Voting};
pub use penalties::{PenaltyDef, PenaltyEffect};
pub use procedures::{ComposedOf, Confirmation, Procedure, Succession, composed_words};
pub use read::read;
pub use record_date::RecordDate;
pub use referral::Referral;
pub use seats_set::LevelOrgan;
pub use steps::Step;
pub use subordinate::Subordinate;
pub use suspension::Suspension;
pub use target::{Target, concerning};
pub use tied::{Side, Tie};
pub use trials::Recusal;
pub use trials::{Filer, Ground, Hearable, Hearing, Trials};
pub use unit::MemberUnit;
pub use vacancy::VacancyDeadline;
pub use voters::Voters;
pub use weighted::Weighted;

/// A rule with the article it comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cited<T> {
    /// The rule.
    pub rule: T,
    /// The article number (`24`, `12(3)`), when the statute names one.
    pub article: Option<String>,
}

/// A parsed statute document: one or more versions.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The document's title, if given.
    pub title: Option<String>,
    /// The versions, in the order written.
    pub versions: Vec<Version>,
}

/// One version of a statute, in force for one organization from its effective date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Version {
    /// The version id, unique per organization.
    pub id: VersionId,
    /// The organization it governs.
    pub org: OrgId,
    /// Its title, if given.
    pub title: Option<String>,
    /// In force from the earliest day of this date.
    pub effective: FuzzyDate,
    /// The numbered articles, whose text findings quote.
    pub articles: Vec<Article>,
    /// The organs it defines.
    pub organs: Vec<OrganDef>,
    /// The posts it defines.
    pub posts: Vec<PostDef>,
    /// Who may expel, suspend, remove and reinstate.
    pub discipline: Vec<DisciplineRule>,
    /// The penalties of its own (`[[version.penalty]]`), which discipline rules may name.
    pub penalties: Vec<PenaltyDef>,
    /// The membership classes (`[[version.membership.class]]`).
    pub classes: Vec<MemberClass>,
    /// How long a candidate member may stay one before being confirmed.
    pub probation: Option<Cited<Period>>,
    /// How much longer a candidacy may last when it is extended (`candidacy_extended`);
    /// unset, a candidacy may not outlast the probation.
    pub probation_extension: Option<Period>,
    /// How long dues may stay unpaid before a membership lapses (`membership_lapsed`).
    pub lapse: Option<Cited<Lapse>>,
    /// Which members vote in an assembly of all members (`membership.votes`).
    pub voters: Option<Cited<Voters>>,
    /// The conditions of an admission (`membership.sponsors`, `membership.admission`).
    pub admission: Admission,
    /// Who may amend this statute, and by what majority.
    pub amendment: Option<AmendmentRule>,
    /// Offices (organs and posts, by key) no one may hold together.
    pub incompatibilities: Vec<Cited<Vec<Key>>>,
    /// The organs and posts of every organization of a category under this one
    /// (`[[version.subordinate]]`).
    pub subordinates: Vec<Subordinate>,
    /// The judicial procedure: who files charges, who tries them, how soon the
    /// decision comes (`[version.trials]`).
    pub trials: Option<Trials>,
    /// Who founds organizations under this one whose template says no other
    /// (`[version.founding]`).
    pub founding: Option<OrgDecision>,
    /// Who dissolves the organization itself (`[version.dissolution]`).
    pub dissolution: Option<OrgDecision>,
    /// That the organization is divided into constituencies (`[version.constituencies]`).
    pub constituencies: Option<Cited<Constituencies>>,
    /// Articles organs may set aside by a decision (`[[version.suspension]]`).
    pub suspensions: Vec<Cited<Suspension>>,
    /// The organs that alone take the decisions of a category, and the categories
    /// that need a vote (`[[version.power]]`).
    pub powers: Vec<Cited<Power>>,
    /// That lower-level organizations defer to higher-level ones: the organs of an
    /// organization its templates govern are led by those of the organizations above
    /// it (`[version.leadership] higher_levels = true`).
    pub leadership: Option<Cited<HigherLevels>>,
}

/// Who may amend a statute version, and by what majority: a later
/// `statute_adopted` for the organization is judged by it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AmendmentRule {
    /// The organs competent to amend it.
    pub by: Vec<Key>,
    /// The majority the decision needs, if the statute sets one, with its own
    /// article if it names one (a `majority-not-met` cites it, else `article`).
    pub majority: Option<Cited<Majority>>,
    /// How long before its adoption a proposed amendment must be sent to those
    /// entitled to notice of it (`notice`), with its own article if it names one.
    pub notice: Option<Cited<Period>>,
    /// The majority an amendment received less than a period before its adoption
    /// needs instead (`late`), with its own article if it names one.
    pub late: Option<LateAmendment>,
    /// The article.
    pub article: Option<String>,
}

/// "Amendments received less than 120 days prior to the Convention require a
/// two-thirds vote for passage."
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LateAmendment {
    /// Received less than this before the adopting meeting's first day.
    pub within: Period,
    /// The majority it needs then.
    pub majority: Majority,
    /// The article (a `majority-not-met` cites it, else the majority's, else the clause's).
    pub article: Option<String>,
}

impl Version {
    /// The article with this number.
    pub fn article(&self, number: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.number == number)
    }

    /// The organ with this key.
    pub fn organ(&self, key: &Key) -> Option<&OrganDef> {
        self.organs.iter().find(|o| &o.key == key)
    }

    /// The post with this key.
    pub fn post(&self, key: &Key) -> Option<&PostDef> {
        self.posts.iter().find(|p| &p.key == key)
    }

    /// The discipline rules for an act (for a removal, from the organ `from`, if any):
    /// the rules naming no organ and those naming this one. An act may have several
    /// rules, one per competent organ, each with its own majority.
    pub fn discipline(&self, act: Act, from: Option<&Key>) -> Vec<&DisciplineRule> {
        self.discipline
            .iter()
            .filter(|d| d.act == act && (d.from.is_none() || d.from.as_ref() == from))
            .collect()
    }
}

/// A numbered article and its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    /// The number as written (`24`, `12(3)`).
    pub number: String,
    /// The text, quoted in findings.
    pub text: String,
}

/// A post: a seat with a title, such as general secretary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PostDef {
    /// Its key within the organization.
    pub key: Key,
    /// Its title.
    pub name: String,
    /// Other titles it goes by.
    pub aliases: Vec<String>,
    /// How many may hold it at once (1 unless stated).
    pub holders: u32,
    /// Who fills it.
    pub elected_by: Option<Cited<Elector>>,
    /// The organ that may fill it when vacant between elections.
    pub vacancies_by: Option<Key>,
    /// Who must nominate the holder, and who must confirm them (`elected_by`'s article).
    pub procedure: Procedure,
    /// How long a term lasts, and whether holders hold over.
    pub term: Option<Cited<Term>>,
    /// A term counted in another organ's meetings (`term = { meetings, of }`), instead.
    pub term_meetings: Option<Cited<MeetingTerm>>,
    /// What a holder must be.
    pub eligibility: Vec<Cited<Requirement>>,
    /// How soon a seat or post left vacant must be filled (`vacancy`).
    pub vacancy: Option<Cited<VacancyDeadline>>,
    /// Who may act in it in the holder's absence or a vacancy (`acting`).
    pub acting: Option<Cited<Acting>>,
}

/// A term of office: how long a seat or post is held from the election (or
/// appointment) that gave it; a re-election starts a new term.
///
/// At the end of the term the seat or post ends, unless `holds_over`: then the
/// holder stays until the next election of the organ or post (and `check`
/// reports the election as due).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// How long.
    pub length: Period,
    /// Whether holders stay in office after the term until a successor is elected.
    pub holds_over: bool,
    /// The most terms one person may serve, in all.
    pub max_terms: Option<u32>,
    /// The most terms one person may serve in a row (each renewed at the end of the last).
    pub max_consecutive: Option<u32>,
}

/// The notice of a meeting: at least and at most this long before it (either may
/// be missing, not both).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    /// The least notice.
    pub at_least: Option<NoticeLength>,
    /// The most notice (a meeting called too far ahead).
    pub at_most: Option<NoticeLength>,
    /// The article on postponing a meeting, cited by `meeting-postponed`.
    pub postponement_article: Option<String>,
}

/// Who fills an organ or a post.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Elector {
    /// The members of the organization directly.
    Members,
    /// Appointment, by no organ of the organization.
    Appointment,
    /// Another organ of the same organization.
    Organ(Key),
    /// The holder of a post of the same organization (`by = "post:president"`):
    /// "the President appoints".
    Post(Key),
    /// An organ of the organization one level up (`by = "parent:committee"`, in a
    /// `[[version.subordinate]]` template only): "appointed by the Party committee at
    /// the next level up". The parent is the `parent` of the organization's
    /// `organization_founded`.
    Parent(Key),
    /// The organization that approved the organization's founding (`by = "founder"`):
    /// an organ of the organization whose organ took the decision the founding cites
    /// (`organization_founded` `decision`). "The composition of a leading Party members
    /// group is decided on by the Party organization that approves its establishment."
    Founder,
}

/// The most seats an organ may have, by role.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SeatLimits {
    /// Full (voting) members.
    pub full: Option<u32>,
    /// The fewest full members an election may fill the organ with (`at_least`).
    pub least_full: Option<u32>,
    /// Alternate (candidate) members.
    pub alternate: Option<u32>,
}

/// What a holder of a seat or post must be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Requirement {
    /// A member (candidate or full) of the organization.
    Member,
    /// A full member of the organization.
    FullMember,
    /// Holder of a seat (full or alternate) on another organ.
    Seat(Key),
    /// A member of this class (`{ requires = "class", class = "full" }`).
    Class(Key),
    /// A member (a full member, if `full`) of another organization
    /// (`{ requires = "member", of = "union" }`): "membership in the party is
    /// required for any senior post in the state". Judged, three-valued, by that
    /// organization's register: where it keeps none, or never mentions the person,
    /// the standing is unknown.
    MemberOf {
        /// The other organization.
        org: OrgId,
        /// Full membership, or any.
        full: bool,
    },
    /// A member (a full member, if `full`) without a break for at least `length`
    /// ("five years' party standing"), counted from the start of the membership
    /// (of the full membership) that is open.
    Standing {
        /// Full membership, or any.
        full: bool,
        /// How long.
        length: Period,
    },
}

/// A disciplinary act the statute regulates.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Act {
    /// Expulsion from the organization.
    Expulsion,
    /// Suspension of membership.
    Suspension,
    /// Removal from an organ or post before the term ends.
    Removal,
    /// Reinstatement of an expelled or suspended member.
    Reinstatement,
    /// A penalty the version declares (`[[version.penalty]]`); the rule's `penalty` names it.
    Penalty,
    /// Admission to membership (`member_admitted`).
    Admission,
    /// Full membership granted to a candidate (`member_promoted`).
    Promotion,
    /// A candidacy's probation extended (`candidacy_extended`).
    Extension,
    /// A candidacy revoked (`candidacy_ended`).
    Revocation,
    /// A member's withdrawal (`member_resigned`) announced by an organ.
    Withdrawal,
    /// A name removed from the roll (`membership_lapsed`).
    Lapse,
    /// A member urged (asked) to withdraw: the decision a `member_resigned` or a
    /// `membership_lapsed` cites as `urged`.
    UrgedWithdrawal,
}

impl Act {
    /// The word used in statutes and findings.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Expulsion => "expulsion",
            Act::Suspension => "suspension",
            Act::Removal => "removal",
            Act::Reinstatement => "reinstatement",
            Act::Penalty => "penalty",
            Act::Admission => "admission",
            Act::Promotion => "promotion",
            Act::Extension => "extension",
            Act::Revocation => "revocation",
            Act::Withdrawal => "withdrawal",
            Act::Lapse => "lapse",
            Act::UrgedWithdrawal => "urged-withdrawal",
        }
    }
}

/// Which organs may perform a disciplinary act, and by what majority.
///
/// A statute may give one act several rules: one per competent organ (each with
/// its own majority), or, for removals, one per organ removed from (`from`).
/// Two rules giving the same act, from the same organ, to the same organ are refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DisciplineRule {
    /// The act.
    pub act: Act,
    /// For `Act::Penalty`: the penalty's id.
    pub penalty: Option<Key>,
    /// For a removal: the organ removed from, when the rule concerns only it.
    pub from: Option<Key>,
    /// Whom the rule concerns (by the seats and posts they hold on the day of the
    /// act); `None`: every member.
    pub target: Option<Target>,
    /// The organs competent to decide it.
    pub by: Vec<Key>,
    /// In a `[[version.subordinate]]` template: organs of the organization one level
    /// up that are competent too (`by = ["parent:commission"]`).
    pub by_parent: Vec<Key>,
    /// The ground the rule is scoped by (`ground = "serious-criminal-violation"`): it
    /// empowers its organs only for an act that records this ground (the act's
    /// `ground`). `None`: every act.
    pub ground: Option<Key>,
    /// The majority the decision needs, if the statute sets one.
    pub majority: Option<Majority>,
    /// For a suspension: the longest it may last.
    pub longest: Option<Period>,
    /// The organ that must confirm an act this rule's organs take (provisionally), and by when.
    pub confirmed_by: Option<Confirmation>,
    /// The organ whose decision must refer the act to this rule's organs (`referral`).
    pub referral: Option<Referral>,
    /// The act is allowed only while the register counts more than this many full members.
    pub while_members_exceed: Option<u32>,
    /// A removal this rule allows only of a holder the register shows no longer
    /// eligible for the office removed from (`only_if = "ineligible"`).
    pub only_if_ineligible: bool,
    /// The article.
    pub article: Option<String>,
}

#[cfg(test)]
mod tests;
