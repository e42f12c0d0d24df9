//! Issue 14, offices and powers in real statutes: amendments checked like any
//! decision, incompatible offices, co-option, ex officio seats. Data in, findings out,
//! on the association of `statute_tests`.

use super::statute_tests::{
    BOARD, PEOPLE, STATUTE, TREASURER, build, build_with, events_of, findings, of_rule,
    statute_event,
};
use super::*;
use crate::rules::Rule;

#[test]
fn r14_an_amendment_is_checked_like_any_decision() {
    let statute = STATUTE.replace(
        "[[version.organ]]\nid = \"assembly\"",
        "[version.amendment]\nby = [\"assembly\"]\nmajority = { at_least = \"2/3\", of = \"votes\" }\narticle = \"7\"\n\n[[version.organ]]\nid = \"assembly\"",
    );
    let amended = statute
        .replace("id = \"2020\"", "id = \"2024\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2024-06-01\"");
    let amend = |organ: &str, in_favour: u32, against: u32, decision: bool| {
        let mut events = events_of(&format!(
            r#"
[[event]]
id = "m"
date = "2024-05-01"
kind = "meeting_held"
meeting = "m"
organ = "assoc/{organ}"

[[event]]
id = "vote"
date = "2024-05-01"
kind = "motion_decided"
meeting = "m"
text = "The rules are amended"
votes = {{ for = {in_favour}, against = {against} }}
outcome = "carried"
"#
        ));
        let mut adopted = statute_event("amendment", "2024-05-01", &amended);
        if let EventKind::StatuteAdopted(s) = &mut adopted.kind
            && decision
        {
            s.decision = Some(crate::id::EventId::new("vote").unwrap());
        }
        events.push(adopted);
        let mut batch = vec![statute_event("statute", "2020-01-01", &statute)];
        batch.extend(events_of(PEOPLE));
        batch.extend(events);
        let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
        findings(&tables, "2024-12-31")
            .into_iter()
            .filter(|f| f.events[0].as_str() == "amendment")
            .map(|f| (f.rule, f.message))
            .collect::<Vec<_>>()
    };
    assert_eq!(amend("assembly", 4, 1, true), []);
    let short = amend("assembly", 3, 2, true);
    assert_eq!(short.len(), 1, "{short:#?}");
    assert_eq!(short[0].0, Rule::MajorityNotMet);
    assert!(short[0].1.contains("the amendment of the statute of Association rests on a decision carried with 3 votes for of 5 votes cast"), "{}", short[0].1);
    let board = amend("board", 5, 0, true);
    assert_eq!(board.len(), 1, "{board:#?}");
    assert_eq!(board[0].0, Rule::NoCompetentDecision);
    assert!(
        board[0].1.contains(
            "is amended by Board of Directors; the statute gives that to General Assembly"
        ),
        "{}",
        board[0].1
    );
    let none = amend("assembly", 5, 0, false);
    assert_eq!(none.len(), 1, "{none:#?}");
    assert!(
        none[0]
            .1
            .contains("without a recorded decision of General Assembly"),
        "{}",
        none[0].1
    );
}

#[test]
fn r14_incompatible_offices() {
    let statute = STATUTE.replace(
        "[[version.organ]]\nid = \"assembly\"",
        "[[version.incompatible]]\noffices = [\"board\", \"treasurer\"]\narticle = \"9\"\n\n[[version.organ]]\nid = \"assembly\"",
    );
    // Ann sits on the board and is elected Treasurer; Cat is not on the board.
    let events = format!("{BOARD}{TREASURER}");
    let found = findings(&build_with(&statute, &events).unwrap(), "2021-12-31");
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert!(
        ineligible[0].message.contains("Ann takes the post of Treasurer while holding a seat on Board of Directors, which the statute makes incompatible with it"),
        "{}",
        ineligible[0].message
    );
    let cat = format!(
        "{BOARD}{}",
        TREASURER.replace("elected = [\"ann\"]", "elected = [\"cat\"]")
    )
    .replace(
        "elected = [\"ann\", \"bob\", \"cat\"]",
        "elected = [\"ann\", \"bob\"]",
    );
    let found = findings(&build_with(&statute, &cat).unwrap(), "2021-12-31");
    assert!(
        of_rule(&found, Rule::IneligibleHolder).is_empty(),
        "{found:#?}"
    );
    let one = STATUTE.replace(
        "[[version.organ]]\nid = \"assembly\"",
        "[[version.incompatible]]\noffices = [\"board\"]\n\n[[version.organ]]\nid = \"assembly\"",
    );
    let err = crate::statute::read(&one).unwrap_err();
    assert!(err.message.contains("at least two"), "{}", err.message);
}

