//! Issue 14, time in real statutes: terms that end (or hold over), re-elections that
//! start new terms, calendar and rolling cadences, and sessions of several days.
//! Data in, findings out, on the association of `statute_tests`.

use super::statute_tests::{BOARD, STATUTE, TREASURER, build, build_with, findings, of_rule};
use super::*;
use crate::rules::Rule;

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
    let ann = crate::query::person::person(&tables, "ann").unwrap();
    assert_eq!(ann.seats[0].to.as_deref(), Some("2022-03-01"));
    assert_eq!(ann.seats[0].ended, Some(crate::event::EndCause::TermEnded));
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

/// Six months' probation (article 3) and suspensions of at most six months (article 5).
fn limited() -> String {
    STATUTE
        .replace(
            "[[version.organ]]\nid = \"assembly\"",
            "[[version.article]]\nnumber = \"3\"\ntext = \"New members are candidates for six months.\"\n\n[[version.article]]\nnumber = \"5\"\ntext = \"The board may suspend a member for up to six months.\"\n\n[version.membership]\nprobation = { length = \"6 months\", article = \"3\" }\n\n[[version.organ]]\nid = \"assembly\"",
        )
        + "\n[[version.discipline]]\nact = \"suspension\"\nby = [\"board\"]\nlongest = \"6 months\"\narticle = \"5\"\n"
}

const CANDIDATE_AND_SUSPENSION: &str = r#"
[[event]]
id = "cat-admitted"
date = "2021-01-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "candidate"

[[event]]
id = "bob-admitted"
date = "2020-02-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"

[[event]]
id = "bob-suspended"
date = "2021-03-01"
kind = "member_suspended"
person = "bob"
org = "assoc"
"#;

#[test]
fn r14_art_3_5_a_candidacy_or_suspension_beyond_its_limit_is_found() {
    let statute = limited();
    // Still a candidate and still suspended on 2022-01-01.
    let tables = build_with(&statute, CANDIDATE_AND_SUSPENSION).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2022-01-01");
    let long = of_rule(&found, Rule::StatusTooLong);
    assert_eq!(long.len(), 2, "{found:#?}");
    assert!(
        long.iter().any(|f| f.message.contains(
            "Cat has been a candidate member of Association since 2021-01-01, beyond the 6 months probation the statute allows (it ended 2021-07-01)"
        )),
        "{long:#?}"
    );
    assert!(
        long.iter().any(|f| f
            .message
            .contains("Bob has been suspended from Association since 2021-03-01")
            && f.citation.as_ref().unwrap().article.as_deref() == Some("5")),
        "{long:#?}"
    );
    // Within the limits, nothing.
    assert!(of_rule(&findings(&tables, "2021-06-30"), Rule::StatusTooLong).is_empty());
    // Confirmed late: found at the promotion, and no longer as of a later day.
    let late = format!(
        "{CANDIDATE_AND_SUSPENSION}\n[[event]]\nid = \"cat-confirmed\"\ndate = \"2021-09-01\"\nkind = \"member_promoted\"\nperson = \"cat\"\norg = \"assoc\"\n"
    );
    let found = findings(&build_with(&statute, &late).unwrap(), "2021-09-01");
    let long = of_rule(&found, Rule::StatusTooLong);
    assert_eq!(long.len(), 1, "{found:#?}");
    assert_eq!(long[0].events[0].as_str(), "cat-confirmed");
    assert!(
        long[0]
            .message
            .contains("Cat was a candidate member of Association from 2021-01-01 until 2021-09-01"),
        "{}",
        long[0].message
    );
    // A statute without limits finds nothing.
    let found = findings(&build(CANDIDATE_AND_SUSPENSION), "2022-01-01");
    assert!(of_rule(&found, Rule::StatusTooLong).is_empty());
}

#[test]
fn r14_longest_goes_only_with_suspensions() {
    let wrong = STATUTE.replace(
        "majority = { at_least = \"2/3\", of = \"votes\" }\narticle = \"7\"",
        "longest = \"1 year\"\narticle = \"7\"",
    );
    let err = crate::statute::read(&wrong).unwrap_err();
    assert!(
        err.message
            .contains("`longest` goes only with `act = \"suspension\"`"),
        "{}",
        err.message
    );
}

