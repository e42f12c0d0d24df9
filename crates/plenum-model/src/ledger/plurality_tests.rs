//! Issue 14, elections by plurality: `plurality` on the electing organ ("the
//! candidate receiving the highest number of votes ... shall be elected"), judged
//! against an election's `tally` (`plurality-not-met`). Each test is data: a statute
//! and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

fn statute() -> String {
    STATUTE.replacen(
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }",
        "name = \"General Assembly\"\nelected_by = { by = \"members\" }\nplurality = { article = \"9\" }",
        1,
    )
}

fn treasurer(statute: &str, elected: &str, tally: &str) -> Vec<FindingLine> {
    let events = format!(
        r#"{BOARD}
[[event]]
id = "treasurer-2021"
date = "2021-04-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["{elected}"]
{tally}
"#
    );
    let tables = build_with(statute, &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-06-01"), Rule::PluralityNotMet)
        .into_iter()
        .cloned()
        .collect()
}

const TALLY: &str = "tally = [{ person = \"ann\", votes = 5 }, { person = \"bob\", votes = 7 }]";

#[test]
fn r14_the_candidate_with_the_most_votes_elected_gives_nothing() {
    assert!(treasurer(&statute(), "bob", TALLY).is_empty());
    // No tally: nothing to judge.
    assert!(treasurer(&statute(), "ann", "").is_empty());
}

#[test]
fn r14_a_candidate_elected_with_fewer_votes_than_another_is_found() {
    let found = treasurer(&statute(), "ann", TALLY);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Ann was elected by General Assembly with 5 votes, fewer than Bob (7), who was not; the statute elects the candidate with the most votes"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
    // Without `plurality`, the tally decides nothing.
    assert!(treasurer(STATUTE, "ann", TALLY).is_empty());
}
