//! `plenum export events` and `plenum restore`: a backup recorded again has the same
//! hashes, entry for entry; bad backups are refused, naming the line, and change nothing.

use std::path::Path;

use serde_json::Value;

use crate::support::{Env, bytes};

/// `plenum demo` into `demo.db`.
fn demo(env: &Env) -> String {
    env.plenum()
        .args(["demo", "--db", "demo.db"])
        .assert()
        .success();
    "demo.db".to_owned()
}

/// Exports `db` (from `since`) into `out` in the test's directory.
fn export(env: &Env, db: &str, since: u64, out: &str) {
    env.plenum()
        .args(["export", "events", "--db", db, "--out", out])
        .args(["--since", &since.to_string()])
        .assert()
        .success();
}

/// The (seq, chain hash) of every entry of the ledger, from a full export to stdout.
fn chains(env: &Env, db: &str) -> Vec<(u64, String)> {
    env.stdout(&["export", "events", "--db", db])
        .lines()
        .map(|line| {
            let entry: Value = serde_json::from_str(line).expect("a JSON line");
            (
                entry["seq"].as_u64().expect("seq"),
                entry["chain"].as_str().expect("chain").to_owned(),
            )
        })
        .collect()
}

fn verified(env: &Env, db: &str) -> Value {
    env.json(&["verify", "--db", db])
}

/// The file's lines.
fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .expect("the backup")
        .lines()
        .map(str::to_owned)
        .collect()
}

fn write_lines(path: &Path, lines: &[String]) {
    std::fs::write(path, lines.join("\n") + "\n").expect("write");
}

#[test]
fn an_exported_ledger_restores_with_every_hash() {
    let env = Env::new();
    let db = demo(&env);
    export(&env, &db, 1, "backup.jsonl");
    let backup = lines(&env.dir.path().join("backup.jsonl"));
    let first: Value = serde_json::from_str(&backup[0]).expect("JSON");
    for key in [
        "seq",
        "recorded_at",
        "closes_batch",
        "digest",
        "chain",
        "event",
    ] {
        assert!(first.get(key).is_some(), "no {key} in {first}");
    }
    assert_eq!(first["event"]["kind"], "statute_adopted");
    let restored = env.json(&["restore", "backup.jsonl", "--db", "restored.db"]);
    let source = chains(&env, &db);
    assert_eq!(chains(&env, "restored.db"), source);
    assert_eq!(restored["entries"].as_u64(), Some(source.len() as u64));
    let (last, hash) = source.last().expect("entries");
    assert_eq!(restored["head"].as_u64(), Some(*last));
    assert_eq!(restored["head_hash"].as_str(), Some(hash.as_str()));
    let verify = verified(&env, "restored.db");
    assert_eq!(verify["head_hash"], verified(&env, &db)["head_hash"]);
    // The events alone are a file `plenum record` reads: recorded in one batch onto the
    // same statute at the same time, as the demo recorded them, they make the same head.
    let events: String = backup[1..]
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).expect("JSON")["event"].to_string() + "\n")
        .collect();
    std::fs::write(env.dir.path().join("events.jsonl"), events).expect("write");
    let statute = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/wpk/statute.toml");
    env.plenum()
        .args(["init", "--db", "plain.db", "--statute"])
        .arg(statute)
        .assert()
        .success();
    env.plenum()
        .args(["record", "events.jsonl", "--db", "plain.db"])
        .assert()
        .success();
    assert_eq!(chains(&env, "plain.db"), source);
}

#[test]
fn an_incremental_backup_restores_onto_the_ledger_it_left_off() {
    // A ledger cut after entry 1, restored from the first line of the full backup.
    let (env, _) = backups();
    let db = "demo.db";
    export(&env, db, 2, "since2.jsonl");
    let restored = env.json(&["restore", "since2.jsonl", "--db", "cut.db"]);
    assert_eq!(restored["first"].as_u64(), Some(2));
    assert_eq!(chains(&env, "cut.db"), chains(&env, db));
    assert_eq!(
        verified(&env, "cut.db")["head_hash"],
        verified(&env, db)["head_hash"]
    );
}

/// Needs the PostgreSQL server of `DATABASE_URL` (`.ci/postgres`); fails without it.
#[test]
fn a_backup_moves_a_ledger_from_sqlite_to_postgresql_and_back() {
    let env = Env::new();
    let db = demo(&env);
    let url = plenum_dev::pg::fresh_url();
    export(&env, &db, 1, "from-sqlite.jsonl");
    env.plenum()
        .args(["restore", "from-sqlite.jsonl", "--db", &url])
        .assert()
        .success();
    assert_eq!(chains(&env, &url), chains(&env, &db));
    export(&env, &url, 1, "from-postgres.jsonl");
    assert_eq!(
        bytes(&env.dir.path().join("from-postgres.jsonl")),
        bytes(&env.dir.path().join("from-sqlite.jsonl"))
    );
    env.plenum()
        .args(["restore", "from-postgres.jsonl", "--db", "back.db"])
        .assert()
        .success();
    assert_eq!(chains(&env, "back.db"), chains(&env, &db));
    assert_eq!(
        verified(&env, "back.db")["head_hash"],
        verified(&env, &db)["head_hash"]
    );
}

