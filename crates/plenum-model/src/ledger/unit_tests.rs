//! Issue 14, a member's unit (`membership.unit`: "every Party member ... must join a
//! branch, group, or other given unit of the Party"): a member placed in an
//! organization that is not, on the day, an existing unit of the clause's categories
//! under the organization, and a unit dissolved with members still in it, are
//! `unit-missing`. Each test is data: a statute and a history in, findings out; a bad
//! clause is refused at line and column.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

const UNIT: &str = r#"
[[version.article]]
number = "8"
text = "Every member must join a branch of the Association."

[[version.subordinate]]
category = "branch"
name = "Branch"

[[version.subordinate]]
category = "region"
name = "Region"

[[version.subordinate.post]]
id = "coordinator"
name = "Regional Coordinator"
elected_by = { by = "parent:board" }

[version.membership]
unit = { categories = ["branch"], article = "8" }
"#;

fn statute() -> String {
    format!("{STATUTE}{UNIT}")
}

/// Two branches and a region under the association, and a branch of another body.
const ORGS: &str = r#"
[[event]]
id = "found-branch-1"
date = "2020-01-01"
kind = "organization_founded"
org = "branch-1"
name = "First Branch"
parent = "assoc"
category = "branch"

[[event]]
id = "found-branch-2"
date = "2020-01-01"
kind = "organization_founded"
org = "branch-2"
name = "Second Branch"
parent = "assoc"
category = "branch"

[[event]]
id = "found-region"
date = "2020-01-01"
kind = "organization_founded"
org = "north"
name = "Northern Region"
parent = "assoc"
category = "region"

[[event]]
id = "found-office"
date = "2020-01-01"
kind = "organization_founded"
org = "office"
name = "Head Office"
parent = "assoc"

[[event]]
id = "found-other"
date = "2020-01-01"
kind = "organization_founded"
org = "other"
name = "Other Union"

[[event]]
id = "found-other-branch"
date = "2020-01-01"
kind = "organization_founded"
org = "other-branch"
name = "Other Union Branch"
parent = "other"
category = "branch"
"#;

fn admit(id: &str, person: &str, date: &str, unit: Option<&str>) -> String {
    let unit = unit.map_or_else(String::new, |u| format!("unit = \"{u}\"\n"));
    format!(
        r#"
[[event]]
id = "{id}"
date = "{date}"
kind = "member_admitted"
person = "{person}"
org = "assoc"
{unit}"#
    )
}

fn transfer(id: &str, person: &str, date: &str, unit: &str) -> String {
    format!(
        r#"
[[event]]
id = "{id}"
date = "{date}"
kind = "member_transferred"
person = "{person}"
org = "assoc"
unit = "{unit}"
"#
    )
}

fn dissolve(org: &str, date: &str) -> String {
    format!(
        r#"
[[event]]
id = "dissolve-{org}"
date = "{date}"
kind = "organization_dissolved"
org = "{org}"
"#
    )
}

fn judged(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!("{ORGS}{events}");
    let tables = build_with(statute, &events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2022-12-31")
}

#[test]
fn r14_a_member_placed_in_a_region_or_another_bodys_branch_is_found() {
    let found = judged(
        &statute(),
        &[
            admit("adm-ann", "ann", "2020-02-01", Some("north")),
            admit("adm-bob", "bob", "2020-02-01", Some("other-branch")),
            admit("adm-cat", "cat", "2020-02-01", Some("branch-1")),
        ]
        .concat(),
    );
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 2, "{found:#?}");
    assert_eq!(
        missing[0].message,
        "Ann is placed in Northern Region as their unit in Association, but it is a `region` organization; the statute's unit is a `branch` organization under Association"
    );
    assert_eq!(
        missing[1].message,
        "Bob is placed in Other Union Branch as their unit in Association, but it is not under Association; the statute's unit is a `branch` organization under Association"
    );
    for m in &missing {
        assert_eq!(m.certainty, Truth::Definitely);
        assert_eq!(m.citation.as_ref().unwrap().article.as_deref(), Some("8"));
    }
}

