//! Issue 14, real statutes: amendments that restate organs, discipline majorities,
//! competence per act, terms that end, quorum from the register, calendar cadences,
//! eligibility where the record is silent, multi-day sessions and wording.
//! Each test is data: a statute and a history in, findings out.

use super::*;
use crate::date::Day;
use crate::event::read::{Format, read};
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The statute of a small association: a general assembly of the members and a board.
pub(super) const STATUTE: &str = r#"
organization = "assoc"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "7"
text = "The board may expel a member by a two-thirds majority of the votes cast."

[[version.article]]
number = "9"
text = "The board is elected for one year."

[[version.article]]
number = "10"
text = "Half of the board members form a quorum."

[[version.organ]]
id = "assembly"
name = "General Assembly"
elected_by = { by = "members" }

[[version.organ]]
id = "board"
name = "Board of Directors"
elected_by = { by = "assembly" }
seats = { full = 5 }
term = { length = "1 year", article = "9" }
quorum = { at_least = "1/2", article = "10" }

[[version.post]]
id = "treasurer"
name = "Treasurer"
elected_by = { by = "assembly" }
term = { length = "1 year", article = "9" }

[[version.discipline]]
act = "expulsion"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"
"#;

pub(super) const PEOPLE: &str = r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "assoc"
name = "Association"

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
"#;

pub(super) fn statute_event(id: &str, date: &str, text: &str) -> Event {
    Event {
        id: crate::id::EventId::new(id).unwrap(),
        date: date.parse().unwrap(),
        kind: EventKind::StatuteAdopted(crate::event::kinds::StatuteAdopted {
            text: text.to_owned(),
            meeting: None,
            decision: None,
            proposed: None,
            received: None,
        }),
        sources: vec![],
        note: None,
    }
}

pub(super) fn events_of(text: &str) -> Vec<Event> {
    read(text, Format::Toml)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|l| l.event)
        .collect()
}

/// Records `statute`, the people and `events` in one batch.
pub(super) fn build_with(statute: &str, events: &str) -> Result<Tables, RecordError> {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(PEOPLE));
    batch.extend(events_of(events));
    replay(&batch)
}

pub(super) fn build(events: &str) -> Tables {
    build_with(STATUTE, events).unwrap_or_else(|e| panic!("{e}"))
}

/// Every finding as of `day`.
pub(super) fn findings(tables: &Tables, day: &str) -> Vec<FindingLine> {
    let day: Day = day.parse::<crate::date::FuzzyDate>().unwrap().earliest();
    crate::query::check::check(tables, day).unwrap()
}

pub(super) fn of_rule(found: &[FindingLine], rule: Rule) -> Vec<&FindingLine> {
    found.iter().filter(|f| f.rule == rule).collect()
}

#[test]
fn r14_an_amendment_restating_the_organs_is_recorded() {
    let tables = build("");
    let amended = STATUTE
        .replace("id = \"2020\"", "id = \"2024\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2024-06-01\"");
    let amended = amended.replace("seats = { full = 5 }", "seats = { full = 7 }");
    let mut tables = tables;
    let recorded = record(
        &mut tables,
        &[statute_event("amendment-2024", "2024-06-01", &amended)],
    );
    assert!(recorded.is_ok(), "{:?}", recorded.err());
}

#[test]
fn r14_an_amendment_in_the_same_batch_and_a_document_of_two_versions_are_recorded() {
    let amended = STATUTE
        .replace("id = \"2020\"", "id = \"2024\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2024-06-01\"");
    let mut batch = vec![
        statute_event("statute", "2020-01-01", STATUTE),
        statute_event("amendment", "2024-06-01", &amended),
    ];
    batch.extend(events_of(PEOPLE));
    assert!(replay(&batch).is_ok());
    // Both versions in one document, the organs and posts restated.
    let both = format!(
        "{STATUTE}{}",
        amended
            .split_once("[[version]]")
            .map(|(_, v)| format!("[[version]]{v}"))
            .unwrap()
    );
    assert!(build_with(&both, "").is_ok());
}

/// Members ann, bob and cat, on the board from 2021-03-01.
pub(super) const BOARD: &str = r#"
[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "full"

[[event]]
id = "adm-bob"
date = "2020-02-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"

[[event]]
id = "board-2021"
date = "2021-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat"]
"#;

