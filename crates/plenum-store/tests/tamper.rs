//! Tampering is found and named: flipping any bit of any byte of any stored entry names
//! exactly that entry; changing, adding or deleting a row of any projection table (or of
//! the seats' spatial index) behind the ledger's back names that table.

use plenum_dev::conformance::record_random;
use plenum_model::id::Seq;
use plenum_model::rows::Table;
use plenum_model::rows::columns::Type;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, verify, verify_deep};
use rusqlite::{Connection, params};

fn ledger(dir: &std::path::Path, seed: u64, size: usize) -> (SqliteStore, std::path::PathBuf) {
    let path = dir.join("ledger.db");
    let store = SqliteStore::create(&path, |_| Ok::<(), Error>(())).expect("create");
    record_random(&store, seed, size);
    (store, path)
}

fn column(connection: &Connection, seq: i64, name: &str) -> Option<Vec<u8>> {
    connection
        .query_row(
            &format!("SELECT CAST({name} AS BLOB) FROM entries WHERE seq = ?1"),
            [seq],
            |r| r.get(0),
        )
        .expect("read")
}

fn write(connection: &Connection, seq: i64, name: &str, bytes: &[u8]) {
    let value = if name == "recorded_at" {
        "CAST(?1 AS TEXT)"
    } else {
        "?1"
    };
    connection
        .execute(
            &format!("UPDATE entries SET {name} = {value} WHERE seq = ?2"),
            params![bytes, seq],
        )
        .expect("write");
}

#[test]
fn every_flipped_byte_of_every_entry_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, path) = ledger(dir.path(), 42, 12);
    let tamper = Connection::open(&path).expect("second connection");
    let mut flips = 0;
    for seq in 1..=12i64 {
        for name in ["payload", "recorded_at", "digest", "chain"] {
            let Some(original) = column(&tamper, seq, name) else {
                continue;
            };
            for at in 0..original.len() {
                let bit = if at % 2 == 0 { 0x01u8 } else { 0x80 };
                let mut damaged = original.clone();
                damaged[at] ^= bit;
                write(&tamper, seq, name, &damaged);
                match verify(&store, &|_| {}) {
                    Err(Error::Corrupt { seq: found, .. }) => {
                        assert_eq!(found, Seq(seq as u64), "{name}[{at}] ^ {bit:#x}")
                    }
                    other => panic!("{name}[{at}] ^ {bit:#x} of entry {seq}: {other:?}"),
                }
                flips += 1;
            }
            write(&tamper, seq, name, &original);
        }
    }
    assert!(flips > 1000, "{flips}");
    verify(&store, &|_| {}).expect("restored, it verifies again");
}

#[test]
fn a_missing_entry_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, path) = ledger(dir.path(), 5, 10);
    Connection::open(&path)
        .expect("open")
        .execute("DELETE FROM entries WHERE seq = 4", [])
        .expect("delete");
    match verify(&store, &|_| {}) {
        Err(Error::Corrupt { seq, .. }) => assert_eq!(seq, Seq(4)),
        other => panic!("{other:?}"),
    }
}

/// An SQL expression that changes a column's value but keeps its type.
fn changed(table: Table, column: &str) -> String {
    let ty = table
        .columns()
        .iter()
        .find(|c| c.name == column)
        .map(|c| c.ty);
    match ty {
        Some(Type::Int) => format!("coalesce({column}, 0) + 1"),
        _ => format!("coalesce({column}, '') || 'x'"),
    }
}

/// Runs `tamper` on a copy of the pristine ledger and expects verify to name `table`.
fn expect_named(pristine: &[u8], path: &std::path::Path, table: &str, what: &str, tamper: &str) {
    for suffix in ["-wal", "-shm"] {
        let side = path.with_file_name(format!(
            "{}{suffix}",
            path.file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default()
        ));
        assert!(!side.exists(), "{what}: {} was left behind", side.display());
    }
    std::fs::write(path, pristine).expect("restore");
    let connection = Connection::open(path).expect("open");
    let changed = connection.execute_batch(tamper);
    drop(connection);
    changed.unwrap_or_else(|e| panic!("{what}: {tamper}: {e}"));
    let store = SqliteStore::open_read_only(path).expect("open");
    match verify(&store, &|_| {}) {
        Err(Error::Tampered { table: named, .. }) => {
            assert_eq!(named, table, "{what}: {tamper}")
        }
        other => panic!("{what} in {table}: {tamper}: verify says {other:?}"),
    }
}

