//! `plenum meeting`: the chair's steps from a terminal, on the same operations as the
//! server. Bad input is refused with the field named, and changes nothing.

use predicates::str::contains;

use crate::support::Env;

fn head(env: &Env) -> u64 {
    env.json(&["verify"])["head"].as_u64().expect("a head")
}

#[test]
fn a_chair_runs_a_meeting_from_the_terminal() {
    let env = Env::purged();
    let convened = env.json(&[
        "meeting",
        "convene",
        "cc-1",
        "--organ",
        "party/cc",
        "--on",
        "2026-12-20",
        "--delegate",
        "kim",
        "--delegate",
        "pak:2",
        "--delegate",
        "choe",
    ]);
    assert_eq!(convened["delegates"], 3);
    let codes = env.json(&["meeting", "codes", "cc-1"]);
    assert_eq!(codes.as_object().map(|c| c.len()), Some(3));
    assert_eq!(codes["kim"].as_str().map(str::len), Some(14));
    env.plenum()
        .args(["meeting", "attend", "cc-1", "kim"])
        .assert()
        .success()
        .stdout(contains("kim is in; 1 of 3 present"));
    env.plenum()
        .args(["meeting", "attend", "cc-1", "pak"])
        .assert()
        .success();
    let shown = env.json(&["meeting", "show", "cc-1"]);
    assert_eq!(shown["present"], 2);
    assert_eq!(shown["quorum"]["met"], true, "2 of 3 is more than half");

    env.plenum()
        .args([
            "meeting",
            "poll",
            "cc-1",
            "budget",
            "--title",
            "Adopt the budget",
            "--motion",
        ])
        .assert()
        .success();
    env.plenum()
        .args(["meeting", "open", "budget"])
        .assert()
        .success();
    // A sealed urn is not shown while the poll is open.
    env.plenum()
        .args(["meeting", "urn", "budget"])
        .assert()
        .failure()
        .stderr(contains("not closed"));
    let closed = env.json(&["meeting", "close", "budget"]);
    assert_eq!(closed["ballots"], 0);
    assert_eq!(closed["result"]["carried"], false);
    let blt = env.stdout(&["meeting", "urn", "budget", "--blt"]);
    assert!(blt.starts_with("3 1\n0\n\"for\""), "{blt}");
    let decided = env.json(&["log", "--kind", "motion_decided"]);
    let text = decided.to_string();
    assert!(
        text.contains("Adopt the budget")
            && text.contains(closed["urn_digest"].as_str().expect("digest")),
        "{text}"
    );
    env.plenum()
        .args(["meeting", "adjourn", "cc-1"])
        .assert()
        .success()
        .stdout(contains("adjourned"));
}

#[test]
fn bad_meeting_input_names_the_field_and_changes_nothing() {
    let env = Env::purged();
    let before = head(&env);
    env.plenum()
        .args([
            "meeting", "convene", "cc-1", "--organ", "party/cc", "--on", "soon",
        ])
        .args(["--delegate", "kim"])
        .assert()
        .failure()
        .stderr(contains("$.scheduled"));
    env.plenum()
        .args([
            "meeting",
            "convene",
            "cc-1",
            "--organ",
            "party",
            "--on",
            "2026-12-20",
        ])
        .args(["--delegate", "kim"])
        .assert()
        .failure()
        .stderr(contains("$.organ"));
    env.plenum()
        .args([
            "meeting",
            "convene",
            "cc-1",
            "--organ",
            "party/nothing",
            "--on",
            "2026-12-20",
        ])
        .args(["--delegate", "kim"])
        .assert()
        .failure()
        .stderr(contains("$[0].organ"));
    env.plenum()
        .args([
            "meeting",
            "convene",
            "cc-1",
            "--organ",
            "party/cc",
            "--on",
            "2026-12-20",
        ])
        .args(["--delegate", "kim:many"])
        .assert()
        .failure()
        .stderr(contains("--delegate kim:many"));
    assert_eq!(head(&env), before, "nothing was recorded");
    env.plenum()
        .args(["meeting", "show", "cc-1"])
        .assert()
        .failure()
        .stderr(contains("no meeting is called `cc-1`"));
}
