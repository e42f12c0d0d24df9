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
        "Board of Directors may not fill a vacancy left by a removal; only General Assembly fills it"
    );
    assert_eq!(clause.checked_by, Some("wrong-elector"));
}

/// The board co-opts Dan (`cause = "co-opted"`) on 1 July 2021 after Bob resigns; the
/// assembly holds its `kind` meeting on 1 September, `renewed` re-electing the board
/// there; the board meets on 1 October.
fn co_opted(kind: &str, renewed: bool) -> String {
    let election = if renewed {
        r#"
[[event]]
id = "board-2021-09"
date = "2021-09-01"
kind = "election_held"
meeting = "assembly-sept"
organ = "assoc/board"
elected = ["ann", "cat", "dan"]
"#
    } else {
        ""
    };
    format!(
        r#"{}
[[event]]
id = "assembly-called"
date = "2021-08-01"
kind = "meeting_convened"
meeting = "assembly-sept"
organ = "assoc/assembly"
scheduled = "2021-09-01"
category = "{kind}"

[[event]]
id = "assembly-held"
date = "2021-09-01"
kind = "meeting_held"
meeting = "assembly-sept"
{election}
[[event]]
id = "board-held"
date = "2021-10-01"
kind = "meeting_held"
meeting = "board-oct"
organ = "assoc/board"
"#,
        history("resigned", "assoc/board", true).replacen(
            "by = \"assoc/board\"",
            "by = \"assoc/board\"\ncause = \"co-opted\"",
            1
        )
    )
}

fn expired(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-10-01")
        .into_iter()
        .filter(|f| f.rule == Rule::TermExpired && f.message.contains("co-opted"))
        .collect()
}

const UNTIL: &str = r#"{ until = { organ = "assembly", category = "annual" }, article = "9" }"#;

#[test]
fn r14_a_co_opted_seat_renewed_or_before_the_meeting_gives_nothing() {
    let s = statute(UNTIL);
    for (kind, renewed) in [("annual", true), ("special", false)] {
        let found = expired(&s, &co_opted(kind, renewed));
        assert!(found.is_empty(), "{kind} {renewed}: {found:#?}");
    }
}

#[test]
fn r14_a_co_opted_seat_kept_after_the_annual_meeting_is_found() {
    let found = expired(&statute(UNTIL), &co_opted("annual", false));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "Dan, co-opted to Board of Directors on 2021-07-01, still sits on it on 2021-10-01, after the annual meeting of General Assembly on 2021-09-01; a seat filled by co-option lasts until the next annual meeting of General Assembly"
    );
    // Without `until`, nothing.
    assert!(expired(&statute(CLAUSE), &co_opted("annual", false)).is_empty());
}

#[test]
fn r14_a_seat_an_organ_fills_filled_by_a_post_is_found() {
    // Bob resigns; the Treasurer alone gives Dan the seat (no organ decided it).
    let history = history("resigned", "assoc/board", true).replacen(
        "by = \"assoc/board\"",
        "by_post = \"assoc/treasurer\"",
        1,
    );
    let found = judged(&statute(CLAUSE), &history);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "seats on Board of Directors were filled by the holder of the post of Treasurer; the statute gives that to General Assembly (a vacancy: or Board of Directors)"
    );
    // Filled by the board itself, it is a lawful co-option.
    assert!(judged(&statute(CLAUSE), &history_by_board()).is_empty());
}

fn history_by_board() -> String {
    history("resigned", "assoc/board", true)
}

#[test]
fn r14_statute_check_lists_how_long_a_co_opted_seat_lasts() {
    let doc = crate::statute::read(&statute(UNTIL)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "co_option.until")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "a seat filled by co-option lasts until the next meeting of General Assembly (of the kind `annual`)"
    );
    assert_eq!(clause.checked_by, Some("term-expired"));
    // `until` alone lists no `except`.
    assert!(!clauses.iter().any(|c| c.field == "co_option"));
}
