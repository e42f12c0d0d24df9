//! Secrecy: an attacker holding the whole database file (and its write-ahead log) and
//! everything the server printed, after a secret poll closed, tries to link the roll to
//! the urn — by the order rows sit in the file, by the order voters voted, by nearness
//! of a voter's name to a ballot — and does no better than chance.
//!
//! Thirty voters vote one after another, in a known order, each with a ranking no one
//! else gives; the test knows which tracker is whose, the attacker does not. A random
//! pairing of 30 gets about one pair right; the test fails from 7 (a chance of 1 in
//! 12,000 for a truly random layout).

use serde_json::json;

use crate::live::{add_voters, convene_m1, post, vote};
use crate::{Env, path};

const VOTERS: usize = 30;
/// More right pairs than this is a leak.
const CHANCE: usize = 6;

fn voter(i: usize) -> String {
    format!("voter{i:02}")
}

/// Rankings of the four candidates, each different: every non-empty ordered selection.
fn rankings() -> Vec<Vec<&'static str>> {
    let candidates = ["kim", "pak", "choe", "yun"];
    let mut out: Vec<Vec<&str>> = candidates.iter().map(|c| vec![*c]).collect();
    let mut frontier = out.clone();
    while let Some(prefix) = frontier.pop() {
        for c in candidates {
            if !prefix.contains(&c) {
                let mut longer = prefix.clone();
                longer.push(c);
                frontier.push(longer.clone());
                out.push(longer);
            }
        }
    }
    out
}

