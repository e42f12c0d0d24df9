//! Issue 14, a quorum that continues after withdrawals (`quorum.after_withdrawal`):
//! a decision of a meeting quorate when it sat (`meeting_held`'s `present`) but
//! taken with fewer than the quorum present (the decision's own `present`) is
//! lawful if its votes for reach "a majority of the required quorum", and
//! `quorum-not-met` citing the clause if they do not (possibly so, where the record
//! gives no votes). A meeting never quorate is judged by the quorum alone.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;
use crate::statute::read;

/// The association's statute, its Board's quorum (at least half, article 10) with
/// `after` as its `after_withdrawal`, if any.
fn statute(after: Option<&str>) -> String {
    let quorum = match after {
        Some(after) => format!(
            "quorum = {{ at_least = \"1/2\", after_withdrawal = {after}, article = \"10\" }}"
        ),
        None => "quorum = { at_least = \"1/2\", article = \"10\" }".to_owned(),
    };
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"11\"\ntext = \"A meeting at which a quorum is initially present may continue to transact business notwithstanding the withdrawal of directors if any action taken is approved by at least a majority of the required quorum for the meeting.\"\n\n[[version.organ]]",
            1,
        )
        .replacen("quorum = { at_least = \"1/2\", article = \"10\" }", &quorum, 1)
}

const OF_QUORUM: &str = r#"{ more_than = "1/2", of = "quorum", article = "11" }"#;

/// A Board meeting of 5 entitled, `at_start` present when it sat, and a decision
/// taken with `at_decision` present, with `votes` (a TOML line, or nothing) and
/// `outcome`. Its quorum is 3; a majority of the quorum, 2 votes.
fn meeting(at_start: u32, at_decision: u32, votes: &str, outcome: &str) -> String {
    format!(
        "{BOARD}\n[[event]]\nid = \"board-met\"\ndate = \"2021-04-01\"\nkind = \"meeting_held\"\nmeeting = \"board-1\"\norgan = \"assoc/board\"\npresent = {at_start}\nentitled = 5\n\n[[event]]\nid = \"lease\"\ndate = \"2021-04-01\"\nkind = \"motion_decided\"\nmeeting = \"board-1\"\ntext = \"The lease is renewed\"\npresent = {at_decision}\n{votes}\noutcome = \"{outcome}\"\n"
    )
}

fn without_quorum(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::QuorumNotMet)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

#[test]
fn r14_a_majority_of_the_quorum_carries_a_decision_after_withdrawals() {
    let events = meeting(5, 2, "votes = { for = 2, against = 0 }", "carried");
    assert!(without_quorum(&statute(Some(OF_QUORUM)), &events).is_empty());
    // Without the clause, two of five present is no quorum.
    let found = without_quorum(&statute(None), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("10"));
}

#[test]
fn r14_fewer_votes_than_a_majority_of_the_quorum_are_found_citing_the_clause() {
    let events = meeting(5, 2, "votes = { for = 1, against = 1 }", "carried");
    let found = without_quorum(&statute(Some(OF_QUORUM)), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("11"));
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "2 of 5 members of Board of Directors were present when it was decided, fewer than the quorum (3 members); the meeting had its quorum when it sat (5 present), and may continue after withdrawals only by decisions approved by more than 1/2 of the quorum (2 votes): it was carried with 1 for"
    );
}

#[test]
fn r14_a_decision_without_votes_after_withdrawals_is_possibly_without_quorum() {
    let found = without_quorum(&statute(Some(OF_QUORUM)), &meeting(5, 2, "", "carried"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Possibly);
    assert!(
        found[0]
            .message
            .ends_with("the record gives no count of the votes for this one")
    );
    // A motion defeated after withdrawals took no action: nothing.
    let defeated = meeting(5, 2, "votes = { for = 0, against = 2 }", "defeated");
    assert!(without_quorum(&statute(Some(OF_QUORUM)), &defeated).is_empty());
}

#[test]
fn r14_a_meeting_never_quorate_is_judged_by_the_quorum() {
    // Two present from the start: no withdrawal, the quorum's own article.
    let events = meeting(2, 2, "votes = { for = 2, against = 0 }", "carried");
    let found = without_quorum(&statute(Some(OF_QUORUM)), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("10"));
}

#[test]
fn r14_the_clause_cites_the_quorums_article_unless_it_names_its_own() {
    let events = meeting(5, 1, "votes = { for = 1, against = 0 }", "carried");
    let found = without_quorum(
        &statute(Some(r#"{ more_than = "1/2", of = "quorum" }"#)),
        &events,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("10"));
    // Counted against all the members: 3 of 5, where a majority of the quorum is 2.
    let members = r#"{ more_than = "1/2", of = "members", article = "11" }"#;
    let events = meeting(5, 2, "votes = { for = 2, against = 0 }", "carried");
    let found = without_quorum(&statute(Some(members)), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("more than 1/2 of all members (3 votes)"),
        "{}",
        found[0].message
    );
}

#[test]
fn r14_bad_withdrawal_clauses_are_refused_at_their_place() {
    for (after, expected) in [
        (
            r#"{ more_than = "1/2" }"#,
            "`quorum.after_withdrawal` needs its base: `of = \"quorum\"`",
        ),
        (
            r#"{ more_than = "1/2", of = "present" }"#,
            "not of the members present",
        ),
        (
            r#"{ more_than = "1/2", of = "quorum", excluding = "subject" }"#,
            "leaves no one out of its base",
        ),
        (
            r#"{ of = "quorum" }"#,
            "expected `at_least = \"2/3\"` or `more_than = \"1/2\"`",
        ),
        (
            r#"{ more_than = "1/2", of = "quorum", article = "12" }"#,
            "article 12 is not defined",
        ),
        (
            r#"{ more_than = "1/2", of = "quorum", when = "late" }"#,
            "unknown field `when`",
        ),
    ] {
        let text = statute(Some(after));
        let err = read(&text).expect_err(after);
        assert!(err.message.contains(expected), "{after}: {}", err.message);
        let line = text
            .lines()
            .position(|l| l.starts_with("quorum = "))
            .expect("the quorum's line")
            + 1;
        assert_eq!(err.line, line, "{after}: {err}");
    }
    let doc = read(&statute(Some(OF_QUORUM))).expect("a valid statute");
    let board = doc.versions[0]
        .organ(&"board".parse().expect("a key"))
        .expect("the board");
    let after = board.after_withdrawal.as_ref().expect("the clause");
    assert_eq!(after.rule.base, crate::statute::Base::Quorum);
    assert_eq!(after.article.as_deref(), Some("11"));
}
