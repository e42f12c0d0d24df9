//! The write path's access to a PostgreSQL ledger, inside one transaction that holds the
//! head row locked: writers in every process take turns, never fork the chain.

use std::cell::{Cell, RefCell, RefMut};
use std::collections::BTreeSet;
use std::sync::Arc;

use plenum_model::event::{Event, codec};
use plenum_model::history::{Backing, BackingError, Change, Lookup, Writer};
use plenum_model::id::{EntityKind, Pos, Seq};
use plenum_model::rows::{AnyRow, By, Table};
use plenum_model::statute::{BookMemo, StatuteBook};

use super::ahead::{Prefetched, ReadAhead};
use super::conn::Conn;
use super::link::Link;
use super::overlay::{Entry, Overlay};
use super::read::{self, rows_where};
use super::write::Plan;
use crate::digest::Digests;
use crate::{Error, Head, chain};

pub(crate) use super::known::Known;

/// A batch in progress in a group transaction (which holds the head row locked).
///
/// Its row changes and entries are held back ([`Overlay`]), as are those of the group's
/// earlier batches, and go to the database behind a later batch ([`write_chunks`]) or
/// with the group's commit ([`write_group`]); its
/// look-ups read the database and then the held changes. A read the overlay cannot
/// answer (back-dating's, the statutes' when not known) first writes what is held: the
/// earlier batches', then, after a savepoint of its own, this batch's.
pub(crate) struct PgTx<'c> {
    /// The group's connection (a write of earlier batches may be under way on it).
    conn: RefCell<&'c mut Link>,
    pub recorded_at: &'c str,
    pub head: Head,
    pub digests: Digests,
    pub touched: BTreeSet<Table>,
    /// What earlier batches of the transaction read, still true.
    pub known: RefCell<Known>,
    /// What the group's earlier batches changed and appended, not yet written.
    earlier: RefCell<&'c mut Overlay>,
    /// Until the group attaches: the rows of the group being committed, which the
    /// database may or may not hold yet (laid under `earlier`), and how to attach.
    pending: Option<Pending<'c>>,
    /// The group has attached in this batch: it holds the head row, and the database
    /// holds what the committed group wrote.
    attached: Cell<bool>,
    /// Attaching found the ledger moved (or the group below failed): the group's batches
    /// were judged on a head that is not the ledger's and must be judged again.
    moved: Cell<bool>,
    /// What this batch changed and appended, not yet written.
    own: RefCell<Overlay>,
    /// Whether to take a savepoint before this batch first writes anything of its own.
    savepoint: bool,
    /// This batch wrote some of its own changes (after its savepoint, if it takes one).
    wrote: Cell<bool>,
    /// This batch wrote what was held (the earlier batches', its own, or nothing held):
    /// from then on the database no longer holds what the transaction began with.
    flushed: Cell<bool>,
    /// Why writing the earlier batches' changes failed: the transaction is lost.
    broken: RefCell<Option<String>>,
    /// Look-ups announced by the model, read with the next read.
    ahead: RefCell<ReadAhead>,
    /// The statute book the store keeps between batches.
    books: &'c BookMemo,
}

/// A group judged while the group before it commits: it reads the database without
/// holding the head row, laying the committing group's rows under its own, and attaches
/// (waits for that commit, begins its transaction, takes the head row and finds the head
/// it was judged on) before anything needs the database to hold what it holds.
#[derive(Clone, Copy)]
pub(crate) struct Pending<'c> {
    /// The committing group's rows and entries.
    pub below: &'c Overlay,
    /// Attaches the group's connection; `Error::Conflict` if the ledger is not at the
    /// head the group was judged on.
    pub attach: &'c dyn Fn(&mut Conn) -> Result<(), Error>,
}

/// What a batch leaves when it ends.
pub(crate) struct Ended {
    /// Its changes and entries not yet written.
    pub own: Overlay,
    /// It wrote some of its changes (after its savepoint, if it took one).
    pub wrote: bool,
    /// It wrote what was held: the database no longer holds what the transaction began
    /// with.
    pub flushed: bool,
    /// The transaction is lost, and why.
    pub broken: Option<String>,
    /// The group attached in this batch.
    pub attached: bool,
    /// The group must be judged again (see [`PgTx`]'s `moved`).
    pub moved: bool,
}

