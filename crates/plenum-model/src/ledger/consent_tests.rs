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

/// The board may also act by written ballot, and decides by a majority of those
/// present.
fn ballot_statute() -> String {
    STATUTE.replacen(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        "quorum = { at_least = \"1/2\", article = \"10\" }\nmajority.default = { more_than = \"1/2\", of = \"present\", article = \"9\" }\nwithout_meeting = { consent = \"unanimous\", ballot = true, article = \"10\" }",
        1,
    )
}

const BALLOT: &str = "written_ballot = true";

#[test]
fn r14_a_written_ballot_reaching_quorum_and_majority_gives_nothing() {
    // Three directors, quorum 2: two ballots returned, both approving.
    let found = judged(
        &ballot_statute(),
        &format!("votes = {{ for = 2, against = 0 }}\n{BALLOT}"),
    );
    assert!(found.is_empty(), "{found:#?}");
    // Three returned, two approving: a majority of three.
    let found = judged(
        &ballot_statute(),
        &format!("votes = {{ for = 2, against = 1 }}\n{BALLOT}"),
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_written_ballot_short_of_the_quorum_is_found_citing_the_clause() {
    let found = judged(
        &ballot_statute(),
        &format!("votes = {{ for = 1, against = 0 }}\n{BALLOT}"),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, Rule::QuorumNotMet);
    assert_eq!(
        found[0].message,
        "Board of Directors decided by written ballot with 1 ballots returned of its 3 members; a ballot is valid only when the ballots returned reach the quorum of a meeting, at least 1/2 (2 members)"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
}

#[test]
fn r14_a_written_ballot_short_of_the_majority_of_as_many_present_is_found() {
    // Two returned, one approving: a meeting of two present needs two.
    let found = judged(
        &ballot_statute(),
        &format!("votes = {{ for = 1, against = 1 }}\n{BALLOT}"),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, Rule::MajorityNotMet);
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
}

#[test]
fn r14_a_ballot_where_the_statute_allows_none_is_judged_as_consent() {
    // `statute()` allows written consent only: a ballot of 2 to 1 is not unanimous.
    let found = judged(
        &statute(),
        &format!("votes = {{ for = 2, against = 1 }}\n{BALLOT}"),
    );
    assert_eq!(of_rule(&found, Rule::NotUnanimous).len(), 1, "{found:#?}");
    // And, where ballots are allowed, a consent that says it is none still needs all.
    let found = judged(&ballot_statute(), "votes = { for = 2, against = 1 }");
    assert_eq!(of_rule(&found, Rule::NotUnanimous).len(), 1, "{found:#?}");
}

#[test]
fn r14_ballot_must_be_a_boolean_at_its_line_and_column() {
    let text = ballot_statute().replace("ballot = true", "ballot = \"yes\"");
    let err = crate::statute::read(&text).expect_err("refused");
    let at = text.find("\"yes\"").expect("the value");
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
}

#[test]
fn r14_statute_check_lists_the_written_ballot() {
    let doc = crate::statute::read(&ballot_statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "without_meeting")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "Board of Directors acts without a meeting by the written consent of all its members, or by a written ballot whose ballots returned reach its quorum and whose approvals reach the majority a meeting casting as many votes would need"
    );
    assert_eq!(clause.checked_by, Some("not-unanimous, quorum-not-met"));
}

#[test]
fn r14_a_decision_by_consent_encodes_as_before() {
    let events = super::statute_tests::events_of(
        "[[event]]\nid = \"m\"\ndate = \"2021-05-01\"\nkind = \"motion_decided\"\norgan = \"assoc/board\"\ntext = \"T\"\noutcome = \"carried\"\n",
    );
    let json = crate::event::codec::to_json(&events[0]).to_string();
    assert!(!json.contains("written_ballot"), "{json}");
}