#[test]
fn r14_a_member_placed_in_the_organization_itself_or_a_body_of_no_category() {
    let found = judged(
        &statute(),
        &[
            admit("adm-ann", "ann", "2020-02-01", Some("assoc")),
            admit("adm-bob", "bob", "2020-02-01", Some("office")),
        ]
        .concat(),
    );
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 2, "{found:#?}");
    assert_eq!(
        missing[0].message,
        "Ann is placed in Association as their unit in Association, but it is not under Association; the statute's unit is a `branch` organization under Association"
    );
    assert_eq!(missing[0].certainty, Truth::Definitely);
    // What the Head Office is, the record does not say: possibly no unit.
    assert_eq!(
        missing[1].message,
        "Bob is placed in Head Office as their unit in Association, but the record gives it no category; the statute's unit is a `branch` organization under Association"
    );
    assert_eq!(missing[1].certainty, Truth::Possibly);
}

#[test]
fn r14_a_transfer_to_a_dissolved_branch_is_found_possibly_when_fuzzy() {
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        dissolve("branch-2", "2020-06-01"),
        transfer("tr-ann", "ann", "2020-07-01", "branch-2"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(
        missing[0].message,
        "Ann is placed in Second Branch as their unit in Association, but it was dissolved on 2020-06-01; the statute's unit is a `branch` organization under Association"
    );
    assert_eq!(missing[0].certainty, Truth::Definitely);
    // Dissolved some day of June, transferred on 15 June: possibly.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        dissolve("branch-2", "2020-06"),
        transfer("tr-ann", "ann", "2020-06-15", "branch-2"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].certainty, Truth::Possibly);
    // A dissolution the record dates uncertainly: possibly.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        dissolve("branch-2", "2020-06-01?"),
        transfer("tr-ann", "ann", "2020-07-01", "branch-2"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].certainty, Truth::Possibly);
}

#[test]
fn r14_a_branch_dissolved_with_a_member_still_in_it_is_found() {
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        admit("adm-bob", "bob", "2020-02-01", Some("branch-1")),
        // Cat's unit is not recorded: not judged.
        admit("adm-cat", "cat", "2020-02-01", None),
        transfer("tr-bob", "bob", "2020-05-01", "branch-2"),
        dissolve("branch-1", "2020-06-01"),
        // Too late: the day of the dissolution is not cured.
        transfer("tr-ann", "ann", "2020-06-10", "branch-2"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(
        missing[0].message,
        "First Branch is dissolved on 2020-06-01 while it is the unit of Ann in Association, who is left without a unit: the record transfers them nowhere on or before that day"
    );
    assert_eq!(missing[0].certainty, Truth::Definitely);
    assert_eq!(
        missing[0].citation.as_ref().unwrap().article.as_deref(),
        Some("8")
    );
    assert!(
        missing[0].events.iter().any(|e| e.as_str() == "adm-ann"),
        "{missing:#?}"
    );
}

#[test]
fn r14_members_transferred_first_or_gone_leave_a_branch_dissolved_lawfully() {
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        admit("adm-bob", "bob", "2020-02-01", Some("branch-1")),
        // Transferred the same day, recorded before the dissolution.
        transfer("tr-ann", "ann", "2020-06-01", "branch-2"),
        r#"
[[event]]
id = "bob-resigns"
date = "2020-05-01"
kind = "member_resigned"
person = "bob"
org = "assoc"
"#
        .to_owned(),
        dissolve("branch-1", "2020-06-01"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    assert!(of_rule(&found, Rule::UnitMissing).is_empty(), "{found:#?}");
    // A member readmitted with no unit recorded: the old placement is not theirs.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        r#"
[[event]]
id = "ann-resigns"
date = "2020-03-01"
kind = "member_resigned"
person = "ann"
org = "assoc"
"#
        .to_owned(),
        admit("readm-ann", "ann", "2020-04-01", None),
        dissolve("branch-1", "2020-06-01"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    assert!(of_rule(&found, Rule::UnitMissing).is_empty(), "{found:#?}");
    // Without the clause, nothing is judged.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("north")),
        dissolve("north", "2020-06-01"),
    ]
    .concat();
    let found = judged(STATUTE, &events);
    assert!(of_rule(&found, Rule::UnitMissing).is_empty(), "{found:#?}");
}

#[test]
fn r14_a_fuzzy_dissolution_possibly_leaves_members_without_a_unit() {
    let left = "First Branch is dissolved on 2020-06 while it is the unit of Ann in Association, who is left without a unit: the record transfers them nowhere on or before that day";
    // Dissolved some day of June: a transfer the record dates in June may have come
    // first, so Ann, still in it, is possibly left without a unit.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        dissolve("branch-1", "2020-06"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].message, left);
    assert_eq!(missing[0].certainty, Truth::Possibly);
    // Transferred some day of June, the branch dissolved on 10 June: the transfer may
    // have come after it.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        transfer("tr-ann", "ann", "2020-06", "branch-2"),
        dissolve("branch-1", "2020-06-10"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].message, left.replace("2020-06", "2020-06-10"));
    assert_eq!(missing[0].certainty, Truth::Possibly);
    // Dissolved on a day the record marks uncertain: possibly.
    let events = [
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        dissolve("branch-1", "2020-06-10?"),
    ]
    .concat();
    let found = judged(&statute(), &events);
    let missing = of_rule(&found, Rule::UnitMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].certainty, Truth::Possibly);
}

