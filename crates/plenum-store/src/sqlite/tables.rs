//! The SQLite schema: the entries, and one table per projection with its rows as JSON
//! beside the columns that queries filter on.

use std::collections::HashMap;

use plenum_model::state::diff::{Keyed, RowsDiff, Table};
use plenum_model::state::registry::Entity;
use plenum_model::state::rows::{
    AlignmentRow, CountRow, FigureRow, LinkRow, MembershipRow, NameRow, OrgRow, PostRow, RecordRow,
    SeatRow, Span,
};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, Transaction, params};
use serde::Serialize;

use crate::Error;

/// The format this code writes and reads.
pub(crate) const FORMAT: &str = "plenum-ledger-5";

pub(crate) const SCHEMA: &str = r#"
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
CREATE TABLE entries(
    seq INTEGER PRIMARY KEY,
    recorded_at TEXT NOT NULL,
    payload BLOB NOT NULL,
    chain BLOB NOT NULL
) STRICT;
CREATE TABLE organs(num INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE) STRICT;
CREATE TABLE seats(
    num INTEGER PRIMARY KEY, key TEXT NOT NULL UNIQUE, organ TEXT NOT NULL, person TEXT NOT NULL, role TEXT NOT NULL,
    start TEXT NOT NULL, end TEXT, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
    start_event TEXT NOT NULL, end_event TEXT, end_cause TEXT,
    name TEXT, alignments TEXT NOT NULL DEFAULT '[]'
) STRICT;
CREATE INDEX seats_person ON seats(person);
CREATE VIRTUAL TABLE seat_spans USING rtree_i32(num, organ_lo, organ_hi, lo, hi);
CREATE TABLE posts(key TEXT PRIMARY KEY, data TEXT NOT NULL, post TEXT, person TEXT, lo INTEGER, hi INTEGER) STRICT;
CREATE INDEX posts_post ON posts(post, lo);
CREATE INDEX posts_person ON posts(person);
CREATE TABLE memberships(key TEXT PRIMARY KEY, data TEXT NOT NULL, org TEXT, person TEXT, lo INTEGER, hi INTEGER) STRICT;
CREATE INDEX memberships_person ON memberships(person);
CREATE INDEX memberships_org ON memberships(org, lo);
CREATE TABLE alignments(
    key TEXT NOT NULL UNIQUE, faction TEXT NOT NULL, person TEXT NOT NULL, leader INTEGER NOT NULL,
    start TEXT NOT NULL, end TEXT, lo INTEGER NOT NULL, hi INTEGER NOT NULL,
    start_event TEXT NOT NULL, end_event TEXT,
    PRIMARY KEY(person, lo, key)
) STRICT, WITHOUT ROWID;
CREATE INDEX alignments_faction ON alignments(faction, lo);
CREATE TABLE counts(key TEXT PRIMARY KEY, data TEXT NOT NULL, organ TEXT, lo INTEGER, hi INTEGER) STRICT;
CREATE INDEX counts_organ ON counts(organ, lo);
CREATE TABLE orgs(key TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE names(key TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE links(key TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE figures(key TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;
CREATE TABLE records(key TEXT PRIMARY KEY, data TEXT NOT NULL, person TEXT) STRICT;
CREATE INDEX records_person ON records(person);
CREATE TABLE entities(key TEXT PRIMARY KEY, data TEXT NOT NULL, kind TEXT NOT NULL, name TEXT NOT NULL) STRICT;
CREATE INDEX entities_kind ON entities(kind);
CREATE TABLE entity_names(kind TEXT NOT NULL, form TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY(kind, form, entity)) STRICT, WITHOUT ROWID;
CREATE INDEX entity_names_entity ON entity_names(entity);
"#;

// Seats keep beside them their holder's name and every alignment of their
// holder (as JSON, in the order of `(lo, key)`), kept up to date when the
// person's entity or alignments change, so that `at` reads a 1,000-seat
// organ without two thousand lookups.

/// A person's alignments, onto every seat of theirs.
const HOLDER_ALIGNMENTS: &str =
    "UPDATE seats SET alignments = ?2 WHERE person = ?1 AND alignments IS NOT ?2";

/// Every alignment of a person, as the JSON that seats keep.
fn holder_alignments(tx: &Transaction<'_>, person: &str) -> Result<String, Error> {
    let sql = format!(
        "SELECT {} FROM alignments a WHERE a.person = ?1 ORDER BY a.lo, a.key",
        super::columns::ALIGNMENT
    );
    let mut statement = tx.prepare_cached(&sql)?;
    let mut rows = statement.query([person])?;
    let mut alignments = Vec::new();
    while let Some(row) = rows.next()? {
        alignments.extend(super::columns::alignment(row, 0)?);
    }
    Ok(serde_json::to_string(&alignments)?)
}

/// A projection row as SQLite keeps it: after its `key`, the columns of
/// `COLUMNS`. Most tables keep the row as JSON (`data`) beside the columns
/// queries filter on; seats and alignments, which `at` reads by the thousand,
/// keep every field in a column of its own.
pub(crate) trait SqlRow: Keyed {
    /// The table.
    const TABLE: &'static str;
    /// The columns after `key`.
    const COLUMNS: &'static [&'static str];
    /// Their values.
    fn values(&self) -> Result<Vec<Value>, Error>;
}

fn text(s: impl ToString) -> Value {
    Value::Text(s.to_string())
}

fn optional(s: Option<impl ToString>) -> Value {
    s.map_or(Value::Null, text)
}

/// A serde enum's name (`full`, `term-ended`), as stored.
fn word<T: Serialize>(value: &T) -> Result<Value, Error> {
    match serde_json::to_value(value)? {
        serde_json::Value::String(s) => Ok(Value::Text(s)),
        other => Ok(Value::Text(other.to_string())),
    }
}

fn span_columns(span: &Span) -> [Value; 4] {
    [
        text(&span.start),
        optional(span.end.as_ref()),
        Value::Integer(i64::from(span.lo().to_key())),
        Value::Integer(i64::from(span.hi().to_key())),
    ]
}

fn lo_hi(span: &Span) -> [Value; 2] {
    [
        Value::Integer(i64::from(span.lo().to_key())),
        Value::Integer(i64::from(span.hi().to_key())),
    ]
}

/// Rows kept as JSON plus filter columns.
macro_rules! json_row {
    ($ty:ty, $table:literal, [$($col:literal),*], |$row:ident| $values:expr) => {
        impl SqlRow for $ty {
            const TABLE: &'static str = $table;
            const COLUMNS: &'static [&'static str] = &["data", $($col),*];
            fn values(&self) -> Result<Vec<Value>, Error> {
                let $row = self;
                let mut values = vec![Value::Text(serde_json::to_string(self)?)];
                values.extend($values);
                Ok(values)
            }
        }
    };
}

impl SqlRow for SeatRow {
    const TABLE: &'static str = "seats";
    const COLUMNS: &'static [&'static str] = &[
        "organ",
        "person",
        "role",
        "start",
        "end",
        "lo",
        "hi",
        "start_event",
        "end_event",
        "end_cause",
    ];
    fn values(&self) -> Result<Vec<Value>, Error> {
        let mut values = vec![text(&self.organ), text(&self.person), word(&self.role)?];
        values.extend(span_columns(&self.span));
        values.extend([
            text(&self.start_event),
            optional(self.end_event.as_ref()),
            self.end_cause
                .as_ref()
                .map(word)
                .transpose()?
                .unwrap_or(Value::Null),
        ]);
        Ok(values)
    }
}

impl SqlRow for AlignmentRow {
    const TABLE: &'static str = "alignments";
    const COLUMNS: &'static [&'static str] = &[
        "faction",
        "person",
        "leader",
        "start",
        "end",
        "lo",
        "hi",
        "start_event",
        "end_event",
    ];
    fn values(&self) -> Result<Vec<Value>, Error> {
        let mut values = vec![
            text(&self.faction),
            text(&self.person),
            Value::Integer(i64::from(self.leader)),
        ];
        values.extend(span_columns(&self.span));
        values.extend([text(&self.start_event), optional(self.end_event.as_ref())]);
        Ok(values)
    }
}

