//! Recording histories: what events do to the rows, what the rules find, and what a
//! back-dated batch or a correction changes. Tests are data: a statute and a file of
//! events in, answers out.

use super::*;
use crate::date::{Day, FuzzyDate};
use crate::event::read::{Format, read};
use crate::id::EventId;
use crate::query::{at::at, check::FindingLine, lineage::lineage, person::person};
use crate::rows::EntityKind;
use crate::rules::Rule;

pub(crate) const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "v1"
effective = "1946-08-28"

[[version.article]]
number = "21"
text = "The congress is convened every five years."

[[version.article]]
number = "24"
text = "The Central Committee elects the Political Bureau."

[[version.article]]
number = "9"
text = "Only the Central Committee may expel a member."

[[version.organ]]
id = "congress"
name = "Party Congress"
elected_by = { by = "members" }
meets = { every = "5 years", article = "21" }

[[version.organ]]
id = "cc"
name = "Central Committee"
aliases = ["CC"]
elected_by = { by = "congress" }
seats = { full = 5 }
meets = { every = "6 months" }
notice = { at_least = "7 days" }
quorum = { more_than = "1/2" }
majority.default = { more_than = "1/2" }
majority.expulsion = { at_least = "2/3" }

[[version.organ]]
id = "politburo"
name = "Political Bureau"
aliases = ["Politburo"]
elected_by = { by = "cc", article = "24" }
eligibility = [{ requires = "seat", organ = "cc", article = "24" }]

[[version.post]]
id = "chairman"
name = "Chairman"
elected_by = { by = "cc" }
eligibility = [{ requires = "full-member" }]

[[version.discipline]]
act = "expulsion"
by = ["cc"]
article = "9"
"#;

/// The statute event every test history starts with.
pub(crate) fn statute_event() -> Event {
    Event {
        id: EventId::new("statute").unwrap(),
        date: "1946-08-28".parse().unwrap(),
        kind: EventKind::StatuteAdopted(crate::event::kinds::StatuteAdopted {
            text: STATUTE.to_owned(),
            meeting: None,
            decision: None,
            proposed: None,
            received: None,
        }),
        sources: vec![],
        note: None,
    }
}

fn events_of(text: &str) -> Vec<Event> {
    read(text, Format::Toml)
        .unwrap()
        .into_iter()
        .map(|l| l.event)
        .collect()
}

/// Records the statute and a TOML file of events, in one batch.
pub(crate) fn build(events: &str) -> Tables {
    let mut batch = vec![statute_event()];
    batch.extend(events_of(events));
    replay(&batch).unwrap_or_else(|e| panic!("{e}"))
}

/// Records more events, as a later batch.
fn more(tables: &Tables, events: &str) -> Result<(Tables, Recorded), RecordError> {
    let mut tables = tables.clone();
    let recorded = record(&mut tables, &events_of(events))?;
    Ok((tables, recorded))
}

const PEOPLE: &str = r#"
[[event]]
id = "org"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"
aliases = ["WP"]

[[event]]
id = "f-soviet"
date = "1945"
kind = "faction_formed"
faction = "soviet"
name = "Soviet faction"

[[event]]
id = "f-yanan"
date = "1945"
kind = "faction_formed"
faction = "yanan"
name = "Yanan faction"
aliases = ["Yunan faction"]

[[event]]
id = "p-kim"
date = "1912"
kind = "person_registered"
person = "kim"
name = "Kim Il-sung"

[[event]]
id = "p-pak"
date = "1900"
kind = "person_registered"
person = "pak"
name = "Pak Chang-ok"

[[event]]
id = "p-choe"
date = "1900"
kind = "person_registered"
person = "choe"
name = "Choe Chang-ik"

[[event]]
id = "a-pak"
date = "1946"
kind = "faction_joined"
person = "pak"
faction = "soviet"

[[event]]
id = "a-choe"
date = "1946"
kind = "faction_joined"
person = "choe"
faction = "yanan"
"#;

fn findings_of(tables: &Tables, rule: Rule) -> Vec<FindingLine> {
    crate::query::check::check(tables, Day::MAX)
        .unwrap()
        .into_iter()
        .filter(|f| f.rule == rule)
        .collect()
}

fn date(text: &str) -> FuzzyDate {
    text.parse().unwrap()
}

#[test]
fn elections_seat_people_and_renew_the_organ() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "e1"
date = "1946-08-30"
kind = "election_held"
organ = "party/cc"
elected = ["kim", "pak", "choe"]

