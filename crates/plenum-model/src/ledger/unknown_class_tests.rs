//! Issue 14, "The Cooperative shall have one class of Members": a member admitted to
//! (or moved to) a class the statute does not declare is `unknown-class`, citing the
//! article the declared classes share. Each test is data: a statute and a history
//! in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The association's statute with one class, `member`, declared by article 11.
fn statute(second_class: &str) -> String {
    format!(
        r#"{STATUTE}
[[version.article]]
number = "11"
text = "The association shall have one class of members."

[[version.article]]
number = "12"
text = "Honorary members may be named."

[[version.membership.class]]
id = "member"
name = "membership"
article = "11"
{second_class}"#
    )
}

fn admitted(person: &str, class: Option<&str>) -> String {
    let class = class.map_or_else(String::new, |c| format!("class = \"{c}\""));
    format!(
        r#"
[[event]]
id = "adm-{person}"
date = "2020-02-01"
kind = "member_admitted"
person = "{person}"
org = "assoc"
status = "full"
{class}
"#
    )
}

fn found(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_an_admission_to_a_class_the_statute_does_not_declare_is_found() {
    let events = format!(
        "{}{}",
        admitted("ann", Some("member")),
        admitted("bob", Some("associate"))
    );
    let found = found(&statute(""), &events);
    let unknown = of_rule(&found, Rule::UnknownClass);
    assert_eq!(unknown.len(), 1, "{found:#?}");
    assert_eq!(
        unknown[0].message,
        "Bob is recorded a member of Association in the class `associate`, which the statute in force does not declare; it declares `member` (membership)"
    );
    assert_eq!(
        unknown[0].citation.as_ref().unwrap().article.as_deref(),
        Some("11")
    );
}

#[test]
fn r14_a_member_moved_to_an_undeclared_class_is_found() {
    let events = format!(
        "{}{}",
        admitted("ann", Some("member")),
        r#"
[[event]]
id = "ann-honorary"
date = "2020-06-01"
kind = "membership_class_changed"
person = "ann"
org = "assoc"
class = "honorary"
"#
    );
    let found = found(&statute(""), &events);
    assert_eq!(of_rule(&found, Rule::UnknownClass).len(), 1, "{found:#?}");
    // Declared by another article, the class is known: nothing is found.
    let honorary = "\n[[version.membership.class]]\nid = \"honorary\"\nname = \"honorary membership\"\narticle = \"12\"\n";
    assert!(
        of_rule(
            &self::found(&statute(honorary), &events),
            Rule::UnknownClass
        )
        .is_empty()
    );
    // With classes of two articles, an unknown one cites no article of theirs.
    let both = self::found(&statute(honorary), &admitted("bob", Some("associate")));
    let unknown = of_rule(&both, Rule::UnknownClass);
    assert_eq!(unknown.len(), 1, "{both:#?}");
    assert_eq!(unknown[0].citation.as_ref().unwrap().article, None);
}

#[test]
fn r14_no_class_recorded_or_no_class_declared_is_not_judged() {
    // The record silent on the class: unknown, not a breach.
    assert!(
        of_rule(
            &found(&statute(""), &admitted("ann", None)),
            Rule::UnknownClass
        )
        .is_empty()
    );
    // A statute that declares no class leaves the word to the record.
    assert!(
        of_rule(
            &found(STATUTE, &admitted("ann", Some("associate"))),
            Rule::UnknownClass
        )
        .is_empty()
    );
}