/// Ann elected Treasurer, for the one-year term of article 9.
pub(super) const TREASURER: &str = r#"
[[event]]
id = "treasurer-2021"
date = "2021-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]
"#;

fn expulsion(in_favour: u32, against: u32) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"

[[event]]
id = "expel-bob"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "Bob is expelled"
category = "discipline"
votes = {{ for = {in_favour}, against = {against} }}
outcome = "carried"

[[event]]
id = "bob-expelled"
date = "2021-05-01"
kind = "member_expelled"
person = "bob"
org = "assoc"
decision = "expel-bob"
"#
    )
}

#[test]
fn r14_art_7_an_expulsion_short_of_the_discipline_majority_is_found() {
    // 3 of 5 is more than half, less than the two thirds article 7 demands.
    let found = findings(&build(&expulsion(3, 2)), "2021-12-31");
    let short = of_rule(&found, Rule::MajorityNotMet);
    assert_eq!(short.len(), 1, "{found:#?}");
    assert_eq!(short[0].events[0].as_str(), "bob-expelled");
    assert_eq!(
        short[0].citation.as_ref().unwrap().article.as_deref(),
        Some("7")
    );
    assert!(
        short[0].message.contains("the expulsion of Bob rests on a decision carried with 3 votes for of 5 votes cast; the statute requires at least 2/3"),
        "{}",
        short[0].message
    );
    // 4 of 5 reaches it.
    let found = findings(&build(&expulsion(4, 1)), "2021-12-31");
    assert!(
        of_rule(&found, Rule::MajorityNotMet).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn r14_a_second_rule_for_an_act_gives_it_to_another_organ_or_is_refused() {
    // The assembly may expel too, by its own majority: both rules apply.
    let two = STATUTE.replace(
        "article = \"7\"\n",
        "article = \"7\"\n\n[[version.discipline]]\nact = \"expulsion\"\nby = [\"assembly\"]\nmajority = { more_than = \"1/2\" }\n",
    );
    let document = crate::statute::read(&two).unwrap_or_else(|e| panic!("{e}"));
    let version = &document.versions[0];
    assert_eq!(
        version
            .discipline(crate::statute::Act::Expulsion, None)
            .len(),
        2
    );
    let found = findings(&build_with(&two, &expulsion(3, 2)).unwrap(), "2021-12-31");
    assert_eq!(
        of_rule(&found, Rule::MajorityNotMet).len(),
        1,
        "the board's rule still judges the board"
    );
    // A rule giving the same act to the same organ again is refused where it says so.
    let twice = STATUTE.replace(
        "article = \"7\"\n",
        "article = \"7\"\n\n[[version.discipline]]\nact = \"expulsion\"\nby = [\"board\"]\n",
    );
    let err = crate::statute::read(&twice).unwrap_err();
    assert!(
        err.message
            .contains("a second `expulsion` rule gives it to `board`"),
        "{}",
        err.message
    );
    assert_eq!(err.line, twice.lines().count());
}

#[test]
fn r14_a_quorum_is_judged_from_the_register_when_the_meeting_states_no_entitled() {
    let thin = expulsion(1, 0).replace(
        "meeting = \"board-meeting\"\norgan = \"assoc/board\"",
        "meeting = \"board-meeting\"\norgan = \"assoc/board\"\npresent = 1",
    );
    let found = findings(&build(&thin), "2021-12-31");
    let quorum = of_rule(&found, Rule::QuorumNotMet);
    assert_eq!(quorum.len(), 1, "{found:#?}");
    assert!(
        quorum[0].message.contains("1 of 3 members"),
        "{}",
        quorum[0].message
    );
    // The record overrides the register.
    let stated = thin.replace("present = 1", "present = 1\nentitled = 2");
    let found = findings(&build(&stated), "2021-12-31");
    assert!(of_rule(&found, Rule::QuorumNotMet).is_empty(), "{found:#?}");
}

#[test]
fn r14_an_assembly_of_all_members_counts_its_quorum_from_the_membership_register() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nquorum = { at_least = \"1/2\" }",
    );
    let events = format!(
        r#"{BOARD}
[[event]]
id = "agm"
date = "2021-06-01"
kind = "meeting_held"
meeting = "agm"
organ = "assoc/assembly"
present = 0

[[event]]
id = "budget"
date = "2021-06-01"
kind = "motion_decided"
meeting = "agm"
text = "The budget is adopted"
present = 0
votes = {{ for = 0, against = 0 }}
outcome = "carried"
"#
    );
    let found = findings(&build_with(&statute, &events).unwrap(), "2021-12-31");
    let quorum = of_rule(&found, Rule::QuorumNotMet);
    assert_eq!(quorum.len(), 1, "{found:#?}");
    assert!(
        quorum[0].message.contains("0 of 2 members"),
        "{}",
        quorum[0].message
    );
}

#[test]
fn an_election_states_who_was_present_and_the_quorum_judges_it() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nquorum = { at_least = \"1/2\" }",
    );
    let election = |present: &str| {
        format!(
            r#"{BOARD}
[[event]]
id = "agm"
date = "2021-06-01"
kind = "meeting_held"
meeting = "agm"
organ = "assoc/assembly"

[[event]]
id = "treasurer-elected"
date = "2021-06-01"
kind = "election_held"
meeting = "agm"
post = "assoc/treasurer"
elected = ["ann"]
{present}
"#
        )
    };
    let found = findings(
        &build_with(&statute, &election("present = 0")).unwrap(),
        "2021-12-31",
    );
    let quorum = of_rule(&found, Rule::QuorumNotMet);
    assert_eq!(quorum.len(), 1, "{found:#?}");
    assert!(
        quorum[0].message.contains("0 of 2 members"),
        "{}",
        quorum[0].message
    );
    let found = findings(
        &build_with(&statute, &election("present = 2")).unwrap(),
        "2021-12-31",
    );
    assert!(of_rule(&found, Rule::QuorumNotMet).is_empty(), "{found:#?}");
    let found = findings(&build_with(&statute, &election("")).unwrap(), "2021-12-31");
    assert!(
        of_rule(&found, Rule::QuorumNotMet).is_empty(),
        "silent: not judged"
    );
}

