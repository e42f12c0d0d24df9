//! Issue 14, one organ acting for another between its sessions: "Between plenary
//! sessions of the Central Committee, the Political Bureau ... shall exercise the
//! functions and powers of the Central Committee" (`acts_for`). An expulsion the
//! statute gives to the Board, decided by the Executive Committee that acts for it,
//! is lawful unless the Board sat that day (`no-competent-decision`, citing
//! `acts_for`).

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const EXECUTIVE: &str = r#"
[[version.article]]
number = "12"
text = "Between sessions of the Board, the Executive Committee exercises its powers."

[[version.organ]]
id = "executive"
name = "Executive Committee"
elected_by = { by = "board" }
acts_for = { organ = "board", between = "sessions", article = "12" }
"#;

/// The association's statute with the Executive Committee acting for the Board
/// (`acts_for` as given; none if empty).
fn statute(acts_for: &str) -> String {
    let executive = EXECUTIVE.replace(
        "acts_for = { organ = \"board\", between = \"sessions\", article = \"12\" }\n",
        acts_for,
    );
    STATUTE.replacen(
        "[[version.discipline]]",
        &format!("{executive}\n[[version.discipline]]"),
        1,
    )
}

const ACTS_FOR: &str =
    "acts_for = { organ = \"board\", between = \"sessions\", article = \"12\" }\n";

/// The Board sits from 2021-05-01 to 2021-05-03; `organ` expels Bob on `day`.
fn expelled_by(organ: &str, day: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "board-session"
date = "2021-05-01/2021-05-03"
kind = "meeting_held"
meeting = "board-session"
organ = "assoc/board"

[[event]]
id = "deciding-meeting"
date = "{day}"
kind = "meeting_held"
meeting = "deciding-meeting"
organ = "assoc/{organ}"

[[event]]
id = "expel-bob"
date = "{day}"
kind = "motion_decided"
meeting = "deciding-meeting"
text = "Bob is expelled"
category = "discipline"
votes = {{ for = 3, against = 0 }}
outcome = "carried"

[[event]]
id = "bob-expelled"
date = "{day}"
kind = "member_expelled"
person = "bob"
org = "assoc"
decision = "expel-bob"
"#
    )
}

fn incompetent(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::NoCompetentDecision)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_an_organ_acting_for_another_between_its_sessions_decides_lawfully() {
    let found = incompetent(&statute(ACTS_FOR), &expelled_by("executive", "2021-06-01"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_an_organ_acting_for_another_while_it_sits_is_no_competent_decision_citing_acts_for() {
    let found = incompetent(&statute(ACTS_FOR), &expelled_by("executive", "2021-05-02"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "expulsion of Bob was decided by Executive Committee, which acts for Board of Directors only between its sessions; Board of Directors sat that day"
    );
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("12")
    );
}

#[test]
fn r14_without_acts_for_or_for_another_organ_the_decision_is_found_as_before() {
    let found = incompetent(&statute(""), &expelled_by("executive", "2021-06-01"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "expulsion of Bob was decided by Executive Committee; the statute gives it to Board of Directors"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("7")
    );
    // Acting for the Assembly, which has no power to expel, gives the Executive none.
    let for_assembly = ACTS_FOR.replace("organ = \"board\"", "organ = \"assembly\"");
    let found = incompetent(
        &statute(&for_assembly),
        &expelled_by("executive", "2021-06-01"),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    // The Assembly, which acts for no one, is found between the Board's sessions too.
    let found = incompetent(&statute(ACTS_FOR), &expelled_by("assembly", "2021-06-01"));
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn r14_acts_for_is_refused_at_its_place_where_it_cannot_be_judged() {
    let refused = |acts_for: &str, needle: &str, says: &str| {
        let text = statute(acts_for);
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.message.contains(says), "{err}");
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        &ACTS_FOR.replace("organ = \"board\"", "organ = \"executive\""),
        "acts_for",
        "it cannot act for itself",
    );
    refused(
        &ACTS_FOR.replace("organ = \"board\"", "organ = \"council\""),
        "acts_for",
        "unknown organ `council`",
    );
    refused(
        &ACTS_FOR.replace("\"sessions\"", "\"meetings\""),
        "acts_for",
        "expected \"sessions\"",
    );
}
