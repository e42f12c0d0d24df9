//! Power-loss test: the appender runs over the power-cut VFS and loses power before
//! a chosen write, truncate or sync; every write not made durable by a sync is then
//! lost (or, in half the rounds, torn). After each cut the ledger, reopened with
//! the ordinary store, verifies (chain, digests and SQLite's own check), holds every
//! batch that was acknowledged and nothing but whole batches, each entry exactly the
//! event sent, and its projections are exactly a replay of its entries.
//!
//! `PLENUM_POWER_SEED=N` runs another sequence of cuts; a failure names its seed
//! and round (the same seed replays it) and keeps the ledger's files. The second test shows the checks have teeth: with syncs that make
//! nothing durable (as `synchronous=OFF`), acknowledged batches are lost and caught.

use std::fmt;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use plenum_crash::{Moment, POWER_CUT_STATUS, PowerCut};
use plenum_dev::conformance::assert_same_rows;
use plenum_dev::synthetic::{Rng, random_history};
use plenum_model::event::codec;
use plenum_model::id::Seq;
use plenum_model::ledger::replay;
use plenum_store::sqlite::SqliteStore;
use plenum_store::{Store, verify};

/// The synthetic history the appenders record.
const HISTORY: u64 = 2026;
/// The sequence of cuts, unless `PLENUM_POWER_SEED` says otherwise.
const CUTS: u64 = 11;
/// Power cuts in a run of the test.
const ROUNDS: usize = 40;
/// Cuts land before one of the first this many operations of a run (making the
/// ledger takes about 600, a batch 50 to 250)...
const OPERATIONS: usize = 1_000;
/// ...or before one of its first this many syncs (making the ledger takes about
/// 75, a batch one, and a checkpoint two more)...
const SYNCS: usize = 10;
/// ...or in a checkpoint, before one of the first this many writes and syncs of
/// the database file (a checkpoint, every few batches, makes 50 to 200).
const DATABASE: usize = 150;

/// What one appender did before its power was cut.
struct Run {
    /// The heads it acknowledged, in order.
    acks: Vec<u64>,
    /// The shim's account of the cut: which operation, on which file.
    cut: String,
}

/// How an appender records: batches of `batch` events, dropping and reopening
/// the store after every `reopen_every` batches (0: never).
#[derive(Clone, Copy, Debug)]
struct Appender {
    batch: u64,
    reopen_every: u64,
}

/// Runs the appender on `path` until its power is cut.
fn run(path: &Path, appender: Appender, cut: PowerCut) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_plenum-power-append"));
    command
        .arg(path)
        .arg(HISTORY.to_string())
        .arg(appender.batch.to_string())
        .arg("--reopen-every")
        .arg(appender.reopen_every.to_string());
    match cut.before.expect("a cut") {
        Moment::Operation(n) => command.arg("--before-operation").arg(n.to_string()),
        Moment::Sync(n) => command.arg("--before-sync").arg(n.to_string()),
        Moment::Database(n) => command.arg("--before-database").arg(n.to_string()),
    };
    if let Some(seed) = cut.tear {
        command.arg("--tear").arg(seed.to_string());
    }
    if cut.flushes_lie {
        command.arg("--flushes-lie");
    }
    let mut child = command
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn the appender");
    let stdout = child.stdout.take().expect("stdout");
    let mut stderr = child.stderr.take().expect("stderr");
    let acks = std::thread::spawn(move || {
        BufReader::new(stdout)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| {
                let seq = line.strip_prefix("ack ")?.split(' ').next()?;
                seq.parse().ok()
            })
            .collect::<Vec<u64>>()
    });
    let errors = std::thread::spawn(move || {
        let mut text = String::new();
        let _ = stderr.read_to_string(&mut text);
        text
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    let status = loop {
        if let Some(status) = child.try_wait().expect("poll the appender") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the appender ran for two minutes without its power being cut");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    let acks = acks.join().expect("stdout reader");
    let cut_report = errors.join().expect("stderr reader");
    assert_eq!(
        status.code(),
        Some(POWER_CUT_STATUS),
        "the appender stopped otherwise than by a power cut ({status}): {cut_report}"
    );
    Run {
        acks,
        cut: cut_report.trim().to_owned(),
    }
}

/// What a check found wrong.
#[derive(Debug)]
enum Breach {
    /// The ledger holds fewer entries than were acknowledged.
    Lost { acknowledged: u64, head: u64 },
    /// Anything else: unreadable, damaged, partial batches, wrong entries.
    Other(String),
}

impl fmt::Display for Breach {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Breach::Lost { acknowledged, head } => write!(
                f,
                "{acknowledged} entries were acknowledged, the ledger holds {head}"
            ),
            Breach::Other(problem) => f.write_str(problem),
        }
    }
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

fn remove_ledger(path: &Path) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
        let _ = std::fs::remove_file(sidecar(path, suffix));
    }
}