impl<'c> PgTx<'c> {
    pub fn new(
        conn: &'c mut Link,
        earlier: &'c mut Overlay,
        books: &'c BookMemo,
        savepoint: bool,
        recorded_at: &'c str,
        head: Head,
        digests: Digests,
    ) -> Self {
        PgTx {
            conn: RefCell::new(conn),
            recorded_at,
            head,
            digests,
            touched: BTreeSet::new(),
            known: RefCell::new(Known::default()),
            earlier: RefCell::new(earlier),
            pending: None,
            attached: Cell::new(false),
            moved: Cell::new(false),
            own: RefCell::new(Overlay::default()),
            savepoint,
            wrote: Cell::new(false),
            flushed: Cell::new(false),
            broken: RefCell::new(None),
            ahead: RefCell::new(ReadAhead::default()),
            books,
        }
    }

    /// The batch of a group judged over a commit under way, until it attaches.
    pub fn over(mut self, pending: Option<Pending<'c>>) -> Self {
        self.pending = pending;
        self
    }

    /// Ends the batch: what it holds, and whether it wrote or broke anything.
    pub fn end(self) -> Ended {
        Ended {
            own: self.own.into_inner(),
            wrote: self.wrote.get(),
            flushed: self.flushed.get(),
            broken: self.broken.into_inner(),
            attached: self.attached.get(),
            moved: self.moved.get(),
        }
    }

    /// The committing group's rows, while this group reads without holding the head row.
    fn below(&self) -> Option<&Overlay> {
        self.pending
            .as_ref()
            .filter(|_| !self.attached.get())
            .map(|p| p.below)
    }

    /// Attaches the group if it has not (see [`Pending`]).
    fn attach(&self) -> Result<(), Error> {
        let Some(pending) = self.pending.filter(|_| !self.attached.get()) else {
            return Ok(());
        };
        let attached = self.link().and_then(|mut conn| (pending.attach)(&mut conn));
        match attached {
            Ok(()) => {
                self.attached.set(true);
                // What was read ahead may predate the commit, whose rows are no longer
                // laid over.
                self.ahead.borrow_mut().forget();
                Ok(())
            }
            Err(e) => {
                self.moved.set(matches!(e, Error::Conflict { .. }));
                *self.broken.borrow_mut() = Some(e.to_string());
                Err(e)
            }
        }
    }

    /// Takes what the batch's first reads answered before its turn: only when the
    /// database still holds what they were read from (the caller's to know).
    pub fn seed(&mut self, prefetched: Prefetched) {
        self.ahead.get_mut().seed(prefetched);
    }

    /// Writes everything held: the earlier batches' changes, then this batch's (after
    /// its savepoint), so that the database answers every read as the overlay would.
    fn flush(&self) -> Result<(), Error> {
        if let Some(why) = &*self.broken.borrow() {
            return Err(Error::Database(why.clone()));
        }
        // The database must hold the committing group's rows before it holds ours.
        self.attach()?;
        if self.earlier.borrow().is_empty() && self.own.borrow().is_empty() {
            // Nothing held: the database holds what it did, and what was read stands.
            return Ok(());
        }
        // What was read ahead is not what the database will hold.
        self.ahead.borrow_mut().forget();
        self.flushed.set(true);
        let mut conn = match self.link() {
            Ok(conn) => conn,
            Err(e) => {
                *self.broken.borrow_mut() = Some(e.to_string());
                return Err(e);
            }
        };
        let (changes, entries) = self.earlier.borrow_mut().take();
        if let Err(e) = write_chunks(&mut conn, &changes, &entries) {
            *self.broken.borrow_mut() = Some(e.to_string());
            return Err(e);
        }
        let mut own = self.own.borrow_mut();
        if own.is_empty() {
            return Ok(());
        }
        if self.savepoint
            && !self.wrote.get()
            && let Err(e) = conn.batch("SAVEPOINT batch")
        {
            *self.broken.borrow_mut() = Some(e.to_string());
            return Err(e);
        }
        self.wrote.set(true);
        let (changes, entries) = own.take();
        write_chunks(&mut conn, &changes, &entries)
    }

