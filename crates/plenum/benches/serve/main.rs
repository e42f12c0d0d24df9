//! Readers of `plenum serve` under load (issue 10): 1,000 concurrent keep-alive
//! connections reading organ pages and `at` answers of the 1,000,000-member ledger.
//! Target: p99 at most 20 ms and at least 5,000 requests/s on 2 cores; every page under
//! 100 KB.
//!
//! `cargo bench -p plenum --bench serve -- [--db FILE] [--connections 1000]
//! [--requests 100000] [--scattered 10000] [--paced 5000] [--runs 3]
//! [--only popular-cold,popular-warm,scattered]`. The ledger defaults to the ledger
//! bench's cached 1,000,000-member organization, which `cargo bench -p plenum --bench
//! ledger -- --members 1000000 --only at --runs 1` builds; it is copied, and the copy
//! served by the real `plenum serve`. Without `--bench` (under `cargo test`) it makes a
//! small smoke run on the bundled example.
//!
//! Each run sends `--requests` GETs over all connections, in three mixes: **popular**
//! (the council's page and its `at` answer on 50 dates, as readers following links and
//! the date slider ask them; after the first of each, answers are kept until the head
//! moves), measured **cold** (the first reader of each date is in the burst) and
//! **warm** (each read once just before), and **scattered** (a date per page and answer pair, each of the century's dates
//! once before any repeats: mostly the query's own cost). Each mix runs closed loop (each connection sends
//! its next request once the last is answered) and paced at `--paced` requests a second
//! (an open loop, each request timed from when it was due). Beside them, under the same
//! generator and connections: an unknown path (404, no store) and `/healthz` (one store
//! read), the server's limits on this machine.

#[path = "../load/mod.rs"]
mod load;

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use load::{Burst, Server, burst, get_requests, median, plenum};

// As the plenum binary does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Sizes and switches, from the command line.
#[derive(Clone, Debug)]
struct Config {
    full: bool,
    db: Option<PathBuf>,
    connections: usize,
    requests: usize,
    paced: usize,
    runs: usize,
    /// Requests of a scattered run (each mostly a new question: far slower).
    scattered: usize,
    /// The mixes to run (all when empty).
    only: Vec<String>,
}

impl Config {
    fn from_args() -> Config {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let full = args.iter().any(|a| a == "--bench");
        let mut config = Config {
            full,
            db: None,
            connections: if full { 1_000 } else { 20 },
            requests: if full { 100_000 } else { 400 },
            paced: if full { 5_000 } else { 200 },
            runs: if full { 3 } else { 1 },
            scattered: if full { 10_000 } else { 200 },
            only: Vec::new(),
        };
        load::flags(&args, |flag, value| {
            let number = || load::number(flag, value);
            match flag {
                "--db" => config.db = Some(PathBuf::from(value)),
                "--connections" => config.connections = number().max(1),
                "--requests" => config.requests = number().max(1),
                "--paced" => config.paced = number(),
                "--runs" => config.runs = number().max(1),
                "--scattered" => config.scattered = number().max(2),
                "--only" => config.only = value.split(',').map(str::to_owned).collect(),
                _ => return false,
            }
            true
        });
        config.connections = config.connections.min(config.requests);
        config
    }
}

/// The ledger bench's cached 1,000,000-member organization.
fn cached_organization() -> PathBuf {
    std::env::var_os("PLENUM_BENCH_DATA")
        .map_or_else(
            || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data"),
            PathBuf::from,
        )
        .join("org-m1000000-s1000-seed1-v7.db")
}

/// What is read: the organ's id and organization, and a date format for day `i`.
struct Subject {
    org: &'static str,
    organ: &'static str,
    dates: fn(usize) -> String,
}

/// Day `i` of a calendar of 336-day years (twelve months of 28 days) from `first_year`,
/// over `years`: every `i` below `years * 336` is a different date.
fn day(i: usize, first_year: usize, years: usize) -> String {
    let i = i % (years * 336);
    let (year, rest) = (first_year + i / 336, i % 336);
    format!("{year}-{:02}-{:02}", 1 + rest / 28, 1 + rest % 28)
}

