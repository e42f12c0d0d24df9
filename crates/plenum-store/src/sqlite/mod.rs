//! The embedded store: one SQLite file, entries and projections in one transaction.
//!
//! - **Writers** take one connection, in WAL mode with `synchronous=FULL`, one
//!   `BEGIN IMMEDIATE` transaction per batch: a batch is on disk before it is
//!   acknowledged, and a second writer (thread or process) waits for the first.
//! - **Readers** take pooled connections, each query in one read transaction:
//!   they see a consistent ledger and never wait for a writer (WAL).
//! - **Read-only use** (queries, `verify`) never writes the file: readers of a
//!   writable file are `query_only`, and a write-protected file is opened
//!   `immutable`, so that no `-wal` or `-shm` file appears beside it.
//!
//! New files are built under a temporary name and linked into place only if
//! nothing is there yet, so two `init`s of one path cannot both succeed.

mod accounts;
mod facts;
mod file;
mod meetings;
mod read;
mod schema;
mod store;
mod tx;

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use plenum_model::rows::Table;
use rusqlite::{Connection, ErrorCode, OpenFlags};

pub use facts::SqliteSnapshot;

use file::{check_file, remove_with_sidecars, uri, write_protected};

use crate::Error;

/// How much of the file reads may map: 2 GiB, SQLite's default ceiling.
const MMAP_SIZE: i64 = 0x7fff_0000;

/// How the file was opened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Access {
    /// Queries and records.
    ReadWrite,
    /// Queries only; `immutable` when the file is write-protected.
    ReadOnly { immutable: bool },
}

/// A ledger in a SQLite file, shareable between threads.
pub struct SqliteStore {
    path: PathBuf,
    access: Access,
    /// The SQLite VFS to open connections with, if not the default (crash tests).
    vfs: Option<String>,
    writer: Mutex<Option<Connection>>,
    readers: Mutex<Vec<Connection>>,
    /// The statute book last read, kept for the next batch while the statutes stay.
    books: plenum_model::statute::BookMemo,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .field("access", &self.access)
            .finish()
    }
}

/// A database error as the store's.
pub(crate) fn sql(e: rusqlite::Error) -> Error {
    match e.sqlite_error_code() {
        Some(ErrorCode::DatabaseCorrupt | ErrorCode::NotADatabase) => Error::Damaged(e.to_string()),
        Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked) => Error::Unavailable(format!(
            "the ledger is busy: another process held it too long ({e})"
        )),
        Some(ErrorCode::ReadOnly) => Error::Unavailable(format!("the ledger is read-only: {e}")),
        Some(ErrorCode::CannotOpen | ErrorCode::PermissionDenied) => {
            Error::Unavailable(format!("cannot open the ledger: {e}"))
        }
        _ => Error::Database(e.to_string()),
    }
}

impl SqliteStore {
    /// Opens an existing ledger for queries and records.
    pub fn open(path: &Path) -> Result<SqliteStore, Error> {
        check_file(path)?;
        if write_protected(path) {
            return Err(Error::Unavailable(format!(
                "{} is write-protected: its queries work, but nothing can be recorded in it",
                path.display()
            )));
        }
        let store = SqliteStore::with_access(path, Access::ReadWrite);
        store.check_format()?;
        Ok(store)
    }

    /// Opens an existing ledger for queries only: the file is never written, and a
    /// write-protected file is read without `-wal` or `-shm` files beside it.
    pub fn open_read_only(path: &Path) -> Result<SqliteStore, Error> {
        check_file(path)?;
        let immutable = write_protected(path);
        let store = SqliteStore::with_access(path, Access::ReadOnly { immutable });
        store.check_format()?;
        Ok(store)
    }

    /// Opens an existing ledger for queries and records through a named SQLite VFS
    /// (registered beforehand), as crash tests do to simulate losing power.
    pub fn open_with_vfs(path: &Path, vfs: &str) -> Result<SqliteStore, Error> {
        check_file(path)?;
        let mut store = SqliteStore::with_access(path, Access::ReadWrite);
        store.vfs = Some(vfs.to_owned());
        store.check_format()?;
        Ok(store)
    }

    /// Creates a ledger through a named SQLite VFS (see [`SqliteStore::open_with_vfs`]),
    /// in place: the file is made at `path` directly, empty, with no first entries.
    pub fn create_with_vfs(path: &Path, vfs: &str) -> Result<SqliteStore, Error> {
        if path.exists() {
            return Err(Error::NotALedger(format!(
                "{} already exists",
                path.display()
            )));
        }
        let connection = Connection::open_with_flags_and_vfs(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            vfs,
        )
        .map_err(sql)?;
        configure_writer(&connection)?;
        connection.execute_batch(&schema::schema()).map_err(sql)?;
        connection
            .execute(
                "INSERT INTO meta(key, value) VALUES ('format', ?1), ('head_seq', '0'), ('head_hash', '')",
                [schema::FORMAT],
            )
            .map_err(sql)?;
        let mut store = SqliteStore::with_access(path, Access::ReadWrite);
        store.vfs = Some(vfs.to_owned());
        *store.writer.lock().map_err(poisoned)? = Some(connection);
        Ok(store)
    }

