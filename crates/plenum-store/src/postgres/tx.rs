//! The write path's access to a PostgreSQL ledger, inside one transaction that holds the
//! head row locked: writers in every process take turns, never fork the chain.

use std::cell::RefCell;
use std::collections::BTreeSet;

use plenum_model::event::{Event, codec};
use plenum_model::history::{Backing, BackingError, Change, Writer};
use plenum_model::id::{EntityKind, Pos, Seq};
use plenum_model::rows::{AnyRow, By, Table};

use super::conn::Conn;
use super::read::{self, rows_where};
use crate::digest::Digests;
use crate::{Error, Head, chain};

/// An entry appended and not yet written: seq, payload, closing digest, chain hash.
type Pending = (i64, Vec<u8>, Option<Vec<u8>>, Vec<u8>);

/// A transaction in progress.
pub(crate) struct PgTx<'c> {
    pub conn: RefCell<&'c mut Conn>,
    pub recorded_at: &'c str,
    pub head: Head,
    pub digests: Digests,
    pub touched: BTreeSet<Table>,
    /// Entries appended and not yet written: (seq, payload, closing digest, chain).
    entries: RefCell<Vec<Pending>>,
}

impl<'c> PgTx<'c> {
    pub fn new(conn: &'c mut Conn, recorded_at: &'c str, head: Head, digests: Digests) -> Self {
        PgTx {
            conn: RefCell::new(conn),
            recorded_at,
            head,
            digests,
            touched: BTreeSet::new(),
            entries: RefCell::new(Vec::new()),
        }
    }

    /// Writes the entries appended, in one statement (before anything reads them).
    pub fn flush(&self) -> Result<(), Error> {
        let entries = std::mem::take(&mut *self.entries.borrow_mut());
        if entries.is_empty() {
            return Ok(());
        }
        let mut seqs = Vec::with_capacity(entries.len());
        let mut payloads = Vec::with_capacity(entries.len());
        let mut digests = Vec::with_capacity(entries.len());
        let mut chains = Vec::with_capacity(entries.len());
        for (seq, payload, digest, chain) in entries {
            seqs.push(seq);
            payloads.push(payload);
            digests.push(digest);
            chains.push(chain);
        }
        self.conn.borrow_mut().execute(
            "INSERT INTO entries(seq, recorded_at, payload, digest, chain) \
             SELECT seq, $2, payload, digest, chain \
             FROM unnest($1::bigint[], $3::bytea[], $4::bytea[], $5::bytea[]) AS e(seq, payload, digest, chain)",
            &[&seqs, &self.recorded_at, &payloads, &digests, &chains],
        )?;
        Ok(())
    }

    /// Writes the digests of the tables touched, and the head: two statements.
    pub fn finish(&self) -> Result<(), Error> {
        let mut conn = self.conn.borrow_mut();
        if !self.touched.is_empty() {
            let names: Vec<&str> = self.touched.iter().map(|t| t.name()).collect();
            let states: Vec<Vec<u8>> = self
                .touched
                .iter()
                .map(|t| self.digests.table(*t).to_bytes())
                .collect();
            conn.execute(
                "INSERT INTO digests(name, state) SELECT * FROM unnest($1::text[], $2::bytea[]) \
                 ON CONFLICT(name) DO UPDATE SET state = excluded.state",
                &[&names, &states],
            )?;
        }
        conn.execute(
            "UPDATE meta SET value = CASE key WHEN 'head_seq' THEN $1 ELSE $2 END \
             WHERE key IN ('head_seq', 'head_hash')",
            &[&self.head.seq.0.to_string(), &self.head.hash.to_hex()],
        )?;
        Ok(())
    }
}

impl Backing for PgTx<'_> {
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        read::select(&mut self.conn.borrow_mut(), table, by, value, open).map_err(Error::boxed)
    }

    fn select_many(
        &self,
        table: Table,
        by: By,
        values: &[&str],
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        read::select_many(&mut self.conn.borrow_mut(), table, by, values, open)
            .map_err(Error::boxed)
    }

    fn any(&self, table: Table, by: By, value: &str) -> Result<bool, BackingError> {
        let Some(column) = table.lookup(by) else {
            return Ok(false);
        };
        let sql = format!(
            "SELECT EXISTS(SELECT 1 FROM {} WHERE {column} = $1)",
            table.name()
        );
        let rows = self
            .conn
            .borrow_mut()
            .query(&sql, &[&value])
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
            &mut self.conn.borrow_mut(),
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
        self.flush().map_err(Error::boxed)?;
        read::events_from(&mut self.conn.borrow_mut(), from, after, through, limit)
            .map_err(Error::boxed)
    }

    fn last_pos(&self) -> Result<Option<Pos>, BackingError> {
        let rows = self
            .conn
            .borrow_mut()
            .query("SELECT max(pos) FROM events WHERE retracted = 0", &[])
            .map_err(Error::boxed)?;
        Ok(rows
            .first()
            .and_then(|r| r.get::<_, Option<i64>>(0))
            .and_then(Pos::from_i64))
    }

    fn statutes(&self) -> Result<Vec<Event>, BackingError> {
        self.flush().map_err(Error::boxed)?;
        read::statutes(&mut self.conn.borrow_mut()).map_err(Error::boxed)
    }

    fn head(&self) -> Result<Seq, BackingError> {
        Ok(self.head.seq)
    }

    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError> {
        read::suggest(&mut self.conn.borrow_mut(), kind, id).map_err(Error::boxed)
    }
}

impl Writer for PgTx<'_> {
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError> {
        self.touched.extend(self.digests.apply(changes));
        super::write::write(self.conn.get_mut(), changes).map_err(Error::boxed)
    }

    fn append(&mut self, events: &[Event]) -> Result<(), BackingError> {
        let digest = self.digests.combined();
        for (i, event) in events.iter().enumerate() {
            let seq = Seq(self.head.seq.0 + 1);
            let payload = codec::to_canonical_bytes(event);
            let closing = (i + 1 == events.len()).then_some(digest);
            let hash = chain::next(self.head.hash, seq, self.recorded_at, &payload, closing);
            self.entries.get_mut().push((
                seq.0 as i64,
                payload,
                closing.map(|d| d.0.to_vec()),
                hash.0.to_vec(),
            ));
            self.head = Head { seq, hash };
        }
        Ok(())
    }
}
