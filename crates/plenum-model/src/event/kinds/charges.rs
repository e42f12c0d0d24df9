//! Charges against a person under the statute's judicial procedure (`charges_filed`);
//! the copy served on the accused (`charges_served`); the hearing of a person before a
//! disciplinary act (`person_heard`); an appeal decided (`appeal_decided`); the trial
//! that follows charges is a `person_tried` naming its trial body (`by`).

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{EventId, OrgId, OrganRef, PersonId};

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
        /// The organization (a local, a subordinate body) the case arises in, if the
        /// record says: judged against `[version.trials] recusal`.
        arises_in: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// A copy of the charges was served on (sent to) the accused. The statute's
    /// `[version.trials]` says how soon after the charges (`serve.within`) and how
    /// long before the trial (`served_before_trial`).
    ChargesServed {
        /// The accused.
        person: PersonId,
        /// The organization whose procedure the charges follow.
        org: OrgId,
        /// The `charges_filed` event served.
        charges: EventId,
    }
);

body!(
    /// A person was heard in their own defence (or given the chance to explain) before
    /// an organ of an organization, ahead of a disciplinary act. The statute's
    /// `[version.trials] hearing` says which acts need one, and before which organ.
    PersonHeard {
        /// The person heard.
        person: PersonId,
        /// The organization whose procedure it follows.
        org: OrgId,
        /// The organ that heard them, if the record says.
        by: Option<OrganRef> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An organ decided a person's appeal against a decision of the organization
    /// (a trial's, a penalty's). The statute's `[version.trials] appeals` says which
    /// organs decide appeals finally (`final_by`).
    AppealDecided {
        /// The appellant.
        person: PersonId,
        /// The organization whose procedure the appeal follows.
        org: OrgId,
        /// The organ that decided it.
        by: OrganRef,
        /// The event appealed against (a trial, a penalty, a decision), if recorded.
        appealed: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// Whether the decision is final (no further appeal lies within the organization).
        #[serde(rename = "final")]
        is_final: bool = (default, skip_serializing_if = "is_false"),
    }
);
