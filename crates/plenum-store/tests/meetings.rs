//! The meetings contract (`plenum_store::meetings::Meetings`), run for both stores:
//! attendance and codes, proxies within their limit, casting (once per voter, even from
//! many threads at once; only when present; by proxy only when given), replacing by
//! tracker, paper ballots, and closing, which seals the urn. Meetings live outside the
//! ledger: nothing here changes its entries or digests.
//!
//! The PostgreSQL run needs the server named by `DATABASE_URL` (`.ci/postgres` starts
//! one); without it it fails, never skips.

use std::sync::Arc;

use plenum_dev::pg::fresh_url;
use plenum_store::meetings::{
    Cast, CastError, DelegateRecord, MeetingError, MeetingRecord, Meetings, PollRecord, PollStatus,
    UrnBallot,
};
use plenum_store::postgres::PgStore;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, verify};

fn delegate(person: &str, weight: u64) -> DelegateRecord {
    DelegateRecord {
        person: person.into(),
        weight,
        present: false,
    }
}

fn poll(id: &str, secret: bool) -> PollRecord {
    PollRecord {
        id: id.into(),
        meeting: "m1".into(),
        title: "Budget".into(),
        question: "{\"kind\":\"motion\"}".into(),
        category: None,
        target: None,
        secret,
        replaceable: true,
        status: PollStatus::Draft,
        result: None,
        urn_digest: None,
        entry: None,
    }
}

fn cast(poll: &str, voter: &str, by: &str, weight: u64, tracker: &str) -> Cast {
    Cast {
        poll: poll.into(),
        voter: voter.into(),
        by: by.into(),
        weight,
        ballot: format!("for:{weight}"),
        tracker: tracker.into(),
        owner: format!("tag-{voter}"),
        replace: false,
    }
}

fn one(store: &impl Meetings, c: Cast) -> Result<(), CastError> {
    let mut results = store.cast(&[c]).expect("the store answers");
    results.remove(0)
}

