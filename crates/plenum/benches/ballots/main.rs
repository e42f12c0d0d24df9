//! Live ballots under load (issue 11): 100,000 eligible voters in one secret poll, 1,000
//! concurrent keep-alive connections, every ballot acknowledged only once it is durable.
//! Target: all ballots in at most 10 s (10,000 ballots/s) with p99 at most 50 ms, with
//! SQLite and with PostgreSQL, on loopback.
//!
//! `cargo bench -p plenum --bench ballots -- --voters 100000 --connections 1000 --store
//! sqlite,postgres [--runs 3]`. Without `--bench` (under `cargo test`) it makes a small
//! smoke run. PostgreSQL: the server `DATABASE_URL` names, in a fresh schema.
//!
//! The ledger is made by the real binary (`plenum init`, and the voters registered with
//! `plenum record`); the meeting, its delegates (all checked in), the accounts and their
//! API tokens go in through the store's APIs in one transaction each (an argon2 hash per
//! account would take hours), and each run opens a new poll of the same meeting. The
//! server is the real `plenum serve`, a process of its own; the load generator here
//! speaks plain HTTP/1.1 over one tokio thread: each connection sends its share of the
//! voters' ballots one after another, and times each from the request written to the
//! answer read. Beside the ballots it measures, under the same generator and
//! connections, two limits: a request that touches no store (an unknown path: 404) and
//! `/healthz` (one store read), and the fsyncs per second of the ledger's disk.
//! Afterwards the poll's turnout, read from the store, must equal the 201s counted.

#[path = "../load/mod.rs"]
mod load;

use std::io::Write;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use plenum_server::auth::secret::secret_hash;
use plenum_server::live::{Live, NewPoll};
use plenum_store::Store;
use plenum_store::accounts::{AccountRecord, Accounts};
use plenum_store::meetings::{DelegateRecord, MeetingRecord, Meetings};
use plenum_store::postgres::PgStore;
use plenum_store::sqlite::SqliteStore;

use load::{Server, burst, get_requests, median, plenum};

// As the plenum binary does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The timestamp of the setup's entries.
const NOW: &str = "2026-11-27T00:00:00Z";

/// Sizes and switches, from the command line.
#[derive(Clone, Debug)]
struct Config {
    /// `--bench` was given.
    full: bool,
    /// Eligible voters (each casts one ballot).
    voters: usize,
    /// Concurrent connections.
    connections: usize,
    /// Measured bursts per store (each in a new poll).
    runs: usize,
    /// The stores: `sqlite`, `postgres`.
    stores: Vec<String>,
    /// Besides the closed-loop runs (each connection sends its next ballot once the last
    /// is answered), runs that offer ballots at this rate (per second, over all
    /// connections; 0: none), each timed from when it was due.
    paced: usize,
}

impl Config {
    fn from_args() -> Config {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let full = args.iter().any(|a| a == "--bench");
        let mut config = if full {
            Config {
                full,
                voters: 100_000,
                connections: 1_000,
                runs: 3,
                stores: vec!["sqlite".into(), "postgres".into()],
                paced: 10_000,
            }
        } else {
            Config {
                full,
                voters: 300,
                connections: 20,
                runs: 1,
                stores: vec!["sqlite".into(), "postgres".into()],
                paced: 1_000,
            }
        };
        load::flags(&args, |flag, value| {
            let number = || load::number(flag, value);
            match flag {
                "--voters" => config.voters = number().max(1),
                "--connections" => config.connections = number().max(1),
                "--runs" => config.runs = number().max(1),
                "--paced" => config.paced = number(),
                "--store" => config.stores = value.split(',').map(str::to_owned).collect(),
                _ => return false,
            }
            true
        });
        config.connections = config.connections.min(config.voters);
        config
    }
}

fn person(i: usize) -> String {
    format!("v{i:06}")
}

/// A ledger with the voters registered, its meeting (everyone checked in) and an
/// account with a token for each voter: the database argument and the tokens.
struct Ledger {
    db: String,
    tokens: Vec<String>,
    _dir: tempfile::TempDir,
}

fn run_plenum(args: &[&str]) {
    let out = plenum()
        .args(args)
        .env_remove("PLENUM_DB")
        .env("PLENUM_NOW", NOW)
        .output()
        .expect("run plenum");
    assert!(
        out.status.success(),
        "plenum {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn statute() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/data/statute.toml")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

fn founding() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/cli/data/founding.toml")
        .to_str()
        .expect("a UTF-8 path")
        .to_owned()
}

/// Opens the store behind `db` and runs `f` over it.
fn with_store<R>(db: &str, f: impl FnOnce(&dyn Everything) -> R) -> R {
    if db.starts_with("postgres") {
        f(&PgStore::open(db).expect("open the PostgreSQL ledger"))
    } else {
        f(&SqliteStore::open(Path::new(db)).expect("open the SQLite ledger"))
    }
}

