//! Findings: what the rules engine says of the record, each citing the article it rests on.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{FuzzyDate, Truth};
use crate::id::{EventId, OrgId, VersionId};
use crate::phrase::Phrase;
use crate::statute::Version;

/// Every rule, with a stable id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Rule {
    /// An organ or post filled by someone the statute does not empower to fill it.
    WrongElector,
    /// More seats than the statute allows.
    SeatsOverLimit,
    /// A holder who does not meet the statute's eligibility rule.
    IneligibleHolder,
    /// A decision taken with fewer present than the quorum.
    QuorumNotMet,
    /// A motion recorded as carried without the majority it needs.
    MajorityNotMet,
    /// A meeting convened with less notice than the statute requires.
    ShortNotice,
    /// A meeting convened further ahead than the statute allows.
    LongNotice,
    /// A meeting convened by an organ the statute does not empower, or requested by too few.
    WrongConvener,
    /// A meeting held later than the cadence allows after the previous one.
    MeetingLate,
    /// A meeting held later than the date it was called for.
    MeetingPostponed,
    /// An organ that has not met within its cadence, as of a date.
    MeetingOverdue,
    /// An act by or about a person who had died.
    DeadPerson,
    /// An act in an organization by a person expelled from it.
    ExpelledPerson,
    /// A disciplinary act without a decision of the competent organ.
    NoCompetentDecision,
    /// A seat or post vacated that the record does not show as held.
    NotHeld,
    /// An act in an organization that did not exist at the time.
    DefunctOrganization,
    /// A seat or post whose term ended, as of a date, with no election renewing it.
    TermExpired,
    /// A candidacy longer than the probation, or a suspension longer than allowed.
    StatusTooLong,
    /// An election or appointment without the nomination the statute requires.
    NotNominated,
    /// An election, appointment or provisional act not confirmed as the statute requires.
    NotConfirmed,
    /// A vacant full seat filled past an alternate the statute puts first.
    AlternateSkipped,
    /// A penalty the statute in force does not provide.
    UnknownPenalty,
    /// A membership lapsed before the dues were unpaid as long as the statute says.
    EarlyLapse,
    /// A member whose membership lapsed acting in the organization, or holding an
    /// office that requires membership when it lapsed.
    LapsedMember,
    /// A meeting convened as a kind the statute does not declare for its organ.
    UnknownCategory,
    /// A seat or post left vacant and not filled as soon as the statute requires.
    VacancyUnfilled,
    /// Charges filed by someone the statute does not let file them (`trials.filed_by`).
    WrongAccuser,
    /// A trial held by an organ the statute does not give trials to (`trials.tried_by`).
    WrongTrialBody,
    /// A trial's decision rendered later than the statute allows (`trials.decision`).
    DecisionLate,
    /// A copy of charges served on the accused later than the statute allows
    /// (`trials.serve`, `trials.served_before_trial`).
    ServiceLate,
    /// A disciplinary act with no hearing of the person before it (`trials.hearing`).
    NotHeard,
    /// An admission recommended by fewer sponsors of the standing required than the
    /// statute asks (`membership.sponsors`).
    TooFewSponsors,
    /// A new member admitted as a full member where the statute admits on probation
    /// first (`membership.admission`).
    AdmittedAsFull,
    /// An appeal decided finally by an organ the statute does not give the final
    /// decision on appeals (`trials.appeals`).
    WrongAppealBody,
    /// An expulsion or suspension imposed without the trial the statute requires
    /// (`trials.required_for`).
    NoTrial,
    /// An organization founded by fewer full members than the statute requires
    /// (`founding.min_members`).
    TooFewFounders,
    /// A decision an organ took without a meeting with fewer consents than the
    /// statute requires (`without_meeting`).
    NotUnanimous,
    /// An organ elected anew with fewer full seats than the statute requires.
    SeatsUnderLimit,
    /// A candidate elected with fewer votes than one not elected, where the statute
    /// elects the candidates with the most votes (`plurality`).
    PluralityNotMet,
    /// A meeting the statute ties to another organ's meeting (`tied`: after it ends,
    /// or before it begins) not held within the period.
    MeetingMissing,
    /// Charges filed on a ground the statute's list of grounds does not hold
    /// (`trials.grounds`).
    WrongGrounds,
    /// A meeting held on a day the statute says the organ may not meet on (`not_on`:
    /// a holiday weekend, a Sunday).
    MeetingOnExcludedDay,
    /// A holder of a seat on an organ whose holders must attend another organ's
    /// meetings (`attends`) recorded absent from one (`meeting_held` `absent`).
    AbsentHolder,
    /// A member of a trial body who took part in a case arising in an organization of
    /// which they are or were a member (`trials.recusal`, `person_tried`'s `judges`).
    DisqualifiedJudge,
    /// A meeting's notice sent by someone other than the holder of a post the statute
    /// charges with sending it (`notice_by`).
    WrongNotifier,
    /// A decision or election at a meeting of a kind that transacts only the business
    /// its notice states, of a category the notice did not state (`business`).
    BusinessNotNoticed,
    /// An election of an organ recorded as counted by another method than the
    /// statute's (`counting`).
    WrongMethod,
    /// A candidate given more votes in an election than one vote from each voter (by
    /// points, the first choice's points), where the statute forbids cumulative voting
    /// (`voting.cumulative = false`).
    CumulativeVote,
    /// A decision or election that counted votes cast by proxy beyond the statute's
    /// `voting.proxies` (any, where it is 0).
    ProxyVote,
    /// A member admitted to, or moved to, a membership class the statute in force does
    /// not declare, where it declares some (`[[version.membership.class]]`).
    UnknownClass,
    /// A person who became a full member while the record shows met fewer of the
    /// conditions of admission than the statute requires (`membership.conditions`).
    ConditionsUnmet,
    /// A resignation (of a membership, or of a seat) recorded as taking effect after
    /// its notice was given, where the statute makes it effective on notice
    /// (`membership.resignation`, `resignation` on an organ).
    ResignationDelayed,
    /// A decision of a category the statute takes only by a vote (`[[version.power]]`
    /// `vote = "required"`) whose record gives no votes.
    NoVote,
    /// A decision of a category the statute takes only at a meeting (`[[version.power]]`
    /// `meeting = "required"`) recorded without one.
    NoMeeting,
    /// A poll recorded as held by an open vote or by acclamation where the organ's
    /// statute makes it secret, or by secret ballot where it names every vote
    /// (`voting.secret`).
    WrongBallot,
    /// A person admitted before the age the statute sets for membership
    /// (`membership.age`), by the birth date `person_registered` records.
    UnderAge,
    /// An act (an admission, a promotion) the record shows no step before that the
    /// statute requires first (`[[version.membership.step]]`, `step_taken`).
    StepMissing,
    /// An admission as a candidate dated otherwise than the decision it cites, where
    /// the statute begins the probation on the decision's day
    /// (`membership.probation.from = "decision"`).
    ProbationMisdated,
    /// A decision that revises, annuls or overrules a decision of an organ that leads
    /// the deciding one (`led_by`, `[version.leadership]`, `motion_decided` `revises`).
    RevisedFromBelow,
    /// A member placed (`member_admitted`'s `unit`, `member_transferred`) in an
    /// organization that is not, on the day, an existing unit of the kinds the statute
    /// names (`membership.unit`), or left without a unit when theirs was dissolved.
    UnitMissing,
}

