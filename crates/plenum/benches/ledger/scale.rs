//! Writes at scale, in process: one large batch, many writers, back-dated batches, and
//! the replay `--as-of` makes.

use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use plenum_dev::synthetic;
use plenum_model::event::kinds::{MemberAdmitted, OrganEstablished, PersonRegistered, SeatTaken};
use plenum_model::event::{Event, EventKind, Role, Status};
use plenum_model::id::PersonId;
use plenum_model::ledger::replay;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Store, record};

use super::backend::Ledger;
use super::cpu::{self, Cpu, Reading};
use super::{Config, NOW, median, spread};

fn event(id: String, date: &str, kind: EventKind) -> Event {
    Event {
        id: id.parse().expect("an id"),
        date: date.parse().expect("a date"),
        kind,
        sources: Vec::new(),
        note: None,
    }
}

/// `count` persons registered and admitted on `date`, ids from `tag`.
fn members(tag: &str, count: usize, date: &str) -> (Vec<Event>, Vec<PersonId>) {
    let mut events = Vec::with_capacity(2 * count);
    let mut persons = Vec::with_capacity(count);
    for i in 0..count {
        let person: PersonId = format!("{tag}-{i}").parse().expect("an id");
        events.push(event(
            format!("{tag}-{i}-registered"),
            date,
            EventKind::PersonRegistered(PersonRegistered {
                person: person.clone(),
                name: format!("Member {tag} {i}"),
                aliases: Vec::new(),
                born: None,
            }),
        ));
        events.push(event(
            format!("{tag}-{i}-admitted"),
            date,
            EventKind::MemberAdmitted(MemberAdmitted {
                person: person.clone(),
                org: "org".parse().expect("an id"),
                status: Status::Full,
                class: None,
                decision: None,
                sponsors: Vec::new(),
                conditions_met: None,
                ground: None,
                unit: None,
            }),
        ));
        persons.push(person);
    }
    (events, persons)
}

/// One batch: new members, and seats for some of them on a new organ.
pub(crate) fn batch(config: &Config, ledger: &Ledger) {
    let store = ledger.writable();
    let (mut events, persons) = members("batch", config.batch_members, "2026-11-30");
    events.push(event(
        "assembly-established".into(),
        "2026-11-30",
        EventKind::OrganEstablished(OrganEstablished {
            organ: "org/assembly".parse().expect("an id"),
            name: "Assembly".into(),
            aliases: Vec::new(),
            category: None,
        }),
    ));
    for (i, person) in persons.iter().take(config.batch_seats).enumerate() {
        events.push(event(
            format!("assembly-seat-{i}"),
            "2026-11-30",
            EventKind::SeatTaken(SeatTaken {
                person: person.clone(),
                organ: "org/assembly".parse().expect("an id"),
                role: Role::Full,
                cause: None,
                by: None,
                by_post: None,
                by_person: None,
                decision: None,
                nomination: None,
                nominated_by_person: None,
                nominal: false,
                vacancy_of: None,
            }),
        ));
    }
    println!();
    println!(
        "## batch ({}): one batch of {} new members (registered and admitted) and {} seats on one new organ: {} events",
        ledger.label(),
        config.batch_members,
        config.batch_seats,
        events.len()
    );
    let started = Instant::now();
    record(&*store, &events, NOW).expect("record the batch");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "| time | events/s |\n|---:|---:|\n| {seconds:.2} s | {:.0} |",
        events.len() as f64 / seconds
    );
}

