//! Issue 14, how the votes were cast: "Elections shall be held by secret ballot"
//! (`voting.secret` on the electing organ) against the record's `ballot` on
//! `election_held` and `motion_decided` (`wrong-ballot`, citing `voting`), not judged
//! where the record is silent.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The association's statute, the General Assembly voting as `secret` says
/// (article 11).
fn statute(secret: &str) -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"11\"\ntext = \"Elections shall be held by secret ballot.\"\n\n[[version.organ]]",
            1,
        )
        .replacen(
            "elected_by = { by = \"members\" }",
            &format!(
                "elected_by = {{ by = \"members\" }}\nvoting = {{ secret = \"{secret}\", article = \"11\" }}"
            ),
            1,
        )
}

/// The Assembly meets on 2022-03-01, elects the Treasurer and decides a motion,
/// each cast as `election` and `decision` say (a `ballot = ...` line, or none).
fn polls(election: &str, decision: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "assembly-2022"
date = "2022-03-01"
kind = "meeting_held"
meeting = "assembly-2022"
organ = "assoc/assembly"

[[event]]
id = "treasurer-2022"
date = "2022-03-01"
kind = "election_held"
meeting = "assembly-2022"
post = "assoc/treasurer"
elected = ["ann"]
{election}

[[event]]
id = "dues-2022"
date = "2022-03-01"
kind = "motion_decided"
meeting = "assembly-2022"
text = "The dues for 2023"
votes = {{ for = 3, against = 0 }}
outcome = "carried"
{decision}
"#
    )
}

fn found(secret: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(&statute(secret), events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2022-12-31"), Rule::WrongBallot)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_an_election_by_open_vote_or_acclamation_where_elections_are_secret_is_wrong_ballot() {
    for (ballot, how) in [
        ("open", "by an open vote"),
        ("acclamation", "by acclamation"),
    ] {
        let found = found(
            "elections",
            &polls(&format!("ballot = \"{ballot}\""), "ballot = \"open\""),
        );
        assert_eq!(found.len(), 1, "{ballot}: {found:#?}");
        assert_eq!(
            found[0].message,
            format!(
                "an election of General Assembly is recorded as held {how}; the statute holds elections by secret ballot"
            )
        );
        assert_eq!(found[0].certainty, Truth::Definitely);
        assert_eq!(
            found[0]
                .citation
                .as_ref()
                .and_then(|c| c.article.as_deref()),
            Some("11")
        );
    }
}

#[test]
fn r14_a_secret_or_unrecorded_ballot_is_lawful_and_motions_are_free_under_elections() {
    assert!(
        found(
            "elections",
            &polls("ballot = \"secret\"", "ballot = \"open\"")
        )
        .is_empty()
    );
    assert!(
        found("elections", &polls("", "")).is_empty(),
        "the record is silent"
    );
    assert!(
        found("always", &polls("", "")).is_empty(),
        "the record is silent"
    );
}

#[test]
fn r14_every_poll_secret_finds_an_open_decision_too() {
    let found = found("always", &polls("ballot = \"secret\"", "ballot = \"open\""));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "a decision of General Assembly is recorded as held by an open vote; the statute holds every vote by secret ballot"
    );
}

#[test]
fn r14_a_secret_ballot_where_every_vote_is_named_is_wrong_ballot() {
    let found = found("never", &polls("ballot = \"secret\"", "ballot = \"open\""));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "an election of General Assembly is recorded as held by secret ballot; the statute names every vote (roll-call)"
    );
}

#[test]
fn r14_a_ballot_the_record_cannot_name_is_refused() {
    let events = polls("ballot = \"hands\"", "");
    let err = crate::event::read::read(&events, crate::event::read::Format::Toml)
        .expect_err("an unknown ballot")
        .to_string();
    assert!(err.contains("hands"), "{err}");
    assert!(
        err.contains("secret") && err.contains("acclamation"),
        "{err}"
    );
}
