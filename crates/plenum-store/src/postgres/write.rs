//! Row changes as few statements: a chunk's changes are netted per row, then written with
//! one `INSERT`, one `UPDATE` and one `DELETE` per table, each taking its rows as arrays.
//! A round trip per table instead of per row is what makes a batch of thousands of row
//! changes cheap over a network.

use std::collections::BTreeMap;

use plenum_model::history::Change;
use plenum_model::rows::columns::Type;
use plenum_model::rows::{AnyRow, Table, Value};
use postgres::types::ToSql;

use super::conn::Conn;
use crate::Error;

/// What happens to one row, all changes of a chunk taken together.
#[derive(Debug, PartialEq)]
enum Net<'c> {
    Insert(&'c AnyRow),
    Update(&'c AnyRow),
    Delete,
}

/// The net effect of `changes` on each row, per table: a row inserted then changed is
/// inserted as it ends; one inserted then deleted is not written at all.
fn net(changes: &[Change]) -> BTreeMap<Table, BTreeMap<String, Net<'_>>> {
    // For each row: whether it existed before the chunk, and how it ends.
    let mut rows: BTreeMap<(Table, String), (bool, Option<&AnyRow>)> = BTreeMap::new();
    for change in changes {
        let Some(table) = change.table() else {
            continue;
        };
        let row = change.after.as_ref().or(change.before.as_ref());
        let Some(row) = row else { continue };
        let key = row.key().into_owned();
        let existed = change.before.is_some();
        rows.entry((table, key))
            .and_modify(|(_, end)| *end = change.after.as_ref())
            .or_insert((existed, change.after.as_ref()));
    }
    let mut out: BTreeMap<Table, BTreeMap<String, Net<'_>>> = BTreeMap::new();
    for ((table, key), (existed, end)) in rows {
        let net = match (existed, end) {
            (false, None) => continue,
            (false, Some(row)) => Net::Insert(row),
            (true, Some(row)) => Net::Update(row),
            (true, None) => Net::Delete,
        };
        out.entry(table).or_default().insert(key, net);
    }
    out
}

/// One column of many rows, as a PostgreSQL array.
enum ColumnArray {
    Int(Vec<Option<i64>>),
    Text(Vec<Option<String>>),
}

impl ColumnArray {
    fn param(&self) -> &(dyn ToSql + Sync) {
        match self {
            ColumnArray::Int(v) => v,
            ColumnArray::Text(v) => v,
        }
    }
}

/// The columns of `rows`, from column `from` on, as arrays.
fn arrays(table: Table, rows: &[&AnyRow], from: usize) -> Vec<ColumnArray> {
    let mut out: Vec<ColumnArray> = table.columns()[from..]
        .iter()
        .map(|c| match c.ty {
            Type::Int => ColumnArray::Int(Vec::with_capacity(rows.len())),
            Type::Text => ColumnArray::Text(Vec::with_capacity(rows.len())),
        })
        .collect();
    for row in rows {
        for (array, value) in out.iter_mut().zip(row.values().into_iter().skip(from)) {
            match (array, value) {
                (ColumnArray::Int(v), Value::Int(i)) => v.push(Some(i)),
                (ColumnArray::Int(v), _) => v.push(None),
                (ColumnArray::Text(v), Value::Text(t)) => v.push(Some(t)),
                (ColumnArray::Text(v), _) => v.push(None),
            }
        }
    }
    out
}

/// `unnest($1::bigint[], $2::text[], ...) AS u(c1, c2, ...)` over a table's columns.
fn unnest(table: Table, from: usize) -> String {
    let columns = &table.columns()[from..];
    let params: Vec<String> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let ty = match c.ty {
                Type::Int => "bigint",
                Type::Text => "text",
            };
            format!("${}::{ty}[]", i + 1)
        })
        .collect();
    let names: Vec<&str> = columns.iter().map(|c| c.name).collect();
    format!("unnest({}) AS u({})", params.join(", "), names.join(", "))
}