/// Copies what the cut left on disk (the database, its WAL and journal, not the
/// shared memory, which does not outlive a machine) to `copy`, as found after a
/// reboot, so that the next appender recovers the very files the cut left.
fn copy_after_reboot(path: &Path, copy: &Path) {
    remove_ledger(copy);
    for suffix in ["", "-wal", "-journal"] {
        let from = sidecar(path, suffix);
        if from.exists() {
            std::fs::copy(&from, sidecar(copy, suffix)).expect("copy the ledger");
        }
    }
}

/// Checks the ledger at `copy` after a cut. Before the run it held `before`
/// entries, verified; the run appended batches of `batch` and acknowledged
/// `acknowledged` (its last ack). `Ok(None)`: there is no ledger (yet).
fn check(
    copy: &Path,
    before: u64,
    batch: u64,
    acknowledged: Option<u64>,
) -> Result<Option<u64>, Breach> {
    let store = match SqliteStore::open(copy) {
        Ok(store) => store,
        Err(plenum_store::Error::NotALedger(_)) if before == 0 && acknowledged.is_none() => {
            // A cut while the ledger was being made: `create_with_vfs` makes it in
            // place (`SqliteStore::create` links a finished file into place instead).
            return Ok(None);
        }
        Err(e) => return Err(Breach::Other(format!("reopen: {e}"))),
    };
    let verified = verify(&store, &|_| {}).map_err(|e| Breach::Other(format!("verify: {e}")))?;
    let problems = store
        .self_check(true)
        .map_err(|e| Breach::Other(format!("integrity check: {e}")))?;
    if let Some((table, problem)) = problems.first() {
        return Err(Breach::Other(format!(
            "integrity check: {table}: {problem}"
        )));
    }
    let head = verified.entries;
    let floor = acknowledged.unwrap_or(before).max(before);
    if head < floor {
        return Err(Breach::Lost {
            acknowledged: floor,
            head,
        });
    }
    // Nothing but the acknowledged batches and the one in flight, each whole.
    if head > floor + batch || !(head - before).is_multiple_of(batch) {
        return Err(Breach::Other(format!(
            "{head} entries: not {before} plus whole batches of {batch} up to one past {floor}"
        )));
    }
    // `random_history` makes at least its two founding events: keep the first `head`.
    let mut expected = random_history(HISTORY, head as usize);
    expected.truncate(head as usize);
    let mut position = 0;
    store
        .scan(Seq(1), &mut |entry| {
            let sent = expected.get(position).map(codec::to_canonical_bytes);
            if sent.as_deref() != Some(entry.payload.as_slice()) {
                return Err(plenum_store::Error::Database(format!(
                    "entry {} is not the event sent",
                    entry.seq
                )));
            }
            position += 1;
            Ok(())
        })
        .map_err(|e| Breach::Other(format!("scan: {e}")))?;
    if position as u64 != head {
        return Err(Breach::Other(format!(
            "{position} entries scanned of {head}"
        )));
    }
    // The projections are those of exactly these entries.
    let reference = replay(&expected).map_err(|e| Breach::Other(format!("replay: {e:?}")))?;
    assert_same_rows(
        &store,
        &reference,
        &format!("after a cut with {head} entries"),
    );
    Ok(Some(head))
}

/// The file named in the shim's account of a cut ("... a sync of PATH; ...").
fn cut_file(cut: &str) -> &str {
    let after = cut.split_once(" of ").map_or("", |(_, after)| after);
    after.split_once(';').map_or(after, |(file, _)| file)
}

/// The number before `what` in the shim's account of a cut ("... 12 garbage").
fn count(cut: &str, what: &str) -> u64 {
    cut.split(',')
        .find_map(|part| {
            let before = part.trim().strip_suffix(what)?;
            before.split_whitespace().last()?.parse().ok()
        })
        .unwrap_or(0)
}

/// A ledger that appenders lose power over, round after round; its files are
/// kept (and named) if the test fails.
struct Ledger {
    dir: Option<tempfile::TempDir>,
    path: PathBuf,
    copy: PathBuf,
    /// Entries it holds, verified after the last cut.
    head: u64,
    /// Whether a check has ever found a ledger there.
    made: bool,
}

impl Ledger {
    fn new() -> Ledger {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("ledger.db");
        let copy = dir.path().join("rebooted.db");
        Ledger {
            dir: Some(dir),
            path,
            copy,
            head: 0,
            made: false,
        }
    }

    /// One appender until its power is cut, then the check; returns the run, and
    /// what the check found.
    fn round(&mut self, appender: Appender, cut: PowerCut) -> (Run, Result<(), Breach>) {
        let run = run(&self.path, appender, cut);
        copy_after_reboot(&self.path, &self.copy);
        let acknowledged = run.acks.last().copied();
        let result = match check(&self.copy, self.head, appender.batch, acknowledged) {
            Ok(Some(head)) => {
                self.head = head;
                self.made = true;
                Ok(())
            }
            Ok(None) => {
                assert!(!self.made, "a ledger that was there is gone");
                remove_ledger(&self.path);
                Ok(())
            }
            Err(breach) => Err(breach),
        };
        (run, result)
    }
}

