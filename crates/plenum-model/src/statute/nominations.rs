//! Who may nominate for an office (`nominations` on an organ or post): "nominations may
//! be made by any member of the Board", "nomination by any Member". A nomination by one
//! person, not an organ's decision (that is `elected_by.nominated_by`).
//! Read by `read/nominations.rs`; judged by `rules/checks/nominations.rs`.

use super::Period;
use crate::id::Key;

/// Whom a nominator must be.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Nominator {
    /// Any member of the organization (candidate or full), not suspended (`"member"`).
    Member,
    /// Any member of one of its organs: a full seat, or a seat by office or composition
    /// (`"member:KEY"`).
    MemberOf(Key),
}

/// The persons who may nominate for an office, and in which elections.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nominations {
    /// Whom each nominator must be.
    pub by: Nominator,
    /// Only the elections and appointments by this organ are judged (`elections_by`:
    /// "the Board fills the vacancy; nominations may be made by any member of the Board");
    /// unset, every one.
    pub elections_by: Option<Key>,
    /// The least time between a nomination and the notice of the election's meeting
    /// (`before_notice`: "at least ten days prior to the notice of a Board of Directors
    /// election"), judged where the record dates the nomination (`nominators`' `on`).
    pub before_notice: Option<Period>,
}

/// The clause in words, for `plenum statute check`.
pub(super) fn words(nominations: &Nominations, organ_name: &dyn Fn(&Key) -> String) -> String {
    let by = match &nominations.by {
        Nominator::Member => "any member".to_owned(),
        Nominator::MemberOf(k) => format!("any member of {}", organ_name(k)),
    };
    let when = match &nominations.before_notice {
        Some(least) => format!(", at least {least} before the notice of the election's meeting"),
        None => String::new(),
    };
    match &nominations.elections_by {
        Some(k) => format!(
            "in its elections and appointments by {}, candidates are nominated by {by}{when}",
            organ_name(k)
        ),
        None => format!("candidates are nominated by {by}{when}"),
    }
}
