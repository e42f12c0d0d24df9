//! Group commit for ballots: handlers hand their casts to one writer thread, which takes
//! whatever has queued (up to [`MOST_PER_COMMIT`]) and casts it in one transaction. Each
//! handler is answered only after that transaction committed, so an acknowledged ballot
//! is durable; under load, one commit serves hundreds of voters.

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, RwLock};

use plenum_store::meetings::{Cast, CastError, Meetings, PollRecord};
use plenum_vote::Question;
use tokio::sync::oneshot;

use crate::error::ApiError;

/// The most casts one transaction takes.
pub const MOST_PER_COMMIT: usize = 1024;

type Answer = oneshot::Sender<Result<Result<(), CastError>, ApiError>>;

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
        self.try_cast(cast).await?.map_err(refusal)
    }

    /// Casts `cast`; resolves once it is durable, or with the store's refusal (`Err` of
    /// the outer result: the writer or the store failed).
    pub async fn try_cast(&self, cast: Cast) -> Result<Result<(), CastError>, ApiError> {
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
                    let _ = answer.send(Ok(result));
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

/// What a ballot in an open poll needs that does not change while the poll is open: the
/// poll as kept, its question, its owner key (secret polls), and the weight of each of
/// its meeting's delegates. Kept in memory so that a ballot needs no store read before
/// the writer's transaction, which checks again whatever can change (the poll still
/// open, the caster checked in, the weight): a stale entry can only be refused there.
#[derive(Debug)]
pub struct OpenPoll {
    /// The poll as kept when it was first read open.
    pub record: PollRecord,
    /// Its question.
    pub question: Question,
    /// Its owner key.
    pub key: String,
    /// The weight of every delegate of its meeting, by person.
    pub weights: HashMap<String, u64>,
}

/// The open polls' [`OpenPoll`]s, read from the store once per poll.
#[derive(Debug, Default)]
pub struct OpenPolls {
    polls: RwLock<HashMap<String, Arc<OpenPoll>>>,
    /// One load at a time, so that a thousand first ballots read the store once.
    loading: tokio::sync::Mutex<()>,
}

impl OpenPolls {
    /// The poll `id`, if kept.
    pub fn get(&self, id: &str) -> Option<Arc<OpenPoll>> {
        self.polls.read().ok().and_then(|p| p.get(id).cloned())
    }

    /// Forgets the poll `id` (closed, or found not open).
    pub fn forget(&self, id: &str) {
        if let Ok(mut polls) = self.polls.write() {
            polls.remove(id);
        }
    }

    /// The poll `id`, read from the store (with `load`, on a blocking thread) unless kept.
    pub async fn get_or_load(
        &self,
        id: &str,
        load: impl FnOnce() -> Result<OpenPoll, ApiError> + Send + 'static,
    ) -> Result<Arc<OpenPoll>, ApiError> {
        if let Some(open) = self.get(id) {
            return Ok(open);
        }
        let _turn = self.loading.lock().await;
        if let Some(open) = self.get(id) {
            return Ok(open);
        }
        let open = Arc::new(crate::state::blocking(load).await?);
        if let Ok(mut polls) = self.polls.write() {
            polls.insert(id.to_owned(), Arc::clone(&open));
        }
        Ok(open)
    }
}
