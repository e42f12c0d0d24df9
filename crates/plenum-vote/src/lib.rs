//! Polls of a live meeting, pure: what a ballot may say ([`ballot`]), the urn as it is
//! published and its digest ([`urn`]), and the count of a closed poll ([`tally`]).
//!
//! Nothing here knows who voted: a ballot is its text, its weight and its random tracker.
//! The roll (who voted) is kept by the store, apart from the urn; this crate never sees
//! both. It does no I/O and draws no random numbers: trackers come from the caller.

pub mod ballot;
pub mod tally;
pub mod urn;

pub use ballot::{Ballot, BallotError, Choice, Question, WireBallot};
pub use tally::{ElectionResult, MotionResult, PollResult, count};
pub use urn::{UrnRow, digest, publish};
