//! Issue 14, terms renewed: a re-election, or a seat taken again after its term ran
//! out, starts a new term, also where the version in force now sets no term.

use super::statute_tests::{BOARD, STATUTE, TREASURER, build, build_with, findings, of_rule};
use crate::rules::Rule;

/// The board and the treasurer of `BOARD` and `TREASURER` elected again in 2022.
const REELECTED: &str = r#"
[[event]]
id = "board-2022"
date = "2022-02-20"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat"]

[[event]]
id = "treasurer-2022"
date = "2022-02-20"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]
"#;

#[test]
fn r14_a_re_election_starts_a_new_term() {
    let events = format!("{BOARD}{TREASURER}{REELECTED}");
    let tables = build(&events);
    assert!(of_rule(&findings(&tables, "2022-05-01"), Rule::TermExpired).is_empty());
    let board =
        crate::query::at::at(&tables, &"2022-05-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 3);
    assert_eq!(board.members[0].since, "2022-02-20");
    let ann = crate::query::person::person(&tables, "ann").unwrap();
    assert_eq!(ann.seats.len(), 2, "one seat per term: {:?}", ann.seats);
}

#[test]
fn r14_a_re_election_renews_a_term_given_under_an_earlier_version_without_terms_now() {
    // The 2022 version drops the board's and the treasurer's terms; the seats and the
    // post given in 2021 for one year are renewed by the re-election all the same,
    // and the re-elected are not found to sit on past their old term.
    let without_terms = STATUTE
        .replace("id = \"2020\"", "id = \"2022\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2022-01-01\"")
        .replace("term = { length = \"1 year\", article = \"9\" }\n", "")
        .replace("organization = \"assoc\"\n", "");
    let statute = format!("{STATUTE}{without_terms}");
    let events = format!("{BOARD}{TREASURER}{REELECTED}");
    let tables = build_with(&statute, &events).unwrap();
    let found = findings(&tables, "2022-05-01");
    assert!(of_rule(&found, Rule::TermExpired).is_empty(), "{found:#?}");
    let board =
        crate::query::at::at(&tables, &"2022-05-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 3, "{board:#?}");
    assert_eq!(board.members[0].since, "2022-02-20");
    let post = crate::query::at::at(
        &tables,
        &"2022-05-01".parse().unwrap(),
        "assoc/treasurer",
        None,
    )
    .unwrap();
    assert_eq!(post.total, 1, "{post:#?}");
}

#[test]
fn r14_a_seat_taken_again_after_its_term_ran_out_starts_a_new_term() {
    // Ann's one-year seat of 2021-03-01 ran out on 2022-03-01 without an event
    // saying so; the assembly seats her again on 2022-03-05.
    let events = format!(
        r#"{BOARD}
[[event]]
id = "ann-again"
date = "2022-03-05"
kind = "seat_taken"
person = "ann"
organ = "assoc/board"
by = "assoc/assembly"
"#
    );
    let tables = build(&events);
    let found = findings(&tables, "2022-05-01");
    let expired = of_rule(&found, Rule::TermExpired);
    assert!(
        expired.iter().all(|f| f.events[0].as_str() != "ann-again"),
        "{found:#?}"
    );
    let board =
        crate::query::at::at(&tables, &"2022-05-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 1, "only Ann, seated again: {board:#?}");
    assert_eq!(board.members[0].since, "2022-03-05");
    let ann = crate::query::person::person(&tables, "ann").unwrap();
    assert_eq!(ann.seats.len(), 2, "one seat per term: {:?}", ann.seats);
}
