//! Reads shared by the write path and queries: rows as the model's values, the head, the
//! digests, and events by their place in date order.

use plenum_model::event::{Event, EventKind, codec};
use plenum_model::id::{Pos, Seq};
use plenum_model::rows::{AnyRow, By, Row, RowError, Table, ValueRef};
use rusqlite::types::ValueRef as SqlRef;
use rusqlite::{Connection, OptionalExtension, Params, params};

use super::schema::column_list;
use super::sql;
use crate::digest::{Digests, LtHash};
use crate::{Error, Hash, Head, RowVisitor, Share, StoredEntry};

/// A column as the model's value.
pub(crate) fn value_ref<'a>(table: Table, value: SqlRef<'a>) -> Result<ValueRef<'a>, Error> {
    Ok(match value {
        SqlRef::Null => ValueRef::Null,
        SqlRef::Integer(i) => ValueRef::Int(i),
        SqlRef::Text(t) => ValueRef::Text(std::str::from_utf8(t).map_err(|_| {
            Error::Row(RowError {
                table: table.name(),
                column: "?",
                reason: "text that is not UTF-8".into(),
            })
        })?),
        other => {
            return Err(Error::Row(RowError {
                table: table.name(),
                column: "?",
                reason: format!("a {:?} value", other.data_type()),
            }));
        }
    })
}

/// The rows of `table` a statement selects (its columns first, in order).
pub(crate) fn rows_where(
    connection: &Connection,
    table: Table,
    condition: &str,
    params: impl Params,
) -> Result<Vec<AnyRow>, Error> {
    let query = format!(
        "SELECT {} FROM {} {condition}",
        column_list(table),
        table.name()
    );
    let mut statement = connection.prepare_cached(&query).map_err(sql)?;
    let mut rows = statement.query(params).map_err(sql)?;
    let width = table.columns().len();
    let mut out = Vec::new();
    while let Some(row) = rows.next().map_err(sql)? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(value_ref(table, row.get_ref(i).map_err(sql)?)?);
        }
        out.push(AnyRow::from_refs(table, &values)?);
    }
    Ok(out)
}

/// Rows of one type.
pub(crate) fn typed<R: Row + TryFrom<AnyRow>>(
    connection: &Connection,
    condition: &str,
    params: impl Params,
) -> Result<Vec<R>, Error> {
    Ok(rows_where(connection, R::TABLE, condition, params)?
        .into_iter()
        .filter_map(|r| R::try_from(r).ok())
        .collect())
}

/// The rows of `table` whose look-up column `by` is `value`.
pub(crate) fn select(
    connection: &Connection,
    table: Table,
    by: By,
    value: &str,
    open_only: bool,
) -> Result<Vec<AnyRow>, Error> {
    let Some(column) = table.lookup(by) else {
        return Err(Error::Database(format!(
            "no look-up of {} by {by:?}",
            table.name()
        )));
    };
    let open = if open_only && table.has_spans() {
        " AND until IS NULL"
    } else {
        ""
    };
    rows_where(
        connection,
        table,
        &format!("WHERE {column} = ?1{open}"),
        [value],
    )
}

/// The rows of `table` whose look-up column `by` is any of `values`.
pub(crate) fn select_many(
    connection: &Connection,
    table: Table,
    by: By,
    values: &[&str],
    open_only: bool,
) -> Result<Vec<AnyRow>, Error> {
    let Some(column) = table.lookup(by) else {
        return Err(Error::Database(format!(
            "no look-up of {} by {by:?}",
            table.name()
        )));
    };
    if values.is_empty() {
        return Ok(Vec::new());
    }
    let open = if open_only && table.has_spans() {
        " AND until IS NULL"
    } else {
        ""
    };
    let values = serde_json::to_string(values).map_err(|e| Error::Database(e.to_string()))?;
    rows_where(
        connection,
        table,
        &format!("WHERE {column} IN (SELECT value FROM json_each(?1)){open}"),
        [values],
    )
}

/// The head the meta table records.
pub(crate) fn head(connection: &Connection) -> Result<Head, Error> {
    let value = |key: &str| -> Result<String, Error> {
        connection
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .map_err(sql)
    };
    Head::from_meta(&value("head_seq")?, || value("head_hash"))
}

