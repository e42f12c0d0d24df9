//! Issue 13 item 8, eligibility across organizations: "membership of the union is
//! required for the Treasurer" (`{ requires = "member", of = "union" }`), judged
//! three-valued by the other organization's register, at the election and while
//! the office is held. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, TREASURER, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

/// The association's statute with a Treasurer who must be a member of the union.
fn statute(requirement: &str) -> String {
    STATUTE.replace(
        "id = \"treasurer\"\nname = \"Treasurer\"",
        &format!("id = \"treasurer\"\nname = \"Treasurer\"\neligibility = [{requirement}]"),
    )
}

/// The union, founded beside the association, and Ann's membership of it.
const UNION: &str = r#"
[[event]]
id = "union-recorded"
date = "2019-01-01"
kind = "organization_founded"
org = "union"
name = "Allotment Union"
category = "federation"

[[event]]
id = "ann-joins-union"
date = "2019-06-01"
kind = "member_admitted"
person = "ann"
org = "union"
status = "full"
"#;

const ANN_LEAVES_UNION: &str = r#"
[[event]]
id = "ann-leaves-union"
date = "2020-12-01"
kind = "member_resigned"
person = "ann"
org = "union"
"#;

fn ineligible(requirement: &str, events: &str, at: &str) -> Vec<(String, Truth, Vec<String>)> {
    let tables = build_with(&statute(requirement), events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, at), Rule::IneligibleHolder)
        .into_iter()
        .map(|f| {
            (
                f.message.clone(),
                f.certainty,
                f.events.iter().map(ToString::to_string).collect(),
            )
        })
        .collect()
}

const MEMBER_OF_UNION: &str = r#"{ requires = "member", of = "union" }"#;

#[test]
fn a_member_of_the_other_organization_is_eligible() {
    let events = format!("{UNION}{TREASURER}");
    assert!(ineligible(MEMBER_OF_UNION, &events, "2021-06-01").is_empty());
}

#[test]
fn a_former_member_of_the_other_organization_is_flagged_at_the_election() {
    let events = format!("{UNION}{ANN_LEAVES_UNION}{TREASURER}");
    let found = ineligible(MEMBER_OF_UNION, &events, "2021-06-01");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].0.contains(
            "Ann takes the post of Treasurer but is no longer a member of Allotment Union"
        ),
        "{}",
        found[0].0
    );
    assert_eq!(found[0].1, Truth::Definitely);
}

#[test]
fn full_membership_of_the_other_organization_excludes_a_candidate() {
    let candidate = UNION.replace("status = \"full\"", "status = \"candidate\"");
    let events = format!("{candidate}{TREASURER}");
    let found = ineligible(
        r#"{ requires = "full-member", of = "union" }"#,
        &events,
        "2021-06-01",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .0
            .contains("is only a candidate member of Allotment Union"),
        "{}",
        found[0].0
    );
    // Any membership is enough where the statute asks for no more.
    assert!(
        ineligible(
            MEMBER_OF_UNION,
            &format!("{candidate}{TREASURER}"),
            "2021-06-01"
        )
        .is_empty()
    );
}

#[test]
fn where_the_other_register_is_silent_the_standing_is_unknown() {
    // The union keeps no register at all: not judged.
    let founded_only = UNION
        .split("[[event]]\nid = \"ann-joins-union\"")
        .next()
        .unwrap();
    assert!(
        ineligible(
            MEMBER_OF_UNION,
            &format!("{founded_only}{TREASURER}"),
            "2021-06-01"
        )
        .is_empty()
    );
    // The union keeps one, but never mentions Ann (only Bob): unknown, not a breach.
    let bob_only = UNION.replace("person = \"ann\"", "person = \"bob\"");
    assert!(
        ineligible(
            MEMBER_OF_UNION,
            &format!("{bob_only}{TREASURER}"),
            "2021-06-01"
        )
        .is_empty()
    );
}

#[test]
fn leaving_the_other_organization_while_in_office_is_flagged_as_of_a_date() {
    let resigns = ANN_LEAVES_UNION.replace("2020-12-01", "2021-05-01");
    let events = format!("{UNION}{TREASURER}{resigns}");
    // Before she left, nothing; after, she still holds the post unlawfully.
    assert!(ineligible(MEMBER_OF_UNION, &events, "2021-04-01").is_empty());
    let found = ineligible(MEMBER_OF_UNION, &events, "2021-06-01");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].0.contains("Ann still holds the post of Treasurer (since 2021-03-01) but has not been a member of Allotment Union since 2021-05-01"),
        "{}",
        found[0].0
    );
    assert!(
        found[0].2.contains(&"ann-leaves-union".to_owned()),
        "{:?}",
        found[0].2
    );
}

#[test]
fn a_bad_requirement_of_another_organization_is_refused_at_its_field() {
    for (bad, message) in [
        (
            r#"{ requires = "seat", organ = "board", of = "union" }"#,
            "`of` goes only with `requires = \"member\"`",
        ),
        (
            r#"{ requires = "member", of = "union", for_at_least = "2 years" }"#,
            "`for_at_least` does not go with `of`",
        ),
        (
            r#"{ requires = "member", of = "no such org" }"#,
            "no such org",
        ),
        (r#"{ requires = "member", off = "union" }"#, "off"),
    ] {
        let text = statute(bad);
        let err = crate::statute::read(&text).unwrap_err();
        let line = text.lines().position(|l| l.contains(bad)).unwrap() + 1;
        assert_eq!(err.line, line, "{bad}: {}", err.message);
        assert!(err.column > 1, "{bad}: column {}", err.column);
        assert!(err.message.contains(message), "{bad}: {}", err.message);
    }
}

#[test]
fn statute_check_tells_the_requirement_of_another_organization() {
    let document = crate::statute::read(&statute(MEMBER_OF_UNION)).unwrap();
    let clauses = crate::statute::clauses(&document);
    let words: Vec<String> = clauses.iter().map(|c| c.rule.clone()).collect();
    assert!(
        words
            .iter()
            .any(|w| w.contains("must be a member of union (another organization")),
        "{words:?}"
    );
}
