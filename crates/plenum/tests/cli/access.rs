//! How the ledger file is used: queries and `verify` never write it (a write-protected
//! file works, and nothing appears beside it); `demo` replaces only what it made;
//! readers in other processes get whole answers while a writer appends.

use std::process::{Command, Stdio};

use crate::support::{Env, NOW, bytes, data};

fn sidecars(env: &Env) -> Vec<String> {
    let mut found: Vec<String> = std::fs::read_dir(env.dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("-wal") || n.ends_with("-shm") || n.ends_with("-journal"))
        .collect();
    found.sort();
    found
}

#[test]
fn a_write_protected_ledger_answers_and_verifies_and_stays_as_it_was() {
    let env = Env::purged();
    let db = env.db();
    let mut permissions = std::fs::metadata(&db).unwrap().permissions();
    permissions.set_readonly(true);
    std::fs::set_permissions(&db, permissions).unwrap();
    let before = bytes(&db);
    assert!(sidecars(&env).is_empty(), "{:?}", sidecars(&env));

    let at = env.json(&["at", "1950-06-01", "politburo"]);
    assert!(at["total"].as_u64().unwrap() > 0, "{at}");
    env.json(&["person", "Kim Il-sung"]);
    env.json(&["lineage", "WP"]);
    env.json(&["check", "--at", "1960"]);
    env.json(&["log"]);
    env.json(&["at", "1950-06-01", "politburo", "--as-of", "10"]);
    let verified = env.json(&["verify"]);
    assert_eq!(verified["ok"], true, "{verified}");
    let deep = env.json(&["verify", "--deep"]);
    assert_eq!(deep["ok"], true, "{deep}");

    assert_eq!(
        sidecars(&env),
        Vec::<String>::new(),
        "no -wal or -shm beside it"
    );
    assert_eq!(bytes(&db), before, "not a byte changed");

    // Recording is refused, clearly, and changes nothing either.
    env.plenum()
        .arg("record")
        .arg(data("purge.toml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("write-protected"));
    assert_eq!(bytes(&db), before);
}

#[test]
fn queries_leave_a_writable_ledger_byte_for_byte_and_one_file() {
    let env = Env::purged();
    let before = bytes(&env.db());
    env.json(&["at", "1956", "politburo"]);
    env.json(&["check"]);
    env.json(&["verify"]);
    assert_eq!(bytes(&env.db()), before);
    assert!(sidecars(&env).is_empty(), "{:?}", sidecars(&env));
}

#[test]
fn demo_replaces_only_a_ledger_it_made() {
    let env = Env::purged();
    let before = bytes(&env.db());
    // PLENUM_DB=plenum.db plenum demo: the union's ledger must survive.
    env.plenum()
        .env("PLENUM_DB", "plenum.db")
        .arg("demo")
        .assert()
        .code(2)
        .stderr(predicates::str::contains("plenum demo did not make"))
        .stderr(predicates::str::contains("left unchanged"));
    assert_eq!(bytes(&env.db()), before, "the ledger is untouched");
    // Any other file too.
    std::fs::write(env.dir.path().join("notes.db"), "my notes").unwrap();
    env.plenum()
        .args(["demo", "--db", "notes.db"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("not a plenum ledger"));
    assert_eq!(
        std::fs::read_to_string(env.dir.path().join("notes.db")).unwrap(),
        "my notes"
    );
    // A demo ledger is replaced, again and again.
    env.plenum()
        .args(["demo", "--db", "demo.db", "--example", "association"])
        .assert()
        .success();
    env.plenum()
        .args([
            "demo",
            "--db",
            "demo.db",
            "--example",
            "association",
            "--json",
        ])
        .assert()
        .success();
}

#[test]
fn readers_in_other_processes_get_whole_answers_while_a_writer_appends() {
    let env = Env::founded();
    // Events to append, one small batch at a time: persons registered and admitted.
    let batches: Vec<std::path::PathBuf> = (0..12)
        .map(|b| {
            let mut text = String::new();
            for i in 0..5 {
                text.push_str(&format!(
                    "[[event]]\nid = \"reg-{b}-{i}\"\ndate = \"1960-01-01\"\nkind = \"person_registered\"\nperson = \"new-{b}-{i}\"\nname = \"New {b} {i}\"\n\n\
                     [[event]]\nid = \"adm-{b}-{i}\"\ndate = \"1960-01-01\"\nkind = \"member_admitted\"\nperson = \"new-{b}-{i}\"\norg = \"party\"\n\n"
                ));
            }
            let path = env.dir.path().join(format!("batch-{b}.toml"));
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect();
    let plenum = assert_cmd::cargo::cargo_bin("plenum");
    let run = |args: &[&str]| {
        Command::new(&plenum)
            .args(args)
            .current_dir(env.dir.path())
            .env("PLENUM_NOW", NOW)
            .env_remove("PLENUM_DB")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .output()
            .expect("run plenum")
    };
    std::thread::scope(|scope| {
        let writer = scope.spawn(|| {
            for batch in &batches {
                let out = run(&["record", batch.to_str().unwrap()]);
                assert!(
                    out.status.success(),
                    "{}",
                    String::from_utf8_lossy(&out.stderr)
                );
            }
        });
        let mut seen = Vec::new();
        while !writer.is_finished() || seen.len() < 5 {
            // verify reads the chain and every table: it must see one ledger, whole.
            let out = run(&["verify", "--json"]);
            let report: serde_json::Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
            assert_eq!(report["ok"], true, "{report}");
            // A whole batch or none: the members admitted come in fives.
            let out = run(&["at", "1960-06-01", "party", "--json"]);
            let at: serde_json::Value = serde_json::from_slice(&out.stdout)
                .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)));
            let new = at["members"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|m| m["id"].as_str().is_some_and(|id| id.starts_with("new-")))
                .count();
            assert_eq!(new % 5, 0, "a reader saw part of a batch: {new}");
            seen.push(new);
        }
        writer.join().unwrap();
        assert!(seen.iter().any(|n| *n > 0), "{seen:?}");
    });
    let report = env.json(&["verify"]);
    assert_eq!(report["entries"], 16 + 12 * 10);
}
