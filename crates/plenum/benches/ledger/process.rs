//! `plenum record` and `plenum check` as fresh processes: wall time, and peak memory as
//! the process reports it (`PLENUM_REPORT_PEAK_MEMORY=1`, from its `VmHWM`).

use std::path::Path;
use std::process::Command;
use std::time::Instant;

use plenum_model::event::codec;
use plenum_model::event::kinds::{MemberAdmitted, PersonRegistered};
use plenum_model::event::{Event, EventKind, Status};

use super::backend::Ledger;
use super::{Config, median, spread};

/// One run of the plenum binary: seconds, and peak memory in MB.
fn run(args: &[&str], ledger: &Ledger) -> (f64, f64) {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_plenum"))
        .args(args)
        .arg("--db")
        .arg(ledger.db_arg())
        .env("PLENUM_NOW", "2026-11-30T12:00:00Z")
        .env("PLENUM_REPORT_PEAK_MEMORY", "1")
        .output()
        .expect("run plenum");
    let seconds = started.elapsed().as_secs_f64();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "plenum {args:?}: {stderr}"
    );
    let peak_kb: f64 = stderr
        .lines()
        .find_map(|l| l.strip_prefix("plenum: peak memory "))
        .and_then(|l| l.trim_end_matches(" kB").parse().ok())
        .unwrap_or_else(|| panic!("plenum {args:?} did not report its peak memory: {stderr}"));
    (seconds, peak_kb / 1024.0)
}

/// 100 events dated today: 50 persons registered and admitted.
fn today(run: usize) -> Vec<Event> {
    let date: plenum_model::date::FuzzyDate = "2026-11-30".parse().expect("a date");
    let org: plenum_model::id::OrgId = "org".parse().expect("an id");
    let mut events = Vec::new();
    for i in 0..50 {
        let person: plenum_model::id::PersonId = format!("today-{run}-{i}").parse().expect("an id");
        events.push(Event {
            id: format!("today-{run}-{i}-registered")
                .parse()
                .expect("an id"),
            date: date.clone(),
            kind: EventKind::PersonRegistered(PersonRegistered {
                person: person.clone(),
                name: format!("New Member {run}-{i}"),
                aliases: Vec::new(),
                born: None,
            }),
            sources: Vec::new(),
            note: None,
        });
        events.push(Event {
            id: format!("today-{run}-{i}-admitted").parse().expect("an id"),
            date: date.clone(),
            kind: EventKind::MemberAdmitted(MemberAdmitted {
                person,
                org: org.clone(),
                status: Status::Candidate,
                class: None,
                decision: None,
                sponsors: Vec::new(),
                conditions_met: None,
                ground: None,
                unit: None,
            }),
            sources: Vec::new(),
            note: None,
        });
    }
    events
}

/// `plenum record` of 100 events dated today, as a fresh process.
pub(crate) fn record(config: &Config, ledger: &Ledger, dir: &Path) {
    println!();
    println!(
        "## record ({}): `plenum record FILE` of 100 events dated today (50 persons registered and admitted), a fresh process each, {} runs",
        ledger.label(),
        config.runs
    );
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for run in 0..config.runs {
        let file = dir.join(format!("today-{run}.jsonl"));
        let lines: Vec<String> = today(run)
            .iter()
            .map(|e| codec::to_json(e).to_string())
            .collect();
        std::fs::write(&file, lines.join("\n") + "\n").expect("write the events");
        let (seconds, peak) = run_record(&file, ledger);
        times.push(seconds * 1e3);
        peaks.push(peak);
        let _ = std::fs::remove_file(&file);
    }
    println!(
        "| median | range | peak memory (median) | range |\n|---:|---:|---:|---:|\n| {:.1} ms | {} ms | {:.1} MB | {} MB |",
        median(times.clone()),
        spread(&times, 1),
        median(peaks.clone()),
        spread(&peaks, 1)
    );
}

fn run_record(file: &Path, ledger: &Ledger) -> (f64, f64) {
    let file = file.to_string_lossy().into_owned();
    run(&["record", &file], ledger)
}

/// `plenum check` as a fresh process.
pub(crate) fn check(config: &Config, ledger: &Ledger) {
    println!();
    println!(
        "## check ({}): `plenum check --json` as a fresh process, {} runs",
        ledger.label(),
        config.runs
    );
    let mut times = Vec::new();
    let mut peaks = Vec::new();
    for _ in 0..config.runs {
        let (seconds, peak) = run(&["check", "--json"], ledger);
        times.push(seconds * 1e3);
        peaks.push(peak);
    }
    println!(
        "| median | range | peak memory (median) |\n|---:|---:|---:|\n| {:.1} ms | {} ms | {:.1} MB |",
        median(times.clone()),
        spread(&times, 1),
        median(peaks)
    );
}
