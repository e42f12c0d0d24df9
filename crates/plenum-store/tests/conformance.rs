//! Every store runs the same conformance suite.

use plenum_dev::store_conformance;
use plenum_store::memory::MemoryStore;
use plenum_store::sqlite::SqliteStore;

store_conformance!(memory, MemoryStore::new);

fn sqlite() -> SqliteStore {
    // Each store lives in its own directory, kept until the process ends.
    let dir = tempfile::tempdir().expect("tempdir").keep();
    SqliteStore::create(
        &dir.join("ledger.db"),
        |_| Ok::<(), plenum_store::Error>(()),
    )
    .expect("create")
}

store_conformance!(sqlite, sqlite);

fn postgres() -> plenum_store::postgres::PgStore {
    plenum_store::postgres::PgStore::create(&plenum_dev::pg::fresh_url(), |_| {
        Ok::<(), plenum_store::Error>(())
    })
    .expect("create")
}

store_conformance!(postgres, postgres);
