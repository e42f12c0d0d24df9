//! Issue 14: an organ on which every member sits while the organization is small
//! (`all_members = { while_at_most = N }`: "Until such time as there are more than
//! ten Members, all Members ... shall serve on the Board"), judged at the organ's
//! meetings (`seats-under-limit`), and the clause read or refused at its line and
//! column. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The board with `clause` as its `all_members`.
fn statute(clause: &str) -> String {
    STATUTE.replacen(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        &format!("quorum = {{ at_least = \"1/2\", article = \"10\" }}\nall_members = {clause}"),
        1,
    )
}

/// Dan: a full member since 2020, not on the board.
const DAN: &str = r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "adm-dan"
date = "2020-02-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "full"
"#;

/// The board (Ann, Bob and Cat) meets on 1 May 2021.
const MEETING: &str = r#"
[[event]]
id = "board-held"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-may"
organ = "assoc/board"
present = 3
"#;

fn judged(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-06-01");
    of_rule(&all, Rule::SeatsUnderLimit)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_small_organization_whose_board_leaves_a_member_out_is_found() {
    let statute = statute(r#"{ while_at_most = 3, article = "10" }"#);
    // Ann, Bob and Dan are the register's full members; Dan holds no seat.
    let found = judged(&statute, &format!("{DAN}{MEETING}"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "Board of Directors met while Association counts 3 full members, but Dan holds no seat on it; the statute puts every member on it while there are at most 3"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
}

#[test]
fn r14_every_member_on_the_board_or_a_larger_register_gives_nothing() {
    // Ann and Bob, the only full members, both sit on the board.
    let statute_3 = statute(r#"{ while_at_most = 3, article = "10" }"#);
    let all_seated = judged(&statute_3, MEETING);
    assert!(all_seated.is_empty(), "{all_seated:#?}");
    // Three members, more than two: the clause no longer binds.
    let statute_2 = statute(r#"{ while_at_most = 2, article = "10" }"#);
    let larger = judged(&statute_2, &format!("{DAN}{MEETING}"));
    assert!(larger.is_empty(), "{larger:#?}");
    // Without the clause, nothing.
    let plain = judged(STATUTE, &format!("{DAN}{MEETING}"));
    assert!(plain.is_empty(), "{plain:#?}");
}

#[test]
fn r14_all_members_is_refused_at_line_and_column() {
    let refused = |clause: &str, value: &str, says: &str| {
        let text = statute(clause);
        let err = crate::statute::read(&text).expect_err(clause);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(value).expect("the value");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        r#"{ while_at_most = 0, article = "10" }"#,
        "0,",
        "`all_members.while_at_most` is 0",
    );
    refused(
        r#"{ while_at_most = "ten", article = "10" }"#,
        "\"ten\"",
        "invalid type",
    );
}

#[test]
fn r14_statute_check_lists_all_members() {
    let doc = crate::statute::read(&statute(r#"{ while_at_most = 10, article = "10" }"#))
        .unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "all_members")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "while the register counts at most 10 full members, every full member sits on it"
    );
    assert_eq!(clause.subject, "Board of Directors");
    assert_eq!(clause.checked_by, Some("seats-under-limit"));
    assert_eq!(clause.article.as_deref(), Some("10"));
}
