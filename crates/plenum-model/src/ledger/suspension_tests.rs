//! Issue 14, articles set aside by a decision (`[[version.suspension]]`,
//! `motion_decided`'s `suspends`): while a competent decision is in force, what the
//! article would find is not found; a decision by another organ is
//! `no-competent-decision` and sets nothing aside. Each test is data.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute() -> String {
    STATUTE.replacen(
        "[[version.organ]]",
        "[[version.article]]\nnumber = \"40\"\ntext = \"In an emergency the board may set aside article 10.\"\n\n[[version.suspension]]\narticles = [\"10\"]\nby = [\"board\"]\narticle = \"40\"\n\n[[version.organ]]",
        1,
    )
}

fn set_aside(organ: &str, until: &str) -> String {
    format!(
        "\n[[event]]\nid = \"s-held\"\ndate = \"2021-04-01\"\nkind = \"meeting_held\"\nmeeting = \"s\"\norgan = \"assoc/{organ}\"\npresent = 3\n\n[[event]]\nid = \"s-decision\"\ndate = \"2021-04-01\"\nkind = \"motion_decided\"\nmeeting = \"s\"\ntext = \"The quorum is set aside during the emergency.\"\ncategory = \"emergency\"\nsuspends = [\"10\"]\n{until}\nvotes = {{ for = 3, against = 0 }}\noutcome = \"carried\"\n"
    )
}

/// A board meeting with one director present, and its decision.
const INQUORATE: &str = r#"
[[event]]
id = "m-held"
date = "2021-05-01"
kind = "meeting_held"
meeting = "m"
organ = "assoc/board"
present = 1

[[event]]
id = "m-decision"
date = "2021-05-01"
kind = "motion_decided"
meeting = "m"
text = "To buy a printer."
votes = { for = 1, against = 0 }
outcome = "carried"
"#;

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables =
        build_with(&statute(), &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_an_article_set_aside_by_the_board_is_not_judged_while_in_force() {
    let plain = judged(INQUORATE);
    assert_eq!(of_rule(&plain, Rule::QuorumNotMet).len(), 1, "{plain:#?}");
    let aside = judged(&format!("{}{INQUORATE}", set_aside("board", "")));
    assert!(of_rule(&aside, Rule::QuorumNotMet).is_empty(), "{aside:#?}");
    assert!(
        of_rule(&aside, Rule::NoCompetentDecision).is_empty(),
        "{aside:#?}"
    );
    // Set aside until April's end: May's meeting is judged again.
    let ended = judged(&format!(
        "{}{INQUORATE}",
        set_aside("board", "suspends_until = \"2021-04-30\"")
    ));
    assert_eq!(of_rule(&ended, Rule::QuorumNotMet).len(), 1, "{ended:#?}");
}

#[test]
fn r14_an_article_set_aside_by_another_organ_is_found_and_still_judged() {
    let assembly = judged(&format!("{}{INQUORATE}", set_aside("assembly", "")));
    let found = of_rule(&assembly, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{assembly:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("40")
    );
    assert!(
        found[0].message.contains("set aside article 10"),
        "{found:#?}"
    );
    assert_eq!(
        of_rule(&assembly, Rule::QuorumNotMet).len(),
        1,
        "{assembly:#?}"
    );
}

#[test]
fn r14_suspension_clauses_are_read_and_refused() {
    for (from, to, says) in [
        (
            "articles = [\"10\"]",
            "articles = [\"99\"]",
            "`99` is not one",
        ),
        ("articles = [\"10\"]", "articles = []", "give at least one"),
        (
            "by = [\"board\"]\narticle = \"40\"",
            "by = [\"senate\"]\narticle = \"40\"",
            "unknown organ `senate`",
        ),
    ] {
        let err = crate::statute::read(&statute().replace(from, to)).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
    }
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    assert!(
        clauses
            .iter()
            .any(|c| c.field == "suspension" && c.rule.contains("may set aside articles 10")),
        "{clauses:#?}"
    );
}
