//! Issue 13, nominal and actual, from the command line, through `--json`: a figurehead's
//! post or seat says `"nominal": true` in `person` and `at` and its text says "nominal";
//! a body formally part of one organization but directed by another, and one founded in
//! place of another, as `lineage` shows them; their refusals at their lines.

use serde_json::Value;

use crate::support::Env;

#[test]
fn the_figurehead_chairman_is_nominal() {
    // "The first chairman of the party was Kim Tu-bong ... with Kim Tu-bong essentially
    // being a figurehead."
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let kim = demo.json(&["person", "kim-tu-bong", "--db", "plenum-demo.db"]);
    let posts = kim["posts"].as_array().unwrap();
    let nominal: Vec<&str> = posts
        .iter()
        .filter(|p| p["nominal"] == true)
        .map(|p| p["post"]["id"].as_str().unwrap())
        .collect();
    assert!(nominal.contains(&"nwpk/chairman"), "{kim}");
    assert!(nominal.contains(&"dprk/nominal-president"), "{kim}");
    assert!(
        posts
            .iter()
            .filter(|p| p["nominal"] != true)
            .all(|p| p.get("nominal").is_none()),
        "{kim}"
    );
    let records: Vec<&Value> = kim["record"].as_array().unwrap().iter().collect();
    assert!(
        records
            .iter()
            .any(|r| r["text"].as_str().unwrap().ends_with("(nominal)")),
        "{kim}"
    );
    let text = demo.stdout(&["person", "kim-tu-bong", "--db", "plenum-demo.db"]);
    assert!(text.contains("(nominal)"), "{text}");
}

/// A nominal seat taken and a member elected in name only, on the test party.
const NOMINAL: &str = r#"
[[event]]
id = "choe-sits-in-name"
date = "1950-01-10"
kind = "seat_taken"
person = "choe"
organ = "party/politburo"
nominal = true

[[event]]
id = "pb-1950"
date = "1950-03-01"
kind = "election_held"
organ = "party/politburo"
by = "party/cc"
elected = ["kim", "yun"]
nominal = ["yun"]
"#;

#[test]
fn at_and_person_show_seats_held_in_name() {
    let env = Env::founded();
    std::fs::write(env.dir.path().join("nominal.toml"), NOMINAL).unwrap();
    env.plenum()
        .args(["record", "nominal.toml"])
        .assert()
        .success();
    let pb = env.json(&["at", "1950-06-01", "party/politburo"]);
    let members = pb["members"].as_array().unwrap();
    let nominal: Vec<(&str, bool)> = members
        .iter()
        .map(|m| (m["id"].as_str().unwrap(), m["nominal"] == true))
        .collect();
    assert_eq!(nominal, [("kim", false), ("yun", true)], "{pb}");
    assert!(
        members
            .iter()
            .filter(|m| m["id"] != "yun")
            .all(|m| m.get("nominal").is_none()),
        "{pb}"
    );
    let text = env.stdout(&["at", "1950-06-01", "party/politburo"]);
    let yun_line = text.lines().find(|l| l.contains("Yun")).unwrap_or_default();
    assert!(yun_line.contains("Yun Kong (nominal)"), "{text}");
    let before = env.json(&["at", "1950-02-01", "party/politburo"]);
    let choe = before["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "choe")
        .cloned()
        .unwrap_or_default();
    assert_eq!(choe["nominal"], true, "{before}");
    let person = env.json(&["person", "choe"]);
    let seats: Vec<(&str, bool)> = person["seats"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["organ"]["id"].as_str().unwrap(), s["nominal"] == true))
        .collect();
    assert!(seats.contains(&("party/politburo", true)), "{person}");
    assert!(seats.contains(&("party/cc", false)), "{person}");
    let person = env.json(&["person", "yun"]);
    assert!(
        person["record"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["text"] == "elected to Political Bureau (nominal)"),
        "{person}"
    );
    // Back through JSON Lines: the field is kept.
    let lines = env.stdout(&["log", "--jsonl", "--kind", "election_held"]);
    assert!(lines.contains(r#""nominal":["yun"]"#), "{lines}");
}

#[test]
fn nominal_naming_someone_not_elected_is_refused_at_its_line() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("bad.toml"),
        "[[event]]\nid = \"cc-1950\"\ndate = \"1950-03-01\"\nkind = \"election_held\"\norgan = \"party/cc\"\nelected = [\"kim\"]\nnominal = [\"yun\"]\n",
    )
    .unwrap();
    let before = crate::support::bytes(&env.db());
    env.plenum()
        .args(["record", "bad.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:7:1"))
        .stderr(predicates::str::contains(
            "`yun` is not among those elected",
        ));
    assert_eq!(crate::support::bytes(&env.db()), before);
}