#[test]
fn r14_a_transfer_of_a_non_member_is_not_held() {
    let found = judged(
        &statute(),
        &transfer("tr-ann", "ann", "2020-07-01", "branch-2"),
    );
    let not_held = of_rule(&found, Rule::NotHeld);
    assert_eq!(not_held.len(), 1, "{found:#?}");
    assert_eq!(
        not_held[0].message,
        "Ann is transferred to Second Branch, but the record does not show them a member of Association on 2020-07-01"
    );
    assert!(of_rule(&found, Rule::UnitMissing).is_empty(), "{found:#?}");
}

#[test]
fn r14_the_unit_clause_is_refused_at_line_and_column() {
    for (bad, anchor, expected) in [
        (
            "categories = [\"branch\", \"cell\"]",
            "\"cell\"",
            "`unit.categories` names categories of subordinate organizations; `cell` is not one: the version's are `branch`, `region`",
        ),
        ("categories = []", "[]", "`unit.categories` is empty"),
        (
            "categories = [\"branch\", \"branch\"]",
            "\"branch\"]",
            "the category `branch` is listed twice",
        ),
    ] {
        let text = statute().replace("categories = [\"branch\"]", bad);
        let err = crate::statute::read(&text).expect_err(bad);
        assert!(err.to_string().contains(expected), "{err}");
        let at = text.rfind(anchor).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    }
    // `statute check` lists the clause with its rule.
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        crate::statute::clauses(&doc)
            .iter()
            .any(|c| c.checked_by == Some("unit-missing") && c.article.as_deref() == Some("8"))
    );
}

#[test]
fn r14_at_gives_each_members_unit_and_none_after_a_readmission_without_one() {
    let events = [
        ORGS.to_owned(),
        admit("adm-ann", "ann", "2020-02-01", Some("branch-1")),
        admit("adm-bob", "bob", "2020-02-01", Some("branch-1")),
        transfer("tr-bob", "bob", "2020-05-01", "branch-2"),
        r#"
[[event]]
id = "ann-resigns"
date = "2020-03-01"
kind = "member_resigned"
person = "ann"
org = "assoc"
"#
        .to_owned(),
        admit("readm-ann", "ann", "2020-04-01", None),
    ]
    .concat();
    let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    let units = |date: &str| {
        let date: crate::date::FuzzyDate = date.parse().unwrap();
        let report = crate::query::at::at(&tables, &date, "assoc", None).unwrap();
        let mut units: Vec<(String, Option<String>)> = report
            .members
            .iter()
            .map(|m| (m.id.clone(), m.unit.as_ref().map(|u| u.name.clone())))
            .collect();
        units.sort();
        units
    };
    let unit = |name: &str| Some(name.to_owned());
    assert_eq!(
        units("2020-02-15"),
        [
            ("ann".to_owned(), unit("First Branch")),
            ("bob".to_owned(), unit("First Branch"))
        ]
    );
    assert_eq!(
        units("2020-06-01"),
        [
            ("ann".to_owned(), None),
            ("bob".to_owned(), unit("Second Branch"))
        ]
    );
}
