//! Issue 13, nominal and actual: an organization formally part of one body but directed
//! by another (`organization_directed`), and one body founded in place of another
//! (`organization_founded` with `replaces`), as `lineage` shows them.

use super::RecordError;
use super::tests::build;
use crate::event::read::{Format, read};
use crate::query::direction::DirectorKind;
use crate::query::lineage::lineage;

const RECORD: &str = r#"
[[event]]
id = "ussr-recorded"
date = "../1925"
kind = "organization_founded"
org = "ussr"
name = "Soviet Union"
category = "state"

[[event]]
id = "kcp-founded"
date = "1945-09-11"
kind = "organization_founded"
org = "kcp"
name = "Korean Communist Party"

[[event]]
id = "bureau-founded"
date = "1945-10-13"
kind = "organization_founded"
org = "bureau"
name = "North Korea Bureau"
parent = "kcp"
category = "bureau"

[[event]]
id = "bureau-politburo"
date = "1945-10-13"
kind = "organ_established"
organ = "bureau/politburo"
name = "Political Committee"

[[event]]
id = "bureau-directed"
date = "1945-10-13"
kind = "organization_directed"
org = "bureau"
by = "ussr"
until = "1946-08"
text = "by the Soviet occupation"

[[event]]
id = "front-founded"
date = "1946-07"
kind = "organization_founded"
org = "front"
name = "Democratic Front"

[[event]]
id = "front-directed"
date = "1946-07"
kind = "organization_directed"
org = "front"
by = "bureau/politburo"

[[event]]
id = "old-front"
date = "1936"
kind = "organization_founded"
org = "assoc"
name = "Association for the Restoration of the Fatherland"

[[event]]
id = "front-replaces"
date = "1946-07-22"
kind = "organization_founded"
org = "new-front"
name = "United Front"
replaces = "assoc"
"#;

fn record() -> crate::ledger::Tables {
    build(RECORD)
}

