//! Groups judged while the group before them commits: a commit under way is pretended
//! (the test holds it open), so that what happens when it ends, and what another
//! process writes meanwhile, is the test's to choose.

use std::sync::Arc;
use std::sync::atomic::Ordering;
use std::time::{Duration, Instant};

use plenum_dev::conformance::NOW;
use plenum_dev::pg::fresh_url;
use plenum_dev::synthetic::persons;
use plenum_model::event::Event;

use super::super::overlay::Overlay;
use super::super::{PgStore, read};
use super::{Committing, Failed};
use crate::{Error, Store, verify};

fn create() -> PgStore {
    PgStore::create(&fresh_url(), |_| Ok::<(), Error>(())).expect("create")
}

/// Pretends that a group is committing and leaves the ledger where it is now (it holds
/// no rows): the next group is judged over it. Returns its number.
fn pretend_a_commit(store: &PgStore) -> u64 {
    let head = store.head().expect("head");
    let digests = store
        .with(|c| read::digests_of(&c.query("SELECT name, state FROM digests", &[])?))
        .expect("digests");
    let mut state = store.writers.lock().expect("state");
    let known = state
        .carried
        .as_ref()
        .map(|(_, k)| k.clone())
        .unwrap_or_default();
    let group = state.next_group + 1;
    state.next_group = group;
    state.committing = Some(Committing {
        group,
        head,
        digests,
        known,
        rows: Arc::new(Overlay::default()),
    });
    group
}

/// Waits until a writer has opened a group over the pretended commit `group`.
fn wait_for_a_group_over(store: &PgStore, group: u64) {
    let started = Instant::now();
    while store.writers.lock().expect("state").next_group <= group {
        assert!(
            started.elapsed() < Duration::from_secs(30),
            "no group opened over the pretended commit"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

/// Ends the pretended commit, as committed or as failed.
fn end_the_commit(store: &PgStore, group: u64, failed: bool) {
    let mut state = store.writers.lock().expect("state");
    state.committing = None;
    if failed {
        state
            .failures
            .insert(group, Failed::Error("pretended to fail".into()));
    }
    state.finished = state.finished.max(group);
    store.writers.changed.notify_all();
}

/// Records `batch` while a commit is pretended, ending it (as `failed` says) once the
/// writer's group is judged over it, and after `meanwhile` has run.
fn record_over_a_commit(store: &PgStore, batch: &[Event], failed: bool, meanwhile: impl FnOnce()) {
    let group = pretend_a_commit(store);
    meanwhile();
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| store.record(batch, NOW));
        wait_for_a_group_over(store, group);
        end_the_commit(store, group, failed);
        writer
            .join()
            .expect("the writer joins")
            .unwrap_or_else(|e| panic!("recorded: {e}"));
    });
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
fn a_group_judged_over_a_commit_lands_when_the_commit_does() {
    let (store, twin) = (create(), create());
    let (first, second) = (persons(0, 3), persons(10, 3));
    store.record(&first, NOW).expect("record");
    record_over_a_commit(&store, &second, false, || {});
    assert_eq!(store.writers.pipelined.load(Ordering::Relaxed), 1);
    assert_eq!(store.conflicts_retried(), 0, "nothing moved the ledger");
    for batch in [&first, &second] {
        twin.record(batch, NOW).expect("record");
    }
    assert_same_ledger(&twin, &store);
}

#[test]
fn a_group_judged_over_a_commit_is_judged_again_if_another_process_wrote() {
    let (store, twin) = (create(), create());
    let other = PgStore::open(store.url()).expect("a second store");
    let (first, theirs, ours) = (persons(0, 3), persons(10, 3), persons(20, 3));
    store.record(&first, NOW).expect("record");
    record_over_a_commit(&store, &ours, false, || {
        other
            .record(&theirs, NOW)
            .expect("the other process records");
    });
    assert_eq!(store.conflicts_retried(), 1, "judged again on the new head");
    for batch in [&first, &theirs, &ours] {
        twin.record(batch, NOW).expect("record");
    }
    assert_same_ledger(&twin, &store);
}

#[test]
fn a_group_judged_over_a_commit_that_failed_is_judged_again() {
    let (store, twin) = (create(), create());
    let (first, second) = (persons(0, 3), persons(10, 3));
    store.record(&first, NOW).expect("record");
    record_over_a_commit(&store, &second, true, || {});
    assert_eq!(
        store.conflicts_retried(),
        1,
        "judged again on the head kept"
    );
    for batch in [&first, &second] {
        twin.record(batch, NOW).expect("record");
    }
    assert_same_ledger(&twin, &store);
}

#[test]
fn writers_of_two_stores_at_once_lose_nothing_and_never_fork_the_chain() {
    // Two stores on one ledger, as two processes, each with writer threads: groups of
    // one are judged over their own commits while the other's take the head row, so
    // some are judged again; every acknowledged batch is in the ledger, once.
    let store = create();
    let other = PgStore::open(store.url()).expect("a second store");
    let (threads, each) = (4u64, 12u64);
    std::thread::scope(|scope| {
        for (s, writer) in [&store, &other].into_iter().enumerate() {
            for t in 0..threads {
                scope.spawn(move || {
                    for n in 0..each {
                        let first = ((s as u64 * threads + t) * each + n) * 3;
                        writer
                            .record(&persons(first, 3), NOW)
                            .unwrap_or_else(|e| panic!("store {s}, thread {t}, batch {n}: {e}"));
                    }
                });
            }
        }
    });
    let head = store.head().expect("head");
    assert_eq!(head.seq.0, 2 * threads * each * 3, "every batch, once");
    assert_eq!(verify(&store, &|_| {}).expect("verifies").head, head);
    let retried = store.conflicts_retried() + other.conflicts_retried();
    eprintln!("conflicts retried: {retried}");
}
