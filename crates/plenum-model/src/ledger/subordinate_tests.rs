//! Issue 14, one statute governing subordinate organizations: a party's statute
//! gives every `branch` under it a general meeting, a committee and a secretary
//! (`[[version.subordinate]]`), and the rules judge `branch-1/committee` by that
//! template. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::rules::Rule;

pub(super) const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "30"
text = "The branch committee is elected by the general meeting of the branch for a term of three years."

[[version.article]]
number = "31"
text = "The general meeting of a branch is held at least once a year."

[[version.organ]]
id = "congress"
name = "Party Congress"
elected_by = { by = "members" }

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "congress" }

[[version.subordinate]]
category = "branch"
name = "branch"
article = "30"

[[version.subordinate.organ]]
id = "meeting"
name = "General Meeting"
elected_by = { by = "members" }
meets = { each = "year", article = "31" }

[[version.subordinate.organ]]
id = "committee"
name = "Branch Committee"
elected_by = { by = "meeting", article = "30" }
term = { length = "3 years", article = "30" }
seats = { full = 3 }

[[version.subordinate.post]]
id = "secretary"
name = "Branch Secretary"
elected_by = { by = "committee" }

[[version.subordinate.post]]
id = "organizer"
name = "Branch Organizer"
elected_by = { by = "parent:cc", article = "30" }

[[version.subordinate.post]]
id = "deputy"
name = "Deputy Secretary"
elected_by = { by = "committee", confirmed_by = "parent:cc", within = "3 months", article = "30" }
"#;

/// The party, and `branch-1` founded under it with `category` (none if empty), its
/// organs declared, and Ann, Bob and Cat.
pub(super) fn founded(category: &str) -> String {
    let category = if category.is_empty() {
        String::new()
    } else {
        format!("category = \"{category}\"")
    };
    format!(
        r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "branch-1-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "branch-1"
name = "Branch One"
parent = "party"
{category}

[[event]]
id = "branch-1-meeting"
date = "2020-02-01"
kind = "organ_established"
organ = "branch-1/meeting"
name = "General Meeting of Branch One"

[[event]]
id = "branch-1-committee"
date = "2020-02-01"
kind = "organ_established"
organ = "branch-1/committee"
name = "Committee of Branch One"

[[event]]
id = "p-ann"
date = "2020-01-01"
kind = "person_registered"
person = "ann"
name = "Ann"

[[event]]
id = "p-bob"
date = "2020-01-01"
kind = "person_registered"
person = "bob"
name = "Bob"

[[event]]
id = "p-cat"
date = "2020-01-01"
kind = "person_registered"
person = "cat"
name = "Cat"
"#
    )
}

/// The committee of `branch-1` elected on 2020-03-01 by `by`.
fn elected_by(by: &str) -> String {
    format!(
        r#"
[[event]]
id = "committee-2020"
date = "2020-03-01"
kind = "election_held"
organ = "branch-1/committee"
by = "{by}"
elected = ["ann", "bob", "cat"]
"#
    )
}

