//! Who sets the number of an organ's seats at each election (`seats_set = { by =
//! "congress" }` on an organ): "The number of members and alternate members of a
//! Central Committee shall be determined by the National Congress"; in a template,
//! `by = "parent:committee"`, "determined by the corresponding Party committee at
//! the next level up". As data only: `read/seats_set.rs` reads it,
//! `rules/checks/seats_set.rs` judges an election's `seats_decision` and its
//! `seats` and `alternate_seats` (`no-competent-decision`, `seats-over-limit`).

use crate::id::Key;

/// The organ whose decision sets how many full and alternate seats an election fills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatsSetBy {
    /// An organ of the same version (or template).
    Organ(Key),
    /// An organ of the organization one level up (`parent:KEY`, in a template only).
    Parent(Key),
}

impl SeatsSetBy {
    /// The clause in words, for `plenum statute check`, given the organ's name.
    pub fn words(&self, organ_name: impl Fn(&Key) -> String) -> String {
        let by = match self {
            SeatsSetBy::Organ(k) => organ_name(k),
            SeatsSetBy::Parent(k) => format!("the `{k}` of the organization one level up"),
        };
        format!(
            "the number of its members and alternate members is set, for each election, by a decision of {by}"
        )
    }
}
