//! Opening the ledger named by `--db`.

use anyhow::{Context, bail};
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Ledger, Store};

/// Whether `--db` names a PostgreSQL database.
fn is_postgres(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// The store at `--db`, for queries that read projections only.
pub fn store(db: &str) -> anyhow::Result<SqliteStore> {
    if is_postgres(db) {
        bail!("the PostgreSQL store is not built yet; use a SQLite file path for --db");
    }
    SqliteStore::open(db.as_ref()).with_context(|| format!("cannot open the ledger {db}"))
}

/// The ledger at `--db`, replayed: for commands that check or judge.
pub fn ledger(db: &str) -> anyhow::Result<Ledger<SqliteStore>> {
    let store = store(db)?;
    let entries = store.head()?.seq.0;
    let progress = crate::progress::spinner(entries, "replaying the ledger");
    let ledger = Ledger::open(store).with_context(|| format!("cannot read the ledger {db}"))?;
    progress.finish_and_clear();
    Ok(ledger)
}

/// Creates a new ledger file at `--db`.
pub fn create(db: &str) -> anyhow::Result<&str> {
    if is_postgres(db) {
        bail!("the PostgreSQL store is not built yet; use a SQLite file path for --db");
    }
    Ok(db)
}
