//! The plenum ledger store: an append-only, hash-chained log of events and the projection
//! rows derived from it, written together in one transaction, behind one [`Store`] trait.
//!
//! Stores know nothing of statutes or rules. They keep bytes, hashes and the
//! rows the model computes, answer the look-ups of the write path
//! ([`plenum_model::history::Backing`]) and of queries
//! ([`plenum_model::query::Facts`]), and keep a digest of every projection
//! table that each batch's last entry commits to ([`digest`]), so that
//! [`verify`] can tell a row changed behind the ledger's back.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod accounts;
pub mod chain;
mod copy;
pub mod digest;
pub mod meetings;
pub mod memory;
pub mod postgres;
mod sql;
pub mod sqlite;
pub mod verify;

use plenum_model::event::Event;
use plenum_model::history::Writer;
use plenum_model::id::Seq;
use plenum_model::ledger::{RecordError, Recorded};
use plenum_model::query::Facts;
use plenum_model::rows::{Table, ValueRef};

pub use chain::Hash;
pub use copy::{Rerecorder, copy};
pub use verify::{Verified, verify, verify_deep};

/// What a store can fail with; each variant is a different decision for the caller.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Someone else appended first: the head is not the one expected.
    #[error("the ledger changed underneath: expected head {expected}, found {actual}")]
    Conflict {
        /// The head the caller built on.
        expected: Seq,
        /// The head found.
        actual: Seq,
    },
    /// An entry does not match its hash chain, or cannot be read back.
    #[error("entry {seq} is damaged: {reason}")]
    Corrupt {
        /// The first damaged entry.
        seq: Seq,
        /// What is wrong with it.
        reason: String,
    },
    /// A projection table does not hold what the ledger says it holds.
    #[error("the {table} table was changed behind the ledger's back: {reason}")]
    Tampered {
        /// The table.
        table: String,
        /// What differs.
        reason: String,
    },
    /// The recorded head is not the last entry: an entry was removed or added, or the
    /// head edited, behind the ledger's back. Nothing may be appended until `verify`
    /// has found out what.
    #[error(
        "the ledger is damaged: its recorded head is entry {head}, but its last entry is {last}"
    )]
    HeadMismatch {
        /// The head the ledger records.
        head: Seq,
        /// The last entry it holds (0 if none).
        last: Seq,
    },
    /// The file is not a plenum ledger (or of a format this version cannot read).
    #[error("{0}")]
    NotALedger(String),
    /// The file is damaged below the ledger: the database cannot read its own pages.
    #[error("the database file is damaged: {0}")]
    Damaged(String),
    /// The ledger cannot be opened or written (permissions, a lock held too long, ...).
    #[error("{0}")]
    Unavailable(String),
    /// The database failed.
    #[error("database: {0}")]
    Database(String),
    /// A stored projection row cannot be read back.
    #[error("projection row: {0}")]
    Row(#[from] plenum_model::rows::RowError),
}

impl Error {
    /// The error as the write path's backing error.
    pub fn boxed(self) -> plenum_model::history::BackingError {
        Box::new(self)
    }
}

/// Why a batch was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// The model refused it, or found the ledger full.
    #[error(transparent)]
    Record(#[from] RecordError),
    /// The store failed.
    #[error(transparent)]
    Store(#[from] Error),
}

/// What [`Store::projections`] calls with each row: its table and its values.
pub type RowVisitor<'v> = dyn FnMut(Table, &[ValueRef<'_>]) -> Result<(), Error> + 'v;

/// The view queries read ([`Store::snapshot`]): consistent for as long as it lives.
pub type Snapshot<'a> = Box<dyn Facts<Error = Error> + 'a>;

/// One of several disjoint shares of a table's rows ([`Store::projection_share`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Share {
    /// Which share, from 0.
    pub index: u32,
    /// How many shares the table is read in (at least 1).
    pub of: u32,
}

/// The last entry of a ledger: its position and chain hash.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Head {
    /// The position of the last entry (0 when empty).
    pub seq: Seq,
    /// Its chain hash ([`Hash::ZERO`] when empty).
    pub hash: Hash,
}

impl Head {
    /// The head of an empty ledger.
    pub const EMPTY: Head = Head {
        seq: Seq(0),
        hash: Hash::ZERO,
    };

