//! Procedural steps an act needs first (`[[version.membership.step]]`): "A
//! probationary Party member must take an oath of admission before the Party flag"
//! is a step `oath` before every promotion to full membership; "the Party
//! organization at the next level up must appoint Party members to talk with the
//! applicant" is a step `talk` before every admission.
//! Read by `read/steps.rs`; judged by `rules/checks/steps.rs` (`step-missing`).

use super::{Act, Key};

/// A step the record must show taken (`step_taken`) for a person before an act
/// concerning them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The step, in the words the record uses (`step_taken`'s `step`).
    pub step: Key,
    /// The act that needs it: a membership act (admission, promotion, extension,
    /// revocation, withdrawal, lapse).
    pub before: Act,
    /// The organs of the governed organization that take it (or have it taken);
    /// empty: any. A step the record shows taken by another organ does not count; one
    /// that names no organ does.
    pub by: Vec<Key>,
    /// The grounds an admission may record that dispense with the step (`unless_ground`:
    /// "In exceptional circumstances, the Party Central Committee ... may admit a new
    /// Party member directly", with no talk before an approval that does not happen).
    pub unless_ground: Vec<Key>,
    /// The article.
    pub article: Option<String>,
}
