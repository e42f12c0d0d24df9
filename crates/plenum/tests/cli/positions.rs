//! Issue 13 from the command line, through `--json`: changes of standing the record
//! does not name, groups naming nobody counted by `lineage`, tenures observed within a
//! period answered by `at` and `person`, and bad input refused at its line and column.

use serde_json::{Value, json};

use crate::support::{Env, bytes};

const EVENTS: &str = r#"
[[event]]
id = "choe-demoted"
date = "1951"
kind = "position_changed"
person = "choe"
org = "party"
change = "demoted"
by = "kim"

[[event]]
id = "followers-promoted"
date = "1953/1955"
kind = "position_changed"
org = "party"
change = "promoted"
what = "key positions in the Army"
by = "kim"
others = { count = "a number", who = "his own followers" }

[[event]]
id = "leaders-expelled"
date = "1952"
kind = "group_affected"
org = "party"
act = "expelled"
group = { count = 4, who = "military leaders" }

[[event]]
id = "yun-chairman-observed"
date = "1951/1953"
kind = "tenure_observed"
person = "yun"
post = "party/chairman"
"#;

fn recorded() -> Env {
    let env = Env::purged();
    std::fs::write(env.dir.path().join("positions.toml"), EVENTS).unwrap();
    env.plenum()
        .args(["record", "positions.toml"])
        .assert()
        .success();
    env
}

fn record_line<'a>(person: &'a Value, event: &str) -> &'a Value {
    person["record"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["event"] == event)
        .unwrap_or_else(|| panic!("no `{event}` in {person}"))
}

fn group<'a>(lineage: &'a Value, what: &str) -> &'a Value {
    lineage["groups"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["what"] == what)
        .unwrap_or_else(|| panic!("no `{what}` in {lineage}"))
}

#[test]
fn a_change_of_standing_is_in_the_persons_record() {
    let env = recorded();
    let choe = env.json(&["person", "choe"]);
    let line = record_line(&choe, "choe-demoted");
    assert_eq!(line["date"], "1951");
    assert_eq!(line["kind"], "position_changed");
    assert_eq!(line["text"], "demoted by Kim Il in Workers' Party");
    let kim = env.json(&["person", "kim"]);
    assert_eq!(
        record_line(&kim, "followers-promoted")["text"],
        "promoted a number of people (his own followers) (key positions in the Army) in Workers' Party"
    );
    let log = env.json(&["log"]);
    let promoted = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"]["id"] == "followers-promoted")
        .unwrap();
    assert_eq!(
        promoted["what"],
        "Workers' Party: a number of people (his own followers) promoted (key positions in the Army) by Kim Il"
    );
}

#[test]
fn lineage_counts_the_named_and_the_unnamed_with_bounds() {
    let env = recorded();
    let lineage = env.json(&["lineage", "party"]);
    // Pak's expulsion (purge.toml) names him; 4 military leaders are counted.
    let expelled = group(&lineage, "expelled");
    assert_eq!(expelled["named"][0]["id"], "pak");
    assert_eq!(
        (
            &expelled["unnamed_least"],
            &expelled["unnamed_most"],
            &expelled["least"],
            &expelled["most"]
        ),
        (&json!(4), &json!(4), &json!(5), &json!(5))
    );
    let promoted = group(&lineage, "promoted");
    assert_eq!(promoted["named"], json!([]));
    assert_eq!(
        (&promoted["least"], &promoted["most"]),
        (&json!(2), &Value::Null)
    );
    assert_eq!(promoted["events"][0]["others"], "a number");
    assert_eq!(promoted["events"][0]["who"], "his own followers");
    assert_eq!(group(&lineage, "demoted")["named"][0]["id"], "choe");
    // Within 1952 only the expulsion of the four falls; 1953/1955 and 1956 do not.
    let in_1952 = env.json(&["lineage", "party", "--during", "1952"]);
    let kinds: Vec<&str> = in_1952["groups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["what"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["expelled"]);
    assert_eq!(group(&in_1952, "expelled")["least"], 4);
    let text = env.stdout(&["lineage", "party"]);
    assert!(
        text.contains("promoted: 2 or more (2 or more unnamed)")
            && text.contains("expelled: 5 (1 named: Pak Hon; 4 unnamed)"),
        "{text}"
    );
}

#[test]
fn an_observed_tenure_is_possible_inside_its_period_only() {
    let env = recorded();
    let inside = env.json(&["at", "1952-06-01", "party/chairman"]);
    let yun = inside["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "yun")
        .unwrap_or_else(|| panic!("{inside}"));
    assert_eq!(yun["certainty"], "possibly");
    assert_eq!(yun["observed"], "1951/1953");
    let outside = env.json(&["at", "1954-06-01", "party/chairman"]);
    assert!(
        !outside["members"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m["id"] == "yun"),
        "{outside}"
    );
    let person = env.json(&["person", "yun"]);
    assert_eq!(person["observed"][0]["during"], "1951/1953");
    assert_eq!(person["observed"][0]["post"]["id"], "party/chairman");
    assert_eq!(
        record_line(&person, "yun-chairman-observed")["text"],
        "held Chairman at some time in 1951/1953"
    );
    let text = env.stdout(&["at", "1952-06-01", "party/chairman"]);
    assert!(text.contains("at some time in 1951/1953"), "{text}");
}

#[test]
fn bad_forms_are_refused_at_their_field_and_change_nothing() {
    let env = Env::purged();
    let before = bytes(&env.db());
    for (file, says) in [
        (
            "[[event]]\nid = \"x\"\ndate = 1951\nkind = \"position_changed\"\nperson = \"choe\"\nchange = \"elevated\"\n",
            ":6:",
        ),
        (
            "[[event]]\nid = \"x\"\ndate = 1951\nkind = \"position_changed\"\nchange = \"promoted\"\nothers = \"several\"\n",
            "needs the `org` it happened in",
        ),
        (
            "[[event]]\nid = \"x\"\ndate = 1951\nkind = \"group_affected\"\norg = \"party\"\nact = \"expelled\"\ngroup = \"lots\"\n",
            ":7:",
        ),
        (
            "[[event]]\nid = \"x\"\ndate = \"1951/1953\"\nkind = \"tenure_observed\"\nperson = \"yun\"\n",
            "needs the `post` or `organ` held",
        ),
    ] {
        std::fs::write(env.dir.path().join("bad.toml"), file).unwrap();
        let out = env.plenum().args(["record", "bad.toml"]).output().unwrap();
        assert!(!out.status.success(), "{file}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("bad.toml") && stderr.contains(says),
            "{file}: {stderr}"
        );
        assert_eq!(bytes(&env.db()), before, "{file}");
    }
}

#[test]
fn the_new_forms_survive_json_lines() {
    let env = recorded();
    let lines = env.stdout(&["log", "--jsonl", "--from", "2"]);
    assert!(
        lines.contains(r#""kind":"tenure_observed""#)
            && lines.contains(r#""kind":"group_affected""#),
        "{lines}"
    );
    let again = Env::new();
    std::fs::write(again.dir.path().join("all.jsonl"), &lines).unwrap();
    again
        .plenum()
        .args(["init", "--statute"])
        .arg(crate::support::data("statute.toml"))
        .assert()
        .success();
    again
        .plenum()
        .args(["record", "all.jsonl"])
        .assert()
        .success();
    assert_eq!(
        again.json(&["lineage", "party"]),
        env.json(&["lineage", "party"])
    );
    assert_eq!(again.json(&["person", "yun"]), env.json(&["person", "yun"]));
}