#[test]
fn r14_co_option_fills_a_vacancy_where_the_statute_allows_it() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"assembly\" }\nseats = { full = 5 }",
        "elected_by = { by = \"assembly\", vacancies = \"board\" }\nseats = { full = 5 }",
    );
    let co_opted = format!(
        "{BOARD}\n[[event]]\nid = \"co-opted\"\ndate = \"2021-06-01\"\nkind = \"seat_taken\"\nperson = \"bob\"\norgan = \"assoc/board\"\nby = \"assoc/board\"\n"
    );
    let co_opted = co_opted.replace(
        "elected = [\"ann\", \"bob\", \"cat\"]",
        "elected = [\"ann\", \"cat\"]",
    );
    let found = findings(&build_with(&statute, &co_opted).unwrap(), "2021-12-31");
    assert!(of_rule(&found, Rule::WrongElector).is_empty(), "{found:#?}");
    // A vote of the board that fills the vacant seat is co-option too ...
    let by_election = co_opted.replace(
        "kind = \"seat_taken\"\nperson = \"bob\"",
        "kind = \"election_held\"\nelected = [\"bob\"]\nreplaces = false",
    );
    let found = findings(&build_with(&statute, &by_election).unwrap(), "2021-12-31");
    assert!(of_rule(&found, Rule::WrongElector).is_empty(), "{found:#?}");
    // ... but the board may not hold the election of the whole board,
    let elected = by_election.replace("replaces = false", "replaces = true");
    let found = findings(&build_with(&statute, &elected).unwrap(), "2021-12-31");
    assert_eq!(of_rule(&found, Rule::WrongElector).len(), 1, "{found:#?}");
    // Where the statute does not number the seats, the record cannot show that none
    // was vacant: the by-election stands.
    let unnumbered = statute.replace("seats = { full = 5 }\n", "");
    assert_ne!(unnumbered, statute);
    let found = findings(
        &build_with(&unnumbered, &by_election).unwrap(),
        "2021-12-31",
    );
    assert!(of_rule(&found, Rule::WrongElector).is_empty(), "{found:#?}");
    // nor elect more than the seats left vacant (here two seats, both held).
    let full = statute.replace("seats = { full = 5 }", "seats = { full = 2 }");
    let found = findings(&build_with(&full, &by_election).unwrap(), "2021-12-31");
    assert_eq!(of_rule(&found, Rule::WrongElector).len(), 1, "{found:#?}");
    // Without the clause, co-option is filling by the wrong organ.
    let found = findings(&build(&co_opted), "2021-12-31");
    assert_eq!(of_rule(&found, Rule::WrongElector).len(), 1, "{found:#?}");
}

#[test]
fn r14_the_organ_for_vacancies_may_elect_to_a_vacant_post_not_to_a_held_one() {
    let statute = STATUTE.replace(
        "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
        "name = \"Treasurer\"\nelected_by = { by = \"assembly\", vacancies = \"board\" }",
    );
    assert_ne!(statute, STATUTE);
    let by_board = "\n[[event]]\nid = \"treasurer-filled\"\ndate = \"2021-07-01\"\nkind = \"election_held\"\npost = \"assoc/treasurer\"\nby = \"assoc/board\"\nelected = [\"bob\"]\n";
    let resigned = "\n[[event]]\nid = \"ann-resigns\"\ndate = \"2021-06-01\"\nkind = \"post_vacated\"\nperson = \"ann\"\npost = \"assoc/treasurer\"\n";
    // Ann left the post: the board fills it.
    let events = format!("{BOARD}{TREASURER}{resigned}{by_board}");
    let found = findings(&build_with(&statute, &events).unwrap(), "2021-12-31");
    assert!(of_rule(&found, Rule::WrongElector).is_empty(), "{found:#?}");
    // Ann still holds it: the board may not elect another.
    let events = format!("{BOARD}{TREASURER}{by_board}");
    let found = findings(&build_with(&statute, &events).unwrap(), "2021-12-31");
    assert_eq!(of_rule(&found, Rule::WrongElector).len(), 1, "{found:#?}");
}