/// Writes `changes`; fails if a row to change or delete is not there, or one to insert is.
pub(crate) fn write(conn: &mut Conn, changes: &[Change]) -> Result<(), Error> {
    for (table, rows) in net(changes) {
        let name = table.name();
        let mut inserts = Vec::new();
        let mut updates = Vec::new();
        let mut deletes: Vec<&str> = Vec::new();
        for (key, change) in &rows {
            match change {
                Net::Insert(row) => inserts.push(*row),
                Net::Update(row) => updates.push(*row),
                Net::Delete => deletes.push(key),
            }
        }
        if !deletes.is_empty() {
            let done = conn.execute(
                &format!("DELETE FROM {name} WHERE key = ANY($1)"),
                &[&deletes],
            )?;
            expect(table, "deleted", deletes.len(), done)?;
        }
        if !updates.is_empty() {
            let columns = table.columns();
            let sets: Vec<String> = columns[1..]
                .iter()
                .map(|c| format!("{0} = u.{0}", c.name))
                .collect();
            let sql = format!(
                "UPDATE {name} SET {} FROM {} WHERE {name}.key = u.key",
                sets.join(", "),
                unnest(table, 0)
            );
            let arrays = arrays(table, &updates, 0);
            let params: Vec<&(dyn ToSql + Sync)> = arrays.iter().map(ColumnArray::param).collect();
            let done = conn.execute(&sql, &params)?;
            expect(table, "updated", updates.len(), done)?;
        }
        if !inserts.is_empty() {
            let sql = format!(
                "INSERT INTO {name}({}) SELECT * FROM {}",
                super::schema::column_list(table),
                unnest(table, 0)
            );
            let arrays = arrays(table, &inserts, 0);
            let params: Vec<&(dyn ToSql + Sync)> = arrays.iter().map(ColumnArray::param).collect();
            let done = conn.execute(&sql, &params)?;
            expect(table, "inserted", inserts.len(), done)?;
        }
    }
    Ok(())
}

fn expect(table: Table, what: &str, wanted: usize, done: u64) -> Result<(), Error> {
    if done as usize == wanted {
        return Ok(());
    }
    Err(Error::Database(format!(
        "{wanted} {} rows were to be {what}, but {done} were: the table does not hold what the ledger says",
        table.name()
    )))
}

#[cfg(test)]
mod tests {
    use super::*;
    use plenum_model::id::EntityKind;
    use plenum_model::rows::Entity;

    fn entity(id: &str, name: &str) -> AnyRow {
        AnyRow::from(Entity::new(
            EntityKind::Person,
            id.to_owned(),
            name.to_owned(),
        ))
    }

    #[test]
    fn changes_to_one_row_are_netted() {
        let a = entity("a", "A");
        let a2 = entity("a", "A2");
        let b = entity("b", "B");
        let c = entity("c", "C");
        let changes = vec![
            // a: inserted, then changed: one insert of how it ends.
            Change {
                before: None,
                after: Some(a.clone()),
            },
            Change {
                before: Some(a.clone()),
                after: Some(a2.clone()),
            },
            // b: inserted, then deleted: nothing.
            Change {
                before: None,
                after: Some(b.clone()),
            },
            Change {
                before: Some(b.clone()),
                after: None,
            },
            // c: there before, deleted.
            Change {
                before: Some(c.clone()),
                after: None,
            },
        ];
        let net = net(&changes);
        let rows = &net[&a.table()];
        assert_eq!(rows.len(), 2, "{rows:?}");
        assert_eq!(rows[a.key().as_ref()], Net::Insert(&a2));
        assert_eq!(rows[c.key().as_ref()], Net::Delete);
    }

    #[test]
    fn a_row_deleted_then_inserted_again_is_updated() {
        let a = entity("a", "A");
        let a2 = entity("a", "A2");
        let changes = vec![
            Change {
                before: Some(a.clone()),
                after: None,
            },
            Change {
                before: None,
                after: Some(a2.clone()),
            },
        ];
        assert_eq!(
            net(&changes)[&a.table()][a.key().as_ref()],
            Net::Update(&a2)
        );
    }

    #[test]
    fn unnest_casts_every_column() {
        let table = entity("a", "A").table();
        let sql = unnest(table, 0);
        assert!(sql.starts_with("unnest($1::"), "{sql}");
        assert_eq!(sql.matches("[]").count(), table.columns().len(), "{sql}");
    }
}
