//! Issue 13, meetings that count, from the command line, through `--json`: a sitting
//! shown by a speech is a `meeting_held` with `evidence`, told in the log and kept
//! through JSON Lines.

use serde_json::Value;

use crate::support::Env;

const EVENTS: &str = r#"
[[event]]
id = "cc-speech"
date = "1950-03-01"
kind = "meeting_held"
meeting = "1950-03-cc"
organ = "party/cc"
evidence = "speech"
"#;

#[test]
fn a_meeting_shown_by_a_speech_is_told_in_the_log() {
    let env = Env::founded();
    std::fs::write(env.dir.path().join("evidence.toml"), EVENTS).unwrap();
    env.plenum()
        .args(["record", "evidence.toml"])
        .assert()
        .success();
    let log = env.json(&["log", "--kind", "meeting_held"]);
    let entry = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"]["id"] == "cc-speech")
        .unwrap_or_else(|| panic!("{log}"));
    assert_eq!(entry["event"]["evidence"], "speech");
    assert!(
        entry["what"]
            .as_str()
            .unwrap()
            .ends_with("held (evidence: speech)"),
        "{entry}"
    );
    let lines = env.stdout(&["log", "--jsonl", "--kind", "meeting_held"]);
    let back: Vec<Value> = lines
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert!(back.iter().any(|e| e["evidence"] == "speech"), "{lines}");
}

#[test]
fn an_unknown_evidence_is_refused() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("bad.toml"),
        EVENTS.replace("\"speech\"", "\"rumour\""),
    )
    .unwrap();
    env.plenum()
        .args(["record", "bad.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:8:1"))
        .stderr(predicates::str::contains("rumour"));
}

#[test]
fn a_late_meeting_says_what_shows_the_meetings_it_rests_on() {
    let env = Env::founded();
    let later = r#"
[[event]]
id = "cc-minutes"
date = "1951-01-10"
kind = "meeting_held"
meeting = "1951-01-cc"
organ = "party/cc"
evidence = "minutes"
"#;
    std::fs::write(
        env.dir.path().join("evidence.toml"),
        format!("{EVENTS}{later}"),
    )
    .unwrap();
    env.plenum()
        .args(["record", "evidence.toml"])
        .assert()
        .success();
    let check = env.json(&["check", "--at", "1951-02-01"]);
    let late: Vec<&Value> = check["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{check}"))
        .iter()
        .filter(|f| f["rule"] == "meeting-late")
        .collect();
    assert_eq!(late.len(), 1, "{check}");
    let message = late[0]["message"].as_str().unwrap();
    assert!(
        message.contains("(1950-03-01, evidenced by a speech)")
            && message.contains("(1951-01-10, evidenced by its minutes)"),
        "{message}"
    );
    assert!(
        late[0]["events"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e == "cc-speech"),
        "{}",
        late[0]
    );
}
