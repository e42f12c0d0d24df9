//! The embedded store: one SQLite file in WAL mode, entries and projections in one transaction.

mod columns;
mod facts;
mod tables;

pub use rusqlite;

use std::path::{Path, PathBuf};

use plenum_model::event::codec;
use plenum_model::id::Seq;
use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior, params};

use crate::{Batch, Error, Head, Store, StoredEntry, chain};

/// A ledger in a SQLite file.
pub struct SqliteStore {
    connection: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish()
    }
}

/// How much of the file reads may map: 2 GiB, SQLite's default ceiling.
const MMAP_SIZE: i64 = 0x7fff_0000;

fn configure(connection: &Connection) -> Result<(), Error> {
    // WAL: readers never block the writer. FULL: a commit is on disk before
    // it is acknowledged, so nothing acknowledged is lost to a crash or a
    // power cut.
    connection.pragma_update(None, "journal_mode", "WAL")?;
    connection.pragma_update(None, "synchronous", "FULL")?;
    connection.busy_timeout(std::time::Duration::from_secs(10))?;
    // Reads map the file instead of copying each page through read(2): an
    // `at` on a large organ touches thousands of pages. (Writes still go
    // through the WAL; SQLite caps the size at its compiled-in limit.)
    connection.pragma_update(None, "mmap_size", MMAP_SIZE)?;
    Ok(())
}

impl SqliteStore {
    /// Creates a new ledger file, lets `first` write its first entries, and
    /// only then puts it at `path`; fails if the file exists.
    ///
    /// The file is built under a temporary name and renamed into place, so a
    /// crash, or an error from `first`, never leaves a half-made ledger at `path`.
    pub fn create<E: From<Error>>(
        path: &Path,
        first: impl FnOnce(&mut SqliteStore) -> Result<(), E>,
    ) -> Result<SqliteStore, E> {
        if path.exists() {
            let message = format!(
                "{} already exists; plenum init will not overwrite it",
                path.display()
            );
            return Err(Error::NotALedger(message).into());
        }
        let file_name = path
            .file_name()
            .map_or_else(|| "ledger".into(), |n| n.to_string_lossy().into_owned());
        let temporary = path.with_file_name(format!(".{file_name}.{}.new", std::process::id()));
        let built = SqliteStore::empty(&temporary)
            .map_err(E::from)
            .and_then(|mut store| {
                first(&mut store)?;
                // Leave a single file behind: fold the WAL back in before the rename.
                store
                    .connection
                    .pragma_update(None, "wal_checkpoint", "TRUNCATE")
                    .map_err(Error::from)?;
                Ok(())
            });
        if let Err(e) = built {
            remove_with_sidecars(&temporary);
            return Err(e);
        }
        let renamed = std::fs::rename(&temporary, path);
        remove_with_sidecars(&temporary);
        renamed.map_err(|e| Error::NotALedger(format!("cannot create {}: {e}", path.display())))?;
        // Make the rename itself durable.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(SqliteStore::open(path)?)
    }

    fn empty(path: &Path) -> Result<SqliteStore, Error> {
        let connection = Connection::open(path)?;
        configure(&connection)?;
        connection.execute_batch(tables::SCHEMA)?;
        connection.execute(
            "INSERT INTO meta(key, value) VALUES ('format', ?1)",
            [tables::FORMAT],
        )?;
        connection.execute(
            "INSERT INTO meta(key, value) VALUES ('head_seq', '0'), ('head_hash', '')",
            [],
        )?;
        Ok(SqliteStore {
            connection,
            path: path.to_owned(),
        })
    }

    /// Opens an existing ledger file.
    pub fn open(path: &Path) -> Result<SqliteStore, Error> {
        if !path.exists() {
            return Err(Error::NotALedger(format!(
                "no ledger at {}; create one with `plenum init --statute FILE` (or pick another with --db)",
                path.display()
            )));
        }
        let connection = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        let format: Option<String> = connection
            .query_row("SELECT value FROM meta WHERE key = 'format'", [], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|_| Error::NotALedger(format!("{} is not a plenum ledger", path.display())))?;
        match format.as_deref() {
            Some(tables::FORMAT) => {}
            Some(other) => {
                return Err(Error::NotALedger(format!(
                    "{} is a ledger of format {other}; this plenum reads {}",
                    path.display(),
                    tables::FORMAT
                )));
            }
            None => {
                return Err(Error::NotALedger(format!(
                    "{} is not a plenum ledger",
                    path.display()
                )));
            }
        }
        configure(&connection)?;
        Ok(SqliteStore {
            connection,
            path: path.to_owned(),
        })
    }

