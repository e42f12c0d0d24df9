//! A requisition counted in subordinate organizations rather than members: "a
//! National Congress may be convened early [if] more than one third of
//! provincial-level Party organizations put forward a request"
//! (`convened_by.organizations`).

use super::Threshold;

/// The share of the organizations of one category under the organ's organization
/// whose request obliges a meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OrgRequisition {
    /// The category of organization that counts (`[[version.subordinate]] category`,
    /// `organization_founded` `category`).
    pub category: String,
    /// At least, or more than, a share of those organizations existing on the day.
    pub threshold: Threshold,
}

impl OrgRequisition {
    /// The share as findings and `statute check` word it: `1/3` (at least),
    /// `more than 1/3`.
    pub fn words(&self) -> String {
        match self.threshold {
            Threshold::AtLeast(s) => s.to_string(),
            Threshold::MoreThan(s) => format!("more than {s}"),
        }
    }
}