#[test]
fn r14_ex_officio_holders_sit_on_the_organ_and_count_for_its_quorum() {
    // The Treasurer sits on the board by office.
    let statute = STATUTE.replace(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        "quorum = { at_least = \"1/2\", article = \"10\" }\nex_officio = [\"treasurer\"]",
    );
    let events = format!(
        "{}{}",
        BOARD,
        r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "treasurer-2021"
date = "2021-03-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["dan"]

[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"
present = 2

[[event]]
id = "budget"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "The budget is adopted"
votes = { for = 2, against = 0 }
outcome = "carried"
"#
    );
    let tables = build_with(&statute, &events).unwrap_or_else(|e| panic!("{e}"));
    let board =
        crate::query::at::at(&tables, &"2021-06-01".parse().unwrap(), "assoc/board", None).unwrap();
    let names: Vec<&str> = board.members.iter().map(|m| m.name.as_str()).collect();
    assert_eq!(board.total, 4, "{names:?}");
    assert!(names.contains(&"Dan"), "{names:?}");
    // 2 of 4 (three seats and the Treasurer) is half: the quorum of at least 1/2 is met;
    // without the Treasurer 2 of 3 would be too; with 1 present it is not.
    let found = findings(&tables, "2021-12-31");
    assert!(of_rule(&found, Rule::QuorumNotMet).is_empty(), "{found:#?}");
    let thin = events
        .replace("present = 2", "present = 1")
        .replace("for = 2", "for = 1");
    let found = findings(&build_with(&statute, &thin).unwrap(), "2021-12-31");
    let quorum = of_rule(&found, Rule::QuorumNotMet);
    assert_eq!(quorum.len(), 1, "{found:#?}");
    assert!(
        quorum[0].message.contains("1 of 4 members"),
        "{}",
        quorum[0].message
    );
}

#[test]
fn r14_a_holder_who_ceases_to_be_a_member_or_to_sit_on_the_board_is_found() {
    // Board members must be members; the Treasurer must sit on the board.
    let statute = STATUTE
        .replace(
            "seats = { full = 5 }\n",
            "seats = { full = 5 }\neligibility = [{ requires = \"member\", article = \"10\" }]\n",
        )
        .replace(
            "name = \"Treasurer\"\n",
            "name = \"Treasurer\"\neligibility = [{ requires = \"seat\", organ = \"board\", article = \"9\" }]\n",
        );
    let resigned = "\n[[event]]\nid = \"bob-resigned\"\ndate = \"2021-06-01\"\nkind = \"member_resigned\"\nperson = \"bob\"\norg = \"assoc\"\n";
    let found = findings(
        &build_with(&statute, &format!("{BOARD}{resigned}")).unwrap(),
        "2021-12-31",
    );
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert_eq!(ineligible[0].events[0].as_str(), "bob-resigned");
    assert_eq!(
        ineligible[0].citation.as_ref().unwrap().article.as_deref(),
        Some("10")
    );
    assert!(
        ineligible[0].message.contains(
            "Bob still holds a seat on Board of Directors (since 2021-03-01) but has not been a member of"
        ),
        "{}",
        ineligible[0].message
    );
    // Before the resignation, and once the seat is vacated with it, nothing.
    let before = findings(
        &build_with(&statute, &format!("{BOARD}{resigned}")).unwrap(),
        "2021-05-31",
    );
    assert!(
        of_rule(&before, Rule::IneligibleHolder).is_empty(),
        "{before:#?}"
    );
    let vacated = format!(
        "{BOARD}{resigned}\n[[event]]\nid = \"bob-leaves-board\"\ndate = \"2021-06-01\"\nkind = \"seat_vacated\"\nperson = \"bob\"\norgan = \"assoc/board\"\n"
    );
    let found = findings(&build_with(&statute, &vacated).unwrap(), "2021-12-31");
    assert!(
        of_rule(&found, Rule::IneligibleHolder).is_empty(),
        "{found:#?}"
    );
    // Ann, the Treasurer, leaves the board and keeps the post.
    let left = format!(
        "{BOARD}{TREASURER}\n[[event]]\nid = \"ann-leaves-board\"\ndate = \"2021-09-01\"\nkind = \"seat_vacated\"\nperson = \"ann\"\norgan = \"assoc/board\"\n"
    );
    let found = findings(&build_with(&statute, &left).unwrap(), "2021-12-31");
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert!(
        ineligible[0]
            .message
            .contains("Ann still holds the post of Treasurer (since 2021-03-01) but has not sat on Board of Directors since 2021-09-01"),
        "{}",
        ineligible[0].message
    );
}

#[test]
fn r14_an_amendments_majority_cites_its_own_article_where_it_names_one() {
    // (majority's own article, the article cited on a short majority)
    for (own, cited) in [(", article = \"9\"", "9"), ("", "7")] {
        let statute = STATUTE.replace(
            "[[version.organ]]\nid = \"assembly\"",
            &format!("[version.amendment]\nby = [\"assembly\"]\nmajority = {{ at_least = \"2/3\", of = \"votes\"{own} }}\narticle = \"7\"\n\n[[version.organ]]\nid = \"assembly\""),
        );
        let amended = statute
            .replace("id = \"2020\"", "id = \"2024\"")
            .replace("effective = \"2020-01-01\"", "effective = \"2024-06-01\"");
        let mut batch = vec![statute_event("statute", "2020-01-01", &statute)];
        batch.extend(events_of(PEOPLE));
        batch.extend(events_of(
            r#"
[[event]]
id = "m"
date = "2024-05-01"
kind = "meeting_held"
meeting = "m"
organ = "assoc/assembly"

[[event]]
id = "vote"
date = "2024-05-01"
kind = "motion_decided"
meeting = "m"
text = "The rules are amended"
votes = { for = 3, against = 2 }
outcome = "carried"
"#,
        ));
        let mut adopted = statute_event("amendment", "2024-05-01", &amended);
        if let EventKind::StatuteAdopted(s) = &mut adopted.kind {
            s.decision = Some(crate::id::EventId::new("vote").unwrap());
        }
        batch.push(adopted);
        let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
        let short: Vec<_> = findings(&tables, "2024-12-31")
            .into_iter()
            .filter(|f| f.rule == Rule::MajorityNotMet)
            .collect();
        assert_eq!(short.len(), 1, "{short:#?}");
        assert_eq!(
            short[0]
                .citation
                .as_ref()
                .and_then(|c| c.article.as_deref()),
            Some(cited),
            "{own}"
        );
    }
}
