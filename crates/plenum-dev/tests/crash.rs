//! Crash test: a child process appending in a loop is killed with SIGKILL at random
//! moments; after each kill the ledger verifies (entries and projections), holds every
//! append that had been acknowledged with exactly the events that were sent, and its
//! projections are exactly a replay of its entries.

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

use plenum_dev::conformance::assert_same_rows;
use plenum_dev::synthetic::{Rng, random_history};
use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::ledger::replay;
use plenum_store::postgres::PgStore;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Error, Store, verify};

const SEED: u64 = 2026;

#[test]
fn killed_sqlite_appenders_lose_nothing_acknowledged() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("ledger.db");
    kill_appenders(path.to_str().expect("a UTF-8 path"), &|| {
        if !path.exists() {
            return None;
        }
        Some(Box::new(
            SqliteStore::open(&path).unwrap_or_else(|e| panic!("reopen: {e}")),
        ))
    });
}

#[test]
fn killed_postgres_appenders_lose_nothing_acknowledged() {
    let url = plenum_dev::pg::fresh_url();
    kill_appenders(&url, &|| match PgStore::open(&url) {
        Ok(store) => Some(Box::new(store)),
        // Killed before it made the ledger.
        Err(Error::NotALedger(_)) => None,
        Err(e) => panic!("reopen: {e}"),
    });
}

/// Kills an appender at `db` again and again; after each kill, `reopen` gives the ledger
/// (`None` if there is none yet) and it must hold every acknowledged batch, and only
/// whole batches.
fn kill_appenders(db: &str, reopen: &dyn Fn() -> Option<Box<dyn Store>>) {
    let mut rng = Rng::new(7);
    let mut acknowledged = 0u64;
    let mut kills = 0;
    for round in 0..24 {
        let mut child = Command::new(env!("CARGO_BIN_EXE_plenum-append-loop"))
            .arg(db)
            .arg(SEED.to_string())
            .arg((1 + rng.below(5)).to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn the appender");
        let stdout = child.stdout.take().expect("stdout");
        let (acks, acked) = std::sync::mpsc::channel();
        let reader = std::thread::spawn(move || {
            let mut last = 0u64;
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Some(seq) = line.strip_prefix("ack ").and_then(|s| s.parse().ok()) {
                    last = seq;
                    let _ = acks.send(seq);
                }
            }
            last
        });
        // One round in four kills at a random moment of start-up; the others once the
        // appender has acknowledged a batch (however long a loaded machine takes to get
        // there), a random while into its appends.
        if round % 4 != 0 {
            acked
                .recv_timeout(Duration::from_secs(120))
                .unwrap_or_else(|_| panic!("round {round}: no batch acknowledged in 120 s"));
        }
        std::thread::sleep(Duration::from_millis(
            rng.below(if round % 4 == 0 { 400 } else { 150 }) as u64,
        ));
        match child.try_wait().expect("poll") {
            Some(status) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                panic!("round {round}: the appender stopped by itself ({status}): {err}");
            }
            None => {
                child.kill().expect("SIGKILL");
                kills += 1;
            }
        }
        let _ = child.wait();
        let last = reader.join().expect("reader");
        acknowledged = acknowledged.max(last);
        let Some(store) = reopen() else {
            assert_eq!(
                acknowledged, 0,
                "round {round}: acknowledged entries but no ledger"
            );
            continue;
        };
        let verified = verify(&*store, &|_| {}).unwrap_or_else(|e| panic!("round {round}: {e}"));
        assert!(
            verified.entries >= acknowledged,
            "round {round}: {} entries, {acknowledged} acknowledged",
            verified.entries
        );
        // Every stored entry is exactly the event that was sent at that position.
        // (`random_history` gives at least its first events, even for none: a kill
        // between creating the file and the first batch leaves no entries.)
        let mut expected = random_history(SEED, verified.entries as usize);
        expected.truncate(verified.entries as usize);
        let mut position = 0;
        store
            .scan(Seq(1), &mut |entry| {
                assert_eq!(
                    entry.payload,
                    codec::to_canonical_bytes(&expected[position]),
                    "round {round}: entry {}",
                    entry.seq
                );
                position += 1;
                Ok(())
            })
            .expect("scan");
        assert_eq!(position as u64, verified.entries);
        // The projections are those of exactly these entries.
        let reference = replay(&expected).expect("replay");
        assert_same_rows(&*store, &reference, &format!("round {round}"));
    }
    assert!(kills >= 20, "{kills} kills");
    assert!(
        acknowledged > 50,
        "the appenders made progress: {acknowledged}"
    );
}