/// The synthetic organization's council (a thousand seats from its first election in
/// 1905), over 1906–2000.
const SYNTHETIC: Subject = Subject {
    org: "org",
    organ: "council",
    dates: |i| day(i, 1906, 95),
};

/// The bundled example's Politburo, over 1946–1999.
const EXAMPLE: Subject = Subject {
    org: "wpk",
    organ: "politburo",
    dates: |i| day(i, 1946, 54),
};

/// The paths of a mix: request `i` reads the page (even `i`) or the API's answer (odd),
/// on date `first + (i / 2) % distinct`.
fn paths(subject: &Subject, n: usize, distinct: usize, first: usize) -> Vec<String> {
    (0..n)
        .map(|i| {
            // 11 is prime to 336 and to the years' counts: consecutive indexes spread
            // over the calendar and do not repeat before it is used up.
            let date = (subject.dates)((first + (i / 2) % distinct) * 11);
            if i % 2 == 0 {
                format!("/organ/{}/{}?date={date}", subject.org, subject.organ)
            } else {
                format!(
                    "/api/v1/at/{}?date={date}&org={}",
                    subject.organ, subject.org
                )
            }
        })
        .collect()
}

fn requests(addr: &str, paths: &[String]) -> Arc<Vec<Vec<u8>>> {
    Arc::new(
        paths
            .iter()
            .map(|p| format!("GET {p} HTTP/1.1\r\nhost: {addr}\r\n\r\n").into_bytes())
            .collect(),
    )
}

/// One GET, its status and body, over a connection of its own.
fn fetch(addr: &str, path: &str) -> (u16, Vec<u8>) {
    use std::io::{Read, Write};
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nhost: {addr}\r\nconnection: close\r\n\r\n"
    )
    .expect("write");
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).expect("read");
    let end = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("an HTTP answer");
    let status = std::str::from_utf8(&answer[9..12])
        .ok()
        .and_then(|s| s.parse().ok())
        .expect("a status");
    (status, answer[end + 4..].to_vec())
}

fn limits(server: &Server, config: &Config) -> (Burst, Burst) {
    let n = config.requests;
    let noop = burst(
        &server.addr,
        config.connections,
        Arc::new(get_requests(&server.addr, "/no-such-page", n)),
        None,
    );
    let healthz = burst(
        &server.addr,
        config.connections,
        Arc::new(get_requests(&server.addr, "/healthz", n)),
        None,
    );
    assert_eq!(noop.count(404), n, "{noop:?}");
    assert_eq!(healthz.count(200), n, "{:?}", healthz.statuses);
    (noop, healthz)
}