    /// The connection, once what is held is written: reads see every write before them.
    fn ready(&self) -> Result<RefMut<'_, Conn>, BackingError> {
        self.flush().map_err(Error::boxed)?;
        self.link().map_err(Error::boxed)
    }

    /// The connection, once the write of earlier batches under way on it (if any) has
    /// ended; that write's error if it failed.
    fn link(&self) -> Result<RefMut<'_, Conn>, Error> {
        RefMut::filter_map(self.conn.borrow_mut(), |link| link.get().ok()).map_err(|mut link| {
            link.get()
                .err()
                .unwrap_or_else(|| Error::Database("the connection was lost".into()))
        })
    }

    /// `below` (what the database answers) with the held changes laid over it.
    fn laid_over(
        &self,
        table: Table,
        by: By,
        values: &[&str],
        open: bool,
        below: Vec<AnyRow>,
    ) -> Vec<AnyRow> {
        // A committed row the database already answers is answered again as held: the
        // same row, once.
        let below = match self.below() {
            Some(committing) => committing.answer(table, by, values, open, below),
            None => below,
        };
        let below = self.earlier.borrow().answer(table, by, values, open, below);
        self.own.borrow().answer(table, by, values, open, below)
    }
}

/// Writes held changes and entries in the chunks their batches made, as one statement.
pub(crate) fn write_chunks(
    conn: &mut Conn,
    changes: &[Vec<Change>],
    entries: &[Vec<Entry>],
) -> Result<(), Error> {
    write_rows(
        conn,
        changes.iter().flatten(),
        entries.iter().flatten(),
        Plan::default(),
    )
}

/// Writes changes and entries, with whatever `plan` already holds, as one statement.
fn write_rows<'a>(
    conn: &mut Conn,
    changes: impl IntoIterator<Item = &'a Change>,
    entries: impl IntoIterator<Item = &'a Entry>,
    mut plan: Plan,
) -> Result<(), Error> {
    plan.changes(changes);
    let (mut seqs, mut times, mut payloads, mut digests, mut chains) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for (seq, at, payload, digest, chain) in entries {
        seqs.push(*seq);
        times.push(at.clone());
        payloads.push(payload.clone());
        digests.push(digest.clone());
        chains.push(chain.clone());
    }
    if !seqs.is_empty() {
        let count = seqs.len();
        let sql = format!(
            "INSERT INTO entries(seq, recorded_at, payload, digest, chain) \
             SELECT * FROM unnest({}::bigint[], {}::text[], {}::bytea[], {}::bytea[], {}::bytea[])",
            plan.param(Box::new(seqs)),
            plan.param(Box::new(times)),
            plan.param(Box::new(payloads)),
            plan.param(Box::new(digests)),
            plan.param(Box::new(chains)),
        );
        plan.part(sql, "entries", "inserted", count);
    }
    if plan.is_empty() {
        return Ok(());
    }
    plan.run(conn)
}

/// The group's last write before its commit, as one statement: every change and entry
/// held, the digests of the tables touched, and the head. `held` is left as it was: the
/// group judged over this one's commit reads it until it attaches.
pub(crate) fn write_group(
    conn: &mut Conn,
    held: &Overlay,
    head: Head,
    digests: &Digests,
    touched: &BTreeSet<Table>,
) -> Result<(), Error> {
    let mut plan = Plan::default();
    if !touched.is_empty() {
        let names: Vec<&'static str> = touched.iter().map(|t| t.name()).collect();
        let states: Vec<Vec<u8>> = touched
            .iter()
            .map(|t| digests.table(*t).to_bytes())
            .collect();
        let count = names.len();
        let sql = format!(
            "INSERT INTO digests(name, state) SELECT * FROM unnest({}::text[], {}::bytea[]) \
             ON CONFLICT(name) DO UPDATE SET state = excluded.state",
            plan.param(Box::new(names)),
            plan.param(Box::new(states)),
        );
        plan.part(sql, "digests", "written", count);
    }
    let sql = format!(
        "UPDATE meta SET value = CASE key WHEN 'head_seq' THEN {} ELSE {} END \
         WHERE key IN ('head_seq', 'head_hash')",
        plan.param(Box::new(head.seq.0.to_string())),
        plan.param(Box::new(head.hash.to_hex())),
    );
    plan.part(sql, "meta", "updated", 2);
    write_rows(conn, held.changes(), held.entries(), plan)
}

