//! Issue 13 items 6, 8 and 9 from the command line, through `--json`: the
//! association example's minuted meeting, Federation membership and joint
//! leadership; and discipline rules by target in `plenum statute check`.

use serde_json::Value;

use crate::support::Env;

fn association() -> Env {
    let env = Env::new();
    env.plenum()
        .args(["demo", "--example", "association", "--db", "plenum.db"])
        .assert()
        .success();
    env
}

fn rules_and_articles(check: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = check["findings"]
        .as_array()
        .unwrap_or_else(|| panic!("{check}"))
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                f["citation"]["article"].as_str().unwrap_or("-").to_owned(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn the_association_keeps_its_findings_and_shows_its_joint_leaders() {
    let env = association();
    let check = env.json(&["check", "--at", "2024-03-31"]);
    assert_eq!(
        rules_and_articles(&check),
        [
            ("no-competent-decision".to_owned(), "12".to_owned()),
            ("quorum-not-met".to_owned(), "10".to_owned()),
            ("term-expired".to_owned(), "8".to_owned()),
            ("term-expired".to_owned(), "9".to_owned()),
        ],
        "{check}"
    );
    let at = env.json(&["at", "2023-10-01", "Organic Growers"]);
    let mut leaders: Vec<&str> = at["members"]
        .as_array()
        .unwrap_or_else(|| panic!("{at}"))
        .iter()
        .filter(|m| m["leader"] == true)
        .filter_map(|m| m["name"].as_str())
        .collect();
    leaders.sort_unstable();
    assert_eq!(
        leaders,
        ["Chiara Lindqvist", "Ines Petrov", "Keiko Adeyemi"],
        "{at}"
    );
}

#[test]
fn a_chair_who_leaves_the_federation_is_found_and_the_minutes_count() {
    let env = association();
    std::fs::write(
        env.dir.path().join("leaves.toml"),
        r#"
[[event]]
id = "grace-leaves-nfas"
date = "2024-01-10"
kind = "member_resigned"
person = "grace-obrien"
org = "nfas"

[[event]]
id = "january-retracted"
date = "2022-01-22"
kind = "event_retracted"
target = "2022-01-22-board-meeting"
reason = "the Board did not sit in January 2022"
"#,
    )
    .unwrap();
    env.plenum()
        .args(["record", "leaves.toml"])
        .assert()
        .success();
    let check = env.json(&["check", "--at", "2024-02-01"]);
    let findings = check["findings"].as_array().unwrap();
    let chair: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "ineligible-holder" && f["citation"]["article"] == "13")
        .collect();
    assert_eq!(chair.len(), 1, "{check}");
    assert!(
        chair[0]["message"].as_str().unwrap().contains(
            "has not been a member of National Federation of Allotment Societies since 2024-01-10"
        ),
        "{}",
        chair[0]
    );
    let late: Vec<&Value> = findings
        .iter()
        .filter(|f| f["rule"] == "meeting-late" && f["citation"]["article"] == "10")
        .collect();
    assert_eq!(late.len(), 1, "{check}");
    assert!(
        late[0]["message"]
            .as_str()
            .unwrap()
            .contains("(2021-11-06, evidenced by its minutes)"),
        "{}",
        late[0]
    );
}

const TARGETED: &str = r#"
organization = "club"

[[version]]
id = "1"
effective = "2020-01-01"

[[version.organ]]
id = "assembly"
name = "Assembly"
elected_by = { by = "members" }

[[version.organ]]
id = "board"
name = "Board"
elected_by = { by = "assembly" }

[[version.discipline]]
act = "expulsion"
target = { seat = "board" }
by = ["assembly"]

[[version.discipline]]
act = "expulsion"
target = "member"
by = ["board"]
"#;

#[test]
fn statute_check_lists_discipline_by_target_and_refuses_an_ambiguous_one() {
    let env = Env::new();
    std::fs::write(env.dir.path().join("club.toml"), TARGETED).unwrap();
    let json = env.json(&["statute", "check", "club.toml"]);
    let rules: Vec<&str> = json["clauses"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["field"] == "discipline")
        .filter_map(|c| c["rule"].as_str())
        .collect();
    assert_eq!(
        rules,
        [
            "expulsion of a holder of a seat on Board: decided by Assembly",
            "expulsion of an ordinary member (holding none of the offices the other rules name): decided by Board",
        ],
        "{json}"
    );
    // A rule without a target beside rules with one: refused at its line, nothing written.
    let mixed =
        format!("{TARGETED}\n[[version.discipline]]\nact = \"expulsion\"\nby = [\"assembly\"]\n");
    std::fs::write(env.dir.path().join("mixed.toml"), &mixed).unwrap();
    let out = env
        .plenum()
        .args(["statute", "check", "mixed.toml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let line = mixed.lines().count() - 1;
    assert!(err.contains(&format!("mixed.toml:{line}:")), "{err}");
    assert!(err.contains("has a `target` and another has none"), "{err}");
    assert!(!env.db().exists());
}