/// Restores `file` onto `db`, expecting a refusal that names `place` and says `says`;
/// the ledger's file must be byte-identical afterwards.
fn refused(env: &Env, file: &str, db: &str, place: &str, says: &str) {
    let ledger = env.dir.path().join(db);
    let before = bytes(&ledger);
    let out = env
        .plenum()
        .args(["restore", file, "--db", db])
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains(place), "no {place} in: {stderr}");
    assert!(stderr.contains(says), "no `{says}` in: {stderr}");
    assert_eq!(bytes(&ledger), before, "{db} changed");
}

/// The demo ledger, its full backup's lines, and a ledger holding only entry 1.
fn backups() -> (Env, Vec<String>) {
    let env = Env::new();
    let db = demo(&env);
    export(&env, &db, 1, "full.jsonl");
    let full = lines(&env.dir.path().join("full.jsonl"));
    write_lines(&env.dir.path().join("first.jsonl"), &full[..1]);
    env.plenum()
        .args(["restore", "first.jsonl", "--db", "cut.db"])
        .assert()
        .success();
    (env, full)
}

#[test]
fn a_malformed_line_is_refused_naming_it() {
    let (env, full) = backups();
    let mut bad = full[1..].to_vec();
    bad[2] = bad[2].replacen("\"seq\":", "\"seq\" ", 1);
    write_lines(&env.dir.path().join("bad.jsonl"), &bad);
    refused(&env, "bad.jsonl", "cut.db", "bad.jsonl:3:", "expected `:`");
    // Into a new ledger: nothing is made.
    let mut whole = full.clone();
    whole[4] = "{not json".to_owned();
    write_lines(&env.dir.path().join("bad-full.jsonl"), &whole);
    refused(
        &env,
        "bad-full.jsonl",
        "new.db",
        "bad-full.jsonl:5:",
        "key must be a string",
    );
    assert!(!env.dir.path().join("new.db").exists());
}

#[test]
fn a_gap_in_the_entries_is_refused_naming_the_line() {
    let (env, full) = backups();
    let mut gap = full[1..].to_vec();
    gap.remove(5);
    write_lines(&env.dir.path().join("gap.jsonl"), &gap);
    refused(
        &env,
        "gap.jsonl",
        "cut.db",
        "gap.jsonl:6:",
        "entries are missing or out of order",
    );
}

#[test]
fn a_tampered_chain_hash_is_refused_naming_the_line() {
    let (env, full) = backups();
    let mut tampered = full[1..].to_vec();
    let line: Value = serde_json::from_str(&tampered[9]).expect("JSON");
    let chain = line["chain"].as_str().expect("chain");
    let flipped = if chain.starts_with('0') { "1" } else { "0" };
    tampered[9] = tampered[9].replace(chain, &format!("{flipped}{}", &chain[1..]));
    write_lines(&env.dir.path().join("tampered.jsonl"), &tampered);
    refused(
        &env,
        "tampered.jsonl",
        "cut.db",
        "tampered.jsonl:10:",
        "changed after it was exported",
    );
    // An event changed under its hash is the same refusal.
    let mut edited = full[1..].to_vec();
    edited[9] = edited[9].replacen("\"id\":\"", "\"id\":\"x-", 1);
    write_lines(&env.dir.path().join("edited.jsonl"), &edited);
    refused(
        &env,
        "edited.jsonl",
        "cut.db",
        "edited.jsonl:10:",
        "changed after it was exported",
    );
}

#[test]
fn a_backup_that_does_not_start_where_the_ledger_ends_is_refused() {
    let (env, full) = backups();
    write_lines(&env.dir.path().join("later.jsonl"), &full[3..]);
    refused(
        &env,
        "later.jsonl",
        "cut.db",
        "later.jsonl:1:",
        "the file starts at entry 4, but the ledger cut.db ends at entry 1",
    );
    // A full backup onto a ledger that has entries: refused, the ledger untouched.
    let ledger = env.dir.path().join("cut.db");
    let before = bytes(&ledger);
    let out = env
        .plenum()
        .args(["restore", "full.jsonl", "--db", "cut.db"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(bytes(&ledger), before);
}

#[test]
fn an_incremental_backup_with_nothing_new_is_empty_and_restores_nothing() {
    let (env, _) = backups();
    // The cut ledger ends at entry 1: a backup from entry 2 on.
    let out = env
        .plenum()
        .args(["export", "events", "--db", "cut.db", "--since", "2"])
        .output()
        .expect("run");
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    std::fs::write(env.dir.path().join("empty.jsonl"), "").expect("write");
    let before = bytes(&env.dir.path().join("cut.db"));
    let restored = env.json(&["restore", "empty.jsonl", "--db", "cut.db"]);
    assert_eq!(restored["entries"].as_u64(), Some(0));
    assert_eq!(bytes(&env.dir.path().join("cut.db")), before);
    // Past the end is an error that says where the ledger ends.
    let out = env
        .plenum()
        .args(["export", "events", "--db", "cut.db", "--since", "3"])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("holds entries 1–1"), "{stderr}");
}

#[test]
fn a_line_longer_than_any_entry_is_refused_without_reading_it_whole() {
    let (env, _) = backups();
    let long = format!("{{\"seq\":2,\"x\":\"{}\"}}", "a".repeat(17 << 20));
    std::fs::write(env.dir.path().join("long.jsonl"), long).expect("write");
    refused(
        &env,
        "long.jsonl",
        "cut.db",
        "long.jsonl:1:",
        "the line is longer than",
    );
}
