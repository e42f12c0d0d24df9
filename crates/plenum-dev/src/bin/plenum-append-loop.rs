//! `plenum-append-loop DB SEED BATCH`: a test tool for the crash tests. It appends a
//! deterministic synthetic history to the ledger at DB, BATCH events at a time, in an
//! endless loop, and prints `ack SEQ` after each batch is committed. Killed at any
//! moment, it must leave a ledger that verifies and holds every acknowledged entry;
//! started again, it continues where the ledger ends.

use std::io::Write;
use std::path::PathBuf;

use plenum_dev::synthetic::random_history;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, record};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: plenum-append-loop DB SEED BATCH";
    let path = PathBuf::from(args.next().ok_or(usage)?);
    let seed: u64 = args.next().ok_or(usage)?.parse()?;
    let batch: usize = args.next().ok_or(usage)?.parse()?;
    let store = if path.exists() {
        SqliteStore::open(&path)?
    } else {
        match SqliteStore::create(&path, |_| Ok::<(), Error>(())) {
            Ok(store) => store,
            Err(_) => SqliteStore::open(&path)?,
        }
    };
    let mut next = store.head()?.seq.0 as usize;
    let mut events = random_history(seed, next + 10_000);
    let mut out = std::io::stdout().lock();
    loop {
        if next + batch > events.len() {
            events = random_history(seed, events.len() + 10_000);
        }
        let written = record(&store, &events[next..next + batch], "2026-11-27T00:00:00Z")?;
        next += batch;
        writeln!(out, "ack {}", written.head.seq.0)?;
        out.flush()?;
    }
}
