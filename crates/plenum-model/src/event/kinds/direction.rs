//! Nominal and actual: an organization directed in fact by a body other than the one it
//! is formally part of.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::*;
use crate::date::FuzzyDate;
use crate::id::{OrgId, OrganRef};

/// Who directs an organization: another organization or state (`ussr`), or an organ of
/// one (`wpk/politburo`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum Director {
    /// An organization or a state of the record.
    Org(OrgId),
    /// An organ of an organization of the record.
    Organ(OrganRef),
}

impl Director {
    /// The organization directing, or whose organ directs.
    pub fn org(&self) -> &OrgId {
        match self {
            Director::Org(o) => o,
            Director::Organ(o) => &o.org,
        }
    }
}

impl FromStr for Director {
    type Err = String;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let expected = "expected an organization id (`ussr`) or an organ (`org/key`)";
        if text.contains('/') {
            text.parse()
                .map(Director::Organ)
                .map_err(|e| format!("`{text}`: {e}; {expected}"))
        } else {
            text.parse()
                .map(Director::Org)
                .map_err(|e| format!("`{text}`: {e}; {expected}"))
        }
    }
}

impl TryFrom<String> for Director {
    type Error = String;
    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<Director> for String {
    fn from(d: Director) -> String {
        d.to_string()
    }
}

impl fmt::Display for Director {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Director::Org(o) => write!(f, "{o}"),
            Director::Organ(o) => write!(f, "{o}"),
        }
    }
}

body!(
    /// An organization was in fact directed by another organization, a state or an organ,
    /// whatever body it was formally part of ("formally subordinate to the Korean Communist
    /// Party in Seoul, but directed by the Soviet occupation").
    OrganizationDirected {
        /// The organization directed.
        org: OrgId,
        /// Who directed it: an organization or state (`ussr`) or an organ (`org/key`).
        by: Director,
        /// Until when, if the record says (else until either ends, or for as long as the
        /// record knows).
        until: Option<FuzzyDate> = (default, skip_serializing_if = "Option::is_none"),
        /// How, in a few words.
        text: Option<String> = (default, skip_serializing_if = "Option::is_none"),
    }
);
