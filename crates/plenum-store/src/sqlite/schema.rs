//! The SQLite schema, made from the model's tables: one SQL table per projection table
//! with exactly its columns, indexes for every look-up, and the entries.

use plenum_model::rows::columns::Type;
use plenum_model::rows::{By, Table};

/// The format this code writes and reads.
pub(crate) const FORMAT: &str = "plenum-ledger-6";

/// The look-ups every table is indexed for.
const LOOKUPS: [By; 8] = [
    By::Person,
    By::Organ,
    By::Org,
    By::Post,
    By::Faction,
    By::Earlier,
    By::Kind,
    By::Event,
];

const FIXED: &str = r#"
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE entries(
    seq INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    payload BLOB NOT NULL,
    digest BLOB,
    chain BLOB NOT NULL
) STRICT;
CREATE TABLE digests(name TEXT PRIMARY KEY, state BLOB NOT NULL) STRICT;
CREATE TABLE organs(num INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE) STRICT;
CREATE VIRTUAL TABLE seat_spans USING rtree_i32(num, organ_lo, organ_hi, lo, hi);
CREATE INDEX entities_norm_id ON entities(kind, norm_id);
CREATE INDEX entities_norm_name ON entities(kind, norm_name);
CREATE INDEX aliases_form ON aliases(kind, form);
CREATE INDEX events_pos ON events(pos) WHERE retracted = 0;
CREATE INDEX findings_day ON findings(day);
"#;

/// The whole schema.
pub(crate) fn schema() -> String {
    let mut sql = String::new();
    for &table in Table::ALL {
        let name = table.name();
        let columns: Vec<String> = table
            .columns()
            .iter()
            .map(|c| {
                let ty = match c.ty {
                    Type::Int => "INTEGER",
                    Type::Text => "TEXT",
                };
                let null = if c.nullable { "" } else { " NOT NULL" };
                let unique = if c.name == "key" { " UNIQUE" } else { "" };
                format!("{} {ty}{null}{unique}", c.name)
            })
            .collect();
        sql.push_str(&format!(
            "CREATE TABLE {name}({}) STRICT;\n",
            columns.join(", ")
        ));
        for by in LOOKUPS {
            let Some(column) = table.lookup(by) else {
                continue;
            };
            // Every look-up column is indexed with `lo` after it: that serves the
            // look-up, "any row", and the window queries of `at`.
            if by == By::Kind {
                // Events are looked up by kind only to find the statutes.
                sql.push_str(&format!(
                    "CREATE INDEX {name}_{column} ON {name}({column}) WHERE {column} = 'statute_adopted';\n"
                ));
                continue;
            }
            sql.push_str(&format!(
                "CREATE INDEX {name}_{column} ON {name}({column}{});\n",
                if table.has_spans() { ", lo" } else { "" }
            ));
            // A person has few rows; an organ, an organization or a faction may have
            // millions, of which the write path wants the open ones.
            if table.has_spans() && by != By::Person {
                sql.push_str(&format!(
                    "CREATE INDEX {name}_{column}_open ON {name}({column}) WHERE until IS NULL;\n"
                ));
            }
        }
        if table.dated() {
            sql.push_str(&format!(
                "CREATE INDEX {name}_touched ON {name}(touched);\n"
            ));
        }
    }
    sql.push_str(FIXED);
    sql
}

/// The columns of a table, comma-separated.
pub(crate) fn column_list(table: Table) -> String {
    table
        .columns()
        .iter()
        .map(|c| c.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// The statements that write a table's rows, made once.
pub(crate) struct Writes {
    /// `INSERT` of a whole row.
    pub insert: String,
    /// `UPDATE` of every column but the key, by key (`?1`).
    pub update: String,
    /// `DELETE` by key, returning the rowid.
    pub delete: String,
}

/// The write statements of a table.
pub(crate) fn writes(table: Table) -> &'static Writes {
    static WRITES: std::sync::OnceLock<Vec<Writes>> = std::sync::OnceLock::new();
    let all = WRITES.get_or_init(|| {
        Table::ALL
            .iter()
            .map(|&t| {
                let n = t.columns().len();
                let placeholders: Vec<String> = (1..=n).map(|i| format!("?{i}")).collect();
                let sets: Vec<String> = t
                    .columns()
                    .iter()
                    .enumerate()
                    .skip(1)
                    .map(|(i, c)| format!("{} = ?{}", c.name, i + 1))
                    .collect();
                Writes {
                    insert: format!(
                        "INSERT INTO {}({}) VALUES ({})",
                        t.name(),
                        column_list(t),
                        placeholders.join(", ")
                    ),
                    update: format!("UPDATE {} SET {} WHERE key = ?1", t.name(), sets.join(", ")),
                    delete: format!("DELETE FROM {} WHERE key = ?1 RETURNING rowid", t.name()),
                }
            })
            .collect()
    });
    let i = Table::ALL.iter().position(|t| *t == table).unwrap_or(0);
    &all[i]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_schema_is_valid_sql() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        connection.execute_batch(&schema()).unwrap();
        for &table in Table::ALL {
            let count: i64 = connection
                .query_row(
                    "SELECT count(*) FROM pragma_table_info(?1)",
                    [table.name()],
                    |r| r.get(0),
                )
                .unwrap();
            assert_eq!(count as usize, table.columns().len(), "{table:?}");
        }
    }
}
