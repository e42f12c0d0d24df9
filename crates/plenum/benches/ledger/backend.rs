//! Where a measurement runs: the cached SQLite file, or the same organization copied into
//! a PostgreSQL database (`--store postgres`, on the server `DATABASE_URL` names).

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::Instant;

use plenum_dev::pg;
use plenum_store::postgres::PgStore;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store};

/// A ledger the bench measures.
#[derive(Clone, Debug)]
pub(crate) enum Ledger {
    /// A SQLite file.
    File(PathBuf),
    /// A PostgreSQL database: its name on the server, and its URL.
    Database { name: String, url: String },
}

impl Ledger {
    /// The store's name in the reports.
    pub(crate) fn label(&self) -> &'static str {
        match self {
            Ledger::File(_) => "SQLite",
            Ledger::Database { .. } => "PostgreSQL",
        }
    }

    /// The ledger as `--db` names it.
    pub(crate) fn db_arg(&self) -> OsString {
        match self {
            Ledger::File(path) => path.clone().into_os_string(),
            Ledger::Database { url, .. } => url.into(),
        }
    }

    /// Opened for reading only.
    pub(crate) fn read_only(&self) -> Box<dyn Store> {
        match self {
            Ledger::File(path) => {
                Box::new(SqliteStore::open_read_only(path).expect("open the organization"))
            }
            Ledger::Database { url, .. } => {
                Box::new(PgStore::open(url).expect("open the organization"))
            }
        }
    }

    /// Opened for writing.
    pub(crate) fn writable(&self) -> Box<dyn Store> {
        match self {
            Ledger::File(path) => Box::new(SqliteStore::open(path).expect("open the copy")),
            Ledger::Database { url, .. } => Box::new(PgStore::open(url).expect("open the copy")),
        }
    }

    /// A copy to write on, synced before anything is timed; `drop_copy` removes it.
    pub(crate) fn work_copy(&self, scratch: &Path) -> Ledger {
        let started = Instant::now();
        let copy = match self {
            Ledger::File(path) => {
                let work = scratch.join(format!("work-{}.db", std::process::id()));
                std::fs::copy(path, &work).expect("copy the organization");
                // Written back before anything is timed: else the first commit's fsync
                // waits for gigabytes of the copy.
                std::fs::File::open(&work)
                    .and_then(|f| f.sync_all())
                    .expect("sync the copy");
                Ledger::File(work)
            }
            Ledger::Database { name, .. } => {
                let work = format!("{name}_work");
                let url = pg::create_database(&pg::server_url(), &work, Some(name));
                // The copy's files are written by CREATE DATABASE with a checkpoint.
                Ledger::Database { name: work, url }
            }
        };
        eprintln!(
            "copied the organization ({}) in {:.0}s",
            self.label(),
            started.elapsed().as_secs_f64()
        );
        copy
    }

    /// Removes a copy made by `work_copy`.
    pub(crate) fn drop_copy(&self) {
        match self {
            Ledger::File(path) => {
                let _ = std::fs::remove_file(path);
            }
            Ledger::Database { name, .. } => pg::drop_database(&pg::server_url(), name),
        }
    }
}

/// The organization in `file` (SQLite), copied once into its own PostgreSQL database and
/// kept there: reused while its head is the file's.
pub(crate) fn in_postgres(file: &Path, name: &str) -> Ledger {
    let server = pg::server_url();
    let database = format!("plenum_bench_{}", name.replace('-', "_"));
    let url = pg::database_url(&server, &database);
    let source = SqliteStore::open_read_only(file).expect("open the organization");
    let head = source.head().expect("head");
    if let Ok(kept) = PgStore::open(&url)
        && kept.head().ok() == Some(head)
    {
        println!("organization in PostgreSQL: database {database} (cached)");
        return Ledger::Database {
            name: database,
            url,
        };
    }
    let url = pg::create_database(&server, &database, None);
    let started = Instant::now();
    let target = PgStore::create(&url, |_| Ok::<(), Error>(())).expect("create");
    let total = head.seq.0;
    let mut next_report = 0;
    plenum_store::copy(&source, &target, &mut |seq| {
        if seq.0 >= next_report {
            eprintln!(
                "copying into PostgreSQL: {}/{total} entries ({:.0}s)",
                seq.0,
                started.elapsed().as_secs_f64()
            );
            next_report = seq.0 + total / 20 + 1;
        }
    })
    .expect("copy the organization into PostgreSQL");
    let seconds = started.elapsed().as_secs_f64();
    println!();
    println!(
        "## copy into PostgreSQL: {total} entries in {seconds:.0}s ({:.0} events/s), `plenum_store::copy` (every batch recorded again, its hash compared)",
        total as f64 / seconds
    );
    drop(target);
    Ledger::Database {
        name: database,
        url,
    }
}
