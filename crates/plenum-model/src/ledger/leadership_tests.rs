//! Issue 14, leadership between organs: an organ that works under the leadership
//! of others (`led_by`, with `parent:KEY` in a template) and the principle that
//! lower-level organizations defer to higher-level ones (`[version.leadership]
//! higher_levels = true`), judged on a `motion_decided` that `revises` an earlier
//! decision (`revised-from-below`). Each test is data: a statute and a history in,
//! findings out.

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// A union: the congress leads the executive, which leads its office and the audit
/// committee; each region's audit committee is led by the regional council and the
/// national audit committee, each district's by its council and the region's.
const STATUTE: &str = r#"
organization = "union"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "10"
text = "Lower-level organizations defer to higher-level organizations."

[[version.article]]
number = "22"
text = "The National Executive carries out the resolutions of the Congress."

[[version.article]]
number = "23"
text = "The Office is the working body of the National Executive."

[[version.article]]
number = "45"
text = "Audit committees work under the leadership of the executive at their level and of the audit committee at the next level up."

[version.leadership]
higher_levels = true
article = "10"

[[version.organ]]
id = "congress"
name = "Congress"
elected_by = { by = "members" }

[[version.organ]]
id = "executive"
name = "National Executive"
elected_by = { by = "congress" }
led_by = { organs = ["congress"], article = "22" }

[[version.organ]]
id = "office"
name = "Office"
elected_by = { by = "executive" }
led_by = { organs = ["executive"], article = "23" }

[[version.organ]]
id = "audit"
name = "National Audit Committee"
elected_by = { by = "congress" }
led_by = { organs = ["executive"], article = "45" }

[[version.subordinate]]
category = "region"
name = "region"

[[version.subordinate.organ]]
id = "council"
name = "Regional Council"
elected_by = { by = "members" }

[[version.subordinate.organ]]
id = "audit"
name = "Regional Audit Committee"
elected_by = { by = "members" }
led_by = { organs = ["council", "parent:audit"], article = "45" }

[[version.subordinate]]
category = "district"
name = "district"

[[version.subordinate.organ]]
id = "council"
name = "District Council"
elected_by = { by = "members" }

[[version.subordinate.organ]]
id = "audit"
name = "District Audit Committee"
elected_by = { by = "members" }
led_by = { organs = ["council", "parent:audit"], article = "45" }
"#;

/// The statute without the higher-level principle.
fn without_principle() -> String {
    STATUTE.replace(
        "[version.leadership]\nhigher_levels = true\narticle = \"10\"\n",
        "",
    )
}

/// The union, Region One under it and District One under the region, with their
/// organs.
const ORGS: &str = r#"
[[event]]
id = "union-founded"
date = "2020-01-01"
kind = "organization_founded"
org = "union"
name = "Union"

[[event]]
id = "region-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "region-1"
name = "Region One"
parent = "union"
category = "region"

[[event]]
id = "district-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "district-1"
name = "District One"
parent = "region-1"
category = "district"

[[event]]
id = "region-council"
date = "2020-02-01"
kind = "organ_established"
organ = "region-1/council"
name = "Council of Region One"

[[event]]
id = "region-audit"
date = "2020-02-01"
kind = "organ_established"
organ = "region-1/audit"
name = "Audit Committee of Region One"

[[event]]
id = "district-council"
date = "2020-02-01"
kind = "organ_established"
organ = "district-1/council"
name = "Council of District One"

[[event]]
id = "district-audit"
date = "2020-02-01"
kind = "organ_established"
organ = "district-1/audit"
name = "Audit Committee of District One"
"#;

/// A meeting of `organ` on `day` deciding `id` (`outcome`), revising `revises`
/// (none if empty).
fn decided(id: &str, organ: &str, day: &str, outcome: &str, revises: &str) -> String {
    let revises = if revises.is_empty() {
        String::new()
    } else {
        format!("revises = \"{revises}\"\n")
    };
    format!(
        "\n[[event]]\nid = \"{id}-sits\"\ndate = \"{day}\"\nkind = \"meeting_held\"\nmeeting = \"{id}-meeting\"\norgan = \"{organ}\"\n\n[[event]]\nid = \"{id}\"\ndate = \"{day}\"\nkind = \"motion_decided\"\nmeeting = \"{id}-meeting\"\ntext = \"Motion {id}\"\nvotes = {{ for = 5, against = 0 }}\noutcome = \"{outcome}\"\n{revises}"
    )
}

/// `leader` decides on 2021-03-01; `revising` revises it on 2021-06-01.
fn revision(leader: &str, revising: &str) -> String {
    let mut out = ORGS.to_owned();
    out += &decided("first", leader, "2021-03-01", "carried", "");
    out += &decided("second", revising, "2021-06-01", "carried", "first");
    out
}

fn build(statute: &str, events: &str) -> Result<Tables, RecordError> {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(events));
    replay(&batch)
}

fn found(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::RevisedFromBelow)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

