//! Flipping any single bit of any byte of any stored entry (its payload, its timestamp or
//! its chain hash) makes `verify` fail naming exactly that entry.

use plenum_model::id::Seq;
use plenum_store::sqlite::SqliteStore;
use plenum_store::sqlite::rusqlite::{Connection, params};
use plenum_store::testing::record_random;
use plenum_store::{Error, verify};

fn column(connection: &Connection, seq: i64, name: &str) -> Vec<u8> {
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
    let path = dir.path().join("ledger.db");
    let store = SqliteStore::create(&path, |_| Ok::<(), Error>(())).expect("create");
    let ledger = record_random(store, 42, 12);
    let store = ledger.store();
    let tamper = Connection::open(&path).expect("second connection");
    let mut flips = 0;
    for seq in 1..=12i64 {
        for name in ["payload", "recorded_at", "chain"] {
            let original = column(&tamper, seq, name);
            for at in 0..original.len() {
                {
                    let bit = if at % 2 == 0 { 0x01u8 } else { 0x80 };
                    let mut damaged = original.clone();
                    damaged[at] ^= bit;
                    write(&tamper, seq, name, &damaged);
                    match verify(store, &mut |_, _| {}) {
                        Err(Error::Corrupt { seq: found, .. }) => {
                            assert_eq!(found, Seq(seq as u64), "{name}[{at}] ^ {bit:#x}")
                        }
                        other => panic!("{name}[{at}] ^ {bit:#x} of entry {seq}: {other:?}"),
                    }
                    flips += 1;
                }
            }
            write(&tamper, seq, name, &original);
        }
    }
    assert!(flips > 1000, "{flips}");
    verify(store, &mut |_, _| {}).expect("restored, it verifies again");
}

#[test]
fn a_missing_entry_is_named() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ledger.db");
    let store = SqliteStore::create(&path, |_| Ok::<(), Error>(())).expect("create");
    let ledger = record_random(store, 5, 10);
    Connection::open(&path)
        .expect("open")
        .execute("DELETE FROM entries WHERE seq = 4", [])
        .expect("delete");
    match verify(ledger.store(), &mut |_, _| {}) {
        Err(Error::Corrupt { seq, .. }) => assert_eq!(seq, Seq(4)),
        other => panic!("{other:?}"),
    }
}