json_row!(PostRow, "posts", ["post", "person", "lo", "hi"], |r| {
    let [lo, hi] = lo_hi(&r.span);
    [text(&r.post), text(&r.person), lo, hi]
});
json_row!(
    MembershipRow,
    "memberships",
    ["org", "person", "lo", "hi"],
    |r| {
        let [lo, hi] = lo_hi(&r.span);
        [text(&r.org), text(&r.person), lo, hi]
    }
);
json_row!(CountRow, "counts", ["organ", "lo", "hi"], |r| {
    let [lo, hi] = lo_hi(&r.span);
    [text(&r.organ), lo, hi]
});
json_row!(OrgRow, "orgs", [], |_r| []);
json_row!(NameRow, "names", [], |_r| []);
json_row!(LinkRow, "links", [], |_r| []);
json_row!(FigureRow, "figures", [], |_r| []);
json_row!(RecordRow, "records", ["person"], |r| [text(&r.person)]);
json_row!(Entity, "entities", ["kind", "name"], |r| [
    text(r.kind.as_str()),
    text(&r.name)
]);

fn upsert_sql(table: &str, columns: &[&str]) -> String {
    let all: Vec<&str> = ["key"].into_iter().chain(columns.iter().copied()).collect();
    let placeholders = (1..=all.len())
        .map(|i| format!("?{i}"))
        .collect::<Vec<_>>()
        .join(", ");
    let updates = all[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "INSERT INTO {table}({}) VALUES ({placeholders}) ON CONFLICT(key) DO UPDATE SET {updates}",
        all.join(", ")
    )
}

