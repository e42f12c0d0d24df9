//! What every handler shares: the store, the configuration, and the answers worth keeping
//! (the record as it stood at the last `as_of` asked, the last verification).

use std::sync::{Arc, LazyLock, Mutex};

use plenum_model::date::FuzzyDate;
use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::ledger::{Tables, replay};
use plenum_model::query::reports::VerifyReport;
use plenum_store::Store;
use plenum_store::accounts::Accounts;

use crate::auth::lookups::CallerLookups;
use plenum_store::meetings::Meetings;

use crate::live::BallotQueue;
use crate::live::queue::OpenPolls;

use crate::auth::limiter::LoginLimiter;

use crate::auth::visibility::Visibility;
use crate::error::ApiError;
use crate::kept::Answers;
use crate::public_cache::PublicCache;

/// Now, as an RFC 3339 UTC timestamp; the program that starts the server reads the clock.
pub type Clock = Arc<dyn Fn() -> Result<String, String> + Send + Sync>;

/// How the server behaves.
#[derive(Clone)]
pub struct Config {
    /// Refuse every write (`--demo`).
    pub read_only: bool,
    /// The clock: `recorded_at` of new entries, and "today" where a date is not given.
    pub clock: Clock,
    /// Every client reaches the server over HTTPS (through a TLS-terminating proxy):
    /// cookies are `Secure` and answers carry `Strict-Transport-Security`.
    pub https_only: bool,
}

/// The record as it stood after an entry, and that entry.
type KeptTables = Option<(u64, Arc<Tables>)>;

/// The state behind every handler.
#[derive(Clone)]
pub struct AppState {
    /// The ledger.
    pub store: Arc<dyn Store>,
    /// The accounts, sessions and tokens (none on a read-only server: everyone is public).
    pub accounts: Option<Arc<dyn Accounts>>,
    /// Look-ups of callers by token or session, gathered (with the accounts).
    pub callers: Option<Arc<CallerLookups>>,
    /// The configuration.
    pub config: Arc<Config>,
    /// Failed logins.
    pub limiter: Arc<Mutex<LoginLimiter>>,
    /// The record as it stood after the last entry an `as_of` asked for.
    as_of: Arc<Mutex<KeptTables>>,
    /// The last verification, and the head it checked.
    verified: Arc<tokio::sync::Mutex<Option<(u64, VerifyReport)>>>,
    /// Live meetings (none on a read-only server).
    pub live: Option<LiveState>,
    /// Answers kept while they hold.
    pub answers: Arc<Answers>,
    /// What the organization shows to whom.
    pub visibility: Arc<Visibility>,
    /// The public's reads, kept whole while they hold.
    pub public_cache: Arc<PublicCache>,
}

/// What live meetings share: their store and the queue in front of its ballot writer.
#[derive(Clone)]
pub struct LiveState {
    /// The meetings, kept in the ledger's database.
    pub meetings: Arc<dyn Meetings>,
    /// Group commit of ballots.
    pub queue: BallotQueue,
    /// What ballots of the open polls need, kept in memory.
    pub open_polls: Arc<OpenPolls>,
}

impl AppState {
    /// The state of a server over `store`, with `accounts` (kept in the same database).
    pub fn new(
        store: Arc<dyn Store>,
        accounts: Option<Arc<dyn Accounts>>,
        config: Config,
    ) -> AppState {
        AppState {
            store,
            callers: accounts.as_ref().map(|a| Arc::new(CallerLookups::new(a))),
            accounts,
            config: Arc::new(config),
            limiter: Arc::new(Mutex::new(LoginLimiter::default())),
            as_of: Arc::new(Mutex::new(None)),
            verified: Arc::new(tokio::sync::Mutex::new(None)),
            live: None,
            answers: Arc::new(Answers::default()),
            visibility: Arc::new(Visibility::default()),
            public_cache: Arc::new(PublicCache::default()),
        }
    }

    /// The same state, running live meetings over `meetings` (with its ballot writer).
    pub fn with_meetings(mut self, meetings: Arc<dyn Meetings>) -> AppState {
        let queue = BallotQueue::start(Arc::clone(&meetings));
        self.live = Some(LiveState {
            meetings,
            queue,
            open_polls: Arc::new(OpenPolls::default()),
        });
        self
    }

    /// Live meetings, or 403 on a server without them (read-only).
    pub fn live(&self) -> Result<&LiveState, ApiError> {
        self.live.as_ref().ok_or(ApiError::ReadOnly)
    }

    /// Now, from the configured clock.
    pub fn now(&self) -> Result<String, ApiError> {
        (self.config.clock)().map_err(ApiError::Internal)
    }

    /// Now, in seconds since 1970, from the configured clock.
    pub fn now_seconds(&self) -> Result<i64, ApiError> {
        let now = self.now()?;
        now.parse::<jiff::Timestamp>()
            .map(|t| t.as_second())
            .map_err(|e| ApiError::Internal(format!("the clock gave `{now}`: {e}")))
    }

    /// Today's date, from the configured clock.
    pub fn today(&self) -> Result<FuzzyDate, ApiError> {
        let now = self.now()?;
        now.get(..10)
            .and_then(|d| d.parse().ok())
            .ok_or_else(|| ApiError::Internal(format!("the clock gave `{now}`, which has no date")))
    }

