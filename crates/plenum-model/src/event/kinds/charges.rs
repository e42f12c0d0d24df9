//! Charges against a person under the statute's judicial procedure (`charges_filed`);
//! the trial that follows is a `person_tried` naming its trial body (`by`).

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{OrgId, PersonId};

body!(
    /// Charges were filed against a person in an organization, by a charging party.
    /// The statute's `[version.trials]` says who may file them (`filed_by`).
    ChargesFiled {
        /// The accused.
        person: PersonId,
        /// The organization whose procedure the charges follow.
        org: OrgId,
        /// The charging party.
        by_person: PersonId,
        /// The grounds, as the charges state them.
        grounds: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
    }
);
