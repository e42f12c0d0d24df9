//! A member's change of membership class.

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{EventId, Key, OrgId, PersonId};

body!(
    /// A member moved to another membership class (`[[version.membership.class]]`):
    /// from student to full member, to honorary membership. The membership continues
    /// in its status, in the new class.
    MembershipClassChanged {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// The new class's id in the statute (`honorary`).
        class: Key,
        /// The motion that decided it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);
