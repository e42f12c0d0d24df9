//! The raw baseline: the same rows as the store writes, precomputed, written with plain prepared statements.

#[allow(unused_imports)]
use super::prelude::*;
#[allow(unused_imports)]
use super::*;

/// A projection row as the baseline inserts it: the SQL and its values, all computed beforehand.
pub(crate) struct RawRow {
    pub(crate) sql: &'static str,
    pub(crate) values: Vec<Value>,
}

/// A batch of precomputed rows for the raw baseline: no encoding, hashing or
/// serialization is left to do when it is timed.
#[derive(Default)]
pub(crate) struct RawBatch {
    pub(crate) entries: Vec<(i64, Vec<u8>, Vec<u8>)>,
    pub(crate) deletes: Vec<(&'static [&'static str], String)>,
    pub(crate) organs: Vec<(i64, String)>,
    /// Seat rows: their upsert (returning `num`), then the span with the organ's number.
    pub(crate) seats: Vec<(RawRow, i64, i64, i64)>,
    pub(crate) rows: Vec<RawRow>,
    /// Entities that were already stored: their name forms are cleared first.
    pub(crate) renamed: Vec<String>,
    pub(crate) names: Vec<(&'static str, String, String)>,
    pub(crate) head_seq: String,
    pub(crate) head_hash: String,
}

pub(crate) const SEATS_SQL: &str = "INSERT INTO seats(key, organ, person, role, start, end, lo, hi, start_event, end_event, end_cause, name, alignments) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
     ON CONFLICT(key) DO UPDATE SET organ = excluded.organ, person = excluded.person, role = excluded.role, \
     start = excluded.start, end = excluded.end, lo = excluded.lo, hi = excluded.hi, start_event = excluded.start_event, \
     end_event = excluded.end_event, end_cause = excluded.end_cause, name = excluded.name, alignments = excluded.alignments \
     RETURNING num";

/// A person's alignments, onto the seats that keep them.
pub(crate) const SEAT_ALIGNMENTS_SQL: &str =
    "UPDATE seats SET alignments = ?2 WHERE person = ?1 AND alignments IS NOT ?2";

/// A person's new name, onto the seats that show it.
pub(crate) const SEAT_NAMES_SQL: &str =
    "UPDATE seats SET name = ?2 WHERE person = ?1 AND name IS NOT ?2";

pub(crate) const ALIGNMENTS_SQL: &str = "INSERT INTO alignments(key, faction, person, leader, start, end, lo, hi, start_event, end_event) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
     ON CONFLICT(key) DO UPDATE SET faction = excluded.faction, person = excluded.person, leader = excluded.leader, \
     start = excluded.start, end = excluded.end, lo = excluded.lo, hi = excluded.hi, start_event = excluded.start_event, \
     end_event = excluded.end_event";

/// A serde enum's name (`full`, `term-ended`), as the store keeps it.
pub(crate) fn word<T: serde::Serialize>(value: &T) -> Value {
    match serde_json::to_value(value).expect("enums serialize") {
        serde_json::Value::String(s) => Value::Text(s),
        other => Value::Text(other.to_string()),
    }
}

pub(crate) fn optional(value: Option<impl ToString>) -> Value {
    value.map_or(Value::Null, |v| Value::Text(v.to_string()))
}

/// A seat or alignment's span columns: start, end, lo, hi.
pub(crate) fn span_columns(span: &Span) -> [Value; 4] {
    let [lo, hi] = span_values(span);
    [text(&span.start), optional(span.end.as_ref()), lo, hi]
}

pub(crate) fn json<T: serde::Serialize>(row: &T) -> Value {
    Value::Text(serde_json::to_string(row).expect("rows serialize"))
}

pub(crate) fn text(s: impl ToString) -> Value {
    Value::Text(s.to_string())
}

pub(crate) fn span_values(span: &Span) -> [Value; 2] {
    [
        Value::Integer(i64::from(span.lo().to_key())),
        Value::Integer(i64::from(span.hi().to_key())),
    ]
}

