//! The PostgreSQL store, for organizations that outgrow one file: the same tables, rows
//! and digests as SQLite's, so a ledger copies between the two with the same head.
//!
//! - **Writers**, in any process, take turns on the head row (`SELECT ... FOR UPDATE`
//!   in each group's transaction), so the chain never forks. A process's writer threads
//!   share one transaction and one commit (`group.rs`), and while one group commits the
//!   next is judged on the head that commit leaves; it checks that head when it takes
//!   the head row, and judges its batches again if another process moved the ledger.
//! - **Readers** read in `REPEATABLE READ READ ONLY` transactions: a snapshot that
//!   never blocks a writer and never sees half a batch.
//! - The schema carries its version; a ledger of another version is refused.

mod accounts;
mod ahead;
mod conn;
mod facts;
mod group;
mod known;
mod link;
mod meetings;
mod overlay;
mod read;
mod schema;
#[cfg(test)]
mod turn_tests;
mod tx;
mod write;

use plenum_model::event::Event;
use plenum_model::history::Writer;
use plenum_model::id::Seq;
use plenum_model::ledger::{RecordError, Recorded};
use plenum_model::rows::Table;

pub use facts::PgSnapshot;

use crate::digest::Digests;
use crate::{Error, Hash, Head, RowVisitor, Snapshot, Store, StoredEntry, WriteError, Written};
use ahead::Prefetched;
use conn::{Conn, Plans, Pool, pg, refs};
use postgres::{IsolationLevel, Transaction};

/// Whether `db` names a PostgreSQL database.
pub fn is_url(db: &str) -> bool {
    db.starts_with("postgres://") || db.starts_with("postgresql://")
}

/// A ledger in a PostgreSQL database (or schema: give `options=-csearch_path=NAME`).
pub struct PgStore {
    url: String,
    /// Connections for readers.
    pool: Pool,
    /// Connections for writers: their statements always run with the generic plan.
    writing: Pool,
    /// Where this process's writers share a transaction (group commit).
    writers: group::Group,
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PgStore").finish_non_exhaustive()
    }
}

pub(crate) fn poisoned<T>(_: T) -> Error {
    Error::Database("a thread panicked while holding the ledger".into())
}

impl PgStore {
    /// A store of the database at `url`, with no connection yet.
    fn new(url: &str) -> PgStore {
        PgStore {
            url: url.to_owned(),
            pool: Pool::new(url, Plans::Default),
            writing: Pool::new(url, Plans::Generic),
            writers: group::Group::default(),
        }
    }

    /// Opens the ledger in the database at `url`.
    pub fn open(url: &str) -> Result<PgStore, Error> {
        let store = PgStore::new(url);
        let mut conn = store.take()?;
        let result = check_format(&mut conn);
        store.give_back(conn);
        result.map(|()| store)
    }

    /// Makes a new ledger in the database at `url`, which must hold none; lets `first`
    /// record its first entries. On any error nothing of it remains.
    pub fn create<E: From<Error>>(
        url: &str,
        first: impl FnOnce(&PgStore) -> Result<(), E>,
    ) -> Result<PgStore, E> {
        let store = PgStore::new(url);
        let mut conn = store.take()?;
        let exists = conn
            .query("SELECT to_regclass('meta') IS NOT NULL", &[])?
            .first()
            .is_some_and(|r| r.get::<_, bool>(0));
        if exists {
            return Err(Error::NotALedger(
                "the database already holds a ledger; plenum init will not overwrite it".into(),
            )
            .into());
        }
        conn.batch("BEGIN")?;
        let made = (|| -> Result<(), Error> {
            conn.batch(&schema::schema())?;
            conn.execute(
                "INSERT INTO meta(key, value) VALUES ('format', $1), ('schema', $2), ('head_seq', '0'), ('head_hash', '')",
                &[&schema::FORMAT, &schema::SCHEMA_VERSION],
            )?;
            conn.batch("COMMIT")
        })();
        if let Err(e) = made {
            let _ = conn.batch("ROLLBACK");
            return Err(e.into());
        }
        store.give_back(conn);
        if let Err(e) = first(&store) {
            // Leave no half-made ledger behind.
            if let Ok(mut conn) = store.take() {
                let _ = conn.batch(&drop_all());
            }
            return Err(e);
        }
        Ok(store)
    }

