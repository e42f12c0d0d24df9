//! Opening the ledger named by `--db`: a SQLite file, or a PostgreSQL database given as a
//! `postgres://` URL. Queries open it read-only; records open it writable.

use std::ops::Deref;
use std::path::Path;

use anyhow::{Context, bail};
use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::ledger::{Tables, replay};
use plenum_store::accounts::Accounts;
use plenum_store::postgres::{self, PgStore};
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store};

/// An open ledger, in either store.
pub enum Ledger {
    /// A SQLite file.
    Sqlite(Box<SqliteStore>),
    /// A PostgreSQL database.
    Postgres(Box<PgStore>),
}

impl Deref for Ledger {
    type Target = dyn Store;

    fn deref(&self) -> &(dyn Store + 'static) {
        match self {
            Ledger::Sqlite(s) => &**s,
            Ledger::Postgres(s) => &**s,
        }
    }
}

impl Ledger {
    /// The accounts kept beside the ledger.
    pub fn accounts(&self) -> &dyn Accounts {
        match self {
            Ledger::Sqlite(s) => &**s,
            Ledger::Postgres(s) => &**s,
        }
    }

    /// The live meetings kept beside the ledger.
    pub fn meetings(&self) -> &dyn plenum_store::meetings::Meetings {
        match self {
            Ledger::Sqlite(s) => &**s,
            Ledger::Postgres(s) => &**s,
        }
    }

    /// Whether `plenum demo` made this ledger.
    pub fn is_demo(&self) -> Result<bool, Error> {
        match self {
            Ledger::Sqlite(s) => s.is_demo(),
            Ledger::Postgres(s) => s.is_demo(),
        }
    }
}

/// Shows a `--db` for messages: a PostgreSQL URL without its password.
pub fn shown(db: &str) -> String {
    if !postgres::is_url(db) {
        return db.to_owned();
    }
    // postgres://user:password@host/... -> postgres://user@host/...
    match (db.find("://"), db.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let user = &db[scheme + 3..at];
            let user = user.split(':').next().unwrap_or(user);
            format!("{}{user}{}", &db[..scheme + 3], &db[at..])
        }
        _ => db.to_owned(),
    }
}

fn cannot_open(db: &str) -> String {
    format!("cannot open the ledger {}", shown(db))
}

/// The ledger at `--db`, for queries and `verify`: a file is never written.
pub fn read_only(db: &str) -> anyhow::Result<Ledger> {
    if postgres::is_url(db) {
        return Ok(Ledger::Postgres(Box::new(
            PgStore::open(db).with_context(|| cannot_open(db))?,
        )));
    }
    Ok(Ledger::Sqlite(Box::new(
        SqliteStore::open_read_only(db.as_ref()).with_context(|| cannot_open(db))?,
    )))
}

/// The ledger at `--db`, to record in.
pub fn writable(db: &str) -> anyhow::Result<Ledger> {
    if postgres::is_url(db) {
        return Ok(Ledger::Postgres(Box::new(
            PgStore::open(db).with_context(|| cannot_open(db))?,
        )));
    }
    Ok(Ledger::Sqlite(Box::new(
        SqliteStore::open(db.as_ref()).with_context(|| cannot_open(db))?,
    )))
}

/// Makes a new ledger at `--db` (which must hold none) and lets `first` record its first
/// entries; marks it as a demo ledger if `demo`. On any error nothing of it remains.
pub fn create(
    db: &str,
    demo: bool,
    first: impl FnOnce(&dyn Store) -> anyhow::Result<()>,
) -> anyhow::Result<Ledger> {
    if postgres::is_url(db) {
        let store = PgStore::create(db, |store| {
            first(store)?;
            if demo {
                store.mark_demo()?;
            }
            Ok::<(), anyhow::Error>(())
        })?;
        return Ok(Ledger::Postgres(Box::new(store)));
    }
    if db.is_empty() {
        bail!("--db is empty: give a file path or a postgres:// URL");
    }
    let store = SqliteStore::create(Path::new(db), |store| {
        first(store)?;
        if demo {
            store.mark_demo()?;
        }
        Ok::<(), anyhow::Error>(())
    })?;
    Ok(Ledger::Sqlite(Box::new(store)))
}

/// The record as it stood after entry `seq`: its entries recorded again, in memory.
///
/// This replays `seq` entries (the projections do not keep their past), so it
/// costs time and memory in proportion to them; BENCHMARKS.md has figures.
pub fn as_of(store: &dyn Store, seq: u64) -> anyhow::Result<Tables> {
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