/// The head as the last entry has it, to check the meta table against.
pub(crate) fn last_entry(connection: &Connection) -> Result<Option<(Seq, Hash)>, Error> {
    connection
        .query_row(
            "SELECT seq, chain FROM entries ORDER BY seq DESC LIMIT 1",
            [],
            |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)),
        )
        .optional()
        .map_err(sql)?
        .map(|(seq, chain)| {
            let seq = Seq(seq as u64);
            let hash = Hash::from_slice(&chain).ok_or_else(|| Error::Corrupt {
                seq,
                reason: format!("stored hash has {} bytes, not 32", chain.len()),
            })?;
            Ok((seq, hash))
        })
        .transpose()
}

/// The digests the store keeps.
pub(crate) fn digests(connection: &Connection) -> Result<Digests, Error> {
    let mut statement = connection
        .prepare_cached("SELECT name, state FROM digests")
        .map_err(sql)?;
    let mut rows = statement.query([]).map_err(sql)?;
    let mut out = Digests::default();
    while let Some(row) = rows.next().map_err(sql)? {
        let name: String = row.get(0).map_err(sql)?;
        let state: Vec<u8> = row.get(1).map_err(sql)?;
        let table = Table::named(&name).ok_or_else(|| Error::Tampered {
            table: "digests".into(),
            reason: format!("a digest for `{name}`, which is no table"),
        })?;
        let state = LtHash::from_bytes(&state).ok_or_else(|| Error::Tampered {
            table: "digests".into(),
            reason: format!("the digest of {name} has {} bytes", state.len()),
        })?;
        out.set(table, state);
    }
    Ok(out)
}

/// The payload of an entry, decoded.
pub(crate) fn entry_event(connection: &Connection, seq: Seq) -> Result<Event, Error> {
    let payload: Vec<u8> = connection
        .prepare_cached("SELECT payload FROM entries WHERE seq = ?1")
        .map_err(sql)?
        .query_row([seq.0 as i64], |r| r.get(0))
        .map_err(sql)?;
    codec::from_bytes(&payload).map_err(|e| Error::Corrupt {
        seq,
        reason: format!("payload is not an event: {e}"),
    })
}

/// The version of event `id` that counts: the original entry, or the replacement
/// that its latest correction (entry `source`) holds.
pub(crate) fn effective(connection: &Connection, id: &str, source: Seq) -> Result<Event, Error> {
    let event = entry_event(connection, source)?;
    Ok(match event.kind {
        EventKind::EventSuperseded(s) if s.target.as_str() == id => *s.replacement,
        _ => event,
    })
}

/// Effective events at or after `from` (after `after`), recorded in entries up to
/// `through`, in date order.
pub(crate) fn events_from(
    connection: &Connection,
    from: Pos,
    after: Option<Pos>,
    through: Seq,
    limit: usize,
) -> Result<Vec<(Pos, Event)>, Error> {
    let lower = after.map_or(from, |a| a.max(from));
    let strict = after.is_some_and(|a| a >= from);
    let lower = lower.to_i64().unwrap_or(i64::MAX);
    let condition = if strict { ">" } else { ">=" };
    let query = format!(
        "SELECT pos, source, key FROM events WHERE retracted = 0 AND pos {condition} ?1 AND source <= ?2 ORDER BY pos LIMIT ?3"
    );
    let found: Vec<(i64, i64, String)> = {
        let mut statement = connection.prepare_cached(&query).map_err(sql)?;
        let rows = statement
            .query_map(params![lower, through.0 as i64, limit as i64], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)?
    };
    let mut out = Vec::with_capacity(found.len());
    for (pos, source, id) in found {
        let pos = Pos::from_i64(pos).ok_or_else(|| Error::Tampered {
            table: "events".into(),
            reason: format!("`{pos}` is no position"),
        })?;
        out.push((pos, effective(connection, &id, Seq(source as u64))?));
    }
    Ok(out)
}

/// Every effective `statute_adopted` event, in ledger order.
pub(crate) fn statutes(connection: &Connection) -> Result<Vec<Event>, Error> {
    let sources: Vec<(String, i64)> = {
        let mut statement = connection
            .prepare_cached(
                "SELECT key, source FROM events WHERE kind IN ('statute_adopted', 'organization_founded') AND retracted = 0 ORDER BY seq",
            )
            .map_err(sql)?;
        let rows = statement
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .map_err(sql)?;
        rows.collect::<Result<_, _>>().map_err(sql)?
    };
    sources
        .into_iter()
        .map(|(id, s)| effective(connection, &id, Seq(s as u64)))
        .collect()
}

