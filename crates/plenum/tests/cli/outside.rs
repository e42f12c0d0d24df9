//! Issue 13, outside actors from the command line, through `--json`: a joint
//! delegation of two states to the party, in TOML and back through JSON Lines.

use serde_json::Value;

use crate::support::Env;

const EVENTS: &str = r#"
[[event]]
id = "ussr-recorded"
date = "../1925"
kind = "organization_founded"
org = "ussr"
name = "Soviet Union"
category = "state"

[[event]]
id = "china-recorded"
date = "../1950"
kind = "organization_founded"
org = "china"
name = "China"
category = "state"

[[event]]
id = "joint-delegation"
date = "1956-09"
kind = "outside_intervention"
by = "ussr"
with = ["china"]
org = "party"
act = "delegation"
text = "to restore the purged leaders"
"#;

fn outside() -> Env {
    let env = Env::founded();
    std::fs::write(env.dir.path().join("outside.toml"), EVENTS).unwrap();
    env.plenum()
        .args(["record", "outside.toml"])
        .assert()
        .success();
    env
}

#[test]
fn a_joint_delegation_shows_in_lineage_and_the_log() {
    let env = outside();
    let lineage = env.json(&["lineage", "party"]);
    let acts = lineage["interventions"].as_array().unwrap();
    assert_eq!(acts.len(), 1, "{lineage}");
    assert_eq!(acts[0]["date"], "1956-09");
    assert_eq!(acts[0]["act"], "delegation");
    assert_eq!(acts[0]["by"]["id"], "ussr");
    assert_eq!(acts[0]["with"][0]["id"], "china");
    assert_eq!(acts[0]["event"], "joint-delegation");
    let text = env.stdout(&["lineage", "party"]);
    assert!(
        text.contains("1956-09  delegation by Soviet Union and China"),
        "{text}"
    );
    let log = env.json(&["log"]);
    assert!(
        log.as_array().unwrap().iter().any(|e| e["what"]
            == "Soviet Union and China sent a delegation to Workers' Party: to restore the purged leaders"),
        "{log}"
    );
    let ussr = env.json(&["lineage", "ussr"]);
    assert_eq!(ussr["organization"]["category"], "state");
    assert_eq!(ussr["interventions"], serde_json::json!([]));
}

#[test]
fn an_outside_act_goes_back_through_json_lines() {
    let env = outside();
    let lines = env.stdout(&["log", "--jsonl", "--kind", "outside_intervention"]);
    let event: Value = serde_json::from_str(lines.trim()).unwrap();
    assert_eq!(event["by"], "ussr");
    assert_eq!(event["with"], serde_json::json!(["china"]));
    let again = Env::founded();
    let founders = env.stdout(&["log", "--jsonl", "--kind", "organization_founded"]);
    let states: String = founders
        .lines()
        .filter(|l| l.contains("\"state\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(
        again.dir.path().join("outside.jsonl"),
        format!("{states}{lines}"),
    )
    .unwrap();
    again
        .plenum()
        .args(["record", "outside.jsonl"])
        .assert()
        .success();
    assert_eq!(
        again.json(&["lineage", "party"])["interventions"],
        env.json(&["lineage", "party"])["interventions"]
    );
}

#[test]
fn an_actor_not_in_the_record_is_refused_at_its_line() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("bad.toml"),
        "[[event]]\nid = \"ban\"\ndate = \"1950\"\nkind = \"outside_intervention\"\nby = \"comintern\"\norg = \"party\"\nact = \"ban\"\n",
    )
    .unwrap();
    env.plenum()
        .args(["record", "bad.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("comintern"));
}

#[test]
fn the_example_records_the_joint_soviet_chinese_delegation() {
    // "In September 1956 a joint Soviet-Chinese delegation went to Pyongyang to "instruct"
    // Kim to cease any purge and reinstate the leaders of the Yanan and Soviet factions."
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let wpk = demo.json(&["lineage", "wpk", "--db", "plenum-demo.db"]);
    let acts = wpk["interventions"].as_array().unwrap();
    assert_eq!(acts.len(), 1, "{wpk}");
    assert_eq!(acts[0]["date"], "1956-09/1956-09-23");
    assert_eq!(acts[0]["by"]["name"], "Soviet Union");
    assert_eq!(acts[0]["with"][0]["name"], "China");
}