fn upsert<T: SqlRow>(tx: &Transaction<'_>, rows: &[T]) -> Result<(), Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut statement = tx.prepare_cached(&upsert_sql(T::TABLE, T::COLUMNS))?;
    for row in rows {
        let mut values = vec![Value::Text(row.key())];
        values.extend(row.values()?);
        statement.execute(rusqlite::params_from_iter(values))?;
    }
    Ok(())
}

fn organ_num(tx: &Transaction<'_>, organ: &str) -> Result<i64, Error> {
    tx.prepare_cached("INSERT OR IGNORE INTO organs(ref) VALUES (?1)")?
        .execute([organ])?;
    Ok(tx
        .prepare_cached("SELECT num FROM organs WHERE ref = ?1")?
        .query_row([organ], |r| r.get(0))?)
}

fn upsert_seats(tx: &Transaction<'_>, rows: &[SeatRow]) -> Result<(), Error> {
    if rows.is_empty() {
        return Ok(());
    }
    let mut columns = SeatRow::COLUMNS.to_vec();
    columns.extend(["name", "alignments"]);
    let mut statement = tx.prepare_cached(&format!(
        "{} RETURNING num",
        upsert_sql(SeatRow::TABLE, &columns)
    ))?;
    let mut name_of = tx.prepare_cached("SELECT name FROM entities WHERE key = ?1")?;
    let mut span = tx.prepare_cached(
        "INSERT OR REPLACE INTO seat_spans(num, organ_lo, organ_hi, lo, hi) VALUES (?1, ?2, ?2, ?3, ?4)",
    )?;
    let mut holders: HashMap<&str, (Value, String)> = HashMap::new();
    let mut organs: HashMap<String, i64> = HashMap::new();
    for row in rows {
        let person = row.person.as_str();
        if !holders.contains_key(person) {
            let name: Option<String> = name_of
                .query_row([format!("person:{person}")], |r| r.get(0))
                .optional()?;
            holders.insert(person, (optional(name), holder_alignments(tx, person)?));
        }
        let (name, alignments) = &holders[person];
        let mut values = vec![Value::Text(row.key())];
        values.extend(row.values()?);
        values.extend([name.clone(), Value::Text(alignments.clone())]);
        let num: i64 = statement.query_row(rusqlite::params_from_iter(values), |r| r.get(0))?;
        let organ = row.organ.to_string();
        let organ = match organs.get(&organ) {
            Some(&n) => n,
            None => {
                let n = organ_num(tx, &organ)?;
                organs.insert(organ, n);
                n
            }
        };
        span.execute(params![
            num,
            organ,
            row.span.lo().to_key(),
            row.span.hi().to_key()
        ])?;
    }
    Ok(())
}

