//! The conformance suite every store runs, in the manner of ripgrep's `rgtest!`:
//! `store_conformance!(sqlite, || make_store())` expands to one test per property.

use plenum_model::date::FuzzyDate;
use plenum_model::event::Event;
use plenum_model::id::Seq;
use plenum_model::query::{Facts, at::at, lineage::lineage, person::person};
use plenum_model::state::State;
use plenum_model::state::registry::EntityKind;
use plenum_model::synthetic;

use crate::ledger::read_entries;
use crate::{Error, Head, Ledger, RecordError, Store, verify};

const NOW: &str = "2026-11-27T00:00:00Z";

/// Splits events into batches at pseudo-random points (from `seed`).
pub fn batches(events: Vec<Event>, seed: u64) -> Vec<Vec<Event>> {
    let mut rng = synthetic::Rng::new(seed ^ 0xB47C);
    let mut out = vec![Vec::new()];
    for event in events {
        if rng.chance(15) && out.last().is_some_and(|b| !b.is_empty()) {
            out.push(Vec::new());
        }
        if let Some(batch) = out.last_mut() {
            batch.push(event);
        }
    }
    out
}

/// Records a random history in batches and returns the ledger.
pub fn record_random<S: Store>(store: S, seed: u64, size: usize) -> Ledger<S> {
    let mut ledger = Ledger::open(store).expect("open");
    for batch in batches(synthetic::random_history(seed, size), seed) {
        ledger
            .record(batch, NOW)
            .unwrap_or_else(|e| panic!("seed {seed}: {e}"));
    }
    ledger
}

/// The dates queries are compared on: every year the histories span, and some fuzzy ones.
fn query_dates() -> Vec<FuzzyDate> {
    let mut dates: Vec<String> = (1938..=1966)
        .flat_map(|y| [format!("{y}-06-30"), format!("{y}")])
        .collect();
    dates.extend(["1950-01/1950-03", "1955~", "[1945,1950]", "1944?"].map(String::from));
    dates.iter().filter_map(|d| d.parse().ok()).collect()
}

/// Asserts that every `at`, `person` and `lineage` answer from `facts` equals the
/// answer from `reference` (a from-scratch replay).
pub fn assert_same_answers<F: Facts>(facts: &F, reference: &State, context: &str)
where
    F::Error: std::fmt::Debug,
{
    let targets: Vec<(String, Option<String>)> = reference
        .registry()
        .entities()
        .filter_map(|e| match e.kind {
            EntityKind::Organ | EntityKind::Post => {
                e.id.split_once('/')
                    .map(|(org, key)| (key.to_owned(), Some(org.to_owned())))
            }
            EntityKind::Faction | EntityKind::Org => Some((e.id.clone(), None)),
            _ => None,
        })
        .collect();
    for (target, org) in &targets {
        for date in query_dates() {
            let expected = at(reference, &date, target, org.as_deref()).map_err(|e| e.to_string());
            let actual = at(facts, &date, target, org.as_deref()).map_err(|e| e.to_string());
            assert_eq!(actual, expected, "{context}: at {date} {target} of {org:?}");
        }
    }
    for entity in reference.registry().entities() {
        match entity.kind {
            EntityKind::Person => {
                let expected = person(reference, &entity.id).map_err(|e| e.to_string());
                assert_eq!(
                    person(facts, &entity.id).map_err(|e| e.to_string()),
                    expected,
                    "{context}: person {}",
                    entity.id
                );
            }
            EntityKind::Org => {
                let expected = lineage(reference, &entity.id).map_err(|e| e.to_string());
                assert_eq!(
                    lineage(facts, &entity.id).map_err(|e| e.to_string()),
                    expected,
                    "{context}: lineage {}",
                    entity.id
                );
            }
            _ => {}
        }
    }
}

/// Entries append, chain and verify; the head follows.
pub fn append_and_verify<S: Store>(store: S) {
    let ledger = record_random(store, 7, 120);
    let head = ledger.head();
    assert_eq!(head.seq, Seq(120));
    assert_eq!(ledger.store().head().expect("head"), head);
    let verified = verify(ledger.store(), &mut |_, _| {}).expect("verify");
    assert_eq!(verified.entries, 120);
    assert_eq!(verified.head, head);
    let entries = read_entries(ledger.store(), None).expect("entries");
    assert_eq!(
        entries.iter().map(|e| e.seq.0).collect::<Vec<_>>(),
        (1..=120).collect::<Vec<_>>()
    );
}

/// An append on a stale head is refused and writes nothing.
pub fn stale_head_conflicts<S: Store>(store: S) {
    let mut ledger = record_random(store, 11, 40);
    let stale = ledger.head();
    let more = synthetic::random_history(11, 45).split_off(40);
    ledger.record(more.clone(), NOW).expect("record");
    let head = ledger.store().head().expect("head");
    let diff = plenum_model::state::diff::RowsDiff::default();
    let batch = crate::Batch {
        events: &more,
        recorded_at: NOW,
        diff: &diff,
    };
    let result = ledger.store_mut().append(stale, batch);
    assert!(matches!(result, Err(Error::Conflict { .. })), "{result:?}");
    assert_eq!(
        ledger.store().head().expect("head"),
        head,
        "nothing written"
    );
    verify(ledger.store(), &mut |_, _| {}).expect("still verifies");
}

/// A refused batch writes nothing, and the ledger goes on.
pub fn refused_batch_writes_nothing<S: Store>(store: S) {
    let mut ledger = record_random(store, 13, 30);
    let head = ledger.head();
    let mut bad = synthetic::random_history(13, 33).split_off(30);
    bad[1].id = bad[0].id.clone(); // a duplicate id inside the batch
    let err = ledger.record(bad, NOW).expect_err("duplicate id");
    assert!(matches!(err, RecordError::Refused(_)), "{err}");
    assert_eq!(ledger.store().head().expect("head"), head);
    assert_eq!(ledger.head(), head);
    let good = synthetic::random_history(13, 33).split_off(30);
    ledger
        .record(good, NOW)
        .expect("a good batch still records");
}

/// The store's projections answer every query as a fresh replay does.
pub fn projections_match_replay<S: Store>(store: S, seed: u64, size: usize) {
    let ledger = record_random(store, seed, size);
    let replayed = State::from_entries(read_entries(ledger.store(), None).expect("entries"));
    assert_same_answers(ledger.store(), &replayed, &format!("seed {seed}"));
}

/// Heads of empty stores are empty.
pub fn empty_store_has_empty_head<S: Store>(store: S) {
    assert_eq!(store.head().expect("head"), Head::EMPTY);
    let verified = verify(&store, &mut |_, _| {}).expect("verify");
    assert_eq!(verified.entries, 0);
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
                $crate::testing::empty_store_has_empty_head(($make)());
            }

            #[test]
            fn append_and_verify() {
                $crate::testing::append_and_verify(($make)());
            }

            #[test]
            fn stale_head_conflicts() {
                $crate::testing::stale_head_conflicts(($make)());
            }

            #[test]
            fn refused_batch_writes_nothing() {
                $crate::testing::refused_batch_writes_nothing(($make)());
            }

            #[test]
            fn projections_match_replay() {
                for seed in 1..=4 {
                    $crate::testing::projections_match_replay(($make)(), seed, 150);
                }
            }
        }
    };
}