/// Where each needle first appears in `haystack`.
fn offset(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// How many of `guess` (voter index → tracker) are right.
fn right(guess: &[String], truth: &[String]) -> usize {
    guess.iter().zip(truth).filter(|(g, t)| g == t).count()
}

#[test]
fn a_dump_and_the_output_do_not_link_the_roll_to_the_urn() {
    let mut env = Env::ledger();
    let mut events = String::new();
    for i in 0..VOTERS {
        events.push_str(&format!(
            "[[event]]\nid = \"reg-{v}\"\ndate = \"2026-01-01\"\nkind = \"person_registered\"\nperson = \"{v}\"\nname = \"Voter {i}\"\n\n",
            v = voter(i)
        ));
    }
    let file = env.dir.path().join("voters.toml");
    std::fs::write(&file, events).expect("write voters");
    env.run(&["record", path(&file)]);
    let names: Vec<String> = (0..VOTERS).map(voter).collect();
    add_voters(
        &mut env,
        &names.iter().map(String::as_str).collect::<Vec<_>>(),
    );

    let mut server = env.serve();
    let delegates: Vec<_> = names.iter().map(|v| json!({"person": v})).collect();
    let convened = convene_m1(&server, &env, delegates.into(), json!({}));
    assert_eq!(convened.status, 201, "{}", convened.body);
    for v in &names {
        let checked = post(
            &server,
            &env,
            "chair",
            "/api/v1/meetings/m1/attendance",
            json!({"person": v, "present": true}),
        );
        assert_eq!(checked.status, 204);
    }
    let poll = json!({"id": "pb", "title": "Political Bureau", "kind": "election",
        "target": "party/politburo", "method": "meek", "seats": 2,
        "candidates": ["kim", "pak", "choe", "yun"]});
    assert_eq!(
        post(&server, &env, "chair", "/api/v1/meetings/m1/polls", poll).status,
        201
    );
    assert_eq!(
        post(&server, &env, "chair", "/api/v1/polls/pb/open", json!({})).status,
        200
    );

    // Voters vote in an order unlike their names' (the 7k+3-th of 30 votes k-th); the
    // test keeps who got which tracker, by voter.
    let rankings = rankings();
    let order: Vec<usize> = (0..VOTERS).map(|k| (k * 7 + 3) % VOTERS).collect();
    let mut truth = vec![String::new(); VOTERS];
    let mut ballots = vec![Vec::new(); VOTERS];
    for &i in &order {
        let ballot = json!({"ballot": {"ranking": rankings[i * 2]}});
        let receipt = vote(&server, &env, &names[i], "pb", ballot);
        assert_eq!(receipt.status, 201, "{}", receipt.body);
        truth[i] = receipt.json()["tracker"]
            .as_str()
            .expect("tracker")
            .to_owned();
        ballots[i] = rankings[i * 2].clone();
    }
    assert_eq!(
        post(&server, &env, "chair", "/api/v1/polls/pb/close", json!({})).status,
        200
    );

    // Everything the attacker gets: the server's output and the database's files.
    // (Its standard output after the address line is read by nobody: it prints nothing
    // more, or it would fail writing.)
    let _ = server.child.kill();
    let _ = server.child.wait();
    let mut printed = Vec::new();
    if let Some(mut stderr) = server.child.stderr.take() {
        use std::io::Read;
        stderr
            .read_to_end(&mut printed)
            .expect("the server's errors");
    }
    let mut dump = std::fs::read(env.dir.path().join("plenum.db")).expect("the database");
    if let Ok(wal) = std::fs::read(env.dir.path().join("plenum.db-wal")) {
        dump.extend(wal);
    }

    // Nothing printed names a tracker or a voter.
    for (t, v) in truth.iter().zip(&names) {
        assert!(
            offset(&printed, t.as_bytes()).is_none(),
            "the output names a tracker"
        );
        assert!(
            offset(&printed, v.as_bytes()).is_none(),
            "the output names a voter"
        );
    }

    // Where each roll row and each urn row sits in the file.
    let roll_at: Vec<usize> = names
        .iter()
        .map(|v| {
            offset(&dump, format!("pb{v}{v}").as_bytes())
                .unwrap_or_else(|| panic!("{v} is on the roll"))
        })
        .collect();
    // An urn row's record is its poll, tracker and ballot, side by side (a weight of 1
    // takes no bytes); an index entry has the tracker without the ballot.
    let candidates = ["kim", "pak", "choe", "yun"];
    let mut urn_at: Vec<(usize, String)> = truth
        .iter()
        .zip(&ballots)
        .map(|(t, ranking)| {
            let numbers: Vec<String> = ranking
                .iter()
                .map(|c| (candidates.iter().position(|k| k == c).unwrap_or(0) + 1).to_string())
                .collect();
            let row = format!("{t}{}", numbers.join(" "));
            let at = offset(&dump, row.as_bytes()).expect("every ballot is in the file");
            (at, t.clone())
        })
        .collect();
    urn_at.sort();
    let urn_in_file_order: Vec<String> = urn_at.iter().map(|(_, t)| t.clone()).collect();

    // Attack 1: the k-th voter to vote cast the k-th ballot in the file (or the k-th
    // from the end).
    let truth_by_time: Vec<String> = order.iter().map(|&i| truth[i].clone()).collect();
    let by_time = right(&urn_in_file_order, &truth_by_time);
    assert!(
        by_time <= CHANCE,
        "the file's order follows the voting order: {by_time} of {VOTERS}"
    );
    let backwards: Vec<String> = urn_in_file_order.iter().rev().cloned().collect();
    let by_time_backwards = right(&backwards, &truth_by_time);
    assert!(
        by_time_backwards <= CHANCE,
        "the file's order follows the voting order backwards: {by_time_backwards} of {VOTERS}"
    );

    // Attack 0: the roll's order in the file tells when each voted.
    let mut roll_order: Vec<usize> = (0..VOTERS).collect();
    roll_order.sort_by_key(|&i| roll_at[i]);
    let as_voted = roll_order
        .iter()
        .zip(&order)
        .filter(|(a, b)| a == b)
        .count();
    let as_voted_backwards = roll_order
        .iter()
        .rev()
        .zip(&order)
        .filter(|(a, b)| a == b)
        .count();
    assert!(
        as_voted.max(as_voted_backwards) <= CHANCE,
        "the roll's order follows the voting order"
    );

    // Attack 2: the i-th name on the roll, in file order, cast the i-th ballot.
    let mut guess = vec![String::new(); VOTERS];
    for (rank, &i) in roll_order.iter().enumerate() {
        guess[i] = urn_in_file_order[rank].clone();
    }
    let by_roll = right(&guess, &truth);
    assert!(
        by_roll <= CHANCE,
        "the roll's order follows the urn's: {by_roll} of {VOTERS}"
    );

    // Attack 3: a voter's ballot is the one nearest their name on the roll.
    let nearest: Vec<String> = roll_at
        .iter()
        .map(|&at| {
            urn_at
                .iter()
                .min_by_key(|(u, _)| u.abs_diff(at))
                .map(|(_, t)| t.clone())
                .unwrap_or_default()
        })
        .collect();
    let by_nearness = right(&nearest, &truth);
    assert!(
        by_nearness <= CHANCE,
        "ballots sit beside their voters: {by_nearness} of {VOTERS}"
    );

    // The urn keeps no owner, no rowid, no time; the roll no ballot.
    let db = rusqlite::Connection::open(env.dir.path().join("plenum.db")).expect("open");
    let owners: i64 = db
        .query_row(
            "SELECT count(*) FROM live_urn WHERE owner IS NOT NULL",
            [],
            |r| r.get(0),
        )
        .expect("count owners");
    assert_eq!(owners, 0);
    assert!(
        db.prepare("SELECT rowid FROM live_urn").is_err(),
        "the urn has no rowid"
    );
    assert!(
        db.prepare("SELECT rowid FROM live_roll").is_err(),
        "the roll has no rowid"
    );
    let columns: Vec<String> = db
        .prepare("SELECT name FROM pragma_table_info('live_urn')")
        .and_then(|mut s| s.query_map([], |r| r.get(0))?.collect())
        .expect("columns");
    assert_eq!(columns, ["poll", "tracker", "weight", "ballot", "owner"]);
    let key: Option<String> = db
        .query_row(
            "SELECT owner_key FROM live_polls WHERE id = 'pb'",
            [],
            |r| r.get(0),
        )
        .expect("the poll");
    assert_eq!(key, None, "the key of the owner tags is erased");
    assert!(ballots.iter().all(|b| !b.is_empty()));
}