    /// SQLite's own check of the file (`PRAGMA quick_check`): empty when intact.
    pub fn integrity_problems(&self) -> Result<Vec<String>, Error> {
        let mut statement = self.connection.prepare("PRAGMA quick_check")?;
        let rows = statement.query_map([], |r| r.get::<_, String>(0))?;
        let problems: Vec<String> = rows.collect::<Result<_, _>>()?;
        Ok(problems.into_iter().filter(|p| p != "ok").collect())
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn connection(&self) -> &Connection {
        &self.connection
    }
}

fn remove_with_sidecars(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut p = path.as_os_str().to_owned();
        p.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(p));
    }
}

fn read_head(connection: &Connection) -> Result<Head, Error> {
    let seq: String =
        connection.query_row("SELECT value FROM meta WHERE key = 'head_seq'", [], |r| {
            r.get(0)
        })?;
    let hash: String =
        connection.query_row("SELECT value FROM meta WHERE key = 'head_hash'", [], |r| {
            r.get(0)
        })?;
    let seq = Seq(seq.parse().map_err(|_| Error::Corrupt {
        seq: Seq(0),
        reason: format!("bad head position `{seq}`"),
    })?);
    if seq.0 == 0 {
        return Ok(Head::EMPTY);
    }
    let bytes: Vec<u8> = (0..hash.len() / 2)
        .filter_map(|i| u8::from_str_radix(hash.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    let hash = chain::Hash::from_slice(&bytes).ok_or_else(|| Error::Corrupt {
        seq,
        reason: "bad head hash".to_owned(),
    })?;
    Ok(Head { seq, hash })
}

impl Store for SqliteStore {
    fn head(&self) -> Result<Head, Error> {
        read_head(&self.connection)
    }

    fn scan(
        &self,
        from: Seq,
        visit: &mut dyn FnMut(StoredEntry) -> Result<(), Error>,
    ) -> Result<(), Error> {
        let mut statement = self.connection.prepare_cached(
            "SELECT seq, recorded_at, payload, chain FROM entries WHERE seq >= ?1 ORDER BY seq",
        )?;
        let mut rows = statement.query([from.0 as i64])?;
        while let Some(row) = rows.next()? {
            let seq = Seq(row.get::<_, i64>(0)? as u64);
            let chain_bytes: Vec<u8> = row.get(3)?;
            let chain = chain::Hash::from_slice(&chain_bytes).ok_or_else(|| Error::Corrupt {
                seq,
                reason: format!("stored hash has {} bytes, not 32", chain_bytes.len()),
            })?;
            let recorded_at = match row.get_ref(1)? {
                rusqlite::types::ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned(),
                _ => {
                    return Err(Error::Corrupt {
                        seq,
                        reason: "timestamp is not text".to_owned(),
                    });
                }
            };
            visit(StoredEntry {
                seq,
                recorded_at,
                payload: row.get(2)?,
                chain,
            })?;
        }
        Ok(())
    }

    fn append(&mut self, expected: Head, batch: Batch<'_>) -> Result<Head, Error> {
        // BEGIN IMMEDIATE takes the write lock now, so the head read below
        // cannot change before COMMIT.
        let tx = self
            .connection
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let mut head = read_head(&tx)?;
        if head != expected {
            return Err(Error::Conflict {
                expected: expected.seq,
                actual: head.seq,
            });
        }
        {
            let mut insert = tx.prepare_cached(
                "INSERT INTO entries(seq, recorded_at, payload, chain) VALUES (?1, ?2, ?3, ?4)",
            )?;
            for event in batch.events {
                let seq = Seq(head.seq.0 + 1);
                let payload = codec::to_canonical_bytes(event);
                let hash = chain::next(head.hash, seq, batch.recorded_at, &payload);
                insert.execute(params![
                    seq.0 as i64,
                    batch.recorded_at,
                    payload,
                    &hash.0[..]
                ])?;
                head = Head { seq, hash };
            }
        }
        tables::apply(&tx, batch.diff)?;
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'head_seq'",
            [head.seq.0.to_string()],
        )?;
        tx.execute(
            "UPDATE meta SET value = ?1 WHERE key = 'head_hash'",
            [head.hash.to_hex()],
        )?;
        // A crash before this line leaves nothing of the batch (the
        // transaction rolls back); after it, all of it (WAL, synchronous=FULL).
        tx.commit()?;
        Ok(head)
    }
}
