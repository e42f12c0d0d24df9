//! Issue 14, an applicant's age: "Any ... person ... who has reached the age of
//! eighteen ... may apply for membership" (`membership.age`), judged by the birth
//! date `person_registered` records (`born`), three-valued: a fuzzy birth date may
//! leave it open (possibly), and no birth date leaves it unknown (not judged).
//! Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const AGE: &str = r#"
[[version.article]]
number = "1"
text = "Any person who has reached the age of eighteen may apply for membership."

[version.membership]
age = { at_least = "18 years", article = "1" }
"#;

fn statute() -> String {
    STATUTE.replacen("[[version.organ]]", &format!("{AGE}\n[[version.organ]]"), 1)
}

/// Dan, born `born` (none if empty), admitted on 2021-06-01.
fn under_age(born: &str) -> Vec<FindingLine> {
    let born = if born.is_empty() {
        String::new()
    } else {
        format!("born = \"{born}\"")
    };
    let events = format!(
        r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"
{born}

[[event]]
id = "adm-dan"
date = "2021-06-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "full"
"#
    );
    let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::UnderAge)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn an_applicant_under_the_age_is_found_citing_the_article() {
    let found = under_age("2004-01-15");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert!(
        found[0]
            .message
            .contains("Dan was admitted to Association on 2021-06-01, born 2004-01-15: the statute requires the age of 18 years, reached on 2022-01-15"),
        "{}",
        found[0].message
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("1")
    );
}

#[test]
fn an_applicant_of_age_or_of_unknown_age_passes() {
    assert!(under_age("2003-06-01").is_empty(), "eighteen that day");
    assert!(under_age("1990").is_empty());
    assert!(under_age("").is_empty(), "no birth date: not judged");
}

#[test]
fn a_fuzzy_birth_date_may_leave_it_open() {
    // Born some day in 2003: eighteen on the day, or not yet.
    let found = under_age("2003");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Possibly);
    assert!(
        found[0]
            .message
            .contains("reached between 2021-01-01 and 2021-12-31"),
        "{}",
        found[0].message
    );
}

#[test]
fn an_age_is_refused_at_line_and_column() {
    let refused = |to: &str, says: &str| {
        let text = statute().replacen("age = { at_least = \"18 years\"", to, 1);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(to).unwrap_or_else(|| panic!("{to}"));
        assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
    };
    refused("age = { at_least = \"eighteen\"", "eighteen");
    refused("age = { least = \"18 years\"", "unknown field `least`");
}
