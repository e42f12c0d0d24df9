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
const STATUTE: &str = r#"
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

const PEOPLE: &str = r#"
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

fn statute_event(id: &str, date: &str, text: &str) -> Event {
    Event {
        id: crate::id::EventId::new(id).unwrap(),
        date: date.parse().unwrap(),
        kind: EventKind::StatuteAdopted(crate::event::kinds::StatuteAdopted {
            text: text.to_owned(),
            meeting: None,
        }),
        sources: vec![],
        note: None,
    }
}

fn events_of(text: &str) -> Vec<Event> {
    read(text, Format::Toml)
        .unwrap_or_else(|e| panic!("{e}"))
        .into_iter()
        .map(|l| l.event)
        .collect()
}

/// Records `statute`, the people and `events` in one batch.
fn build_with(statute: &str, events: &str) -> Result<Tables, RecordError> {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(PEOPLE));
    batch.extend(events_of(events));
    replay(&batch)
}

fn build(events: &str) -> Tables {
    build_with(STATUTE, events).unwrap_or_else(|e| panic!("{e}"))
}

/// Every finding as of `day`.
fn findings(tables: &Tables, day: &str) -> Vec<FindingLine> {
    let day: Day = day.parse::<crate::date::FuzzyDate>().unwrap().earliest();
    crate::query::check::check(tables, day).unwrap()
}

