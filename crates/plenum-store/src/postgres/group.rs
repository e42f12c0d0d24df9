//! Group commit: the batches of a process's writer threads share one transaction.
//!
//! A writer that finds the ledger's transaction idle runs its batch in it and hands it on
//! to the next writer waiting, if any; the last writer of a burst writes the group's rows,
//! entries, digests and head as one statement and commits them all with one `COMMIT`.
//! Every writer returns only when the commit that holds its batch has finished: nothing is
//! acknowledged before it is durable, and a failed commit fails every batch in it.
//!
//! A batch writes nothing while it is judged: its row changes and entries are held in
//! memory ([`Overlay`]), over which its look-ups read the database, so a refused batch
//! only drops what it held and leaves the others whole. A read that needs the database
//! to hold everything (back-dating's) writes what is held first, the batch's own after a
//! savepoint, which a refusal rolls back to. A database error when the group's writes
//! run fails the whole group (as a failed commit does).
//!
//! Each batch still runs its checks against the head it appends to (the batches before
//! it in the group included), so there is nothing to retry; what is shared is the
//! transaction's fixed cost (taking the head row, reading the head and the digests,
//! writing them back, the commit's flush to disk) and now the writing of rows too.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Condvar, Mutex, MutexGuard};

use plenum_model::history::Writer;
use plenum_model::ledger::{RecordError, Recorded};
use plenum_model::rows::Table;
use plenum_model::statute::BookMemo;

use super::ahead::Prefetched;
use super::conn::Conn;
use super::overlay::Overlay;
use super::{poisoned, read, tx};
use crate::digest::Digests;
use crate::{Error, Head, WriteError, Written};

/// The most batches one commit holds: each but the first is a subtransaction, and
/// PostgreSQL keeps up to 64 of a transaction's in shared memory before it spills them.
const MOST_BATCHES: usize = 32;

/// The open transaction of a group: the head row locked, and what its batches changed.
pub(crate) struct Open {
    conn: Conn,
    /// The head when the transaction began.
    base: Head,
    /// Nothing has been written in the transaction yet: the database holds what it did
    /// at `base` (the head row locked, no other writer can change that).
    pristine: bool,
    head: Head,
    digests: Digests,
    touched: BTreeSet<Table>,
    /// What its batches read that stays true for the next (the statutes, the latest position).
    known: tx::Known,
    /// Its batches' row changes and entries, written when it commits.
    held: Overlay,
    batches: usize,
    group: u64,
}

#[derive(Default)]
struct State {
    /// The open transaction, while no writer is using it.
    open: Option<Open>,
    /// A writer is running its batch, or a commit is under way.
    busy: bool,
    /// Writers waiting for their turn.
    waiting: usize,
    /// The number the next group gets.
    next_group: u64,
    /// Groups up to this one have finished (committed or failed).
    finished: u64,
    /// Why recent groups failed.
    failures: BTreeMap<u64, String>,
    /// What the last group committed knew (the statutes, the latest position), and the
    /// head it left: true for the next group if the ledger is still at that head.
    carried: Option<(Head, tx::Known)>,
}

/// The writers' meeting point.
#[derive(Default)]
pub(crate) struct Group {
    state: Mutex<State>,
    /// Signalled when a group finishes (every writer in it waits for that).
    changed: Condvar,
    /// Signalled, to one waiting writer, when the transaction is free: waking them all
    /// for each batch would have all but one go back to sleep.
    turn: Condvar,
    /// The statute book last read, kept for the next batch while the statutes stay.
    books: BookMemo,
}

/// Puts the group back in order if a writer unwinds while it is busy: its connection is
/// dropped (the server rolls the transaction back) and its group is failed.
struct Busy<'g> {
    group: &'g Group,
    armed: bool,
    number: Option<u64>,
}

impl Drop for Busy<'_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if let Ok(mut state) = self.group.state.lock() {
            state.busy = false;
            state.open = None;
            if let Some(number) = self.number {
                state
                    .failures
                    .insert(number, "a writer thread panicked".into());
                state.finished = state.finished.max(number);
            }
            self.group.turn.notify_one();
            self.group.changed.notify_all();
        }
    }
}

