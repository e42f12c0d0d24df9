//! The SQLite schema: the shared tables ([`crate::sql`]) and what only SQLite has, an
//! R*tree of seat spans that `at` reads an organ's seats on a day from.

use plenum_model::rows::Table;

use crate::sql::{self, Dialect};

pub(crate) use crate::sql::{FORMAT, column_list};

/// The whole schema.
pub(crate) fn schema() -> String {
    let mut sql = sql::schema(Dialect::Sqlite);
    sql.push_str(
        "CREATE TABLE organs(num INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE) STRICT;
CREATE VIRTUAL TABLE seat_spans USING rtree_i32(num, organ_lo, organ_hi, lo, hi);
",
    );
    sql
}

/// The statements that write a table's rows, made once.
pub(crate) struct Writes {
    /// `INSERT` of a whole row.
    pub insert: String,
    /// `UPDATE` of every column but the key, by key (the first parameter).
    pub update: String,
    /// `DELETE` by key returning the rowid, which the R*tree is keyed by.
    pub delete: String,
}

/// The write statements of a table.
pub(crate) fn writes(table: Table) -> &'static Writes {
    static WRITES: std::sync::OnceLock<Vec<Writes>> = std::sync::OnceLock::new();
    let all = WRITES.get_or_init(make_writes);
    let i = Table::ALL.iter().position(|t| *t == table).unwrap_or(0);
    &all[i]
}

fn make_writes() -> Vec<Writes> {
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
            let key = "?1";
            Writes {
                insert: format!(
                    "INSERT INTO {}({}) VALUES ({})",
                    t.name(),
                    column_list(t),
                    placeholders.join(", ")
                ),
                update: format!(
                    "UPDATE {} SET {} WHERE key = {key}",
                    t.name(),
                    sets.join(", ")
                ),
                delete: format!("DELETE FROM {} WHERE key = {key} RETURNING rowid", t.name()),
            }
        })
        .collect()
}