    fn with_access(path: &Path, access: Access) -> SqliteStore {
        SqliteStore {
            path: path.to_owned(),
            access,
            vfs: None,
            writer: Mutex::new(None),
            readers: Mutex::new(Vec::new()),
            books: Default::default(),
        }
    }

    /// Creates a new ledger file, lets `first` record its first entries, and only
    /// then links it into place at `path`; fails if anything is there already.
    ///
    /// The file is built under a temporary name and hard-linked to `path`, which
    /// fails if `path` exists, so a crash or an error leaves nothing at `path`,
    /// and of two concurrent creations exactly one succeeds.
    pub fn create<E: From<Error>>(
        path: &Path,
        first: impl FnOnce(&SqliteStore) -> Result<(), E>,
    ) -> Result<SqliteStore, E> {
        let exists = |path: &Path| {
            Error::NotALedger(format!(
                "{} already exists; plenum init will not overwrite it",
                path.display()
            ))
        };
        if path.exists() {
            return Err(exists(path).into());
        }
        let file_name = path
            .file_name()
            .map_or_else(|| "ledger".into(), |n| n.to_string_lossy().into_owned());
        let nonce = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.subsec_nanos());
        let temporary =
            path.with_file_name(format!(".{file_name}.{}.{nonce}.new", std::process::id()));
        let built = SqliteStore::empty(&temporary)
            .map_err(E::from)
            .and_then(|store| {
                first(&store)?;
                store.close().map_err(E::from)?;
                Ok(())
            });
        if let Err(e) = built {
            remove_with_sidecars(&temporary);
            return Err(e);
        }
        let linked = std::fs::hard_link(&temporary, path);
        remove_with_sidecars(&temporary);
        match linked {
            Ok(()) => {}
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(exists(path).into());
            }
            Err(e) => {
                return Err(
                    Error::Unavailable(format!("cannot create {}: {e}", path.display())).into(),
                );
            }
        }
        // Make the new name itself durable.
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            let _ = std::fs::File::open(dir).and_then(|d| d.sync_all());
        }
        Ok(SqliteStore::open(path)?)
    }

    fn empty(path: &Path) -> Result<SqliteStore, Error> {
        let connection = Connection::open(path).map_err(sql)?;
        configure_writer(&connection)?;
        connection.execute_batch(&schema::schema()).map_err(sql)?;
        connection
            .execute(
                "INSERT INTO meta(key, value) VALUES ('format', ?1), ('head_seq', '0'), ('head_hash', '')",
                [schema::FORMAT],
            )
            .map_err(sql)?;
        let store = SqliteStore::with_access(path, Access::ReadWrite);
        *store.writer.lock().map_err(poisoned)? = Some(connection);
        Ok(store)
    }

    /// Closes every connection, folding the write-ahead log back into the file.
    pub fn close(self) -> Result<(), Error> {
        let writer = self.writer.lock().map_err(poisoned)?.take();
        if let Ok(mut pool) = self.readers.lock() {
            pool.clear();
        }
        if let Some(writer) = writer {
            writer
                .pragma_update(None, "wal_checkpoint", "TRUNCATE")
                .map_err(sql)?;
            writer.close().map_err(|(_, e)| sql(e))?;
        }
        Ok(())
    }

    /// Marks the ledger as one `plenum demo` made (and may replace).
    pub fn mark_demo(&self) -> Result<(), Error> {
        self.with_writer(|c| {
            c.execute(
                "INSERT INTO meta(key, value) VALUES ('demo', 'true') ON CONFLICT(key) DO UPDATE SET value = 'true'",
                [],
            )
            .map(|_| ())
            .map_err(sql)
        })
    }

    /// Whether `plenum demo` made this ledger.
    pub fn is_demo(&self) -> Result<bool, Error> {
        self.with_reader(|c| {
            let value: Option<String> = rusqlite::OptionalExtension::optional(c.query_row(
                "SELECT value FROM meta WHERE key = 'demo'",
                [],
                |r| r.get(0),
            ))
            .map_err(sql)?;
            Ok(value.as_deref() == Some("true"))
        })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn open_reader(&self) -> Result<Connection, Error> {
        let connection = match self.access {
            Access::ReadOnly { immutable: true } => Connection::open_with_flags(
                uri(&self.path, "mode=ro&immutable=1"),
                OpenFlags::SQLITE_OPEN_READ_ONLY
                    | OpenFlags::SQLITE_OPEN_URI
                    | OpenFlags::SQLITE_OPEN_NO_MUTEX,
            ),
            _ => self.open_read_write(),
        }
        .map_err(sql)?;
        connection
            .busy_timeout(std::time::Duration::from_secs(10))
            .map_err(sql)?;
        connection
            .pragma_update(None, "mmap_size", MMAP_SIZE)
            .map_err(sql)?;
        connection
            .pragma_update(None, "query_only", true)
            .map_err(sql)?;
        Ok(connection)
    }

    fn open_read_write(&self) -> rusqlite::Result<Connection> {
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        match &self.vfs {
            Some(vfs) => Connection::open_with_flags_and_vfs(&self.path, flags, vfs.as_str()),
            None => Connection::open_with_flags(&self.path, flags),
        }
    }

    /// Runs `f` with a pooled reader.
    fn with_reader<T>(&self, f: impl FnOnce(&Connection) -> Result<T, Error>) -> Result<T, Error> {
        let connection = self.take_reader()?;
        let result = f(&connection);
        self.give_back(connection);
        result
    }

    fn take_reader(&self) -> Result<Connection, Error> {
        let pooled = self.readers.lock().map_err(poisoned)?.pop();
        match pooled {
            Some(c) => Ok(c),
            None => self.open_reader(),
        }
    }

    fn give_back(&self, connection: Connection) {
        if let Ok(mut pool) = self.readers.lock()
            && pool.len() < 16
        {
            pool.push(connection);
        }
    }

    fn with_writer<T>(
        &self,
        f: impl FnOnce(&mut Connection) -> Result<T, Error>,
    ) -> Result<T, Error> {
        if self.access != Access::ReadWrite {
            return Err(Error::Unavailable(format!(
                "{} was opened read-only",
                self.path.display()
            )));
        }
        let mut guard = self.writer.lock().map_err(poisoned)?;
        if guard.is_none() {
            let connection = self.open_read_write().map_err(sql)?;
            configure_writer(&connection)?;
            *guard = Some(connection);
        }
        match guard.as_mut() {
            Some(connection) => f(connection),
            None => Err(Error::Database("no writer connection".into())),
        }
    }

    fn check_format(&self) -> Result<(), Error> {
        let path = self.path.display().to_string();
        self.with_reader(|c| {
            let not_ours = || Error::NotALedger(format!("{path} is not a plenum ledger"));
            let tables: Vec<String> = {
                let mut statement = c
                    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table'")
                    .map_err(sql)?;
                let rows = statement.query_map([], |r| r.get(0)).map_err(sql)?;
                rows.collect::<Result<_, _>>().map_err(sql)?
            };
            if !tables.iter().any(|t| t == "meta") {
                return Err(not_ours());
            }
            let format: Option<String> = rusqlite::OptionalExtension::optional(c.query_row(
                "SELECT value FROM meta WHERE key = 'format'",
                [],
                |r| r.get(0),
            ))
            .map_err(|e| match sql(e) {
                // A page SQLite cannot read is damage, not a stranger's file.
                damaged @ Error::Damaged(_) => damaged,
                _ => not_ours(),
            })?;
            match format.as_deref() {
                Some(schema::FORMAT) => {}
                Some(other) if other.starts_with("plenum-ledger-") => {
                    return Err(Error::NotALedger(format!(
                        "{path} is a ledger of format {other}; this plenum reads {} (record its events again with `plenum export events` from the plenum that made it)",
                        schema::FORMAT
                    )));
                }
                _ => return Err(not_ours()),
            }
            let wanted = Table::ALL
                .iter()
                .map(|t| t.name())
                .chain(["entries", "digests", "organs", "seat_spans"]);
            for table in wanted {
                if !tables.iter().any(|t| t == table) {
                    return Err(Error::NotALedger(format!(
                        "{path} claims to be a plenum ledger but has no `{table}` table"
                    )));
                }
            }
            Ok(())
        })
    }
}

