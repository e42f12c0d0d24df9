//! A membership that lapsed, dues unpaid, or a name removed from the roll.

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{EventId, OrgId, PersonId};

body!(
    /// A membership lapsed (dues unpaid), or a name was removed from the roll (of a
    /// member `urged` to withdraw who would not): it ends. The statute's
    /// `membership.lapse` says how long dues must have been unpaid first.
    MembershipLapsed {
        /// The person.
        person: PersonId,
        /// The organization.
        org: OrgId,
        /// Since when the dues were unpaid (the arrears began), if the record says.
        unpaid_since: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that removed the name from the roll, where the statute says which organ does.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that had urged (asked) the member to withdraw, where the name is
        /// removed because the member would not: judged by the statute's
        /// `urged-withdrawal` rules.
        urged: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);
