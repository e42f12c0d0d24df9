//! Issue 14, competence that reaches the organizations under a statute
//! (`[[version.power]] subordinates = true`): "Only the Central Committee of the
//! Party has the power to make decisions on major national policies. The Party
//! organization of a department or locality ... shall not make any decision". A
//! carried decision of the category by an organ of an organization governed by a
//! template is `no-competent-decision`, unless the template gives the category to
//! organs of its own; and the key is refused where it cannot apply. Each test is
//! data: a statute and a history in, findings out.

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
number = "16"
text = "Only the Central Committee has the power to make decisions on national policies. A local organization shall not make any decision on them."

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "members" }

[[version.power]]
category = "national-policy"
by = ["cc"]
subordinates = true
article = "16"

[[version.subordinate]]
category = "local"
name = "local organization"
article = "16"

[[version.subordinate.organ]]
id = "committee"
name = "Local Committee"
elected_by = { by = "members" }
"#;

/// The party, and Local One under it, its committee declared; `organ` (`party/cc`
/// or `local-1/committee`) decides a motion of `category` on 2021-06-01.
fn decided(organ: &str, category: &str, outcome: &str) -> String {
    format!(
        r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "local-1-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "local-1"
name = "Local One"
parent = "party"
category = "local"

[[event]]
id = "local-1-committee"
date = "2020-02-01"
kind = "organ_established"
organ = "local-1/committee"
name = "Committee of Local One"

[[event]]
id = "deciding-meeting"
date = "2021-06-01"
kind = "meeting_held"
meeting = "deciding-meeting"
organ = "{organ}"

[[event]]
id = "the-decision"
date = "2021-06-01"
kind = "motion_decided"
meeting = "deciding-meeting"
text = "A policy on rural credit"
category = "{category}"
votes = {{ for = 5, against = 0 }}
outcome = "{outcome}"
"#
    )
}

fn build(statute: &str, events: &str) -> Result<Tables, RecordError> {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(events));
    replay(&batch)
}

fn found(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::NoCompetentDecision)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn the_central_committees_decision_is_lawful_and_a_local_committees_is_found() {
    assert!(found(STATUTE, &decided("party/cc", "national-policy", "carried")).is_empty());
    let local = found(
        STATUTE,
        &decided("local-1/committee", "national-policy", "carried"),
    );
    assert_eq!(local.len(), 1, "{local:#?}");
    assert_eq!(
        local[0].message,
        "the decision \"A policy on rural credit\" (`national-policy`) was taken by Committee of Local One, an organ of Local One under Party; the statute gives decisions of that category to Central Committee alone, also for the organizations under it"
    );
    assert_eq!(
        local[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("16")
    );
}

#[test]
fn without_subordinates_other_categories_or_defeated_motions_a_local_decision_is_not_judged() {
    let events = decided("local-1/committee", "national-policy", "carried");
    let plain = STATUTE.replace("subordinates = true\n", "");
    assert!(found(&plain, &events).is_empty());
    let other = decided("local-1/committee", "local-policy", "carried");
    assert!(found(STATUTE, &other).is_empty());
    let defeated = decided("local-1/committee", "national-policy", "defeated");
    assert!(found(STATUTE, &defeated).is_empty());
}

#[test]
fn a_template_giving_the_category_to_its_own_organ_judges_it_instead() {
    let statute = format!(
        "{STATUTE}\n[[version.subordinate.power]]\ncategory = \"national-policy\"\nby = [\"committee\"]\narticle = \"16\"\n"
    );
    let events = decided("local-1/committee", "national-policy", "carried");
    assert!(found(&statute, &events).is_empty());
}

#[test]
fn subordinates_is_refused_in_a_template_and_without_by() {
    let in_template = format!(
        "{STATUTE}\n[[version.subordinate.power]]\ncategory = \"local-policy\"\nby = [\"committee\"]\nsubordinates = true\narticle = \"16\"\n"
    );
    let err = build(&in_template, "")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("a template's own"), "{err}");
    assert!(err.contains("line 36"), "{err}");
    let without_by = STATUTE.replace(
        "by = [\"cc\"]\nsubordinates",
        "vote = \"required\"\nsubordinates",
    );
    let err = build(&without_by, "")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("it needs `by`"), "{err}");
    assert!(err.contains("line 20"), "{err}");
}
