//! The write path's access to a SQLite ledger, inside one `BEGIN IMMEDIATE` transaction.

use std::collections::{BTreeSet, HashMap};
use std::sync::Arc;

use plenum_model::event::{Event, codec};
use plenum_model::history::{Backing, BackingError, Change, Writer};
use plenum_model::id::{EntityKind, Pos, Seq};
use plenum_model::ledger::closest;
use plenum_model::rows::{AnyRow, By, Table, Value};
use plenum_model::statute::{BookMemo, StatuteBook};
use rusqlite::types::Value as SqlValue;
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::read::{self, rows_where};
use super::schema::writes;
use super::sql;
use crate::digest::Digests;
use crate::{Error, Head, chain};

/// A transaction in progress: the connection (inside `BEGIN IMMEDIATE`), the head
/// and the digests as the batch has left them so far.
pub(crate) struct SqliteTx<'c> {
    pub connection: &'c Connection,
    pub recorded_at: &'c str,
    pub head: Head,
    pub digests: Digests,
    pub touched: BTreeSet<Table>,
    organs: HashMap<String, i64>,
    /// The statute book the store keeps between batches.
    books: &'c BookMemo,
}

impl<'c> SqliteTx<'c> {
    pub fn new(
        connection: &'c Connection,
        books: &'c BookMemo,
        recorded_at: &'c str,
        head: Head,
        digests: Digests,
    ) -> Self {
        SqliteTx {
            connection,
            recorded_at,
            head,
            digests,
            touched: BTreeSet::new(),
            organs: HashMap::new(),
            books,
        }
    }

    /// Writes the digests of the tables touched, and the head.
    pub fn finish(&self) -> Result<(), Error> {
        let mut write = self
            .connection
            .prepare_cached("INSERT INTO digests(name, state) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE SET state = excluded.state")
            .map_err(sql)?;
        for table in &self.touched {
            write
                .execute(params![table.name(), self.digests.table(*table).to_bytes()])
                .map_err(sql)?;
        }
        self.connection
            .execute(
                "UPDATE meta SET value = ?1 WHERE key = 'head_seq'",
                [self.head.seq.0.to_string()],
            )
            .map_err(sql)?;
        self.connection
            .execute(
                "UPDATE meta SET value = ?1 WHERE key = 'head_hash'",
                [self.head.hash.to_hex()],
            )
            .map_err(sql)?;
        Ok(())
    }

    fn organ_num(&mut self, organ: &str) -> Result<i64, Error> {
        if let Some(&n) = self.organs.get(organ) {
            return Ok(n);
        }
        self.connection
            .prepare_cached("INSERT OR IGNORE INTO organs(ref) VALUES (?1)")
            .map_err(sql)?
            .execute([organ])
            .map_err(sql)?;
        let n: i64 = self
            .connection
            .prepare_cached("SELECT num FROM organs WHERE ref = ?1")
            .map_err(sql)?
            .query_row([organ], |r| r.get(0))
            .map_err(sql)?;
        self.organs.insert(organ.to_owned(), n);
        Ok(n)
    }

    /// Writes one row change; `after` holds the new row's values, if it remains.
    fn write_row(&mut self, change: &Change, after: Option<Vec<Value>>) -> Result<(), Error> {
        let (table, key) = match (&change.before, &change.after) {
            (_, Some(row)) | (Some(row), None) => (row.table(), row.key()),
            (None, None) => return Ok(()),
        };
        let statements = writes(table);
        let rowid: Option<i64> = match after {
            Some(values) => {
                let values = params_from_iter(values.into_iter().map(to_sql));
                let query = if change.before.is_some() {
                    &statements.update
                } else {
                    &statements.insert
                };
                let changed = self
                    .connection
                    .prepare_cached(query)
                    .map_err(sql)?
                    .execute(values)
                    .map_err(sql)?;
                if changed != 1 {
                    return Err(Error::Database(format!(
                        "{} row `{key}` to update is not there",
                        table.name()
                    )));
                }
                match (table, change.before.is_some()) {
                    (Table::Seats, false) => Some(self.connection.last_insert_rowid()),
                    (Table::Seats, true) => Some(
                        self.connection
                            .prepare_cached("SELECT rowid FROM seats WHERE key = ?1")
                            .map_err(sql)?
                            .query_row([key.as_ref()], |r| r.get(0))
                            .map_err(sql)?,
                    ),
                    _ => None,
                }
            }
            None => self
                .connection
                .prepare_cached(&statements.delete)
                .map_err(sql)?
                .query_row([key.as_ref()], |r| r.get(0))
                .optional()
                .map_err(sql)?,
        };
        if table == Table::Seats
            && let Some(rowid) = rowid
        {
            match &change.after {
                Some(AnyRow::Seat(seat)) => {
                    let organ = self.organ_num(&seat.organ.to_string())?;
                    self.connection
                        .prepare_cached(
                            "INSERT OR REPLACE INTO seat_spans(num, organ_lo, organ_hi, lo, hi) VALUES (?1, ?2, ?2, ?3, ?4)",
                        )
                        .map_err(sql)?
                        .execute(params![
                            rowid,
                            organ,
                            seat.span.lo().to_key(),
                            seat.span.hi().to_key()
                        ])
                        .map_err(sql)?;
                }
                _ => {
                    self.connection
                        .prepare_cached("DELETE FROM seat_spans WHERE num = ?1")
                        .map_err(sql)?
                        .execute([rowid])
                        .map_err(sql)?;
                }
            }
        }
        Ok(())
    }
}

