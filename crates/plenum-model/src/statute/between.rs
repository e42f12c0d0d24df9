//! How many of an organ's seats the organ named for its vacancies may fill between
//! two elections (`between_elections = { at_most = "1/5" }` on an organ whose
//! `elected_by` names `vacancies`): "The number of Central Committee members and
//! alternate members to be replaced or newly elected shall not exceed one fifth of
//! the respective totals of full and alternate members elected to the Central
//! Committee by the National Congress". As data only: `read/between.rs` reads it,
//! `query/between.rs` judges it as of a date (`seats-over-limit`).

use super::Share;

/// The most seats, as a share of the full (and, apart, the alternate) seats the last
/// election of the whole organ filled, that the organ for vacancies may fill before
/// the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BetweenElections {
    /// The share: at most this much of each role's total.
    pub at_most: Share,
}

impl BetweenElections {
    /// The clause in words, for `plenum statute check`, given the name of the organ
    /// that fills vacancies.
    pub fn words(self, filler: &str) -> String {
        format!(
            "between two elections, {filler} replaces or adds at most {} of the members, and of the alternate members, the last election filled",
            self.at_most
        )
    }
}
