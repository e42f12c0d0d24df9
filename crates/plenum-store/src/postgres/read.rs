//! Reads shared by the write path and queries on PostgreSQL.

use plenum_model::event::{Event, EventKind, codec};
use plenum_model::history::Lookup;
use plenum_model::id::{EntityKind, Pos, Seq};
use plenum_model::ledger::closest;
use plenum_model::rows::columns::Type;
use plenum_model::rows::{AnyRow, By, Row, RowError, Table, ValueRef};
use postgres::GenericClient;
use postgres::types::ToSql;

use super::conn::{Conn, pg, row_of};
use super::schema::column_list;
use crate::digest::{Digests, LtHash};
use crate::{Error, Hash, Head};

/// The rows of `table` a condition selects (parameters `$1`...).
pub(crate) fn rows_where(
    conn: &mut Conn,
    table: Table,
    condition: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<AnyRow>, Error> {
    let sql = format!(
        "SELECT {} FROM {} {condition}",
        column_list(table),
        table.name()
    );
    conn.query(&sql, params)?
        .iter()
        .map(|row| row_of(table, row, 0))
        .collect()
}

/// Rows of one type.
pub(crate) fn typed<R: Row + TryFrom<AnyRow>>(
    conn: &mut Conn,
    condition: &str,
    params: &[&(dyn ToSql + Sync)],
) -> Result<Vec<R>, Error> {
    Ok(rows_where(conn, R::TABLE, condition, params)?
        .into_iter()
        .filter_map(|r| R::try_from(r).ok())
        .collect())
}

fn lookup(table: Table, by: By) -> Result<&'static str, Error> {
    table
        .lookup(by)
        .ok_or_else(|| Error::Database(format!("no look-up of {} by {by:?}", table.name())))
}

fn open_clause(table: Table, open_only: bool) -> &'static str {
    if open_only && table.has_spans() {
        " AND until IS NULL"
    } else {
        ""
    }
}

/// The rows of `table` whose look-up column `by` is `value`.
pub(crate) fn select(
    conn: &mut Conn,
    table: Table,
    by: By,
    value: &str,
    open_only: bool,
) -> Result<Vec<AnyRow>, Error> {
    let column = lookup(table, by)?;
    rows_where(
        conn,
        table,
        &format!("WHERE {column} = $1{}", open_clause(table, open_only)),
        &[&value],
    )
}

/// The rows of `table` whose look-up column `by` is any of `values`.
pub(crate) fn select_many(
    conn: &mut Conn,
    table: Table,
    by: By,
    values: &[&str],
    open_only: bool,
) -> Result<Vec<AnyRow>, Error> {
    if values.is_empty() {
        return Ok(Vec::new());
    }
    let column = lookup(table, by)?;
    rows_where(
        conn,
        table,
        &format!("WHERE {column} = ANY($1){}", open_clause(table, open_only)),
        &[&values],
    )
}

