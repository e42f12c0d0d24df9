//! Ledger benchmarks (issue 2): appends against raw SQLite inserts of the same rows,
//! `at` latency on a 1,000-seat organ over a 1,000,000-member history, and `verify`
//! throughput beside the physical limits of reading and hashing the same bytes.
//!
//! `cargo bench -p plenum-store --bench ledger` runs everything at full size;
//! `-- --only append` (or `at`, `verify`) picks one part, and `--members`, `--seats`,
//! `--queries`, `--runs`, `--append-members` change the sizes. Without `--bench`
//! (as under `cargo test`) it makes a tiny smoke run that also checks that the raw
//! baseline writes exactly the rows the store writes.
//!
//! Every measurement is repeated (`--runs`, 3 by default) and the median is printed,
//! with the spread. The large history is built once and kept in
//! `target/bench-data/` (or `$PLENUM_BENCH_DATA`), keyed by its parameters.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::{Event, codec};
use plenum_model::id::OrganRef;
use plenum_model::id::Seq;
use plenum_model::query::at::at;
use plenum_model::query::compose::compose;
use plenum_model::query::{Facts, OrganRows, name_forms};
use plenum_model::state::State;
use plenum_model::state::diff::{Keyed, RowsDiff, Table};
use plenum_model::state::registry::{Entity, EntityKind};
use plenum_model::state::rows::{AlignmentRow, Span};
use plenum_model::synthetic::{self, Rng};
use plenum_store::sqlite::SqliteStore;
use plenum_store::sqlite::rusqlite::types::Value;
use plenum_store::sqlite::rusqlite::{self, Connection, TransactionBehavior, params};
use plenum_store::{Batch, Head, Ledger, Store, chain, verify};

/// The timestamp every benchmark entry is recorded with.
const NOW: &str = "2026-11-27T00:00:00Z";

/// Bumped whenever the cached history would no longer match what this code builds.
const DATA_VERSION: u32 = 4;

/// Sizes and switches, from the command line.
#[derive(Clone, Debug)]
struct Config {
    /// `--bench` was given: full sizes and the data cache.
    full: bool,
    /// Which parts to run.
    only: Vec<String>,
    /// Members of the history `at` and `verify` run on.
    members: usize,
    /// Seats of its council.
    seats: usize,
    /// `at` queries per run.
    queries: usize,
    /// Repetitions of every measurement.
    runs: usize,
    /// Members of the history the append benchmark records.
    append_members: usize,
    /// Seats of that history's council.
    append_seats: usize,
    /// The generator seed.
    seed: u64,
    /// Use a cached history without checking it against the generator (for profiling).
    trust_cache: bool,
}

impl Config {
    fn from_args() -> Config {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let full = args.iter().any(|a| a == "--bench");
        let mut config = if full {
            Config {
                full,
                only: Vec::new(),
                members: 1_000_000,
                seats: 1_000,
                queries: 2_000,
                runs: 3,
                append_members: 20_000,
                append_seats: 500,
                seed: 1,
                trust_cache: false,
            }
        } else {
            Config {
                full,
                only: Vec::new(),
                members: 1_000,
                seats: 50,
                queries: 20,
                runs: 1,
                append_members: 500,
                append_seats: 20,
                seed: 1,
                trust_cache: false,
            }
        };
        let mut i = 0;
        while i < args.len() {
            let value = args.get(i + 1).cloned().unwrap_or_default();
            let number = || -> usize {
                value
                    .replace('_', "")
                    .parse()
                    .unwrap_or_else(|_| panic!("{} wants a number, got `{value}`", args[i]))
            };
            match args[i].as_str() {
                "--only" => config.only = value.split(',').map(str::to_owned).collect(),
                "--members" => config.members = number(),
                "--seats" => config.seats = number(),
                "--queries" => config.queries = number(),
                "--runs" => config.runs = number().max(1),
                "--append-members" => config.append_members = number(),
                "--append-seats" => config.append_seats = number(),
                "--seed" => config.seed = number() as u64,
                "--trust-cache" => {
                    config.trust_cache = true;
                    i += 1;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
            i += 2;
        }
        config
    }

    fn wants(&self, part: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| p == part)
    }
}

fn main() {
    let config = Config::from_args();
    let data = data_dir(&config);
    std::fs::create_dir_all(&data).expect("create the bench data directory");
    println!("# plenum ledger benchmarks");
    println!(
        "mode: {}; runs per measurement: {}; data: {}",
        if config.full { "bench" } else { "smoke" },
        config.runs,
        data.display()
    );
    if config.wants("append") {
        bench_append(&config, &data);
    }
    if config.wants("at") || config.wants("verify") || config.wants("record") {
        let path = history_file(&config, &data);
        if config.wants("at") {
            bench_at(&config, &path);
        }
        if config.wants("verify") {
            bench_verify(&config, &path);
        }
        if config.wants("record") {
            bench_record_large(&config, &path, &data);
        }
    }
    if !config.full {
        let _ = std::fs::remove_dir_all(&data);
    }
}

/// Where the cached history and scratch files go.
fn data_dir(config: &Config) -> PathBuf {
    if !config.full {
        return std::env::temp_dir().join(format!("plenum-bench-smoke-{}", std::process::id()));
    }
    std::env::var_os("PLENUM_BENCH_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data"),
        PathBuf::from,
    )
}

