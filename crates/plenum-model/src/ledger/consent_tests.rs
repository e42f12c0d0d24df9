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

/// The statute with ten days' notice for the board and, if given, its `waiver`.
fn with_notice(waiver: &str) -> String {
    STATUTE.replacen(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        &format!(
            "quorum = {{ at_least = \"1/2\", article = \"10\" }}\nnotice = {{ at_least = \"10 days\", article = \"9\" }}\n{waiver}"
        ),
        1,
    )
}

/// A board meeting called on 2021-04-28 for 2021-05-01, `held` lines added to its
/// `meeting_held`.
fn short_meeting(statute: &str, held: &str) -> Vec<FindingLine> {
    let meeting = format!(
        r#"
[[event]]
id = "board-called"
date = "2021-04-28"
kind = "meeting_convened"
meeting = "board-may"
organ = "assoc/board"
scheduled = "2021-05-01"

[[event]]
id = "board-held"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-may"
organ = "assoc/board"
{held}
"#
    );
    let tables =
        build_with(statute, &format!("{BOARD}{meeting}")).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-06-01"), Rule::ShortNotice)
        .into_iter()
        .cloned()
        .collect()
}

const WAIVER: &str = "waiver = { quorum = true, article = \"10\" }";

#[test]
fn r14_a_waived_short_notice_with_a_quorum_is_not_reported() {
    let unwaived = short_meeting(&with_notice(WAIVER), "present = 2");
    assert_eq!(unwaived.len(), 1, "{unwaived:#?}");
    let waived = short_meeting(&with_notice(WAIVER), "present = 2\nnotice_waived = true");
    assert!(waived.is_empty(), "{waived:#?}");
    // Attendance not recorded: the waiver stands (unknown, not a breach).
    let silent = short_meeting(&with_notice(WAIVER), "notice_waived = true");
    assert!(silent.is_empty(), "{silent:#?}");
}

#[test]
fn r14_a_waiver_without_the_quorum_it_needs_is_short_notice_citing_the_waiver() {
    let found = short_meeting(&with_notice(WAIVER), "present = 1\nnotice_waived = true");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "board-may was convened on 2021-04-28 and held 2021-05-01: less than the 10 days of notice required; its notice was waived, but a waiver holds only if a quorum is present, and 1 of 3 were present (the quorum is 2)"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
    // Without the quorum condition, the same waiver stands.
    let any = short_meeting(
        &with_notice("waiver = { article = \"10\" }"),
        "present = 1\nnotice_waived = true",
    );
    assert!(any.is_empty(), "{any:#?}");
}

#[test]
fn r14_a_waiver_the_statute_does_not_allow_changes_nothing() {
    let found = short_meeting(&with_notice(""), "present = 3\nnotice_waived = true");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
}
