//! Issue 14, a requisition counted in subordinate organizations: "a National
//! Congress may be convened early [if] more than one third of provincial-level
//! Party organizations put forward a request" (`convened_by.organizations`), judged
//! on `meeting_convened` `requested_by_organizations` against the organizations of
//! the category under the party that existed on the day (`wrong-convener`).

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "19"
text = "The Congress is convened by the Central Committee, or early if more than one third of the provincial organizations request it."

[[version.organ]]
id = "congress"
name = "Party Congress"
elected_by = { by = "members" }
convened_by = { by = ["cc"], organizations = { category = "provincial", more_than = "1/3" }, article = "19" }

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "congress" }

[[version.subordinate]]
category = "provincial"
name = "provincial organization"

[[version.subordinate.post]]
id = "secretary"
name = "Provincial Secretary"
elected_by = { by = "parent:cc" }
"#;

/// The party; three provinces and a city under it; `p-3` dissolved in 2020 when
/// `dissolve` is set.
fn organizations(dissolve: bool) -> String {
    let mut out = String::from(
        "\n[[event]]\nid = \"org\"\ndate = \"2020-01-01\"\nkind = \"organization_founded\"\norg = \"party\"\nname = \"Party\"\n",
    );
    for (org, category) in [
        ("p-1", "provincial"),
        ("p-2", "provincial"),
        ("p-3", "provincial"),
        ("city-1", "city"),
    ] {
        out += &format!(
            "\n[[event]]\nid = \"{org}-founded\"\ndate = \"2020-02-01\"\nkind = \"organization_founded\"\norg = \"{org}\"\nname = \"{org}\"\nparent = \"party\"\ncategory = \"{category}\"\n"
        );
    }
    if dissolve {
        out += "\n[[event]]\nid = \"p-3-dissolved\"\ndate = \"2020-06-01\"\nkind = \"organization_dissolved\"\norg = \"p-3\"\n";
    }
    out
}

/// `wrong-convener` findings for a congress convened on 2021-01-04 as `how` says.
fn convened(statute: &str, dissolve: bool, how: &str) -> Vec<FindingLine> {
    let events = format!(
        "{}\n[[event]]\nid = \"call\"\ndate = \"2021-01-04\"\nkind = \"meeting_convened\"\nmeeting = \"early-congress\"\norgan = \"party/congress\"\n{how}\n",
        organizations(dissolve)
    );
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(&events));
    let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-02-01"), Rule::WrongConvener)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_request_of_more_than_a_third_of_the_provinces_convenes_lawfully() {
    let found = convened(
        STATUTE,
        false,
        "requested_by_organizations = [\"p-1\", \"p-2\"]",
    );
    assert!(found.is_empty(), "{found:#?}");
    // The Central Committee convenes without any request.
    assert!(convened(STATUTE, false, "by = \"party/cc\"").is_empty());
}

#[test]
fn r14_a_request_of_a_third_or_fewer_is_wrong_convener_citing_the_clause() {
    let found = convened(STATUTE, false, "requested_by_organizations = [\"p-1\"]");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "a meeting of Party Congress was convened at the request of 1 of 3 provincial organizations; a requisition needs more than 1/3 (2 organizations)"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("19")
    );
}

#[test]
fn r14_organizations_of_another_category_do_not_count() {
    let found = convened(
        STATUTE,
        false,
        "requested_by_organizations = [\"p-1\", \"city-1\"]",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains(
            "1 of 3 provincial organizations (1 of those named is not a provincial organization under Party on the day)"
        ),
        "{}",
        found[0].message
    );
}

#[test]
fn r14_an_organization_dissolved_before_the_day_is_not_counted() {
    // p-3 dissolved: one of the two remaining provinces is half, more than a third.
    let found = convened(STATUTE, true, "requested_by_organizations = [\"p-1\"]");
    assert!(found.is_empty(), "{found:#?}");
    // A dissolved province's request does not count.
    let found = convened(STATUTE, true, "requested_by_organizations = [\"p-3\"]");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].message.contains("0 of 2"), "{}", found[0].message);
}

#[test]
fn r14_a_request_of_organizations_where_the_statute_provides_none_is_wrong_convener() {
    let statute = STATUTE.replacen(
        "organizations = { category = \"provincial\", more_than = \"1/3\" }, ",
        "",
        1,
    );
    let found = convened(
        &statute,
        false,
        "requested_by_organizations = [\"p-1\", \"p-2\", \"p-3\"]",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "a meeting of Party Congress was convened at the request of 3 organizations; the statute provides no requisition by organizations"
    );
}

#[test]
fn r14_organizations_is_refused_at_its_place_where_it_cannot_be_judged() {
    let refused = |text: String, needle: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.message.contains(says), "{err}");
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        STATUTE.replacen(
            "category = \"provincial\", more",
            "category = \"county\", more",
            1,
        ),
        "category = \"county\"",
        "`county` is not one: the version's are `provincial`",
    );
    refused(
        STATUTE.replacen(", more_than = \"1/3\" }", " }", 1),
        "organizations = {",
        "expected `at_least = \"2/3\"` or `more_than = \"1/2\"`",
    );
    refused(
        STATUTE.replacen("more_than = \"1/3\"", "more_than = \"a third\"", 1),
        "organizations = {",
        "",
    );
}

#[test]
fn r14_a_category_counted_by_a_requisition_may_be_declared_without_offices() {
    // "more than one third of the organizations at the provincial level": the
    // category is declared to be counted, with no organ or post of its own.
    let bare = STATUTE.replace(
        "\n[[version.subordinate.post]]\nid = \"secretary\"\nname = \"Provincial Secretary\"\nelected_by = { by = \"parent:cc\" }\n",
        "",
    );
    assert!(!bare.contains("Provincial Secretary"), "{bare}");
    let found = convened(
        &bare,
        false,
        "requested_by_organizations = [\"p-1\", \"p-2\"]",
    );
    assert!(found.is_empty(), "{found:#?}");
    let found = convened(&bare, false, "requested_by_organizations = [\"p-1\"]");
    assert_eq!(found.len(), 1, "{found:#?}");
    // A bare category that nothing counts is still refused.
    let uncounted = bare.replace(
        "organizations = { category = \"provincial\", more_than = \"1/3\" }, ",
        "",
    );
    let err = crate::statute::read(&uncounted).expect_err("a template with no office");
    assert!(
        err.to_string()
            .contains("subordinate `provincial` needs at least one"),
        "{err}"
    );
}