/// The whole contract, on a fresh empty ledger of any store.
fn contract<S: Store + Meetings + 'static>(store: S) {
    let digest = verify(&store, &|_| {}).expect("verify").digest;
    store.prepare_meetings().expect("prepare");
    store.prepare_meetings().expect("prepare twice is harmless");
    let meeting = MeetingRecord {
        id: "m1".into(),
        organ: "org/congress".into(),
        name: "First Congress".into(),
        scheduled: "2026-12-01".into(),
        open: true,
        max_proxies: 1,
    };
    let delegates = [
        delegate("ann", 1),
        delegate("bob", 1),
        delegate("cy", 3),
        delegate("dee", 1),
    ];
    store.add_meeting(&meeting, &delegates).expect("meeting");
    assert!(matches!(
        store.add_meeting(&meeting, &[]),
        Err(MeetingError::Exists(_))
    ));
    assert_eq!(store.meeting("m1").expect("read"), Some(meeting.clone()));

    // Check-in codes are one-time; a teller needs none.
    store
        .set_codes("m1", &[("ann".into(), "hash-a".into())])
        .expect("codes");
    assert!(store.attend("m1", "ann", true, Some("hash-x")).is_err());
    store
        .attend("m1", "ann", true, Some("hash-a"))
        .expect("check in");
    assert!(
        store.attend("m1", "ann", true, Some("hash-a")).is_err(),
        "a code works once"
    );
    store.attend("m1", "cy", true, None).expect("teller");
    assert!(matches!(
        store.attend("m1", "zed", true, None),
        Err(MeetingError::NotFound(..))
    ));

    // Proxies, within the meeting's limit of one per holder.
    store.add_proxy("m1", "bob", "ann").expect("proxy");
    assert!(
        store.add_proxy("m1", "dee", "ann").is_err(),
        "over the limit"
    );
    assert!(store.add_proxy("m1", "bob", "cy").is_err(), "given twice");
    assert!(store.add_proxy("m1", "ann", "ann").is_err());

    store.add_poll(&poll("p1", true)).expect("poll");
    assert!(matches!(
        one(&store, cast("p1", "ann", "ann", 1, "T-ann")),
        Err(CastError::NotOpen)
    ));
    store.open_poll("p1", "key").expect("open");
    assert_eq!(store.owner_key("p1").expect("key").as_deref(), Some("key"));
    assert!(store.close_meeting("m1").is_err(), "a poll is open");

    // Casting: once, present, by proxy only when given, at the delegate's weight.
    one(&store, cast("p1", "ann", "ann", 1, "T-ann")).expect("ann votes");
    assert!(matches!(
        one(&store, cast("p1", "ann", "ann", 1, "T-ann2")),
        Err(CastError::AlreadyVoted(_))
    ));
    assert!(matches!(
        one(&store, cast("p1", "dee", "dee", 1, "T-dee")),
        Err(CastError::Absent(_))
    ));
    assert!(matches!(
        one(&store, cast("p1", "dee", "ann", 1, "T-dee")),
        Err(CastError::NoProxy { .. })
    ));
    assert!(matches!(
        one(&store, cast("p1", "zed", "zed", 1, "T-zed")),
        Err(CastError::NotDelegate(_))
    ));
    assert!(matches!(
        one(&store, cast("p1", "cy", "cy", 1, "T-cy")),
        Err(CastError::Weight(3))
    ));
    one(&store, cast("p1", "bob", "ann", 1, "T-bob")).expect("bob by proxy, absent himself");

    // Replacing: the tracker finds the ballot, and only its owner's tag opens it.
    let mut replace = cast("p1", "ann", "ann", 1, "T-ann");
    replace.replace = true;
    replace.ballot = "against:1".into();
    one(&store, replace.clone()).expect("replaced");
    let mut stolen = replace.clone();
    stolen.tracker = "T-bob".into();
    assert!(matches!(one(&store, stolen), Err(CastError::NoSuchBallot)));

    // Many threads casting the same voter at once: exactly one ballot counts.
    let shared = Arc::new(store);
    let handles: Vec<_> = (0..8)
        .map(|i| {
            let store = Arc::clone(&shared);
            std::thread::spawn(move || one(&*store, cast("p1", "cy", "cy", 3, &format!("T-cy{i}"))))
        })
        .collect();
    let accepted = handles
        .into_iter()
        .map(|h| h.join().expect("thread"))
        .filter(Result::is_ok)
        .count();
    assert_eq!(accepted, 1);
    let store = Arc::into_inner(shared).expect("one owner");

    // Paper: as many names as ballots, each name once.
    store.attend("m1", "dee", true, None).expect("dee arrives");
    let paper = UrnBallot {
        tracker: "P-1".into(),
        weight: 1,
        ballot: "abstain:1".into(),
        voter: None,
    };
    assert!(
        store
            .add_paper("p1", &[], std::slice::from_ref(&paper))
            .is_err()
    );
    assert!(
        store
            .add_paper("p1", &["ann".into()], std::slice::from_ref(&paper))
            .is_err()
    );
    store
        .add_paper("p1", &["dee".into()], &[paper])
        .expect("paper");
    assert_eq!(store.turnout("p1").expect("turnout"), 4);
    assert_eq!(
        store.closed_poll("p1").expect("read"),
        None,
        "sealed while open"
    );

    // Closing seals it: no more ballots, no key, no owners; roll and urn agree.
    let closed = store.close_poll("p1").expect("close");
    assert_eq!(closed.roll.len(), closed.urn.len());
    assert_eq!(
        closed
            .roll
            .iter()
            .map(|r| r.person.as_str())
            .collect::<Vec<_>>(),
        ["ann", "bob", "cy", "dee"]
    );
    assert!(closed.urn.iter().all(|b| b.voter.is_none()));
    let ann = closed
        .urn
        .iter()
        .find(|b| b.tracker == "T-ann")
        .expect("ann's");
    assert_eq!(ann.ballot, "against:1");
    assert!(closed.urn.windows(2).all(|w| w[0].tracker < w[1].tracker));
    assert_eq!(store.owner_key("p1").expect("key"), None);
    assert!(matches!(
        one(&store, cast("p1", "dee", "dee", 1, "T-late")),
        Err(CastError::NotOpen)
    ));
    assert!(store.close_poll("p1").is_err());
    assert_eq!(store.closed_poll("p1").expect("read"), Some(closed));
    store
        .set_result("p1", "{}", "digest", Some(7))
        .expect("result");
    assert_eq!(
        store.poll("p1").expect("read").and_then(|p| p.entry),
        Some(7)
    );

    // A named poll keeps its voters.
    store.add_poll(&poll("p2", false)).expect("poll");
    store.open_poll("p2", "key2").expect("open");
    let mut named = cast("p2", "ann", "ann", 1, "N-ann");
    named.owner = "ann".into();
    one(&store, named).expect("named");
    let closed = store.close_poll("p2").expect("close");
    assert_eq!(closed.urn[0].voter.as_deref(), Some("ann"));

    // One batch, as the group commit hands it: each cast answered as if alone.
    store.add_poll(&poll("p3", true)).expect("poll");
    store.open_poll("p3", "key3").expect("open");
    let clash = [
        cast("p3", "ann", "ann", 1, "B-same"),
        cast("p3", "dee", "dee", 1, "B-same"),
    ];
    assert!(
        store.cast(&clash).is_err(),
        "two trackers alike fail the batch"
    );
    assert_eq!(
        store.turnout("p3").expect("turnout"),
        0,
        "nothing of it kept"
    );
    let batch = [
        cast("p3", "ann", "ann", 1, "B-ann"),
        cast("p3", "ann", "ann", 1, "B-ann2"),
        cast("p3", "zed", "zed", 1, "B-zed"),
        cast("p3", "cy", "cy", 1, "B-cy1"),
        cast("p3", "bob", "ann", 1, "B-bob"),
        cast("p1", "dee", "dee", 1, "B-closed"),
        cast("p3", "dee", "dee", 1, "B-dee"),
        cast("p3", "cy", "cy", 3, "B-cy"),
    ];
    let results = store.cast(&batch).expect("the store answers");
    let outcome: Vec<&str> = results
        .iter()
        .map(|r| match r {
            Ok(()) => "ok",
            Err(CastError::AlreadyVoted(_)) => "again",
            Err(CastError::NotDelegate(_)) => "stranger",
            Err(CastError::Weight(3)) => "weight",
            Err(CastError::NotOpen) => "closed",
            Err(_) => "other",
        })
        .collect();
    assert_eq!(
        outcome,
        [
            "ok", "again", "stranger", "weight", "ok", "closed", "ok", "ok"
        ]
    );
    let closed = store.close_poll("p3").expect("close");
    assert_eq!(closed.roll.len(), 4);
    let mut trackers: Vec<&str> = closed.urn.iter().map(|b| b.tracker.as_str()).collect();
    trackers.sort_unstable();
    assert_eq!(trackers, ["B-ann", "B-bob", "B-cy", "B-dee"]);

    store.close_meeting("m1").expect("close meeting");
    assert!(store.attend("m1", "bob", true, None).is_err(), "ended");
    assert_eq!(verify(&store, &|_| {}).expect("verify").digest, digest);
}

