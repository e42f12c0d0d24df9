//! A member's unit (`member_transferred`): the branch, group or local a member of an
//! organization belongs to, changed ("transfer of organizational relationship"). A
//! member's first unit is `member_admitted`'s `unit`; the statute's `membership.unit`
//! says which kinds of organization a unit is.

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{EventId, OrgId, PersonId};

body!(
    /// A member of an organization was moved to another of its units (a branch, a
    /// local), from the event's date until their next transfer: "the transfer of the
    /// organizational relationship" of a Party member, a union member moved to another
    /// local when theirs was dissolved.
    MemberTransferred {
        /// The member.
        person: PersonId,
        /// The organization they are a member of (the party, the union).
        org: OrgId,
        /// The unit they belong to from then (an organization under `org`).
        unit: OrgId,
        /// The motion that decided it, if the record says.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);