/// Several look-ups in one statement (`UNION ALL`): the rows of each, in order. Each
/// part returns its look-up's number and the row's values as text, read back by type.
pub(crate) fn select_each(
    conn: &mut Conn,
    lookups: &[Lookup<'_>],
) -> Result<Vec<Vec<AnyRow>>, Error> {
    let asked: Vec<usize> = (0..lookups.len())
        .filter(|&i| !lookups[i].values.is_empty())
        .collect();
    if let [only] = asked[..] {
        let l = &lookups[only];
        let mut out = vec![Vec::new(); lookups.len()];
        out[only] = select_many(conn, l.table, l.by, l.values, l.open_only)?;
        return Ok(out);
    }
    let mut params: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity(asked.len());
    let parts = union_parts(lookups, &asked, &mut params)?;
    let mut out = vec![Vec::new(); lookups.len()];
    if parts.is_empty() {
        return Ok(out);
    }
    for row in conn.query(&parts.join(" UNION ALL "), &params)? {
        let i = row.get::<_, i32>(0) as usize;
        let texts: Vec<Option<&str>> = row.get(1);
        out[i].push(from_texts(lookups[i].table, &texts)?);
    }
    Ok(out)
}

/// The parts of [`select_each`]'s `UNION ALL`, one per look-up in `asked`, their values
/// pushed onto `params`.
fn union_parts<'l>(
    lookups: &'l [Lookup<'_>],
    asked: &[usize],
    params: &mut Vec<&'l (dyn ToSql + Sync)>,
) -> Result<Vec<String>, Error> {
    let mut parts = Vec::with_capacity(asked.len());
    for &i in asked {
        let l = &lookups[i];
        let column = lookup(l.table, l.by)?;
        let values: Vec<String> = l
            .table
            .columns()
            .iter()
            .map(|c| format!("{}::text", c.name))
            .collect();
        params.push(&l.values);
        parts.push(format!(
            "SELECT {i}, ARRAY[{}] FROM {} WHERE {column} = ANY(${}){}",
            values.join(", "),
            l.table.name(),
            params.len(),
            open_clause(l.table, l.open_only)
        ));
    }
    Ok(parts)
}

