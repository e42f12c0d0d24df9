//! The plenum ledger: an append-only, hash-chained log of events and the projection rows
//! derived from it, written together in one transaction, behind one [`Store`] trait.
//!
//! Stores know nothing of statutes or rules: they keep bytes, hashes and rows
//! that `plenum-model` computes. [`Ledger`] is the one write path: it checks
//! events against the state, computes the rows they change, and hands both to
//! the store.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod chain;
mod ledger;
pub mod memory;
pub mod sqlite;
#[cfg(any(test, feature = "testing"))]
pub mod testing;
mod verify;

use plenum_model::event::Event;
use plenum_model::id::Seq;
use plenum_model::query::Facts;
use plenum_model::state::diff::RowsDiff;

pub use chain::Hash;
pub use ledger::{Ledger, RecordError, Recorded, record_first};
pub use verify::{Verified, verify};

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
    /// The file is not a plenum ledger (or of a format this version cannot read).
    #[error("{0}")]
    NotALedger(String),
    /// The database failed.
    #[error("database: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A projection row could not be encoded or decoded.
    #[error("projection row: {0}")]
    Row(#[from] serde_json::Error),
    /// A projection row's column does not hold what it should.
    #[error("projection row in {table}: {reason}")]
    BadColumn {
        /// The table.
        table: &'static str,
        /// What is wrong.
        reason: String,
    },
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
    /// The chain hash through this entry.
    pub chain: Hash,
}

/// What one append writes: events and the projection rows they change.
#[derive(Clone, Copy, Debug)]
pub struct Batch<'a> {
    /// The events, in ledger order.
    pub events: &'a [Event],
    /// When they were recorded (RFC 3339, UTC).
    pub recorded_at: &'a str,
    /// The projection rows to write and delete.
    pub diff: &'a RowsDiff,
}

/// A ledger store. Every store passes the same conformance suite ([`testing`]).
pub trait Store: Facts<Error = Error> {
    /// The current head.
    fn head(&self) -> Result<Head, Error>;

    /// Calls `visit` with every entry from `from` on, in order.
    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<(), Error>;

    /// Appends a batch atomically: all its entries and rows, or nothing.
    ///
    /// Fails with [`Error::Conflict`] unless the head is still `expected`.
    fn append(&mut self, expected: Head, batch: Batch<'_>) -> Result<Head, Error>;
}
