//! Ledger benchmarks (issue 7, "the ledger at scale"), on a synthetic organization of
//! 10,000,000 members by default:
//!
//! - `build`: recording the organization year by year, events per second;
//! - `record`: `plenum record` of 100 events dated today, as a fresh process: wall time
//!   and peak memory;
//! - `check`: `plenum check` as a fresh process;
//! - `at`: `at` on the 1,000-seat council at random days: p50 and p99;
//! - `verify`: `verify` (chain and projection digests) in MB/s of entries, beside the
//!   limits of reading the entries and hashing them;
//! - `batch`: one batch of 100,000 new members and 50,000 seats on one organ;
//! - `writers`: small batches from 1, 8 and 32 threads of one process;
//! - `backdate`: small batches dated back into the history, and what they re-derive;
//! - `asof`: the replay `--as-of` makes, per million entries.
//!
//! `cargo bench -p plenum --bench ledger` runs them all; `-- --only at,verify` picks some,
//! `--members N`, `--runs N`, `--queries N` change sizes, `--store sqlite,postgres` the stores
//! measured (PostgreSQL: the server `DATABASE_URL` names; the organization is copied into
//! a database of its own once and kept). Without `--bench` (under
//! `cargo test`) it makes a small smoke run of every part. The organization is built
//! once and kept in `target/bench-data/` (or `$PLENUM_BENCH_DATA`) with a note of its
//! parameters and head; each invocation works on a copy of it.

mod backend;
mod build;
mod cpu;
mod parts;
mod process;
mod scale;

use std::path::{Path, PathBuf};

use backend::Ledger;
use std::time::Duration;

// As the plenum binary does.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The timestamp every benchmark entry is recorded with.
pub(crate) const NOW: &str = "2026-11-27T00:00:00Z";

/// Bumped whenever the cached organization would no longer match what this code builds.
pub(crate) const DATA_VERSION: u32 = 10;

/// Sizes and switches, from the command line.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    /// `--bench` was given: full sizes and the data cache.
    pub(crate) full: bool,
    /// Which parts to run.
    pub(crate) only: Vec<String>,
    /// Members of the organization.
    pub(crate) members: usize,
    /// Seats of its council.
    pub(crate) seats: usize,
    /// `at` queries per run.
    pub(crate) queries: usize,
    /// Repetitions of every measurement.
    pub(crate) runs: usize,
    /// New members in the large batch (each registered and admitted).
    pub(crate) batch_members: usize,
    /// Seats on one organ in the large batch.
    pub(crate) batch_seats: usize,
    /// How long each writers measurement runs.
    pub(crate) writers_for: Duration,
    /// The generator seed.
    pub(crate) seed: u64,
    /// The stores to measure: `sqlite`, `postgres` (on `DATABASE_URL`'s server).
    pub(crate) stores: Vec<String>,
}

impl Config {
    fn from_args() -> Config {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let full = args.iter().any(|a| a == "--bench");
        let mut config = if full {
            Config {
                full,
                only: Vec::new(),
                members: 10_000_000,
                seats: 1_000,
                queries: 2_000,
                runs: 5,
                batch_members: 100_000,
                batch_seats: 50_000,
                writers_for: Duration::from_secs(10),
                seed: 1,
                stores: vec!["sqlite".into()],
            }
        } else {
            Config {
                full,
                only: Vec::new(),
                members: 2_000,
                seats: 50,
                queries: 20,
                runs: 2,
                batch_members: 300,
                batch_seats: 150,
                writers_for: Duration::from_millis(300),
                seed: 1,
                stores: vec!["sqlite".into(), "postgres".into()],
            }
        };
        let mut i = 0;
        while i < args.len() {
            let value = args.get(i + 1).cloned().unwrap_or_default();
            let number = || -> usize {
                value
                    .replace('_', "")
                    .parse()
                    .unwrap_or_else(|_| panic!("{} wants a number, got `{value}`", args[i]))
            };
            match args[i].as_str() {
                "--only" => config.only = value.split(',').map(str::to_owned).collect(),
                "--store" => config.stores = value.split(',').map(str::to_owned).collect(),
                "--members" => config.members = number(),
                "--seats" => config.seats = number(),
                "--queries" => config.queries = number(),
                "--runs" => config.runs = number().max(1),
                "--batch-members" => config.batch_members = number(),
                "--batch-seats" => config.batch_seats = number(),
                "--seed" => config.seed = number() as u64,
                _ => {
                    i += 1;
                    continue;
                }
            }
            i += 2;
        }
        config
    }

    pub(crate) fn wants(&self, part: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| p == part)
    }
}

fn main() {
    let config = Config::from_args();
    let data = data_dir(&config);
    std::fs::create_dir_all(&data).expect("create the bench data directory");
    println!("# plenum ledger benchmarks");
    println!(
        "mode: {}; {} members; runs per measurement: {}; data: {}",
        if config.full { "bench" } else { "smoke" },
        config.members,
        config.runs,
        data.display()
    );
    let cached = build::organization(&config, &data);
    let mut ledgers = Vec::new();
    for store in &config.stores {
        match store.as_str() {
            "sqlite" => ledgers.push(Ledger::File(cached.clone())),
            "postgres" => {
                // A smoke run's database is its own, and dropped at the end.
                let name = match config.full {
                    true => build::name(&config),
                    false => format!("{}-smoke{}", build::name(&config), std::process::id()),
                };
                ledgers.push(backend::in_postgres(&cached, &name));
            }
            other => panic!("--store wants sqlite or postgres, got `{other}`"),
        }
    }
    for ledger in &ledgers {
        if ledgers.len() > 1 {
            println!();
            println!("# {}", ledger.label());
        }
        if config.wants("at") {
            parts::at(&config, ledger);
        }
        if config.wants("verify") {
            parts::verify(&config, ledger);
        }
        if config.wants("check") {
            process::check(&config, ledger);
        }
        let writing = ["record", "batch", "writers", "backdate"];
        if writing.iter().any(|p| config.wants(p)) {
            let work = ledger.work_copy(&data);
            if config.wants("record") {
                process::record(&config, &work, &data);
            }
            if config.wants("backdate") {
                scale::backdate(&config, &work);
            }
            if config.wants("writers") {
                scale::writers(&config, &work);
            }
            if config.wants("batch") {
                scale::batch(&config, &work);
            }
            work.drop_copy();
        }
    }
    if config.wants("asof") {
        scale::as_of(&config, &cached);
    }
    if !config.full {
        for ledger in &ledgers {
            if let Ledger::Database { .. } = ledger {
                ledger.drop_copy();
            }
        }
        let _ = std::fs::remove_dir_all(&data);
    }
}

/// Where the cached organization and scratch files go.
pub(crate) fn data_dir(config: &Config) -> PathBuf {
    if !config.full {
        return std::env::temp_dir().join(format!("plenum-bench-smoke-{}", std::process::id()));
    }
    std::env::var_os("PLENUM_BENCH_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data"),
        PathBuf::from,
    )
}

// Statistics.

pub(crate) fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    if n == 0 {
        return f64::NAN;
    }
    if n % 2 == 1 {
        values[n / 2]
    } else {
        (values[n / 2 - 1] + values[n / 2]) / 2.0
    }
}

/// The `q` quantile (nearest rank) of sorted values.
pub(crate) fn quantile(sorted: &[Duration], q: f64) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

/// `lo–hi` of the values.
pub(crate) fn spread(values: &[f64], digits: usize) -> String {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.digits$}–{hi:.digits$}")
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