fn to_sql(value: Value) -> SqlValue {
    match value {
        Value::Null => SqlValue::Null,
        Value::Int(i) => SqlValue::Integer(i),
        Value::Text(t) => SqlValue::Text(t),
    }
}

impl Backing for SqliteTx<'_> {
    fn select(
        &self,
        table: Table,
        by: By,
        value: &str,
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        read::select(self.connection, table, by, value, open).map_err(Error::boxed)
    }

    fn select_many(
        &self,
        table: Table,
        by: By,
        values: &[&str],
        open: bool,
    ) -> Result<Vec<AnyRow>, BackingError> {
        read::select_many(self.connection, table, by, values, open).map_err(Error::boxed)
    }

    fn any(&self, table: Table, by: By, value: &str) -> Result<bool, BackingError> {
        let Some(column) = table.lookup(by) else {
            return Ok(false);
        };
        self.connection
            .prepare_cached(&format!(
                "SELECT EXISTS(SELECT 1 FROM {} WHERE {column} = ?1)",
                table.name()
            ))
            .and_then(|mut s| s.query_row([value], |r| r.get(0)))
            .map_err(|e| sql(e).boxed())
    }

    fn touched_since(
        &self,
        table: Table,
        from: Pos,
        limit: usize,
    ) -> Result<Vec<AnyRow>, BackingError> {
        rows_where(
            self.connection,
            table,
            "WHERE touched >= ?1 LIMIT ?2",
            params![from.to_i64().unwrap_or(i64::MAX), limit as i64],
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
        read::events_from(self.connection, from, after, through, limit).map_err(Error::boxed)
    }

    fn last_pos(&self) -> Result<Option<Pos>, BackingError> {
        let pos: Option<i64> = self
            .connection
            .query_row("SELECT max(pos) FROM events WHERE retracted = 0", [], |r| {
                r.get(0)
            })
            .map_err(|e| sql(e).boxed())?;
        Ok(pos.and_then(Pos::from_i64))
    }

    fn statutes(&self) -> Result<Vec<Event>, BackingError> {
        read::statutes(self.connection).map_err(Error::boxed)
    }

    fn statute_book(&self, statutes: &[Event]) -> Arc<StatuteBook> {
        self.books.book(statutes)
    }

    fn head(&self) -> Result<Seq, BackingError> {
        Ok(self.head.seq)
    }

    fn suggest(&self, kind: EntityKind, id: &str) -> Result<Option<String>, BackingError> {
        suggest(self.connection, kind, id).map_err(Error::boxed)
    }
}

/// The closest id of a kind: among all of them when there are few, else among
/// the neighbours of `id` in sort order (which catches most typos past the first letter).
pub(crate) fn suggest(
    connection: &Connection,
    kind: EntityKind,
    id: &str,
) -> Result<Option<String>, Error> {
    let ids = |query: &str, limit: i64| -> Result<Vec<String>, Error> {
        let mut statement = connection.prepare_cached(query).map_err(sql)?;
        let rows = statement
            .query_map(params![kind.as_str(), id, limit], |r| r.get(0))
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)
    };
    let mut candidates = ids(
        "SELECT id FROM entities WHERE kind = ?1 AND id >= ?2 ORDER BY kind, id LIMIT ?3",
        200,
    )?;
    candidates.extend(ids(
        "SELECT id FROM entities WHERE kind = ?1 AND id < ?2 ORDER BY kind DESC, id DESC LIMIT ?3",
        200,
    )?);
    if candidates.len() < 400 {
        candidates = ids(
            "SELECT id FROM entities WHERE kind = ?1 AND ?2 = ?2 LIMIT ?3",
            5_000,
        )?;
    }
    Ok(closest(candidates.iter().map(String::as_str), id))
}

impl Writer for SqliteTx<'_> {
    fn write(&mut self, changes: &[Change]) -> Result<(), BackingError> {
        for change in changes {
            let after = change.after.as_ref().map(AnyRow::values);
            let table = match (&change.before, &change.after) {
                (Some(row), _) | (None, Some(row)) => row.table(),
                (None, None) => continue,
            };
            if let Some(before) = &change.before {
                self.digests.remove_values(table, &before.values());
            }
            if let Some(values) = &after {
                self.digests.add_values(table, values);
            }
            self.touched.insert(table);
            self.write_row(change, after).map_err(Error::boxed)?;
        }
        Ok(())
    }

    fn append(&mut self, events: &[Event]) -> Result<(), BackingError> {
        let digest = self.digests.combined();
        let mut insert = self
            .connection
            .prepare_cached(
                "INSERT INTO entries(seq, recorded_at, payload, digest, chain) VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(|e| sql(e).boxed())?;
        for (i, event) in events.iter().enumerate() {
            let seq = Seq(self.head.seq.0 + 1);
            let payload = codec::to_canonical_bytes(event);
            let closing = (i + 1 == events.len()).then_some(digest);
            let hash = chain::next(self.head.hash, seq, self.recorded_at, &payload, closing);
            insert
                .execute(params![
                    seq.0 as i64,
                    self.recorded_at,
                    payload,
                    closing.map(|d| d.0.to_vec()),
                    &hash.0[..]
                ])
                .map_err(|e| sql(e).boxed())?;
            self.head = Head { seq, hash };
        }
        Ok(())
    }
}