#[test]
fn r14_standing_five_years_of_membership_before_a_post() {
    // The treasurer needs two years' full membership.
    let statute = STATUTE.replace(
        "term = { length = \"1 year\", article = \"9\" }\n\n[[version.discipline]]",
        "term = { length = \"1 year\", article = \"9\" }\neligibility = [{ requires = \"full-member\", for_at_least = \"2 years\" }]\n\n[[version.discipline]]",
    );
    let events = |treasurer: &str| {
        format!(
            r#"
[[event]]
id = "ann-candidate"
date = "2020-01-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "candidate"

[[event]]
id = "ann-full"
date = "2020-07-01"
kind = "member_promoted"
person = "ann"
org = "assoc"

[[event]]
id = "treasurer"
date = "{treasurer}"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["ann", "cat"]
"#
        )
    };
    // Full since 2020-07-01: not yet two years on 2022-03-01 (Cat: unknown, no finding).
    let found = findings(
        &build_with(&statute, &events("2022-03-01")).unwrap(),
        "2022-12-31",
    );
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert!(
        ineligible[0].message.contains("Ann takes the post of Treasurer but has been a full member only since 2020-07-01, less than the 2 years the statute requires"),
        "{}",
        ineligible[0].message
    );
    // On 2022-07-01, two years.
    let found = findings(
        &build_with(&statute, &events("2022-07-01")).unwrap(),
        "2022-12-31",
    );
    assert!(
        of_rule(&found, Rule::IneligibleHolder).is_empty(),
        "{found:#?}"
    );
    // Any membership counts from the candidacy: 2022-01-01 is enough.
    let any = statute.replace(
        "requires = \"full-member\", for_at_least",
        "requires = \"member\", for_at_least",
    );
    let found = findings(
        &build_with(&any, &events("2022-01-01")).unwrap(),
        "2022-12-31",
    );
    assert!(
        of_rule(&found, Rule::IneligibleHolder).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn r14_term_limits_in_a_row_and_in_all() {
    let statute = STATUTE.replace(
        "term = { length = \"1 year\", article = \"9\" }\nquorum",
        "term = { length = \"1 year\", max_consecutive = 2, max_terms = 3, article = \"9\" }\nquorum",
    );
    let election = |id: &str, date: &str, elected: &str| {
        format!(
            "\n[[event]]\nid = \"{id}\"\ndate = \"{date}\"\nkind = \"election_held\"\norgan = \"assoc/board\"\nby = \"assoc/assembly\"\nelected = [{elected}]\n"
        )
    };
    // Ann: 2020, 2021, 2022 in a row: the third is one too many.
    let three = [
        election("b1", "2020-03-01", "\"ann\", \"bob\""),
        election("b2", "2021-03-01", "\"ann\", \"cat\""),
        election("b3", "2022-03-01", "\"ann\", \"bob\""),
    ]
    .concat();
    let found = findings(&build_with(&statute, &three).unwrap(), "2022-04-01");
    let limit = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(limit.len(), 1, "{found:#?}");
    assert_eq!(limit[0].events[0].as_str(), "b3");
    assert!(
        limit[0].message.contains("Ann is elected to a 3rd term in a row on Board of Directors; the statute allows at most 2 in a row"),
        "{}",
        limit[0].message
    );
    // Bob: 2020, (break), 2022, 2023: two in a row, three in all: allowed; a fourth is not.
    let four = [
        three.clone(),
        election("b4", "2023-03-01", "\"bob\", \"cat\""),
        election("b5", "2024-03-01", "\"ann\", \"cat\""),
        election("b6", "2025-03-01", "\"bob\", \"ann\""),
    ]
    .concat();
    let found = findings(&build_with(&statute, &four).unwrap(), "2025-04-01");
    let messages: Vec<&str> = of_rule(&found, Rule::IneligibleHolder)
        .iter()
        .map(|f| f.message.as_str())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("Bob is elected to a 4th term on Board of Directors; the statute allows at most 3 in all")),
        "{messages:#?}"
    );
}

#[test]
fn r14_notice_at_least_and_at_most() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { at_least = \"14 days\", at_most = \"60 days\" }",
    );
    let meeting = |convened: &str| {
        format!(
            "\n[[event]]\nid = \"call\"\ndate = \"{convened}\"\nkind = \"meeting_convened\"\nmeeting = \"agm\"\norgan = \"assoc/assembly\"\nscheduled = \"2021-06-01\"\n\n[[event]]\nid = \"agm\"\ndate = \"2021-06-01\"\nkind = \"meeting_held\"\nmeeting = \"agm\"\n"
        )
    };
    let rules = |convened: &str| {
        findings(
            &build_with(&statute, &meeting(convened)).unwrap(),
            "2021-06-02",
        )
        .into_iter()
        .map(|f| (f.rule, f.message))
        .collect::<Vec<_>>()
    };
    assert!(rules("2021-04-15").is_empty());
    let long = rules("2021-03-01");
    assert_eq!(long.len(), 1, "{long:#?}");
    assert_eq!(long[0].0, Rule::LongNotice);
    assert!(
        long[0]
            .1
            .contains("more than the 60 days of notice the statute allows"),
        "{}",
        long[0].1
    );
    let short = rules("2021-05-25");
    assert_eq!(short.len(), 1, "{short:#?}");
    assert_eq!(short[0].0, Rule::ShortNotice);
    let neither = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { article = \"7\" }",
    );
    let err = crate::statute::read(&neither).unwrap_err();
    assert!(err.message.contains("`notice` needs"), "{}", err.message);
}

