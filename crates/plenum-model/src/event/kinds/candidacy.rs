//! What follows a candidacy other than admission (`member_promoted`): an extension, or its end.

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{EventId, OrgId, PersonId};

body!(
    /// A candidate member's candidacy was extended beyond the probation; the statute's
    /// `probation.extension` says by how much at most.
    CandidacyExtended {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The day the extended candidacy ends, if the record says.
        until: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A candidacy ended without admission to full membership: the membership ends.
    CandidacyEnded {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);
