//! Procedures of several organs: an act confirmed (or refused) by another organ.

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{EventId, OrganRef, PersonId};

body!(
    /// An organ confirmed (or refused to confirm) an earlier act concerning a person:
    /// an election or appointment (`election_held`, `seat_taken`, `post_assigned`) the
    /// statute makes subject to its confirmation (`confirmed_by`), or a disciplinary
    /// act another organ took provisionally (`expulsion`, `suspension`, a removal).
    ///
    /// It changes no seat or membership: where confirmation is refused, the record
    /// says how the act was undone (`seat_vacated`, `member_reinstated`, ...).
    ActConfirmed {
        /// The act confirmed: an earlier event.
        act: EventId,
        /// The person it concerns.
        person: PersonId,
        /// The confirming organ, when no decision is recorded.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
        /// The confirming organ's decision.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether the organ refused to confirm it.
        rejected: bool = (default, skip_serializing_if = "is_false"),
    }
);