pub(crate) fn upsert_sql(table: &str, columns: &[&str]) -> &'static str {
    let all: Vec<&str> = ["key", "data"]
        .into_iter()
        .chain(columns.iter().copied())
        .collect();
    let placeholders: Vec<String> = (1..=all.len()).map(|i| format!("?{i}")).collect();
    let updates: Vec<String> = all[1..]
        .iter()
        .map(|c| format!("{c} = excluded.{c}"))
        .collect();
    Box::leak(
        format!(
            "INSERT INTO {table}({}) VALUES ({}) ON CONFLICT(key) DO UPDATE SET {}",
            all.join(", "),
            placeholders.join(", "),
            updates.join(", ")
        )
        .into_boxed_str(),
    )
}

pub(crate) fn raw_row(sql: &'static str, key: String, data: Value, columns: Vec<Value>) -> RawRow {
    let mut values = vec![Value::Text(key), data];
    values.extend(columns);
    RawRow { sql, values }
}

/// Precomputes, for every batch, the exact rows the store writes.
pub(crate) fn raw_batches(prepared: &[Prepared]) -> Vec<RawBatch> {
    let posts = upsert_sql("posts", &["post", "person", "lo", "hi"]);
    let memberships = upsert_sql("memberships", &["org", "person", "lo", "hi"]);
    let counts = upsert_sql("counts", &["organ", "lo", "hi"]);
    let orgs = upsert_sql("orgs", &[]);
    let names = upsert_sql("names", &[]);
    let links = upsert_sql("links", &[]);
    let figures = upsert_sql("figures", &[]);
    let records = upsert_sql("records", &["person"]);
    let entities = upsert_sql("entities", &["kind", "name"]);
    let mut head = Head::EMPTY;
    let mut organ_nums: BTreeMap<String, i64> = BTreeMap::new();
    let mut stored_entities: HashSet<String> = HashSet::new();
    // Seats carry their holders' names: the baseline computes them beforehand too.
    let mut person_names: HashMap<String, String> = HashMap::new();
    // ... and all their holders' alignments, ordered by (lo, key), as JSON.
    let mut person_alignments: HashMap<String, BTreeMap<(i32, String), AlignmentRow>> =
        HashMap::new();
    let mut alignment_person: HashMap<String, String> = HashMap::new();
    let mut out = Vec::with_capacity(prepared.len());
    for batch in prepared {
        let mut raw = RawBatch::default();
        let mut realigned: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
        for event in &batch.events {
            let seq = Seq(head.seq.0 + 1);
            let payload = codec::to_canonical_bytes(event);
            let hash = chain::next(head.hash, seq, NOW, &payload);
            raw.entries.push((seq.0 as i64, payload, hash.0.to_vec()));
            head = Head { seq, hash };
        }
        for (table, key) in &batch.diff.delete {
            let statements: &'static [&'static str] = match table {
                Table::Seats => &[
                    "DELETE FROM seat_spans WHERE num = (SELECT num FROM seats WHERE key = ?1)",
                    "DELETE FROM seats WHERE key = ?1",
                ],
                Table::Entities => &[
                    "DELETE FROM entity_names WHERE entity = ?1",
                    "DELETE FROM entities WHERE key = ?1",
                ],
                Table::Posts => &["DELETE FROM posts WHERE key = ?1"],
                Table::Memberships => &["DELETE FROM memberships WHERE key = ?1"],
                Table::Alignments => &["DELETE FROM alignments WHERE key = ?1"],
                Table::Counts => &["DELETE FROM counts WHERE key = ?1"],
                Table::Orgs => &["DELETE FROM orgs WHERE key = ?1"],
                Table::Names => &["DELETE FROM names WHERE key = ?1"],
                Table::Links => &["DELETE FROM links WHERE key = ?1"],
                Table::Figures => &["DELETE FROM figures WHERE key = ?1"],
                Table::Records => &["DELETE FROM records WHERE key = ?1"],
            };
            if *table == Table::Entities {
                stored_entities.remove(key);
            }
            if *table == Table::Alignments
                && let Some(person) = alignment_person.remove(key)
            {
                if let Some(rows) = person_alignments.get_mut(&person) {
                    rows.retain(|(_, k), _| k != key);
                }
                realigned.insert(person);
            }
            raw.deletes.push((statements, key.clone()));
        }
        let rows = &batch.diff.upsert;
        for a in &rows.alignments {
            let person = a.person.to_string();
            let held = person_alignments.entry(person.clone()).or_default();
            held.retain(|(_, k), _| *k != a.key);
            held.insert((a.span.lo().to_key(), a.key.clone()), a.clone());
            alignment_person.insert(a.key.clone(), person.clone());
            realigned.insert(person);
        }
        let held_json = |person: &str| -> Value {
            let rows: Vec<&AlignmentRow> = person_alignments
                .get(person)
                .map(|m| m.values().collect())
                .unwrap_or_default();
            Value::Text(serde_json::to_string(&rows).expect("alignments serialize"))
        };
        for e in batch
            .diff
            .upsert_entities
            .iter()
            .filter(|e| e.kind == EntityKind::Person)
        {
            let previous = person_names.insert(e.id.clone(), e.name.clone());
            if previous.is_some_and(|p| p != e.name) {
                raw.rows.push(RawRow {
                    sql: SEAT_NAMES_SQL,
                    values: vec![text(&e.id), text(&e.name)],
                });
            }
        }
        for r in &rows.seats {
            let organ = r.organ.to_string();
            let next = organ_nums.len() as i64 + 1;
            let num = *organ_nums.entry(organ.clone()).or_insert_with(|| {
                raw.organs.push((next, organ.clone()));
                next
            });
            let mut values = vec![
                Value::Text(r.key()),
                text(&r.organ),
                text(&r.person),
                word(&r.role),
            ];
            values.extend(span_columns(&r.span));
            values.extend([
                text(&r.start_event),
                optional(r.end_event.as_ref()),
                r.end_cause.as_ref().map_or(Value::Null, word),
                optional(person_names.get(r.person.as_str())),
                held_json(r.person.as_str()),
            ]);
            let row = RawRow {
                sql: SEATS_SQL,
                values,
            };
            raw.seats.push((
                row,
                num,
                i64::from(r.span.lo().to_key()),
                i64::from(r.span.hi().to_key()),
            ));
        }
        for person in &realigned {
            raw.rows.push(RawRow {
                sql: SEAT_ALIGNMENTS_SQL,
                values: vec![text(person), held_json(person)],
            });
        }
        for r in &rows.posts {
            let [lo, hi] = span_values(&r.span);
            raw.rows.push(raw_row(
                posts,
                r.key(),
                json(r),
                vec![text(&r.post), text(&r.person), lo, hi],
            ));
        }
        for r in &rows.memberships {
            let [lo, hi] = span_values(&r.span);
            raw.rows.push(raw_row(
                memberships,
                r.key(),
                json(r),
                vec![text(&r.org), text(&r.person), lo, hi],
            ));
        }
        for r in &rows.alignments {
            let mut values = vec![
                Value::Text(r.key()),
                text(&r.faction),
                text(&r.person),
                Value::Integer(i64::from(r.leader)),
            ];
            values.extend(span_columns(&r.span));
            values.extend([text(&r.start_event), optional(r.end_event.as_ref())]);
            raw.rows.push(RawRow {
                sql: ALIGNMENTS_SQL,
                values,
            });
        }
        for r in &rows.counts {
            let [lo, hi] = span_values(&r.span);
            raw.rows.push(raw_row(
                counts,
                r.key(),
                json(r),
                vec![text(&r.organ), lo, hi],
            ));
        }
        for r in &rows.orgs {
            raw.rows.push(raw_row(orgs, r.key(), json(r), Vec::new()));
        }
        for r in &rows.names {
            raw.rows.push(raw_row(names, r.key(), json(r), Vec::new()));
        }
        for r in &rows.links {
            raw.rows.push(raw_row(links, r.key(), json(r), Vec::new()));
        }
        for r in &rows.figures {
            raw.rows
                .push(raw_row(figures, r.key(), json(r), Vec::new()));
        }
        for r in &rows.records {
            raw.rows
                .push(raw_row(records, r.key(), json(r), vec![text(&r.person)]));
        }
        for e in &batch.diff.upsert_entities {
            let key = e.key();
            raw.rows.push(raw_row(
                entities,
                key.clone(),
                json(e),
                vec![text(e.kind.as_str()), text(&e.name)],
            ));
            if !stored_entities.insert(key.clone()) {
                raw.renamed.push(key.clone());
            }
            for form in name_forms(e) {
                raw.names.push((e.kind.as_str(), form, key.clone()));
            }
        }
        raw.head_seq = head.seq.0.to_string();
        raw.head_hash = head.hash.to_hex();
        out.push(raw);
    }
    out
}

