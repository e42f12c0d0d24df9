//! Group commit for ballots: handlers hand their casts to one writer thread, which takes
//! whatever has queued (up to [`MOST_PER_COMMIT`]) and casts it in one transaction. Each
//! handler is answered only after that transaction committed, so an acknowledged ballot
//! is durable; under load, one commit serves hundreds of voters.

use std::sync::Arc;
use std::sync::mpsc;

use plenum_store::meetings::{Cast, CastError, Meetings};
use tokio::sync::oneshot;

use crate::error::ApiError;

/// The most casts one transaction takes.
pub const MOST_PER_COMMIT: usize = 1024;

type Answer = oneshot::Sender<Result<(), ApiError>>;

/// The queue in front of the writer thread.
#[derive(Clone, Debug)]
pub struct BallotQueue {
    sender: mpsc::Sender<(Cast, Answer)>,
}

impl BallotQueue {
    /// Starts the writer thread over `meetings`.
    pub fn start(meetings: Arc<dyn Meetings>) -> BallotQueue {
        let (sender, receiver) = mpsc::channel::<(Cast, Answer)>();
        std::thread::Builder::new()
            .name("plenum-ballots".into())
            .spawn(move || write_loop(&*meetings, &receiver))
            .map(|_| ())
            .unwrap_or_else(|e| tracing::error!(%e, "cannot start the ballot writer"));
        BallotQueue { sender }
    }

    /// Casts `cast`; resolves once it is durable, or refused.
    pub async fn cast(&self, cast: Cast) -> Result<(), ApiError> {
        let (answer, answered) = oneshot::channel();
        self.sender
            .send((cast, answer))
            .map_err(|_| ApiError::Internal("the ballot writer has stopped".into()))?;
        answered
            .await
            .map_err(|_| ApiError::Internal("the ballot writer dropped a ballot".into()))?
    }
}

fn write_loop(meetings: &dyn Meetings, receiver: &mpsc::Receiver<(Cast, Answer)>) {
    while let Ok(first) = receiver.recv() {
        let mut batch = vec![first];
        while batch.len() < MOST_PER_COMMIT {
            match receiver.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let (casts, answers): (Vec<Cast>, Vec<Answer>) = batch.into_iter().unzip();
        match meetings.cast(&casts) {
            Ok(results) => {
                for (answer, result) in answers.into_iter().zip(results) {
                    let _ = answer.send(result.map_err(refusal));
                }
            }
            Err(e) => {
                let message = e.to_string();
                for answer in answers {
                    let _ = answer.send(Err(ApiError::Internal(message.clone())));
                }
            }
        }
    }
}

/// A refused ballot as an answer: who may not, 403; what may not happen now, 409.
pub fn refusal(e: CastError) -> ApiError {
    match e {
        CastError::NotDelegate(_)
        | CastError::Absent(_)
        | CastError::NoProxy { .. }
        | CastError::NoSuchBallot => ApiError::Forbidden(e.to_string()),
        CastError::NotOpen
        | CastError::Weight(_)
        | CastError::AlreadyVoted(_)
        | CastError::NotReplaceable => ApiError::Conflict(e.to_string()),
        CastError::Store(e) => ApiError::store(e),
    }
}