[[event]]
id = "e2"
date = "1948-03-27"
kind = "election_held"
organ = "party/cc"
elected = ["kim", "choe"]
"#
    ));
    let report = at(&state, &date("1947-01-01"), "CC", None).unwrap();
    assert_eq!(report.total, 3);
    assert_eq!(report.by_faction["Soviet faction"], 1);
    assert_eq!(report.organization.name, "Workers' Party");
    let report = at(&state, &date("1950"), "central committee", Some("WP")).unwrap();
    let names: Vec<_> = report.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(names, ["Choe Chang-ik", "Kim Il-sung"]);
    let kim = person(&state, "kim il sung").unwrap();
    assert_eq!(
        kim.seats.len(),
        1,
        "re-election continues the seat: {:?}",
        kim.seats
    );
    let pak = person(&state, "Pak Chang-ok").unwrap();
    assert_eq!(pak.seats[0].to.as_deref(), Some("1948-03-27"));
    assert_eq!(pak.seats[0].ended, Some(crate::event::EndCause::TermEnded));
}

#[test]
fn expulsion_without_the_competent_organ_is_found_and_cited() {
    let state = build(&format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "adm"
date = "1946-09"
kind = "member_admitted"
person = "choe"
org = "party"

[[event]]
id = "exp"
date = "1956-08-30"
kind = "member_expelled"
person = "choe"
org = "party"
"#
    ));
    let found = findings_of(&state, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:?}");
    let citation = found[0].citation.as_ref().unwrap();
    assert_eq!(citation.article.as_deref(), Some("9"));
    assert_eq!(
        citation.text.as_deref(),
        Some("Only the Central Committee may expel a member.")
    );
    assert!(
        found[0]
            .message
            .contains("without a decision of Central Committee"),
        "{}",
        found[0].message
    );
}

#[test]
fn the_record_as_it_stood_before_a_correction() {
    let events = format!(
        "{PEOPLE}{}",
        r#"
[[event]]
id = "seat"
date = "1946-08-30"
kind = "seat_taken"
person = "pak"
organ = "party/politburo"
"#
    );
    let before = build(&events);
    let (corrected, _) = more(
        &before,
        r#"
[[event]]
id = "fix"
date = "1960"
kind = "event_retracted"
target = "seat"
reason = "wrong"
"#,
    )
    .unwrap();
    assert_eq!(
        at(&before, &date("1950"), "politburo", None).unwrap().total,
        1
    );
    assert_eq!(
        at(&corrected, &date("1950"), "politburo", None)
            .unwrap()
            .total,
        0
    );
}

#[test]
fn refusals_name_the_field() {
    let state = build(PEOPLE);
    let err = more(
        &state,
        r#"
[[event]]
id = "x"
date = "1950"
kind = "seat_taken"
person = "kimm"
organ = "party/cc"
"#,
    )
    .unwrap_err();
    let RecordError::Refused(err) = err else {
        panic!("{err}")
    };
    assert_eq!(err.refusal.field, "person");
    assert_eq!(
        err.refusal.message,
        "unknown person `kimm`; did you mean `kim`?"
    );
}

#[test]
fn lineage_follows_mergers() {
    let state = build(
        r#"
[[event]]
id = "a"
date = "1945-10-13"
kind = "organization_founded"
org = "a"
name = "Bureau"

[[event]]
id = "b"
date = "1946-02-16"
kind = "organization_founded"
org = "b"
name = "New People's Party"

[[event]]
id = "m"
date = "1946-08-28/1946-08-30"
kind = "organizations_merged"
orgs = ["a", "b"]
into = "c"
name = "North Workers' Party"
"#,
    );
    let report = lineage(&state, "North Workers' Party").unwrap();
    assert_eq!(report.predecessors.len(), 2);
    let report = lineage(&state, "bureau").unwrap();
    assert_eq!(report.successors.len(), 1);
    assert_eq!(report.organization.ended_how.as_deref(), Some("merged"));
}

#[test]
fn names_resolve_by_their_words_when_nothing_matches_exactly() {
    let state = build(PEOPLE);
    // Exact names, aliases, ids and keys first.
    assert_eq!(
        crate::query::resolve(&state, EntityKind::Organ, "CC")
            .unwrap()
            .id,
        "party/cc"
    );
    assert_eq!(
        crate::query::resolve(&state, EntityKind::Organ, "politburo")
            .unwrap()
            .id,
        "party/politburo"
    );
    // Then every word of the text within one name.
    assert_eq!(
        crate::query::resolve(&state, EntityKind::Organ, "central")
            .unwrap()
            .id,
        "party/cc"
    );
    assert_eq!(
        crate::query::resolve(&state, EntityKind::Person, "choe")
            .unwrap()
            .id,
        "choe"
    );
    let err = crate::query::resolve(&state, EntityKind::Person, "chang")
        .unwrap_err()
        .to_string();
    assert_eq!(
        err,
        "`chang` is ambiguous; it could be: choe (Choe Chang-ik), pak (Pak Chang-ok)"
    );
    let err = crate::query::resolve(&state, EntityKind::Person, "nobody at all")
        .unwrap_err()
        .to_string();
    assert_eq!(err, "no person is called `nobody at all`");
}
