//! Issue 14, candidate membership: how long a candidacy may last, its extension
//! within the statute's limit, and what a probation that ran out leaves. Each test
//! is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The association's statute with a probation of a year, extensible by six months.
fn candidacy_statute(extension: &str) -> String {
    format!(
        r#"{STATUTE}
[version.membership]
probation = {{ length = "1 year"{extension}, article = "9" }}
"#
    )
}

/// Cat admitted as a candidate on 1 March 2020, then `events`.
fn candidacy(extension: &str, events: &str) -> crate::ledger::Tables {
    let events = format!(
        r#"
[[event]]
id = "adm-cat"
date = "2020-03-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "candidate"
{events}"#
    );
    build_with(&candidacy_statute(extension), &events).unwrap_or_else(|e| panic!("{e}"))
}

const EXTENSION: &str = ", extension = \"6 months\"";

fn extended(date: &str, until: &str) -> String {
    format!(
        r#"
[[event]]
id = "cat-extended"
date = "{date}"
kind = "candidacy_extended"
person = "cat"
org = "assoc"
until = "{until}"
"#
    )
}

const PROMOTED: &str = r#"
[[event]]
id = "cat-promoted"
date = "2021-07-01"
kind = "member_promoted"
person = "cat"
org = "assoc"
"#;

fn too_long(tables: &crate::ledger::Tables, day: &str) -> Vec<String> {
    of_rule(&findings(tables, day), Rule::StatusTooLong)
        .into_iter()
        .map(|f| format!("{} {}", f.events[0], f.message))
        .collect()
}

#[test]
fn r14_a_candidacy_extended_within_the_statute_may_outlast_the_probation() {
    let events = format!("{}{PROMOTED}", extended("2021-02-01", "2021-08-01"));
    assert_eq!(
        too_long(&candidacy(EXTENSION, &events), "2021-12-31"),
        Vec::<String>::new()
    );
    // Still a candidate within the extension: not yet too long; after it, too long.
    let tables = candidacy(EXTENSION, &extended("2021-02-01", "2021-08-01"));
    assert_eq!(too_long(&tables, "2021-08-15"), Vec::<String>::new());
    assert_eq!(
        too_long(&tables, "2021-09-02"),
        [
            "adm-cat Cat has been a candidate member of Association since 2020-03-01, beyond the 1 year probation and its extension of 6 months the statute allows (it ended 2021-09-01)"
        ]
    );
}

#[test]
fn r14_a_candidacy_extended_beyond_the_extension_allowed_is_status_too_long() {
    let tables = candidacy(EXTENSION, &extended("2021-02-01", "2021-10-01"));
    assert_eq!(
        too_long(&tables, "2021-06-01"),
        [
            "cat-extended Cat is a candidate member of Association from 2020-03-01, extended until 2021-10-01, beyond the 1 year probation and its extension of 6 months (it ends 2021-09-01)"
        ]
    );
    // Without an extension in the statute, any extension beyond the probation is.
    let tables = candidacy("", &extended("2021-02-01", "2021-04-01"));
    let found = too_long(&tables, "2021-03-15");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("which the statute does not extend"),
        "{found:?}"
    );
}

#[test]
fn r14_an_extension_or_end_after_the_probation_ran_out_is_status_too_long() {
    let tables = candidacy(EXTENSION, &extended("2021-04-01", "2021-08-01"));
    let found = too_long(&tables, "2021-06-01");
    assert_eq!(
        found,
        [
            "cat-extended Cat was a candidate member of Association from 2020-03-01 until 2021-04-01, beyond the 1 year probation the statute allows (it ended 2021-03-01)"
        ]
    );
    let ended = r#"
[[event]]
id = "cat-ended"
date = "2021-02-01"
kind = "candidacy_ended"
person = "cat"
org = "assoc"
"#;
    let tables = candidacy(EXTENSION, ended);
    assert_eq!(too_long(&tables, "2021-12-31"), Vec::<String>::new());
    let late = candidacy(EXTENSION, &ended.replace("2021-02-01", "2021-05-01"));
    assert_eq!(too_long(&late, "2021-12-31").len(), 1);
    // The membership ended with the candidacy.
    let org = crate::id::OrgId::new("assoc").unwrap();
    let day = "2021-06-01"
        .parse::<crate::date::FuzzyDate>()
        .unwrap()
        .earliest();
    let open = crate::query::Facts::members_on(&tables, &org, day, day).unwrap();
    assert!(!open.iter().any(|m| m.person.as_str() == "cat"), "{open:?}");
}