    /// The URL the store connects to.
    pub fn url(&self) -> &str {
        &self.url
    }

    fn take(&self) -> Result<Conn, Error> {
        self.pool.take()
    }

    pub(crate) fn give_back(&self, conn: Conn) {
        self.pool.give_back(conn);
    }

    fn with<T>(&self, f: impl FnOnce(&mut Conn) -> Result<T, Error>) -> Result<T, Error> {
        let mut conn = self.take()?;
        let result = f(&mut conn);
        if result.is_err() {
            let _ = conn.batch("ROLLBACK");
        }
        self.give_back(conn);
        result
    }

    /// Whether `plenum demo` made this ledger.
    pub fn is_demo(&self) -> Result<bool, Error> {
        self.with(|c| {
            Ok(c.query("SELECT value FROM meta WHERE key = 'demo'", &[])?
                .first()
                .is_some_and(|r| r.get::<_, &str>(0) == "true"))
        })
    }

    /// Marks the ledger as one `plenum demo` made (and may replace).
    pub fn mark_demo(&self) -> Result<(), Error> {
        self.with(|c| {
            c.execute(
                "INSERT INTO meta(key, value) VALUES ('demo', 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'",
                &[],
            )
            .map(drop)
        })
    }

    /// Drops every table of the ledger (for `plenum demo`, which replaces only its own).
    pub fn drop_ledger(&self) -> Result<(), Error> {
        self.with(|c| c.batch(&drop_all()))
    }
}

/// Drops the ledger and the accounts and meetings kept beside it (as removing a SQLite file does).
fn drop_all() -> String {
    let tables: Vec<&str> = crate::sql::table_names()
        .chain(["accounts", "sessions", "api_tokens"])
        .chain(crate::meetings::TABLES)
        .collect();
    format!("DROP TABLE IF EXISTS {}", tables.join(", "))
}

fn check_format(conn: &mut Conn) -> Result<(), Error> {
    let exists = conn
        .query("SELECT to_regclass('meta') IS NOT NULL", &[])?
        .first()
        .is_some_and(|r| r.get::<_, bool>(0));
    if !exists {
        return Err(Error::NotALedger(
            "the database holds no plenum ledger; create one with `plenum init --statute FILE --db URL`".into(),
        ));
    }
    let rows = conn.query(
        "SELECT key, value FROM meta WHERE key IN ('format', 'schema')",
        &[],
    )?;
    let value = |key: &str| {
        rows.iter()
            .find(|r| r.get::<_, &str>(0) == key)
            .map(|r| r.get::<_, String>(1))
    };
    match (value("format").as_deref(), value("schema").as_deref()) {
        (Some(schema::FORMAT), Some(schema::SCHEMA_VERSION)) => Ok(()),
        (Some(schema::FORMAT), other) => Err(Error::NotALedger(format!(
            "the ledger's PostgreSQL schema is version {}; this plenum reads version {}",
            other.unwrap_or("(none)"),
            schema::SCHEMA_VERSION
        ))),
        (Some(other), _) if other.starts_with("plenum-ledger-") => Err(Error::NotALedger(format!(
            "the database holds a ledger of format {other}; this plenum reads {}",
            schema::FORMAT
        ))),
        _ => Err(Error::NotALedger(
            "the database's `meta` table is not a plenum ledger's".into(),
        )),
    }
}

impl Store for PgStore {
    fn head(&self) -> Result<Head, Error> {
        self.with(|c| read::head(&mut c.client))
    }