/// A store with meetings and accounts.
trait Everything: Store + Meetings + Accounts {
    fn as_store(&self) -> &dyn Store;
    fn as_meetings(&self) -> &dyn Meetings;
}

impl<S: Store + Meetings + Accounts> Everything for S {
    fn as_store(&self) -> &dyn Store {
        self
    }
    fn as_meetings(&self) -> &dyn Meetings {
        self
    }
}

fn setup(store: &str, config: &Config) -> Ledger {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = match store {
        "sqlite" => dir
            .path()
            .join("ballots.db")
            .to_str()
            .expect("a UTF-8 path")
            .to_owned(),
        "postgres" => plenum_dev::pg::fresh_url(),
        other => panic!("no such store: {other} (sqlite, postgres)"),
    };
    run_plenum(&["init", "--statute", &statute(), "--db", &db]);
    run_plenum(&["record", &founding(), "--db", &db]);
    let events = dir.path().join("voters.toml");
    let mut file = std::io::BufWriter::new(std::fs::File::create(&events).expect("events"));
    for i in 0..config.voters {
        write!(
            file,
            "[[event]]\nid = \"p-{p}\"\ndate = \"1960\"\nkind = \"person_registered\"\n\
             person = \"{p}\"\nname = \"Voter {i}\"\n\n",
            p = person(i)
        )
        .expect("write the events");
    }
    file.flush().expect("write the events");
    drop(file);
    run_plenum(&[
        "record",
        events.to_str().expect("a UTF-8 path"),
        "--db",
        &db,
    ]);
    let tokens: Vec<String> = (0..config.voters)
        .map(|i| format!("bench-token-{i}-{:016x}", fastrand_u64(i as u64)))
        .collect();
    with_store(&db, |s| {
        s.prepare_accounts().expect("accounts");
        s.prepare_meetings().expect("meetings");
        let accounts: Vec<(AccountRecord, String)> = (0..config.voters)
            .map(|i| {
                (
                    AccountRecord {
                        name: person(i),
                        role: "member".into(),
                        person: Some(person(i)),
                        password_hash: "$argon2id$v=19$m=19456,t=2,p=1$none$none".into(),
                        created_at: NOW.into(),
                    },
                    secret_hash(&tokens[i]),
                )
            })
            .collect();
        s.add_accounts_with_tokens(&accounts, "bench")
            .expect("the voters' accounts");
        let delegates: Vec<DelegateRecord> = (0..config.voters)
            .map(|i| DelegateRecord {
                person: person(i),
                weight: 1,
                present: true,
            })
            .collect();
        let meeting = MeetingRecord {
            id: "m1".into(),
            organ: "party/cc".into(),
            name: "Congress".into(),
            scheduled: "2026-11-28".into(),
            open: true,
            max_proxies: 0,
        };
        s.add_meeting(&meeting, &delegates).expect("the meeting");
    });
    Ledger {
        db,
        tokens,
        _dir: dir,
    }
}

