//! A group's open transaction, and one batch judged in it.

use std::collections::BTreeSet;
use std::sync::Arc;

use plenum_model::history::Writer;
use plenum_model::ledger::{RecordError, Recorded};
use plenum_model::rows::Table;
use plenum_model::statute::BookMemo;

use super::super::ahead::Prefetched;
use super::super::conn::Conn;
use super::super::link::{Link, Streamer};
use super::super::overlay::Overlay;
use super::super::{read, tx};
use crate::digest::Digests;
use crate::{Error, Head, WriteError, Written};

/// The open transaction of a group: the head row locked, and what its batches changed.
pub(crate) struct Open {
    /// Its connection (the rows of its earlier batches may be being written on it).
    pub(super) conn: Link,
    /// The head when the transaction began (or, judged over a commit, the head that
    /// commit leaves).
    pub(super) base: Head,
    /// The database holds what it did at `base` (the head row locked, no other writer
    /// can change that) but for the rows `held` answers for: those written behind
    /// ([`Open::write_behind`]) are still laid over what is read.
    pub(super) pristine: bool,
    pub(super) head: Head,
    pub(super) digests: Digests,
    pub(super) touched: BTreeSet<Table>,
    /// What its batches read that stays true for the next (the statutes, the latest position).
    pub(super) known: tx::Known,
    /// Its batches' row changes and entries, written when it commits.
    pub(super) held: Overlay,
    pub(super) batches: usize,
    pub(super) group: u64,
    /// Until it attaches: the group committing under it, and that group's rows.
    pub(super) over: Option<(u64, Arc<Overlay>)>,
}

/// How many batches' rows a group holds before they are written behind the next batch:
/// one statement for every batch cost the server a fifth more CPU per batch, and 8
/// writers gained nothing; every fourth batch, 32 writers gain 15% (BENCHMARKS.md).
pub(super) const WRITE_BEHIND_AT: usize = 4;

impl Open {
    /// Starts writing the rows and entries its batches hold, on its connection in the
    /// background, while the next batch is judged (only once it holds the head row:
    /// a group judged over a commit has not begun its transaction). The rows still
    /// answer look-ups from the overlay until the group commits.
    /// Whether a write was started: once `at` batches' rows are held.
    pub(super) fn write_behind(&mut self, streamer: &Streamer, at: usize) -> bool {
        if self.over.is_some() || self.held.batches_unwritten() < at {
            return false;
        }
        let (changes, entries) = self.held.take_unwritten();
        self.conn.write_behind(streamer, move |conn| {
            tx::write_chunks(conn, &changes, &entries)
        });
        true
    }

    /// Rolls the transaction back, if the connection can still be had.
    pub(super) fn roll_back(&mut self) {
        if let Ok(conn) = self.conn.get() {
            let _ = conn.batch("ROLLBACK");
        }
    }
}

/// Runs one batch in the open group; on success the group holds its changes and
/// entries, to be written when it commits.
pub(super) fn run_batch(
    open: &mut Open,
    books: &BookMemo,
    attach: &dyn Fn(&mut Conn, u64, Head) -> Result<(), Error>,
    savepoint: bool,
    recorded_at: &str,
    prefetched: Option<Prefetched>,
    write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
) -> Result<Written, Failure> {
    let base = open.base;
    let attach = |conn: &mut Conn| match open_below(&open.over) {
        Some(below) => attach(conn, below, base),
        None => Ok(()),
    };
    let pending = open.over.as_ref().map(|(_, rows)| tx::Pending {
        below: rows,
        attach: &attach,
    });
    let mut tx = tx::PgTx::new(
        &mut open.conn,
        &mut open.held,
        books,
        savepoint,
        recorded_at,
        open.head,
        open.digests.clone(),
    )
    .over(pending);
    *tx.known.get_mut() = open.known.clone();
    if let Some(prefetched) = prefetched
        && open.pristine
        && prefetched.head == open.base
    {
        tx.seed(prefetched);
    }
    let recorded = write(&mut tx);
    let (head, digests, touched) = (tx.head, tx.digests.clone(), std::mem::take(&mut tx.touched));
    let known = tx.known.take();
    let ended = tx.end();
    open.pristine &= !ended.flushed;
    if ended.attached {
        open.over = None;
    }
    if let Some(why) = ended.broken {
        return Err(Failure::Broken(Error::Database(why), ended.moved));
    }
    match recorded {
        Ok(recorded) => {
            // Nothing is written yet (unless a read needed it): the group's commit
            // writes this batch's rows and entries with the others'.
            open.held.absorb(ended.own);
            open.head = head;
            open.digests = digests;
            open.touched.extend(touched);
            open.known = known;
            open.batches += 1;
            Ok(Written { recorded, head })
        }
        // What it held is dropped; what it wrote (after its savepoint) is rolled back.
        Err(e) => Err(undo(open, savepoint && ended.wrote, e.into())),
    }
}

