//! Penalties of the statute's own: reprimands, transfers to candidate membership, bars from office.

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{EventId, Key, OrgId, PersonId};

body!(
    /// A member was given a penalty the statute declares (`[[version.penalty]]`):
    /// a warning, a reprimand, a transfer back to candidate membership, a bar from office.
    /// A penalty whose statute `effect` is `candidate` makes a full member a candidate.
    MemberDisciplined {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The penalty's id in the statute (`severe-reprimand`).
        penalty: Key,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// When it ends, if it is for a period.
        until: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// The stated reason.
        reason: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The ground of the act, where a discipline rule is scoped by one (`ground` on
        /// `[[version.discipline]]`): `serious-criminal-violation`, `exceptional-circumstances`.
        ground: Option<Key> = (default, skip_serializing_if = "Option::is_none"),
    }
);
