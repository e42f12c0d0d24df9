//! The conditions of an admission (`[version.membership]`): how many members must
//! recommend an applicant, and of what standing (`sponsors`), and that a new member
//! is admitted on probation first (`admission = { as = "candidate" }`), the
//! conditions the record must show met before a person becomes a full member
//! (`conditions`), and when a resignation takes effect (`resignation`).
//! Read by `read/admission.rs`; judged by `rules/checks/admission.rs`. Never judges.

use super::Cited;

/// "Recommended by two full Party members": the sponsors an admission names
/// (`member_admitted`'s `sponsors`) and the standing each must have on its day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sponsors {
    /// How many sponsors at least (one or more).
    pub at_least: u32,
    /// Whether each must be a full member (else any member, candidates included).
    pub full: bool,
}

/// "The applicant must undergo observation for a probationary period before being
/// granted full membership": new members are admitted as candidates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CandidateFirst;

/// "May become a member ... by: 1. Making payment of the Initial Capital
/// Contribution; ... 5. Signing the Cooperative's membership agreement": the
/// conditions, in the record's words, that `member_admitted` (as a full member) and
/// `member_promoted` must list as met (`conditions_met`). Plenum sees the record, not
/// the payment: a condition is met where the record says so.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conditions {
    /// The conditions, each once, in the words the record uses.
    pub required: Vec<String>,
}

/// "The resignation shall become effective immediately without any action on the
/// part of the Cooperative": a resignation takes effect on the day its written notice
/// is given (`member_resigned`'s `notice_given`), not later.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ResignationOnNotice;

/// "The probationary period of a probationary member shall begin on the day the
/// general meeting of the Party branch passes the decision to accept him or her":
/// an admission as a candidate that cites its decision (`member_admitted`'s
/// `decision`) is dated on the decision's day (`probation.from = "decision"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProbationFromDecision;

/// The conditions of an admission a version sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Admission {
    /// The sponsors an admission needs (`membership.sponsors`).
    pub sponsors: Option<Cited<Sponsors>>,
    /// New members are admitted as candidates (`membership.admission`).
    pub as_candidate: Option<Cited<CandidateFirst>>,
    /// What the record must show met before a person becomes a full member
    /// (`membership.conditions`).
    pub conditions: Option<Cited<Conditions>>,
    /// A resignation takes effect on its notice (`membership.resignation`).
    pub resignation: Option<Cited<ResignationOnNotice>>,
    /// The least age at admission (`membership.age`): "who has reached the age of
    /// eighteen ... may apply for membership".
    pub min_age: Option<Cited<super::Period>>,
    /// The steps the record must show taken before an act
    /// (`[[version.membership.step]]`).
    pub steps: Vec<super::Step>,
    /// The probation begins on the day of the decision accepting the candidate
    /// (`membership.probation.from = "decision"`), citing the probation's article.
    pub probation_from_decision: Option<Cited<ProbationFromDecision>>,
    /// The kinds of organization every member's unit is (`membership.unit`).
    pub unit: Option<Cited<super::MemberUnit>>,
}
