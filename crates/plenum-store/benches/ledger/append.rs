//! Appends per second: `Store::append` against raw inserts of the same rows, and `Ledger::record`.

#[allow(unused_imports)]
use super::prelude::*;
#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// Appends

/// One batch as `Ledger::record` would append it: the events and the row diff.
pub(crate) struct Prepared {
    pub(crate) events: Vec<Event>,
    pub(crate) diff: RowsDiff,
}

/// Computes each batch's diff exactly as `Ledger::record` does.
pub(crate) fn prepare(batches: Vec<Vec<Event>>) -> Vec<Prepared> {
    let mut state = State::default();
    let mut out = Vec::with_capacity(batches.len());
    for events in batches {
        let rows_before = state.rows().clone();
        let entities_before: Vec<Entity> = state.registry().entities().cloned().collect();
        state = state
            .append(events.clone())
            .expect("synthetic events are valid");
        let entities_after: Vec<Entity> = state.registry().entities().cloned().collect();
        let diff = RowsDiff::between(
            &rows_before,
            state.rows(),
            &entities_before,
            &entities_after,
        );
        out.push(Prepared { events, diff });
    }
    out
}

/// Splits events into batches of `size`.
pub(crate) fn batches_of(events: &[Event], size: usize) -> Vec<Vec<Event>> {
    events.chunks(size.max(1)).map(<[Event]>::to_vec).collect()
}

/// Appends: `Store::append` and `Ledger::record` against raw inserts of the same rows.
pub(crate) fn bench_append(config: &Config, data: &Path) {
    let events = synthetic::organization(config.append_members, config.append_seats, config.seed);
    println!();
    println!(
        "## append: synthetic::organization({}, {}, {}) = {} events",
        config.append_members,
        config.append_seats,
        config.seed,
        events.len()
    );
    let scratch = data.join("scratch");
    std::fs::create_dir_all(&scratch).expect("scratch directory");
    // Small batches are bound by the commit's fsync; large ones by the work per row.
    let workloads: Vec<(usize, usize)> = if config.full {
        vec![(1, 1_000), (100, events.len()), (10_000, events.len())]
    } else {
        vec![(1, 20), (100, events.len())]
    };
    println!(
        "| batch size | events | batches | rows written | Store::append ev/s | raw inserts ev/s | ratio | Ledger::record ev/s |"
    );
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|");
    for (size, count) in workloads {
        let count = count.min(events.len());
        let started = Instant::now();
        let prepared = prepare(batches_of(&events[..count], size));
        let raw = raw_batches(&prepared);
        let rows: usize = raw
            .iter()
            .map(|b| {
                b.entries.len() + b.seats.len() * 2 + b.rows.len() + b.names.len() + b.organs.len()
            })
            .sum();
        eprintln!(
            "  [batch {size}] prepared {} batches in {:.1}s",
            prepared.len(),
            started.elapsed().as_secs_f64()
        );
        let store_path = scratch.join("store.db");
        let raw_path = scratch.join("raw.db");
        let ledger_path = scratch.join("ledger.db");
        let mut store_rates = Vec::new();
        let mut raw_rates = Vec::new();
        let mut ratios = Vec::new();
        let mut ledger_rates = Vec::new();
        for run in 0..config.runs {
            // Store, then raw, then the whole write path; each into a fresh file.
            let mut store = empty_ledger(&store_path);
            let t = Instant::now();
            let mut head = Head::EMPTY;
            for batch in &prepared {
                head = store
                    .append(
                        head,
                        Batch {
                            events: &batch.events,
                            recorded_at: NOW,
                            diff: &batch.diff,
                        },
                    )
                    .expect("append");
            }
            let store_time = t.elapsed();
            drop(store);

            let mut connection = empty_raw(&raw_path);
            let t = Instant::now();
            raw_append(&mut connection, &raw).expect("raw append");
            let raw_time = t.elapsed();
            drop(connection);

            let mut inputs: Vec<Vec<Event>> = prepared.iter().map(|b| b.events.clone()).collect();
            let mut ledger = Ledger::open(empty_ledger(&ledger_path)).expect("open");
            let t = Instant::now();
            for events in inputs.drain(..) {
                ledger.record(events, NOW).expect("record");
            }
            let ledger_time = t.elapsed();
            drop(ledger);

            if run == 0 {
                // The baseline must have written exactly the store's rows.
                assert!(
                    dump(&store_path) == dump(&raw_path),
                    "the raw baseline wrote other rows than the store"
                );
                assert!(
                    dump(&store_path) == dump(&ledger_path),
                    "Ledger::record wrote other rows than Store::append"
                );
            }
            let rate = |d: Duration| count as f64 / d.as_secs_f64();
            store_rates.push(rate(store_time));
            raw_rates.push(rate(raw_time));
            ratios.push(raw_time.as_secs_f64() / store_time.as_secs_f64());
            ledger_rates.push(rate(ledger_time));
            eprintln!(
                "  [batch {size}] run {}: store {:.0} ev/s, raw {:.0} ev/s, ratio {:.2}, ledger {:.0} ev/s",
                run + 1,
                rate(store_time),
                rate(raw_time),
                raw_time.as_secs_f64() / store_time.as_secs_f64(),
                rate(ledger_time)
            );
        }
        println!(
            "| {size} | {count} | {} | {rows} | {:.0} ({}) | {:.0} ({}) | {:.0}% | {:.0} ({}) |",
            prepared.len(),
            median(store_rates.clone()),
            spread(&store_rates),
            median(raw_rates.clone()),
            spread(&raw_rates),
            100.0 * median(ratios),
            median(ledger_rates.clone()),
            spread(&ledger_rates),
        );
    }
    let _ = std::fs::remove_dir_all(&scratch);
}