// ---------------------------------------------------------------------------
// Statistics

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The `q` quantile (nearest rank) of sorted values.
fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn spread(values: &[f64]) -> String {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.0}–{hi:.0}")
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

// ---------------------------------------------------------------------------
// Appends

/// One batch as `Ledger::record` would append it: the events and the row diff.
struct Prepared {
    events: Vec<Event>,
    diff: RowsDiff,
}

/// Computes each batch's diff exactly as `Ledger::record` does.
fn prepare(batches: Vec<Vec<Event>>) -> Vec<Prepared> {
    let mut state = State::default();
    let mut out = Vec::with_capacity(batches.len());
    for events in batches {
        let rows_before = state.rows().clone();
        let entities_before: Vec<Entity> = state.registry().entities().cloned().collect();
        state = state
            .append(events.clone())
            .expect("synthetic events are valid");
        let entities_after: Vec<Entity> = state.registry().entities().cloned().collect();
        let diff = RowsDiff::between(
            &rows_before,
            state.rows(),
            &entities_before,
            &entities_after,
        );
        out.push(Prepared { events, diff });
    }
    out
}

/// A projection row as the baseline inserts it: the SQL and its values, all computed beforehand.
struct RawRow {
    sql: &'static str,
    values: Vec<Value>,
}

/// A batch of precomputed rows for the raw baseline: no encoding, hashing or
/// serialization is left to do when it is timed.
#[derive(Default)]
struct RawBatch {
    entries: Vec<(i64, Vec<u8>, Vec<u8>)>,
    deletes: Vec<(&'static [&'static str], String)>,
    organs: Vec<(i64, String)>,
    /// Seat rows: their upsert (returning `num`), then the span with the organ's number.
    seats: Vec<(RawRow, i64, i64, i64)>,
    rows: Vec<RawRow>,
    /// Entities that were already stored: their name forms are cleared first.
    renamed: Vec<String>,
    names: Vec<(&'static str, String, String)>,
    head_seq: String,
    head_hash: String,
}

const SEATS_SQL: &str = "INSERT INTO seats(key, organ, person, role, start, end, lo, hi, start_event, end_event, end_cause, name, alignments) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13) \
     ON CONFLICT(key) DO UPDATE SET organ = excluded.organ, person = excluded.person, role = excluded.role, \
     start = excluded.start, end = excluded.end, lo = excluded.lo, hi = excluded.hi, start_event = excluded.start_event, \
     end_event = excluded.end_event, end_cause = excluded.end_cause, name = excluded.name, alignments = excluded.alignments \
     RETURNING num";

/// A person's alignments, onto the seats that keep them.
const SEAT_ALIGNMENTS_SQL: &str =
    "UPDATE seats SET alignments = ?2 WHERE person = ?1 AND alignments IS NOT ?2";

/// A person's new name, onto the seats that show it.
const SEAT_NAMES_SQL: &str = "UPDATE seats SET name = ?2 WHERE person = ?1 AND name IS NOT ?2";

