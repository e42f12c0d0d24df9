//! Live meetings: convening under the statute, attendance and quorum, polls and their
//! count, and the results recorded in the ledger. Handlers (`api::meetings`) and
//! `plenum meeting` call the same functions; each is blocking (store work).
//!
//! Nothing here writes a voter next to a ballot: a cast goes to the store as a roll row
//! and an urn row (`plenum_store::meetings`), and the count reads only the urn.

mod closing;
pub mod queue;
pub mod secret;
mod service;
mod types;

pub use closing::election_event_id;
pub use queue::BallotQueue;
pub use service::*;

use plenum_store::meetings::{CastError, MeetingError};

use crate::error::ApiError;

/// A meetings store's refusal as an answer.
pub fn meeting_error(e: MeetingError) -> ApiError {
    match e {
        MeetingError::NotFound(..) => ApiError::NotFound(e.to_string()),
        MeetingError::Exists(_) | MeetingError::State(_) => ApiError::Conflict(e.to_string()),
        MeetingError::Store(e) => ApiError::store(e),
    }
}

/// A refused ballot as an answer.
pub fn cast_error(e: CastError) -> ApiError {
    queue::refusal(e)
}