fn upsert_entities(tx: &Transaction<'_>, rows: &[Entity]) -> Result<(), Error> {
    upsert(tx, rows)?;
    let mut renamed =
        tx.prepare_cached("UPDATE seats SET name = ?2 WHERE person = ?1 AND name IS NOT ?2")?;
    for person in rows
        .iter()
        .filter(|e| e.kind == plenum_model::state::registry::EntityKind::Person)
    {
        renamed.execute(params![person.id, person.name])?;
    }
    let mut clear = tx.prepare_cached("DELETE FROM entity_names WHERE entity = ?1")?;
    let mut name = tx.prepare_cached(
        "INSERT OR IGNORE INTO entity_names(kind, form, entity) VALUES (?1, ?2, ?3)",
    )?;
    for entity in rows {
        let key = entity.key();
        clear.execute([&key])?;
        for form in plenum_model::query::name_forms(entity) {
            name.execute(params![entity.kind.as_str(), form, key])?;
        }
    }
    Ok(())
}

fn delete(tx: &Transaction<'_>, table: Table, key: &str) -> Result<(), Error> {
    let name = match table {
        Table::Seats => {
            tx.prepare_cached(
                "DELETE FROM seat_spans WHERE num = (SELECT num FROM seats WHERE key = ?1)",
            )?
            .execute([key])?;
            "seats"
        }
        Table::Entities => {
            tx.prepare_cached("DELETE FROM entity_names WHERE entity = ?1")?
                .execute([key])?;
            "entities"
        }
        Table::Posts => "posts",
        Table::Memberships => "memberships",
        Table::Alignments => "alignments",
        Table::Counts => "counts",
        Table::Orgs => "orgs",
        Table::Names => "names",
        Table::Links => "links",
        Table::Figures => "figures",
        Table::Records => "records",
    };
    tx.prepare_cached(&format!("DELETE FROM {name} WHERE key = ?1"))?
        .execute([key])?;
    Ok(())
}

/// Writes a diff of projection rows.
pub(crate) fn apply(tx: &Transaction<'_>, diff: &RowsDiff) -> Result<(), Error> {
    // Persons whose alignments change: their seats are brought up to date last.
    let mut realigned: std::collections::BTreeSet<String> = diff
        .upsert
        .alignments
        .iter()
        .map(|a| a.person.to_string())
        .collect();
    for (table, key) in &diff.delete {
        if *table == Table::Alignments {
            let person: Option<String> = tx
                .prepare_cached("SELECT person FROM alignments WHERE key = ?1")?
                .query_row([key], |r| r.get(0))
                .optional()?;
            realigned.extend(person);
        }
        delete(tx, *table, key)?;
    }
    let rows = &diff.upsert;
    // Entities and alignments first: seats take their holders' names and
    // alignments from them.
    upsert_entities(tx, &diff.upsert_entities)?;
    upsert(tx, &rows.alignments)?;
    upsert_seats(tx, &rows.seats)?;
    let mut holder = tx.prepare_cached(HOLDER_ALIGNMENTS)?;
    let mut seated = tx.prepare_cached("SELECT EXISTS(SELECT 1 FROM seats WHERE person = ?1)")?;
    for person in &realigned {
        if seated.query_row([person], |r| r.get::<_, bool>(0))? {
            holder.execute(params![person, holder_alignments(tx, person)?])?;
        }
    }
    upsert(tx, &rows.posts)?;
    upsert(tx, &rows.memberships)?;
    upsert(tx, &rows.counts)?;
    upsert(tx, &rows.orgs)?;
    upsert(tx, &rows.names)?;
    upsert(tx, &rows.links)?;
    upsert(tx, &rows.figures)?;
    upsert(tx, &rows.records)?;
    Ok(())
}