const ALIGNMENTS_SQL: &str = "INSERT INTO alignments(key, faction, person, leader, start, end, lo, hi, start_event, end_event) \
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) \
     ON CONFLICT(key) DO UPDATE SET faction = excluded.faction, person = excluded.person, leader = excluded.leader, \
     start = excluded.start, end = excluded.end, lo = excluded.lo, hi = excluded.hi, start_event = excluded.start_event, \
     end_event = excluded.end_event";

/// A serde enum's name (`full`, `term-ended`), as the store keeps it.
fn word<T: serde::Serialize>(value: &T) -> Value {
    match serde_json::to_value(value).expect("enums serialize") {
        serde_json::Value::String(s) => Value::Text(s),
        other => Value::Text(other.to_string()),
    }
}

fn optional(value: Option<impl ToString>) -> Value {
    value.map_or(Value::Null, |v| Value::Text(v.to_string()))
}

/// A seat or alignment's span columns: start, end, lo, hi.
fn span_columns(span: &Span) -> [Value; 4] {
    let [lo, hi] = span_values(span);
    [text(&span.start), optional(span.end.as_ref()), lo, hi]
}

fn json<T: serde::Serialize>(row: &T) -> Value {
    Value::Text(serde_json::to_string(row).expect("rows serialize"))
}

fn text(s: impl ToString) -> Value {
    Value::Text(s.to_string())
}

fn span_values(span: &Span) -> [Value; 2] {
    [
        Value::Integer(i64::from(span.lo().to_key())),
        Value::Integer(i64::from(span.hi().to_key())),
    ]
}

fn upsert_sql(table: &str, columns: &[&str]) -> &'static str {
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

fn raw_row(sql: &'static str, key: String, data: Value, columns: Vec<Value>) -> RawRow {
    let mut values = vec![Value::Text(key), data];
    values.extend(columns);
    RawRow { sql, values }
}

