//! The conformance suite's tests of writers and readers at once: whole batches seen,
//! every acknowledged batch landed, refusals that leave the others whole.

use std::sync::atomic::{AtomicBool, Ordering};

use super::*;

/// Readers see a consistent ledger while writers append: every snapshot's events
/// and entries agree, and its head is one a batch left.
pub fn readers_see_whole_batches<S: Store>(store: S) {
    let events = synthetic::random_history(17, 400);
    let batches = batches(events, 17);
    let done = AtomicBool::new(false);
    let mut heads = vec![0u64];
    let mut total = 0u64;
    for b in &batches {
        total += b.len() as u64;
        heads.push(total);
    }
    std::thread::scope(|scope| {
        let mut readers = Vec::new();
        for _ in 0..3 {
            readers.push(scope.spawn(|| {
                let mut seen = 0;
                while !done.load(Ordering::Relaxed) || seen == 0 {
                    let snapshot = store.snapshot().expect("snapshot");
                    // A snapshot is one ledger: the persons it lists are the ones its
                    // registry events declared, whatever a writer does meanwhile.
                    let persons = snapshot.entities(EntityKind::Person).expect("persons");
                    let again = snapshot.entities(EntityKind::Person).expect("persons");
                    assert_eq!(persons, again, "a snapshot changed under its reader");
                    let found = check(&*snapshot, Day::MAX).expect("check");
                    let found_again = check(&*snapshot, Day::MAX).expect("check");
                    assert_eq!(found, found_again);
                    seen += 1;
                }
                seen
            }));
        }
        // However the writer ends, the readers stop.
        struct Done<'a>(&'a AtomicBool);
        impl Drop for Done<'_> {
            fn drop(&mut self) {
                self.0.store(true, Ordering::Relaxed);
            }
        }
        let finish = Done(&done);
        for batch in &batches {
            record(&store, batch, NOW).expect("record");
        }
        drop(finish);
        for reader in readers {
            assert!(reader.join().expect("reader") > 0);
        }
    });
    let head = store.head().expect("head").seq.0;
    assert!(heads.contains(&head));
    verify(&store, &|_| {}).expect("verifies");
}

/// Eight threads record small batches at once: every batch lands once, whole, and
/// the ledger verifies.
pub fn concurrent_writers_all_land<S: Store>(store: S) {
    let statute = synthetic::random_history(1, 2);
    record(&store, &statute, NOW).expect("the statute and the organization");
    std::thread::scope(|scope| {
        for thread in 0..8u64 {
            let store = &store;
            scope.spawn(move || {
                for n in 0..10u64 {
                    let events = synthetic::persons(thread * 1_000 + n * 10, 5);
                    record(store, &events, NOW).expect("record");
                }
            });
        }
    });
    assert_eq!(store.head().expect("head").seq, Seq(2 + 8 * 10 * 5));
    let persons = store
        .snapshot()
        .expect("snapshot")
        .entities(EntityKind::Person)
        .expect("persons");
    assert_eq!(persons.len(), 400);
    verify(&store, &|_| {}).expect("verifies");
}

/// Eight threads record at once, every third batch a refused one (a duplicate id):
/// the refused batches leave nothing, every other batch lands whole and is
/// acknowledged with the head that holds it, and the ledger is a replay of them.
pub fn refused_batches_among_writers_leave_the_rest<S: Store>(store: S) {
    let statute = synthetic::random_history(1, 2);
    record(&store, &statute, NOW).expect("the statute and the organization");
    let landed = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for thread in 0..8u64 {
            let (store, landed) = (&store, &landed);
            scope.spawn(move || {
                for n in 0..12u64 {
                    let mut events = synthetic::persons(thread * 1_000 + n * 10, 5);
                    if n % 3 == 2 {
                        events[4].id = events[0].id.clone();
                        let err = record(store, &events, NOW).expect_err("a duplicate id");
                        assert!(err.to_string().contains("twice in this batch"), "{err}");
                    } else {
                        let written = record(store, &events, NOW).expect("record");
                        assert!(written.head.seq.0 >= 2 + events.len() as u64);
                        landed
                            .lock()
                            .expect("lock")
                            .push((written.head.seq, events));
                    }
                }
            });
        }
    });
    let expected = acknowledged_in_order(&store, statute, landed.into_inner().expect("lock"));
    let mut position = 0;
    store
        .scan(Seq(1), &mut |entry| {
            assert_eq!(
                entry.payload,
                plenum_model::event::codec::to_canonical_bytes(&expected[position]),
                "entry {}",
                entry.seq
            );
            position += 1;
            Ok(())
        })
        .expect("scan");
    let reference = replay(&expected).expect("replay");
    assert_same_rows(&store, &reference, "writers with refusals");
    verify(&store, &|_| {}).expect("verifies");
}

/// Eight threads record at once, some batches dated back before what others record
/// (so that they re-apply later events, read while other batches' rows may still be
/// unwritten) and some refused after such reads (a person registered again): every
/// acknowledged batch lands whole, the refused ones leave nothing, and the projections
/// are a replay of the entries.
pub fn backdated_and_refused_writers_leave_the_rest<S: Store>(store: S) {
    let statute = synthetic::random_history(1, 2);
    record(&store, &statute, NOW).expect("the statute and the organization");
    let back = FuzzyDate::day(Day::new(1999, 12, 31).expect("a day"));
    let landed = std::sync::Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for thread in 0..8u64 {
            let (store, landed, back) = (&store, &landed, &back);
            scope.spawn(move || {
                for n in 0..12u64 {
                    let mut events = synthetic::persons(thread * 1_000 + n * 10, 5);
                    if n % 4 == 3 {
                        // The persons of this thread's first batch, registered again.
                        let mut again = synthetic::persons(thread * 1_000, 5);
                        for (k, e) in again.iter_mut().enumerate() {
                            e.id = format!("again-{thread}-{n}-{k}").parse().expect("an id");
                            e.date = back.clone();
                        }
                        record(store, &again, NOW).expect_err("registered twice");
                        continue;
                    }
                    if n % 4 == 1 {
                        for e in &mut events {
                            e.date = back.clone();
                        }
                    }
                    let written = record(store, &events, NOW).expect("record");
                    landed
                        .lock()
                        .expect("lock")
                        .push((written.head.seq, events));
                }
            });
        }
    });
    let expected = acknowledged_in_order(&store, statute, landed.into_inner().expect("lock"));
    let reference = replay(&expected).expect("replay");
    assert_same_rows(&store, &reference, "back-dated writers with refusals");
    verify(&store, &|_| {}).expect("verifies");
}

/// The ledger's events as the acknowledged batches say: `first`, then each batch in the
/// order of the heads it was acknowledged with; asserts that each head holds exactly its
/// batch and everything before it, and that the store's head is the last of them.
fn acknowledged_in_order<S: Store>(
    store: &S,
    first: Vec<Event>,
    mut landed: Vec<(Seq, Vec<Event>)>,
) -> Vec<Event> {
    landed.sort_by_key(|(seq, _)| *seq);
    let mut expected = first;
    for (seq, events) in landed {
        expected.extend(events);
        assert_eq!(
            seq.0,
            expected.len() as u64,
            "each acknowledged head holds its batch"
        );
    }
    assert_eq!(store.head().expect("head").seq.0, expected.len() as u64);
    expected
}
