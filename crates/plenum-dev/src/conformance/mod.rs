//! The conformance suite every store runs, in the manner of ripgrep's `rgtest!`:
//! `store_conformance!(sqlite, || make_store())` expands to one test per property.
//!
//! The reference is the model's own replay ([`plenum_model::ledger::replay`]): a
//! store must hold exactly the rows that recording every event in one batch
//! into empty in-memory tables gives, however the events were batched, in
//! date order or back-dated, and answer every query alike.

use plenum_model::date::{Day, FuzzyDate};
use plenum_model::event::{Event, Ref};
use plenum_model::history::{Backing, Lookup};
use plenum_model::id::Seq;
use plenum_model::ledger::{RecordError, Tables, replay};
use plenum_model::query::{Facts, at::at, check::check, lineage::lineage, person::person};
use plenum_model::rows::{AnyRow, By, Entity, EntityKind, Table, Value, ValueRef};
use plenum_store::{Error, Head, Store, WriteError, record, verify};

use crate::synthetic::{self, Rng};

mod concurrent;
mod reversed;
pub use concurrent::*;
pub use reversed::Reversed;

/// When every test entry says it was recorded.
pub const NOW: &str = "2026-11-27T00:00:00Z";

/// Splits events into batches at pseudo-random points (from `seed`).
pub fn batches(events: Vec<Event>, seed: u64) -> Vec<Vec<Event>> {
    let mut rng = Rng::new(seed ^ 0xB47C);
    let mut out = vec![Vec::new()];
    for event in events {
        if rng.chance(15) && out.last().is_some_and(|b| !b.is_empty()) {
            out.push(Vec::new());
        }
        if let Some(batch) = out.last_mut() {
            batch.push(event);
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

/// Records events in the given batches, panicking on any refusal.
pub fn record_batches<S: Store + ?Sized>(store: &S, batches: Vec<Vec<Event>>, context: &str) {
    for batch in batches {
        record(store, &batch, NOW).unwrap_or_else(|e| panic!("{context}: {e}"));
    }
}

/// Records a random history in random batches (its dates in any order, so most
/// batches reach back before what is recorded) and returns the events.
pub fn record_random<S: Store + ?Sized>(store: &S, seed: u64, size: usize) -> Vec<Event> {
    let events = synthetic::random_history(seed, size);
    record_batches(
        store,
        batches(events.clone(), seed),
        &format!("seed {seed}"),
    );
    events
}

/// The dates queries are compared on: every year the histories span, and some fuzzy ones.
fn query_dates() -> Vec<FuzzyDate> {
    let mut dates: Vec<String> = (1938..=1966)
        .flat_map(|y| [format!("{y}-06-30"), format!("{y}")])
        .collect();
    dates.extend(
        [
            "1950-01/1950-03",
            "1955~",
            "[1945,1950]",
            "1944?",
            "9999-12-31",
        ]
        .map(String::from),
    );
    dates.iter().filter_map(|d| d.parse().ok()).collect()
}

/// Every row of every table of a store, as values, by table then key.
pub fn all_rows<S: Store + ?Sized>(store: &S) -> Vec<(Table, Vec<Value>)> {
    let mut out = Vec::new();
    for &table in Table::ALL {
        let mut rows: Vec<Vec<Value>> = Vec::new();
        store
            .projections(&[table], &mut |_, values| {
                rows.push(values.iter().map(owned).collect());
                Ok(())
            })
            .expect("rows");
        rows.sort_by(|a, b| key(a).cmp(key(b)));
        out.extend(rows.into_iter().map(|r| (table, r)));
    }
    out
}

/// Every row of every table of in-memory tables, the same way.
pub fn all_table_rows(tables: &Tables) -> Vec<(Table, Vec<Value>)> {
    let mut out = Vec::new();
    for &table in Table::ALL {
        let mut rows: Vec<Vec<Value>> = tables.table(table).map(|r| r.values()).collect();
        rows.sort_by(|a, b| key(a).cmp(key(b)));
        out.extend(rows.into_iter().map(|r| (table, r)));
    }
    out
}

fn owned(value: &ValueRef<'_>) -> Value {
    match value {
        ValueRef::Null => Value::Null,
        ValueRef::Int(i) => Value::Int(*i),
        ValueRef::Text(t) => Value::Text((*t).to_owned()),
    }
}

fn key(values: &[Value]) -> &str {
    match values.first() {
        Some(Value::Text(k)) => k,
        _ => "",
    }
}

/// Asserts that a store holds exactly the rows of `reference`, and names the first
/// row that differs.
pub fn assert_same_rows<S: Store + ?Sized>(store: &S, reference: &Tables, context: &str) {
    let actual = all_rows(store);
    let expected = all_table_rows(reference);
    for (a, e) in actual.iter().zip(&expected) {
        assert_eq!(a, e, "{context}: the first row that differs from a replay");
    }
    assert_eq!(actual.len(), expected.len(), "{context}: row counts");
}

/// Asserts that every `at`, `person`, `lineage` and `check` answer from `facts`
/// equals the answer from `reference` (a from-scratch replay).
pub fn assert_same_answers<F: Facts + ?Sized>(facts: &F, reference: &Tables, context: &str)
where
    F::Error: std::fmt::Debug,
{
    let entities = |kind| reference.entities(kind).unwrap_or_default();
    let mut targets: Vec<(String, Option<String>)> = Vec::new();
    for kind in [EntityKind::Organ, EntityKind::Post] {
        for e in entities(kind) {
            if let Some((org, key)) = e.id.split_once('/') {
                targets.push((key.to_owned(), Some(org.to_owned())));
            }
        }
    }
    for kind in [EntityKind::Faction, EntityKind::Org] {
        targets.extend(entities(kind).into_iter().map(|e| (e.id, None)));
    }
    for (target, org) in &targets {
        for date in query_dates() {
            let expected = at(reference, &date, target, org.as_deref()).map_err(|e| e.to_string());
            let actual = at(facts, &date, target, org.as_deref()).map_err(|e| e.to_string());
            assert_eq!(actual, expected, "{context}: at {date} {target} of {org:?}");
        }
    }
    for entity in entities(EntityKind::Person) {
        let expected = person(reference, &entity.id).map_err(|e| e.to_string());
        assert_eq!(
            person(facts, &entity.id).map_err(|e| e.to_string()),
            expected,
            "{context}: person {}",
            entity.id
        );
    }
    for entity in entities(EntityKind::Org) {
        let expected = lineage(reference, &entity.id).map_err(|e| e.to_string());
        assert_eq!(
            lineage(facts, &entity.id).map_err(|e| e.to_string()),
            expected,
            "{context}: lineage {}",
            entity.id
        );
    }
    for day in ["1950-06-30", "1966-12-31", "9999-12-31"] {
        let day: FuzzyDate = day.parse().expect("date");
        assert_eq!(
            check(facts, day.latest()).map_err(|e| format!("{e:?}")),
            check(reference, day.latest()).map_err(|e| format!("{e:?}")),
            "{context}: check {day}"
        );
    }
}

/// Heads of empty stores are empty, and an empty store verifies.
pub fn empty_store_has_empty_head<S: Store>(store: S) {
    assert_eq!(store.head().expect("head"), Head::EMPTY);
    let verified = verify(&store, &|_| {}).expect("verify");
    assert_eq!(verified.entries, 0);
}

/// Entries append, chain and verify; the head follows.
pub fn append_and_verify<S: Store>(store: S) {
    record_random(&store, 7, 120);
    let head = store.head().expect("head");
    assert_eq!(head.seq, Seq(120));
    let verified = verify(&store, &|_| {}).expect("verify");
    assert_eq!(verified.entries, 120);
    assert_eq!(verified.head, head);
    let mut seqs = Vec::new();
    store
        .scan(Seq(1), &mut |e| {
            seqs.push(e.seq.0);
            Ok(())
        })
        .expect("scan");
    assert_eq!(seqs, (1..=120).collect::<Vec<_>>());
}

/// A write on a stale head is refused and writes nothing.
pub fn stale_head_conflicts<S: Store>(store: S) {
    record_random(&store, 11, 40);
    let stale = store.head().expect("head");
    let more = synthetic::random_history(11, 45).split_off(40);
    record(&store, &more, NOW).expect("record");
    let head = store.head().expect("head");
    let again = synthetic::random_history(11, 50).split_off(45);
    let result = store.transact(Some(stale), NOW, &mut |tx| {
        plenum_model::ledger::record(tx, &again)
    });
    assert!(
        matches!(result, Err(WriteError::Store(Error::Conflict { .. }))),
        "{result:?}"
    );
    assert_eq!(store.head().expect("head"), head, "nothing written");
    verify(&store, &|_| {}).expect("still verifies");
}

/// A refused batch writes nothing, and the ledger goes on.
pub fn refused_batch_writes_nothing<S: Store>(store: S) {
    record_random(&store, 13, 30);
    let head = store.head().expect("head");
    let rows = all_rows(&store);
    let mut bad = synthetic::random_history(13, 33).split_off(30);
    bad[1].id = bad[0].id.clone(); // a duplicate id inside the batch
    let err = record(&store, &bad, NOW).expect_err("duplicate id");
    assert!(
        matches!(err, WriteError::Record(RecordError::Refused(_))),
        "{err}"
    );
    assert!(err.to_string().contains("twice in this batch"), "{err}");
    assert_eq!(store.head().expect("head"), head);
    assert_eq!(all_rows(&store), rows, "no row changed");
    let good = synthetic::random_history(13, 33).split_off(30);
    record(&store, &good, NOW).expect("a good batch still records");
    verify(&store, &|_| {}).expect("verifies");
}

/// The store's projections are a fresh replay's, row for row, and answer alike:
/// for a history recorded in random batches (most of them back-dated), and for
/// the same history recorded in date order.
pub fn projections_match_replay<S: Store>(mut make: impl FnMut() -> S, seed: u64, size: usize) {
    let store = make();
    let events = record_random(&store, seed, size);
    let reference = replay(&events).expect("replay");
    let context = format!("seed {seed}, back-dated batches");
    assert_same_rows(&store, &reference, &context);
    assert_same_answers(&*store.snapshot().expect("snapshot"), &reference, &context);
    assert_same_answers(
        &Reversed(&reference),
        &reference,
        &format!("{context}, rows reversed"),
    );
    verify(&store, &|_| {}).unwrap_or_else(|e| panic!("{context}: {e}"));

    // The same events dated in ledger order, in batches: every batch after what is
    // recorded (but for corrections, which move what they correct).
    let store = make();
    let ordered = synthetic::dated_in_order(&events);
    let in_order = replay(&ordered).expect("replay");
    let context = format!("seed {seed}, in date order");
    record_batches(&store, batches(ordered, seed), &context);
    assert_same_rows(&store, &in_order, &context);
    assert_same_answers(&*store.snapshot().expect("snapshot"), &in_order, &context);
    assert_same_answers(
        &Reversed(&in_order),
        &in_order,
        &format!("{context}, rows reversed"),
    );
}

/// The write path reads a store as the model reads its own tables.
pub fn backing_reads_like_tables<S: Store>(store: S) {
    let events = record_random(&store, 23, 150);
    let reference = replay(&events).expect("replay");
    let mut persons: Vec<String> = events
        .iter()
        .flat_map(|e| e.kind.references())
        .filter_map(|(_, r)| match r {
            Ref::Person(p) => Some(p.to_string()),
            _ => None,
        })
        .collect();
    persons.sort_unstable();
    persons.dedup();
    persons.truncate(30);
    assert!(!persons.is_empty(), "the events name persons");
    store
        .transact(None, NOW, &mut |tx| {
            assert_eq!(tx.last_pos().ok(), reference.last_pos().ok());
            assert_eq!(tx.head().ok(), reference.head().ok());
            let statutes = tx.statutes().ok().map(|s| s.len());
            assert_eq!(statutes, reference.statutes().ok().map(|s| s.len()));
            // Several look-ups at once answer as each does alone.
            let ids: Vec<&str> = persons.iter().map(String::as_str).collect();
            let keys: Vec<String> = persons
                .iter()
                .map(|p| Entity::key_of(EntityKind::Person, p))
                .collect();
            let keys: Vec<&str> = keys.iter().map(String::as_str).collect();
            let lookup = |table, by, values, open_only| Lookup {
                table,
                by,
                values,
                open_only,
            };
            let lookups = [
                lookup(Table::Seats, By::Person, &ids[..], false),
                lookup(Table::Posts, By::Person, &ids[..], true),
                lookup(Table::Memberships, By::Person, &[][..], false),
                lookup(Table::Memberships, By::Person, &ids[..], false),
                lookup(Table::Entities, By::Key, &keys[..], false),
            ];
            let each = tx.select_each(&lookups).expect("select_each");
            assert_eq!(each.len(), lookups.len());
            let sorted = |mut rows: Vec<AnyRow>| {
                rows.sort_by(|a, b| a.key().cmp(&b.key()));
                rows
            };
            for (l, rows) in lookups.iter().zip(each) {
                let alone = reference.select_many(l.table, l.by, l.values, l.open_only);
                assert_eq!(sorted(rows), sorted(alone.expect("read")), "{:?}", l.table);
            }
            let found = reference.select_many(Table::Entities, By::Key, &keys, false);
            assert_eq!(found.expect("read").len(), keys.len(), "every person found");
            Err(RecordError::Full)
        })
        .expect_err("rolled back");
}

/// The shares of a table ([`Store::projection_share`]), however many, hold every row
/// of the table exactly once, and each reports the same head as the whole read.
pub fn shares_partition_tables<S: Store>(store: S) {
    record_random(&store, 29, 150);
    let mut whole = all_rows(&store);
    let mut shared = Vec::new();
    let (head, _) = store.projections(&[], &mut |_, _| Ok(())).expect("head");
    for of in [1, 2, 3, 7] {
        for &table in Table::ALL {
            for index in 0..of {
                let share = plenum_store::Share { index, of };
                let (share_head, _) = store
                    .projection_share(table, share, &mut |t, values| {
                        shared.push((t, values.iter().map(owned).collect::<Vec<_>>()));
                        Ok(())
                    })
                    .expect("share");
                assert_eq!(share_head, head, "{table:?} share {index} of {of}: head");
            }
        }
        let mut got = std::mem::take(&mut shared);
        got.sort_by_cached_key(|row| format!("{row:?}"));
        whole.sort_by_cached_key(|row| format!("{row:?}"));
        assert_eq!(got, whole, "{of} shares: every row exactly once");
    }
}

/// Expands to the conformance suite for one store: `store_conformance!(name, || store())`.
#[macro_export]
macro_rules! store_conformance {
    ($name:ident, $make:expr) => {
        mod $name {
            #[allow(unused_imports)]
            use super::*;

            #[test]
            fn empty_store_has_empty_head() {
                $crate::conformance::empty_store_has_empty_head(($make)());
            }

            #[test]
            fn append_and_verify() {
                $crate::conformance::append_and_verify(($make)());
            }

            #[test]
            fn stale_head_conflicts() {
                $crate::conformance::stale_head_conflicts(($make)());
            }

            #[test]
            fn refused_batch_writes_nothing() {
                $crate::conformance::refused_batch_writes_nothing(($make)());
            }

            #[test]
            fn projections_match_replay() {
                for seed in 1..=4 {
                    $crate::conformance::projections_match_replay(|| ($make)(), seed, 150);
                }
            }

            #[test]
            fn readers_see_whole_batches() {
                $crate::conformance::readers_see_whole_batches(($make)());
            }

            #[test]
            fn concurrent_writers_all_land() {
                $crate::conformance::concurrent_writers_all_land(($make)());
            }

            #[test]
            fn refused_batches_among_writers_leave_the_rest() {
                $crate::conformance::refused_batches_among_writers_leave_the_rest(($make)());
            }

            #[test]
            fn backdated_and_refused_writers_leave_the_rest() {
                $crate::conformance::backdated_and_refused_writers_leave_the_rest(($make)());
            }

            #[test]
            fn shares_partition_tables() {
                $crate::conformance::shares_partition_tables(($make)());
            }

            #[test]
            fn backing_reads_like_tables() {
                $crate::conformance::backing_reads_like_tables(($make)());
            }
        }
    };
}