/// Every row of these tables, in storage order, with the head and digests of the same view.
pub(crate) fn projections(
    c: &Connection,
    tables: &[Table],
    visit: &mut RowVisitor<'_>,
) -> Result<(Head, Digests), Error> {
    let head = head(c)?;
    let digests = digests(c)?;
    for &table in tables {
        visit_rows(c, table, "", [], visit)?;
    }
    Ok((head, digests))
}

/// One share of a table's rows: a range of rowids, the shares of equal width.
pub(crate) fn projection_share(
    c: &Connection,
    table: Table,
    share: Share,
    visit: &mut RowVisitor<'_>,
) -> Result<(Head, Digests), Error> {
    let head = head(c)?;
    let digests = digests(c)?;
    let (first, last): (Option<i64>, Option<i64>) = c
        .query_row(
            &format!("SELECT min(rowid), max(rowid) FROM {}", table.name()),
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .map_err(sql)?;
    if let (Some(first), Some(last)) = (first, last) {
        let of = i128::from(share.of.max(1));
        let width = i128::from(last) - i128::from(first) + 1;
        let bound = |i: i128| (i128::from(first) + width * i / of) as i64;
        let index = i128::from(share.index);
        if index < of {
            visit_rows(
                c,
                table,
                " WHERE rowid >= ?1 AND rowid < ?2",
                [bound(index), bound(index + 1)],
                visit,
            )?;
        }
    }
    Ok((head, digests))
}

fn visit_rows<P: rusqlite::Params>(
    c: &Connection,
    table: Table,
    condition: &str,
    params: P,
    visit: &mut RowVisitor<'_>,
) -> Result<(), Error> {
    let query = format!(
        "SELECT {} FROM {}{condition}",
        column_list(table),
        table.name()
    );
    let mut statement = c.prepare(&query).map_err(sql)?;
    let width = table.columns().len();
    let mut rows = statement.query(params).map_err(sql)?;
    while let Some(row) = rows.next().map_err(sql)? {
        let mut values = Vec::with_capacity(width);
        for i in 0..width {
            values.push(value_ref(table, row.get_ref(i).map_err(sql)?)?);
        }
        visit(table, &values)?;
    }
    Ok(())
}

/// Every entry from `from` on, in order.
pub(crate) fn scan(
    connection: &Connection,
    from: Seq,
    visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
) -> Result<(), Error> {
    let mut statement = connection
        .prepare_cached(
            "SELECT seq, recorded_at, payload, digest, chain FROM entries WHERE seq >= ?1 ORDER BY seq",
        )
        .map_err(sql)?;
    let mut rows = statement.query([from.0 as i64]).map_err(sql)?;
    while let Some(row) = rows.next().map_err(sql)? {
        let seq = Seq(row.get::<_, i64>(0).map_err(sql)? as u64);
        let hash = |column: usize| -> Result<Option<Hash>, Error> {
            match row.get_ref(column).map_err(sql)? {
                rusqlite::types::ValueRef::Null => Ok(None),
                rusqlite::types::ValueRef::Blob(b) => {
                    Hash::from_slice(b).map(Some).ok_or_else(|| Error::Corrupt {
                        seq,
                        reason: format!("a stored hash has {} bytes, not 32", b.len()),
                    })
                }
                _ => Err(Error::Corrupt {
                    seq,
                    reason: "a stored hash is not bytes".to_owned(),
                }),
            }
        };
        let chain = hash(4)?.ok_or_else(|| Error::Corrupt {
            seq,
            reason: "the chain hash is missing".to_owned(),
        })?;
        let digest = hash(3)?;
        let recorded_at = match row.get_ref(1).map_err(sql)? {
            rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
            _ => {
                return Err(Error::Corrupt {
                    seq,
                    reason: "timestamp is not text".to_owned(),
                });
            }
        };
        let payload = match row.get_ref(2).map_err(sql)? {
            rusqlite::types::ValueRef::Blob(b) => b.to_vec(),
            _ => {
                return Err(Error::Corrupt {
                    seq,
                    reason: "payload is not bytes".to_owned(),
                });
            }
        };
        visit(StoredEntry {
            seq,
            recorded_at,
            payload,
            digest,
            chain,
        })?;
    }
    Ok(())
}