impl Group {
    fn lock(&self) -> Result<MutexGuard<'_, State>, Error> {
        self.state.lock().map_err(poisoned)
    }

    /// Runs `write` as one batch of the ledger's shared transaction, opening one with
    /// `begin` if none is open; returns once the batch is committed. What the batch
    /// reads first may have been read before its turn (`prefetched`).
    pub(crate) fn transact(
        &self,
        expected: Option<Head>,
        prefetched: Option<Prefetched>,
        recorded_at: &str,
        begin: &dyn Fn() -> Result<Conn, Error>,
        give_back: &dyn Fn(Conn),
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Written, WriteError> {
        let mut state = self.lock()?;
        state.waiting += 1;
        while state.busy {
            state = self.turn.wait(state).map_err(poisoned)?;
        }
        state.waiting -= 1;
        state.busy = true;
        let taken = state.open.take();
        let number = state.next_group;
        drop(state);
        let mut busy = Busy {
            group: self,
            armed: true,
            number: None,
        };
        let mut open = match taken {
            Some(open) => open,
            None => match open_transaction(begin, number) {
                Ok(mut open) => {
                    let mut state = self.lock()?;
                    state.next_group += 1;
                    // No other writer has moved the ledger since the last group: what
                    // it knew still holds.
                    if let Some((head, known)) = state.carried.take()
                        && head == open.base
                    {
                        open.known = known;
                    }
                    drop(state);
                    open
                }
                Err(e) => {
                    self.release_idle(None, give_back)?;
                    busy.armed = false;
                    return Err(e.into());
                }
            },
        };
        busy.number = Some(open.group);
        if let Some(expected) = expected
            && expected != open.head
        {
            let actual = open.head.seq;
            self.release(open, give_back)?;
            busy.armed = false;
            return Err(Error::Conflict {
                expected: expected.seq,
                actual,
            }
            .into());
        }
        let savepoint = open.batches > 0;
        let outcome = run_batch(
            &mut open,
            &self.books,
            savepoint,
            recorded_at,
            prefetched,
            write,
        );
        let written = match outcome {
            Ok(written) => written,
            Err(Failure::Refused(e)) => {
                if savepoint {
                    self.release(open, give_back)?;
                } else {
                    // The first batch of the transaction: nothing else to keep.
                    let _ = open.conn.batch("ROLLBACK");
                    self.release_idle(Some(open.conn), give_back)?;
                }
                busy.armed = false;
                return Err(e);
            }
            Err(Failure::Broken(e)) => {
                // The transaction cannot go on: every batch in it fails.
                let _ = open.conn.batch("ROLLBACK");
                let group = open.group;
                let mut state = self.lock()?;
                state.failures.insert(group, e.to_string());
                state.finished = state.finished.max(group);
                state.busy = false;
                state.open = None;
                self.turn.notify_one();
                self.changed.notify_all();
                busy.armed = false;
                return Err(e.into());
            }
        };
        let group = open.group;
        self.release(open, give_back)?;
        busy.armed = false;
        let mut state = self.lock()?;
        while state.finished < group {
            state = self.changed.wait(state).map_err(poisoned)?;
        }
        match state.failures.get(&group) {
            Some(why) => Err(Error::Unavailable(format!(
                "the batch was not recorded: the commit it shared failed: {why}"
            ))
            .into()),
            None => Ok(written),
        }
    }

    /// Hands the open transaction to a waiting writer, or commits it when none waits
    /// (or it is full).
    fn release(&self, mut open: Open, give_back: &dyn Fn(Conn)) -> Result<(), Error> {
        {
            let mut state = self.lock()?;
            if state.waiting > 0 && open.batches < MOST_BATCHES {
                state.open = Some(open);
                state.busy = false;
                self.turn.notify_one();
                return Ok(());
            }
        }
        let group = open.group;
        let committed = if open.batches == 0 {
            open.conn.batch("ROLLBACK")
        } else {
            finish(&mut open).and_then(|()| open.conn.batch("COMMIT"))
        };
        if committed.is_err() {
            let _ = open.conn.batch("ROLLBACK");
        }
        let mut state = self.lock()?;
        match &committed {
            Ok(()) if open.batches > 0 => {
                state.carried = Some((open.head, std::mem::take(&mut open.known)));
            }
            Ok(()) => {}
            Err(e) => {
                state.failures.insert(group, e.to_string());
                state.carried = None;
            }
        }
        let recent = group.saturating_sub(1024);
        state.failures.retain(|&g, _| g >= recent);
        state.finished = state.finished.max(group);
        state.busy = false;
        state.open = None;
        self.turn.notify_one();
        self.changed.notify_all();
        drop(state);
        give_back(open.conn);
        Ok(())
    }

    /// Leaves the group idle with no transaction open.
    fn release_idle(&self, conn: Option<Conn>, give_back: &dyn Fn(Conn)) -> Result<(), Error> {
        let mut state = self.lock()?;
        state.busy = false;
        state.open = None;
        self.turn.notify_one();
        drop(state);
        if let Some(conn) = conn {
            give_back(conn);
        }
        Ok(())
    }
}