/// The one finding of `statute` and `events`, with the article it cites.
fn one(statute: &str, events: &str) -> (String, Option<String>, Truth) {
    let f = found(statute, events);
    assert_eq!(f.len(), 1, "{f:#?}");
    (
        f[0].message.clone(),
        article(&f[0]).map(str::to_owned),
        f[0].certainty,
    )
}

#[test]
fn a_leader_revising_a_led_organ_or_an_organ_its_own_decision_is_lawful() {
    for (leader, revising) in [
        ("union/office", "union/executive"),
        ("union/executive", "union/congress"),
        ("union/office", "union/congress"),
        ("union/office", "union/office"),
        // No relation declared between the two: the statute is silent.
        ("union/office", "union/audit"),
        ("union/audit", "union/office"),
        // A region's council over its audit committee; the union over the region.
        ("region-1/audit", "region-1/council"),
        ("region-1/council", "union/office"),
        ("district-1/council", "region-1/audit"),
    ] {
        let f = found(STATUTE, &revision(leader, revising));
        assert!(f.is_empty(), "{revising} revising {leader}: {f:#?}");
    }
}

#[test]
fn an_organ_revising_a_decision_of_an_organ_that_leads_it_is_found() {
    let (message, article, certainty) = one(STATUTE, &revision("union/executive", "union/office"));
    assert_eq!(
        message,
        "Office's decision \"Motion second\" revises a decision of National Executive (`first`, 2021-03-01), which leads it (Article 23)"
    );
    assert_eq!(article.as_deref(), Some("23"));
    assert_eq!(certainty, Truth::Definitely);
    let (message, article, _) = one(STATUTE, &revision("union/congress", "union/executive"));
    assert!(
        message.ends_with("which leads it (Article 22)"),
        "{message}"
    );
    assert_eq!(article.as_deref(), Some("22"));
}

#[test]
fn leadership_through_another_organ_is_found_citing_the_revising_organ_s_clause() {
    let (message, article, _) = one(STATUTE, &revision("union/congress", "union/office"));
    assert_eq!(
        message,
        "Office's decision \"Motion second\" revises a decision of Congress (`first`, 2021-03-01), which leads it through National Executive (Articles 22 and 23)"
    );
    assert_eq!(article.as_deref(), Some("23"));
}

#[test]
fn a_template_s_parent_organ_leads_as_its_clause_says() {
    let statute = without_principle();
    for (leader, revising, through) in [
        ("region-1/council", "region-1/audit", ""),
        ("union/audit", "region-1/audit", ""),
        ("region-1/audit", "district-1/audit", ""),
        // Two levels up, through the region's audit committee.
        (
            "union/audit",
            "district-1/audit",
            " through Audit Committee of Region One",
        ),
        // The national audit committee's own leader, the executive.
        (
            "union/executive",
            "region-1/audit",
            " through National Audit Committee",
        ),
    ] {
        let (message, article, _) = one(&statute, &revision(leader, revising));
        assert!(
            message.contains(&format!("which leads it{through} (Article")),
            "{revising} revising {leader}: {message}"
        );
        assert_eq!(article.as_deref(), Some("45"), "{message}");
    }
    // The council is led by nothing: without the principle, nothing above it leads it.
    let f = found(&statute, &revision("union/executive", "region-1/council"));
    assert!(f.is_empty(), "{f:#?}");
}

#[test]
fn the_higher_level_principle_makes_every_organ_above_lead_every_organ_below() {
    for (leader, revising) in [
        ("union/executive", "region-1/council"),
        ("union/office", "district-1/council"),
        ("region-1/council", "district-1/council"),
        ("region-1/audit", "district-1/council"),
    ] {
        let (message, article, _) = one(STATUTE, &revision(leader, revising));
        assert_eq!(article.as_deref(), Some("10"), "{message}");
        assert!(
            message
                .contains("and lower-level organizations defer to higher-level ones (Article 10)"),
            "{message}"
        );
    }
    let (message, _, _) = one(STATUTE, &revision("union/congress", "district-1/council"));
    assert!(
        message.ends_with(
            "which leads it: District One is below Union, and lower-level organizations defer to higher-level ones (Article 10)"
        ),
        "{message}"
    );
    // A clause of the organ's own is named before the principle.
    let (_, article, _) = one(STATUTE, &revision("union/audit", "region-1/audit"));
    assert_eq!(article.as_deref(), Some("45"));
}

