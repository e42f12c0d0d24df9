//! Issue 13 from the command line, through `--json`: joint leaders, a leadership
//! ended with no successor, factions left on expulsion, and groups with unnamed
//! members, in TOML and back through JSON Lines.

use serde_json::Value;

use crate::support::Env;

const EVENTS: &str = r#"
[[event]]
id = "north-led-jointly"
date = "1950"
kind = "faction_led"
faction = "north"
person = "kim"
with = ["choe"]

[[event]]
id = "choe-stops-leading"
date = "1955"
kind = "faction_leadership_ended"
faction = "north"
person = "choe"

[[event]]
id = "yun-tried"
date = "1953-08"
kind = "person_tried"
person = "yun"
sentence = "death"
show_trial = true
others = { count = 11, who = "leaders of the southern faction" }

[[event]]
id = "bureau-founded"
date = "1945-10-13"
kind = "organization_founded"
org = "bureau"
name = "North Bureau"
category = "bureau"

[[event]]
id = "bureau-becomes-party"
date = "1946-05/1946-06"
kind = "organization_renamed"
org = "bureau"
name = "Northern Party"
category = "party"

[[event]]
id = "yun-arrested"
date = "1953-01"
kind = "person_arrested"
person = "yun"
others = "a number"
"#;

fn leaders(report: &Value) -> Vec<&str> {
    let mut ids: Vec<&str> = report["members"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|m| m["leader"] == true)
        .map(|m| m["id"].as_str().unwrap())
        .collect();
    ids.sort_unstable();
    ids
}

fn record_texts(person: &Value) -> Vec<&str> {
    person["record"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["text"].as_str().unwrap())
        .collect()
}

fn historian() -> Env {
    let env = Env::purged();
    std::fs::write(env.dir.path().join("historian.toml"), EVENTS).unwrap();
    env.plenum()
        .args(["record", "historian.toml"])
        .assert()
        .success();
    env
}

#[test]
fn joint_leaders_and_a_leadership_ended() {
    let env = historian();
    assert_eq!(
        leaders(&env.json(&["at", "1952", "north"])),
        ["choe", "kim"]
    );
    assert_eq!(leaders(&env.json(&["at", "1956", "north"])), ["kim"]);
    let choe = env.json(&["person", "choe"]);
    let texts = record_texts(&choe);
    assert!(
        texts.contains(&"became leader of Northern faction, jointly with Kim Il")
            && texts.contains(&"ceased to lead Northern faction"),
        "{texts:?}"
    );
    let leadership: Vec<&Value> = choe["factions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["leader"] == true)
        .collect();
    assert_eq!(leadership.len(), 1);
    assert_eq!(leadership[0]["from"], "1950");
    assert_eq!(leadership[0]["to"], "1955");
}

#[test]
fn an_expulsion_ends_the_expelled_members_faction() {
    let env = historian();
    let ids = |report: Value| -> Vec<String> {
        report["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["id"].as_str().unwrap().to_owned())
            .collect()
    };
    assert_eq!(ids(env.json(&["at", "1956-06", "south"])), ["pak"]);
    assert!(ids(env.json(&["at", "1956-12", "south"])).is_empty());
    let pak = env.json(&["person", "pak"]);
    assert_eq!(pak["factions"][0]["to"], "1956-09");
}

#[test]
fn others_are_shown_and_survive_json_lines() {
    let env = historian();
    let yun = env.json(&["person", "yun"]);
    let texts = record_texts(&yun);
    assert!(
        texts.contains(
            &"put on show trial, sentenced to death, with 11 others (leaders of the southern faction)"
        ) && texts.contains(&"arrested, with a number of others"),
        "{texts:?}"
    );
    let log = env.json(&["log"]);
    let tried = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["event"]["id"] == "yun-tried")
        .unwrap();
    assert_eq!(
        tried["event"]["others"],
        serde_json::json!({ "count": 11, "who": "leaders of the southern faction" })
    );
    assert!(
        tried["what"]
            .as_str()
            .unwrap()
            .ends_with("with 11 others (leaders of the southern faction)"),
        "{}",
        tried["what"]
    );
    // The JSON Lines form records the same history again.
    let lines = env.stdout(&["log", "--jsonl", "--from", "2"]);
    assert!(lines.contains(r#""others":"a number""#), "{lines}");
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
    assert_eq!(again.json(&["person", "yun"]), yun);
    assert_eq!(
        again.json(&["at", "1952", "north"]),
        env.json(&["at", "1952", "north"])
    );
    assert_eq!(
        again.json(&["lineage", "bureau"]),
        env.json(&["lineage", "bureau"])
    );
}

#[test]
fn a_bad_count_of_others_is_refused_at_its_place() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("bad.toml"),
        "[[event]]\nid = \"t\"\ndate = 1953\nkind = \"person_tried\"\nperson = \"yun\"\nothers = 0\n",
    )
    .unwrap();
    env.plenum()
        .args(["record", "bad.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:6:1"))
        .stderr(predicates::str::contains("a count of others is at least 1"));
}

#[test]
fn a_rename_that_makes_a_bureau_a_party_shows_in_lineage() {
    let env = historian();
    let lineage = env.json(&["lineage", "bureau"]);
    let org = &lineage["organization"];
    assert_eq!(org["category"], "party");
    assert_eq!(
        org["categories"],
        serde_json::json!([
            { "category": "bureau", "from": "1945-10-13", "to": "1946-05/1946-06" },
            { "category": "party", "from": "1946-05/1946-06", "to": null }
        ])
    );
    let text = env.stdout(&["lineage", "bureau"]);
    assert!(text.contains("  a bureau "), "{text}");
    let log = env.json(&["log"]);
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|e| e["what"] == "bureau renamed Northern Party (now a party)"),
        "{log}"
    );
    // The example: the North Korea Bureau became the Communist Party of North Korea.
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let cpnk = demo.json(&["lineage", "cpnk", "--db", "plenum-demo.db"]);
    let categories: Vec<&str> = cpnk["organization"]["categories"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["category"].as_str().unwrap())
        .collect();
    assert_eq!(categories, ["bureau", "party"]);
}

#[test]
fn joint_leaders_go_out_to_popolo_and_come_back() {
    let env = Env::new();
    env.plenum().arg("demo").assert().success();
    env.plenum()
        .args([
            "export",
            "popolo",
            "--db",
            "plenum-demo.db",
            "--out",
            "out.json",
        ])
        .assert()
        .success();
    let again = Env::new();
    std::fs::copy(
        env.dir.path().join("out.json"),
        again.dir.path().join("out.json"),
    )
    .unwrap();
    again.json(&[
        "import",
        "popolo",
        "out.json",
        "--proposed-statute",
        "proposed.toml",
    ]);
    for day in ["1950-09", "1953", "1957"] {
        let was = env.json(&["at", day, "yanan", "--db", "plenum-demo.db"]);
        let is = again.json(&["at", day, "yanan"]);
        assert_eq!(leaders(&was), leaders(&is), "{day}");
    }
    let joint = env.json(&["at", "1953", "yanan", "--db", "plenum-demo.db"]);
    assert_eq!(leaders(&joint), ["choe-chang-ik", "kim-tu-bong"]);
}
