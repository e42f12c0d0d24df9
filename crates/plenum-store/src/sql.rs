//! The SQL both database stores share, made from the model's tables: one SQL table per
//! projection table with exactly its columns, an index per look-up, and the entries.
//! Each store adds what only its engine has.

use plenum_model::rows::columns::Type;
use plenum_model::rows::{By, Table};

/// The ledger format: the same for every store, so a ledger copies between them.
pub(crate) const FORMAT: &str = "plenum-ledger-10";

/// The two SQL engines' spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    fn int(self) -> &'static str {
        match self {
            Dialect::Sqlite => "INTEGER",
            Dialect::Postgres => "BIGINT",
        }
    }

    /// Text compares byte by byte in both, as the model's keys are ordered.
    fn text(self) -> &'static str {
        match self {
            Dialect::Sqlite => "TEXT",
            Dialect::Postgres => "TEXT COLLATE \"C\"",
        }
    }

    fn bytes(self) -> &'static str {
        match self {
            Dialect::Sqlite => "BLOB",
            Dialect::Postgres => "BYTEA",
        }
    }

    /// What ends a `CREATE TABLE`: SQLite's tables are `STRICT`, so a value of the
    /// wrong type is refused as PostgreSQL refuses it.
    fn table_end(self) -> &'static str {
        match self {
            Dialect::Sqlite => ") STRICT;\n",
            Dialect::Postgres => ");\n",
        }
    }
}

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

/// The projection tables, their indexes, the entries, the digests and the metadata.
pub(crate) fn schema(dialect: Dialect) -> String {
    let mut sql = String::new();
    for &table in Table::ALL {
        let name = table.name();
        let columns: Vec<String> = table
            .columns()
            .iter()
            .map(|c| {
                let ty = match c.ty {
                    Type::Int => dialect.int(),
                    Type::Text => dialect.text(),
                };
                let null = if c.nullable { "" } else { " NOT NULL" };
                let unique = if c.name == "key" { " UNIQUE" } else { "" };
                format!("{} {ty}{null}{unique}", c.name)
            })
            .collect();
        sql.push_str(&format!("CREATE TABLE {name}({}", columns.join(", ")));
        sql.push_str(dialect.table_end());
        for by in LOOKUPS {
            let Some(column) = table.lookup(by) else {
                continue;
            };
            // Every look-up column is indexed with `lo` after it: that serves the
            // look-up, "any row", and the window queries of `at`.
            if by == By::Kind {
                // Events are looked up by kind only to find what the statute book
                // reads: the statutes, and the foundings that give organizations'
                // parents and categories (subordinate organizations). The queries
                // repeat this condition word for word, so that the index serves them.
                sql.push_str(&format!(
                    "CREATE INDEX {name}_{column} ON {name}({column}) WHERE {column} IN ('statute_adopted', 'organization_founded');\n"
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
    let (int, bytes, end) = (dialect.int(), dialect.bytes(), dialect.table_end());
    sql.push_str(&format!(
        "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL{end}\
         CREATE TABLE entries(seq {int} PRIMARY KEY, recorded_at TEXT NOT NULL, \
         payload {bytes} NOT NULL, digest {bytes}, chain {bytes} NOT NULL{end}\
         CREATE TABLE digests(name TEXT PRIMARY KEY, state {bytes} NOT NULL{end}"
    ));
    sql.push_str(
        "CREATE INDEX entities_norm_id ON entities(kind, norm_id);
CREATE INDEX entities_norm_name ON entities(kind, norm_name);
CREATE INDEX aliases_form ON aliases(kind, form);
CREATE INDEX events_pos ON events(pos) WHERE retracted = 0;
CREATE INDEX findings_day ON findings(day);
",
    );
    sql
}

/// Every table the schema makes, for dropping a ledger.
pub(crate) fn table_names() -> impl Iterator<Item = &'static str> {
    Table::ALL
        .iter()
        .map(|t| t.name())
        .chain(["meta", "entries", "digests"])
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sqlite_schema_is_valid_sql_with_every_column() {
        let connection = rusqlite::Connection::open_in_memory().unwrap();
        connection.execute_batch(&schema(Dialect::Sqlite)).unwrap();
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