    /// The record as it stood after entry `seq`: its entries recorded again in memory
    /// (kept for the next request that asks for the same entry). Blocking.
    pub fn tables_as_of(&self, seq: u64) -> Result<Arc<Tables>, ApiError> {
        if let Ok(kept) = self.as_of.lock()
            && let Some((kept_seq, tables)) = kept.as_ref()
            && *kept_seq == seq
        {
            return Ok(Arc::clone(tables));
        }
        let tables = Arc::new(replay_to(&*self.store, seq)?);
        if let Ok(mut kept) = self.as_of.lock() {
            *kept = Some((seq, Arc::clone(&tables)));
        }
        Ok(tables)
    }

    /// The verification of the ledger at its current head, run at most once per head
    /// (and one at a time).
    pub async fn verification(&self) -> Result<VerifyReport, ApiError> {
        let mut kept = self.verified.lock().await;
        let store = Arc::clone(&self.store);
        let head = blocking(move || store.head().map_err(ApiError::store)).await?;
        if let Some((seq, report)) = kept.as_ref()
            && *seq == head.seq.0
        {
            return Ok(report.clone());
        }
        let store = Arc::clone(&self.store);
        let report = blocking(move || Ok(verify_now(&*store))).await?;
        *kept = Some((head.seq.0, report.clone()));
        Ok(report)
    }
}

impl AppState {
    /// The last verification, if one ran and no other is running now.
    pub fn last_verification(&self) -> Option<VerifyReport> {
        self.verified
            .try_lock()
            .ok()
            .and_then(|kept| kept.as_ref().map(|(_, report)| report.clone()))
    }
}

/// How many blocking store calls run at once: a few per core, so that the stores' pools
/// of readers are reused instead of a connection opened for each of a thousand waiting
/// requests (the others wait their turn without a thread).
static STORE_CALLS: LazyLock<tokio::sync::Semaphore> = LazyLock::new(|| {
    let cores = std::thread::available_parallelism().map_or(2, std::num::NonZero::get);
    tokio::sync::Semaphore::new((cores * 2).max(4))
});

/// Quick store reads (the head) take turns apart from the queries, so that a reader
/// whose answer is kept never waits behind others' long queries.
static QUICK_CALLS: LazyLock<tokio::sync::Semaphore> =
    LazyLock::new(|| tokio::sync::Semaphore::new(2));

/// Runs blocking store work off the async threads.
pub async fn blocking<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    run_blocking(&STORE_CALLS, work).await
}

/// Runs a quick blocking store read (a few microseconds: the head) off the async threads,
/// in turns of its own.
pub async fn quick<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    run_blocking(&QUICK_CALLS, work).await
}

async fn run_blocking<T: Send + 'static>(
    turns: &tokio::sync::Semaphore,
    work: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let _turn = turns
        .acquire()
        .await
        .map_err(|e| ApiError::Internal(format!("the store's turns are closed: {e}")))?;
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| ApiError::Internal(format!("a worker failed: {e}")))?
}

/// `verify` (not `--deep`), as its report.
fn verify_now(store: &dyn Store) -> VerifyReport {
    use plenum_store::Error as E;
    let damaged =
        |entry: Option<u64>, table: Option<String>, error: String| VerifyReport::Damaged {
            ok: false,
            damaged_entry: entry,
            table,
            error,
        };
    match plenum_store::verify(store, &|_| {}) {
        Ok(v) => VerifyReport::Intact {
            ok: true,
            deep: false,
            entries: v.entries,
            bytes: v.bytes,
            rows: v.rows,
            head: v.head.seq.0,
            head_hash: v.head.hash.to_hex(),
            projections: v.digest.to_hex(),
        },
        Err(E::Corrupt { seq, reason }) => damaged(
            Some(seq.0),
            None,
            format!("entry {seq} is damaged: {reason}"),
        ),
        Err(E::Tampered { table, reason }) => damaged(
            None,
            Some(table.clone()),
            format!("the {table} table was changed behind the ledger's back: {reason}"),
        ),
        Err(e) => damaged(None, None, e.to_string()),
    }
}

/// The first `seq` entries recorded again, in memory.
fn replay_to(store: &dyn Store, seq: u64) -> Result<Tables, ApiError> {
    let head = store.head().map_err(ApiError::store)?.seq.0;
    if seq == 0 || seq > head {
        return Err(ApiError::BadRequest(format!(
            "as_of {seq} is outside the ledger, which holds entries 1–{head}"
        )));
    }
    let mut events = Vec::new();
    store
        .scan(Seq(1), &mut |entry| {
            if entry.seq.0 <= seq {
                events.push(codec::from_bytes(&entry.payload).map_err(|e| {
                    plenum_store::Error::Corrupt {
                        seq: entry.seq,
                        reason: format!("payload is not an event: {e}"),
                    }
                })?);
            }
            Ok(())
        })
        .map_err(ApiError::store)?;
    replay(&events)
        .map_err(|e| ApiError::Damaged(format!("the first {seq} entries do not record again: {e}")))
}