impl Rule {
    /// The stable id (`wrong-elector`, ...).
    pub fn id(self) -> &'static str {
        match self {
            Rule::WrongElector => "wrong-elector",
            Rule::SeatsOverLimit => "seats-over-limit",
            Rule::IneligibleHolder => "ineligible-holder",
            Rule::QuorumNotMet => "quorum-not-met",
            Rule::MajorityNotMet => "majority-not-met",
            Rule::ShortNotice => "short-notice",
            Rule::LongNotice => "long-notice",
            Rule::WrongConvener => "wrong-convener",
            Rule::MeetingLate => "meeting-late",
            Rule::MeetingPostponed => "meeting-postponed",
            Rule::MeetingOverdue => "meeting-overdue",
            Rule::DeadPerson => "dead-person",
            Rule::ExpelledPerson => "expelled-person",
            Rule::NoCompetentDecision => "no-competent-decision",
            Rule::NotHeld => "not-held",
            Rule::DefunctOrganization => "defunct-organization",
            Rule::TermExpired => "term-expired",
            Rule::StatusTooLong => "status-too-long",
            Rule::NotNominated => "not-nominated",
            Rule::NotConfirmed => "not-confirmed",
            Rule::AlternateSkipped => "alternate-skipped",
            Rule::UnknownPenalty => "unknown-penalty",
            Rule::EarlyLapse => "early-lapse",
            Rule::LapsedMember => "lapsed-member",
            Rule::UnknownCategory => "unknown-category",
            Rule::VacancyUnfilled => "vacancy-unfilled",
            Rule::WrongAccuser => "wrong-accuser",
            Rule::WrongTrialBody => "wrong-trial-body",
            Rule::DecisionLate => "decision-late",
            Rule::ServiceLate => "service-late",
            Rule::NotHeard => "not-heard",
            Rule::TooFewSponsors => "too-few-sponsors",
            Rule::AdmittedAsFull => "admitted-as-full",
            Rule::WrongAppealBody => "wrong-appeal-body",
            Rule::NoTrial => "no-trial",
            Rule::TooFewFounders => "too-few-founders",
            Rule::NotUnanimous => "not-unanimous",
            Rule::SeatsUnderLimit => "seats-under-limit",
            Rule::PluralityNotMet => "plurality-not-met",
            Rule::MeetingMissing => "meeting-missing",
            Rule::WrongGrounds => "wrong-grounds",
            Rule::MeetingOnExcludedDay => "meeting-on-excluded-day",
            Rule::AbsentHolder => "absent-holder",
            Rule::DisqualifiedJudge => "disqualified-judge",
            Rule::WrongNotifier => "wrong-notifier",
            Rule::BusinessNotNoticed => "business-not-noticed",
            Rule::WrongMethod => "wrong-method",
            Rule::CumulativeVote => "cumulative-vote",
            Rule::ProxyVote => "proxy-vote",
            Rule::UnknownClass => "unknown-class",
            Rule::ConditionsUnmet => "conditions-unmet",
            Rule::ResignationDelayed => "resignation-delayed",
            Rule::NoVote => "no-vote",
            Rule::NoMeeting => "no-meeting",
            Rule::WrongBallot => "wrong-ballot",
            Rule::UnderAge => "under-age",
            Rule::StepMissing => "step-missing",
            Rule::ProbationMisdated => "probation-misdated",
            Rule::RevisedFromBelow => "revised-from-below",
            Rule::UnitMissing => "unit-missing",
        }
    }

    /// Every rule, for documentation and `--help`.
    pub const ALL: [Rule; 60] = [
        Rule::WrongElector,
        Rule::SeatsOverLimit,
        Rule::IneligibleHolder,
        Rule::QuorumNotMet,
        Rule::MajorityNotMet,
        Rule::ShortNotice,
        Rule::LongNotice,
        Rule::WrongConvener,
        Rule::MeetingLate,
        Rule::MeetingPostponed,
        Rule::MeetingOverdue,
        Rule::DeadPerson,
        Rule::ExpelledPerson,
        Rule::NoCompetentDecision,
        Rule::NotHeld,
        Rule::DefunctOrganization,
        Rule::TermExpired,
        Rule::StatusTooLong,
        Rule::NotNominated,
        Rule::NotConfirmed,
        Rule::AlternateSkipped,
        Rule::UnknownPenalty,
        Rule::EarlyLapse,
        Rule::LapsedMember,
        Rule::UnknownCategory,
        Rule::VacancyUnfilled,
        Rule::WrongAccuser,
        Rule::WrongTrialBody,
        Rule::DecisionLate,
        Rule::NoTrial,
        Rule::ServiceLate,
        Rule::NotHeard,
        Rule::TooFewSponsors,
        Rule::AdmittedAsFull,
        Rule::WrongAppealBody,
        Rule::TooFewFounders,
        Rule::NotUnanimous,
        Rule::SeatsUnderLimit,
        Rule::PluralityNotMet,
        Rule::MeetingMissing,
        Rule::WrongGrounds,
        Rule::MeetingOnExcludedDay,
        Rule::AbsentHolder,
        Rule::DisqualifiedJudge,
        Rule::WrongNotifier,
        Rule::BusinessNotNoticed,
        Rule::WrongMethod,
        Rule::CumulativeVote,
        Rule::ProxyVote,
        Rule::UnknownClass,
        Rule::ConditionsUnmet,
        Rule::ResignationDelayed,
        Rule::NoVote,
        Rule::NoMeeting,
        Rule::WrongBallot,
        Rule::UnderAge,
        Rule::StepMissing,
        Rule::ProbationMisdated,
        Rule::RevisedFromBelow,
        Rule::UnitMissing,
    ];
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Severity {
    /// Worth knowing; breaks no article.
    Notice,
    /// Probably irregular, or a gap in the record.
    Warning,
    /// Breaks an article of the statute.
    Violation,
}

