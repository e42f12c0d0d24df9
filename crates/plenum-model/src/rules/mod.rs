//! The rules engine: what the statute in force says of each event, as findings that cite their article.
//!
//! Rules read the history as it stood before the event (in date order) and
//! the statute version in force on the event's earliest day. They never
//! refuse an event: a history that broke its statute must still be
//! recordable, and the breach is the finding. Messages name entities through
//! references ([`crate::phrase`]), so that a later rename reads right.

mod cadence;
mod checks;
mod count;
pub(crate) mod procedures;
pub mod status;
pub mod terms;

pub use crate::finding::{Citation, Finding, Rule, Severity};
pub use cadence::{Held, overdue};
pub use checks::check_event;
pub(crate) use checks::unmet as tied_unmet;
