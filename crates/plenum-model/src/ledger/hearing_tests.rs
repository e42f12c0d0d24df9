//! Issue 14, due process: appeals decided finally by the organ the statute names
//! (`wrong-appeal-body`), and a person heard in their own defence (`person_heard`) before
//! an expulsion, suspension, removal or penalty the statute's `[version.trials]
//! hearing` names (`not-heard`), and the clause read or refused at its place. Each
//! test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

const HEARING: &str = r#"
[[version.article]]
number = "H1"
text = "Before a member is expelled or warned, the member shall be heard in their own defence before the board."

[[version.penalty]]
id = "warning"
name = "warning"

[version.trials]
hearing = { acts = ["expulsion", "warning"], before = "board", article = "H1" }
"#;

fn statute() -> String {
    STATUTE.replacen(
        "[[version.organ]]",
        &format!("{HEARING}\n[[version.organ]]"),
        1,
    )
}

fn heard(date: &str, by: Option<&str>) -> String {
    let by = by.map_or_else(String::new, |b| format!("by = \"assoc/{b}\"\n"));
    format!(
        r#"
[[event]]
id = "bob-heard-{date}"
date = "{date}"
kind = "person_heard"
person = "bob"
org = "assoc"
{by}"#
    )
}

const EXPELLED: &str = r#"
[[event]]
id = "bob-expelled"
date = "2021-05-01"
kind = "member_expelled"
person = "bob"
org = "assoc"
"#;

const WARNED: &str = r#"
[[event]]
id = "bob-warned"
date = "2021-05-01"
kind = "member_disciplined"
person = "bob"
org = "assoc"
penalty = "warning"
"#;

const SUSPENDED: &str = r#"
[[event]]
id = "bob-suspended"
date = "2021-05-01"
kind = "member_suspended"
person = "bob"
org = "assoc"
"#;

fn not_heard(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    of_rule(&all, Rule::NotHeard).into_iter().cloned().collect()
}

#[test]
fn r14_an_expulsion_after_a_hearing_before_the_board_passes() {
    let found = not_heard(
        &statute(),
        &format!("{}{EXPELLED}", heard("2021-04-20", Some("board"))),
    );
    assert!(found.is_empty(), "{found:#?}");
    // A hearing that does not say who heard is not a breach: the record is silent.
    let found = not_heard(
        &statute(),
        &format!("{}{EXPELLED}", heard("2021-04-20", None)),
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_an_expulsion_without_a_hearing_is_found_citing_the_clause() {
    let found = not_heard(&statute(), EXPELLED);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the expulsion of Bob from Association was not preceded by a hearing of Bob before Board of Directors; the statute requires one"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("H1")
    );
}

#[test]
fn r14_a_hearing_after_the_act_or_before_another_organ_does_not_count() {
    let after = not_heard(
        &statute(),
        &format!("{EXPELLED}{}", heard("2021-05-10", Some("board"))),
    );
    assert_eq!(after.len(), 1, "{after:#?}");
    let elsewhere = not_heard(
        &statute(),
        &format!("{}{EXPELLED}", heard("2021-04-20", Some("assembly"))),
    );
    assert_eq!(elsewhere.len(), 1, "{elsewhere:#?}");
    assert!(
        elsewhere[0].message.contains("(only before another organ)"),
        "{}",
        elsewhere[0].message
    );
}

#[test]
fn r14_a_penalty_named_needs_a_hearing_and_an_act_not_named_does_not() {
    let found = not_heard(&statute(), WARNED);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the warning given to Bob was not preceded by a hearing of Bob before Board of Directors; the statute requires one"
    );
    let suspended = not_heard(&statute(), SUSPENDED);
    assert!(suspended.is_empty(), "{suspended:#?}");
    // Without the clause, nothing is judged.
    let plain = not_heard(STATUTE, EXPELLED);
    assert!(plain.is_empty(), "{plain:#?}");
}

#[test]
fn r14_a_hearing_clause_naming_an_unknown_act_or_organ_is_refused() {
    let bad_act = statute().replace("\"warning\"]", "\"reprimand\"]");
    let err = build_with(&bad_act, "").expect_err("an unknown act");
    assert!(err.to_string().contains("reprimand"), "{err}");
    let bad_organ = statute().replace("before = \"board\"", "before = \"bored\"");
    let err = build_with(&bad_organ, "").expect_err("an unknown organ");
    assert!(err.to_string().contains("bored"), "{err}");
    let empty = statute().replace("acts = [\"expulsion\", \"warning\"]", "acts = []");
    let err = build_with(&empty, "").expect_err("no acts");
    assert!(err.to_string().contains("empty"), "{err}");
}

const APPEALS: &str = r#"
[[version.article]]
number = "AP"
text = "The board shall not be the final authority on appeals."

[version.trials]
appeals = { final_by = ["assembly"], article = "AP" }
"#;

fn appeal(by: &str, is_final: bool) -> String {
    format!(
        r#"
[[event]]
id = "bob-appeal"
date = "2021-06-01"
kind = "appeal_decided"
person = "bob"
org = "assoc"
by = "assoc/{by}"
appealed = "bob-expelled"
final = {is_final}
"#
    )
}

fn wrong_appeal_body(events: &str) -> Vec<FindingLine> {
    let statute = STATUTE.replacen(
        "[[version.organ]]",
        &format!("{APPEALS}\n[[version.organ]]"),
        1,
    );
    let tables = build_with(&statute, &format!("{BOARD}{EXPELLED}{events}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    of_rule(&all, Rule::WrongAppealBody)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_an_appeal_decided_finally_by_the_board_is_found_and_by_the_assembly_is_not() {
    assert!(wrong_appeal_body(&appeal("assembly", true)).is_empty());
    // The board may hear an appeal on its way; only a final decision is judged.
    assert!(wrong_appeal_body(&appeal("board", false)).is_empty());
    let found = wrong_appeal_body(&appeal("board", true));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the appeal of Bob was decided finally by Board of Directors; the statute gives the final decision on appeals to General Assembly"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("AP")
    );
}

#[test]
fn r14_appeals_naming_no_organ_or_an_unknown_one_are_refused() {
    for (from, to) in [("[\"assembly\"]", "[]"), ("[\"assembly\"]", "[\"senate\"]")] {
        let statute = STATUTE.replacen(
            "[[version.organ]]",
            &format!("{}\n[[version.organ]]", APPEALS.replace(from, to)),
            1,
        );
        assert!(build_with(&statute, "").is_err(), "{to}");
    }
}
