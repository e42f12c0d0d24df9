//! The conditions of an admission (`[version.membership]`): how many members must
//! recommend an applicant, and of what standing (`sponsors`), and that a new member
//! is admitted on probation first (`admission = { as = "candidate" }`).
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

/// The conditions of an admission a version sets.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Admission {
    /// The sponsors an admission needs (`membership.sponsors`).
    pub sponsors: Option<Cited<Sponsors>>,
    /// New members are admitted as candidates (`membership.admission`).
    pub as_candidate: Option<Cited<CandidateFirst>>,
    /// The least age at admission (`membership.age`): "who has reached the age of
    /// eighteen ... may apply for membership".
    pub min_age: Option<Cited<super::Period>>,
}