/// Precomputes, for every batch, the exact rows the store writes.
fn raw_batches(prepared: &[Prepared]) -> Vec<RawBatch> {
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
fn raw_append(connection: &mut Connection, batches: &[RawBatch]) -> rusqlite::Result<()> {
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
fn empty_ledger(path: &Path) -> SqliteStore {
    let _ = std::fs::remove_file(path);
    for sidecar in ["-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(sidecar);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    SqliteStore::create(path, |_| Ok::<(), plenum_store::Error>(())).expect("create a ledger")
}

/// A raw connection to a new, empty ledger file, configured as the store configures its own.
fn empty_raw(path: &Path) -> Connection {
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
fn dump(path: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
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

/// Splits events into batches of `size`.
fn batches_of(events: &[Event], size: usize) -> Vec<Vec<Event>> {
    events.chunks(size.max(1)).map(<[Event]>::to_vec).collect()
}

/// Appends: `Store::append` and `Ledger::record` against raw inserts of the same rows.
fn bench_append(config: &Config, data: &Path) {
    let events = synthetic::organization(config.append_members, config.append_seats, config.seed);
    println!();
    println!(
        "## append: synthetic::organization({}, {}, {}) = {} events",
        config.append_members,
        config.append_seats,
        config.seed,
        events.len()
    );
    let scratch = data.join("scratch");
    std::fs::create_dir_all(&scratch).expect("scratch directory");
    // Small batches are bound by the commit's fsync; large ones by the work per row.
    let workloads: Vec<(usize, usize)> = if config.full {
        vec![(1, 1_000), (100, events.len()), (10_000, events.len())]
    } else {
        vec![(1, 20), (100, events.len())]
    };
    println!(
        "| batch size | events | batches | rows written | Store::append ev/s | raw inserts ev/s | ratio | Ledger::record ev/s |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (size, count) in workloads {
        let count = count.min(events.len());
        let started = Instant::now();
        let prepared = prepare(batches_of(&events[..count], size));
        let raw = raw_batches(&prepared);
        let rows: usize = raw
            .iter()
            .map(|b| {
                b.entries.len() + b.seats.len() * 2 + b.rows.len() + b.names.len() + b.organs.len()
            })
            .sum();
        eprintln!(
            "  [batch {size}] prepared {} batches in {:.1}s",
            prepared.len(),
            started.elapsed().as_secs_f64()
        );
        let store_path = scratch.join("store.db");
        let raw_path = scratch.join("raw.db");
        let ledger_path = scratch.join("ledger.db");
        let mut store_rates = Vec::new();
        let mut raw_rates = Vec::new();
        let mut ratios = Vec::new();
        let mut ledger_rates = Vec::new();
        for run in 0..config.runs {
            // Store, then raw, then the whole write path; each into a fresh file.
            let mut store = empty_ledger(&store_path);
            let t = Instant::now();
            let mut head = Head::EMPTY;
            for batch in &prepared {
                head = store
                    .append(
                        head,
                        Batch {
                            events: &batch.events,
                            recorded_at: NOW,
                            diff: &batch.diff,
                        },
                    )
                    .expect("append");
            }
            let store_time = t.elapsed();
            drop(store);

            let mut connection = empty_raw(&raw_path);
            let t = Instant::now();
            raw_append(&mut connection, &raw).expect("raw append");
            let raw_time = t.elapsed();
            drop(connection);

            let mut inputs: Vec<Vec<Event>> = prepared.iter().map(|b| b.events.clone()).collect();
            let mut ledger = Ledger::open(empty_ledger(&ledger_path)).expect("open");
            let t = Instant::now();
            for events in inputs.drain(..) {
                ledger.record(events, NOW).expect("record");
            }
            let ledger_time = t.elapsed();
            drop(ledger);

            if run == 0 {
                // The baseline must have written exactly the store's rows.
                assert!(
                    dump(&store_path) == dump(&raw_path),
                    "the raw baseline wrote other rows than the store"
                );
                assert!(
                    dump(&store_path) == dump(&ledger_path),
                    "Ledger::record wrote other rows than Store::append"
                );
            }
            let rate = |d: Duration| count as f64 / d.as_secs_f64();
            store_rates.push(rate(store_time));
            raw_rates.push(rate(raw_time));
            ratios.push(raw_time.as_secs_f64() / store_time.as_secs_f64());
            ledger_rates.push(rate(ledger_time));
            eprintln!(
                "  [batch {size}] run {}: store {:.0} ev/s, raw {:.0} ev/s, ratio {:.2}, ledger {:.0} ev/s",
                run + 1,
                rate(store_time),
                rate(raw_time),
                raw_time.as_secs_f64() / store_time.as_secs_f64(),
                rate(ledger_time)
            );
        }
        println!(
            "| {size} | {count} | {} | {rows} | {:.0} ({}) | {:.0} ({}) | {:.0}% | {:.0} ({}) |",
            prepared.len(),
            median(store_rates.clone()),
            spread(&store_rates),
            median(raw_rates.clone()),
            spread(&raw_rates),
            100.0 * median(ratios),
            median(ledger_rates.clone()),
            spread(&ledger_rates),
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}

// ---------------------------------------------------------------------------
// The large history

/// The ledger file of `synthetic::organization(members, seats, seed)`, built once and cached.
fn history_file(config: &Config, data: &Path) -> PathBuf {
    let path = data.join(format!(
        "org-m{}-s{}-seed{}-v{DATA_VERSION}.db",
        config.members, config.seats, config.seed
    ));
    if config.trust_cache && path.exists() {
        println!();
        println!("history: {} (cached, not checked)", path.display());
        return path;
    }
    let started = Instant::now();
    let events = synthetic::organization(config.members, config.seats, config.seed);
    eprintln!(
        "generated {} events in {:.1}s",
        events.len(),
        started.elapsed().as_secs_f64()
    );
    // The cached file must hold exactly these events: compare heads.
    let mut expected = Head::EMPTY;
    for event in &events {
        let seq = Seq(expected.seq.0 + 1);
        let hash = chain::next(expected.hash, seq, NOW, &codec::to_canonical_bytes(event));
        expected = Head { seq, hash };
    }
    if path.exists() {
        match SqliteStore::open(&path).and_then(|s| s.head()) {
            Ok(head) if head == expected => {
                println!();
                println!(
                    "history: {} (cached, {} entries)",
                    path.display(),
                    head.seq.0
                );
                return path;
            }
            other => eprintln!("cached {} is stale ({other:?}); rebuilding", path.display()),
        }
        let _ = std::fs::remove_file(&path);
    }
    let building = path.with_extension("building");
    let _ = std::fs::remove_file(&building);
    let started = Instant::now();
    let mut ledger = Ledger::open(empty_ledger(&building)).expect("open");
    // About a year of the history per batch, as an archivist might record it.
    let chunk = (events.len() / if config.full { 100 } else { 10 }).max(1);
    let total = events.len();
    for (i, batch) in events.chunks(chunk).enumerate() {
        ledger.record(batch.to_vec(), NOW).expect("record");
        let done = ((i + 1) * chunk).min(total);
        if config.full && (i % 10 == 9 || done == total) {
            eprintln!(
                "building {}: {done}/{total} events ({:.0}s)",
                path.display(),
                started.elapsed().as_secs_f64()
            );
        }
    }
    assert_eq!(
        ledger.head(),
        expected,
        "the built ledger has the expected head"
    );
    drop(ledger);
    {
        let connection = Connection::open(&building).expect("open");
        connection
            .pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .expect("checkpoint");
    }
    std::fs::rename(&building, &path).expect("rename the built ledger");
    for sidecar in ["-wal", "-shm"] {
        let mut p = building.as_os_str().to_owned();
        p.push(sidecar);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    println!();
    println!(
        "history: {} (built in {:.0}s, {} entries)",
        path.display(),
        started.elapsed().as_secs_f64(),
        total
    );
    path
}

// ---------------------------------------------------------------------------
// at

/// Every day from `first` to `last`.
fn days(first: Day, last: Day) -> Vec<Day> {
    let mut out = vec![first];
    while let Some(&day) = out.last().filter(|d| **d < last) {
        out.push(day.succ());
    }
    out
}

/// `at` on the council at random days across the history.
fn bench_at(config: &Config, path: &Path) {
    let store = SqliteStore::open(path).expect("open the history");
    let days = days(
        Day::new(1901, 1, 1).expect("day"),
        Day::new(2000, 12, 31).expect("day"),
    );
    println!();
    println!(
        "## at: `at(store, DAY, \"council\", None)` at {} random days 1901–2000, {} runs",
        config.queries, config.runs
    );
    // Warm the page cache and the statement cache.
    let mut rng = Rng::new(config.seed ^ 0xA7);
    for _ in 0..config.queries.min(200) {
        let date = FuzzyDate::day(days[rng.below(days.len())]);
        at(&store, &date, "council", None).expect("at");
    }
    let mut p50s = Vec::new();
    let mut p99s = Vec::new();
    let mut maxes = Vec::new();
    let mut seats = Vec::new();
    for run in 0..config.runs {
        let mut rng = Rng::new(config.seed.wrapping_add(run as u64) ^ 0xA7);
        let mut times = Vec::with_capacity(config.queries);
        let mut total_seats = 0u64;
        for _ in 0..config.queries {
            let date = FuzzyDate::day(days[rng.below(days.len())]);
            let t = Instant::now();
            let report = at(&store, &date, "council", None).expect("at");
            times.push(t.elapsed());
            total_seats += u64::from(report.total);
        }
        times.sort();
        let (p50, p99, max) = (
            ms(quantile(&times, 0.50)),
            ms(quantile(&times, 0.99)),
            ms(quantile(&times, 1.0)),
        );
        eprintln!(
            "  run {}: p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms",
            run + 1
        );
        p50s.push(p50);
        p99s.push(p99);
        maxes.push(max);
        seats.push(total_seats as f64 / config.queries as f64);
    }
    println!(
        "mean seats per answer: {:.0}; p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (medians of {} runs; p99 across runs {:.2}–{:.2} ms)",
        median(seats),
        median(p50s),
        median(p99s.clone()),
        median(maxes),
        config.runs,
        p99s.iter().copied().fold(f64::INFINITY, f64::min),
        p99s.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    at_breakdown(config, &store, &days);
}

/// Where an `at` spends its time: each read it makes, timed alone, on the same days.
fn at_breakdown(config: &Config, store: &SqliteStore, days: &[Day]) {
    let organ: OrganRef = "org/council".parse().expect("organ");
    let mut phases: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut rng = Rng::new(config.seed ^ 0xA7);
    for _ in 0..config.queries.min(500) {
        let day = days[rng.below(days.len())];
        let mut time = |phase, f: &mut dyn FnMut()| {
            let t = Instant::now();
            f();
            phases.entry(phase).or_default().push(ms(t.elapsed()));
        };
        let mut rows = OrganRows::default();
        time("1 entities_named (organ, post, faction)", &mut || {
            for kind in [EntityKind::Organ, EntityKind::Post, EntityKind::Faction] {
                store.entities_named(kind, "council").expect("read");
            }
        });
        time(
            "2 organ_on (seats with names and alignments, counts, faction names)",
            &mut || {
                rows = store.organ_on(&organ, day, day).expect("read");
            },
        );
        time("3 compose", &mut || {
            std::hint::black_box(compose(
                day,
                day,
                &rows.seats,
                &rows.counts,
                &rows.alignments,
            ));
        });
        time("4 lineage_rows (the organization's name)", &mut || {
            store.lineage_rows().expect("read");
        });
        let date = FuzzyDate::day(day);
        time("5 at, in all", &mut || {
            at(store, &date, "council", None).expect("at");
        });
    }
    println!("where the time goes (each read timed alone; medians over the same days, ms):");
    println!(
        "{}",
        phases
            .iter()
            .map(|(phase, times)| format!("{}: {:.2}", &phase[2..], median(times.clone())))
            .collect::<Vec<_>>()
            .join("; ")
    );
}

// ---------------------------------------------------------------------------
// Recording into the large ledger, as `plenum record` does

/// `size` new members (registered and admitted), after the history's end.
fn new_members(size: usize) -> Vec<Event> {
    (0..size)
        .flat_map(|i| {
            [
                format!(
                    r#"{{"date":"2001-01-02","id":"bench-r{i}","kind":"person_registered","name":"New {i}","person":"new{i}"}}"#
                ),
                format!(
                    r#"{{"date":"2001-01-02","id":"bench-a{i}","kind":"member_admitted","org":"org","person":"new{i}","status":"full"}}"#
                ),
            ]
        })
        .map(|json| codec::from_bytes(json.as_bytes()).expect("a valid event"))
        .collect()
}

/// `Ledger::open` (the replay every `plenum record` starts with) and one
/// `Ledger::record` of 100 events, on a copy of the large history.
fn bench_record_large(config: &Config, path: &Path, data: &Path) {
    println!();
    println!(
        "## record: `Ledger::open` and one `Ledger::record` of 100 events on a copy of the history"
    );
    let copy = data.join("scratch-record.db");
    let mut opens = Vec::new();
    let mut records = Vec::new();
    for run in 0..config.runs {
        std::fs::copy(path, &copy).expect("copy the history");
        let t = Instant::now();
        let mut ledger = Ledger::open(SqliteStore::open(&copy).expect("open")).expect("replay");
        let open = t.elapsed();
        let t = Instant::now();
        ledger.record(new_members(50), NOW).expect("record");
        let record = t.elapsed();
        eprintln!(
            "  run {}: open (replay) {:.1} s, record {:.1} s",
            run + 1,
            open.as_secs_f64(),
            record.as_secs_f64()
        );
        opens.push(open.as_secs_f64());
        records.push(record.as_secs_f64());
    }
    let _ = std::fs::remove_file(&copy);
    for sidecar in ["-wal", "-shm"] {
        let mut p = copy.as_os_str().to_owned();
        p.push(sidecar);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    println!(
        "open (replay of every entry): {:.1} s; record of 100 events: {:.1} s (medians of {} runs)",
        median(opens),
        median(records),
        config.runs
    );
}

// ---------------------------------------------------------------------------
// verify

fn mb_per_s(bytes: u64, d: Duration) -> f64 {
    bytes as f64 / 1e6 / d.as_secs_f64()
}

/// `verify` on the history, beside reading the same bytes and hashing them in memory.
fn bench_verify(config: &Config, path: &Path) {
    let store = SqliteStore::open(path).expect("open the history");
    println!();
    println!("## verify: {}", path.display());
    let mut verify_rates = Vec::new();
    let mut read_rates = Vec::new();
    let mut chain_rates = Vec::new();
    let mut bulk_rates = Vec::new();
    let mut bytes = 0;
    let mut entries = 0;
    for run in 0..config.runs {
        // verify: read, re-hash, decode every entry.
        let t = Instant::now();
        let verified = verify(&store, &mut |_, _| {}).expect("the history verifies");
        let verify_time = t.elapsed();
        bytes = verified.bytes;
        entries = verified.entries;

        // The same bytes read from the same table with a plain query, not hashed.
        let connection = Connection::open(path).expect("open");
        let t = Instant::now();
        let mut statement = connection
            .prepare("SELECT seq, recorded_at, payload, chain FROM entries ORDER BY seq")
            .expect("select");
        let mut rows = statement.query([]).expect("query");
        let mut read_bytes = 0u64;
        let mut stored: Vec<(String, Vec<u8>)> = Vec::with_capacity(entries as usize);
        while let Some(row) = rows.next().expect("row") {
            let recorded_at = row.get_ref(1).expect("text").as_bytes().expect("text");
            let payload = row.get_ref(2).expect("blob").as_bytes().expect("blob");
            read_bytes += (recorded_at.len() + payload.len()) as u64;
            if run == 0 {
                stored.push((
                    String::from_utf8_lossy(recorded_at).into_owned(),
                    payload.to_vec(),
                ));
            }
        }
        let read_time = t.elapsed();
        drop(rows);
        drop(statement);
        assert_eq!(read_bytes, bytes);
        if run == 0 {
            // In memory: the chain hash of every entry, and BLAKE3 of all the bytes at once.
            let mut chain_times = Vec::new();
            let mut bulk_times = Vec::new();
            let mut all = Vec::with_capacity(bytes as usize);
            for (recorded_at, payload) in &stored {
                all.extend_from_slice(recorded_at.as_bytes());
                all.extend_from_slice(payload);
            }
            for _ in 0..config.runs {
                let t = Instant::now();
                let mut head = Head::EMPTY;
                for (recorded_at, payload) in &stored {
                    let seq = Seq(head.seq.0 + 1);
                    head = Head {
                        seq,
                        hash: chain::next(head.hash, seq, recorded_at, payload),
                    };
                }
                chain_times.push(t.elapsed());
                assert_eq!(head, verified.head);
                let t = Instant::now();
                std::hint::black_box(blake3::hash(std::hint::black_box(&all)));
                bulk_times.push(t.elapsed());
            }
            chain_rates = chain_times.iter().map(|d| mb_per_s(bytes, *d)).collect();
            bulk_rates = bulk_times.iter().map(|d| mb_per_s(bytes, *d)).collect();
        }
        eprintln!(
            "  run {}: verify {:.1} MB/s, read only {:.1} MB/s",
            run + 1,
            mb_per_s(bytes, verify_time),
            mb_per_s(bytes, read_time)
        );
        verify_rates.push(mb_per_s(bytes, verify_time));
        read_rates.push(mb_per_s(bytes, read_time));
    }
    let v = median(verify_rates.clone());
    let r = median(read_rates.clone());
    let c = median(chain_rates.clone());
    let b = median(bulk_rates.clone());
    // Reading and hashing one after the other: the best a single thread can do.
    let limit = 1.0 / (1.0 / r + 1.0 / c);
    println!(
        "{entries} entries, {:.1} MB hashed (timestamps and payloads), medians of {} runs:",
        bytes as f64 / 1e6,
        config.runs
    );
    println!("| measurement | MB/s | entries/s |");
    println!("|---|---:|---:|");
    let per = |mb: f64| mb * 1e6 / bytes as f64 * entries as f64;
    println!(
        "| `verify` (read, re-hash, decode) | {v:.1} ({}) | {:.0} |",
        spread(&verify_rates),
        per(v)
    );
    println!(
        "| read the entries table, no hashing | {r:.1} ({}) | {:.0} |",
        spread(&read_rates),
        per(r)
    );
    println!(
        "| chain hashes in memory (`chain::next` per entry) | {c:.1} ({}) | {:.0} |",
        spread(&chain_rates),
        per(c)
    );
    println!(
        "| BLAKE3 of all the bytes as one buffer | {b:.1} ({}) | — |",
        spread(&bulk_rates)
    );
    println!(
        "| read + chain hash, one after the other (limit) | {limit:.1} | {:.0} |",
        per(limit)
    );
    println!(
        "verify / read-only: {:.0}%; verify / (read + chain hash): {:.0}%",
        100.0 * v / r,
        100.0 * v / limit
    );
}