impl Severity {
    /// The lowercase word.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Notice => "notice",
            Severity::Warning => "warning",
            Severity::Violation => "violation",
        }
    }
}

/// The article a finding rests on, quoted.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Citation {
    /// The organization whose statute it is.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub org: OrgId,
    /// The statute version.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub version: VersionId,
    /// The article number, if the statute numbers the rule.
    pub article: Option<String>,
    /// The article's text.
    pub text: Option<String>,
}

impl Citation {
    /// Cites an article (by number, possibly none) of a version.
    pub fn of(version: &Version, article: Option<&String>) -> Citation {
        let text = article
            .and_then(|n| version.article(n))
            .map(|a| a.text.clone());
        Citation {
            org: version.org.clone(),
            version: version.id.clone(),
            article: article.cloned(),
            text,
        }
    }
}

/// One result of the rules engine.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Finding {
    /// The rule.
    pub rule: Rule,
    /// How serious.
    pub severity: Severity,
    /// Definitely, or only possibly (fuzzy dates, uncertain sources).
    pub certainty: Truth,
    /// When.
    pub date: FuzzyDate,
    /// The article broken, quoted, when the statute states the rule.
    pub citation: Option<Citation>,
    /// The events it rests on.
    pub events: Vec<EventId>,
    /// What is wrong, in a sentence a person understands (with references to
    /// entities, named when read: see [`Phrase`]).
    pub message: Phrase,
}
