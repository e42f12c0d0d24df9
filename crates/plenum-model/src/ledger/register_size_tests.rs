//! Issue 14: a disciplinary act allowed only while the organization is large enough
//! (`while_members_exceed = N` on a discipline rule: "If the number of Members exceeds
//! ten ..., a director may ... be removed"), judged at the act (`no-competent-decision`),
//! and the clause read or refused at its line and column. Each test is data: a
//! statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// Article 7's expulsion rule, allowed only while the register counts more than `n`.
fn statute(n: &str) -> String {
    STATUTE.replacen(
        "majority = { at_least = \"2/3\", of = \"votes\" }\narticle = \"7\"",
        &format!(
            "majority = {{ at_least = \"2/3\", of = \"votes\" }}\nwhile_members_exceed = {n}\narticle = \"7\""
        ),
        1,
    )
}

/// The board expels Bob, 3 votes to 0, with Ann and Bob the register's full members.
const EXPULSION: &str = r#"
[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"

[[event]]
id = "expel-bob"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "Bob is expelled"
category = "discipline"
votes = { for = 3, against = 0 }
outcome = "carried"

[[event]]
id = "bob-expelled"
date = "2021-05-01"
kind = "member_expelled"
person = "bob"
org = "assoc"
decision = "expel-bob"
"#;

fn judged(statute: &str) -> Vec<FindingLine> {
    let tables =
        build_with(statute, &format!("{BOARD}{EXPULSION}")).unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-06-01");
    of_rule(&all, Rule::NoCompetentDecision)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_an_act_with_the_register_at_its_number_is_found() {
    let found = judged(&statute("2"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "expulsion of Bob while Association counts 2 full members; the statute allows it only while there are more than 2"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("7")
    );
}

#[test]
fn r14_an_act_with_a_larger_register_or_without_the_clause_gives_nothing() {
    let larger = judged(&statute("1"));
    assert!(larger.is_empty(), "{larger:#?}");
    let plain = judged(STATUTE);
    assert!(plain.is_empty(), "{plain:#?}");
}

#[test]
fn r14_while_members_exceed_is_refused_at_line_and_column() {
    let text = statute("0");
    let err = crate::statute::read(&text).expect_err("zero");
    assert!(
        err.to_string().contains("`while_members_exceed` is 0"),
        "{err}"
    );
    let at = text.find("while_members_exceed = 0").expect("the clause")
        + "while_members_exceed = ".len();
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
}

#[test]
fn r14_statute_check_lists_while_members_exceed() {
    let doc = crate::statute::read(&statute("10")).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "while_members_exceed")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "expulsion by Board of Directors: allowed only while the register counts more than 10 full members"
    );
    assert_eq!(clause.checked_by, Some("no-competent-decision"));
    assert_eq!(clause.article.as_deref(), Some("7"));
}
