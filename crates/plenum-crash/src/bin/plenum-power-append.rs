//! `plenum-power-append DB SEED BATCH (--before-operation N | --before-sync N |
//! --before-database N) [--tear SEED] [--flushes-lie] [--reopen-every K]`: the
//! appender of the power-loss tests.
//!
//! It opens (or creates) the ledger at DB through the power-cut VFS, appends the
//! synthetic history of SEED, BATCH events at a time, and prints
//! `ack SEQ after N operations` once each batch is committed. Power is lost before
//! the VFS's operation (or sync, or operation on the database file) number N (see
//! `plenum_crash::Moment`): the
//! process then ends with status 86 and an account of the cut on stderr, leaving on
//! disk only what was synced (with `--tear SEED`, also torn pieces of what was
//! not). With `--reopen-every K` it drops the store after every K batches, as the
//! command-line program does when it ends (a checkpoint that empties the WAL, which
//! SQLite then deletes), and opens it again. Started again, it continues where the
//! ledger ends.

use std::io::Write;
use std::path::PathBuf;

use plenum_crash::{Moment, PowerCut, VFS, install, operations};
use plenum_dev::synthetic::random_history;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Store, record};

const USAGE: &str = "usage: plenum-power-append DB SEED BATCH (--before-operation N | --before-sync N | --before-database N) [--tear SEED] [--flushes-lie] [--reopen-every K]";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = PathBuf::from(args.next().ok_or(USAGE)?);
    let seed: u64 = args.next().ok_or(USAGE)?.parse()?;
    let batch: usize = args.next().ok_or(USAGE)?.parse()?;
    let mut cut = PowerCut::default();
    let mut reopen_every = 0usize;
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(USAGE);
        match flag.as_str() {
            "--before-operation" => cut.before = Some(Moment::Operation(value()?.parse()?)),
            "--before-sync" => cut.before = Some(Moment::Sync(value()?.parse()?)),
            "--before-database" => cut.before = Some(Moment::Database(value()?.parse()?)),
            "--tear" => cut.tear = Some(value()?.parse()?),
            "--flushes-lie" => cut.flushes_lie = true,
            "--reopen-every" => reopen_every = value()?.parse()?,
            _ => return Err(USAGE.into()),
        }
    }
    if cut.before.is_none() {
        return Err(USAGE.into());
    }
    install(cut)?;
    let mut store = if path.exists() {
        SqliteStore::open_with_vfs(&path, VFS)?
    } else {
        SqliteStore::create_with_vfs(&path, VFS)?
    };
    let mut next = store.head()?.seq.0 as usize;
    let mut events = random_history(seed, next + 1_000);
    let mut out = std::io::stdout().lock();
    let mut batches = 0usize;
    loop {
        if next + batch > events.len() {
            events = random_history(seed, events.len() + 1_000);
        }
        let written = record(&store, &events[next..next + batch], "2026-11-27T00:00:00Z")?;
        next += batch;
        batches += 1;
        writeln!(
            out,
            "ack {} after {} operations",
            written.head.seq.0,
            operations()
        )?;
        out.flush()?;
        if reopen_every > 0 && batches.is_multiple_of(reopen_every) {
            drop(store);
            store = SqliteStore::open_with_vfs(&path, VFS)?;
        }
    }
}