#[test]
fn r14_an_extraordinary_meeting_has_its_own_notice() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { at_least = \"14 days\" }\nmeeting = [{ category = \"extraordinary\", notice = { at_least = \"3 days\" } }]",
    );
    let meeting = |category: &str| {
        format!(
            "\n[[event]]\nid = \"call\"\ndate = \"2021-05-25\"\nkind = \"meeting_convened\"\nmeeting = \"egm\"\norgan = \"assoc/assembly\"\n{category}\n[[event]]\nid = \"egm\"\ndate = \"2021-06-01\"\nkind = \"meeting_held\"\nmeeting = \"egm\"\n"
        )
    };
    // Seven days' notice: enough for an extraordinary meeting, not for an ordinary one.
    let extraordinary = build_with(&statute, &meeting("category = \"extraordinary\"")).unwrap();
    assert!(of_rule(&findings(&extraordinary, "2021-06-02"), Rule::ShortNotice).is_empty());
    let ordinary = build_with(&statute, &meeting("")).unwrap();
    assert_eq!(
        of_rule(&findings(&ordinary, "2021-06-02"), Rule::ShortNotice).len(),
        1
    );
    let twice = statute.replace("}]", "}, { category = \"extraordinary\" }]");
    let err = crate::statute::read(&twice).unwrap_err();
    assert!(err.message.contains("defined twice"), "{}", err.message);
}

#[test]
fn r14_a_person_named_twice_in_one_election_renews_once() {
    let events = format!(
        "{BOARD}\n[[event]]\nid = \"board-2022\"\ndate = \"2022-02-20\"\nkind = \"election_held\"\norgan = \"assoc/board\"\nby = \"assoc/assembly\"\nelected = [\"ann\", \"ann\"]\n"
    );
    match build_with(STATUTE, &events) {
        Ok(tables) => {
            let ann = crate::query::person::person(&tables, "ann").unwrap();
            assert_eq!(ann.seats.len(), 2, "{:?}", ann.seats);
        }
        // Refused as a duplicate is as good: nothing half-done.
        Err(RecordError::Refused(r)) => assert_eq!(r.id.as_str(), "board-2022"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn r14_who_may_convene_and_requisition_by_members() {
    // The board convenes the assembly; a tenth of the (full) members may require it.
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nconvened_by = { by = [\"board\"], requisition = \"1/2\", article = \"7\" }",
    );
    let convened = |how: &str| {
        let events = format!(
            "{BOARD}\n[[event]]\nid = \"call\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"agm\"\norgan = \"assoc/assembly\"\n{how}\n"
        );
        findings(&build_with(&statute, &events).unwrap(), "2021-06-01")
            .into_iter()
            .filter(|f| f.rule == Rule::WrongConvener)
            .map(|f| f.message)
            .collect::<Vec<_>>()
    };
    assert_eq!(convened("by = \"assoc/board\""), Vec::<String>::new());
    assert_eq!(
        convened(""),
        Vec::<String>::new(),
        "the record is silent: not judged"
    );
    // Ann and Bob are the two full members: one is half.
    assert_eq!(convened("requested_by = 1"), Vec::<String>::new());
    let by_assembly = convened("by = \"assoc/assembly\"");
    assert_eq!(by_assembly.len(), 1);
    assert!(
        by_assembly[0].contains("convened by General Assembly; the statute gives that to Board of Directors, or 1/2 of its members by requisition"),
        "{}",
        by_assembly[0]
    );
    let too_few = convened("requested_by = 0");
    assert_eq!(too_few.len(), 1, "{too_few:?}");
    assert!(
        too_few[0].contains(
            "at the request of 0 of 2 members; a requisition needs at least 1/2 (1 members)"
        ),
        "{}",
        too_few[0]
    );
}
