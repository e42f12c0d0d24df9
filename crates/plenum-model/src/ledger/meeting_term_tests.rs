//! Issue 14, a term counted in meetings (`term = { meetings = 2, of = "assembly",
//! category = "regular" }`): a seat ends with the second regular meeting of the
//! assembly after it began; a holder not re-elected there and still seated when the
//! organization next meets is `term-expired`, once. Each test is data.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute() -> String {
    STATUTE
        .replace(
            "term = { length = \"1 year\", article = \"9\" }\nquorum",
            "term = { meetings = 2, of = \"assembly\", category = \"regular\", article = \"9\" }\nquorum",
        )
        .replace(
            "elected_by = { by = \"members\" }\n",
            "elected_by = { by = \"members\" }\nmeeting = [{ category = \"regular\" }, { category = \"special\" }]\n",
        )
}

fn meeting(organ: &str, id: &str, day: &str, category: &str) -> String {
    let convened = if category.is_empty() {
        String::new()
    } else {
        format!(
            "\n[[event]]\nid = \"{id}-c\"\ndate = \"{day}\"\nkind = \"meeting_convened\"\nmeeting = \"{id}\"\norgan = \"assoc/{organ}\"\nname = \"{id}\"\ncategory = \"{category}\"\n"
        )
    };
    format!(
        "{convened}\n[[event]]\nid = \"{id}-h\"\ndate = \"{day}\"\nkind = \"meeting_held\"\nmeeting = \"{id}\"\norgan = \"assoc/{organ}\"\n"
    )
}

fn expired(events: &str) -> usize {
    let tables =
        build_with(&statute(), &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2024-12-31");
    of_rule(&found, Rule::TermExpired).len()
}

#[test]
fn r14_a_term_counted_in_meetings_ends_with_the_second_regular_meeting() {
    let first = meeting("assembly", "a-2022", "2022-03-01", "regular");
    let special = meeting("assembly", "a-2022s", "2022-09-01", "special");
    let second = meeting("assembly", "a-2023", "2023-03-01", "regular");
    let board = meeting("board", "b-2023-04", "2023-04-01", "");
    let board2 = meeting("board", "b-2023-05", "2023-05-01", "");
    // One regular meeting and a special one since the election: the term runs on.
    assert_eq!(expired(&format!("{first}{special}{board}")), 0);
    // The second regular meeting, with no election, ends the three seats: found at
    // the next meeting, once.
    assert_eq!(
        expired(&format!("{first}{special}{second}{board}{board2}")),
        3
    );
    // Not before the organization meets again.
    assert_eq!(expired(&format!("{first}{special}{second}")), 0);
    // Re-elected at it, the board starts a new term.
    let reelected = "\n[[event]]\nid = \"board-2023\"\ndate = \"2023-03-01\"\nkind = \"election_held\"\nmeeting = \"a-2023\"\norgan = \"assoc/board\"\nelected = [\"ann\", \"bob\", \"cat\"]\n";
    assert_eq!(
        expired(&format!("{first}{special}{second}{reelected}{board}")),
        0
    );
}

#[test]
fn r14_terms_in_meetings_are_read_and_refused() {
    let refused = |from: &str, to: &str, says: &str| {
        let text = statute().replace(from, to);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
    };
    refused(
        "meetings = 2, of",
        "meetings = 0, of",
        "at least one meeting",
    );
    refused(
        "meetings = 2, of = \"assembly\", ",
        "meetings = 2, ",
        "give `of",
    );
    refused(
        "of = \"assembly\"",
        "of = \"senate\"",
        "unknown organ `senate`",
    );
    refused(
        "meetings = 2, of",
        "length = \"1 year\", meetings = 2, of",
        "not both",
    );
    refused(
        "term = { meetings = 2, of = \"assembly\", category = \"regular\", article",
        "term = { article",
        "needs a `length`",
    );
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    assert!(
        clauses.iter().any(|c| c.field == "term"
            && c.rule
                .contains("ends with the second regular meeting of General Assembly")),
        "{clauses:#?}"
    );
}