#[test]
fn sqlite_meetings_keep_the_contract() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = SqliteStore::create(&dir.path().join("ledger.db"), |_| Ok::<(), Error>(()))
        .expect("create");
    contract(store);
}

#[test]
fn postgres_meetings_keep_the_contract() {
    let store = PgStore::create(&fresh_url(), |_| Ok::<(), Error>(())).expect("create");
    contract(store);
}

/// PostgreSQL keeps, beside each row, the transaction that wrote it (`xmin`) and where
/// it sits (`ctid`): both would link a roll row to its urn row, written in the same
/// transaction, in the order of arrival. After the close, every row of the poll carries
/// the closing transaction's id, and the urn sits in tracker order.
#[test]
fn postgres_system_columns_do_not_link_the_roll_to_the_urn() {
    const VOTERS: usize = 30;
    let url = fresh_url();
    let store = PgStore::create(&url, |_| Ok::<(), Error>(())).expect("create");
    store.prepare_meetings().expect("prepare");
    let voters: Vec<String> = (0..VOTERS).map(|i| format!("voter{i:02}")).collect();
    let delegates: Vec<DelegateRecord> = voters
        .iter()
        .map(|v| DelegateRecord {
            person: v.clone(),
            weight: 1,
            present: true,
        })
        .collect();
    let meeting = MeetingRecord {
        id: "m1".into(),
        organ: "org/congress".into(),
        name: "Congress".into(),
        scheduled: "2026-12-01".into(),
        open: true,
        max_proxies: 0,
    };
    store.add_meeting(&meeting, &delegates).expect("meeting");
    store.add_poll(&poll("p1", true)).expect("poll");
    store.open_poll("p1", "key").expect("open");
    // One transaction per ballot, in a known order unlike the voters' names.
    let order: Vec<usize> = (0..VOTERS).map(|k| (k * 7 + 3) % VOTERS).collect();
    let mut trackers = vec![String::new(); VOTERS];
    for &i in &order {
        // Trackers drawn at random, as the server draws them.
        let tracker = format!("T{:016x}", rand_tracker(i));
        one(&store, cast("p1", &voters[i], &voters[i], 1, &tracker)).expect("cast");
        trackers[i] = tracker;
    }
    store.close_poll("p1").expect("close");
    let mut client = postgres::Client::connect(&url, postgres::NoTls).expect("connect");
    for (table, key) in [("live_urn", "tracker"), ("live_roll", "person")] {
        let rows = client
            .query(
                &format!("SELECT {key}, xmin::text FROM {table} WHERE poll = 'p1' ORDER BY ctid"),
                &[],
            )
            .expect("system columns");
        assert_eq!(rows.len(), VOTERS);
        let xmins: std::collections::BTreeSet<String> = rows.iter().map(|r| r.get(1)).collect();
        assert_eq!(xmins.len(), 1, "{table}: one transaction wrote every row");
        let in_place: Vec<String> = rows.iter().map(|r| r.get(0)).collect();
        let mut sorted = in_place.clone();
        sorted.sort();
        assert_eq!(in_place, sorted, "{table} sits in key order");
    }
    // And key order says nothing of arrival: the urn's order is the trackers'.
    let by_time: Vec<&String> = order.iter().map(|&i| &trackers[i]).collect();
    let mut urn_order: Vec<&String> = trackers.iter().collect();
    urn_order.sort();
    let right = urn_order
        .iter()
        .zip(&by_time)
        .filter(|(a, b)| a == b)
        .count();
    assert!(right <= 6, "{right} of {VOTERS} in voting order");
}

/// A tracker-like random number (from the OS, through the standard library's hasher).
fn rand_tracker(i: usize) -> u64 {
    use std::hash::{BuildHasher, Hasher};
    let mut h = std::collections::hash_map::RandomState::new().build_hasher();
    h.write_usize(i);
    h.finish()
}