    /// The head as both SQL stores keep it in `meta`: the position as decimal text and
    /// the hash as hex (`hash` reads it; an empty ledger has none to read).
    pub(crate) fn from_meta(
        seq: &str,
        hash: impl FnOnce() -> Result<String, Error>,
    ) -> Result<Head, Error> {
        let seq = Seq(seq.parse().map_err(|_| Error::Corrupt {
            seq: Seq(0),
            reason: format!("bad head position `{seq}`"),
        })?);
        if seq.0 == 0 {
            return Ok(Head::EMPTY);
        }
        let hash = hash()?;
        let bytes: Vec<u8> = (0..hash.len() / 2)
            .filter_map(|i| u8::from_str_radix(hash.get(2 * i..2 * i + 2)?, 16).ok())
            .collect();
        let hash = Hash::from_slice(&bytes).ok_or_else(|| Error::Corrupt {
            seq,
            reason: "bad head hash".to_owned(),
        })?;
        Ok(Head { seq, hash })
    }
}

/// One stored entry, as bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredEntry {
    /// Its position.
    pub seq: Seq,
    /// When it was recorded (RFC 3339, UTC), as given by the caller.
    pub recorded_at: String,
    /// The event's canonical bytes.
    pub payload: Vec<u8>,
    /// For the last entry of a batch: the digest of every projection table after the batch.
    pub digest: Option<Hash>,
    /// The chain hash through this entry.
    pub chain: Hash,
}

/// What a successful record did.
#[derive(Clone, Debug)]
pub struct Written {
    /// What the model did.
    pub recorded: Recorded,
    /// The new head.
    pub head: Head,
}

/// A ledger store. Every store passes the same conformance suite (`plenum-dev`).
///
/// A store is shared between threads: any number of readers, one writer at a time.
pub trait Store: Send + Sync {
    /// The current head.
    fn head(&self) -> Result<Head, Error>;

    /// A consistent view for queries.
    fn snapshot(&self) -> Result<Snapshot<'_>, Error>;

    /// Runs `write` in one transaction with the write path's access to the ledger;
    /// commits if it succeeds (its entries appended, their chain committing to the
    /// projections), rolls everything back if not. With `expected`, fails with
    /// [`Error::Conflict`] unless the head is still that. `write` may be called more
    /// than once (a store that judges a batch before it holds the head judges it again
    /// if the ledger moved), so it must do nothing outside `tx`.
    fn transact(
        &self,
        expected: Option<Head>,
        recorded_at: &str,
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Written, WriteError>;

    /// Records `events` as one batch: [`Store::transact`] running the model's
    /// [`record`](plenum_model::ledger::record). A store whose reads cross a network may
    /// first read what the batch will look up ([`first_reads`]), before its turn to write.
    ///
    /// [`first_reads`]: plenum_model::ledger::first_reads
    fn record(&self, events: &[Event], recorded_at: &str) -> Result<Written, WriteError> {
        self.transact(None, recorded_at, &mut |tx| {
            plenum_model::ledger::record(tx, events)
        })
    }

    /// How many batches this handle has judged again because another writer moved the
    /// ledger under them while they were judged (only a store that judges batches before
    /// it holds the head does; the others wait for their turn instead).
    fn conflicts_retried(&self) -> u64 {
        0
    }

    /// Calls `visit` with every entry from `from` on, in order, in one consistent view;
    /// returns that view's head.
    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<Head, Error>;

    /// Calls `visit` with the values of every row of these tables, table by table (in
    /// whatever order reads them fastest), in one consistent view; returns that view's
    /// head and the per-table digests the store keeps.
    fn projections(
        &self,
        tables: &[Table],
        visit: &mut RowVisitor<'_>,
    ) -> Result<(Head, digest::Digests), Error>;

    /// Like [`Store::projections`] for one table, but only share `share.index` of
    /// `share.of` disjoint shares of its rows, so that threads can read a large table
    /// together (each share in its own consistent view; the caller compares their
    /// heads). The default reads the whole table as share 0 and no rows as the others.
    fn projection_share(
        &self,
        table: Table,
        share: Share,
        visit: &mut RowVisitor<'_>,
    ) -> Result<(Head, digest::Digests), Error> {
        let tables: &[Table] = if share.index == 0 { &[table] } else { &[] };
        self.projections(tables, visit)
    }

    /// The store's own check of its storage (indexes, auxiliary structures): a
    /// list of problems, each naming its table; empty when sound. `deep` asks for
    /// the slowest, most thorough check the backend has.
    fn self_check(&self, deep: bool) -> Result<Vec<(String, String)>, Error>;
}

/// Records a batch: checks, rules, projections and entries, in one transaction.
pub fn record<S: Store + ?Sized>(
    store: &S,
    events: &[Event],
    recorded_at: &str,
) -> Result<Written, WriteError> {
    store.record(events, recorded_at)
}
