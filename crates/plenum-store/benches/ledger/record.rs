//! Recording into the large ledger, as `plenum record` does.

#[allow(unused_imports)]
use super::prelude::*;
#[allow(unused_imports)]
use super::*;

// ---------------------------------------------------------------------------
// Recording into the large ledger, as `plenum record` does

/// `size` new members (registered and admitted), after the history's end.
pub(crate) fn new_members(size: usize) -> Vec<Event> {
    (0..size)
        .flat_map(|i| {
            [
                format!(
                    r#"{{"date":"2001-01-02","id":"bench-r{i}","kind":"person_registered","name":"New {i}","person":"new{i}"}}"#
                ),
                format!(
                    r#"{{"date":"2001-01-02","id":"bench-a{i}","kind":"member_admitted","org":"org","person":"new{i}","status":"full"}}"#
                ),
            ]
        })
        .map(|json| codec::from_bytes(json.as_bytes()).expect("a valid event"))
        .collect()
}

/// `Ledger::open` (the replay every `plenum record` starts with) and one
/// `Ledger::record` of 100 events, on a copy of the large history.
pub(crate) fn bench_record_large(config: &Config, path: &Path, data: &Path) {
    println!();
    println!(
        "## record: `Ledger::open` and one `Ledger::record` of 100 events on a copy of the history"
    );
    let copy = data.join("scratch-record.db");
    let mut opens = Vec::new();
    let mut records = Vec::new();
    for run in 0..config.runs {
        std::fs::copy(path, &copy).expect("copy the history");
        let t = Instant::now();
        let mut ledger = Ledger::open(SqliteStore::open(&copy).expect("open")).expect("replay");
        let open = t.elapsed();
        let t = Instant::now();
        ledger.record(new_members(50), NOW).expect("record");
        let record = t.elapsed();
        eprintln!(
            "  run {}: open (replay) {:.1} s, record {:.1} s",
            run + 1,
            open.as_secs_f64(),
            record.as_secs_f64()
        );
        opens.push(open.as_secs_f64());
        records.push(record.as_secs_f64());
    }
    let _ = std::fs::remove_file(&copy);
    for sidecar in ["-wal", "-shm"] {
        let mut p = copy.as_os_str().to_owned();
        p.push(sidecar);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
    println!(
        "open (replay of every entry): {:.1} s; record of 100 events: {:.1} s (medians of {} runs)",
        median(opens),
        median(records),
        config.runs
    );
}
