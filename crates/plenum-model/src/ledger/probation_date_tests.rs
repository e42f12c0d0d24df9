//! Issue 14, the day a probation begins (`membership.probation.from = "decision"`:
//! "The probationary period of a probationary member shall begin on the day the
//! general meeting of the Party branch passes the decision to accept him or her"):
//! an admission as a candidate dated otherwise than the decision it cites is
//! `probation-misdated`. Each test is data: a statute and a history in, findings
//! out; a bad clause is refused at line and column.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

const MEMBERSHIP: &str = r#"
[[version.article]]
number = "7"
text = "The probationary period shall begin on the day the general meeting passes the decision to accept him or her."

[version.membership]
probation = { length = "1 year", from = "decision", article = "7" }
"#;

fn statute() -> String {
    // STATUTE declares Article 7 already: keep one.
    let own = MEMBERSHIP.replace(
        "[[version.article]]\nnumber = \"7\"\ntext = \"The probationary period shall begin on the day the general meeting passes the decision to accept him or her.\"\n",
        "",
    );
    format!("{STATUTE}{own}")
}

/// The assembly accepts Ann on `decided`; the register admits her on `admitted`
/// (`status`), citing the decision where `cites`.
fn admitted(decided: &str, admitted: &str, status: &str, cites: bool) -> String {
    let decision = if cites {
        "decision = \"assembly-accepts-ann\""
    } else {
        ""
    };
    format!(
        r#"
[[event]]
id = "assembly-meets"
date = "{decided}"
kind = "meeting_held"
meeting = "assembly-1"
organ = "assoc/assembly"

[[event]]
id = "assembly-accepts-ann"
date = "{decided}"
kind = "motion_decided"
meeting = "assembly-1"
text = "To accept Ann."
votes = {{ for = 3, against = 0 }}
outcome = "carried"

[[event]]
id = "adm-ann"
date = "{admitted}"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "{status}"
{decision}
"#
    )
}

fn found(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2020-12-31")
}

#[test]
fn r14_an_admission_dated_after_its_decision_is_found() {
    let found = found(
        &statute(),
        &admitted("2020-03-01", "2020-04-01", "candidate", true),
    );
    let misdated = of_rule(&found, Rule::ProbationMisdated);
    assert_eq!(misdated.len(), 1, "{found:#?}");
    assert_eq!(
        misdated[0].message,
        "the probation of Ann in Association is recorded as beginning on 2020-04-01 (the admission), but the decision accepting them is dated 2020-03-01; the statute begins it on the day of the decision"
    );
    assert_eq!(misdated[0].certainty, Truth::Definitely);
    assert_eq!(
        misdated[0].citation.as_ref().unwrap().article.as_deref(),
        Some("7")
    );
}

#[test]
fn r14_an_admission_on_its_decisions_day_or_not_judged_is_not_found() {
    let text = statute();
    let cases = [
        // On the day of the decision: lawful.
        admitted("2020-03-01", "2020-03-01", "candidate", true),
        // No decision cited: the record gives one date only.
        admitted("2020-03-01", "2020-04-01", "candidate", false),
        // A full admission begins no probation.
        admitted("2020-03-01", "2020-04-01", "full", true),
    ];
    for events in cases {
        let found = found(&text, &events);
        assert!(
            of_rule(&found, Rule::ProbationMisdated).is_empty(),
            "{found:#?}"
        );
    }
    // Without the clause, not judged.
    let found = found(
        STATUTE,
        &admitted("2020-03-01", "2020-04-01", "candidate", true),
    );
    assert!(
        of_rule(&found, Rule::ProbationMisdated).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn r14_fuzzy_dates_that_may_fall_on_one_day_are_possibly_misdated() {
    let found = found(
        &statute(),
        &admitted("2020-03", "2020-03-15", "candidate", true),
    );
    let misdated = of_rule(&found, Rule::ProbationMisdated);
    assert_eq!(misdated.len(), 1, "{found:#?}");
    assert_eq!(misdated[0].certainty, Truth::Possibly);
}

#[test]
fn r14_probation_from_is_refused_at_line_and_column() {
    let text = statute().replace("from = \"decision\"", "from = \"admission\"");
    let err = crate::statute::read(&text).expect_err("from");
    assert!(
        err.to_string().contains("`probation.from` is `admission`"),
        "{err}"
    );
    let at = text.find("\"admission\"").expect("the place");
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
    // And `statute check` lists the clause with its rule.
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        crate::statute::clauses(&doc).iter().any(
            |c| c.checked_by == Some("probation-misdated") && c.article.as_deref() == Some("7")
        ),
    );
}
