//! What a writer's turn need not read: a batch's first reads, read before its turn
//! ([`Prefetched`]), and what the last group knew (the statutes, the latest position).
//! Each is used when the ledger has not moved since (fewer exchanges) and never when it
//! has, and the ledger is the same either way: the same head (whose chain commits to
//! the projections' digests) as a twin ledger recorded without, and it verifies.

use std::sync::Mutex;

use plenum_dev::conformance::{NOW, batches};
use plenum_dev::pg::fresh_url;
use plenum_dev::synthetic::{dated_in_order, random_history};
use plenum_model::event::Event;

use super::PgStore;
use super::ahead::Prefetched;
use crate::{Error, Store, verify};

fn create() -> PgStore {
    PgStore::create(&fresh_url(), |_| Ok::<(), Error>(())).expect("create")
}

/// Records `batch` in a turn of its own, with what was read before it; returns the
/// exchanges with the server the turn made.
fn record_counting(store: &PgStore, batch: &[Event], prefetched: Option<Prefetched>) -> u64 {
    let counts = Mutex::new((0, 0));
    store
        .writers
        .transact(
            None,
            prefetched,
            NOW,
            &|| {
                let conn = store.writing.take()?;
                counts.lock().expect("counts").0 = conn.exchanges;
                Ok(conn)
            },
            &|conn| {
                counts.lock().expect("counts").1 = conn.exchanges;
                store.writing.give_back(conn);
            },
            &mut |tx| plenum_model::ledger::record(tx, batch),
        )
        .unwrap_or_else(|e| panic!("{e}"));
    let (before, after) = counts.into_inner().expect("counts");
    after - before
}

fn read_before(store: &PgStore, batch: &[Event]) -> Prefetched {
    let mut conn = store.writing.take().expect("a connection");
    let read = Prefetched::read(&mut conn, batch).expect("read before the turn");
    store.writing.give_back(conn);
    read
}

/// The same entries and projections: the same head, and both verify.
fn assert_same_ledger(plain: &PgStore, other: &PgStore) {
    let head = plain.head().expect("head");
    assert_eq!(other.head().expect("head"), head);
    for store in [plain, other] {
        let verified = verify(store, &|_| {}).expect("verifies");
        assert_eq!(verified.head, head);
    }
}

#[test]
fn a_batch_read_before_its_turn_saves_an_exchange_and_records_the_same() {
    let events = dated_in_order(&random_history(5, 150));
    let (plain, ahead) = (create(), create());
    for (n, batch) in batches(events, 5).iter().enumerate() {
        let without = record_counting(&plain, batch, None);
        let read = read_before(&ahead, batch);
        let with = record_counting(&ahead, batch, Some(read));
        assert_eq!(
            with + 1,
            without,
            "batch {n}: its first read was made before"
        );
    }
    assert_same_ledger(&plain, &ahead);
}

#[test]
fn a_batch_read_before_the_ledger_moved_reads_again_in_its_turn() {
    let events = dated_in_order(&random_history(9, 150));
    let parts = batches(events, 9);
    assert!(parts.len() > 3, "several batches");
    let (plain, stale) = (create(), create());
    let mut early: Option<Prefetched> = None;
    for (n, batch) in parts.iter().enumerate() {
        // The next batch's first reads, read before this one lands: stale in its turn.
        let next = parts.get(n + 1).map(|next| read_before(&stale, next));
        let without = record_counting(&plain, batch, None);
        let with = record_counting(&stale, batch, early.take());
        assert_eq!(with, without, "batch {n}: what was read before is not used");
        early = next;
    }
    assert_same_ledger(&plain, &stale);
}

#[test]
fn a_group_knows_what_the_last_one_left_unless_another_writer_moved_the_ledger() {
    let events = dated_in_order(&random_history(21, 150));
    let parts = batches(events, 21);
    assert!(parts.len() > 4, "several batches");
    let last = parts.len() - 1;
    // The same ledger twice, but for who wrote the batch before the last: this store
    // itself, or another (as another process would).
    let (carried, moved) = (create(), create());
    let other = PgStore::open(moved.url()).expect("a second store");
    for (n, batch) in parts[..last].iter().enumerate() {
        carried.record(batch, NOW).expect("record");
        let writer = if n + 1 == last { &other } else { &moved };
        writer.record(batch, NOW).expect("record");
    }
    let knew = record_counting(&carried, &parts[last], None);
    let read_again = record_counting(&moved, &parts[last], None);
    assert!(
        knew < read_again,
        "{knew} exchanges with what the last group knew, {read_again} reading it again"
    );
    assert_same_ledger(&carried, &moved);
}

#[test]
fn writers_of_two_stores_taking_turns_leave_the_ledger_one_store_leaves() {
    let events = dated_in_order(&random_history(33, 200));
    let (one, two) = (create(), create());
    let other = PgStore::open(two.url()).expect("a second store");
    for (n, batch) in batches(events, 33).iter().enumerate() {
        one.record(batch, NOW).expect("record");
        let writer = if n % 2 == 0 { &two } else { &other };
        writer.record(batch, NOW).expect("record");
    }
    assert_same_ledger(&one, &two);
}