fn main() {
    let config = Config::from_args();
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (db, subject) = if config.full {
        let source = config.db.clone().unwrap_or_else(cached_organization);
        assert!(
            source.exists(),
            "{} is missing: build it with `cargo bench -p plenum --bench ledger -- \
             --members 1000000 --only at --runs 1`, or give --db",
            source.display()
        );
        let db = dir.path().join("ledger.db");
        std::fs::copy(&source, &db).expect("copy the ledger");
        (db, SYNTHETIC)
    } else {
        let db = dir.path().join("demo.db");
        let out = plenum()
            .args(["demo", "--db"])
            .arg(&db)
            .output()
            .expect("run plenum demo");
        assert!(out.status.success(), "plenum demo failed: {out:?}");
        (db, EXAMPLE)
    };
    let started = Instant::now();
    let server = Server::start(db.to_str().expect("a UTF-8 path"));
    println!(
        "serve: {} ({} MB), listening {:.0} ms after start; {} connections, {} requests a run, \
         {} run(s), {} cores",
        db.display(),
        std::fs::metadata(&db).map_or(0, |m| m.len()) / 1_000_000,
        started.elapsed().as_secs_f64() * 1000.0,
        config.connections,
        config.requests,
        config.runs,
        std::thread::available_parallelism().map_or(0, std::num::NonZero::get)
    );
    // Page weight, and that the answers are what they should be.
    for path in &paths(&subject, 2, 1, 1_000) {
        let (status, body) = fetch(&server.addr, path);
        assert_eq!(status, 200, "{path}: {}", String::from_utf8_lossy(&body));
        println!("weight: {path}: {:.1} KB", body.len() as f64 / 1000.0);
    }
    for extra in ["/", "/static/style.css"] {
        let (status, body) = fetch(&server.addr, extra);
        assert_eq!(status, 200, "{extra}");
        println!("weight: {extra}: {:.1} KB", body.len() as f64 / 1000.0);
    }
    let (noop, healthz) = limits(&server, &config);
    println!(
        "limits under the same generator: 404 (no store) {:.0}/s p99 {:.1} ms; /healthz (one \
         store read) {:.0}/s p99 {:.1} ms",
        noop.rate(),
        noop.percentile(0.99),
        healthz.rate(),
        healthz.percentile(0.99)
    );
    println!(
        "{:<13} {:<13} {:>4} {:>9} {:>8} {:>8} {:>8}",
        "mix", "load", "run", "req/s", "p50 ms", "p99 ms", "max ms"
    );
    let mut summaries = Vec::new();
    // popular-cold: the 50 dates' first readers are in the measured burst; popular-warm:
    // each of them read once before it (the steady state of a site whose popular pages
    // are kept); scattered: a date per page and answer pair.
    let mixes = [
        ("popular-cold", config.requests, 50, false),
        ("popular-warm", config.requests, 50, true),
        ("scattered", config.scattered, config.scattered, false),
    ];
    for (mix, count, distinct, warm) in mixes {
        if !config.only.is_empty() && !config.only.iter().any(|m| m == mix) {
            continue;
        }
        let mut loads = vec![None];
        if config.paced > 0 {
            loads.push(Some(config.paced as f64));
        }
        for rate in loads {
            let load = rate.map_or("closed loop".to_owned(), |r| format!("paced {r:.0}/s"));
            let (mut rates, mut p50s, mut p99s) = (vec![], vec![], vec![]);
            for run in 0..config.runs {
                // Each run (and each load) reads other dates than the last, so that
                // only its own requests warm what is kept.
                let first = (summaries.len() * config.runs + run) * distinct;
                let paths = paths(&subject, count, distinct, first);
                if warm {
                    let once = burst(
                        &server.addr,
                        config.connections.min(2 * distinct),
                        requests(&server.addr, &paths[..2 * distinct]),
                        None,
                    );
                    assert_eq!(once.count(200), 2 * distinct, "{:?}", once.statuses);
                }
                let result = burst(
                    &server.addr,
                    config.connections,
                    requests(&server.addr, &paths),
                    rate,
                );
                assert_eq!(
                    result.count(200),
                    count,
                    "every read is answered 200: {:?}, {} without an answer",
                    result.statuses,
                    result.failed
                );
                println!(
                    "{mix:<13} {load:<13} {run:>4} {:>9.0} {:>8.1} {:>8.1} {:>8.1}",
                    result.rate(),
                    result.percentile(0.50),
                    result.percentile(0.99),
                    result.percentile(1.0)
                );
                rates.push(result.rate());
                p50s.push(result.percentile(0.50));
                p99s.push(result.percentile(0.99));
            }
            summaries.push((mix, load, median(rates), median(p50s), median(p99s)));
        }
    }
    for (mix, load, rate, p50, p99) in summaries {
        println!(
            "{mix} {load}: median of {} run(s): {rate:.0} req/s ({:.2}x the 5,000/s target), \
             p50 {p50:.1} ms, p99 {p99:.1} ms ({:.2}x the 20 ms target); {:.2} of the 404 \
             rate, {:.2} of /healthz's",
            config.runs,
            rate / 5_000.0,
            p99 / 20.0,
            rate / noop.rate(),
            rate / healthz.rate()
        );
    }
    drop(server);
    if !config.full {
        println!("(a smoke run: `cargo bench -p plenum --bench serve` measures)");
    }
}
