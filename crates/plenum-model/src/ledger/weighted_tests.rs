//! Issue 14, weighted votes (`weighted`): in a decision of a category named, each
//! member casts their constituency's delegates' votes at the most recent meeting of
//! another organ, a post's holder the most any of them casts; recorded votes beyond
//! the total are `majority-not-met`. Each test is data.

use super::statute_tests::{BOARD, STATUTE, TREASURER, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute() -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"30\"\ntext = \"In a vacancy vote each director casts the votes of the district's delegates at the last assembly; the Treasurer as many as the most.\"\n\n[version.constituencies]\nname = \"District\"\n\n[[version.organ]]",
            1,
        )
        .replace(
            "quorum = { at_least = \"1/2\", article = \"10\" }",
            "quorum = { at_least = \"1/2\", article = \"10\" }\nweighted = { categories = [\"vacancy\"], by_constituency = [\"board\"], of = \"assembly\", highest = [\"treasurer\"], article = \"30\" }",
        )
}

const PLACED: &str = r#"
[[event]]
id = "bob-north"
date = "2021-01-01"
kind = "constituency_assigned"
person = "bob"
org = "assoc"
constituency = "north"

[[event]]
id = "cat-south"
date = "2021-01-01"
kind = "constituency_assigned"
person = "cat"
org = "assoc"
constituency = "south"
"#;

const ASSEMBLY: &str = r#"
[[event]]
id = "assembly-2021"
date = "2021-02-01"
kind = "meeting_held"
meeting = "assembly-2021"
organ = "assoc/assembly"
constituency_votes = { north = 100, south = 40 }
"#;

fn vote(category: &str, in_favour: u32, against: u32) -> String {
    format!(
        "\n[[event]]\nid = \"board-may\"\ndate = \"2021-05-01\"\nkind = \"meeting_held\"\nmeeting = \"board-may\"\norgan = \"assoc/board\"\npresent = 3\n\n[[event]]\nid = \"board-vote\"\ndate = \"2021-05-01\"\nkind = \"motion_decided\"\nmeeting = \"board-may\"\ntext = \"To fill the vacancy.\"\ncategory = \"{category}\"\nvotes = {{ for = {in_favour}, against = {against} }}\noutcome = \"carried\"\n"
    )
}

fn weighted(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(&statute(), &format!("{BOARD}{TREASURER}{PLACED}{events}"))
        .unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_weighted_votes_beyond_the_members_total_are_found() {
    // Bob 100, Cat 40, Ann (the Treasurer) the most, 100: 240 in all.
    assert!(weighted(&format!("{ASSEMBLY}{}", vote("vacancy", 150, 90))).is_empty());
    let over = weighted(&format!("{ASSEMBLY}{}", vote("vacancy", 151, 90)));
    assert_eq!(over.len(), 1, "{over:#?}");
    assert!(
        over[0].message.contains("may cast 240 votes in all"),
        "{over:#?}"
    );
    assert_eq!(
        over[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("30")
    );
    // Another category is not weighted by the clause; without the delegates' votes
    // recorded, the weights are unknown.
    assert!(weighted(&format!("{ASSEMBLY}{}", vote("default", 151, 90))).is_empty());
    assert!(weighted(&vote("vacancy", 151, 90)).is_empty());
}

#[test]
fn r14_weighted_clauses_are_read_and_refused() {
    for (from, to, says) in [
        (
            "categories = [\"vacancy\"]",
            "categories = []",
            "give at least one",
        ),
        (
            "by_constituency = [\"board\"]",
            "by_constituency = [\"senate\"]",
            "unknown organ `senate`",
        ),
        (
            "highest = [\"treasurer\"]",
            "highest = [\"mayor\"]",
            "`mayor` is not one",
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
            .any(|c| c.field == "weighted" && c.rule.contains("the Treasurer as many as the most")),
        "{clauses:#?}"
    );
}
