//! Acts of outside actors: another organization or a state acting on an organization.

use serde::{Deserialize, Serialize};

use super::*;
use crate::id::OrgId;

body!(
    /// Another organization or a state acted on an organization: sent a delegation to
    /// instruct it, intervened in its affairs, banned it. A state is an organization of
    /// the record (`organization_founded` with `category = "state"`).
    OutsideIntervention {
        /// Who acted: an organization or state of the record.
        by: OrgId,
        /// Organizations or states acting jointly with `by` (a joint delegation).
        with: Vec<OrgId> = (default, skip_serializing_if = "Vec::is_empty"),
        /// The organization acted on.
        org: OrgId,
        /// What was done: `delegation`, `intervention`, `ban`, `instruction`, ...
        act: String,
        /// What it was about, in a few words.
        text: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);
