//! Issue 14, the fewest seats: `seats = { full = 5, at_least = 3 }`, judged on an
//! election that fills the organ anew (`seats-under-limit`), and refused where it
//! is 0 or more than `full`. Each test is data: a statute and a history in,
//! findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

fn statute(seats: &str) -> String {
    STATUTE.replacen("seats = { full = 5 }", seats, 1)
}

fn elected(statute: &str, elected: &str, replaces: bool) -> Vec<FindingLine> {
    let events = format!(
        r#"
[[event]]
id = "board-2021"
date = "2021-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = [{elected}]
replaces = {replaces}
"#
    );
    let tables = build_with(statute, &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-06-01"), Rule::SeatsUnderLimit)
        .into_iter()
        .cloned()
        .collect()
}

const LEAST: &str = "seats = { full = 5, at_least = 3 }";

#[test]
fn r14_an_election_of_at_least_the_fewest_seats_gives_nothing() {
    let found = elected(&statute(LEAST), "\"ann\", \"bob\", \"cat\"", true);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_an_election_of_fewer_seats_than_the_statute_requires_is_found() {
    let found = elected(&statute(LEAST), "\"ann\", \"bob\"", true);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Board of Directors was elected with 2 full seats; the statute requires at least 3"
    );
    // A seat added between elections (`replaces = false`) is not judged.
    let added = elected(&statute(LEAST), "\"ann\"", false);
    assert!(added.is_empty(), "{added:#?}");
    // Without `at_least`, nothing is judged.
    let none = elected(&statute("seats = { full = 5 }"), "\"ann\"", true);
    assert!(none.is_empty(), "{none:#?}");
}

#[test]
fn r14_a_least_number_of_seats_of_0_or_above_full_is_refused() {
    let above = crate::statute::read(&statute("seats = { full = 5, at_least = 6 }"))
        .expect_err("refused")
        .to_string();
    assert!(
        above.contains("`seats.at_least` is 6, more than `seats.full`, 5"),
        "{above}"
    );
    let zero = crate::statute::read(&statute("seats = { full = 5, at_least = 0 }"))
        .expect_err("refused")
        .to_string();
    assert!(zero.contains("`seats.at_least` is 0"), "{zero}");
}
