//! A person's place in one of an organization's constituencies (`constituency_assigned`):
//! the legislative district, province or member class whose delegates elect the seats
//! the statute gives it (`[version.constituencies]`).

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{Key, OrgId, PersonId};

body!(
    /// A person was placed in a constituency of an organization, from the event's date
    /// until the next placement of the same person there: the district of the local
    /// they belong to, the delegation they sit in.
    ConstituencyAssigned {
        /// The person.
        person: PersonId,
        /// The organization whose constituencies these are.
        org: OrgId,
        /// The constituency, as the record names it (`district-5`); the statute says
        /// only what one is called, not which there are.
        constituency: Key,
    }
);
