//! Issue 14, decisions without a meeting: `without_meeting = { consent = "unanimous" }`
//! on an organ, judged on a `motion_decided` naming the organ and no meeting
//! (`not-unanimous`), and refused where it says something else. Each test is data: a
//! statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

fn statute() -> String {
    STATUTE.replacen(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        "quorum = { at_least = \"1/2\", article = \"10\" }\nwithout_meeting = { consent = \"unanimous\", article = \"10\" }",
        1,
    )
}

/// The board (three seats held) decides without a meeting, `votes` as written.
fn judged(statute: &str, votes: &str) -> Vec<FindingLine> {
    let motion = format!(
        r#"
[[event]]
id = "written-consent"
date = "2021-05-01"
kind = "motion_decided"
organ = "assoc/board"
text = "To buy a lawn mower."
{votes}
outcome = "carried"
"#
    );
    let tables = build_with(statute, &format!("{BOARD}{motion}")).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-06-01")
}

#[test]
fn r14_a_decision_without_a_meeting_with_every_consent_gives_nothing() {
    let found = judged(&statute(), "votes = { for = 3, against = 0 }");
    assert!(of_rule(&found, Rule::NotUnanimous).is_empty(), "{found:#?}");
    // Uncounted consents: the record is silent, nothing is judged.
    let silent = judged(&statute(), "");
    assert!(
        of_rule(&silent, Rule::NotUnanimous).is_empty(),
        "{silent:#?}"
    );
}

#[test]
fn r14_a_decision_without_a_meeting_short_of_one_consent_is_not_unanimous() {
    let found = judged(&statute(), "votes = { for = 2, against = 1 }");
    let found = of_rule(&found, Rule::NotUnanimous);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Board of Directors decided without a meeting with the written consent of 2 of its 3 members (1 against); the statute requires the consent of all of them"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
    let abstained = judged(&statute(), "votes = { for = 2, against = 0 }");
    assert_eq!(
        of_rule(&abstained, Rule::NotUnanimous).len(),
        1,
        "{abstained:#?}"
    );
}

#[test]
fn r14_without_the_clause_a_decision_without_a_meeting_is_not_judged() {
    let found = judged(STATUTE, "votes = { for = 2, against = 1 }");
    assert!(of_rule(&found, Rule::NotUnanimous).is_empty(), "{found:#?}");
}

#[test]
fn r14_a_consent_other_than_unanimous_is_refused_where_written() {
    let text = statute().replace("consent = \"unanimous\"", "consent = \"most\"");
    let err = crate::statute::read(&text).expect_err("refused");
    let err = err.to_string();
    assert!(
        err.contains("`without_meeting.consent` is `most`; expected \"unanimous\""),
        "{err}"
    );
    let stray = statute().replace("consent = \"unanimous\"", "consents = \"unanimous\"");
    assert!(crate::statute::read(&stray).is_err());
}
