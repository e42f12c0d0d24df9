//! Bad input exits 2 with FILE:LINE:COLUMN and what was expected, and changes nothing:
//! the ledger file is byte-identical before and after.

use crate::support::{Env, bytes, data};

pub fn write(env: &Env, name: &str, text: &str) -> std::path::PathBuf {
    let path = env.dir.path().join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// Runs `record` on a bad file and checks the error's place and that the ledger did not change.
pub fn refused(env: &Env, name: &str, text: &str, place: &str, message: &str) {
    let before = bytes(&env.db());
    write(env, name, text);
    let out = env.plenum().args(["record", name]).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let first = stderr.lines().next().unwrap_or_default();
    assert!(
        first.starts_with(&format!("plenum: {name}:{place}: ")),
        "expected {name}:{place}, got: {first}"
    );
    assert!(first.contains(message), "expected `{message}` in: {first}");
    assert_eq!(bytes(&env.db()), before, "the ledger changed");
    assert!(
        !env.dir.path().join("plenum.db-wal").exists()
            || bytes(&env.dir.path().join("plenum.db-wal")).is_empty()
    );
}

#[test]
fn malformed_event_files_name_file_line_and_column() {
    let env = Env::founded();
    refused(
        &env,
        "date.toml",
        "[[event]]\nid = \"x\"\ndate = \"1956-13\"\nkind = \"person_died\"\nperson = \"kim\"\n",
        "3:1",
        "field `date`: invalid date `1956-13` at column 6: expected a month from 01 to 12",
    );
    refused(
        &env,
        "syntax.toml",
        "[[event]]\nid = \"x\ndate = \"1956\"\n",
        "2:8",
        "invalid basic string",
    );
    refused(
        &env,
        "kind.toml",
        "[[event]]\nid = \"x\"\ndate = \"1956\"\nkind = \"person_dead\"\nperson = \"kim\"\n",
        "4:1",
        "unknown kind `person_dead`; did you mean `person_died`?",
    );
    refused(
        &env,
        "field.toml",
        "[[event]]\nid = \"x\"\ndate = \"1956\"\nkind = \"person_died\"\nperson = \"kim\"\nwhen = 3\n",
        "6:1",
        "unknown field `when`",
    );
    refused(
        &env,
        "bad.jsonl",
        "{\"id\":\"x\",\"date\":\"1956\",\"kind\":\"person_died\",\"person\":\"kim\"}\n{\"id\":\"y\",",
        "2:10",
        "invalid JSON",
    );
}

#[test]
fn unknown_references_are_refused_at_the_field_and_nothing_is_recorded() {
    let env = Env::founded();
    // The first event is fine; the second names an unknown person: neither is recorded.
    let text = "[[event]]\nid = \"ok\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"kim\"\n\n[[event]]\nid = \"bad\"\ndate = \"1950\"\nkind = \"seat_taken\"\nperson = \"kimm\"\norgan = \"party/cc\"\n";
    refused(
        &env,
        "refs.toml",
        text,
        "11:1",
        "unknown person `kimm`; did you mean `kim`?",
    );
    refused(
        &env,
        "organ.toml",
        "[[event]]\nid = \"x\"\ndate = \"1950\"\nkind = \"seat_taken\"\nperson = \"kim\"\norgan = \"party/presidium\"\n",
        "6:1",
        "unknown organ `party/presidium`",
    );
    refused(
        &env,
        "dup.toml",
        "[[event]]\nid = \"founded\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"kim\"\n",
        "2:1",
        "event id `founded` is already in the ledger",
    );
    // Several files are one batch: a bad second file keeps the good first one out too.
    let before = bytes(&env.db());
    write(
        &env,
        "good.toml",
        "[[event]]\nid = \"good\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"kim\"\n",
    );
    write(
        &env,
        "worse.toml",
        "[[event]]\nid = \"worse\"\ndate = \"1950\"\nkind = \"person_died\"\nperson = \"nobody\"\n",
    );
    env.plenum()
        .args(["record", "good.toml", "worse.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("worse.toml:5:1"));
    assert_eq!(bytes(&env.db()), before);
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 16);
}

#[test]
fn malformed_statutes_name_file_line_and_column_and_create_nothing() {
    let env = Env::new();
    let statute = std::fs::read_to_string(data("statute.toml")).unwrap();
    // Each case: a replacement in the statute, the column of the error in the
    // replaced line, and the message.
    let cases = [
        (
            "unknown.toml",
            "title = \"Rules of the Party\"\n",
            "title = \"Rules of the Party\"\ncolour = \"red\"\n",
            1,
            "unknown field `colour`",
        ),
        (
            "organ.toml",
            "elected_by = { by = \"cc\", article = \"24\" }",
            "elected_by = { by = \"central\", article = \"24\" }",
            21,
            "unknown organ `central`",
        ),
        (
            "cycle.toml",
            "elected_by = { by = \"members\" }",
            "elected_by = { by = \"politburo\" }",
            21,
            "organ `congress` elects itself",
        ),
        (
            "quorum.toml",
            "quorum = { more_than = \"1/2\" }",
            "quorum = { more_than = \"150%\" }",
            24,
            "`150%` is over 100%",
        ),
    ];
    for (name, from, to, column, message) in cases {
        let at = statute.find(from).expect("case applies");
        let text = statute.replacen(from, to, 1);
        // The replaced line, or the added line after it.
        let line = statute[..at].matches('\n').count()
            + 1
            + usize::from(to.matches('\n').count() > from.matches('\n').count());
        let place = format!("{line}:{column}");
        write(&env, name, &text);
        let out = env
            .plenum()
            .args(["init", "--statute", name])
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        let first = stderr.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("plenum: {name}:{place}: ")) && first.contains(message),
            "{name}: {first}"
        );
        assert!(
            stderr.contains("here"),
            "a snippet marks the place: {stderr}"
        );
        assert!(!env.db().exists(), "nothing is created");
    }
    let leftovers: Vec<_> = std::fs::read_dir(env.dir.path())
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains(".db"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