#[test]
fn r14_wording_an_expulsion_decision_and_co_option() {
    let statute = STATUTE.replace(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        "quorum = { at_least = \"1/2\", article = \"10\" }\nmajority.expulsion = { at_least = \"2/3\" }",
    );
    let events = expulsion(3, 2).replace("category = \"discipline\"", "category = \"expulsion\"")
        + r#"
[[event]]
id = "co-opted"
date = "2021-06-01"
kind = "seat_taken"
person = "bob"
organ = "assoc/board"
by = "assoc/board"
"#;
    let found = findings(&build_with(&statute, &events).unwrap(), "2021-12-31");
    let messages: Vec<&str> = found.iter().map(|f| f.message.as_str()).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("an expulsion decision needs at least 2/3")),
        "{messages:#?}"
    );
    assert!(
        messages.iter().any(|m| m.contains(
            "seats on Board of Directors were filled by Board of Directors itself (co-option); the statute gives that to General Assembly"
        )),
        "{messages:#?}"
    );
}

#[test]
fn r14_eligibility_is_unknown_where_the_register_is_silent() {
    // The treasurer must be a full member. Ann's and Bob's memberships are
    // recorded; Cat's is not: her standing is unknown, not "not a member".
    let statute = STATUTE.replace(
        "term = { length = \"1 year\", article = \"9\" }\n\n[[version.discipline]]",
        "term = { length = \"1 year\", article = \"9\" }\neligibility = [{ requires = \"full-member\" }]\n\n[[version.discipline]]",
    );
    let cat = format!(
        "{BOARD}{}",
        TREASURER.replace("elected = [\"ann\"]", "elected = [\"cat\"]")
    );
    let found = findings(&build_with(&statute, &cat).unwrap(), "2021-12-31");
    assert!(
        of_rule(&found, Rule::IneligibleHolder).is_empty(),
        "{found:#?}"
    );
    // Bob, who resigned, is definitely no longer a member.
    let bob = format!(
        "{BOARD}\n[[event]]\nid = \"bob-resigned\"\ndate = \"2021-02-01\"\nkind = \"member_resigned\"\nperson = \"bob\"\norg = \"assoc\"\n{}",
        TREASURER.replace("elected = [\"ann\"]", "elected = [\"bob\"]")
    );
    let found = findings(&build_with(&statute, &bob).unwrap(), "2021-12-31");
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert!(
        ineligible[0]
            .message
            .contains("Bob takes the post of Treasurer but is no longer a member"),
        "{}",
        ineligible[0].message
    );
}
