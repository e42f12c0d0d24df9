//! Rows written behind: while a batch is judged, the rows of the batches before it in
//! its group are written on the group's connection, and still answer its look-ups.

use std::sync::atomic::Ordering;

use plenum_dev::conformance::NOW;
use plenum_dev::pg::fresh_url;
use plenum_dev::synthetic::persons;

use super::super::PgStore;
use crate::{Error, Store, WriteError, verify};

/// A store whose groups write behind every batch (the most writes behind, and the
/// most batches judged behind one).
fn create() -> PgStore {
    let store = PgStore::create(&fresh_url(), |_| Ok::<(), Error>(())).expect("create");
    store.writers.write_behind_at.store(1, Ordering::Relaxed);
    store
}

#[test]
fn writer_threads_sharing_groups_lose_nothing_and_verify() {
    // Eight threads, each batch its own persons, and every fourth batch of one thread
    // a batch the model refuses (its persons are registered already): groups hold
    // several batches, each handing the rows before it to be written behind it, and a
    // refusal in the middle of a group drops only its own.
    let store = create();
    let (threads, each) = (8u64, 12u64);
    let refused = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..threads)
            .map(|t| {
                let store = &store;
                scope.spawn(move || {
                    let mut refused = 0;
                    for n in 0..each {
                        let first = (t * each + n) * 3;
                        store
                            .record(&persons(first, 3), NOW)
                            .unwrap_or_else(|e| panic!("thread {t}, batch {n}: {e}"));
                        if t == 0 && n % 4 == 0 {
                            match store.record(&persons(first, 3), NOW) {
                                Err(WriteError::Record(_)) => refused += 1,
                                other => panic!("a batch recorded twice: {other:?}"),
                            }
                        }
                    }
                    refused
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|w| w.join().expect("a writer joins"))
            .sum::<u64>()
    });
    assert_eq!(refused, each.div_ceil(4));
    let head = store.head().expect("head");
    assert_eq!(head.seq.0, threads * each * 3, "every batch, once");
    assert_eq!(verify(&store, &|_| {}).expect("verifies").head, head);
    assert!(
        store.writers.written_behind.load(Ordering::Relaxed) > 0,
        "no group held two batches: nothing was written behind"
    );
}

#[test]
fn a_batch_judged_behind_a_write_reads_what_the_batches_before_it_changed() {
    // Every thread registers the same persons, in the same order: the threads meet in
    // the same groups, where the first of them to be judged registers the persons and
    // its rows are written behind the next, which must read them (from the overlay:
    // what it read ahead predates them) and be refused, not register them again.
    let store = create();
    let (threads, each) = (8u64, 12u64);
    let recorded: Vec<Vec<bool>> = std::thread::scope(|scope| {
        let writers: Vec<_> = (0..threads)
            .map(|t| {
                let store = &store;
                scope.spawn(move || {
                    (0..each)
                        .map(|n| match store.record(&persons(n * 3, 3), NOW) {
                            Ok(_) => true,
                            Err(WriteError::Record(_)) => false,
                            Err(e) => panic!("thread {t}, batch {n}: {e}"),
                        })
                        .collect()
                })
            })
            .collect();
        writers
            .into_iter()
            .map(|w| w.join().expect("a writer joins"))
            .collect()
    });
    for n in 0..each as usize {
        let times = recorded.iter().filter(|r| r[n]).count();
        assert_eq!(times, 1, "batch {n} recorded {times} times");
    }
    let head = store.head().expect("head");
    assert_eq!(head.seq.0, each * 3);
    assert_eq!(verify(&store, &|_| {}).expect("verifies").head, head);
    assert!(store.writers.written_behind.load(Ordering::Relaxed) > 0);
}
