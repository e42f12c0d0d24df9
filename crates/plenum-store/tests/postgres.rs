//! The PostgreSQL store keeps the SQLite store's promises, checked the same way: the
//! projections are a fresh replay's (random histories, in order and back-dated), and
//! tampering with any entry or any projection row is found and named.
//!
//! These tests need the server named by `DATABASE_URL` (`.ci/run` starts one); without
//! it they fail, never skip.

use plenum_dev::conformance::{projections_match_replay, record_random};
use plenum_dev::pg::fresh_url;
use plenum_model::id::Seq;
use plenum_model::rows::Table;
use plenum_model::rows::columns::Type;
use plenum_store::postgres::PgStore;
use plenum_store::{Error, Store, verify, verify_deep};
use postgres::{Client, NoTls};
use proptest::prelude::*;

fn create() -> (PgStore, Client) {
    let url = fresh_url();
    let store = PgStore::create(&url, |_| Ok::<(), Error>(())).expect("create");
    let client = Client::connect(&url, NoTls).expect("a second connection");
    (store, client)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 8, ..ProptestConfig::default() })]

    #[test]
    fn postgres_projections_are_a_fresh_replays(seed in any::<u64>(), size in 20usize..200) {
        projections_match_replay(|| create().0, seed, size);
    }
}

/// Seeds the property test once failed on, run every time: proptest does not read a
/// regressions file beside an integration test ("failed to find lib.rs or main.rs").
#[test]
fn postgres_projections_match_on_seeds_that_once_failed() {
    for (seed, size) in [(15959403950644976157, 188), (2995834917060365622, 192)] {
        projections_match_replay(|| create().0, seed, size);
    }
}

#[test]
fn every_flipped_byte_of_an_entry_is_named() {
    let (store, mut tamper) = create();
    record_random(&store, 42, 12);
    let mut flips = 0;
    for seq in [1i64, 6, 12] {
        for name in ["payload", "recorded_at", "digest", "chain"] {
            let read =
                format!("SELECT convert_to({name}::text, 'UTF8') FROM entries WHERE seq = $1");
            let original: Option<Vec<u8>> = if name == "recorded_at" {
                tamper.query_one(&read, &[&seq]).expect("read").get(0)
            } else {
                tamper
                    .query_one(
                        &format!("SELECT {name} FROM entries WHERE seq = $1"),
                        &[&seq],
                    )
                    .expect("read")
                    .get(0)
            };
            let Some(original) = original else { continue };
            let write = |client: &mut Client, bytes: &[u8]| {
                let sql = if name == "recorded_at" {
                    "UPDATE entries SET recorded_at = convert_from($1, 'UTF8') WHERE seq = $2"
                        .to_owned()
                } else {
                    format!("UPDATE entries SET {name} = $1 WHERE seq = $2")
                };
                client.execute(&sql, &[&bytes, &seq]).expect("write");
            };
            for at in 0..original.len() {
                let mut damaged = original.clone();
                // Keep text valid UTF-8: flip a low bit of an ASCII byte.
                damaged[at] ^= if name == "recorded_at" { 0x01 } else { 0x80 };
                write(&mut tamper, &damaged);
                match verify(&store, &|_| {}) {
                    Err(Error::Corrupt { seq: found, .. }) => {
                        assert_eq!(found, Seq(seq as u64), "{name}[{at}]")
                    }
                    other => panic!("{name}[{at}] of entry {seq}: {other:?}"),
                }
                flips += 1;
            }
            write(&mut tamper, &original);
        }
    }
    assert!(flips > 200, "{flips}");
    verify(&store, &|_| {}).expect("restored, it verifies again");
}

#[test]
fn a_missing_entry_is_named() {
    let (store, mut tamper) = create();
    record_random(&store, 5, 10);
    tamper
        .execute("DELETE FROM entries WHERE seq = 4", &[])
        .expect("delete");
    match verify(&store, &|_| {}) {
        Err(Error::Corrupt { seq, .. }) => assert_eq!(seq, Seq(4)),
        other => panic!("{other:?}"),
    }
}

