//! Articles an organ may set aside (`[[version.suspension]]`: "The requirements
//! established in this Article ... shall apply, except when the International
//! Executive Board determines that compliance is impracticable due to a declaration
//! ... that there exists a bona fide emergency"). As data; `read/suspension.rs` reads
//! it; `rules/checks/suspension.rs` judges a decision that sets articles aside
//! (`motion_decided`'s `suspends`), and `rules/checks/mod.rs` leaves unjudged, while
//! a competent one is in force, what the articles set aside would find. Never judges.

use crate::id::Key;

/// Articles of a version that organs may set aside by a decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Suspension {
    /// The articles (numbers of the version) that may be set aside.
    pub articles: Vec<String>,
    /// The organs whose carried decision sets them aside.
    pub by: Vec<Key>,
}
