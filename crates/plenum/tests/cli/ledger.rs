//! init, record, at, person, lineage, check, log, verify: the ledger from the command line.

use serde_json::json;

use crate::support::{Env, data};

#[test]
fn init_creates_a_ledger_and_will_not_overwrite_it() {
    let env = Env::new();
    let out = env.stdout(&["init", "--statute", data("statute.toml").to_str().unwrap()]);
    assert!(out.contains("created plenum.db"), "{out}");
    assert!(
        out.contains("party version 1946 (from 1946-08-28): 3 organs, 1 posts, 3 articles"),
        "{out}"
    );
    env.plenum()
        .args(["init", "--statute"])
        .arg(data("statute.toml"))
        .assert()
        .code(2)
        .stderr(predicates::str::contains("already exists"));
}

#[test]
fn record_reports_entries_and_findings() {
    let env = Env::founded();
    let out = env
        .plenum()
        .arg("record")
        .arg(data("purge.toml"))
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success());
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["recorded"], 6);
    assert_eq!(report["first"], 17);
    assert_eq!(report["head"], 22);
    let rules: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap())
        .collect();
    assert!(rules.contains(&"no-competent-decision"), "{rules:?}");
    assert!(rules.contains(&"meeting-postponed"), "{rules:?}");
}

#[test]
fn at_answers_by_faction_with_named_and_unnamed_seats() {
    let env = Env::founded();
    let report = env.json(&["at", "1950-06-01", "politburo"]);
    assert_eq!(
        report["organization"],
        json!({ "id": "party", "name": "Workers' Party" })
    );
    assert_eq!(
        report["organ"],
        json!({ "id": "party/politburo", "name": "Political Bureau" })
    );
    let members: Vec<&str> = report["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(members, ["Kim Il", "Pak Hon"]);
    assert_eq!(report["members"][0]["faction"]["name"], "Northern faction");
    assert_eq!(report["members"][0]["certainty"], "definitely");
    // Three southern seats counted, one of them named: two unnamed.
    assert_eq!(
        report["unnamed"],
        json!([{ "role": "full", "faction": { "id": "south", "name": "Southern faction" }, "count": 2, "certainty": "definitely" }])
    );
    assert_eq!(
        report["by_faction"],
        json!({ "Northern faction": 1, "Southern faction": 3 })
    );
    assert_eq!(report["total"], 4);
    // Names, aliases and case all resolve; a post answers too.
    let post = env.json(&["at", "1950", "CHAIRMAN", "--org", "wp"]);
    assert_eq!(post["members"][0]["name"], "Kim Il");
    let human = env.stdout(&["at", "1950-06-01", "Political Bureau", "--by", "faction"]);
    insta::assert_snapshot!("at_by_faction", human);
}

#[test]
fn at_travels_in_time_and_through_corrections() {
    let env = Env::purged();
    // Pak was expelled in September 1956: his seats end.
    let after = env.json(&["at", "1957", "politburo"]);
    let names: Vec<&str> = after["members"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kim Il"]);
    // A year: who sat on some day of it. Pak sat until September 1956.
    let year = env.json(&["at", "1956", "politburo"]);
    let pak = year["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Pak Hon")
        .unwrap();
    assert_eq!(pak["certainty"], "definitely");
    // The month of his expulsion: he may have been expelled on its first day.
    let month = env.json(&["at", "1956-09", "politburo"]);
    let pak = month["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Pak Hon")
        .unwrap();
    assert_eq!(pak["certainty"], "possibly");
    // As the record stood before the purge file (entry 16), Pak still sat.
    let before = env.json(&["at", "1957", "politburo", "--as-of", "16"]);
    assert_eq!(before["as_of"], 16);
    assert_eq!(before["members"].as_array().unwrap().len(), 2);
    env.plenum()
        .args(["at", "1957", "politburo", "--as-of", "99"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("outside the ledger"));
}

#[test]
fn ambiguous_and_unknown_names_are_errors_that_help() {
    let env = Env::founded();
    env.plenum()
        .args(["at", "1950", "politbureau"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no organ, post, faction or organization is called `politbureau`; did you mean `Political Bureau`?",
        ));
    env.plenum()
        .args(["person", "Kim Ill"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `Kim Il`?"));
    env.plenum()
        .args(["at", "1950-13", "cc"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("expected a month from 01 to 12"));
}

#[test]
fn person_shows_a_career() {
    let env = Env::purged();
    let pak = env.json(&["person", "pak hon"]);
    assert_eq!(pak["died"], "1957-06~");
    assert_eq!(pak["seats"].as_array().unwrap().len(), 2);
    assert_eq!(pak["seats"][0]["ended"], "expelled");
    let kinds: Vec<&str> = pak["record"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"member_expelled") && kinds.contains(&"person_died"),
        "{kinds:?}"
    );
    let kim = env.json(&["person", "Kim Il-sung"]);
    assert_eq!(kim["posts"][0]["post"]["name"], "Chairman");
    insta::assert_snapshot!("person_pak", env.stdout(&["person", "Pak Hon"]));
}

#[test]
fn check_cites_articles_and_exits_1_on_findings() {
    let env = Env::purged();
    let out = env
        .plenum()
        .args(["check", "--at", "1960", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let findings = report["findings"].as_array().unwrap();
    let expelled = findings
        .iter()
        .find(|f| f["events"][0] == "pak-expelled" && f["rule"] == "no-competent-decision")
        .unwrap();
    assert_eq!(expelled["citation"]["article"], "9");
    assert_eq!(
        expelled["citation"]["text"],
        "Only the Central Committee may expel a member, by two thirds of those present."
    );
    assert_eq!(expelled["severity"], "violation");
    // The CC removed one of its own, but the Congress elects it.
    let removal = findings
        .iter()
        .find(|f| f["events"][0] == "choe-out")
        .unwrap();
    assert!(
        removal["message"]
            .as_str()
            .unwrap()
            .contains("decided by Central Committee; the statute gives it to Party Congress"),
        "{removal}"
    );
    // The Congress last met in 1946: overdue by 1960.
    let overdue = findings
        .iter()
        .find(|f| f["rule"] == "meeting-overdue")
        .unwrap();
    assert_eq!(overdue["citation"]["article"], "21");
    insta::assert_snapshot!(
        "check_1960",
        env.plenum()
            .args(["check", "--at", "1960"])
            .output()
            .map(|o| String::from_utf8(o.stdout).unwrap())
            .unwrap()
    );
}

#[test]
fn lineage_follows_renames_and_mergers() {
    let env = Env::founded();
    std::fs::write(
        env.dir.path().join("merge.toml"),
        r#"
[[event]]
id = "other"
date = "1946-05"
kind = "organization_founded"
org = "other"
name = "Southern Party"

[[event]]
id = "renamed"
date = "1947"
kind = "organization_renamed"
org = "other"
name = "Southern Workers' Party"

[[event]]
id = "merged"
date = "1949-06"
kind = "organizations_merged"
orgs = ["party", "other"]
into = "united"
name = "United Party"
"#,
    )
    .unwrap();
    env.plenum()
        .args(["record", "merge.toml"])
        .assert()
        .success();
    let report = env.json(&["lineage", "United Party"]);
    let from: Vec<&str> = report["predecessors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["from"]["name"].as_str().unwrap())
        .collect();
    // Same date: in the order of their ids.
    assert_eq!(from, ["Southern Workers' Party", "Workers' Party"]);
    // The old name still finds it.
    let old = env.json(&["lineage", "southern party"]);
    assert_eq!(old["organization"]["names"].as_array().unwrap().len(), 2);
    assert_eq!(old["organization"]["ended_how"], "merged");
}

#[test]
fn log_lists_entries_and_its_json_records_again() {
    let env = Env::purged();
    let entries = env.json(&["log"]);
    assert_eq!(entries.as_array().unwrap().len(), 22);
    assert_eq!(entries[0]["event"]["kind"], "statute_adopted");
    assert_eq!(entries[21]["seq"], 22);
    // The JSON Lines form of the events records into a fresh ledger with the same answers.
    let lines: String = entries.as_array().unwrap()[1..]
        .iter()
        .map(|e| format!("{}\n", e["event"]))
        .collect();
    let fresh = Env::new();
    fresh
        .plenum()
        .args(["init", "--statute"])
        .arg(data("statute.toml"))
        .assert()
        .success();
    std::fs::write(fresh.dir.path().join("events.jsonl"), lines).unwrap();
    fresh
        .plenum()
        .args(["record", "events.jsonl"])
        .assert()
        .success();
    assert_eq!(
        fresh.json(&["at", "1950", "politburo"]),
        env.json(&["at", "1950", "politburo"])
    );
    let expelled = env.stdout(&["log", "--kind", "member_expelled"]);
    assert!(
        expelled.contains("Pak Hon: expelled from Workers' Party"),
        "{expelled}"
    );
}

#[test]
fn verify_passes_on_an_intact_ledger() {
    let env = Env::purged();
    let report = env.json(&["verify"]);
    assert_eq!(report["ok"], true);
    assert_eq!(report["entries"], 22);
    let human = env.stdout(&["verify"]);
    assert!(human.starts_with("ok: 22 entries"), "{human}");
}

#[test]
fn queries_on_a_missing_ledger_say_how_to_make_one() {
    let env = Env::new();
    env.plenum()
        .args(["at", "1950", "cc"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains(
            "no ledger at plenum.db; create one with `plenum init --statute FILE`",
        ));
}

/// Issue 8, item 16: open-ended seats were stored as ending on 9999-12-31
/// (exclusive), so on that day nobody sat anywhere.
#[test]
fn r8_open_seats_hold_on_the_last_day_of_the_calendar() {
    let env = Env::founded();
    for date in ["9999-12-31", "9999-12", "9999"] {
        let report = env.json(&["at", date, "politburo"]);
        let members: Vec<(&str, &str)> = report["members"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| {
                (
                    m["name"].as_str().unwrap(),
                    m["certainty"].as_str().unwrap(),
                )
            })
            .collect();
        assert_eq!(
            members,
            [("Kim Il", "definitely"), ("Pak Hon", "definitely")],
            "{date}"
        );
        assert_eq!(report["total"], 4, "{date}");
        let chair = env.json(&["at", date, "chairman"]);
        assert_eq!(chair["members"][0]["name"], "Kim Il", "{date}");
    }
}