/// Small batches (5 persons registered and admitted: 10 events) from 1, 8 and 32 threads,
/// `runs` times each (the thread counts taking turns), reported as medians.
pub(crate) fn writers(config: &Config, ledger: &Ledger) {
    let store = ledger.writable();
    let store = &*store;
    println!();
    println!(
        "## writers ({}): batches of 10 events (5 persons registered and admitted) from threads of one process, {:.0} s each, {} runs",
        ledger.label(),
        config.writers_for.as_secs_f64(),
        config.runs
    );
    let counts = [1usize, 8, 32];
    let mut rates: Vec<Vec<f64>> = vec![Vec::new(); counts.len()];
    let mut totals = vec![0u64; counts.len()];
    // Batches judged again because the ledger moved under them.
    let mut retried = vec![0u64; counts.len()];
    // CPU per batch, client and server, in each run.
    let mut costs: Vec<Vec<Cpu>> = vec![Vec::new(); counts.len()];
    for run in 0..config.runs {
        for (c, &threads) in counts.iter().enumerate() {
            let stop = AtomicBool::new(false);
            let batches = AtomicU64::new(0);
            let cpu_before = Reading::now();
            let retried_before = store.conflicts_retried();
            let started = Instant::now();
            std::thread::scope(|scope| {
                for thread in 0..threads {
                    let (stop, batches) = (&stop, &batches);
                    scope.spawn(move || {
                        let mut n = 0;
                        while !stop.load(Ordering::Relaxed) {
                            let tag = format!("w{threads}-r{run}-{thread}-{n}");
                            let (events, _) = members(&tag, 5, "2026-11-30");
                            record(store, &events, NOW).expect("record");
                            batches.fetch_add(1, Ordering::Relaxed);
                            n += 1;
                        }
                    });
                }
                std::thread::sleep(config.writers_for);
                stop.store(true, Ordering::Relaxed);
            });
            let seconds = started.elapsed().as_secs_f64();
            let spent = Reading::now().since(&cpu_before);
            let done = batches.load(Ordering::Relaxed);
            totals[c] += done;
            retried[c] += store.conflicts_retried() - retried_before;
            rates[c].push((done * 10) as f64 / seconds);
            let per = |d: Duration| d / u32::try_from(done.max(1)).unwrap_or(u32::MAX);
            costs[c].push(Cpu {
                client: per(spent.client),
                server: per(spent.server),
            });
        }
    }
    assert!(
        costs.iter().flatten().any(|c| c.client > Duration::ZERO),
        "no CPU time read for this process from /proc/self/stat"
    );
    println!(
        "| threads | batches | events/s (median) | range | ÷ 1 thread | CPU ms per batch: client, server (total), medians | the {cores} cores' limit at that CPU, events/s | share of the limit | conflicts retried |\n|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        cores = cpu::cores()
    );
    let one = median(rates[0].clone());
    for (c, threads) in counts.iter().enumerate() {
        let rate = median(rates[c].clone());
        let ms = |f: fn(&Cpu) -> Duration| {
            median(costs[c].iter().map(|x| f(x).as_secs_f64() * 1e3).collect())
        };
        let (client, server, total) = (ms(|x| x.client), ms(|x| x.server), ms(|x| x.total()));
        // Every core busy with nothing but these batches, at the CPU each costs.
        let limit = cpu::cores() as f64 * 10.0 / (total / 1e3);
        println!(
            "| {threads} | {} | {rate:.0} | {} | {:.2}× | {client:.2}, {server:.2} ({total:.2}) | {limit:.0} | {:.0}% | {} |",
            totals[c],
            spread(&rates[c], 0),
            rate / one,
            100.0 * rate / limit,
            retried[c]
        );
    }
    println!(
        "(CPU read from /proc: this process, and every process called `postgres`; the limit is the cores × 10 events ÷ the CPU of a batch)"
    );
    println!(
        "(conflicts retried: batches judged again because the ledger moved under them, in all runs; SQLite judges every batch inside its write lock, and PostgreSQL's writers here are one process, whose groups never see another writer move the ledger)"
    );
}

/// Small batches dated back into the history: what they cost, against what they re-derive.
pub(crate) fn backdate(config: &Config, ledger: &Ledger) {
    let store = ledger.writable();
    println!();
    println!(
        "## backdate ({}): a batch of 10 events (5 persons registered and admitted) dated back into the history",
        ledger.label()
    );
    println!(
        "| dated | events re-applied | rows undone | time | µs per re-applied event |\n|---|---:|---:|---:|---:|"
    );
    let points = if config.full {
        vec!["2000-12-01", "2000-06-01", "1999-06-01", "1995-06-01"]
    } else {
        vec!["2000-12-01", "1990-06-01"]
    };
    for (i, date) in points.iter().enumerate() {
        let (events, _) = members(&format!("back{i}"), 5, date);
        let started = Instant::now();
        let written = record(&*store, &events, NOW).expect("record");
        let seconds = started.elapsed().as_secs_f64();
        let r = &written.recorded;
        println!(
            "| {date} | {} | {} | {:.2} s | {:.1} |",
            r.reapplied,
            r.rolled_back,
            seconds,
            seconds * 1e6 / (r.reapplied.max(1)) as f64
        );
    }
}

/// The replay `--as-of SEQ` makes: the first SEQ entries recorded again, in memory.
pub(crate) fn as_of(config: &Config, path: &Path) {
    let store = SqliteStore::open_read_only(path).expect("open");
    let head = store.head().expect("head").seq.0 as usize;
    println!();
    println!(
        "## asof: `--as-of SEQ` replays the first SEQ entries in memory, {} runs",
        config.runs
    );
    println!(
        "| SEQ | time (median) | range | seconds per million entries |\n|---:|---:|---:|---:|"
    );
    let sizes = if config.full {
        vec![100_000, 1_000_000]
    } else {
        vec![head / 2, head]
    };
    let events = synthetic::organization(config.members, config.seats, config.seed);
    for size in sizes.into_iter().filter(|s| *s <= events.len()) {
        let mut times = Vec::new();
        for _ in 0..config.runs {
            let started = Instant::now();
            replay(&events[..size]).expect("replay");
            times.push(started.elapsed().as_secs_f64());
        }
        let m = median(times.clone());
        println!(
            "| {size} | {m:.2} s | {} s | {:.1} |",
            spread(&times, 2),
            m * 1e6 / size as f64
        );
    }
    let _ = Duration::ZERO;
}
