//! Issue 14: how an organ's elections are counted (`counting = { method = "points" }`:
//! "The N candidates receiving the highest number of points will be elected"), judged
//! on an `election_held`'s `method` (`wrong-method`) and `tally` (`plurality-not-met`),
//! and the clause read or refused at its line and column. Each test is data: a statute
//! and a history in, findings out.

use super::statute_tests::{STATUTE, build_with};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const CLAUSE: &str = r#"{ method = "points", article = "9" }"#;

/// The board, elected by the assembly, with `clause` as its `counting` (none where
/// empty).
fn statute(clause: &str) -> String {
    let clause = if clause.is_empty() {
        String::new()
    } else {
        format!("\ncounting = {clause}")
    };
    STATUTE.replacen(
        "seats = { full = 5 }",
        &format!("seats = {{ full = 5 }}{clause}"),
        1,
    )
}

/// The assembly elects two of Ann, Bob and Cat to the board: `elected`, with `extra`
/// (the method, the tally) on the election.
fn elected(elected: &str, extra: &str) -> String {
    format!(
        r#"
[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"

[[event]]
id = "board-2021"
date = "2021-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = {elected}
{extra}
"#
    )
}

fn judged(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    super::statute_tests::findings(&tables, "2021-03-02")
        .into_iter()
        .filter(|f| matches!(f.rule, Rule::WrongMethod | Rule::PluralityNotMet))
        .collect()
}

const TALLY: &str = r#"tally = [{ person = "ann", votes = 9 }, { person = "bob", votes = 7 }, { person = "cat", votes = 7 }]"#;

#[test]
fn r14_an_election_counted_as_the_statute_says_gives_nothing() {
    let s = statute(CLAUSE);
    for history in [
        elected(
            r#"["ann", "bob"]"#,
            &format!("method = \"points\"\n{TALLY}"),
        ),
        // A tie for the last seat, decided by straws either way.
        elected(r#"["ann", "cat"]"#, TALLY),
        // Neither method nor tally recorded: not judged.
        elected(r#"["bob", "cat"]"#, ""),
    ] {
        let found = judged(&s, &history);
        assert!(found.is_empty(), "{history}: {found:#?}");
    }
}

#[test]
fn r14_another_method_or_fewer_points_is_found() {
    let s = statute(CLAUSE);
    let method = judged(&s, &elected(r#"["ann", "bob"]"#, "method = \"irv\""));
    assert_eq!(method.len(), 1, "{method:#?}");
    assert_eq!(method[0].rule, Rule::WrongMethod);
    assert_eq!(method[0].certainty, Truth::Definitely);
    assert_eq!(
        method[0].message,
        "an election to Board of Directors was counted by irv; the statute counts its elections by points"
    );
    let fewer = judged(&s, &elected(r#"["bob", "cat"]"#, TALLY));
    assert_eq!(fewer.len(), 2, "{fewer:#?}");
    assert_eq!(fewer[0].rule, Rule::PluralityNotMet);
    assert_eq!(
        fewer[0].message,
        "Bob was elected to Board of Directors with 7 points, fewer than Ann (9), who was not; the statute elects the candidates with the most points (points)"
    );
    assert_eq!(
        fewer[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
    // Without the clause, nothing.
    assert!(
        judged(
            &statute(""),
            &elected(r#"["bob", "cat"]"#, "method = \"irv\"")
        )
        .is_empty()
    );
}

#[test]
fn r14_counting_is_refused_at_line_and_column() {
    let text = statute(r#"{ method = "borda", article = "9" }"#);
    let err = crate::statute::read(&text).expect_err("borda");
    assert!(
        err.to_string()
            .contains("`borda` is not a method whose winners the tally shows"),
        "{err}"
    );
    let at = text.find("\"borda\"").expect("the place");
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
}

#[test]
fn r14_statute_check_lists_the_counting_method() {
    let doc = crate::statute::read(&statute(CLAUSE)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "counting")
        .expect("the clause");
    assert!(
        clause
            .rule
            .starts_with("its elections are counted by points by rank")
    );
    assert_eq!(clause.checked_by, Some("wrong-method, plurality-not-met"));
}

/// The statute with the board counted by `counting` (none where empty) and the
/// assembly's `voting = { cumulative = false }`.
fn no_cumulation(counting: &str) -> String {
    statute(counting).replacen(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nvoting = { cumulative = false, article = \"10\" }",
        1,
    )
}

fn cumulated(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    super::statute_tests::findings(&tables, "2021-03-02")
        .into_iter()
        .filter(|f| f.rule == Rule::CumulativeVote)
        .collect()
}

#[test]
fn r14_votes_within_one_share_from_each_voter_give_nothing() {
    // Two seats by points, four voters: at most 8 points to one candidate.
    let points = "present = 4\nseats = 2\ntally = [{ person = \"ann\", votes = 8 }, { person = \"bob\", votes = 4 }]";
    assert!(
        cumulated(
            &no_cumulation(CLAUSE),
            &elected(r#"["ann", "bob"]"#, points)
        )
        .is_empty()
    );
    // By votes, four voters: at most 4 each.
    let votes =
        "present = 4\ntally = [{ person = \"ann\", votes = 4 }, { person = \"bob\", votes = 3 }]";
    assert!(cumulated(&no_cumulation(""), &elected(r#"["ann", "bob"]"#, votes)).is_empty());
    // No count of the voters: not judged.
    let unknown = "tally = [{ person = \"ann\", votes = 40 }]";
    assert!(cumulated(&no_cumulation(""), &elected(r#"["ann"]"#, unknown)).is_empty());
}

#[test]
fn r14_a_candidate_given_more_than_one_share_from_each_is_found() {
    let points = "present = 4\nseats = 2\ntally = [{ person = \"ann\", votes = 9 }, { person = \"bob\", votes = 3 }]";
    let found = cumulated(
        &no_cumulation(CLAUSE),
        &elected(r#"["ann", "bob"]"#, points),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Ann received 9 points in an election to Board of Directors by 4 voters, more than 8 (2 from each); the statute forbids cumulative voting"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
    let votes =
        "present = 4\ntally = [{ person = \"ann\", votes = 5 }, { person = \"bob\", votes = 3 }]";
    assert_eq!(
        cumulated(&no_cumulation(""), &elected(r#"["ann", "bob"]"#, votes)).len(),
        1
    );
    // Without the clause, nothing.
    assert!(cumulated(&statute(""), &elected(r#"["ann", "bob"]"#, votes)).is_empty());
}

#[test]
fn r14_statute_check_lists_no_cumulative_voting() {
    let doc = crate::statute::read(&no_cumulation("")).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "voting.cumulative")
        .expect("the clause");
    assert!(clause.rule.starts_with("no cumulative voting"));
    assert_eq!(clause.checked_by, Some("cumulative-vote"));
    assert!(!clauses.iter().any(|c| c.field == "voting"));
}