#[test]
fn a_row_changed_added_or_deleted_in_any_table_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, path) = ledger(dir.path(), 9, 400);
    drop(store);
    let pristine = std::fs::read(&path).expect("read");
    {
        let connection = Connection::open(&path).expect("open");
        for &table in Table::ALL {
            let name = table.name();
            let rows: i64 = connection
                .query_row(&format!("SELECT count(*) FROM {name}"), [], |r| r.get(0))
                .expect("count");
            assert!(rows > 0, "the history leaves {name} empty: make it richer");
        }
    }
    let mut checked = 0;
    for &table in Table::ALL {
        let name = table.name();
        let first = format!("(SELECT min(rowid) FROM {name})");
        // Change each column of a row in turn (not the key: that is an added and a deleted row).
        for column in table.columns().iter().skip(1) {
            let tamper = format!(
                "UPDATE {name} SET {} = {} WHERE rowid = {first}",
                column.name,
                changed(table, column.name)
            );
            expect_named(
                &pristine,
                &path,
                name,
                &format!("{name}.{} changed", column.name),
                &tamper,
            );
            checked += 1;
        }
        let columns: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        let copy = format!(
            "INSERT INTO {name}({cols}) SELECT 'forged-' || key, {rest} FROM {name} WHERE rowid = {first}",
            cols = columns.join(", "),
            rest = columns[1..].join(", ")
        );
        expect_named(&pristine, &path, name, &format!("{name} row added"), &copy);
        let delete = format!("DELETE FROM {name} WHERE rowid = {first}");
        expect_named(
            &pristine,
            &path,
            name,
            &format!("{name} row deleted"),
            &delete,
        );
        checked += 2;
    }
    // The seats' spatial index: an entry moved away or removed hides a seat from `at`.
    expect_named(
        &pristine,
        &path,
        "seat_spans",
        "an index entry moved",
        "UPDATE seat_spans SET hi = lo WHERE num = (SELECT min(num) FROM seat_spans)",
    );
    expect_named(
        &pristine,
        &path,
        "seat_spans",
        "an index entry removed",
        "DELETE FROM seat_spans WHERE num = (SELECT min(num) FROM seat_spans)",
    );
    // The kept digests, changed to match forged rows, no longer match what the head commits to.
    expect_named(
        &pristine,
        &path,
        "digests",
        "a digest replaced",
        "UPDATE digests SET state = zeroblob(2048) WHERE name = 'figures'; DELETE FROM figures;",
    );
    assert!(checked > 150, "{checked}");
    std::fs::write(&path, &pristine).expect("restore");
    let store = SqliteStore::open_read_only(&path).expect("open");
    verify_deep(&store, &|_| {}).expect("the pristine ledger verifies, deeply");
}

#[test]
fn deep_verification_names_the_row_that_differs_from_a_replay() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (store, path) = ledger(dir.path(), 3, 200);
    drop(store);
    // Forge a row and fix the kept digest and the chain to match: only a replay can tell.
    let connection = Connection::open(&path).expect("open");
    connection
        .execute_batch(
            "UPDATE seats SET holder = 'Someone Else' WHERE rowid = (SELECT min(rowid) FROM seats)",
        )
        .expect("forge");
    drop(connection);
    let store = SqliteStore::open(&path).expect("open");
    // Re-derive the digests and chain as a forger with the code would.
    let forged = plenum_store::verify(&store, &|_| {});
    assert!(matches!(forged, Err(Error::Tampered { .. })), "{forged:?}");
    match verify_deep(&store, &|_| {}) {
        Err(Error::Tampered { table, reason }) => {
            assert_eq!(table, "seats", "{reason}")
        }
        other => panic!("{other:?}"),
    }
}
