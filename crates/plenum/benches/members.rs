//! `plenum import members` of a large register (100,000 rows by default) into a fresh
//! copy of the bundled association, as a fresh process, beside its peer in the same run:
//! `plenum record` of exactly the events the import makes, as JSON Lines. The ratio is
//! what reading the spreadsheet (decoding, columns, dates, ids, checks) adds to recording.
//!
//! `cargo bench -p plenum --bench members -- --rows 100000 --runs 3`; under `cargo test`
//! it makes a small smoke run.

use std::path::Path;
use std::process::Command;
use std::time::Instant;

const NOW: &str = "2026-11-30T12:00:00Z";

fn plenum(dir: &Path, args: &[&str]) -> f64 {
    let started = Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_plenum"))
        .current_dir(dir)
        .args(args)
        .env("PLENUM_NOW", NOW)
        .env_remove("PLENUM_DB")
        .output()
        .expect("run plenum");
    let seconds = started.elapsed().as_secs_f64();
    assert!(
        out.status.success(),
        "plenum {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    seconds
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// A register: `id,name,since,status`, ids `m1`.., dates over 2000–2025, one in ten a
/// candidate; and the JSON Lines of the events its import records.
fn register(rows: usize) -> (String, String) {
    let mut csv = String::from("id,name,since,status\n");
    let mut jsonl = String::new();
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    for i in 1..=rows {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        let year = 2000 + (state % 26);
        let month = 1 + (state >> 8) % 12;
        let day = 1 + (state >> 16) % 28;
        let status = if (state >> 24).is_multiple_of(10) {
            "candidate"
        } else {
            "full"
        };
        let since = format!("{year}-{month:02}-{day:02}");
        let line = format!("m{i},Member Number {i},{since},{status}");
        csv.push_str(&line);
        csv.push('\n');
        let source =
            serde_json::json!([{"document": "member register register.csv", "quote": line}]);
        jsonl.push_str(
            &serde_json::json!({"id": format!("register-m{i}"), "date": since, "kind": "person_registered",
                "person": format!("m{i}"), "name": format!("Member Number {i}"), "sources": source})
            .to_string(),
        );
        jsonl.push('\n');
        jsonl.push_str(
            &serde_json::json!({"id": format!("admit-m{i}-nfaa"), "date": since, "kind": "member_admitted",
                "person": format!("m{i}"), "org": "nfaa", "status": status, "sources": source})
            .to_string(),
        );
        jsonl.push('\n');
    }
    (csv, jsonl)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let full = args.iter().any(|a| a == "--bench");
    let value = |flag: &str, default: usize| {
        args.iter()
            .position(|a| a == flag)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let rows = value("--rows", if full { 100_000 } else { 2_000 });
    let runs = value("--runs", if full { 3 } else { 1 });
    let dir = tempfile::tempdir().expect("tempdir");
    let (csv, jsonl) = register(rows);
    std::fs::write(dir.path().join("register.csv"), &csv).expect("write the register");
    std::fs::write(dir.path().join("events.jsonl"), &jsonl).expect("write the events");
    plenum(
        dir.path(),
        &["demo", "--example", "association", "--db", "template.db"],
    );
    println!("# plenum import members");
    println!(
        "{rows} rows ({} MB of CSV, {} events), into a fresh copy of the bundled association; {runs} runs each",
        csv.len() / 1_000_000,
        2 * rows
    );
    let mut import = Vec::new();
    let mut record = Vec::new();
    for run in 0..runs {
        for (kind, times) in [("import", &mut import), ("record", &mut record)] {
            let db = format!("{kind}-{run}.db");
            std::fs::copy(dir.path().join("template.db"), dir.path().join(&db)).expect("copy");
            let seconds = match kind {
                "import" => plenum(
                    dir.path(),
                    &["import", "members", "register.csv", "--db", &db],
                ),
                _ => plenum(dir.path(), &["record", "events.jsonl", "--db", &db]),
            };
            times.push(seconds);
        }
    }
    let (i, r) = (median(import), median(record));
    println!();
    println!("| what | median | rows/s |");
    println!("| --- | ---: | ---: |");
    println!(
        "| `plenum import members` (CSV) | {i:.2} s | {:.0} |",
        rows as f64 / i
    );
    println!(
        "| `plenum record` of the same events (JSON Lines), the peer | {r:.2} s | {:.0} |",
        rows as f64 / r
    );
    println!();
    println!(
        "import ÷ record: {:.2}; target: 100,000 rows in under 10 s ({})",
        i / r,
        if rows >= 100_000 {
            if i < 10.0 { "met" } else { "missed" }
        } else {
            "not measured at this size"
        }
    );
}
