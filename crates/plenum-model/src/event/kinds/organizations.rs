//! Organizations: founded, renamed, merged, split, joined, left, banned, dissolved.

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::{EventId, OrgId, PersonId};

body!(
    /// An organization came into being.
    OrganizationFounded {
        /// The new organization.
        org: OrgId,
        /// Its name at founding.
        name: String,
        /// Other names and abbreviations.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What it is: `party`, `front`, `bureau`, `state`, `league`, ...
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// The organization it is a section or branch of.
        parent: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// Where it was founded.
        place: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Its founders.
        founders: Vec<PersonId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The organization it replaces: that one ends (`replaced`) and the two are linked
        /// in the lineage.
        replaces: Option<OrgId> = (default, skip_serializing_if = "Option::is_none"),
        /// The motion that decided its founding (a charter, an approval), where the
        /// statute says who founds it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An organization took a new name (and, with `category`, became another kind of
    /// body); it stays the same organization.
    OrganizationRenamed {
        /// The organization.
        org: OrgId,
        /// The new name.
        name: String,
        /// Other names under the new name.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What it is from the date, when the rename changes it (a `bureau` becomes a `party`).
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// Organizations merged into one; `into` is founded by the merger unless it already exists.
    OrganizationsMerged {
        /// The organizations that merged; all but `into` cease.
        orgs: Vec<OrgId>,
        /// The result of the merger.
        into: OrgId,
        /// The name of `into`, required when the merger founds it.
        name: Option<String> = (default, skip_serializing_if = "Option::is_none"),
        /// Other names of `into`.
        aliases: Vec<String> = (default, skip_serializing_if = "Vec::is_empty"),
        /// What `into` is, when the merger founds it.
        category: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An organization split into new ones.
    OrganizationSplit {
        /// The organization that split.
        org: OrgId,
        /// The organizations founded by the split.
        into: Vec<NewOrg>,
        /// Whether `org` goes on existing after the split.
        continues: bool = (default, skip_serializing_if = "is_false"),
    }
);

body!(
    /// An organization joined a front, federation or parent body.
    OrganizationJoined {
        /// The organization that joined.
        org: OrgId,
        /// The body it joined.
        parent: OrgId,
    }
);

body!(
    /// An organization left a front, federation or parent body.
    OrganizationLeft {
        /// The organization that left.
        org: OrgId,
        /// The body it left.
        parent: OrgId,
    }
);

body!(
    /// An organization was banned by an authority; it may live on illegally.
    OrganizationBanned {
        /// The organization.
        org: OrgId,
        /// Who banned it.
        by: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);

body!(
    /// An organization ceased to exist.
    OrganizationDissolved {
        /// The organization.
        org: OrgId,
        /// The motion that decided its dissolution, where the statute says who
        /// dissolves it.
        decision: Option<EventId> = (default, skip_serializing_if = "Option::is_none"),
        /// The ground of the dissolution, where the statute gives it to other organs
        /// on a ground (`dissolution.on_ground`): `serious-violation-of-discipline`.
        ground: Option<crate::id::Key> = (default, skip_serializing_if = "Option::is_none"),
    }
);