/// The group a group is judged over, until it attaches.
pub(super) fn open_below(over: &Option<(u64, Arc<Overlay>)>) -> Option<u64> {
    over.as_ref().map(|(below, _)| *below)
}

/// Why a batch did not join its group.
pub(super) enum Failure {
    /// The model refused it; the transaction is as it was before the batch.
    Refused(WriteError),
    /// The database failed, or (`true`) the group was judged on a head the ledger did
    /// not keep; the transaction is lost.
    Broken(Error, bool),
}

/// Begins a transaction holding the head row (writers in every process take turns on it
/// until this transaction ends) and reads the head, checked against the last entry.
pub(super) fn lock_head(conn: &mut Conn) -> Result<Head, Error> {
    let locked = (|| -> Result<Head, Error> {
        // The write path's statements are prepared once per connection and run with
        // their generic plan: planning one for every set of values (PostgreSQL's default
        // while a generic plan looks dearer) costs several times their execution.
        conn.batch("BEGIN; SET LOCAL plan_cache_mode = force_generic_plan")?;
        let head = read::head_of(&conn.query(
            "SELECT key, value FROM meta WHERE key IN ('head_seq', 'head_hash') FOR UPDATE",
            &[],
        )?)?;
        let last = read::last_entry(conn)?;
        let consistent = match last {
            Some((seq, hash)) => seq == head.seq && hash == head.hash,
            None => head == Head::EMPTY,
        };
        if !consistent {
            return Err(Error::Corrupt {
                seq: head.seq,
                reason: "the recorded head is not the last entry; run `plenum verify`".into(),
            });
        }
        Ok(head)
    })();
    if locked.is_err() {
        let _ = conn.batch("ROLLBACK");
    }
    locked
}

/// Begins a group's transaction holding the head row, and reads the head and the digests.
pub(super) fn open_transaction(
    begin: &dyn Fn() -> Result<Conn, Error>,
    group: u64,
) -> Result<Open, Error> {
    let mut conn = begin()?;
    let head = lock_head(&mut conn)?;
    let digests = match conn
        .query("SELECT name, state FROM digests", &[])
        .and_then(|rows| read::digests_of(&rows))
    {
        Ok(digests) => digests,
        Err(e) => {
            let _ = conn.batch("ROLLBACK");
            return Err(e);
        }
    };
    Ok(Open {
        conn: Link::new(conn),
        base: head,
        pristine: true,
        head,
        digests,
        touched: BTreeSet::new(),
        known: tx::Known::default(),
        held: Overlay::default(),
        batches: 0,
        group: group + 1,
        over: None,
    })
}

/// Undoes a batch that failed: back to its savepoint if it wrote anything after one
/// (the first batch of a transaction takes none: the caller rolls the transaction back).
pub(super) fn undo(open: &mut Open, rewind: bool, error: WriteError) -> Failure {
    if !rewind {
        return Failure::Refused(error);
    }
    match open
        .conn
        .get()
        .and_then(|conn| conn.batch("ROLLBACK TO SAVEPOINT batch"))
    {
        Ok(()) => Failure::Refused(error),
        Err(e) => Failure::Broken(e, false),
    }
}

/// Writes what the group's batches held (`held`, taken from it when it closed), the
/// digests of the tables they touched, and the head: one statement.
pub(super) fn finish(open: &mut Open, held: &Overlay) -> Result<(), Error> {
    tx::write_group(
        open.conn.get()?,
        held,
        open.head,
        &open.digests,
        &open.touched,
    )
}
