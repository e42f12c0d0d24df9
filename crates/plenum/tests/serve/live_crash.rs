//! `kill -9` in the middle of a burst of ballots: every ballot the server acknowledged
//! (201, with a tracker) is in the urn after a restart, exactly once; no refused voter is
//! on the roll; the roll and the urn stay the same size. On SQLite and on PostgreSQL.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Barrier};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::live::{convene_m1, post};
use crate::{Env, PASSWORD, Server, data, path};

/// How many delegates vote.
const VOTERS: usize = 60;

/// Whether voter `i` stays away (not checked in): their ballots are refused (403) by the
/// writer, inside the same group commits as the others'.
fn absent(i: usize) -> bool {
    i % 12 == 1
}

/// How many acknowledgements the server gives before it is killed.
const KILL_AFTER: usize = 15;

/// What became of one voter's ballot.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Outcome {
    /// 201, with this tracker.
    Acked(String),
    /// An HTTP error status.
    Refused(u16),
    /// No answer (the connection failed).
    NoAnswer,
}

fn person(i: usize) -> String {
    format!("voter-{i:02}")
}

/// A ledger at `db` (a file name in the directory, or a PostgreSQL URL) with the CLI
/// tests' statute and founding, [`VOTERS`] registered persons with a member account and
/// token each (kept under the person's id), and a chair.
fn ledger(db: &str) -> Env {
    let mut env = Env::new();
    env.run(&["init", "--statute", path(&data("statute.toml")), "--db", db]);
    env.run(&["record", path(&data("founding.toml")), "--db", db]);
    env.run(&["record", path(&data("purge.toml")), "--db", db]);
    let events: String = (0..VOTERS)
        .map(|i| {
            format!(
                "[[event]]\nid = \"p-{p}\"\ndate = \"1960\"\nkind = \"person_registered\"\n\
                 person = \"{p}\"\nname = \"Voter {i}\"\n\n",
                p = person(i)
            )
        })
        .collect();
    let file = env.dir.path().join("voters.toml");
    std::fs::write(&file, events).expect("write the voters");
    env.run(&["record", path(&file), "--db", db]);
    env.add_account("chair", db);
    // An account per voter: an argon2 hash each, so a few at a time.
    let shared = &env;
    let tokens: Vec<(String, String)> = thread::scope(|scope| {
        let chunks: Vec<_> = (0..4)
            .map(|k| {
                let env = shared;
                scope.spawn(move || {
                    (k..VOTERS)
                        .step_by(4)
                        .map(|i| {
                            let p = person(i);
                            voter_account(env, &p, db);
                            let token = env.run(&["user", "token", &p, "--db", db]);
                            (p, token.trim().to_owned())
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        chunks
            .into_iter()
            .flat_map(|h| h.join().expect("a thread making accounts"))
            .collect()
    });
    for (p, token) in tokens {
        let p: &'static str = Box::leak(p.into_boxed_str());
        env.tokens.insert(p, token);
    }
    env
}

/// `plenum user add P --role member --person P`.
fn voter_account(env: &Env, p: &str, db: &str) {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = env
        .plenum()
        .args([
            "user", "add", p, "--role", "member", "--person", p, "--db", db,
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("user add");
    if let Some(mut stdin) = child.stdin.take() {
        writeln!(stdin, "{PASSWORD}").expect("password");
    }
    let out = child.wait_with_output().expect("wait");
    assert!(
        out.status.success(),
        "user add {p}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Convenes `m1` with every voter, checks them in but the [`absent`], opens the secret motion `m1-poll`.
fn open_poll(server: &Server, env: &Env) {
    let delegates: Vec<Value> = (0..VOTERS)
        .map(|i| json!({"person": person(i), "weight": 1}))
        .collect();
    let convened = convene_m1(server, env, delegates.into(), json!({"name": "Plenum"}));
    assert_eq!(convened.status, 201, "{}", convened.body);
    for i in (0..VOTERS).filter(|i| !absent(*i)) {
        let checked_in = post(
            server,
            env,
            "chair",
            "/api/v1/meetings/m1/attendance",
            json!({"person": person(i), "present": true}),
        );
        assert_eq!(checked_in.status, 204, "{}", checked_in.body);
    }
    let made = post(
        server,
        env,
        "chair",
        "/api/v1/meetings/m1/polls",
        json!({"id": "m1-poll", "title": "Adopt the report", "kind": "motion"}),
    );
    assert_eq!(made.status, 201, "{}", made.body);
    let opened = post(
        server,
        env,
        "chair",
        "/api/v1/polls/m1-poll/open",
        json!({}),
    );
    assert_eq!(opened.status, 200, "{}", opened.body);
}

/// One voter's ballot, on its own connection.
fn ballot(base: &str, token: &str, choice: &str) -> Outcome {
    let config = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(20)))
        .build();
    let agent = ureq::Agent::new_with_config(config);
    let body = json!({"ballot": {"choice": choice}}).to_string();
    let answer = agent
        .post(format!("{base}/api/v1/polls/m1-poll/ballots"))
        .header("content-type", "application/json")
        .header("authorization", format!("Bearer {token}"))
        .send(&body);
    let mut response = match answer {
        Ok(r) => r,
        Err(_) => return Outcome::NoAnswer,
    };
    let status = response.status().as_u16();
    if status != 201 {
        return Outcome::Refused(status);
    }
    // The status came; the body may still be cut off by the kill. Without it the voter
    // holds no tracker: count it as unanswered (it may or may not be on the roll).
    let Ok(text) = response.body_mut().read_to_string() else {
        return Outcome::NoAnswer;
    };
    let receipt: Value = serde_json::from_str(&text).expect("a receipt");
    Outcome::Acked(receipt["tracker"].as_str().expect("a tracker").to_owned())
}

/// Fires every voter's ballot from its own thread, in waves a few milliseconds apart,
/// and kills the server (SIGKILL) once [`KILL_AFTER`] were acknowledged.
fn burst_and_kill(env: &Env, server: &mut Server) -> Vec<(String, Outcome)> {
    let acked = Arc::new(AtomicUsize::new(0));
    let start = Arc::new(Barrier::new(VOTERS + 1));
    let handles: Vec<_> = (0..VOTERS)
        .map(|i| {
            let p = person(i);
            let token = env.tokens.get(p.as_str()).expect("a token").clone();
            let base = server.base.clone();
            let (acked, start) = (Arc::clone(&acked), Arc::clone(&start));
            thread::spawn(move || {
                start.wait();
                // Five at a time, every 15 ms: the burst lasts about 180 ms.
                thread::sleep(Duration::from_millis(15 * (i / 5) as u64));
                let choice = if i % 3 == 0 { "against" } else { "for" };
                let outcome = ballot(&base, &token, choice);
                if matches!(outcome, Outcome::Acked(_)) {
                    acked.fetch_add(1, Ordering::SeqCst);
                }
                (p, outcome)
            })
        })
        .collect();
    start.wait();
    let deadline = Instant::now() + Duration::from_secs(20);
    while acked.load(Ordering::SeqCst) < KILL_AFTER {
        assert!(
            Instant::now() < deadline,
            "the server acknowledged only {} ballots in 20 s",
            acked.load(Ordering::SeqCst)
        );
        thread::sleep(Duration::from_micros(200));
    }
    server.child.kill().expect("kill -9 the server");
    server.child.wait().expect("reap the server");
    handles
        .into_iter()
        .map(|h| h.join().expect("a voter's thread"))
        .collect()
}

/// The whole scenario on the ledger at `db`.
fn crash_mid_burst(db: &str) {
    let began = Instant::now();
    let env = ledger(db);
    let mut server = env.serve_db(db);
    open_poll(&server, &env);
    let outcomes = burst_and_kill(&env, &mut server);
    drop(server);

    let acked: Vec<(&str, &str)> = outcomes
        .iter()
        .filter_map(|(p, o)| match o {
            Outcome::Acked(t) => Some((p.as_str(), t.as_str())),
            _ => None,
        })
        .collect();
    let refused: Vec<(&str, u16)> = outcomes
        .iter()
        .filter_map(|(p, o)| match o {
            Outcome::Refused(s) => Some((p.as_str(), *s)),
            _ => None,
        })
        .collect();
    let unanswered = outcomes
        .iter()
        .filter(|(_, o)| *o == Outcome::NoAnswer)
        .count();
    assert!(acked.len() >= KILL_AFTER, "{outcomes:?}");
    assert!(
        !refused.is_empty(),
        "the absent voters of the first wave were not refused before the kill: {outcomes:?}"
    );
    assert!(
        refused
            .iter()
            .all(|(p, s)| *s == 403 && absent(p[6..].parse().expect("a number"))),
        "only the absent are refused, with 403: {refused:?}"
    );
    assert!(
        acked.len() < VOTERS,
        "every ballot was acknowledged before the kill: the burst was not cut ({outcomes:?})"
    );

    // Restart on the same ledger; close the poll; read the urn.
    let server = env.serve_db(db);
    let closed = post(
        &server,
        &env,
        "chair",
        "/api/v1/polls/m1-poll/close",
        json!({}),
    );
    assert_eq!(closed.status, 200, "{}", closed.body);
    let urn = server.get("/api/v1/polls/m1-poll/urn");
    assert_eq!(urn.status, 200, "{}", urn.body);
    let urn = urn.json();
    let roll: Vec<&str> = urn["roll"]
        .as_array()
        .expect("a roll")
        .iter()
        .map(|p| p.as_str().expect("a person"))
        .collect();
    let trackers: Vec<&str> = urn["ballots"]
        .as_array()
        .expect("ballots")
        .iter()
        .map(|b| b["tracker"].as_str().expect("a tracker"))
        .collect();

    for (p, t) in &acked {
        let found = trackers.iter().filter(|x| **x == *t).count();
        assert_eq!(
            found, 1,
            "{p}'s acknowledged ballot {t} is in the urn {found} times"
        );
        assert!(
            roll.contains(p),
            "{p} was acknowledged but is not on the roll"
        );
    }
    assert_eq!(roll.len(), trackers.len(), "roll and urn differ in size");
    for (p, status) in &refused {
        assert!(
            !roll.contains(p),
            "{p} got {status} and is on the roll nonetheless"
        );
    }
    assert!(
        roll.len() <= acked.len() + unanswered,
        "the roll ({}) holds more than the acknowledged ({}) and unanswered ({})",
        roll.len(),
        acked.len(),
        unanswered
    );
    assert_eq!(closed.json()["roll"], roll.len());
    eprintln!(
        "{db}: {} acknowledged, {} refused, {unanswered} unanswered; {} on the roll after the restart ({:.1} s)",
        acked.len(),
        refused.len(),
        roll.len(),
        began.elapsed().as_secs_f64()
    );
}

#[test]
fn acknowledged_ballots_survive_kill_9_on_sqlite() {
    crash_mid_burst("plenum.db");
}

/// Needs the PostgreSQL server of `DATABASE_URL` (`.ci/postgres`); fails without it.
#[test]
fn acknowledged_ballots_survive_kill_9_on_postgresql() {
    crash_mid_burst(&plenum_dev::pg::fresh_url());
}
