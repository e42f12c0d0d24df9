//! `at` latency on a 1,000-seat organ over the large history, and where its time goes.

#[allow(unused_imports)]
use super::prelude::*;
#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// at

/// Every day from `first` to `last`.
pub(crate) fn days(first: Day, last: Day) -> Vec<Day> {
    let mut out = vec![first];
    while let Some(&day) = out.last().filter(|d| **d < last) {
        out.push(day.succ());
    }
    out
}

/// `at` on the council at random days across the history.
pub(crate) fn bench_at(config: &Config, path: &Path) {
    let store = SqliteStore::open(path).expect("open the history");
    let days = days(
        Day::new(1901, 1, 1).expect("day"),
        Day::new(2000, 12, 31).expect("day"),
    );
    println!();
    println!(
        "## at: `at(store, DAY, \"council\", None)` at {} random days 1901–2000, {} runs",
        config.queries, config.runs
    );
    // Warm the page cache and the statement cache.
    let mut rng = Rng::new(config.seed ^ 0xA7);
    for _ in 0..config.queries.min(200) {
        let date = FuzzyDate::day(days[rng.below(days.len())]);
        at(&store, &date, "council", None).expect("at");
    }
    let mut p50s = Vec::new();
    let mut p99s = Vec::new();
    let mut maxes = Vec::new();
    let mut seats = Vec::new();
    for run in 0..config.runs {
        let mut rng = Rng::new(config.seed.wrapping_add(run as u64) ^ 0xA7);
        let mut times = Vec::with_capacity(config.queries);
        let mut total_seats = 0u64;
        for _ in 0..config.queries {
            let date = FuzzyDate::day(days[rng.below(days.len())]);
            let t = Instant::now();
            let report = at(&store, &date, "council", None).expect("at");
            times.push(t.elapsed());
            total_seats += u64::from(report.total);
        }
        times.sort();
        let (p50, p99, max) = (
            ms(quantile(&times, 0.50)),
            ms(quantile(&times, 0.99)),
            ms(quantile(&times, 1.0)),
        );
        eprintln!(
            "  run {}: p50 {p50:.2} ms, p99 {p99:.2} ms, max {max:.2} ms",
            run + 1
        );
        p50s.push(p50);
        p99s.push(p99);
        maxes.push(max);
        seats.push(total_seats as f64 / config.queries as f64);
    }
    println!(
        "mean seats per answer: {:.0}; p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms (medians of {} runs; p99 across runs {:.2}–{:.2} ms)",
        median(seats),
        median(p50s),
        median(p99s.clone()),
        median(maxes),
        config.runs,
        p99s.iter().copied().fold(f64::INFINITY, f64::min),
        p99s.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    );
    at_breakdown(config, &store, &days);
}

/// Where an `at` spends its time: each read it makes, timed alone, on the same days.
pub(crate) fn at_breakdown(config: &Config, store: &SqliteStore, days: &[Day]) {
    let organ: OrganRef = "org/council".parse().expect("organ");
    let mut phases: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    let mut rng = Rng::new(config.seed ^ 0xA7);
    for _ in 0..config.queries.min(500) {
        let day = days[rng.below(days.len())];
        let mut time = |phase, f: &mut dyn FnMut()| {
            let t = Instant::now();
            f();
            phases.entry(phase).or_default().push(ms(t.elapsed()));
        };
        let mut rows = OrganRows::default();
        time("1 entities_named (organ, post, faction)", &mut || {
            for kind in [EntityKind::Organ, EntityKind::Post, EntityKind::Faction] {
                store.entities_named(kind, "council").expect("read");
            }
        });
        time(
            "2 organ_on (seats with names and alignments, counts, faction names)",
            &mut || {
                rows = store.organ_on(&organ, day, day).expect("read");
            },
        );
        time("3 compose", &mut || {
            std::hint::black_box(compose(
                day,
                day,
                &rows.seats,
                &rows.counts,
                &rows.alignments,
            ));
        });
        time("4 lineage_rows (the organization's name)", &mut || {
            store.lineage_rows().expect("read");
        });
        let date = FuzzyDate::day(day);
        time("5 at, in all", &mut || {
            at(store, &date, "council", None).expect("at");
        });
    }
    println!("where the time goes (each read timed alone; medians over the same days, ms):");
    println!(
        "{}",
        phases
            .iter()
            .map(|(phase, times)| format!("{}: {:.2}", &phase[2..], median(times.clone())))
            .collect::<Vec<_>>()
            .join("; ")
    );
}