pub(super) fn build(statute: &str, events: &str) -> Tables {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(events));
    replay(&batch).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn a_branch_committee_elected_by_its_general_meeting_gives_no_finding() {
    let events = format!("{}{}", founded("branch"), elected_by("branch-1/meeting"));
    let found = findings(&build(STATUTE, &events), "2020-06-01");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_branch_committee_elected_by_another_organ_is_wrong_elector_citing_the_template() {
    let events = format!("{}{}", founded("branch"), elected_by("party/cc"));
    let found = findings(&build(STATUTE, &events), "2020-06-01");
    let wrong = of_rule(&found, Rule::WrongElector);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert!(
        wrong[0].message.contains("General Meeting of Branch One"),
        "{}",
        wrong[0].message
    );
    let citation = wrong[0].citation.as_ref().expect("a citation");
    assert_eq!(citation.article.as_deref(), Some("30"));
    assert!(
        citation
            .text
            .as_deref()
            .is_some_and(|t| t.contains("three years")),
        "{citation:?}"
    );
}

#[test]
fn an_organization_of_unknown_category_is_not_judged() {
    let events = format!("{}{}", founded(""), elected_by("party/cc"));
    let found = findings(&build(STATUTE, &events), "2020-06-01");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn an_organization_of_another_category_is_not_judged() {
    let events = format!("{}{}", founded("cell"), elected_by("party/cc"));
    let found = findings(&build(STATUTE, &events), "2020-06-01");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn the_template_reaches_down_a_chain_of_parents() {
    let events = founded("branch").replace("parent = \"party\"", "parent = \"district\"")
        + r#"
[[event]]
id = "district-founded"
date = "2020-01-15"
kind = "organization_founded"
org = "district"
name = "District"
parent = "party"
category = "district"
"# + &elected_by("party/cc");
    // The district is recorded after the branch names it: keep ledger order valid.
    let mut batch = vec![statute_event("statute", "2020-01-01", STATUTE)];
    let mut all = events_of(&events);
    let district = all
        .iter()
        .position(|e| e.id.as_str() == "district-founded")
        .unwrap();
    let d = all.remove(district);
    all.insert(1, d);
    batch.extend(all);
    let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2020-06-01");
    assert_eq!(of_rule(&found, Rule::WrongElector).len(), 1, "{found:#?}");
}

#[test]
fn the_template_s_seats_term_and_cadence_are_judged() {
    let events = format!(
        "{}{}{}",
        founded("branch"),
        elected_by("branch-1/meeting"),
        r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "seat-dan"
date = "2020-04-01"
kind = "seat_taken"
organ = "branch-1/committee"
person = "dan"
by = "branch-1/meeting"

[[event]]
id = "gm-2020"
date = "2020-05-01"
kind = "meeting_held"
meeting = "gm-2020"
organ = "branch-1/meeting"
"#
    );
    let tables = build(STATUTE, &events);
    // Four seats where three are allowed.
    let found = findings(&tables, "2020-06-01");
    assert_eq!(of_rule(&found, Rule::SeatsOverLimit).len(), 1, "{found:#?}");
    // No general meeting in 2021: overdue as of 2022; the term of 2020 ran out in 2023.
    let later = findings(&tables, "2023-06-01");
    assert_eq!(of_rule(&later, Rule::MeetingOverdue).len(), 1, "{later:#?}");
    assert!(!of_rule(&later, Rule::TermExpired).is_empty(), "{later:#?}");
}

#[test]
fn an_organization_with_a_statute_of_its_own_keeps_it() {
    let own = r#"
organization = "branch-1"

[[version]]
id = "own"
effective = "2020-01-01"

[[version.organ]]
id = "meeting"
name = "General Meeting"
elected_by = { by = "members" }

[[version.organ]]
id = "committee"
name = "Committee"
elected_by = { by = "appointment" }
"#;
    let events = founded("branch") + &elected_by("party/cc");
    let mut batch = vec![
        statute_event("statute", "2020-01-01", STATUTE),
        statute_event("own-statute", "2020-01-01", own),
    ];
    batch.extend(
        events_of(&events)
            .into_iter()
            .filter(|e| !matches!(e.kind, EventKind::OrganEstablished(_))),
    );
    let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2020-06-01");
    assert!(of_rule(&found, Rule::WrongElector).is_empty(), "{found:#?}");
}

/// Ann made the branch's organizer by `by`, the post declared in the record.
fn organizer_by(by: &str) -> String {
    format!(
        r#"
[[event]]
id = "organizer-post"
date = "2020-02-01"
kind = "post_established"
post = "branch-1/organizer"
name = "Organizer of Branch One"

[[event]]
id = "organizer-2020"
date = "2020-03-01"
kind = "post_assigned"
post = "branch-1/organizer"
person = "ann"
by = "{by}"
"#
    )
}

#[test]
fn a_post_given_to_the_parent_level_s_organ_is_judged_by_the_parent_of_record() {
    let lawful = format!("{}{}", founded("branch"), organizer_by("party/cc"));
    let found = findings(&build(STATUTE, &lawful), "2020-06-01");
    assert!(found.is_empty(), "{found:#?}");
    let wrong = format!("{}{}", founded("branch"), organizer_by("branch-1/meeting"));
    let found = findings(&build(STATUTE, &wrong), "2020-06-01");
    let flagged = of_rule(&found, Rule::WrongElector);
    assert_eq!(flagged.len(), 1, "{found:#?}");
    assert!(
        flagged[0].message.contains("Central Committee"),
        "{}",
        flagged[0].message
    );
}

/// Bob elected deputy secretary by the branch committee, confirmed by `by` (if any).
fn deputy(by: Option<&str>) -> String {
    let confirmed = by.map_or(String::new(), |by| {
        format!("\n[[event]]\nid = \"deputy-confirmed\"\ndate = \"2020-04-01\"\nkind = \"act_confirmed\"\nact = \"deputy-2020\"\nperson = \"bob\"\nby = \"{by}\"\n")
    });
    format!(
        r#"
[[event]]
id = "deputy-post"
date = "2020-02-01"
kind = "post_established"
post = "branch-1/deputy"
name = "Deputy Secretary of Branch One"

[[event]]
id = "deputy-2020"
date = "2020-03-01"
kind = "post_assigned"
post = "branch-1/deputy"
person = "bob"
by = "branch-1/committee"
{confirmed}"#
    )
}

#[test]
fn an_approval_by_the_parent_level_s_organ_is_judged_by_the_parent_of_record() {
    let lawful = format!("{}{}", founded("branch"), deputy(Some("party/cc")));
    let found = findings(&build(STATUTE, &lawful), "2020-09-01");
    assert!(found.is_empty(), "{found:#?}");
    let wrong = format!("{}{}", founded("branch"), deputy(Some("branch-1/meeting")));
    let found = findings(&build(STATUTE, &wrong), "2020-09-01");
    let flagged = of_rule(&found, Rule::NotConfirmed);
    assert!(!flagged.is_empty(), "{found:#?}");
    assert!(
        flagged
            .iter()
            .all(|f| f.citation.as_ref().and_then(|c| c.article.as_deref()) == Some("30"))
    );
    let missing = format!("{}{}", founded("branch"), deputy(None));
    let found = findings(&build(STATUTE, &missing), "2020-09-01");
    let flagged = of_rule(&found, Rule::NotConfirmed);
    assert_eq!(flagged.len(), 1, "{found:#?}");
    assert!(
        flagged[0].message.contains("Central Committee"),
        "{}",
        flagged[0].message
    );
}
