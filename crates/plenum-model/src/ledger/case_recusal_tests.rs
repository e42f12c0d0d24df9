//! Issue 14, recusal in a case (`[version.trials] recusal`) and a case's acting chair
//! (`acting_chair`): a member of the trial body who is or was a member of the local a
//! case arises in takes no part in it (`disqualified-judge`), and the acting chair is
//! appointed by the holder of the post named (`wrong-elector`). Each test is data.

use super::statute_tests::{BOARD, STATUTE, TREASURER, build_with, findings, of_rule};
use crate::rules::Rule;

const TRIALS: &str = r#"
[[version.article]]
number = "20"
text = "No member of the board shall take part in a case arising in a local of which the member is or was a member."

[[version.article]]
number = "21"
text = "In such cases the Treasurer appoints an acting chair."

[version.trials]
recusal = { former = true, article = "20" }
acting_chair = { by = "post:treasurer", article = "21" }
"#;

fn statute(former: bool) -> String {
    let trials = if former {
        TRIALS.to_owned()
    } else {
        TRIALS.replace("former = true, ", "")
    };
    STATUTE.replacen(
        "[[version.organ]]",
        &format!("{trials}\n[[version.organ]]"),
        1,
    )
}

/// Local 7, of which Cat was a member in 2020, and charges against Bob arising in it.
const LOCAL: &str = r#"
[[event]]
id = "local-7"
date = "2020-01-01"
kind = "organization_founded"
org = "local-7"
name = "Local 7"

[[event]]
id = "cat-local-7"
date = "2020-03-01"
kind = "member_admitted"
person = "cat"
org = "local-7"
status = "full"

[[event]]
id = "cat-left-local-7"
date = "2020-12-01"
kind = "member_resigned"
person = "cat"
org = "local-7"

[[event]]
id = "charges-bob"
date = "2021-04-01"
kind = "charges_filed"
person = "bob"
org = "assoc"
by_person = "ann"
arises_in = "local-7"
"#;

fn trial(judges: &str, chair: &str) -> String {
    format!(
        "\n[[event]]\nid = \"bob-tried\"\ndate = \"2021-06-01\"\nkind = \"person_tried\"\nperson = \"bob\"\nby = \"assoc/board\"\nfiled = \"charges-bob\"\njudges = [{judges}]\n{chair}\n"
    )
}

fn judged(former: bool, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(
        &statute(former),
        &format!("{BOARD}{TREASURER}{LOCAL}{events}"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_a_judge_who_was_a_member_of_the_local_is_found() {
    let lawful = judged(true, &trial("\"ann\"", ""));
    assert!(
        of_rule(&lawful, Rule::DisqualifiedJudge).is_empty(),
        "{lawful:#?}"
    );
    let cat = judged(true, &trial("\"ann\", \"cat\"", ""));
    let found = of_rule(&cat, Rule::DisqualifiedJudge);
    assert_eq!(found.len(), 1, "{cat:#?}");
    assert!(
        found[0].message.contains("Cat took part") && found[0].message.contains("Local 7"),
        "{found:#?}"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("20")
    );
    // Without `former`, a membership that ended before the case does not disqualify.
    let current = judged(false, &trial("\"ann\", \"cat\"", ""));
    assert!(
        of_rule(&current, Rule::DisqualifiedJudge).is_empty(),
        "{current:#?}"
    );
}

#[test]
fn r14_a_case_whose_charges_do_not_say_where_it_arises_is_not_judged() {
    let local = LOCAL.replace("arises_in = \"local-7\"\n", "");
    let events = format!("{BOARD}{TREASURER}{local}{}", trial("\"cat\"", ""));
    let tables = build_with(&statute(true), &events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    assert!(
        of_rule(&found, Rule::DisqualifiedJudge).is_empty(),
        "{found:#?}"
    );
    // And the same case arising in Local 7 is.
    let events = format!("{BOARD}{TREASURER}{LOCAL}{}", trial("\"cat\"", ""));
    let tables = build_with(&statute(true), &events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    assert_eq!(
        of_rule(&found, Rule::DisqualifiedJudge).len(),
        1,
        "{found:#?}"
    );
}

#[test]
fn r14_an_acting_chair_appointed_by_another_than_the_post_is_found() {
    let chair = |by: &str| format!("acting_chair = {{ person = \"ann\", {by} }}");
    let lawful = judged(
        true,
        &trial(
            "\"ann\"",
            &chair("by_post = \"assoc/treasurer\", by_person = \"ann\""),
        ),
    );
    assert!(
        of_rule(&lawful, Rule::WrongElector).is_empty(),
        "{lawful:#?}"
    );
    let bob = judged(true, &trial("\"ann\"", &chair("by_person = \"bob\"")));
    let found = of_rule(&bob, Rule::WrongElector);
    assert_eq!(found.len(), 1, "{bob:#?}");
    assert!(found[0].message.contains("acting chair"), "{found:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("21")
    );
    // An acting chair who was a member of the local is disqualified too.
    let cat = judged(
        true,
        &trial(
            "\"ann\"",
            "acting_chair = { person = \"cat\", by_post = \"assoc/treasurer\", by_person = \"ann\" }",
        ),
    );
    assert_eq!(of_rule(&cat, Rule::DisqualifiedJudge).len(), 1, "{cat:#?}");
}

#[test]
fn r14_recusal_clauses_are_read_and_refused() {
    let err = crate::statute::read(&statute(true).replace("post:treasurer", "treasurer"))
        .expect_err("not a post");
    assert!(err.to_string().contains("`acting_chair.by`"), "{err}");
    let err = crate::statute::read(
        &statute(true).replace("recusal = { former = true, article = \"20\" }\n", ""),
    )
    .expect_err("no recusal");
    assert!(err.to_string().contains("give `recusal` too"), "{err}");
    let doc = crate::statute::read(&statute(true)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    assert!(
        clauses
            .iter()
            .any(|c| c.field == "recusal" && c.rule.contains("are or were a member")),
        "{clauses:#?}"
    );
    assert!(
        clauses
            .iter()
            .any(|c| c.field == "acting_chair" && c.rule.contains("the post of Treasurer")),
        "{clauses:#?}"
    );
}
