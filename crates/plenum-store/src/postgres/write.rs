//! Row changes as one statement: a chunk's changes are netted per row, then written with
//! one `INSERT`, one `UPDATE` and one `DELETE` per table, each taking its rows as arrays,
//! all of them parts of one statement (data-modifying `WITH` queries). One round trip per
//! write instead of per row, or per table, is what makes a batch cheap over a network.
//!
//! The parts of a statement run on one snapshot and cannot see each other's rows: they
//! never touch the same row, as changes are netted per row first.

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
fn net<'a>(
    changes: impl IntoIterator<Item = &'a Change>,
) -> BTreeMap<Table, BTreeMap<String, Net<'a>>> {
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
    let mut out: BTreeMap<Table, BTreeMap<String, Net<'a>>> = BTreeMap::new();
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

/// One column of many rows, as a PostgreSQL array (the values taken out of `rows`).
fn column_array(ty: Type, rows: &mut [Vec<Value>], at: usize) -> Box<dyn ToSql + Sync> {
    let values = rows
        .iter_mut()
        .map(|row| std::mem::replace(&mut row[at], Value::Null));
    match ty {
        Type::Int => Box::new(
            values
                .map(|v| match v {
                    Value::Int(i) => Some(i),
                    _ => None,
                })
                .collect::<Vec<Option<i64>>>(),
        ),
        Type::Text => Box::new(
            values
                .map(|v| match v {
                    Value::Text(t) => Some(t),
                    _ => None,
                })
                .collect::<Vec<Option<String>>>(),
        ),
    }
}

/// Statements to run as one: each a part with its parameters and the rows it must change.
#[derive(Default)]
pub(crate) struct Plan {
    parts: Vec<(String, &'static str, &'static str, usize)>,
    params: Vec<Box<dyn ToSql + Sync>>,
}

impl Plan {
    /// Adds a parameter; returns its placeholder.
    pub fn param(&mut self, value: Box<dyn ToSql + Sync>) -> String {
        self.params.push(value);
        format!("${}", self.params.len())
    }

    /// Adds a statement (its placeholders from [`Plan::param`]) that must change `rows`
    /// rows of the table named `table` (`what`: "inserted", ...).
    pub fn part(&mut self, sql: String, table: &'static str, what: &'static str, rows: usize) {
        self.parts.push((sql, table, what, rows));
    }

    /// `unnest($1::bigint[], $2::text[], ...) AS u(c1, c2, ...)` over the columns of
    /// `rows`, as parameters.
    fn unnest(&mut self, table: Table, rows: &[&AnyRow]) -> String {
        let mut params = Vec::new();
        let mut names = Vec::new();
        let mut values: Vec<Vec<Value>> = rows.iter().map(|r| r.values()).collect();
        for (at, column) in table.columns().iter().enumerate() {
            let ty = match column.ty {
                Type::Int => "bigint",
                Type::Text => "text",
            };
            let placeholder = self.param(column_array(column.ty, &mut values, at));
            params.push(format!("{placeholder}::{ty}[]"));
            names.push(column.name);
        }
        format!("unnest({}) AS u({})", params.join(", "), names.join(", "))
    }

    /// Adds the writes of `changes`: what they do to each row, all taken together.
    pub fn changes<'a>(&mut self, changes: impl IntoIterator<Item = &'a Change>) {
        for (table, rows) in net(changes) {
            let name = table.name();
            let mut inserts = Vec::new();
            let mut updates = Vec::new();
            let mut deletes: Vec<String> = Vec::new();
            for (key, change) in rows {
                match change {
                    Net::Insert(row) => inserts.push(row),
                    Net::Update(row) => updates.push(row),
                    Net::Delete => deletes.push(key),
                }
            }
            if !deletes.is_empty() {
                let count = deletes.len();
                let keys = self.param(Box::new(deletes));
                let sql = format!("DELETE FROM {name} WHERE key = ANY({keys})");
                self.part(sql, name, "deleted", count);
            }
            if !updates.is_empty() {
                let sets: Vec<String> = table.columns()[1..]
                    .iter()
                    .map(|c| format!("{0} = u.{0}", c.name))
                    .collect();
                let sql = format!(
                    "UPDATE {name} SET {} FROM {} WHERE {name}.key = u.key",
                    sets.join(", "),
                    self.unnest(table, &updates)
                );
                self.part(sql, name, "updated", updates.len());
            }
            if !inserts.is_empty() {
                let sql = format!(
                    "INSERT INTO {name}({}) SELECT * FROM {}",
                    super::schema::column_list(table),
                    self.unnest(table, &inserts)
                );
                self.part(sql, name, "inserted", inserts.len());
            }
        }
    }

    /// Whether there is nothing to run.
    pub fn is_empty(&self) -> bool {
        self.parts.is_empty()
    }

    /// Runs the parts as one statement; fails if one did not change the rows it must.
    pub fn run(self, conn: &mut Conn) -> Result<(), Error> {
        let params: Vec<&(dyn ToSql + Sync)> = self.params.iter().map(|p| &**p).collect();
        match &self.parts[..] {
            [] => Ok(()),
            [(sql, table, what, rows)] => expect(table, what, *rows, conn.execute(sql, &params)?),
            parts => {
                let with: Vec<String> = parts
                    .iter()
                    .enumerate()
                    .map(|(i, (sql, ..))| format!("w{i} AS ({sql} RETURNING 1)"))
                    .collect();
                let counts: Vec<String> = (0..parts.len())
                    .map(|i| format!("(SELECT count(*) FROM w{i})"))
                    .collect();
                let sql = format!("WITH {} SELECT {}", with.join(", "), counts.join(", "));
                let row = conn.query(&sql, &params)?;
                let row = row
                    .first()
                    .ok_or_else(|| Error::Database("a write returned no counts".into()))?;
                for (i, (_, table, what, rows)) in parts.iter().enumerate() {
                    expect(table, what, *rows, row.get::<_, i64>(i) as u64)?;
                }
                Ok(())
            }
        }
    }
}

fn expect(table: &str, what: &str, wanted: usize, done: u64) -> Result<(), Error> {
    if done as usize == wanted {
        return Ok(());
    }
    Err(Error::Database(format!(
        "{wanted} {table} rows were to be {what}, but {done} were: the table does not hold what the ledger says"
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
        let a = entity("a", "A");
        let table = a.table();
        let mut plan = Plan::default();
        plan.param(Box::new(0i64));
        let sql = plan.unnest(table, &[&a]);
        assert!(sql.starts_with("unnest($2::"), "{sql}");
        assert_eq!(sql.matches("[]").count(), table.columns().len(), "{sql}");
        assert_eq!(plan.params.len(), 1 + table.columns().len());
    }

    #[test]
    fn writes_to_several_tables_are_one_statement_with_a_part_each() {
        let a = entity("a", "A");
        let b = entity("b", "B");
        let mut plan = Plan::default();
        plan.changes(&[
            Change {
                before: None,
                after: Some(a.clone()),
            },
            Change {
                before: Some(b.clone()),
                after: None,
            },
        ]);
        let whats: Vec<&str> = plan.parts.iter().map(|p| p.2).collect();
        assert_eq!(whats, ["deleted", "inserted"]);
        assert!(
            plan.parts[1].0.contains("unnest($2::"),
            "{}",
            plan.parts[1].0
        );
    }
}
