//! A disciplinary act the deciding organ takes only on another organ's referral
//! (`referral` on a discipline rule): "By majority vote, the Board of Directors may
//! move to refer a vote to remove a Member to the Members at a meeting of the
//! Members to be held 15 days after the Board's decision". It is data: read by
//! `read/referral.rs`, judged by `rules/checks/referral.rs` against the act's
//! `referral` (the referring organ's carried motion).

use super::Period;
use crate::id::Key;

/// Who must refer an act to the organs that decide it, and how long before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Referral {
    /// The organ whose carried decision refers the act.
    pub by: Key,
    /// The least time between the referral and the decision on the act, if any.
    pub at_least: Option<Period>,
}
