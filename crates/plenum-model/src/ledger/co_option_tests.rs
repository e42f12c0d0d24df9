//! Issue 14: the vacancies the organ that fills vacancies may not fill (`co_option =
//! { except = ["removed"] }` beside `elected_by.vacancies`: "Except for a vacancy
//! created by the removal of a director, vacancies on the Board of Directors may be
//! filled ... by approval of the Board of Directors"), judged on a `seat_taken` that
//! names the seat it fills (`vacancy_of`) (`wrong-elector`), and the clause read or
//! refused at its line and column. Each test is data: a statute and a history in,
//! findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const CLAUSE: &str = r#"{ except = ["removed"], article = "9" }"#;

/// The board, filled by the assembly and its vacancies by itself, with `clause` as
/// its `co_option` (none where empty).
fn statute(clause: &str) -> String {
    let clause = if clause.is_empty() {
        String::new()
    } else {
        format!("\nco_option = {clause}")
    };
    STATUTE.replacen(
        "elected_by = { by = \"assembly\" }\nseats = { full = 5 }",
        &format!("elected_by = {{ by = \"assembly\", vacancies = \"board\" }}\nseats = {{ full = 5 }}{clause}"),
        1,
    )
}

/// Bob's seat ends `cause` on 1 June 2021; on 1 July `by` gives Dan a seat, naming
/// the seat it fills where `named`.
fn history(cause: &str, by: &str, named: bool) -> String {
    let vacancy = if named { "vacancy_of = \"bob\"\n" } else { "" };
    format!(
        r#"{BOARD}
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "bob-leaves"
date = "2021-06-01"
kind = "seat_vacated"
person = "bob"
organ = "assoc/board"
cause = "{cause}"

[[event]]
id = "dan-joins"
date = "2021-07-01"
kind = "seat_taken"
person = "dan"
organ = "assoc/board"
by = "{by}"
{vacancy}"#
    )
}

fn judged(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-07-02")
        .into_iter()
        .filter(|f| f.rule == Rule::WrongElector)
        .collect()
}

#[test]
fn r14_a_vacancy_the_board_may_fill_gives_nothing() {
    let s = statute(CLAUSE);
    for (cause, by, named) in [
        // A resignation's vacancy, co-opted.
        ("resigned", "assoc/board", true),
        // A removal's vacancy, filled by the assembly.
        ("removed", "assoc/assembly", true),
        // A co-option naming no vacancy: not judged.
        ("removed", "assoc/board", false),
    ] {
        let found = judged(&s, &history(cause, by, named));
        assert!(found.is_empty(), "{cause} {by}: {found:#?}");
    }
}

#[test]
fn r14_a_removal_s_vacancy_co_opted_is_found() {
    let found = judged(&statute(CLAUSE), &history("removed", "assoc/board", true));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "the seat on Board of Directors left by Bob (removed) was filled by Board of Directors; a vacancy left that way is filled by General Assembly only"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
    // Without the clause, the co-option is lawful.
    assert!(judged(&statute(""), &history("removed", "assoc/board", true)).is_empty());
}

#[test]
fn r14_co_option_is_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        statute(r#"{ except = ["sacked"], article = "9" }"#),
        "\"sacked\"",
        "`sacked` is not a way a seat ends",
    );
    refused(
        statute(r#"{ except = [], article = "9" }"#),
        "{ except = []",
        "`co_option` needs",
    );
    refused(
        STATUTE.replacen(
            "seats = { full = 5 }",
            &format!("seats = {{ full = 5 }}\nco_option = {CLAUSE}"),
            1,
        ),
        "{ except = [\"removed\"]",
        "give `elected_by = { ..., vacancies",
    );
}

#[test]
fn r14_statute_check_lists_the_limit_of_co_option() {
    let doc = crate::statute::read(&statute(CLAUSE)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "co_option")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "Board of Directors may not fill a vacancy left by a holder whose seat ended removed; only General Assembly fills it"
    );
    assert_eq!(clause.checked_by, Some("wrong-elector"));
}