/// An SQL expression that changes a column's value but keeps its type.
fn changed(table: Table, column: &str) -> String {
    match table
        .columns()
        .iter()
        .find(|c| c.name == column)
        .map(|c| c.ty)
    {
        Some(Type::Int) => format!("coalesce({column}, 0) + 1"),
        _ => format!("coalesce({column}, '') || 'x'"),
    }
}

/// Runs `tamper` on `table`, expects verify to name it, and puts the table back.
fn expect_named(store: &PgStore, client: &mut Client, table: &str, what: &str, tamper: &str) {
    client
        .batch_execute(&format!("CREATE TEMP TABLE saved AS SELECT * FROM {table}"))
        .expect("save");
    client
        .batch_execute(tamper)
        .unwrap_or_else(|e| panic!("{what}: {tamper}: {e}"));
    let verdict = verify(store, &|_| {});
    client
        .batch_execute(&format!(
            "DELETE FROM {table}; INSERT INTO {table} SELECT * FROM saved; DROP TABLE saved"
        ))
        .expect("restore");
    match verdict {
        Err(Error::Tampered { table: named, .. }) => assert_eq!(named, table, "{what}: {tamper}"),
        other => panic!("{what} in {table}: {tamper}: verify says {other:?}"),
    }
}

#[test]
fn a_row_changed_added_or_deleted_in_any_table_is_named() {
    let (store, mut client) = create();
    record_random(&store, 9, 400);
    let mut checked = 0;
    for &table in Table::ALL {
        let name = table.name();
        let rows: i64 = client
            .query_one(&format!("SELECT count(*) FROM {name}"), &[])
            .expect("count")
            .get(0);
        assert!(rows > 0, "the history leaves {name} empty: make it richer");
        let first = format!("(SELECT min(key) FROM {name})");
        for column in table.columns().iter().skip(1) {
            let tamper = format!(
                "UPDATE {name} SET {} = {} WHERE key = {first}",
                column.name,
                changed(table, column.name)
            );
            expect_named(
                &store,
                &mut client,
                name,
                &format!("{name}.{} changed", column.name),
                &tamper,
            );
            checked += 1;
        }
        let columns: Vec<&str> = table.columns().iter().map(|c| c.name).collect();
        let copy = format!(
            "INSERT INTO {name}({cols}) SELECT 'forged-' || key, {rest} FROM {name} WHERE key = {first}",
            cols = columns.join(", "),
            rest = columns[1..].join(", ")
        );
        expect_named(
            &store,
            &mut client,
            name,
            &format!("{name} row added"),
            &copy,
        );
        let delete = format!("DELETE FROM {name} WHERE key = {first}");
        expect_named(
            &store,
            &mut client,
            name,
            &format!("{name} row deleted"),
            &delete,
        );
        checked += 2;
    }
    assert!(checked > 150, "{checked}");
    verify_deep(&store, &|_| {}).expect("the restored ledger verifies, deeply");
}

#[test]
fn a_ledger_of_another_schema_version_is_refused() {
    let (store, mut client) = create();
    record_random(&store, 1, 5);
    client
        .execute("UPDATE meta SET value = '0' WHERE key = 'schema'", &[])
        .expect("age it");
    let url = store.url().to_owned();
    drop(store);
    match PgStore::open(&url) {
        Err(Error::NotALedger(message)) => {
            assert!(message.contains("version 0"), "{message}")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_ledger_of_an_earlier_format_is_refused() {
    let (store, mut client) = create();
    record_random(&store, 1, 5);
    client
        .execute(
            "UPDATE meta SET value = 'plenum-ledger-9' WHERE key = 'format'",
            &[],
        )
        .expect("age it");
    let url = store.url().to_owned();
    drop(store);
    match PgStore::open(&url) {
        Err(Error::NotALedger(message)) => assert!(
            message
                .contains("a ledger of format plenum-ledger-9; this plenum reads plenum-ledger-10"),
            "{message}"
        ),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_second_ledger_is_not_made_over_the_first() {
    let (store, _) = create();
    record_random(&store, 1, 5);
    let head = store.head().expect("head");
    let again = PgStore::create(store.url(), |_| Ok::<(), Error>(()));
    assert!(matches!(again, Err(Error::NotALedger(_))), "{again:?}");
    assert_eq!(store.head().expect("head"), head);
}
