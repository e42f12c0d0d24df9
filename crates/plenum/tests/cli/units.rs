//! A member's unit (issue 14): `at ORG` shows the unit each member is in on the day
//! (`member_admitted`'s `unit`, `member_transferred`), in text and `--json`, and
//! `check` finds a unit dissolved with a member still in it (`unit-missing`).

use crate::rules::{findings_of, of_rule};
use crate::support::{Env, data};

fn recorded() -> Env {
    let env = Env::new();
    env.plenum()
        .args(["init", "--statute"])
        .arg(data("units/statute.toml"))
        .assert()
        .success();
    env.plenum()
        .arg("record")
        .arg(data("units/history.toml"))
        .assert()
        .success();
    env
}

/// Each member's id and unit id (`None`: none recorded) in `at DATE assoc --json`.
fn units_on(env: &Env, date: &str) -> Vec<(String, Option<String>)> {
    let json = env.json(&["at", date, "assoc"]);
    let mut units: Vec<(String, Option<String>)> = json["members"]
        .as_array()
        .expect("members")
        .iter()
        .map(|m| {
            (
                m["id"].as_str().unwrap_or_default().to_owned(),
                m["unit"]["id"].as_str().map(str::to_owned),
            )
        })
        .collect();
    units.sort();
    units
}

#[test]
fn at_shows_each_members_unit_on_the_day() {
    let env = recorded();
    assert_eq!(
        units_on(&env, "2020-03-01"),
        [
            ("ann".to_owned(), Some("branch-1".to_owned())),
            ("bob".to_owned(), None)
        ]
    );
    assert_eq!(
        units_on(&env, "2020-07-01"),
        [
            ("ann".to_owned(), Some("branch-2".to_owned())),
            ("bob".to_owned(), None)
        ]
    );
    let text = env.stdout(&["at", "2020-07-01", "assoc"]);
    assert!(text.contains("unit"), "{text}");
    let ann = text
        .lines()
        .find(|l| l.contains("Ann"))
        .expect("Ann's line");
    assert!(ann.contains("Second Branch"), "{text}");
    // The record is lawful: every unit a member is placed in is a branch.
    let report = env.json(&["check", "--at", "2020-12-31"]);
    assert_eq!(report["findings"], serde_json::json!([]), "{report:#}");
}

#[test]
fn a_branch_dissolved_with_a_member_in_it_is_unit_missing() {
    let found = findings_of(
        "units/statute.toml",
        &["units/history.toml", "units/dissolved.toml"],
        "2020-12-31",
    );
    assert_eq!(
        of_rule(&found, "unit-missing"),
        [(
            "branch-2-dissolved".to_owned(),
            Some("2020".to_owned()),
            Some("8".to_owned())
        )]
    );
    assert_eq!(found.len(), 1, "{found:#?}");
}
