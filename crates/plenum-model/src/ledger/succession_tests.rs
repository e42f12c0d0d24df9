//! Issue 14, alternates succeeding to vacant full seats in the order of their votes
//! (`alternates = { succeed = "by-votes" }`): `alternate-skipped` for a promotion past
//! a higher-ranked alternate, or a vacancy given to someone else.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute(order: &str) -> String {
    STATUTE
        .replace(
            "seats = { full = 5 }",
            &format!("seats = {{ full = 5 }}\nalternates = {{ succeed = \"{order}\", article = \"16\" }}"),
        )
        .replace(
            "[[version.organ]]\nid = \"assembly\"",
            "[[version.article]]\nnumber = \"16\"\ntext = \"A vacancy on the board goes to the alternate with the most votes.\"\n\n[[version.organ]]\nid = \"assembly\"",
        )
}

const ELECTED: &str = r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "p-eve"
date = "2020-01-01"
kind = "person_registered"
person = "eve"
name = "Eve"

[[event]]
id = "p-fay"
date = "2020-01-01"
kind = "person_registered"
person = "fay"
name = "Fay"

[[event]]
id = "board-2021"
date = "2021-01-10"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob"]
alternates = ["cat", "dan", "eve"]
tally = [
  { person = "ann", votes = 20 },
  { person = "bob", votes = 18 },
  { person = "cat", votes = 5 },
  { person = "dan", votes = 9 },
  { person = "eve", votes = 7 },
]

[[event]]
id = "bob-left"
date = "2021-03-01"
kind = "seat_vacated"
person = "bob"
organ = "assoc/board"
cause = "resigned"
"#;

fn skipped(order: &str, successor: &str) -> Vec<(Vec<String>, String, Option<String>)> {
    let events = format!(
        "{ELECTED}\n[[event]]\nid = \"succeeded\"\ndate = \"2021-03-02\"\nkind = \"seat_taken\"\nperson = \"{successor}\"\norgan = \"assoc/board\"\n"
    );
    let tables = build_with(&statute(order), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::AlternateSkipped)
        .into_iter()
        .map(|f| {
            (
                f.events.iter().map(ToString::to_string).collect(),
                f.message.clone(),
                f.citation.as_ref().and_then(|c| c.article.clone()),
            )
        })
        .collect()
}

#[test]
fn r14_the_alternate_with_the_most_votes_succeeds() {
    assert_eq!(skipped("by-votes", "dan"), []);
    let found = skipped("by-votes", "eve");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, ["succeeded", "board-2021"]);
    assert_eq!(
        found[0].1,
        "Eve took a full seat on Board of Directors on 2021-03-02 ahead of Dan, who still held an alternate seat and ranked before them (1st against 2nd, by the votes they received)"
    );
    assert_eq!(found[0].2.as_deref(), Some("16"));
    // Cat, with the fewest votes, skips both; the finding names the first.
    let found = skipped("by-votes", "cat");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].1.contains("ahead of Dan"), "{}", found[0].1);
}

#[test]
fn r14_alternates_in_the_order_listed_and_a_vacancy_given_to_an_outsider() {
    assert_eq!(skipped("as-listed", "cat"), []);
    let found = skipped("as-listed", "dan");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].1.contains("ahead of Cat"), "{}", found[0].1);
    let found = skipped("by-votes", "fay");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].1,
        "Fay took a full seat on Board of Directors on 2021-03-02, though Dan still held an alternate seat, ranked 1st by the votes they received; the statute gives vacancies to the alternates in order"
    );
}

#[test]
fn r14_alternates_succeed_is_read_with_its_position() {
    let err = crate::statute::read(&statute("by-lot"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("succeed = `by-lot`: expected `by-votes` or `as-listed`"),
        "{err}"
    );
    let document = crate::statute::read(&statute("by-votes")).unwrap();
    let clause = crate::statute::clauses(&document)
        .into_iter()
        .find(|c| c.field == "alternates")
        .unwrap();
    assert_eq!(
        clause.rule,
        "vacancies go to its alternates in the order of the votes they received"
    );
    assert_eq!(clause.checked_by, Some("alternate-skipped"));
}
