//! Issue 14, the subject's exclusion from a majority's base (`excluding = "subject"`,
//! "a majority of the Members, excluding the director subject to the removal vote"):
//! the base loses the person the decision is about where it counts them, and votes
//! beyond what is left counted the subject's own (`majority-not-met`, citing the
//! rule). Both a discipline rule's majority and an organ's are judged.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;
use crate::statute::read;

const ARTICLE: &str = "[[version.article]]\nnumber = \"11\"\ntext = \"A director may be removed by a majority of the directors, excluding the director subject to the removal vote.\"\n\n";

/// The association's statute with a removal rule: the Board removes its members
/// by `majority` (article 11).
fn with_rule(majority: &str) -> String {
    format!(
        "{}\n[[version.discipline]]\nact = \"removal\"\nfrom = \"board\"\nby = [\"board\"]\nmajority = {majority}\narticle = \"11\"\n",
        STATUTE.replacen(
            "[[version.organ]]",
            &format!("{ARTICLE}[[version.organ]]"),
            1
        )
    )
}

/// The association's statute with the Board's own majority for `removal`
/// decisions, `majority` (article 11).
fn with_organ_majority(majority: &str) -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            &format!("{ARTICLE}[[version.organ]]"),
            1,
        )
        .replacen(
            "seats = { full = 5 }",
            &format!(
                "seats = {{ full = 5 }}\nmajority.removal = {}, article = \"11\" }}",
                majority.trim_end_matches('}').trim_end()
            ),
            1,
        )
}

/// The Board (Ann, Bob and Cat) removes `subject` from its seat by these votes.
fn removal(subject: &str, for_: u32, against: u32) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"

[[event]]
id = "remove"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "A director is removed"
category = "removal"
subjects = ["{subject}"]
votes = {{ for = {for_}, against = {against} }}
outcome = "carried"

[[event]]
id = "removed"
date = "2021-05-01"
kind = "seat_vacated"
person = "{subject}"
organ = "assoc/board"
cause = "removed"
decision = "remove"
"#
    )
}

fn short(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

const EXCLUDING: &str = r#"{ more_than = "1/2", of = "members", excluding = "subject" }"#;
const COUNTING: &str = r#"{ more_than = "1/2", of = "members" }"#;

#[test]
fn r14_the_subjects_vote_is_found_only_where_the_rule_excludes_them() {
    // Three directors, three votes: Cat voted on her own removal.
    let events = removal("cat", 2, 1);
    let found = short(&with_rule(EXCLUDING), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("11"));
    assert_eq!(
        found[0].message,
        "the removal of Cat rests on a decision carried with 3 votes (2 for, 1 against, 0 abstaining) from the 2 members who may vote on it, Cat excluded as whom it concerns: a vote no member could cast was counted"
    );
    // Counting her, 2 of 3 is a majority of the members: nothing.
    assert!(short(&with_rule(COUNTING), &events).is_empty());
}

#[test]
fn r14_the_base_without_the_subject_decides_the_majority() {
    // 2 of the 2 other directors: a majority with or without her.
    assert!(short(&with_rule(EXCLUDING), &removal("cat", 2, 0)).is_empty());
    // 1 of the 2 others is not more than half of them.
    let found = short(&with_rule(EXCLUDING), &removal("cat", 1, 1));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .contains("1 votes for of 2 members (Cat excluded as whom it concerns)"),
        "{}",
        found[0].message
    );
}

#[test]
fn r14_a_subject_the_base_does_not_count_is_not_taken_from_it() {
    // Cat holds no seat on the Board of Ann and Bob (and an outsider, Dan, is
    // named): the base stays the two seats, and 2 votes are within it.
    let events = BOARD.replace(
        r#"elected = ["ann", "bob", "cat"]"#,
        r#"elected = ["ann", "bob"]"#,
    );
    let events = format!(
        "{events}\n[[event]]\nid = \"board-meeting\"\ndate = \"2021-05-01\"\nkind = \"meeting_held\"\nmeeting = \"board-meeting\"\norgan = \"assoc/board\"\n\n[[event]]\nid = \"censure\"\ndate = \"2021-05-01\"\nkind = \"motion_decided\"\nmeeting = \"board-meeting\"\ntext = \"Cat is censured\"\ncategory = \"removal\"\nsubjects = [\"cat\"]\nvotes = {{ for = 2, against = 0 }}\noutcome = \"carried\"\n"
    );
    assert!(short(&with_organ_majority(EXCLUDING), &events).is_empty());
}

#[test]
fn r14_an_organs_majority_excludes_the_motions_subjects() {
    // The motion alone (no discipline rule): the Board's `majority.removal`.
    let events = removal("cat", 2, 1);
    let found = short(&with_organ_majority(EXCLUDING), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("11"));
    assert!(
        found[0].message.starts_with("carried with 3 votes"),
        "{}",
        found[0].message
    );
    assert!(short(&with_organ_majority(COUNTING), &events).is_empty());
}

#[test]
fn r14_bad_exclusions_are_refused_at_their_place() {
    for (majority, expected) in [
        (
            r#"{ more_than = "1/2", of = "members", excluding = "director" }"#,
            "expected `excluding = \"subject\"` (the person the decision is about), found `director`",
        ),
        (
            r#"{ more_than = "1/2", of = "present", excluding = "subject" }"#,
            "which the record does not give for a majority of the members present",
        ),
        (
            r#"{ more_than = "1/2", excluding = "subject" }"#,
            "for a majority of the votes cast",
        ),
    ] {
        let text = with_rule(majority);
        let err = read(&text).expect_err(majority);
        assert!(
            err.message.contains(expected),
            "{majority}: {}",
            err.message
        );
        let line = text
            .lines()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|l| l.starts_with("majority = "))
            .expect("the rule's line")
            + 1;
        assert_eq!(err.line, line, "{majority}: {err}");
    }
    let doc = read(&with_rule(EXCLUDING)).expect("a valid statute");
    let rule = doc.versions[0]
        .discipline
        .iter()
        .rev()
        .find_map(|r| r.majority)
        .expect("the removal's majority");
    assert_eq!(rule.excluding, Some(crate::statute::Excluded::Subject));
    assert_eq!(
        rule.to_string(),
        "more than 1/2 of all members, excluding the person it concerns"
    );
}
