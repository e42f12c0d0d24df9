//! Issue 14, a removal allowed only of a holder no longer eligible (`only_if =
//! "ineligible"` on a discipline rule: "The Board of Directors may declare vacant the
//! office of a director whose eligibility for election as a director has ceased").
//! Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

const RULES: &str = r#"
[[version.article]]
number = "11"
text = "The assembly may remove a director."

[[version.article]]
number = "12"
text = "The board may declare vacant the office of a director whose eligibility has ceased."

[[version.discipline]]
act = "removal"
from = "board"
by = ["assembly"]
article = "11"

[[version.discipline]]
act = "removal"
from = "board"
by = ["board"]
only_if = "ineligible"
article = "12"
"#;

/// Directors must be full members.
fn statute(only_if: &str) -> String {
    STATUTE.replace(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        "quorum = { at_least = \"1/2\", article = \"10\" }\neligibility = [{ requires = \"full-member\" }]",
    ) + &RULES.replace("only_if = \"ineligible\"", only_if)
}

/// Ann and Bob are members and directors; `between` happens to Ann before the
/// `by` organ's decision ends her seat.
fn history(between: &str, by: &str) -> String {
    format!(
        r#"
[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "full"

[[event]]
id = "adm-bob"
date = "2020-02-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"

[[event]]
id = "board-2020"
date = "2020-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob"]
{between}
[[event]]
id = "vacant"
date = "2020-06-01"
kind = "motion_decided"
organ = "assoc/{by}"
text = "To declare Ann's seat vacant."
votes = {{ for = 2, against = 0 }}
outcome = "carried"

[[event]]
id = "ann-off"
date = "2020-06-01"
kind = "seat_vacated"
person = "ann"
organ = "assoc/board"
cause = "removed"
decision = "vacant"
"#
    )
}

const ANN_RESIGNS_MEMBERSHIP: &str = r#"
[[event]]
id = "ann-resigned"
date = "2020-05-01"
kind = "member_resigned"
person = "ann"
org = "assoc"
"#;

fn found(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2020-12-31")
}

#[test]
fn r14_a_seat_declared_vacant_of_a_director_still_eligible_is_found() {
    let found = found(&statute("only_if = \"ineligible\""), &history("", "board"));
    let wrong = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert_eq!(
        wrong[0].message,
        "the removal of Ann from Board of Directors was decided by Board of Directors, which the statute lets remove only a holder no longer eligible; the register shows Ann still eligible"
    );
    assert_eq!(
        wrong[0].citation.as_ref().unwrap().article.as_deref(),
        Some("12")
    );
}

#[test]
fn r14_a_seat_declared_vacant_of_a_director_no_longer_eligible_is_lawful() {
    let found = found(
        &statute("only_if = \"ineligible\""),
        &history(ANN_RESIGNS_MEMBERSHIP, "board"),
    );
    assert!(
        of_rule(&found, Rule::NoCompetentDecision).is_empty(),
        "{found:#?}"
    );
    // The assembly's own rule is not conditional: it may remove an eligible director.
    let found = self::found(
        &statute("only_if = \"ineligible\""),
        &history("", "assembly"),
    );
    assert!(
        of_rule(&found, Rule::NoCompetentDecision).is_empty(),
        "{found:#?}"
    );
    // Without the condition, the board's rule empowers it whatever the register says.
    let found = self::found(&statute(""), &history("", "board"));
    assert!(
        of_rule(&found, Rule::NoCompetentDecision).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn r14_a_director_of_unknown_standing_is_not_taken_to_be_eligible() {
    // Cat, whom the register never mentions, holds a seat: unknown, not found.
    let events = history("", "board")
        .replace("person = \"ann\"\norgan", "person = \"cat\"\norgan")
        .replace(
            "elected = [\"ann\", \"bob\"]",
            "elected = [\"ann\", \"bob\", \"cat\"]",
        );
    let found = found(&statute("only_if = \"ineligible\""), &events);
    assert!(
        of_rule(&found, Rule::NoCompetentDecision).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn r14_only_if_is_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        statute("only_if = \"unsound\""),
        "\"unsound\"",
        "`only_if` is `unsound`",
    );
    refused(
        statute("only_if = \"ineligible\"")
            .replace("from = \"board\"\nby = [\"board\"]", "by = [\"board\"]"),
        "\"ineligible\"",
        "`only_if` goes only with `act = \"removal\"` and `from`",
    );
}

#[test]
fn r14_statute_check_lists_only_if() {
    let doc = crate::statute::read(&statute("only_if = \"ineligible\""))
        .unwrap_or_else(|e| panic!("{e}"));
    let rules: Vec<String> = crate::statute::clauses(&doc)
        .into_iter()
        .map(|c| c.rule)
        .collect();
    assert!(
        rules
            .iter()
            .any(|r| r.contains("only of a holder the register shows no longer eligible for it")),
        "{rules:#?}"
    );
}