/// The answers to several look-ups, as [`select_each`] gives them, and the head they
/// hold for: one statement, so one snapshot, outside any transaction.
pub(crate) fn select_each_at_head(
    conn: &mut Conn,
    lookups: &[Lookup<'_>],
) -> Result<(Head, Vec<Vec<AnyRow>>), Error> {
    let asked: Vec<usize> = (0..lookups.len())
        .filter(|&i| !lookups[i].values.is_empty())
        .collect();
    let mut params: Vec<&(dyn ToSql + Sync)> = Vec::with_capacity(asked.len());
    let mut parts = union_parts(lookups, &asked, &mut params)?;
    parts.push(
        "SELECT -1, ARRAY[key, value] FROM meta WHERE key IN ('head_seq', 'head_hash')".into(),
    );
    let mut out = vec![Vec::new(); lookups.len()];
    let mut meta: Vec<(String, String)> = Vec::with_capacity(2);
    for row in conn.query(&parts.join(" UNION ALL "), &params)? {
        let texts: Vec<Option<&str>> = row.get(1);
        match usize::try_from(row.get::<_, i32>(0)) {
            Ok(i) => out[i].push(from_texts(lookups[i].table, &texts)?),
            Err(_) => {
                if let [Some(key), Some(value)] = texts[..] {
                    meta.push((key.to_owned(), value.to_owned()));
                }
            }
        }
    }
    let value = |key: &str| {
        meta.iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .ok_or_else(|| Error::NotALedger(format!("the ledger has no `{key}`")))
    };
    let head = Head::from_meta(&value("head_seq")?, || value("head_hash"))?;
    Ok((head, out))
}

/// A row of `table` from its values as text.
fn from_texts(table: Table, texts: &[Option<&str>]) -> Result<AnyRow, Error> {
    let mut values = Vec::with_capacity(texts.len());
    for (column, text) in table.columns().iter().zip(texts) {
        values.push(match (column.ty, text) {
            (_, None) => ValueRef::Null,
            (Type::Text, Some(t)) => ValueRef::Text(t),
            (Type::Int, Some(t)) => ValueRef::Int(t.parse().map_err(|_| {
                Error::Row(RowError {
                    table: table.name(),
                    column: column.name,
                    reason: format!("`{t}` is not an integer"),
                })
            })?),
        });
    }
    Ok(AnyRow::from_refs(table, &values)?)
}

/// The head the meta table records.
pub(crate) fn head(client: &mut impl GenericClient) -> Result<Head, Error> {
    let rows = client
        .query(
            "SELECT key, value FROM meta WHERE key IN ('head_seq', 'head_hash')",
            &[],
        )
        .map_err(pg)?;
    head_of(&rows)
}

/// The head, from the `meta` rows of its two keys.
pub(crate) fn head_of(rows: &[postgres::Row]) -> Result<Head, Error> {
    let value = |key: &str| {
        rows.iter()
            .find(|r| r.get::<_, &str>(0) == key)
            .map(|r| r.get::<_, String>(1))
            .ok_or_else(|| Error::NotALedger(format!("the ledger has no `{key}`")))
    };
    Head::from_meta(&value("head_seq")?, || value("head_hash"))
}

/// The last entry's position and hash.
pub(crate) fn last_entry(conn: &mut Conn) -> Result<Option<(Seq, Hash)>, Error> {
    let rows = conn.query(
        "SELECT seq, chain FROM entries ORDER BY seq DESC LIMIT 1",
        &[],
    )?;
    rows.first()
        .map(|r| {
            let seq = Seq(r.get::<_, i64>(0) as u64);
            let chain: &[u8] = r.get(1);
            let hash = Hash::from_slice(chain).ok_or_else(|| Error::Corrupt {
                seq,
                reason: format!("stored hash has {} bytes, not 32", chain.len()),
            })?;
            Ok((seq, hash))
        })
        .transpose()
}

/// The digests the store keeps.
pub(crate) fn digests(client: &mut impl GenericClient) -> Result<Digests, Error> {
    digests_of(
        &client
            .query("SELECT name, state FROM digests", &[])
            .map_err(pg)?,
    )
}

/// The digests, from the rows of the `digests` table.
pub(crate) fn digests_of(rows: &[postgres::Row]) -> Result<Digests, Error> {
    let mut out = Digests::default();
    for row in rows {
        let name: &str = row.get(0);
        let state: &[u8] = row.get(1);
        let table = Table::named(name).ok_or_else(|| Error::Tampered {
            table: "digests".into(),
            reason: format!("a digest for `{name}`, which is no table"),
        })?;
        let state = LtHash::from_bytes(state).ok_or_else(|| Error::Tampered {
            table: "digests".into(),
            reason: format!("the digest of {name} has {} bytes", state.len()),
        })?;
        out.set(table, state);
    }
    Ok(out)
}

/// The version of event `id` that counts, from entry `source`.
pub(crate) fn effective(conn: &mut Conn, id: &str, source: Seq) -> Result<Event, Error> {
    let rows = conn.query(
        "SELECT payload FROM entries WHERE seq = $1",
        &[&(source.0 as i64)],
    )?;
    let payload: &[u8] = rows
        .first()
        .map(|r| r.get(0))
        .ok_or_else(|| Error::Corrupt {
            seq: source,
            reason: "the entry is missing".into(),
        })?;
    let event = codec::from_bytes(payload).map_err(|e| Error::Corrupt {
        seq: source,
        reason: format!("payload is not an event: {e}"),
    })?;
    Ok(match event.kind {
        EventKind::EventSuperseded(s) if s.target.as_str() == id => *s.replacement,
        _ => event,
    })
}

/// Effective events at or after `from` (after `after`), recorded up to `through`.
pub(crate) fn events_from(
    conn: &mut Conn,
    from: Pos,
    after: Option<Pos>,
    through: Seq,
    limit: usize,
) -> Result<Vec<(Pos, Event)>, Error> {
    let lower = after.map_or(from, |a| a.max(from));
    let strict = after.is_some_and(|a| a >= from);
    let lower = lower.to_i64().unwrap_or(i64::MAX);
    let condition = if strict { ">" } else { ">=" };
    let sql = format!(
        "SELECT pos, source, key FROM events WHERE retracted = 0 AND pos {condition} $1 AND source <= $2 ORDER BY pos LIMIT $3"
    );
    let found: Vec<(i64, i64, String)> = conn
        .query(&sql, &[&lower, &(through.0 as i64), &(limit as i64)])?
        .iter()
        .map(|r| (r.get(0), r.get(1), r.get(2)))
        .collect();
    let mut out = Vec::with_capacity(found.len());
    for (pos, source, id) in found {
        let pos = Pos::from_i64(pos).ok_or_else(|| Error::Tampered {
            table: "events".into(),
            reason: format!("`{pos}` is no position"),
        })?;
        out.push((pos, effective(conn, &id, Seq(source as u64))?));
    }
    Ok(out)
}

/// Every effective `statute_adopted` event, in ledger order.
/// The kinds of event the statute book reads (statutes, and the parents and categories
/// of organizations), as [`statutes`] selects them.
pub(crate) const STATUTE_KINDS: [&str; 2] = ["statute_adopted", "organization_founded"];

/// The kinds are spelled out as the partial index on `events(kind)` states them
/// (`sql.rs`): a condition the planner cannot match to it (`kind = ANY($1)`) scans
/// every event.
const STATUTES: &str = "SELECT key, source FROM events WHERE kind IN ('statute_adopted', 'organization_founded') AND retracted = 0 ORDER BY seq";

pub(crate) fn statutes(conn: &mut Conn) -> Result<Vec<Event>, Error> {
    let found: Vec<(String, i64)> = conn
        .query(STATUTES, &[])?
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    found
        .into_iter()
        .map(|(id, s)| effective(conn, &id, Seq(s as u64)))
        .collect()
}

/// The closest id of a kind to `id`: among its neighbours in key order, or all if few.
pub(crate) fn suggest(
    conn: &mut Conn,
    kind: EntityKind,
    id: &str,
) -> Result<Option<String>, Error> {
    let first = format!("{}:", kind.as_str());
    let end = format!("{};", kind.as_str());
    let at = format!("{first}{id}");
    let mut ids = |sql: &str, from: &str, to: &str, limit: i64| -> Result<Vec<String>, Error> {
        Ok(conn
            .query(sql, &[&from, &to, &limit])?
            .iter()
            .map(|r| r.get(0))
            .collect())
    };
    let mut candidates = ids(
        "SELECT id FROM entities WHERE key >= $1 AND key < $2 ORDER BY key LIMIT $3",
        &at,
        &end,
        200,
    )?;
    candidates.extend(ids(
        "SELECT id FROM entities WHERE key >= $1 AND key < $2 ORDER BY key DESC LIMIT $3",
        &first,
        &at,
        200,
    )?);
    if candidates.len() < 400 {
        candidates = ids(
            "SELECT id FROM entities WHERE key >= $1 AND key < $2 ORDER BY key LIMIT $3",
            &first,
            &end,
            5_000,
        )?;
    }
    Ok(closest(candidates.iter().map(String::as_str), id))
}

/// Whether `conn` reached PostgreSQL at all (for messages).
#[allow(dead_code)]
pub(crate) fn alive(conn: &mut Conn) -> bool {
    conn.client.simple_query("SELECT 1").map_err(pg).is_ok()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_statutes_query_selects_every_statute_kind() {
        for kind in super::STATUTE_KINDS {
            assert!(super::STATUTES.contains(&format!("'{kind}'")), "{kind}");
        }
        assert_eq!(
            super::STATUTES.matches("', '").count() + 1,
            super::STATUTE_KINDS.len()
        );
    }

    #[test]
    fn the_statutes_query_reads_the_kind_index() {
        let mut conn = super::Conn::connect(
            &plenum_dev::pg::fresh_url(),
            super::super::conn::Plans::Generic,
        )
        .expect("a connection");
        conn.batch(&super::super::schema::schema())
            .expect("the schema");
        // Under the write path's generic plans, with scans of the whole table ruled out
        // and the other index on a condition of the query gone: a query the partial
        // index does not serve still plans a scan.
        conn.batch("BEGIN; DROP INDEX events_pos; SET LOCAL plan_cache_mode = force_generic_plan; SET LOCAL enable_seqscan = off")
            .expect("settings");
        let plan: Vec<String> = conn
            .query(&format!("EXPLAIN {}", super::STATUTES), &[])
            .expect("a plan")
            .iter()
            .map(|row| row.get(0))
            .collect();
        assert!(
            plan.iter().any(|line| line.contains("events_kind")),
            "{plan:#?}"
        );
    }
}