/// A deterministic spread of bits (splitmix64), for distinct tokens.
fn fastrand_u64(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Makes and opens the secret motion `id` of meeting `m1`.
fn open_poll(db: &str, id: &str) {
    with_store(db, |s| {
        let live = Live {
            store: s.as_store(),
            meetings: s.as_meetings(),
            now: NOW,
        };
        let poll: NewPoll = serde_json::from_value(serde_json::json!({
            "id": id, "title": "Adopt the report", "kind": "motion"
        }))
        .expect("a poll");
        live.add_poll("m1", &poll).expect("add the poll");
        live.open(id).expect("open the poll");
    });
}

fn ballot_requests(addr: &str, poll: &str, tokens: &[String]) -> Vec<Vec<u8>> {
    tokens
        .iter()
        .enumerate()
        .map(|(i, token)| {
            let body = if i % 3 == 0 {
                r#"{"ballot":{"choice":"against"}}"#
            } else {
                r#"{"ballot":{"choice":"for"}}"#
            };
            format!(
                "POST /api/v1/polls/{poll}/ballots HTTP/1.1\r\nhost: {addr}\r\n\
                 authorization: Bearer {token}\r\ncontent-type: application/json\r\n\
                 content-length: {}\r\n\r\n{body}",
                body.len()
            )
            .into_bytes()
        })
        .collect()
}

/// fsync + write of 4 KiB at the end of a file in `dir`, for a second: per second.
fn fsyncs_per_second(dir: &Path) -> f64 {
    let path = dir.join("fsync-probe");
    let mut file = std::fs::File::create(&path).expect("a probe file");
    let block = [7u8; 4096];
    let start = Instant::now();
    let mut n = 0u32;
    while start.elapsed() < Duration::from_secs(1) {
        file.write_all(&block).expect("write");
        file.sync_data().expect("fdatasync");
        n += 1;
    }
    let rate = f64::from(n) / start.elapsed().as_secs_f64();
    let _ = std::fs::remove_file(path);
    rate
}

fn main() {
    let config = Config::from_args();
    println!(
        "ballots: {} voters, {} connections, {} run(s) per store, {} cores",
        config.voters,
        config.connections,
        config.runs,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );
    for store in &config.stores {
        let began = Instant::now();
        let ledger = setup(store, &config);
        println!(
            "{store}: ledger, {} voters' accounts and the meeting made in {:.1} s",
            config.voters,
            began.elapsed().as_secs_f64()
        );
        let server = Server::start(&ledger.db);
        let fsyncs = fsyncs_per_second(ledger._dir.path());
        let noop = burst(
            &server.addr,
            config.connections,
            Arc::new(get_requests(&server.addr, "/no-such-page", config.voters)),
            None,
        );
        let healthz = burst(
            &server.addr,
            config.connections,
            Arc::new(get_requests(&server.addr, "/healthz", config.voters)),
            None,
        );
        assert_eq!(noop.count(404), config.voters, "{noop:?}");
        assert_eq!(healthz.count(200), config.voters, "{:?}", healthz.statuses);
        println!(
            "{store}: limits under the same generator: 404 (no store) {:.0}/s p99 {:.1} ms; \
             /healthz (one store read) {:.0}/s p99 {:.1} ms; disk {fsyncs:.0} fsyncs/s",
            noop.rate(),
            noop.percentile(0.99),
            healthz.rate(),
            healthz.percentile(0.99)
        );
        println!(
            "{:<9} {:<13} {:>4} {:>9} {:>10} {:>8} {:>8} {:>8} {:>7} {:>8}",
            "store",
            "load",
            "run",
            "time s",
            "ballots/s",
            "p50 ms",
            "p99 ms",
            "max ms",
            "failed",
            "turnout"
        );
        let mut modes = vec![None];
        if config.paced > 0 {
            modes.push(Some(config.paced as f64));
        }
        let mut summaries = Vec::new();
        for (m, rate) in modes.into_iter().enumerate() {
            let load = match rate {
                None => "closed loop".to_owned(),
                Some(r) => format!("paced {r:.0}/s"),
            };
            let (mut times, mut rates, mut p50s, mut p99s) = (vec![], vec![], vec![], vec![]);
            for run in 0..config.runs {
                let poll = format!("p{m}-{run}");
                open_poll(&ledger.db, &poll);
                let requests = Arc::new(ballot_requests(&server.addr, &poll, &ledger.tokens));
                let result = burst(&server.addr, config.connections, requests, rate);
                let acked = result.count(201);
                let turnout = with_store(&ledger.db, |s| s.turnout(&poll).expect("turnout"));
                let failed = config.voters - acked;
                println!(
                    "{store:<9} {load:<13} {run:>4} {:>9.2} {:>10.0} {:>8.1} {:>8.1} {:>8.1} {:>7} {:>8}",
                    result.wall.as_secs_f64(),
                    result.rate(),
                    result.percentile(0.50),
                    result.percentile(0.99),
                    result.percentile(1.0),
                    failed,
                    turnout
                );
                assert_eq!(
                    failed, 0,
                    "every ballot is acknowledged: {:?}, {} without an answer",
                    result.statuses, result.failed
                );
                assert_eq!(
                    turnout, acked as u64,
                    "the poll's turnout is the number of 201s"
                );
                times.push(result.wall.as_secs_f64());
                rates.push(result.rate());
                p50s.push(result.percentile(0.50));
                p99s.push(result.percentile(0.99));
            }
            summaries.push((
                load,
                median(times),
                median(rates),
                median(p50s),
                median(p99s),
            ));
        }
        for (load, time, rate, p50, p99) in summaries {
            println!(
                "{store} {load}: median of {} run(s): {time:.2} s, \
                 {rate:.0} ballots/s ({:.2}x the 10,000/s target), p50 {p50:.1} ms, \
                 p99 {p99:.1} ms ({:.2}x the 50 ms target); {:.2} of the 404 rate, \
                 {:.2} of /healthz's",
                config.runs,
                rate / 10_000.0,
                p99 / 50.0,
                rate / noop.rate(),
                rate / healthz.rate()
            );
        }
        drop(server);
    }
    if !config.full {
        println!("(a smoke run: `cargo bench -p plenum --bench ballots` measures)");
    }
}
