//! A ledger of an earlier format (plenum-ledger-9, before organizations' rows kept
//! the charges filed under their procedure and the copies served) is refused with a
//! message that says what to do, not misread.

use plenum_dev::conformance::record_random;
use plenum_store::Error;
use plenum_store::sqlite::SqliteStore;
use rusqlite::Connection;

#[test]
fn a_ledger_of_an_earlier_format_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ledger.db");
    let store = SqliteStore::create(&path, |_| Ok::<(), Error>(())).expect("create");
    record_random(&store, 7, 5);
    drop(store);
    let connection = Connection::open(&path).expect("second connection");
    connection
        .execute(
            "UPDATE meta SET value = 'plenum-ledger-9' WHERE key = 'format'",
            [],
        )
        .expect("age it");
    drop(connection);
    match SqliteStore::open(&path) {
        Err(Error::NotALedger(message)) => {
            assert!(
                message.contains(
                    "is a ledger of format plenum-ledger-9; this plenum reads plenum-ledger-10"
                ),
                "{message}"
            );
            assert!(message.contains("plenum export events"), "{message}");
        }
        Ok(_) => panic!("an earlier format was opened"),
        Err(other) => panic!("{other:?}"),
    }
}