#[test]
fn the_example_bureau_is_formally_part_of_the_cpk_and_directed_by_the_soviet_authority() {
    // "Though technically under the control of the Seoul based CPK, the North Korean
    // Bureau was in fact under the control of the Soviet occupation forces (termed the
    // Soviet Civilian Authority)."
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let bureau = demo.json(&["lineage", "North Korea Bureau", "--db", "plenum-demo.db"]);
    let formal = &bureau["affiliations"][0];
    assert_eq!(formal["link"], "part-of", "{bureau}");
    assert_eq!(formal["to"]["id"], "cpk");
    assert_eq!(formal["date"], "1945-10-13");
    let directions = bureau["directions"].as_array().unwrap();
    assert_eq!(directions.len(), 1, "{bureau}");
    assert_eq!(directions[0]["by"]["id"], "soviet-civil-authority");
    assert_eq!(directions[0]["by_kind"], "organization");
    assert_eq!(directions[0]["from"], "1945-10-13");
    assert_eq!(directions[0]["until"], "1946-01/1946-08");
    let text = demo.stdout(&["lineage", "cpnk", "--db", "plenum-demo.db"]);
    assert!(
        text.contains("formally part of Communist Party of South Korea until 1946-05/1946-06"),
        "{text}"
    );
    assert!(
        text.contains("1945-10-13  Communist Party of North Korea directed by Soviet Civilian Authority until 1946-01/1946-08"),
        "{text}"
    );
}

#[test]
fn the_example_provisional_committee_replaced_the_soviet_authority() {
    // "the North Korean Provisional People's Committee (the provisional government which
    // replaced the Soviet Civil Authority earlier that year)"
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let authority = demo.json(&[
        "lineage",
        "soviet-civil-authority",
        "--db",
        "plenum-demo.db",
    ]);
    assert_eq!(
        authority["organization"]["ended_how"], "replaced",
        "{authority}"
    );
    assert_eq!(authority["organization"]["ended"], "1946-01/1946-08");
    let successors = authority["successors"].as_array().unwrap();
    assert_eq!(successors[0]["link"], "replaced-by", "{authority}");
    assert_eq!(successors[0]["to"]["id"], "nkppc");
    // "the provisional government gave way to a new People's Assembly of North Korea in 1947"
    assert_eq!(successors[1]["link"], "replaced-by", "{authority}");
    assert_eq!(successors[1]["from"]["id"], "nkppc");
    assert_eq!(successors[1]["to"]["id"], "people-s-assembly");
    let committee = demo.json(&["lineage", "nkppc", "--db", "plenum-demo.db"]);
    assert_eq!(
        committee["predecessors"][0]["from"]["id"],
        "soviet-civil-authority"
    );
    let text = demo.stdout(&["lineage", "nkppc", "--db", "plenum-demo.db"]);
    assert!(
        text.contains(
            "North Korean Provisional People's Committee replaced Soviet Civilian Authority"
        ),
        "{text}"
    );
}

#[test]
fn the_example_figurehead_is_nominal_in_at() {
    let demo = Env::new();
    demo.plenum().arg("demo").assert().success();
    let chair = demo.json(&["at", "1947", "nwpk/chairman", "--db", "plenum-demo.db"]);
    let kim = chair["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "kim-tu-bong")
        .cloned()
        .unwrap_or_default();
    assert_eq!(kim["nominal"], true, "{chair}");
    let text = demo.stdout(&["at", "1947", "nwpk/chairman", "--db", "plenum-demo.db"]);
    assert!(text.contains("Kim Tu-bong (nominal)"), "{text}");
}

#[test]
fn a_direction_and_a_replacement_go_in_as_json_lines_and_come_back() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("direction.jsonl"),
        concat!(
            r#"{"id":"ussr-recorded","date":"../1925","kind":"organization_founded","org":"ussr","name":"Soviet Union","category":"state"}"#,
            "\n",
            r#"{"id":"party-directed","date":"1946-09","kind":"organization_directed","org":"party","by":"ussr","until":"1953","text":"through its advisers"}"#,
            "\n",
            r#"{"id":"league-founded","date":"1946-09","kind":"organization_founded","org":"league","name":"Youth League"}"#,
            "\n",
            r#"{"id":"union-founded","date":"1951","kind":"organization_founded","org":"union","name":"Youth Union","replaces":"league"}"#,
            "\n",
        ),
    )
    .unwrap();
    env.plenum()
        .args(["record", "direction.jsonl"])
        .assert()
        .success();
    let party = env.json(&["lineage", "party"]);
    let direction = &party["directions"][0];
    assert_eq!(direction["by"]["name"], "Soviet Union", "{party}");
    assert_eq!(direction["by_kind"], "organization");
    assert_eq!(direction["from"], "1946-09");
    assert_eq!(direction["until"], "1953");
    let union = env.json(&["lineage", "union"]);
    assert_eq!(union["predecessors"][0]["link"], "replaced-by", "{union}");
    assert_eq!(union["predecessors"][0]["from"]["id"], "league");
    let lines = env.stdout(&["log", "--jsonl", "--kind", "organization_directed"]);
    let event: Value = serde_json::from_str(lines.trim()).unwrap();
    assert_eq!(event["by"], "ussr");
    assert_eq!(event["until"], "1953");
    let log = env.json(&["log"]);
    assert!(
        log.as_array()
            .unwrap()
            .iter()
            .any(|e| e["what"] == "Youth Union founded, replacing Youth League"),
        "{log}"
    );
}

#[test]
fn a_director_that_is_no_organization_is_refused_at_its_line() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("bad.toml"),
        "[[event]]\nid = \"d\"\ndate = \"1946\"\nkind = \"organization_directed\"\norg = \"party\"\nby = \"soviet\"\n",
    )
    .unwrap();
    let before = crate::support::bytes(&env.db());
    env.plenum()
        .args(["record", "bad.toml"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("bad.toml:6:"))
        .stderr(predicates::str::contains("soviet"));
    assert_eq!(crate::support::bytes(&env.db()), before);
}