#[test]
fn decisions_not_carried_or_dated_later_are_not_judged_and_uncertain_order_is_possible() {
    let mut events = ORGS.to_owned();
    events += &decided("first", "union/executive", "2021-03-01", "carried", "");
    events += &decided("second", "union/office", "2021-06-01", "defeated", "first");
    assert!(found(STATUTE, &events).is_empty());
    let mut events = ORGS.to_owned();
    events += &decided("first", "union/executive", "2021-03-01", "defeated", "");
    events += &decided("second", "union/office", "2021-06-01", "carried", "first");
    assert!(found(STATUTE, &events).is_empty());
    // The decision revised dated only by its month, the revision within it.
    let mut events = ORGS.to_owned();
    events += &decided("first", "union/executive", "2021-06", "carried", "");
    events += &decided("second", "union/office", "2021-06-15", "carried", "first");
    let (_, _, certainty) = one(STATUTE, &events);
    assert_eq!(certainty, Truth::Possibly);
    // Dated after the revision: not yet known when the revision is judged.
    let mut events = ORGS.to_owned();
    events += &decided("first", "union/executive", "2021-09-01", "carried", "");
    events += &decided("second", "union/office", "2021-06-01", "carried", "first");
    assert!(found(STATUTE, &events).is_empty());
}

#[test]
fn a_revision_taken_jointly_with_the_organ_revised_is_not_judged() {
    let mut events = revision("union/executive", "union/office");
    events = events.replace(
        "organ = \"union/office\"\n",
        "organ = \"union/office\"\njoint_with = [\"union/executive\"]\n",
    );
    assert!(found(STATUTE, &events).is_empty());
}

#[test]
fn led_by_and_leadership_are_refused_where_wrong() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [\"senate\"], article = \"23\" }",
            "unknown organ `senate`",
        ),
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [\"office\"], article = \"23\" }",
            "organ `office` is led by itself",
        ),
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [], article = \"23\" }",
            "`led_by.organs` is empty",
        ),
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [\"executive\", \"executive\"], article = \"23\" }",
            "names `executive` twice",
        ),
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [\"members\"], article = \"23\" }",
            "`led_by.organs` names the organ whose decision it defers to",
        ),
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [\"parent:executive\"], article = \"23\" }",
            "only the organs and posts of a `[[version.subordinate]]` may use it",
        ),
        (
            "led_by = { organs = [\"executive\"], article = \"23\" }",
            "led_by = { organs = [\"executive\"], article = \"99\" }",
            "article 99 is not defined",
        ),
        (
            "led_by = { organs = [\"congress\"], article = \"22\" }",
            "led_by = { organs = [\"office\"], article = \"22\" }",
            "organs that lead one another in a circle: `executive` is led by `office` is led by `executive`",
        ),
        (
            "led_by = { organs = [\"council\", \"parent:audit\"], article = \"45\" }",
            "led_by = { organs = [\"parent:audit\", \"chamber\"], article = \"45\" }",
            "unknown organ `chamber`",
        ),
        (
            "higher_levels = true",
            "higher_levels = false",
            "`leadership.higher_levels = false` says nothing",
        ),
        (
            "higher_levels = true",
            "higher_levels = true\nlower = true",
            "unknown field `lower`",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(STATUTE.contains(from), "case does not apply: {from}");
        let text = STATUTE.replacen(from, to, 1);
        let err = crate::statute::read(&text).expect_err(to);
        let shown = err.to_string();
        assert!(
            shown.contains(expected),
            "for `{to}`:\n  expected {expected}\n  got      {shown}"
        );
        let at = STATUTE.find(from).unwrap();
        let (line, _) = crate::source::line_col(&text, at);
        assert!(
            (line..=line + 1).contains(&err.line),
            "line of `{to}`: {shown}"
        );
        assert!(err.column >= 1, "{shown}");
    }
    // The principle reaches only organizations the version's templates govern.
    let flat = STATUTE[..STATUTE.find("[[version.subordinate]]").unwrap()].to_owned();
    let err = crate::statute::read(&flat).expect_err("no templates");
    assert!(
        err.to_string().contains("has no `[[version.subordinate]]`"),
        "{err}"
    );
}

#[test]
fn revises_must_name_an_earlier_decision() {
    for (revises, says) in [
        ("first-sits", "a decision must be a motion_decided event"),
        ("nothing", "unknown decision `nothing`"),
        ("second", "unknown decision `second`"),
    ] {
        let mut events = ORGS.to_owned();
        events += &decided("first", "union/executive", "2021-03-01", "carried", "");
        events += &decided("second", "union/office", "2021-06-01", "carried", revises);
        let err = build(STATUTE, &events)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(says), "{revises}: {err}");
    }
}

#[test]
fn statute_check_lists_the_clauses() {
    let doc = crate::statute::read(STATUTE).unwrap();
    let clauses = crate::statute::clauses(&doc);
    assert!(clauses.iter().any(|c| {
        c.field == "led_by"
            && c.subject == "Office"
            && c.rule
                .contains("under the leadership of National Executive")
            && c.checked_by == Some("revised-from-below")
            && c.article.as_deref() == Some("23")
    }));
    assert!(clauses.iter().any(|c| {
        c.field == "led_by"
            && c.subject == "district: District Audit Committee"
            && c.rule
                .contains("District Council and the `audit` of the organization one level up")
    }));
    assert!(clauses.iter().any(|c| c.field == "leadership"
        && c.checked_by == Some("revised-from-below")
        && c.article.as_deref() == Some("10")));
}
