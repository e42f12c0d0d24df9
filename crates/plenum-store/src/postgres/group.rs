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
//! **Written behind.** When a writer hands the turn on within its group and the group
//! holds the rows of four batches not yet written, those rows and entries start being
//! written on its connection by the store's stream thread ([`Link`]), so that the
//! server inserts them while the next batches are judged; they still answer look-ups from the overlay, laid over what was read ahead.
//! The commit's own statement writes only what is left (the last batch's rows, the
//! digests and the head). A writer alone in its group writes nothing behind: its rows
//! go with the commit's statement, one exchange.
//!
//! **Pipelined groups.** While a group writes and commits, the next is judged: it reads
//! the database without holding the head row, with the committing group's rows laid
//! under its own ([`tx::Pending`]), on the head that commit will leave. Before it writes
//! anything it *attaches*: it waits for that commit, begins its transaction, takes the
//! head row and checks that the head is the one it was judged on. If another process
//! wrote in between (or the commit below it failed), its batches were judged on a state
//! the ledger never had: the group is dropped and every batch in it is judged again
//! (counted as a conflict retried), and the next group opens holding the head row, so
//! retries cannot go on for ever while others write. Nothing is acknowledged before its
//! own commit, so the chain never forks and no judgment rests on a head it did not
//! append to.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};

use plenum_model::history::Writer;
use plenum_model::ledger::{RecordError, Recorded};
use plenum_model::statute::BookMemo;

use super::ahead::Prefetched;
use super::conn::Conn;
use super::link::{Link, Streamer};
use super::overlay::Overlay;
use super::{poisoned, tx};
use crate::digest::Digests;
use crate::{Error, Head, WriteError, Written};
#[cfg(test)]
mod behind_tests;
mod open;
#[cfg(test)]
mod pipeline_tests;

use open::{Failure, Open, finish, lock_head, open_below, open_transaction};

/// The most batches one commit holds: each but the first is a subtransaction, and
/// PostgreSQL keeps up to 64 of a transaction's in shared memory before it spills them.
const MOST_BATCHES: usize = 32;

/// How many groups open holding the head row after a group judged over a commit found
/// the ledger moved by another process.
const ATTACHED_AFTER_A_CONFLICT: u32 = 16;

/// How many times a batch is judged before the writer is told the ledger is too busy.
const MOST_ATTEMPTS: u32 = 16;

/// A group whose write and commit are under way.
struct Committing {
    group: u64,
    head: Head,
    digests: Digests,
    known: tx::Known,
    rows: Arc<Overlay>,
}

/// Why a group's batches were not recorded.
enum Failed {
    /// The database failed.
    Error(String),
    /// They were judged on a head the ledger did not keep: judge them again.
    Moved,
}

#[derive(Default)]
struct State {
    /// The open transaction, while no writer is using it.
    open: Option<Open>,
    /// A writer is running its batch, or a group is being opened or its commit begun.
    busy: bool,
    /// Writers waiting for their turn.
    waiting: usize,
    /// The number the next group gets.
    next_group: u64,
    /// Groups up to this one have finished (committed or failed).
    finished: u64,
    /// Why recent groups failed.
    failures: BTreeMap<u64, Failed>,
    /// What the last group committed knew (the statutes, the latest position), and the
    /// head it left: true for the next group if the ledger is still at that head.
    carried: Option<(Head, tx::Known)>,
    /// The group being written and committed.
    committing: Option<Committing>,
    /// How many groups to come open holding the head row rather than over a commit: a
    /// group judged over one found the ledger moved by another process, which is likely
    /// to write again, and judging on a head that moves is wasted.
    attach_next: u32,
    /// A group failed (its writer unwound) while the group below it committed: it
    /// finishes when that commit does.
    orphaned: Option<u64>,
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
    /// Batches judged again because the ledger moved under their group.
    retried: AtomicU64,
    /// Groups opened over a commit under way.
    pipelined: AtomicU64,
    /// Writes a group's rows while its next batch is judged.
    streamer: Streamer,
    /// Writes started behind a batch being judged.
    written_behind: AtomicU64,
    /// How many batches' rows are held before they are written behind (0: the
    /// default, [`open::WRITE_BEHIND_AT`]; tests write behind every batch).
    write_behind_at: AtomicUsize,
}