fn configure_writer(connection: &Connection) -> Result<(), Error> {
    // WAL: readers never wait for the writer. FULL: a commit is on disk before
    // it is acknowledged, so nothing acknowledged is lost to a crash or a power cut.
    connection
        .pragma_update(None, "journal_mode", "WAL")
        .map_err(sql)?;
    connection
        .pragma_update(None, "synchronous", "FULL")
        .map_err(sql)?;
    // Deleted rows are overwritten, not left in free space: a closed poll's urn and roll
    // are rewritten in key order, and their old cells must not keep the order of arrival.
    connection
        .pragma_update(None, "secure_delete", "ON")
        .map_err(sql)?;
    // Statement journals (a statement undone inside a batch) stay in memory.
    connection
        .pragma_update(None, "temp_store", "MEMORY")
        .map_err(sql)?;
    connection
        .busy_timeout(std::time::Duration::from_secs(10))
        .map_err(sql)?;
    connection
        .pragma_update(None, "mmap_size", MMAP_SIZE)
        .map_err(sql)?;
    Ok(())
}

fn poisoned<T>(_: T) -> Error {
    Error::Database("a thread panicked while holding the ledger".into())
}

impl Drop for SqliteStore {
    fn drop(&mut self) {
        // Fold the log back into the file, so that a ledger at rest is one file.
        if let Ok(mut guard) = self.writer.lock()
            && let Some(writer) = guard.take()
        {
            let _ = writer.pragma_update(None, "wal_checkpoint", "TRUNCATE");
        }
    }
}