    fn snapshot(&self) -> Result<Snapshot<'_>, Error> {
        Ok(Box::new(PgSnapshot::begin(self, self.take()?)?))
    }

    fn transact(
        &self,
        expected: Option<Head>,
        recorded_at: &str,
        write: &mut dyn FnMut(&mut dyn Writer) -> Result<Recorded, RecordError>,
    ) -> Result<Written, WriteError> {
        self.writers.transact(
            expected,
            None,
            recorded_at,
            &|| self.writing.take(),
            &|conn| self.writing.give_back(conn),
            write,
        )
    }

    fn record(&self, events: &[Event], recorded_at: &str) -> Result<Written, WriteError> {
        // What the batch reads first is read now, while other writers' batches are
        // judged, rather than in its turn; its turn uses it if the ledger has not moved.
        // Should that read fail, the turn reads as usual (and meets the failure if it lasts).
        let prefetched = self
            .writing
            .take()
            .and_then(|mut conn| {
                let read = Prefetched::read(&mut conn, events);
                self.writing.give_back(conn);
                read
            })
            .ok();
        self.writers.transact(
            None,
            prefetched,
            recorded_at,
            &|| self.writing.take(),
            &|conn| self.writing.give_back(conn),
            &mut |tx| plenum_model::ledger::record(tx, events),
        )
    }

    fn conflicts_retried(&self) -> u64 {
        self.writers.retried()
    }

    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<Head, Error> {
        self.with(|c| {
            let mut tx = read_only(c)?;
            let head = read::head(&mut tx)?;
            let statement = "SELECT seq, recorded_at, payload, digest, chain FROM entries WHERE seq >= $1 ORDER BY seq";
            in_chunks(&mut tx, statement, &[&(from.0 as i64)], &mut |row| {
                let seq = Seq(row.get::<_, i64>(0) as u64);
                let hash = |bytes: Option<&[u8]>| -> Result<Option<Hash>, Error> {
                    bytes
                        .map(|b| {
                            Hash::from_slice(b).ok_or_else(|| Error::Corrupt {
                                seq,
                                reason: format!("a stored hash has {} bytes, not 32", b.len()),
                            })
                        })
                        .transpose()
                };
                let chain = hash(row.get(4))?.ok_or_else(|| Error::Corrupt {
                    seq,
                    reason: "the chain hash is missing".into(),
                })?;
                visit(StoredEntry {
                    seq,
                    recorded_at: row.get(1),
                    payload: row.get(2),
                    digest: hash(row.get(3))?,
                    chain,
                })
            })?;
            tx.commit().map_err(pg)?;
            Ok(head)
        })
    }

    fn projections(
        &self,
        tables: &[Table],
        visit: &mut RowVisitor<'_>,
    ) -> Result<(Head, Digests), Error> {
        self.with(|c| {
            let mut tx = read_only(c)?;
            let head = read::head(&mut tx)?;
            let digests = read::digests(&mut tx)?;
            for &table in tables {
                let statement = format!(
                    "SELECT {} FROM {}",
                    schema::column_list(table),
                    table.name()
                );
                in_chunks(&mut tx, &statement, &[], &mut |row| {
                    visit(table, &refs(table, row, 0)?)
                })?;
            }
            tx.commit().map_err(pg)?;
            Ok((head, digests))
        })
    }

    fn self_check(&self, _deep: bool) -> Result<Vec<(String, String)>, Error> {
        self.with(|c| {
            let head = read::head(&mut c.client)?;
            let last = read::last_entry(c)?;
            Ok(match last {
                Some((seq, hash)) if seq == head.seq && hash == head.hash => Vec::new(),
                None if head == Head::EMPTY => Vec::new(),
                _ => vec![(
                    "meta".to_owned(),
                    format!(
                        "the recorded head ({}) is not the last entry ({})",
                        head.seq,
                        last.map_or(0, |(s, _)| s.0)
                    ),
                )],
            })
        })
    }
}

/// A read-only transaction on one snapshot of the database.
fn read_only(conn: &mut Conn) -> Result<Transaction<'_>, Error> {
    conn.client
        .build_transaction()
        .isolation_level(IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(pg)
}

/// Runs a query in `tx` and visits its rows a few thousand at a time, never holding them all.
fn in_chunks(
    tx: &mut Transaction<'_>,
    statement: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
    visit: &mut dyn FnMut(&postgres::Row) -> Result<(), Error>,
) -> Result<(), Error> {
    let portal = tx.bind(statement, params).map_err(pg)?;
    loop {
        let rows = tx.query_portal(&portal, 5_000).map_err(pg)?;
        if rows.is_empty() {
            return Ok(());
        }
        for row in &rows {
            visit(row)?;
        }
    }
}