/// Writes precomputed rows with plain prepared statements, one transaction per batch,
/// with the same durability settings as the store.
pub(crate) fn raw_append(
    connection: &mut Connection,
    batches: &[RawBatch],
) -> rusqlite::Result<()> {
    for batch in batches {
        let tx = connection.transaction_with_behavior(TransactionBehavior::Immediate)?;
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO entries(seq, recorded_at, payload, chain) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for (seq, payload, hash) in &batch.entries {
                insert.execute(params![seq, NOW, payload, hash])?;
            }
            for (statements, key) in &batch.deletes {
                for sql in *statements {
                    tx.prepare_cached(sql)?.execute([key])?;
                }
            }
            let mut organ = tx.prepare_cached("INSERT INTO organs(num, ref) VALUES (?1, ?2)")?;
            for (num, name) in &batch.organs {
                organ.execute(params![num, name])?;
            }
            let mut span = tx.prepare_cached(
                "INSERT OR REPLACE INTO seat_spans(num, organ_lo, organ_hi, lo, hi) VALUES (?1, ?2, ?2, ?3, ?4)",
            )?;
            for (row, organ, lo, hi) in &batch.seats {
                let num: i64 = tx
                    .prepare_cached(row.sql)?
                    .query_row(rusqlite::params_from_iter(&row.values), |r| r.get(0))?;
                span.execute(params![num, organ, lo, hi])?;
            }
            for row in &batch.rows {
                tx.prepare_cached(row.sql)?
                    .execute(rusqlite::params_from_iter(&row.values))?;
            }
            let mut clear = tx.prepare_cached("DELETE FROM entity_names WHERE entity = ?1")?;
            for key in &batch.renamed {
                clear.execute([key])?;
            }
            let mut name = tx.prepare_cached(
                "INSERT OR IGNORE INTO entity_names(kind, form, entity) VALUES (?1, ?2, ?3)",
            )?;
            for (kind, form, entity) in &batch.names {
                name.execute(params![kind, form, entity])?;
            }
            let mut meta = tx.prepare_cached("UPDATE meta SET value = ?2 WHERE key = ?1")?;
            meta.execute(params!["head_seq", batch.head_seq])?;
            meta.execute(params!["head_hash", batch.head_hash])?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// A new, empty ledger file (the store's own schema and settings).
pub(crate) fn empty_ledger(path: &Path) -> SqliteStore {
    let _ = std::fs::remove_file(path);
    for sidecar in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(sidecar);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    SqliteStore::create(path, |_| Ok::<(), plenum_store::Error>(())).expect("create a ledger")
}

/// A raw connection to a new, empty ledger file, configured as the store configures its own.
pub(crate) fn empty_raw(path: &Path) -> Connection {
    drop(empty_ledger(path));
    let connection = Connection::open(path).expect("open");
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .expect("wal");
    connection
        .pragma_update(None, "synchronous", "FULL")
        .expect("synchronous");
    connection
}

/// Every row of every table (the R*Tree through its virtual table), sorted: two ledger
/// files with equal dumps hold the same rows.
pub(crate) fn dump(path: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
    let connection = Connection::open(path).expect("open");
    let mut tables: Vec<String> = connection
        .prepare(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name NOT LIKE 'seat_spans_%' ORDER BY name",
        )
        .expect("tables")
        .query_map([], |r| r.get(0))
        .expect("tables")
        .collect::<Result<_, _>>()
        .expect("tables");
    tables.sort();
    tables
        .into_iter()
        .map(|table| {
            let mut statement = connection
                .prepare(&format!("SELECT * FROM {table}"))
                .expect("select");
            let width = statement.column_count();
            let mut rows: Vec<Vec<Value>> = statement
                .query_map([], |r| (0..width).map(|i| r.get::<_, Value>(i)).collect())
                .expect("rows")
                .collect::<Result<_, _>>()
                .expect("rows");
            rows.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            (table, rows)
        })
        .collect()
}
