//! Issue 14, requirements that lapse during a tenure, as of a day: a bar from office
//! against an office already held, and a membership class changed during a term.
//! A holder whose tenure began before a bar in force on the day, or who has since
//! moved to another class than the office requires, is `ineligible-holder` (an
//! election while barred or of the wrong class is `bar_tests.rs`, `class_tests.rs`).

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

/// The association's statute with a bar from office for at most two years.
fn statute() -> String {
    format!(
        r#"{STATUTE}
[[version.article]]
number = "12"
text = "The board may bar a member from office for up to two years."

[[version.penalty]]
id = "bar"
name = "bar from office"
effect = "barred-from-office"
longest = "2 years"
article = "12"
"#
    )
}

/// Bob, on the board since 1 March 2021, barred on 1 May 2021; then `after`.
fn held(after: &str, day: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        r#"{BOARD}
[[event]]
id = "bob-barred"
date = "2021-05-01"
kind = "member_disciplined"
person = "bob"
org = "assoc"
penalty = "bar"
{after}
"#
    );
    let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, day), Rule::IneligibleHolder)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn an_office_kept_through_a_bar_is_found() {
    let found = held("", "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(found[0].events[0].as_str(), "bob-barred");
    assert_eq!(found[0].events[1].as_str(), "board-2021");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("12")
    );
    assert_eq!(
        found[0].message,
        "Bob still holds a seat on Board of Directors (since 2021-03-01) but has been barred from office by the bar from office of 2021-05-01, for 2 years"
    );
    // Before the bar, and after it ends, nothing.
    assert!(held("", "2021-04-30").is_empty());
    assert!(held("", "2023-05-01").is_empty());
}

#[test]
fn an_office_given_up_when_barred_is_not_found() {
    let vacated = r#"
[[event]]
id = "bob-leaves"
date = "2021-05-01"
kind = "seat_vacated"
organ = "assoc/board"
person = "bob"
cause = "removed"
"#;
    assert!(held(vacated, "2021-12-31").is_empty());
    // With an `until`, the bar ends then.
    assert!(held("until = \"2021-10-01\"", "2021-12-31").is_empty());
    let fuzzy = held("until = \"2021-12\"", "2021-12-15");
    assert_eq!(fuzzy.len(), 1, "{fuzzy:#?}");
    assert_eq!(fuzzy[0].certainty, Truth::Possibly);
}

/// Only full-class members may be Treasurer (article 11); Ann, full, is elected on
/// 1 March 2021; then `after`.
fn class_statute() -> String {
    format!(
        r#"{}
[[version.article]]
number = "11"
text = "Only full members may be Treasurer."

[[version.membership.class]]
id = "full"
name = "full membership"

[[version.membership.class]]
id = "student"
name = "student membership"
"#,
        STATUTE.replace(
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }\neligibility = [{ requires = \"class\", class = \"full\", article = \"11\" }]",
        )
    )
}

fn treasurer_of_class(after: &str, day: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        r#"
[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "full"
class = "full"

[[event]]
id = "treasurer-2021"
date = "2021-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]
{after}
"#
    );
    let tables = build_with(&class_statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, day), Rule::IneligibleHolder)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn a_class_change_during_a_term_is_judged_as_of_its_date() {
    let changed = r#"
[[event]]
id = "ann-student"
date = "2021-06-01"
kind = "membership_class_changed"
person = "ann"
org = "assoc"
class = "student"
"#;
    assert!(treasurer_of_class(changed, "2021-05-31").is_empty());
    let found = treasurer_of_class(changed, "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].events[0].as_str(), "ann-student");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("11")
    );
    assert_eq!(
        found[0].message,
        "Ann still holds the post of Treasurer (since 2021-03-01) but has been a member of Association of the class student membership, not of the class full membership since 2021-06-01, which the statute requires of its holders"
    );
    // No change: nothing.
    assert!(treasurer_of_class("", "2021-12-31").is_empty());
}
