//! Ledger benchmarks (issue 2): appends against raw SQLite inserts of the same rows,
//! `at` latency on a 1,000-seat organ over a 1,000,000-member history, and `verify`
//! throughput beside the physical limits of reading and hashing the same bytes.
//!
//! `cargo bench -p plenum-store --bench ledger` runs everything at full size;
//! `-- --only append` (or `at`, `verify`) picks one part, and `--members`, `--seats`,
//! `--queries`, `--runs`, `--append-members` change the sizes. Without `--bench`
//! (as under `cargo test`) it makes a tiny smoke run that also checks that the raw
//! baseline writes exactly the rows the store writes.
//!
//! Every measurement is repeated (`--runs`, 3 by default) and the median is printed,
//! with the spread. The large history is built once and kept in
//! `target/bench-data/` (or `$PLENUM_BENCH_DATA`), keyed by its parameters.

/// What every part of the bench uses.
mod prelude {
    pub(crate) use plenum_model::date::{Day, FuzzyDate};
    pub(crate) use plenum_model::event::{Event, codec};
    pub(crate) use plenum_model::id::OrganRef;
    pub(crate) use plenum_model::id::Seq;
    pub(crate) use plenum_model::query::at::at;
    pub(crate) use plenum_model::query::compose::compose;
    pub(crate) use plenum_model::query::{Facts, OrganRows, name_forms};
    pub(crate) use plenum_model::state::State;
    pub(crate) use plenum_model::state::diff::{Keyed, RowsDiff, Table};
    pub(crate) use plenum_model::state::registry::{Entity, EntityKind};
    pub(crate) use plenum_model::state::rows::{AlignmentRow, Span};
    pub(crate) use plenum_model::synthetic::{self, Rng};
    pub(crate) use plenum_store::sqlite::SqliteStore;
    pub(crate) use plenum_store::sqlite::rusqlite::types::Value;
    pub(crate) use plenum_store::sqlite::rusqlite::{
        self, Connection, TransactionBehavior, params,
    };
    pub(crate) use plenum_store::{Batch, Head, Ledger, Store, chain, verify};
    pub(crate) use std::collections::{BTreeMap, HashMap, HashSet};
    pub(crate) use std::path::{Path, PathBuf};
    pub(crate) use std::time::{Duration, Instant};
}

mod append;
mod at;
mod history;
mod raw;
mod record;
mod verify;

use append::*;
use at::*;
use history::*;
#[allow(unused_imports)]
use prelude::*;
use raw::*;
use record::*;
use verify::*;

/// The timestamp every benchmark entry is recorded with.
pub(crate) const NOW: &str = "2026-11-27T00:00:00Z";

/// Bumped whenever the cached history would no longer match what this code builds.
pub(crate) const DATA_VERSION: u32 = 5;

/// Sizes and switches, from the command line.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    /// `--bench` was given: full sizes and the data cache.
    pub(crate) full: bool,
    /// Which parts to run.
    pub(crate) only: Vec<String>,
    /// Members of the history `at` and `verify` run on.
    pub(crate) members: usize,
    /// Seats of its council.
    pub(crate) seats: usize,
    /// `at` queries per run.
    pub(crate) queries: usize,
    /// Repetitions of every measurement.
    pub(crate) runs: usize,
    /// Members of the history the append benchmark records.
    pub(crate) append_members: usize,
    /// Seats of that history's council.
    pub(crate) append_seats: usize,
    /// The generator seed.
    pub(crate) seed: u64,
    /// Use a cached history without checking it against the generator (for profiling).
    pub(crate) trust_cache: bool,
}

impl Config {
    fn from_args() -> Config {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let full = args.iter().any(|a| a == "--bench");
        let mut config = if full {
            Config {
                full,
                only: Vec::new(),
                members: 1_000_000,
                seats: 1_000,
                queries: 2_000,
                runs: 3,
                append_members: 20_000,
                append_seats: 500,
                seed: 1,
                trust_cache: false,
            }
        } else {
            Config {
                full,
                only: Vec::new(),
                members: 1_000,
                seats: 50,
                queries: 20,
                runs: 1,
                append_members: 500,
                append_seats: 20,
                seed: 1,
                trust_cache: false,
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
                "--members" => config.members = number(),
                "--seats" => config.seats = number(),
                "--queries" => config.queries = number(),
                "--runs" => config.runs = number().max(1),
                "--append-members" => config.append_members = number(),
                "--append-seats" => config.append_seats = number(),
                "--seed" => config.seed = number() as u64,
                "--trust-cache" => {
                    config.trust_cache = true;
                    i += 1;
                    continue;
                }
                _ => {
                    i += 1;
                    continue;
                }
            }
            i += 2;
        }
        config
    }

    fn wants(&self, part: &str) -> bool {
        self.only.is_empty() || self.only.iter().any(|p| p == part)
    }
}

fn main() {
    let config = Config::from_args();
    let data = data_dir(&config);
    std::fs::create_dir_all(&data).expect("create the bench data directory");
    println!("# plenum ledger benchmarks");
    println!(
        "mode: {}; runs per measurement: {}; data: {}",
        if config.full { "bench" } else { "smoke" },
        config.runs,
        data.display()
    );
    if config.wants("append") {
        bench_append(&config, &data);
    }
    if config.wants("at") || config.wants("verify") || config.wants("record") {
        let path = history_file(&config, &data);
        if config.wants("at") {
            bench_at(&config, &path);
        }
        if config.wants("verify") {
            bench_verify(&config, &path);
        }
        if config.wants("record") {
            bench_record_large(&config, &path, &data);
        }
    }
    if !config.full {
        let _ = std::fs::remove_dir_all(&data);
    }
}

/// Where the cached history and scratch files go.
pub(crate) fn data_dir(config: &Config) -> PathBuf {
    if !config.full {
        return std::env::temp_dir().join(format!("plenum-bench-smoke-{}", std::process::id()));
    }
    std::env::var_os("PLENUM_BENCH_DATA").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data"),
        PathBuf::from,
    )
}

// ---------------------------------------------------------------------------
// Statistics

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

pub(crate) fn spread(values: &[f64]) -> String {
    let lo = values.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    format!("{lo:.0}–{hi:.0}")
}

pub(crate) fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}
