//! Callers looked up together: the API tokens (and session ids) of requests that arrive
//! while a look-up is under way are read from the store in one call when it ends.
//!
//! A thousand delegates voting at once would otherwise cost a thousand store reads,
//! each a hop to a blocking thread (SQLite) or a round trip (PostgreSQL), before any
//! ballot reaches its writer. A request that finds no look-up under way is read at once,
//! alone; nothing waits for a batch to fill. Nothing is kept between look-ups: a token
//! removed, or a session ended, is refused by the next request.

use std::sync::{Arc, OnceLock};

use tokio::sync::{Semaphore, mpsc, oneshot};

use crate::error::ApiError;
use crate::state::blocking;
use plenum_store::accounts::{AccountRecord, Accounts, SessionRecord};

/// The most keys read in one call.
const MOST: usize = 512;
/// How many look-ups may be under way at once (more callers wait and are gathered).
const UNDER_WAY: usize = 2;

/// What a look-up reads: the value for each key, in order.
type Read<V> = Arc<dyn Fn(&[&str]) -> Result<Vec<Option<V>>, String> + Send + Sync>;
/// A caller waiting: its key, and where its answer goes.
type Waiting<V> = (String, oneshot::Sender<Result<Option<V>, ApiError>>);

/// Gathers the keys of concurrent callers into one read of the store.
pub struct Gathered<V> {
    read: Read<V>,
    /// Started on first use, inside the server's runtime.
    queue: OnceLock<mpsc::UnboundedSender<Waiting<V>>>,
}

impl<V: Send + 'static> Gathered<V> {
    fn new(read: Read<V>) -> Gathered<V> {
        Gathered {
            read,
            queue: OnceLock::new(),
        }
    }

    /// The value kept under `key`, read together with other callers' keys.
    pub async fn get(&self, key: String) -> Result<Option<V>, ApiError> {
        let queue = self.queue.get_or_init(|| {
            let (queue, waiting) = mpsc::unbounded_channel();
            tokio::spawn(gather(waiting, Arc::clone(&self.read)));
            queue
        });
        let (answer, answered) = oneshot::channel();
        queue
            .send((key, answer))
            .map_err(|_| ApiError::Internal("the look-up of callers has stopped".into()))?;
        answered
            .await
            .map_err(|_| ApiError::Internal("the look-up of callers failed".into()))?
    }
}

/// Takes the waiting callers, as many as are there when a look-up may start, and reads
/// their keys in one call; until the queue closes (the server's state is dropped).
async fn gather<V: Send + 'static>(
    mut waiting: mpsc::UnboundedReceiver<Waiting<V>>,
    read: Read<V>,
) {
    let turns = Arc::new(Semaphore::new(UNDER_WAY));
    loop {
        let Ok(turn) = Arc::clone(&turns).acquire_owned().await else {
            return;
        };
        let Some(first) = waiting.recv().await else {
            return;
        };
        let mut batch = vec![first];
        while batch.len() < MOST {
            match waiting.try_recv() {
                Ok(next) => batch.push(next),
                Err(_) => break,
            }
        }
        let read = Arc::clone(&read);
        tokio::spawn(async move {
            let asked = batch.len();
            let keys: Vec<String> = batch.iter().map(|(key, _)| key.clone()).collect();
            let found = blocking(move || {
                let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
                Ok(read(&keys))
            })
            .await;
            drop(turn);
            let failed = |why: String| {
                move |(_, answer): Waiting<V>| {
                    let _ = answer.send(Err(ApiError::Internal(why.clone())));
                }
            };
            match found {
                Ok(Ok(values)) if values.len() == asked => {
                    for ((_, answer), value) in batch.into_iter().zip(values) {
                        let _ = answer.send(Ok(value));
                    }
                }
                Ok(Ok(values)) => batch.into_iter().for_each(failed(format!(
                    "the store answered {} of {asked} callers",
                    values.len()
                ))),
                Ok(Err(why)) => batch.into_iter().for_each(failed(why)),
                Err(e) => batch.into_iter().for_each(failed(e.to_string())),
            }
        });
    }
}

/// The look-ups of callers: by API token and by session, each gathered.
pub struct CallerLookups {
    /// Accounts by the hash of an API token.
    pub tokens: Gathered<AccountRecord>,
    /// Sessions by the hash of their id, ended or not (the caller judges the time).
    pub sessions: Gathered<SessionRecord>,
}

impl CallerLookups {
    /// Look-ups over `accounts`.
    pub fn new(accounts: &Arc<dyn Accounts>) -> CallerLookups {
        let by_token = Arc::clone(accounts);
        let by_session = Arc::clone(accounts);
        CallerLookups {
            tokens: Gathered::new(Arc::new(move |keys| {
                by_token.accounts_by_tokens(keys).map_err(|e| e.to_string())
            })),
            sessions: Gathered::new(Arc::new(move |keys| {
                by_session
                    .sessions_by_hashes(keys)
                    .map_err(|e| e.to_string())
            })),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// A read that records the keys of each call.
    fn recording(calls: Arc<Mutex<Vec<Vec<String>>>>) -> Read<usize> {
        Arc::new(move |keys: &[&str]| {
            std::thread::sleep(std::time::Duration::from_millis(20));
            calls
                .lock()
                .expect("calls")
                .push(keys.iter().map(|k| (*k).to_owned()).collect());
            Ok(keys
                .iter()
                .map(|k| k.strip_prefix("known-").map(str::len))
                .collect())
        })
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn concurrent_callers_are_read_together_and_each_gets_its_own_answer() {
        let calls = Arc::new(Mutex::new(Vec::new()));
        let gathered = Arc::new(Gathered::new(recording(Arc::clone(&calls))));
        let mut waiting = Vec::new();
        for i in 0..200 {
            let gathered = Arc::clone(&gathered);
            let key = if i % 3 == 0 {
                format!("unknown-{i}")
            } else {
                format!("known-{i}")
            };
            waiting.push(tokio::spawn(async move { (i, gathered.get(key).await) }));
        }
        for task in waiting {
            let (i, answer) = task.await.expect("a caller");
            let expected = (i % 3 != 0).then(|| i.to_string().len());
            assert_eq!(answer.expect("answered"), expected, "caller {i}");
        }
        let calls = calls.lock().expect("calls");
        let keys: usize = calls.iter().map(Vec::len).sum();
        assert_eq!(keys, 200, "every key read once");
        assert!(
            calls.len() < 50,
            "200 concurrent callers took {} reads",
            calls.len()
        );
    }

    #[tokio::test]
    async fn a_failed_read_fails_every_caller_of_it_and_the_next_read_goes_on() {
        let fail = Arc::new(std::sync::atomic::AtomicBool::new(true));
        let flag = Arc::clone(&fail);
        let gathered: Gathered<usize> = Gathered::new(Arc::new(move |keys: &[&str]| {
            if flag.swap(false, std::sync::atomic::Ordering::SeqCst) {
                Err("the disk is gone".to_owned())
            } else {
                Ok(keys.iter().map(|_| Some(1)).collect())
            }
        }));
        let first = gathered.get("a".into()).await;
        assert!(
            matches!(&first, Err(ApiError::Internal(why)) if why == "the disk is gone"),
            "{first:?}"
        );
        assert_eq!(gathered.get("a".into()).await.expect("read"), Some(1));
    }
}
