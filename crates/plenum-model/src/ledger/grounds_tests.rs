//! Issue 14, judicial procedure: the grounds charges may rest on (`[version.trials]
//! grounds`, `wrong-grounds`), read or refused at its line and column. Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

const GROUNDS: &str = r#"
[[version.article]]
number = "14"
text = "The following and no other shall be grounds for charges: misuse of funds; fraud."

[version.trials]
grounds = { only = ["misuse of funds", "fraud"], article = "14" }
"#;

fn statute() -> String {
    // The trials table belongs to the version: it goes before the first organ.
    STATUTE.replacen(
        "[[version.organ]]",
        &format!("{GROUNDS}\n[[version.organ]]"),
        1,
    )
}

/// Charges against Ann by Bob, on these grounds (TOML array items).
fn charges(grounds: &str) -> String {
    format!(
        r#"
[[event]]
id = "charges-ann"
date = "2021-04-01"
kind = "charges_filed"
person = "ann"
org = "assoc"
by_person = "bob"
grounds = [{grounds}]
"#
    )
}

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables =
        build_with(&statute(), &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_charges_on_listed_grounds_pass() {
    let lawful = judged(&charges(r#""fraud", "misuse of funds""#));
    assert!(
        of_rule(&lawful, Rule::WrongGrounds).is_empty(),
        "{lawful:#?}"
    );
    // Charges that state no grounds are not judged.
    let silent = judged(&charges(""));
    assert!(
        of_rule(&silent, Rule::WrongGrounds).is_empty(),
        "{silent:#?}"
    );
}

#[test]
fn r14_charges_on_an_unlisted_ground_are_found_citing_the_grounds() {
    let found = judged(&charges(r#""fraud", "slander""#));
    let found = of_rule(&found, Rule::WrongGrounds);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "charges against Ann in Association were filed on the ground \"slander\"; the statute lets charges be filed on the 2 grounds it lists and no other"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("14")
    );
    // Two unlisted grounds are one finding naming both.
    let both = judged(&charges(r#""slander", "disloyalty""#));
    let both = of_rule(&both, Rule::WrongGrounds);
    assert_eq!(both.len(), 1, "{both:#?}");
    assert!(
        both[0]
            .message
            .contains("on the grounds \"slander\", \"disloyalty\";"),
        "{}",
        both[0].message
    );
}

#[test]
fn r14_without_a_list_of_grounds_any_ground_passes() {
    let statute = STATUTE.to_owned();
    let tables = build_with(&statute, &format!("{BOARD}{}", charges(r#""slander""#)))
        .unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    assert!(of_rule(&found, Rule::WrongGrounds).is_empty(), "{found:#?}");
}

#[test]
fn r14_a_list_of_grounds_is_refused_at_line_and_column() {
    let refused = |to: &str, says: &str| {
        let from = "grounds = { only = [\"misuse of funds\", \"fraud\"]";
        let text = statute().replacen(from, to, 1);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(to).unwrap_or_else(|| panic!("{to}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused("grounds = { only = []", "`grounds.only` is empty");
    refused(
        "grounds = { only = [\"fraud\", \" \"]",
        "holds an empty ground",
    );
    refused(
        "grounds = { only = [\"fraud\", \"fraud\"]",
        "lists \"fraud\" twice",
    );
    refused("grounds = { any = [\"fraud\"]", "unknown field `any`");
}

#[test]
fn r14_statute_check_lists_the_grounds() {
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let grounds: Vec<_> = clauses.iter().filter(|c| c.subject == "trials").collect();
    assert_eq!(grounds.len(), 1, "{clauses:#?}");
    assert_eq!(grounds[0].checked_by, Some("wrong-grounds"), "{clauses:#?}");
    assert!(
        grounds[0]
            .rule
            .contains("no other: \"misuse of funds\", \"fraud\""),
        "{clauses:#?}"
    );
}