/// Why a batch did not join its group.
enum Failure {
    /// The model refused it; the transaction is as it was before the batch.
    Refused(WriteError),
    /// The database failed; the transaction is lost.
    Broken(Error),
}

/// Begins a transaction holding the head row, and reads the head and the digests.
fn open_transaction(begin: &dyn Fn() -> Result<Conn, Error>, group: u64) -> Result<Open, Error> {
    let mut conn = begin()?;
    let opened = (|| -> Result<(Head, Digests), Error> {
        // The write path's statements are prepared once per connection and run with
        // their generic plan: planning one for every set of values (PostgreSQL's default
        // while a generic plan looks dearer) costs several times their execution.
        conn.batch("BEGIN; SET LOCAL plan_cache_mode = force_generic_plan")?;
        // Writers in every process take turns here: the head row stays locked until
        // this transaction commits.
        let head = read::head_of(&conn.query(
            "SELECT key, value FROM meta WHERE key IN ('head_seq', 'head_hash') FOR UPDATE",
            &[],
        )?)?;
        let last = read::last_entry(&mut conn)?;
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
        let digests = conn.query("SELECT name, state FROM digests", &[])?;
        Ok((head, read::digests_of(&digests)?))
    })();
    match opened {
        Ok((head, digests)) => Ok(Open {
            conn,
            base: head,
            pristine: true,
            head,
            digests,
            touched: BTreeSet::new(),
            known: tx::Known::default(),
            held: Overlay::default(),
            batches: 0,
            group: group + 1,
        }),
        Err(e) => {
            let _ = conn.batch("ROLLBACK");
            Err(e)
        }
    }
}

/// Runs one batch in the open transaction; on success the group holds its changes and
/// entries, to be written when it commits.
fn run_batch(
    open: &mut Open,
    books: &BookMemo,
    savepoint: bool,
    recorded_at: &str,
    prefetched: Option<Prefetched>,
    write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
) -> Result<Written, Failure> {
    let mut tx = tx::PgTx::new(
        &mut open.conn,
        &mut open.held,
        books,
        savepoint,
        recorded_at,
        open.head,
        open.digests.clone(),
    );
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
    if let Some(why) = ended.broken {
        return Err(Failure::Broken(Error::Database(why)));
    }
    match recorded {
        Ok(recorded) => {
            // Nothing is written yet (unless a read needed it): the group's commit writes
            // this batch's rows and entries with the others'.
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

/// Undoes a batch that failed: back to its savepoint if it wrote anything after one
/// (the first batch of a transaction takes none: the caller rolls the transaction back).
fn undo(open: &mut Open, rewind: bool, error: WriteError) -> Failure {
    if !rewind {
        return Failure::Refused(error);
    }
    match open.conn.batch("ROLLBACK TO SAVEPOINT batch") {
        Ok(()) => Failure::Refused(error),
        Err(e) => Failure::Broken(e),
    }
}

/// Writes what the group's batches hold, the digests of the tables they touched, and the
/// head: one statement.
fn finish(open: &mut Open) -> Result<(), Error> {
    tx::write_group(
        &mut open.conn,
        &mut open.held,
        open.head,
        &open.digests,
        &open.touched,
    )
}
