//! Issue 14, majorities of bases the register decides: "a majority of the quorum"
//! (`of = "quorum"`) and "of the members in good standing" (`of =
//! "members-in-good-standing"`, without suspended seat holders).

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute(majority: &str) -> String {
    STATUTE.replace(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        &format!(
            "quorum = {{ at_least = \"1/2\", article = \"10\" }}\nmajority.default = {majority}"
        ),
    )
}

fn board(suspended: bool, in_favour: u32) -> String {
    let suspension = if suspended {
        "\n[[event]]\nid = \"bob-suspended\"\ndate = \"2021-02-01\"\nkind = \"member_suspended\"\nperson = \"bob\"\norg = \"assoc\"\n"
    } else {
        ""
    };
    format!(
        r#"
[[event]]
id = "m-ann"
date = "2020-01-01"
kind = "member_admitted"
person = "ann"
org = "assoc"

[[event]]
id = "m-bob"
date = "2020-01-01"
kind = "member_admitted"
person = "bob"
org = "assoc"

[[event]]
id = "m-cat"
date = "2020-01-01"
kind = "member_admitted"
person = "cat"
org = "assoc"

[[event]]
id = "board-2021"
date = "2021-01-10"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat"]
{suspension}
[[event]]
id = "board-met"
date = "2021-03-01"
kind = "meeting_held"
meeting = "board-1"
organ = "assoc/board"
present = 2

[[event]]
id = "budget"
date = "2021-03-01"
kind = "motion_decided"
meeting = "board-1"
text = "The budget"
votes = {{ for = {in_favour}, against = 0 }}
outcome = "carried"
"#
    )
}

fn short(majority: &str, suspended: bool, in_favour: u32) -> Vec<String> {
    let tables = build_with(&statute(majority), &board(suspended, in_favour))
        .unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet)
        .into_iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn r14_a_majority_of_the_quorum() {
    // Three members, a quorum of half: 2; more than half of it: 2 votes.
    let of_quorum = "{ more_than = \"1/2\", of = \"quorum\", article = \"10\" }";
    assert_eq!(short(of_quorum, false, 2), Vec::<String>::new());
    let found = short(of_quorum, false, 1);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("carried with 1 votes for of 2 members a quorum needs; a default decision needs more than 1/2 of the quorum (2 votes)"),
        "{}",
        found[0]
    );
}

#[test]
fn r14_a_majority_of_the_members_in_good_standing() {
    // Half of the members: 2 of 3, but 1 of the 2 in good standing once Bob is suspended.
    let good = "{ at_least = \"1/2\", of = \"members-in-good-standing\" }";
    assert_eq!(short(good, true, 1), Vec::<String>::new());
    let found = short(good, false, 1);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("of 3 members in good standing"),
        "{}",
        found[0]
    );
    let all = "{ at_least = \"1/2\", of = \"members\" }";
    assert_eq!(short(all, true, 1).len(), 1);
    let err = crate::statute::read(&statute("{ at_least = \"1/2\", of = \"everyone\" }"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("members-in-good-standing") && err.contains("quorum"),
        "{err}"
    );
}