#[test]
fn lineage_shows_the_formal_link_and_the_actual_direction() {
    let state = record();
    let report = lineage(&state, "bureau").unwrap();
    let formal: Vec<_> = report
        .affiliations
        .iter()
        .map(|l| (l.from.id.as_str(), l.to.id.as_str(), l.date.as_str()))
        .collect();
    assert_eq!(formal, [("bureau", "kcp", "1945-10-13")]);
    let directed: Vec<_> = report
        .directions
        .iter()
        .map(|d| {
            (
                d.org.id.as_str(),
                d.by.id.as_str(),
                d.by_kind,
                d.from.as_str(),
                d.until.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        directed,
        [
            (
                "bureau",
                "ussr",
                DirectorKind::Organization,
                "1945-10-13",
                Some("1946-08")
            ),
            (
                "front",
                "bureau/politburo",
                DirectorKind::Organ,
                "1946-07",
                None
            ),
        ]
    );
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["directions"][0]["by"]["name"], "Soviet Union");
    assert_eq!(json["affiliations"][0]["link"], "part-of");
    assert_eq!(json["directions"][1]["by_kind"], "organ");
    assert!(
        report.organizations.iter().any(|o| o.id == "ussr"),
        "{:?}",
        report.organizations
    );
    // The directing state's lineage lists the direction too; the directed one is the org.
    let ussr = lineage(&state, "ussr").unwrap();
    assert_eq!(ussr.directions.len(), 1);
    assert_eq!(ussr.directions[0].org.id, "bureau");
}

#[test]
fn a_direction_reads_as_a_sentence() {
    let events = super::statute_tests::events_of(RECORD);
    let event = events
        .iter()
        .find(|e| e.id.as_str() == "bureau-directed")
        .unwrap();
    let text = crate::event::describe::summarize(event).to_string();
    assert_eq!(
        text,
        "bureau directed by ussr until 1946-08: by the Soviet occupation"
    );
}

#[test]
fn a_replacement_ends_the_old_body_and_links_the_two() {
    let state = record();
    let old = lineage(&state, "assoc").unwrap();
    assert_eq!(old.organization.ended.as_deref(), Some("1946-07-22"));
    assert_eq!(old.organization.ended_how.as_deref(), Some("replaced"));
    let links: Vec<_> = old
        .successors
        .iter()
        .map(|l| (l.from.id.as_str(), l.to.id.as_str(), l.link))
        .collect();
    assert_eq!(
        links,
        [("assoc", "new-front", crate::rows::LinkKind::ReplacedBy)]
    );
    let json = serde_json::to_value(&old).unwrap();
    assert_eq!(json["successors"][0]["link"], "replaced-by");
    let new = lineage(&state, "new-front").unwrap();
    assert_eq!(new.predecessors.len(), 1);
    assert_eq!(new.predecessors[0].from.id, "assoc");
    assert_eq!(new.organization.ended, None);
}

fn refusal(events: &str) -> crate::registry::Refusal {
    match super::statute_tests::build_with(super::tests::STATUTE, events) {
        Err(RecordError::Refused(err)) => err.refusal,
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("recorded"),
    }
}

#[test]
fn a_director_not_in_the_record_is_refused_at_its_field() {
    let refused = refusal(
        r#"
[[event]]
id = "bureau-founded"
date = "1945-10-13"
kind = "organization_founded"
org = "bureau"
name = "North Korea Bureau"

[[event]]
id = "bureau-directed"
date = "1945-10-13"
kind = "organization_directed"
org = "bureau"
by = "ussrr"
"#,
    );
    assert_eq!(refused.field, "by");
    assert!(refused.message.contains("ussrr"), "{}", refused.message);
}

#[test]
fn a_body_directing_itself_or_a_direction_ending_before_it_began_is_refused() {
    let head = r#"
[[event]]
id = "bureau-founded"
date = "1945-10-13"
kind = "organization_founded"
org = "bureau"
name = "North Korea Bureau"

[[event]]
id = "ussr-recorded"
date = "../1925"
kind = "organization_founded"
org = "ussr"
name = "Soviet Union"
"#;
    let refused = refusal(&format!(
        "{head}\n[[event]]\nid = \"d\"\ndate = \"1946\"\nkind = \"organization_directed\"\norg = \"bureau\"\nby = \"bureau\"\n"
    ));
    assert_eq!(refused.field, "by");
    let refused = refusal(&format!(
        "{head}\n[[event]]\nid = \"d\"\ndate = \"1946\"\nkind = \"organization_directed\"\norg = \"bureau\"\nby = \"ussr\"\nuntil = \"1945\"\n"
    ));
    assert_eq!(refused.field, "until");
    assert!(
        refused.message.contains("before the event's date"),
        "{}",
        refused.message
    );
}

#[test]
fn a_replacement_of_an_unknown_body_or_of_itself_is_refused() {
    let refused = refusal(
        r#"
[[event]]
id = "front"
date = "1946-07-22"
kind = "organization_founded"
org = "front"
name = "United Front"
replaces = "asoc"
"#,
    );
    assert_eq!(refused.field, "replaces");
    let refused = refusal(
        r#"
[[event]]
id = "front"
date = "1946-07-22"
kind = "organization_founded"
org = "front"
name = "United Front"
replaces = "front"
"#,
    );
    assert_eq!(refused.field, "replaces");
    assert!(
        refused.message.contains("cannot replace itself"),
        "{}",
        refused.message
    );
}

#[test]
fn a_director_that_is_no_id_is_refused_at_its_line() {
    let text = r#"
[[event]]
id = "d"
date = "1946"
kind = "organization_directed"
org = "bureau"
by = "Soviet Union"
"#;
    let err = read(text, Format::Toml).unwrap_err();
    assert_eq!(err.line, 7, "{err:?}");
    assert!(
        err.message
            .contains("expected an organization id (`ussr`) or an organ (`org/key`)"),
        "{}",
        err.message
    );
}
