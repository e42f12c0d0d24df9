//! A member's unit (`membership.unit`): "every Party member ... must join a branch,
//! group, or other given unit of the Party". Every member belongs to an organization
//! of one of the categories named, under the governed organization: the unit
//! `member_admitted` names, changed by `member_transferred`. Read by `read/unit.rs`;
//! judged by `rules/checks/unit.rs` (`unit-missing`). Never judges.

/// The kinds of organization a member's unit is: categories of the version's
/// `[[version.subordinate]]` templates (`branch`, `primary`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MemberUnit {
    /// The categories, each once, in the order written.
    pub categories: Vec<String>,
}

impl MemberUnit {
    /// The categories in words: "a `branch` or `primary` organization".
    pub fn words(&self) -> String {
        let names: Vec<String> = self.categories.iter().map(|c| format!("`{c}`")).collect();
        match names.split_last() {
            Some((last, [])) => format!("a {last} organization"),
            Some((last, rest)) => format!("a {} or {last} organization", rest.join(", ")),
            None => "an organization".to_owned(),
        }
    }
}
