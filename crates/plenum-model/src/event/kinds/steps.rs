//! A procedural step recorded for a person (`step_taken`): an oath taken, a talk held
//! with an applicant, an interview. The statute's `[[version.membership.step]]` says
//! which steps an act (an admission, a promotion) needs first, and by which organs.

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{OrgId, OrganRef, PersonId};

body!(
    /// A named step of a procedure was taken for (or by) a person in an organization:
    /// "a probationary Party member must take an oath of admission before the Party
    /// flag" is a `step_taken` with `step = "oath"`. The step is named in the record's
    /// words, as the statute names it.
    StepTaken {
        /// The person it concerns (the applicant, the probationary member).
        person: PersonId,
        /// The organization whose procedure it follows.
        org: OrgId,
        /// The step, in the statute's words (`oath`, `talk`).
        step: String,
        /// The organ that took it, or had it taken (appointed those who took it), if
        /// the record says.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
    }
);