/// Puts the group back in order if a writer unwinds while it holds the turn: its
/// connection is dropped (the server rolls the transaction back) and its group is failed.
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
                    .insert(number, Failed::Error("a writer thread panicked".into()));
                // Its writers wait for it to finish, after the commit under way if any.
                if state.committing.is_some() {
                    state.orphaned = Some(number);
                } else {
                    state.finished = state.finished.max(number);
                }
            }
            self.group.turn.notify_one();
            self.group.changed.notify_all();
        }
    }
}

/// Fails a group whose commit a writer unwinds from, so that its writers and the group
/// judged over it are not left waiting.
struct CommitGuard<'g> {
    group: &'g Group,
    number: u64,
    armed: bool,
}

impl Drop for CommitGuard<'_> {
    fn drop(&mut self) {
        if !self.armed {
            return;
        }
        if let Ok(mut state) = self.group.state.lock() {
            state.committing = None;
            state.failures.insert(
                self.number,
                Failed::Error("a writer thread panicked".into()),
            );
            state.finished = state.finished.max(self.number);
            self.group.changed.notify_all();
        }
    }
}

/// How one attempt at a batch ended.
enum Attempt {
    Done(Written),
    /// Its group was judged on a head the ledger did not keep.
    Moved,
}

impl Group {
    fn lock(&self) -> Result<MutexGuard<'_, State>, Error> {
        self.state.lock().map_err(poisoned)
    }

    /// Batches judged again because another writer moved the ledger under their group.
    pub(crate) fn retried(&self) -> u64 {
        self.retried.load(Ordering::Relaxed)
    }

    /// Runs `write` as one batch of the ledger's shared transaction, opening one with
    /// `begin` if none is open; returns once the batch is committed. What the batch
    /// reads first may have been read before its turn (`prefetched`). A batch whose
    /// group was judged on a head the ledger did not keep is judged again.
    pub(crate) fn transact(
        &self,
        expected: Option<Head>,
        mut prefetched: Option<Prefetched>,
        recorded_at: &str,
        begin: &dyn Fn() -> Result<Conn, Error>,
        give_back: &dyn Fn(Conn),
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Written, WriteError> {
        for attempt in 1.. {
            let outcome = self.attempt(
                expected,
                prefetched.take(),
                recorded_at,
                begin,
                give_back,
                write,
            )?;
            match outcome {
                Attempt::Done(written) => return Ok(written),
                Attempt::Moved if attempt < MOST_ATTEMPTS => {
                    self.retried.fetch_add(1, Ordering::Relaxed);
                }
                Attempt::Moved => break,
            }
        }
        Err(Error::Unavailable(format!(
            "nothing was recorded: other writers moved the ledger under the batch {MOST_ATTEMPTS} \
             times while it was judged; try again"
        ))
        .into())
    }

    /// One attempt at a batch: its turn, its judgment, its group's commit.
    fn attempt(
        &self,
        expected: Option<Head>,
        prefetched: Option<Prefetched>,
        recorded_at: &str,
        begin: &dyn Fn() -> Result<Conn, Error>,
        give_back: &dyn Fn(Conn),
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Attempt, WriteError> {
        let mut state = self.lock()?;
        state.waiting += 1;
        while state.busy {
            state = self.turn.wait(state).map_err(poisoned)?;
        }
        state.waiting -= 1;
        state.busy = true;
        let taken = state.open.take();
        // A new group is judged over the commit under way, unless the last group judged
        // so found the ledger moved; otherwise it waits for that commit to end.
        let over = match (&taken, &state.committing) {
            (None, Some(c)) if state.attach_next == 0 => Some((
                c.group,
                c.head,
                c.digests.clone(),
                c.known.clone(),
                Arc::clone(&c.rows),
            )),
            _ => None,
        };
        if taken.is_none() && over.is_none() {
            while state.committing.is_some() {
                state = self.changed.wait(state).map_err(poisoned)?;
            }
            state.attach_next = state.attach_next.saturating_sub(1);
        }
        let number = state.next_group;
        drop(state);
        let mut busy = Busy {
            group: self,
            armed: true,
            number: None,
        };
        let mut open = match taken {
            Some(open) => open,
            None => {
                let opened = match over {
                    Some((below, head, digests, known, rows)) => begin().map(|conn| Open {
                        conn: Link::new(conn),
                        base: head,
                        pristine: true,
                        head,
                        digests,
                        touched: BTreeSet::new(),
                        known,
                        held: Overlay::default(),
                        batches: 0,
                        group: number + 1,
                        over: Some((below, rows)),
                    }),
                    None => open_transaction(begin, number),
                };
                match opened {
                    Ok(mut open) => {
                        if open.over.is_some() {
                            self.pipelined.fetch_add(1, Ordering::Relaxed);
                        }
                        let mut state = self.lock()?;
                        state.next_group += 1;
                        // No other writer has moved the ledger since the last group: what
                        // it knew still holds.
                        if open.over.is_none()
                            && let Some((head, known)) = state.carried.take()
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
                }
            }
        };
        busy.number = Some(open.group);
        if let Some(expected) = expected
            && expected != open.head
        {
            let actual = open.head.seq;
            self.release(open, &mut busy, give_back)?;
            return Err(Error::Conflict {
                expected: expected.seq,
                actual,
            }
            .into());
        }
        let savepoint = open.batches > 0;
        let outcome = open::run_batch(
            &mut open,
            &self.books,
            &|conn, below, base| self.attach(conn, below, base),
            savepoint,
            recorded_at,
            prefetched,
            write,
        );
        let written = match outcome {
            Ok(written) => written,
            Err(Failure::Refused(e)) => {
                // Judged over a commit, a refusal stands only if that commit does: the
                // state it was judged on must have been the ledger's.
                let below = open_below(&open.over);
                if savepoint {
                    self.release(open, &mut busy, give_back)?;
                } else {
                    // The first batch of the group: nothing else to keep.
                    if open.over.is_none() {
                        open.roll_back();
                    }
                    self.release_idle(open.conn.into_conn(), give_back)?;
                    busy.armed = false;
                }
                if let Some(below) = below
                    && !self.committed(below)?
                {
                    return Ok(Attempt::Moved);
                }
                return Err(e);
            }
            Err(Failure::Broken(e, moved)) => {
                // The transaction cannot go on: every batch in it fails (or is judged
                // again, if it was judged on a head the ledger did not keep).
                open.roll_back();
                let group = open.group;
                let mut state = self.lock()?;
                let failed = if moved {
                    state.attach_next = ATTACHED_AFTER_A_CONFLICT;
                    Failed::Moved
                } else {
                    Failed::Error(e.to_string())
                };
                state.failures.insert(group, failed);
                state.busy = false;
                state.open = None;
                self.turn.notify_one();
                self.changed.notify_all();
                busy.armed = false;
                drop(state);
                return if moved {
                    Ok(Attempt::Moved)
                } else {
                    Err(e.into())
                };
            }
        };
        let group = open.group;
        self.release(open, &mut busy, give_back)?;
        let mut state = self.lock()?;
        while state.finished < group {
            state = self.changed.wait(state).map_err(poisoned)?;
        }
        match state.failures.get(&group) {
            Some(Failed::Error(why)) => Err(Error::Unavailable(format!(
                "the batch was not recorded: the commit it shared failed: {why}"
            ))
            .into()),
            Some(Failed::Moved) => Ok(Attempt::Moved),
            None => Ok(Attempt::Done(written)),
        }
    }

    /// Hands the open transaction to a waiting writer, or commits it when none waits
    /// (or it is full): after the group below it, and letting the next group be judged
    /// while it commits. The turn (`busy`) is given up here.
    fn release(
        &self,
        mut open: Open,
        busy: &mut Busy,
        give_back: &dyn Fn(Conn),
    ) -> Result<(), Error> {
        let mut state = self.lock()?;
        // Writers waiting join this group, until it is full: one commit for all of them.
        // (Committing as soon as no commit is under way, with the waiting writers judged
        // over it, made groups of one or two batches: on two cores, 8 writers did 18%
        // fewer events a second, the server's CPU per batch up by half; BENCHMARKS.md.)
        let hand_on = state.waiting > 0 && open.batches < MOST_BATCHES;
        if hand_on {
            // The rows held so far are written while the next batch is judged.
            let at = match self.write_behind_at.load(Ordering::Relaxed) {
                0 => open::WRITE_BEHIND_AT,
                n => n,
            };
            if open.write_behind(&self.streamer, at) {
                self.written_behind.fetch_add(1, Ordering::Relaxed);
            }
            state.open = Some(open);
            state.busy = false;
            busy.armed = false;
            self.turn.notify_one();
            return Ok(());
        }
        if open.batches == 0 {
            // Nothing to commit: no writer waits for this group.
            state.busy = false;
            busy.armed = false;
            self.turn.notify_one();
            drop(state);
            if open.over.is_none() {
                open.roll_back();
            }
            if let Some(conn) = open.conn.into_conn() {
                give_back(conn);
            }
            return Ok(());
        }
        // Groups commit in order: this one after the one it was judged over.
        while state.committing.is_some() {
            state = self.changed.wait(state).map_err(poisoned)?;
        }
        let group = open.group;
        // The group's rows are shared with the group judged over this commit, not copied:
        // copying them here, in the turn, took a tenth of it (BENCHMARKS.md).
        let rows = Arc::new(std::mem::take(&mut open.held));
        state.committing = Some(Committing {
            group,
            head: open.head,
            digests: open.digests.clone(),
            known: open.known.clone(),
            rows: Arc::clone(&rows),
        });
        // The next group may be judged while this one writes and commits.
        state.busy = false;
        busy.armed = false;
        self.turn.notify_one();
        drop(state);
        let mut guard = CommitGuard {
            group: self,
            number: group,
            armed: true,
        };
        let attached = match open.over.take() {
            Some((below, _)) => open
                .conn
                .get()
                .and_then(|conn| self.attach(conn, below, open.base)),
            None => Ok(()),
        };
        let committed = attached
            .and_then(|()| finish(&mut open, &rows))
            .and_then(|()| open.conn.get().and_then(|conn| conn.batch("COMMIT")));
        if committed.is_err() {
            open.roll_back();
        }
        let mut state = self.lock()?;
        state.committing = None;
        match committed {
            Ok(()) => {
                state.carried = Some((open.head, std::mem::take(&mut open.known)));
            }
            Err(Error::Conflict { .. }) => {
                state.failures.insert(group, Failed::Moved);
                state.attach_next = ATTACHED_AFTER_A_CONFLICT;
                state.carried = None;
            }
            Err(e) => {
                state.failures.insert(group, Failed::Error(e.to_string()));
                state.carried = None;
            }
        }
        let recent = group.saturating_sub(1024);
        state.failures.retain(|&g, _| g >= recent);
        state.finished = state.finished.max(group);
        if let Some(orphaned) = state.orphaned.take() {
            state.finished = state.finished.max(orphaned);
        }
        guard.armed = false;
        self.changed.notify_all();
        drop(state);
        if let Some(conn) = open.conn.into_conn() {
            give_back(conn);
        }
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

    /// Waits for group `group`'s commit to end; whether it committed.
    fn committed(&self, group: u64) -> Result<bool, Error> {
        let mut state = self.lock()?;
        while state.finished < group {
            state = self.changed.wait(state).map_err(poisoned)?;
        }
        Ok(!state.failures.contains_key(&group))
    }

    /// Attaches a group judged over the commit of group `below`: once that commit has
    /// ended, begins the transaction holding the head row; `Error::Conflict` if the
    /// ledger is not at `base`, the head the group was judged on (the commit below
    /// failed, or another process wrote since).
    fn attach(&self, conn: &mut Conn, below: u64, base: Head) -> Result<(), Error> {
        if !self.committed(below)? {
            return Err(Error::Conflict {
                expected: base.seq,
                actual: base.seq,
            });
        }
        let head = lock_head(conn)?;
        if head != base {
            let _ = conn.batch("ROLLBACK");
            return Err(Error::Conflict {
                expected: base.seq,
                actual: head.seq,
            });
        }
        Ok(())
    }
}
