//! Opening the ledger named by `--db`: read-only for queries, writable for records.

use anyhow::{Context, bail};
use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::ledger::{Tables, replay};
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store};

/// Whether `--db` names a PostgreSQL database.
fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

fn not_built(db: &str) -> anyhow::Result<()> {
    if is_postgres(db) {
        bail!("the PostgreSQL store is not built yet; use a SQLite file path for --db");
    }
    Ok(())
}

/// The ledger at `--db`, for queries and `verify`: the file is never written.
pub fn read_only(db: &str) -> anyhow::Result<SqliteStore> {
    not_built(db)?;
    SqliteStore::open_read_only(db.as_ref()).with_context(|| format!("cannot open the ledger {db}"))
}

/// The ledger at `--db`, to record in.
pub fn writable(db: &str) -> anyhow::Result<SqliteStore> {
    not_built(db)?;
    SqliteStore::open(db.as_ref()).with_context(|| format!("cannot open the ledger {db}"))
}

/// Checks that `--db` can name a new ledger file.
pub fn create(db: &str) -> anyhow::Result<&str> {
    not_built(db)?;
    Ok(db)
}

/// The record as it stood after entry `seq`: its entries recorded again, in memory.
///
/// This replays `seq` entries (the projections do not keep their past), so it
/// costs time and memory in proportion to them; BENCHMARKS.md has figures.
pub fn as_of(store: &SqliteStore, seq: u64) -> anyhow::Result<Tables> {
    let head = store.head()?.seq.0;
    if seq == 0 || seq > head {
        bail!("--as-of {seq} is outside the ledger, which holds entries 1–{head}");
    }
    let progress = crate::progress::bar(seq, "reading the record as it stood");
    let mut events = Vec::with_capacity(seq as usize);
    store.scan(Seq(1), &mut |entry| {
        if entry.seq.0 <= seq {
            events.push(
                codec::from_bytes(&entry.payload).map_err(|e| Error::Corrupt {
                    seq: entry.seq,
                    reason: format!("payload is not an event: {e}"),
                })?,
            );
            progress.set_position(entry.seq.0);
        }
        Ok(())
    })?;
    progress.finish_and_clear();
    replay(&events).map_err(|e| anyhow::anyhow!("the first {seq} entries do not record again: {e}"))
}