fn of_rule(found: &[FindingLine], rule: Rule) -> Vec<&FindingLine> {
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
const BOARD: &str = r#"
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

const TREASURER: &str = r#"
[[event]]
id = "treasurer-2021"
date = "2021-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]
"#;

#[test]
fn r14_art_9_a_term_ends_and_check_finds_the_office_not_renewed() {
    let tables = build(&format!("{BOARD}{TREASURER}"));
    // 14 months into a one-year term.
    let found = findings(&tables, "2022-05-01");
    let expired = of_rule(&found, Rule::TermExpired);
    assert_eq!(
        expired.len(),
        4,
        "three board seats and the treasurer: {found:#?}"
    );
    let treasurer = expired
        .iter()
        .find(|f| f.events[0].as_str() == "treasurer-2021")
        .unwrap();
    assert_eq!(treasurer.severity, crate::finding::Severity::Violation);
    assert_eq!(
        treasurer.citation.as_ref().unwrap().article.as_deref(),
        Some("9")
    );
    assert!(
        treasurer.message.contains(
            "the 1 year term of Ann's tenure as Treasurer, begun 2021-03-01, ended 2022-03-01"
        ),
        "{}",
        treasurer.message
    );
    // Eleven months in, nothing.
    assert!(of_rule(&findings(&tables, "2022-02-01"), Rule::TermExpired).is_empty());
    // `at` shows no one once the term is over, and the term's end as `until`.
    let board =
        crate::query::at::at(&tables, &"2022-05-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 0, "{board:#?}");
    let board =
        crate::query::at::at(&tables, &"2021-12-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 3);
    assert_eq!(board.members[0].until.as_deref(), Some("2022-03-01"));
    let post = crate::query::at::at(
        &tables,
        &"2022-05-01".parse().unwrap(),
        "assoc/treasurer",
        None,
    )
    .unwrap();
    assert_eq!(post.total, 0, "{post:#?}");
}

#[test]
fn r14_a_re_election_starts_a_new_term() {
    let events = format!(
        r#"{BOARD}{TREASURER}
[[event]]
id = "board-2022"
date = "2022-02-20"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat"]

[[event]]
id = "treasurer-2022"
date = "2022-02-20"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann"]
"#
    );
    let tables = build(&events);
    assert!(of_rule(&findings(&tables, "2022-05-01"), Rule::TermExpired).is_empty());
    let board =
        crate::query::at::at(&tables, &"2022-05-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 3);
    assert_eq!(board.members[0].since, "2022-02-20");
    let ann = crate::query::person::person(&tables, "ann").unwrap();
    assert_eq!(ann.seats.len(), 2, "one seat per term: {:?}", ann.seats);
}

#[test]
fn r14_holders_hold_over_where_the_statute_says_so() {
    let statute = STATUTE.replace(
        "term = { length = \"1 year\", article = \"9\" }\nquorum",
        "term = { length = \"1 year\", holds_over = true, article = \"9\" }\nquorum",
    );
    let tables = build_with(&statute, BOARD).unwrap();
    let board =
        crate::query::at::at(&tables, &"2022-05-01".parse().unwrap(), "assoc/board", None).unwrap();
    assert_eq!(board.total, 3, "held over: {board:#?}");
    let found = findings(&tables, "2022-05-01");
    let expired = of_rule(&found, Rule::TermExpired);
    assert_eq!(expired.len(), 3, "{found:#?}");
    assert_eq!(expired[0].severity, crate::finding::Severity::Warning);
    assert!(
        expired[0]
            .message
            .contains("hold over until a successor is elected"),
        "{}",
        expired[0].message
    );
}

fn assembly_meetings(cadence: &str, dates: &[&str]) -> Tables {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        &format!("elected_by = {{ by = \"members\" }}\nmeets = {cadence}"),
    );
    let events: String = dates
        .iter()
        .enumerate()
        .map(|(i, date)| {
            format!(
                "\n[[event]]\nid = \"agm-{i}\"\ndate = \"{date}\"\nkind = \"meeting_held\"\nmeeting = \"agm-{i}\"\norgan = \"assoc/assembly\"\n"
            )
        })
        .collect();
    build_with(&statute, &events).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn r14_once_a_year_is_each_calendar_year_not_a_rolling_twelve_months() {
    let calendar = "{ each = \"year\" }";
    // March 2021, then November 2022: a meeting in each year.
    let tables = assembly_meetings(calendar, &["2021-03-01", "2022-11-30"]);
    let found = findings(&tables, "2023-06-01");
    assert!(of_rule(&found, Rule::MeetingLate).is_empty(), "{found:#?}");
    assert!(
        of_rule(&found, Rule::MeetingOverdue).is_empty(),
        "{found:#?}"
    );
    // Rolling twelve months, written so, still finds the gap.
    let rolling = assembly_meetings("{ every = \"1 year\" }", &["2021-03-01", "2022-11-30"]);
    assert_eq!(
        of_rule(&findings(&rolling, "2022-12-01"), Rule::MeetingLate).len(),
        1
    );
    // March 2021, then January 2023: no meeting in 2022.
    let tables = assembly_meetings(calendar, &["2021-03-01", "2023-01-10"]);
    let found = findings(&tables, "2023-06-01");
    let late = of_rule(&found, Rule::MeetingLate);
    assert_eq!(late.len(), 1, "{found:#?}");
    assert!(
        late[0]
            .message
            .ends_with("the statute requires one in each calendar year: none in 2022"),
        "{}",
        late[0].message
    );
    // As of January 2024, 2023 had its meeting; as of January 2025, none in 2024.
    assert!(of_rule(&findings(&tables, "2024-01-05"), Rule::MeetingOverdue).is_empty());
    let found = findings(&tables, "2025-01-05");
    let overdue = of_rule(&found, Rule::MeetingOverdue);
    assert_eq!(overdue.len(), 1, "{found:#?}");
    assert!(
        overdue[0].message.ends_with("none in 2024"),
        "{}",
        overdue[0].message
    );
    // Quarterly: the first whole quarter in force is 2020 Q1 (effective 2020-01-01).
    let quarterly = assembly_meetings("{ each = \"quarter\" }", &["2020-02-01", "2020-09-30"]);
    let late = of_rule(&findings(&quarterly, "2020-10-01"), Rule::MeetingLate)
        .iter()
        .map(|f| f.message.clone())
        .collect::<Vec<_>>();
    assert_eq!(late.len(), 1);
    assert!(late[0].ends_with("none in 2020 Q2"), "{}", late[0]);
}

#[test]
fn r14_a_cadence_needs_every_or_each_but_not_both() {
    let both = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeets = { every = \"1 year\", each = \"year\" }",
    );
    let err = crate::statute::read(&both).unwrap_err();
    assert!(err.message.contains("not both"), "{}", err.message);
    let neither = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeets = { each = \"fortnight\" }",
    );
    let err = crate::statute::read(&neither).unwrap_err();
    assert!(err.message.contains("found `fortnight`"), "{}", err.message);
}

#[test]
fn r14_a_session_of_several_days_sat_from_its_first_day() {
    // Sessions a year apart to the day: neither late nor possibly late.
    let tables = assembly_meetings(
        "{ every = \"1 year\" }",
        &["2020-10-24/2020-10-27", "2021-10-24/2021-10-27"],
    );
    let found = findings(&tables, "2021-12-01");
    assert!(found.is_empty(), "{found:#?}");
    // Called for the session's first day: not postponed.
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { at_least = \"14 days\" }",
    );
    let events = r#"
[[event]]
id = "call"
date = "2021-10-10"
kind = "meeting_convened"
meeting = "agm"
organ = "assoc/assembly"
scheduled = "2021-10-24"

[[event]]
id = "agm"
date = "2021-10-24/2021-10-27"
kind = "meeting_held"
meeting = "agm"
"#;
    let found = findings(&build_with(&statute, events).unwrap(), "2021-12-01");
    assert!(found.is_empty(), "{found:#?}");
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

#[test]
fn r14_art_9_an_election_after_the_term_ended_is_found_at_the_election() {
    let late = format!(
        r#"{BOARD}
[[event]]
id = "board-2022"
date = "2022-05-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat"]
"#
    );
    let found = findings(&build(&late), "2022-06-01");
    let expired = of_rule(&found, Rule::TermExpired);
    assert_eq!(expired.len(), 1, "{found:#?}");
    assert_eq!(expired[0].events[0].as_str(), "board-2022");
    assert_eq!(expired[0].severity, crate::finding::Severity::Violation);
    assert!(
        expired[0].message.contains("seats on Board of Directors are filled again on 2022-05-01, but the 1 year term begun 2021-03-01 ended 2022-03-01"),
        "{}",
        expired[0].message
    );
    // In time, nothing.
    let on_time = late.replace("date = \"2022-05-01\"", "date = \"2022-02-20\"");
    assert!(of_rule(&findings(&build(&on_time), "2022-06-01"), Rule::TermExpired).is_empty());
}