impl Backing for PgTx<'_> {
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        let below = read::select(
            &mut *self.link().map_err(Error::boxed)?,
            table,
            by,
            value,
            open,
        )
        .map_err(Error::boxed)?;
        Ok(self.laid_over(table, by, &[value], open, below))
    }

    fn select_many(
        &self,
        table: Table,
        by: By,
        values: &[&str],
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        let below = read::select_many(
            &mut *self.link().map_err(Error::boxed)?,
            table,
            by,
            values,
            open,
        )
        .map_err(Error::boxed)?;
        Ok(self.laid_over(table, by, values, open, below))
    }

    fn select_each(&self, lookups: &[Lookup<'_>]) -> Result<Vec<Vec<AnyRow>>, BackingError> {
        let read_ahead = self.ahead.borrow_mut().answer(lookups);
        let below = match read_ahead {
            Some(below) => below,
            None => self
                .ahead
                .borrow_mut()
                .read_with(lookups, |all| read::select_each(&mut *self.link()?, all))
                .map_err(Error::boxed)?,
        };
        Ok(lookups
            .iter()
            .zip(below)
            .map(|(l, below)| self.laid_over(l.table, l.by, l.values, l.open_only, below))
            .collect())
    }

    fn read_ahead(&self, lookups: &[Lookup<'_>]) {
        self.ahead.borrow_mut().announce(lookups);
    }

    fn any(&self, table: Table, by: By, value: &str) -> Result<bool, BackingError> {
        let Some(column) = table.lookup(by) else {
            return Ok(false);
        };
        if self.earlier.borrow().holds(table)
            || self.own.borrow().holds(table)
            || self.below().is_some_and(|b| b.holds(table))
        {
            return Ok(!self.select(table, by, value, false)?.is_empty());
        }
        let sql = format!(
            "SELECT EXISTS(SELECT 1 FROM {} WHERE {column} = $1)",
            table.name()
        );
        let rows = self
            .link()
            .and_then(|mut conn| conn.query(&sql, &[&value]))
            .map_err(Error::boxed)?;
        Ok(rows.first().is_some_and(|r| r.get::<_, bool>(0)))
    }

    fn touched_since(
        &self,
        table: Table,
        from: Pos,
        limit: usize,
    ) -> Result<Vec<AnyRow>, BackingError> {
        rows_where(
            &mut *self.ready()?,
            table,
            "WHERE touched >= $1 LIMIT $2",
            &[&from.to_i64().unwrap_or(i64::MAX), &(limit as i64)],
        )
        .map_err(Error::boxed)
    }

    fn events_from(
        &self,
        from: Pos,
        after: Option<Pos>,
        through: Seq,
        limit: usize,
    ) -> Result<Vec<(Pos, Event)>, BackingError> {
        // The effective events are read from the entries: this batch's too.
        read::events_from(&mut *self.ready()?, from, after, through, limit).map_err(Error::boxed)
    }

    fn last_pos(&self) -> Result<Option<Pos>, BackingError> {
        if let Some(last) = self.known.borrow().last_pos {
            return Ok(last);
        }
        let rows = self
            .ready()?
            .query("SELECT max(pos) FROM events WHERE retracted = 0", &[])
            .map_err(Error::boxed)?;
        let last = rows
            .first()
            .and_then(|r| r.get::<_, Option<i64>>(0))
            .and_then(Pos::from_i64);
        self.known.borrow_mut().last_pos = Some(last);
        Ok(last)
    }

    fn statutes(&self) -> Result<Vec<Event>, BackingError> {
        if let Some(statutes) = &self.known.borrow().statutes {
            return Ok(statutes.clone());
        }
        let statutes = read::statutes(&mut *self.ready()?).map_err(Error::boxed)?;
        self.known.borrow_mut().statutes = Some(statutes.clone());
        Ok(statutes)
    }

    fn statute_book(&self, statutes: &[Event]) -> Arc<StatuteBook> {
        self.books.book(statutes)
    }

    fn head(&self) -> Result<Seq, BackingError> {
        Ok(self.head.seq)
    }

    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError> {
        read::suggest(&mut *self.ready()?, kind, id).map_err(Error::boxed)
    }
}

impl Writer for PgTx<'_> {
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError> {
        self.touched.extend(self.digests.apply(changes));
        self.known.get_mut().note(changes);
        self.own.get_mut().write(changes);
        Ok(())
    }

    fn append(&mut self, events: &[Event]) -> Result<(), BackingError> {
        let digest = self.digests.combined();
        for (i, event) in events.iter().enumerate() {
            let seq = Seq(self.head.seq.0 + 1);
            let payload = codec::to_canonical_bytes(event);
            let closing = (i + 1 == events.len()).then_some(digest);
            let hash = chain::next(self.head.hash, seq, self.recorded_at, &payload, closing);
            self.own.get_mut().append((
                seq.0 as i64,
                self.recorded_at.to_owned(),
                payload,
                closing.map(|d| d.0.to_vec()),
                hash.0.to_vec(),
            ));
            self.head = Head { seq, hash };
        }
        Ok(())
    }
}
