//! A cadence rule judges only the time it is in force (issue 8, item 8): the clock
//! starts at the later of the last meeting and the day the rule took effect, and a
//! version that repeats the rule unchanged does not restart it.
//!
//! `data/cadence/` holds a statute whose Council has no cadence until 1960, six
//! months from 1960 (article 5), the same rule renumbered in 1965 (article 6), and
//! three months from 1970 (article 7); the history's one meeting is of 1955.

use crate::rules::{findings_of, of_rule};
use crate::support::Env;

const STATUTE: &str = "cadence/statute.toml";
const BASE: &str = "cadence/base.toml";

type Cited = (String, Option<String>, Option<String>);

fn cited(event: &str, version: &str, article: &str) -> Cited {
    (event.to_owned(), Some(version.into()), Some(article.into()))
}

#[test]
fn overdue_counts_from_the_day_the_rule_took_effect() {
    let overdue = |at: &str| {
        let findings = findings_of(STATUTE, &[BASE], at);
        let messages: Vec<String> = findings
            .iter()
            .filter(|f| f["rule"] == "meeting-overdue")
            .map(|f| f["message"].as_str().unwrap_or_default().to_owned())
            .collect();
        (of_rule(&findings, "meeting-overdue"), messages)
    };
    // No cadence before 1960, and none broken in the rule's first six months.
    for at in ["1959-12-31", "1960-06-30", "1960-07-01"] {
        assert_eq!(overdue(at).0, [], "{at}");
    }
    let (found, messages) = overdue("1960-07-02");
    assert_eq!(found, [cited("council-1955", "1960", "5")]);
    assert!(
        messages[0].contains("a rule in force since 1960-01-01; overdue since 1960-07-01"),
        "{messages:?}"
    );
    // The version of 1965 repeats the rule: still overdue since 1960, citing 1965.
    let (found, messages) = overdue("1965-03-01");
    assert_eq!(found, [cited("council-1955", "1965", "6")]);
    assert!(
        messages[0].contains("overdue since 1960-07-01"),
        "{messages:?}"
    );
    // The rule of 1970 is a new one: its clock starts on 1 January 1970.
    assert_eq!(overdue("1970-04-01").0, []);
    let (found, messages) = overdue("1970-04-02");
    assert_eq!(found, [cited("council-1955", "1970", "7")]);
    assert!(
        messages[0].contains("a rule in force since 1970-01-01; overdue since 1970-04-01"),
        "{messages:?}"
    );
}

#[test]
fn a_meeting_is_late_only_by_the_time_the_rule_was_in_force() {
    let late = |file: &str| {
        let file = format!("cadence/{file}");
        of_rule(
            &findings_of(STATUTE, &[BASE, &file], "1999-12-31"),
            "meeting-late",
        )
    };
    assert_eq!(late("on-time-1960.toml"), []);
    assert_eq!(late("late-1960.toml"), [cited("council-1960", "1960", "5")]);
    // Unchanged through the version of 1965: the clock kept running from 1960.
    assert_eq!(late("late-1965.toml"), [cited("council-1965", "1965", "6")]);
    // Changed in 1970: the new rule's clock starts on its own day.
    assert_eq!(late("on-time-1970.toml"), []);
}

#[test]
fn the_bundled_example_is_not_overdue_before_its_rule_has_run_six_months() {
    let env = Env::new();
    env.plenum().arg("demo").assert().success();
    let check = |at: &str| {
        env.json(&["check", "--at", at, "--db", "plenum-demo.db"])["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .filter(|f| {
                matches!(f["rule"].as_str(), Some("meeting-overdue" | "meeting-late"))
                    && f["message"]
                        .as_str()
                        .is_some_and(|m| m.contains("of Central Committee"))
            })
            .map(|f| (f["rule"].clone(), f["date"].clone(), f["message"].clone()))
            .collect::<Vec<_>>()
    };
    // The Central Committee's "at least every six months" is in force from the
    // statute of October 1980; its last plenum recorded is of 1956.
    assert_eq!(check("1981-01-01"), []);
    let later = check("1981-06-01");
    assert_eq!(later.len(), 1, "{later:?}");
    assert_eq!(later[0].0, "meeting-overdue");
    assert!(
        later[0]
            .2
            .as_str()
            .is_some_and(|m| m.contains("in force since 1980-10-01; overdue since 1981-04-01")),
        "{later:?}"
    );
}
