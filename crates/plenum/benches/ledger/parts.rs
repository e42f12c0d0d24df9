//! `at` latency and `verify` throughput, in process, on the cached organization.

use std::time::{Duration, Instant};

use plenum_dev::synthetic::Rng;
use plenum_model::date::{Day, FuzzyDate};
use plenum_model::id::Seq;
use plenum_model::query::at::at as at_query;
use plenum_model::rows::Table;
use plenum_store::digest::LtHash;
use plenum_store::{Hash, chain};

use super::backend::Ledger;
use super::{Config, median, ms, quantile, spread};

/// Every day from `first` to `last`.
fn days(first: Day, last: Day) -> Vec<Day> {
    let mut out = vec![first];
    while let Some(&day) = out.last().filter(|d| **d < last) {
        out.push(day.succ());
    }
    out
}

/// `at` on the council at random days across the history, a snapshot per query.
pub(crate) fn at(config: &Config, ledger: &Ledger) {
    let store = ledger.read_only();
    let days = days(
        Day::new(1901, 1, 1).expect("day"),
        Day::new(2000, 12, 31).expect("day"),
    );
    println!();
    println!(
        "## at ({}): `at(snapshot, DAY, \"council\")` at {} random days 1901–2000, {} runs",
        ledger.label(),
        config.queries,
        config.runs
    );
    let query = |date: &FuzzyDate| {
        let snapshot = store.snapshot().expect("snapshot");
        at_query(&*snapshot, date, "council", None)
            .expect("at")
            .total
    };
    let mut rng = Rng::new(config.seed ^ 0xA7);
    for _ in 0..config.queries.min(200) {
        query(&FuzzyDate::day(days[rng.below(days.len())]));
    }
    let (mut p50s, mut p99s, mut seats) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..config.runs {
        let mut rng = Rng::new(config.seed.wrapping_add(run as u64) ^ 0xA7);
        let mut times = Vec::with_capacity(config.queries);
        let mut total = 0u64;
        for _ in 0..config.queries {
            let date = FuzzyDate::day(days[rng.below(days.len())]);
            let started = Instant::now();
            total += u64::from(query(&date));
            times.push(started.elapsed());
        }
        times.sort();
        p50s.push(ms(quantile(&times, 0.5)));
        p99s.push(ms(quantile(&times, 0.99)));
        seats.push(total as f64 / config.queries as f64);
        eprintln!(
            "  run {run}: p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
            ms(quantile(&times, 0.5)),
            ms(quantile(&times, 0.99)),
            ms(quantile(&times, 1.0))
        );
    }
    println!(
        "| p50 (median) | p99 (median) | p99 range | seats per answer |\n|---:|---:|---:|---:|\n| {:.2} ms | {:.2} ms | {} ms | {:.0} |",
        median(p50s),
        median(p99s.clone()),
        spread(&p99s, 2),
        median(seats)
    );
}

/// `verify`, beside reading and hashing the same entries and rows.
pub(crate) fn verify(config: &Config, ledger: &Ledger) {
    let store = ledger.read_only();
    println!();
    println!(
        "## verify ({}): chain and projection digests, {} runs",
        ledger.label(),
        config.runs
    );
    let mut rows: Vec<(&str, f64)> = Vec::new();
    let mut record = |name: &'static str, value: f64| rows.push((name, value));
    let (mut verify_mbs, mut read_mbs, mut hash_mbs, mut rows_s, mut digest_s) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut size = (0u64, 0u64, 0u64);
    for _ in 0..config.runs {
        let started = Instant::now();
        let verified = plenum_store::verify(&*store, &|_| {}).expect("verify");
        let seconds = started.elapsed().as_secs_f64();
        size = (verified.entries, verified.bytes, verified.rows);
        verify_mbs.push(verified.bytes as f64 / 1e6 / seconds);
        // Reading the entries alone, then reading and chaining them.
        let started = Instant::now();
        let mut bytes = 0u64;
        store
            .scan(Seq(1), &mut |e| {
                bytes += (e.recorded_at.len() + e.payload.len()) as u64;
                Ok(())
            })
            .expect("scan");
        read_mbs.push(bytes as f64 / 1e6 / started.elapsed().as_secs_f64());
        let started = Instant::now();
        let mut previous = Hash::ZERO;
        store
            .scan(Seq(1), &mut |e| {
                previous = chain::next(previous, e.seq, &e.recorded_at, &e.payload, e.digest);
                Ok(())
            })
            .expect("scan");
        hash_mbs.push(bytes as f64 / 1e6 / started.elapsed().as_secs_f64());
        // Reading the rows alone, then hashing them into digests.
        let started = Instant::now();
        store
            .projections(Table::ALL, &mut |_, _| Ok(()))
            .expect("rows");
        rows_s.push(started.elapsed().as_secs_f64());
        let started = Instant::now();
        let mut state = LtHash::default();
        store
            .projections(Table::ALL, &mut |table, values| {
                state.add_row(table, values);
                Ok(())
            })
            .expect("rows");
        digest_s.push(started.elapsed().as_secs_f64());
        let _ = Duration::ZERO;
    }
    record("verify", median(verify_mbs.clone()));
    println!(
        "{} entries ({:.1} MB of timestamps and payloads), {} projection rows",
        size.0,
        size.1 as f64 / 1e6,
        size.2
    );
    println!(
        "| measurement | median | range |\n|---|---:|---:|\n| `verify` (both passes, two threads) | {:.1} MB/s | {} |\n| read the entries, no hashing | {:.1} MB/s | {} |\n| read and chain-hash the entries (one thread) | {:.1} MB/s | {} |\n| read every projection row, no hashing | {:.1} s | {} |\n| read and digest every projection row (one thread) | {:.1} s | {} |",
        median(verify_mbs.clone()),
        spread(&verify_mbs, 1),
        median(read_mbs.clone()),
        spread(&read_mbs, 1),
        median(hash_mbs.clone()),
        spread(&hash_mbs, 1),
        median(rows_s.clone()),
        spread(&rows_s, 1),
        median(digest_s.clone()),
        spread(&digest_s, 1),
    );
    let _ = rows;
}
