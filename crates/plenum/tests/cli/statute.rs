//! `plenum statute check` and amendments (issue 14): each clause understood is listed
//! with its article; an amendment that restates the organs records.

use serde_json::Value;

use crate::support::{Env, data};

fn example(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

#[test]
fn r14_statute_check_lists_each_clause_with_its_article() {
    let env = Env::new();
    let text = env.stdout(&[
        "statute",
        "check",
        example("association/statute.toml").to_str().unwrap(),
    ]);
    assert!(
        text.contains("nfaa version 2021 (from 2021-03-06): 2 organs, 3 posts, 12 articles"),
        "{text}"
    );
    for clause in [
        "a term of 1 year; the office ends with it",
        "expulsion: decided by Board, by at least 2/3 of the members present",
        "decides only with at least 1/5 of its members present",
        "suspension: decided by Board, by more than 1/2 of the votes cast, for at most 6 months",
        "candidates are confirmed as full members within 6 months",
        "the holder must be a member of nfas (another organization, by its register)",
    ] {
        assert!(text.contains(clause), "{clause}: {text}");
    }
    assert!(
        text.contains("articles no clause cites (kept as text only): 1\n"),
        "{text}"
    );
    let json = env.json(&[
        "statute",
        "check",
        example("association/statute.toml").to_str().unwrap(),
    ]);
    let clauses = json["clauses"].as_array().unwrap();
    assert_eq!(clauses.len(), 37);
    let term: Vec<&Value> = clauses.iter().filter(|c| c["field"] == "term").collect();
    assert_eq!(term.len(), 2);
    assert_eq!(term[0]["article"], "8");
    assert_eq!(term[0]["checked_by"], "term-expired");
    // Nothing is written.
    assert!(!env.db().exists());
}

#[test]
fn r14_statute_check_places_bad_input_and_writes_nothing() {
    let env = Env::new();
    std::fs::write(
        env.dir.path().join("bad.toml"),
        "organization = \"x\"\n[[version]]\nid = \"1\"\neffective = \"2020\"\n[[version.organ]]\nid = \"a\"\nname = \"A\"\nmeets = { each = \"fortnight\" }\n",
    )
    .unwrap();
    let out = env
        .plenum()
        .args(["statute", "check", "bad.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml:8:"), "{err}");
    assert!(err.contains("found `fortnight`"), "{err}");
    assert!(!env.db().exists());
}

#[test]
fn r14_an_amendment_restating_the_organs_records() {
    let env = Env::new();
    env.plenum()
        .args(["init", "--statute"])
        .arg(data("statute.toml"))
        .assert()
        .success();
    let text = std::fs::read_to_string(data("statute.toml")).unwrap();
    let body = &text[text.find("[[version]]").unwrap()..];
    let amended = format!(
        "organization = \"party\"\n{}",
        body.replacen("id = \"1946\"", "id = \"1960\"", 1).replacen(
            "effective = \"1946-08-28\"",
            "effective = \"1960-01-01\"",
            1
        )
    );
    let event = format!(
        "[[event]]\nid = \"amended\"\ndate = \"1960-01-01\"\nkind = \"statute_adopted\"\ntext = {}\n",
        toml_string(&amended)
    );
    std::fs::write(env.dir.path().join("amend.toml"), event).unwrap();
    let out = env
        .plenum()
        .args(["record", "amend.toml"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn r14_an_amendment_names_the_file_of_its_text_and_the_ledger_holds_the_text() {
    let env = Env::new();
    env.plenum()
        .args(["init", "--statute"])
        .arg(data("statute.toml"))
        .assert()
        .success();
    let text = std::fs::read_to_string(data("statute.toml")).unwrap();
    let amended = text.replacen("id = \"1946\"", "id = \"1960\"", 1).replacen(
        "effective = \"1946-08-28\"",
        "effective = \"1960-01-01\"",
        1,
    );
    let dir = env.dir.path();
    std::fs::create_dir_all(dir.join("history")).unwrap();
    std::fs::write(dir.join("statute-1960.toml"), &amended).unwrap();
    let event = |file: &str| {
        format!(
            "[[event]]\nid = \"amended\"\ndate = \"1960-01-01\"\nkind = \"statute_adopted\"\ntext_file = \"{file}\"\n"
        )
    };
    // A file that is not there: placed at the field, and nothing recorded.
    std::fs::write(
        dir.join("history/missing.toml"),
        event("../statute-1961.toml"),
    )
    .unwrap();
    let out = env
        .plenum()
        .args(["record", "history/missing.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing.toml:5:"), "{err}");
    assert!(err.contains("cannot read `../statute-1961.toml`"), "{err}");
    assert_eq!(env.json(&["log"]).as_array().unwrap().len(), 1);
    // Named relative to the file of events, from another working folder's view.
    std::fs::write(
        dir.join("history/amend.toml"),
        event("../statute-1960.toml"),
    )
    .unwrap();
    env.plenum()
        .args(["record", "history/amend.toml"])
        .assert()
        .success();
    // The ledger holds the text itself: changing the file afterwards changes nothing.
    std::fs::write(dir.join("statute-1960.toml"), "changed").unwrap();
    let out = env.plenum().args(["log", "--jsonl"]).output().unwrap();
    let last = String::from_utf8_lossy(&out.stdout)
        .lines()
        .last()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .unwrap();
    assert_eq!(last["kind"], "statute_adopted");
    assert_eq!(last["text"], amended.as_str());
    assert!(last.get("text_file").is_none(), "{last}");
    env.plenum().args(["verify"]).assert().success();
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap()
}
