//! `plenum-append-loop DB SEED BATCH`: a test tool for the crash tests. It appends a
//! deterministic synthetic history to the ledger at DB (a SQLite file or a `postgres://`
//! URL), BATCH events at a time, in an
//! endless loop, and prints `ack SEQ` after each batch is committed. Killed at any
//! moment, it must leave a ledger that verifies and holds every acknowledged entry;
//! started again, it continues where the ledger ends.

use std::io::Write;
use std::path::Path;

use plenum_dev::synthetic::random_history;
use plenum_store::postgres::{self, PgStore};
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, record};

/// The ledger at `db`, made if there is none.
fn open(db: &str) -> Result<Box<dyn Store>, Error> {
    if postgres::is_url(db) {
        return match PgStore::open(db) {
            Ok(store) => Ok(Box::new(store)),
            Err(Error::NotALedger(_)) => {
                Ok(Box::new(PgStore::create(db, |_| Ok::<(), Error>(()))?))
            }
            Err(e) => Err(e),
        };
    }
    let path = Path::new(db);
    if path.exists() {
        return Ok(Box::new(SqliteStore::open(path)?));
    }
    match SqliteStore::create(path, |_| Ok::<(), Error>(())) {
        Ok(store) => Ok(Box::new(store)),
        Err(_) => Ok(Box::new(SqliteStore::open(path)?)),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let usage = "usage: plenum-append-loop DB SEED BATCH";
    let db = args.next().ok_or(usage)?;
    let seed: u64 = args.next().ok_or(usage)?.parse()?;
    let batch: usize = args.next().ok_or(usage)?.parse()?;
    let store = open(&db)?;
    let mut next = store.head()?.seq.0 as usize;
    let mut events = random_history(seed, next + 10_000);
    let mut out = std::io::stdout().lock();
    loop {
        if next + batch > events.len() {
            events = random_history(seed, events.len() + 10_000);
        }
        let written = record(&*store, &events[next..next + batch], "2026-11-27T00:00:00Z")?;
        next += batch;
        writeln!(out, "ack {}", written.head.seq.0)?;
        out.flush()?;
    }
}
