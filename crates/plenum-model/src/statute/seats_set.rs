//! Who sets the number of an organ's seats at each election (`seats_set = { by =
//! "congress" }` on an organ): "The number of members and alternate members of a
//! Central Committee shall be determined by the National Congress"; in a template,
//! `by = "parent:committee"`, "determined by the corresponding Party committee at
//! the next level up". As data only: `read/seats_set.rs` reads it,
//! `rules/checks/seats_set.rs` judges an election's `seats_decision` and its
//! `seats` and `alternate_seats` (`no-competent-decision`, `seats-over-limit`).

use crate::id::Key;

/// An organ of the same level (version or template) or of the organization one level
/// up: whose decision sets how many seats an election fills (`seats_set`), or approves
/// a meeting held off its schedule (`off_schedule`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LevelOrgan {
    /// An organ of the same version (or template).
    Organ(Key),
    /// An organ of the organization one level up (`parent:KEY`, in a template only).
    Parent(Key),
}

impl LevelOrgan {
    /// The organ in words, given an organ's name: "National Congress", "the
    /// `committee` of the organization one level up".
    pub fn name(&self, organ_name: impl Fn(&Key) -> String) -> String {
        match self {
            LevelOrgan::Organ(k) => organ_name(k),
            LevelOrgan::Parent(k) => format!("the `{k}` of the organization one level up"),
        }
    }

    /// `seats_set` in words, for `plenum statute check`, given the organ's name.
    pub fn words(&self, organ_name: impl Fn(&Key) -> String) -> String {
        format!(
            "the number of its members and alternate members is set, for each election, by a decision of {}",
            self.name(organ_name)
        )
    }
}