impl Drop for Ledger {
    fn drop(&mut self) {
        if std::thread::panicking()
            && let Some(dir) = self.dir.take()
        {
            eprintln!("the ledger's files are kept in {}", dir.keep().display());
        }
    }
}

#[test]
fn power_cuts_lose_nothing_acknowledged() {
    let seed = std::env::var("PLENUM_POWER_SEED")
        .map(|s| s.parse().expect("PLENUM_POWER_SEED is a number"))
        .unwrap_or(CUTS);
    let mut rng = Rng::new(seed);
    let mut ledger = Ledger::new();
    let (mut on_wal, mut on_database, mut syncs, mut acked_runs) = (0, 0, 0, 0);
    let (mut landed, mut garbage) = (0, 0);
    for round in 0..ROUNDS {
        let appender = Appender {
            batch: 1 + rng.below(5) as u64,
            reopen_every: if rng.chance(50) {
                0
            } else {
                1 + rng.below(4) as u64
            },
        };
        let cut = PowerCut {
            before: Some(match rng.below(5) {
                0 | 1 => Moment::Operation(1 + rng.below(OPERATIONS) as u64),
                2 | 3 => Moment::Sync(1 + rng.below(SYNCS) as u64),
                _ => Moment::Database(1 + rng.below(DATABASE) as u64),
            }),
            tear: rng.chance(50).then(|| rng.next_u64()),
            flushes_lie: false,
        };
        let (run, result) = ledger.round(appender, cut);
        if let Err(breach) = result {
            panic!(
                "PLENUM_POWER_SEED={seed}, round {round} ({appender:?}, {cut:?}; {}): {breach}",
                run.cut
            );
        }
        println!(
            "round {round}: {appender:?}, {cut:?}, {} acknowledged, {} entries; {}",
            run.acks.len(),
            ledger.head,
            run.cut
        );
        on_wal += usize::from(cut_file(&run.cut).ends_with("-wal"));
        on_database += usize::from(cut_file(&run.cut).ends_with(".db"));
        syncs += usize::from(run.cut.contains("a sync of"));
        landed += usize::from(count(&run.cut, "pieces landed") > 0);
        garbage += usize::from(count(&run.cut, "garbage") > 0);
        acked_runs += usize::from(!run.acks.is_empty());
    }
    println!(
        "{ROUNDS} cuts: {on_wal} in the WAL, {on_database} in the database file, {syncs} at a sync, \
         {landed} landing torn pieces, {garbage} garbage; {acked_runs} runs acknowledged; {} entries",
        ledger.head
    );
    // The cuts landed where they matter: in commits (the WAL), in checkpoints (the
    // database file), at syncs, and tore writes (some pieces landed, some garbage).
    assert!(on_wal >= 10, "{on_wal} cuts in the WAL");
    assert!(on_database >= 3, "{on_database} cuts in the database file");
    assert!(syncs >= 6, "{syncs} cuts at a sync");
    assert!(
        landed >= 5 && garbage >= 5,
        "torn: {landed} cuts landed pieces, {garbage} wrote garbage"
    );
    assert!(acked_runs >= 15, "{acked_runs} runs acknowledged batches");
    assert!(
        ledger.head > 200,
        "the ledger grew to {} entries",
        ledger.head
    );
}

#[test]
fn lost_acknowledged_batches_are_caught() {
    const TWO_AT_A_TIME: Appender = Appender {
        batch: 2,
        reopen_every: 0,
    };
    let mut ledger = Ledger::new();
    // An honest run makes a ledger with some batches on disk.
    let honest = PowerCut {
        before: Some(Moment::Operation(1_200)),
        ..PowerCut::default()
    };
    let (run, result) = ledger.round(TWO_AT_A_TIME, honest);
    result.unwrap_or_else(|breach| panic!("honest run: {breach}"));
    assert!(
        !run.acks.is_empty() && ledger.head > 0,
        "the honest run recorded"
    );
    // Then runs whose syncs make nothing durable, as with synchronous=OFF: every
    // batch they acknowledge is lost, and the check says so (and nothing else:
    // the ledger on disk is the one before them, whole).
    let mut lost = 0;
    for round in 0..3 {
        let lying = PowerCut {
            before: Some(Moment::Operation(800 + 200 * round)),
            flushes_lie: true,
            ..PowerCut::default()
        };
        let before = ledger.head;
        let (run, result) = ledger.round(TWO_AT_A_TIME, lying);
        assert!(
            !run.acks.is_empty(),
            "round {round}: the lying run acknowledged"
        );
        match result {
            Err(Breach::Lost { acknowledged, head }) => {
                assert_eq!(head, before, "round {round}: the ledger is the one before");
                assert!(acknowledged > head, "round {round}");
                lost += 1;
            }
            other => {
                panic!("round {round}: acknowledged batches lost, but the check found {other:?}")
            }
        }
    }
    assert_eq!(lost, 3);
}
