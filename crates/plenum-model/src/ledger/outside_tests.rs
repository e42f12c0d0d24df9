//! Issue 13, acts of outside actors: a state or another organization sending a
//! delegation to an organization, intervening in it, banning it.

use super::tests::build;

const RECORD: &str = r#"
[[event]]
id = "party"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"

[[event]]
id = "ussr"
date = "1922-12-30"
kind = "organization_founded"
org = "ussr"
name = "Soviet Union"
category = "state"

[[event]]
id = "prc"
date = "1949-10-01"
kind = "organization_founded"
org = "prc"
name = "China"
category = "state"

[[event]]
id = "ussr-delegation"
date = "1956-09"
kind = "outside_intervention"
by = "ussr"
org = "party"
act = "delegation"
text = "to restore the purged leaders"

[[event]]
id = "prc-intervention"
date = "1957"
kind = "outside_intervention"
by = "prc"
org = "party"
act = "intervention"

[[event]]
id = "joint-delegation"
date = "1958"
kind = "outside_intervention"
by = "ussr"
with = ["prc"]
org = "party"
act = "delegation"
"#;

#[test]
fn an_outside_act_is_listed_in_lineage_by_date() {
    let state = build(RECORD);
    let report = crate::query::lineage::lineage(&state, "party").unwrap();
    let acts: Vec<_> = report
        .interventions
        .iter()
        .map(|i| (i.date.as_str(), i.by.id.as_str(), i.act.as_str()))
        .collect();
    assert_eq!(
        acts,
        [
            ("1956-09", "ussr", "delegation"),
            ("1957", "prc", "intervention"),
            ("1958", "ussr", "delegation")
        ]
    );
    assert_eq!(report.interventions[2].with[0].id, "prc");
    let state_line = crate::query::lineage::lineage(&state, "ussr").unwrap();
    assert!(state_line.interventions.is_empty());
    assert_eq!(state_line.organization.category.as_deref(), Some("state"));
}

#[test]
fn an_outside_act_reads_as_a_sentence() {
    let events = super::statute_tests::events_of(RECORD);
    let act = events
        .iter()
        .find(|e| e.id.as_str() == "ussr-delegation")
        .unwrap();
    let text = crate::event::describe::summarize(act).to_string();
    assert!(text.contains("sent a delegation to"), "{text}");
    assert!(text.ends_with(": to restore the purged leaders"), "{text}");
}

#[test]
fn an_actor_not_in_the_record_is_refused() {
    let events = super::statute_tests::events_of(
        r#"
[[event]]
id = "party"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"

[[event]]
id = "comintern-ban"
date = "1950"
kind = "outside_intervention"
by = "comintern"
org = "party"
act = "ban"
"#,
    );
    let err = super::replay(&events).err().map(|e| e.to_string());
    let err = err.unwrap_or_default();
    assert!(err.contains("comintern"), "{err}");
}
