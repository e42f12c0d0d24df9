//! Who fixes the number of delegates to an organ's meetings and the procedure of
//! their election (`delegates = { set_by = "cc" }` on a congress or conference):
//! "The number of delegates to the National Congress and the procedures governing
//! their election shall be determined by the Central Committee"; with `approved_by`,
//! the decision is "reported for approval to the Party committee at the next level
//! up". As data only: `read/delegates.rs` reads it, `rules/checks/delegates.rs`
//! judges a convocation's `delegates_decision` and `delegates_approval`.

use super::LevelOrgan;
use crate::id::Key;

/// The organ whose decision fixes a meeting's delegates, and the organ (if any) that
/// must approve that decision.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delegates {
    /// Whose decision fixes the number of delegates and how they are chosen.
    pub set_by: LevelOrgan,
    /// Whose decision must approve it, where the statute asks an approval.
    pub approved_by: Option<LevelOrgan>,
}

impl Delegates {
    /// The clause in words, for `plenum statute check`, given an organ's name.
    pub fn words(&self, organ_name: impl Fn(&Key) -> String) -> String {
        let mut out = format!(
            "the number of delegates to each of its meetings and the procedure of their election are fixed by a decision of {}",
            self.set_by.name(&organ_name)
        );
        if let Some(by) = &self.approved_by {
            out += &format!(", approved by {}", by.name(&organ_name));
        }
        out
    }
}
