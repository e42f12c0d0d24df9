//! Statute clauses about meetings, conveners and elections that real statutes
//! need: a requisition of more than a share, an election's own majority.
//! Data in, findings out, on the association of `statute_tests`.

use super::statute_tests::{BOARD, STATUTE, TREASURER, build_with, findings, of_rule};
use crate::rules::Rule;

#[test]
fn a_requisition_of_more_than_half_needs_more_than_half() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nconvened_by = { by = [\"board\"], requisition = { more_than = \"1/2\" }, article = \"7\" }",
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
    // Ann and Bob are the two full members: both are more than half, one is not.
    assert_eq!(convened("requested_by = 2"), Vec::<String>::new());
    let half = convened("requested_by = 1");
    assert_eq!(half.len(), 1, "{half:?}");
    assert!(
        half[0].contains(
            "at the request of 1 of 2 members; a requisition needs more than 1/2 (2 members)"
        ),
        "{}",
        half[0]
    );
    let by_assembly = convened("by = \"assoc/assembly\"");
    assert!(
        by_assembly[0].contains("or more than 1/2 of its members by requisition"),
        "{}",
        by_assembly[0]
    );
    // The short form and `at_least` still mean "at least".
    let at_least = statute.replace("{ more_than = \"1/2\" }", "{ at_least = \"1/2\" }");
    let read = crate::statute::read(&at_least).unwrap();
    let short =
        crate::statute::read(&statute.replace("{ more_than = \"1/2\" }", "\"1/2\"")).unwrap();
    assert_eq!(read, short);
}

#[test]
fn a_bad_requisition_is_refused_where_it_is_written() {
    for (bad, message) in [
        ("{ most = \"1/2\" }", "unknown field `most`"),
        ("{ at_least = \"1/2\", more_than = \"1/2\" }", "not both"),
        ("{ more_than = \"3/2\" }", "100%"),
        ("{}", "more_than"),
    ] {
        let statute = STATUTE.replace(
            "elected_by = { by = \"members\" }",
            &format!(
                "elected_by = {{ by = \"members\" }}\nconvened_by = {{ requisition = {bad} }}"
            ),
        );
        let err = crate::statute::read(&statute).unwrap_err();
        let line = statute.lines().position(|l| l.contains(bad)).unwrap() + 1;
        assert_eq!(err.line, line, "{bad}: {}", err.message);
        assert!(err.message.contains(message), "{bad}: {}", err.message);
    }
}

#[test]
fn an_election_short_of_its_own_majority_is_majority_not_met() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmajority.election = { more_than = \"1/2\", of = \"votes\", article = \"10\" }",
    );
    let elected = |tally: &str| {
        let events = format!(
            "{BOARD}{}",
            TREASURER.replace(
                "elected = [\"ann\"]",
                &format!("elected = [\"ann\"]\n{tally}")
            )
        );
        findings(&build_with(&statute, &events).unwrap(), "2021-06-01")
            .into_iter()
            .filter(|f| f.rule == Rule::MajorityNotMet)
            .collect::<Vec<_>>()
    };
    assert!(
        elected("tally = [{ person = \"ann\", votes = 6 }, { person = \"bob\", votes = 5 }]")
            .is_empty()
    );
    assert!(elected("").is_empty(), "no tally: not judged");
    let tie = elected("tally = [{ person = \"ann\", votes = 5 }, { person = \"bob\", votes = 5 }]");
    assert_eq!(tie.len(), 1, "{tie:?}");
    assert_eq!(tie[0].events[0].as_str(), "treasurer-2021");
    assert_eq!(
        tie[0].citation.as_ref().unwrap().article.as_deref(),
        Some("10")
    );
    assert!(
        tie[0].message.contains(
            "Ann was elected by General Assembly with 5 of 10 votes cast; an election needs more than 1/2 of the votes cast (6 votes)"
        ),
        "{}",
        tie[0].message
    );
    // A motion's default majority does not judge elections.
    let default = statute.replace("majority.election", "majority.default");
    let events = format!("{BOARD}{}", TREASURER.replace("elected = [\"ann\"]", "elected = [\"ann\"]\ntally = [{ person = \"ann\", votes = 1 }, { person = \"bob\", votes = 5 }]"));
    assert!(
        of_rule(
            &findings(&build_with(&default, &events).unwrap(), "2021-06-01"),
            Rule::MajorityNotMet
        )
        .is_empty()
    );
}

fn assembly_meetings(dates: &[&str]) -> String {
    dates
        .iter()
        .map(|d| {
            let id = d.replace('/', "_").replace('~', "");
            format!(
                "\n[[event]]\nid = \"agm-{id}\"\ndate = \"{d}\"\nkind = \"meeting_held\"\nmeeting = \"agm-{id}\"\norgan = \"assoc/assembly\"\n"
            )
        })
        .collect()
}

#[test]
fn biennially_in_the_even_numbered_years() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeets = { each = \"2 years\", from = 2000, article = \"10\" }",
    );
    let judged = |dates: &[&str], at: &str, rule: Rule| {
        findings(
            &build_with(&statute, &assembly_meetings(dates)).unwrap(),
            at,
        )
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.events[0].to_string(), f.message))
        .collect::<Vec<_>>()
    };
    // 2020 and 2022 are due; 2021 is an extra meeting.
    let on_time = ["2020-06-01", "2021-06-01", "2022-06-01"];
    assert!(judged(&on_time, "2023-12-31", Rule::MeetingLate).is_empty());
    assert!(judged(&on_time, "2023-12-31", Rule::MeetingOverdue).is_empty());
    // A meeting in 2021 and the next in 2023 leave 2022 without one: 2021 does not count.
    let late = judged(
        &["2020-06-01", "2021-06-01", "2023-01-10"],
        "2023-02-01",
        Rule::MeetingLate,
    );
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(late[0].0, "agm-2023-01-10");
    assert!(late[0].1.contains("none in 2022"), "{}", late[0].1);
    // As of 2023 the 2022 meeting is overdue; as of 2022 it is not yet.
    let overdue = judged(
        &["2020-06-01", "2021-06-01"],
        "2023-02-01",
        Rule::MeetingOverdue,
    );
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert!(overdue[0].1.contains("every 2 years"), "{}", overdue[0].1);
    assert!(
        judged(
            &["2020-06-01", "2021-06-01"],
            "2022-12-31",
            Rule::MeetingOverdue
        )
        .is_empty()
    );
    // Several years need their phase; the phase needs several years.
    for (bad, message) in [
        ("meets = { each = \"2 years\" }", "`from = 2000`"),
        (
            "meets = { each = \"1 years\", from = 2000 }",
            "from 2 to 100",
        ),
        (
            "meets = { each = \"2 years\", from = 0 }",
            "`from` is a year",
        ),
        (
            "meets = { every = \"2 years\", from = 2000 }",
            "not of a rolling one",
        ),
    ] {
        let text = STATUTE.replace(
            "elected_by = { by = \"members\" }",
            &format!("elected_by = {{ by = \"members\" }}\n{bad}"),
        );
        let err = crate::statute::read(&text).unwrap_err();
        let line = text.lines().position(|l| l.contains(bad)).unwrap() + 1;
        assert_eq!(err.line, line, "{bad}: {}", err.message);
        assert!(err.message.contains(message), "{bad}: {}", err.message);
    }
}

#[test]
fn a_postponement_cites_the_article_on_postponing() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { at_least = \"7 days\", postponement_article = \"10\" }",
    );
    let held = |on: &str| {
        let events = format!(
            "\n[[event]]\nid = \"call\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"agm\"\norgan = \"assoc/assembly\"\nscheduled = \"2021-06-01\"\n\n[[event]]\nid = \"agm\"\ndate = \"{on}\"\nkind = \"meeting_held\"\nmeeting = \"agm\"\n"
        );
        findings(&build_with(&statute, &events).unwrap(), "2021-07-01")
            .into_iter()
            .filter(|f| f.rule == Rule::MeetingPostponed)
            .collect::<Vec<_>>()
    };
    assert!(held("2021-06-01").is_empty());
    let postponed = held("2021-06-10");
    assert_eq!(postponed.len(), 1, "{postponed:?}");
    assert_eq!(
        postponed[0].citation.as_ref().unwrap().article.as_deref(),
        Some("10")
    );
    let err = crate::statute::read(&statute.replace(
        "postponement_article = \"10\"",
        "postponement_article = \"99\"",
    ))
    .unwrap_err();
    assert!(err.message.contains("99"), "{}", err.message);
}

#[test]
fn between_april_and_september_of_each_year() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeets = { each = \"year\", between = [\"04-01\", \"09-30\"], article = \"10\" }",
    );
    let judged = |dates: &[&str], at: &str, rule: Rule| {
        findings(
            &build_with(&statute, &assembly_meetings(dates)).unwrap(),
            at,
        )
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.events[0].to_string(), f.message))
        .collect::<Vec<_>>()
    };
    let on_time = ["2020-06-01", "2021-09-30", "2022-04-01"];
    assert!(judged(&on_time, "2023-09-30", Rule::MeetingLate).is_empty());
    assert!(judged(&on_time, "2023-09-30", Rule::MeetingOverdue).is_empty());
    assert_eq!(
        judged(&on_time, "2023-10-01", Rule::MeetingOverdue).len(),
        1
    );
    // A meeting in March does not count for the year's window.
    let march = judged(
        &["2020-06-01", "2021-03-01"],
        "2021-10-01",
        Rule::MeetingOverdue,
    );
    assert_eq!(march.len(), 1, "{march:?}");
    assert!(march[0].1.contains("none in 2021"), "{}", march[0].1);
    // December 2021 is outside the window: held after the 2021 window closed with
    // none, it is late, and it does not count.
    let late = judged(
        &["2020-06-01", "2021-12-01", "2022-05-01"],
        "2022-06-01",
        Rule::MeetingLate,
    );
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(late[0].0, "agm-2021-12-01");
    assert!(
        late[0].1.contains("between 04-01 and 09-30") && late[0].1.contains("none in 2021"),
        "{}",
        late[0].1
    );
    for (bad, message) in [
        (
            "meets = { each = \"year\", between = [\"09-30\", \"04-01\"] }",
            "not after",
        ),
        (
            "meets = { each = \"year\", between = [\"02-29\", \"04-01\"] }",
            "not 02-29",
        ),
        (
            "meets = { each = \"month\", between = [\"04-01\", \"09-30\"] }",
            "within the calendar year",
        ),
        (
            "meets = { every = \"1 year\", between = [\"04-01\", \"09-30\"] }",
            "within the calendar year",
        ),
    ] {
        let text = STATUTE.replace(
            "elected_by = { by = \"members\" }",
            &format!("elected_by = {{ by = \"members\" }}\n{bad}"),
        );
        let err = crate::statute::read(&text).unwrap_err();
        let line = text.lines().position(|l| l.contains(bad)).unwrap() + 1;
        assert_eq!(err.line, line, "{bad}: {}", err.message);
        assert!(err.message.contains(message), "{bad}: {}", err.message);
    }
}

#[test]
fn at_least_twice_in_each_year() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeets = { each = \"year\", at_least = 2, article = \"10\" }",
    );
    let judged = |dates: &[&str], at: &str, rule: Rule| {
        findings(
            &build_with(&statute, &assembly_meetings(dates)).unwrap(),
            at,
        )
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.events[0].to_string(), f.message))
        .collect::<Vec<_>>()
    };
    let twice = ["2020-03-01", "2020-09-01", "2021-05-01", "2021-06-01"];
    assert!(judged(&twice, "2022-12-31", Rule::MeetingLate).is_empty());
    assert!(judged(&twice, "2022-12-31", Rule::MeetingOverdue).is_empty());
    // 2021 held one: the first meeting of 2022 closes it, short.
    let once = ["2020-03-01", "2020-09-01", "2021-05-01", "2022-02-01"];
    let late = judged(&once, "2022-03-01", Rule::MeetingLate);
    assert_eq!(late.len(), 1, "{late:?}");
    assert_eq!(late[0].0, "agm-2022-02-01");
    assert!(
        late[0].1.contains("1 meeting of General Assembly is certainly recorded in 2021; the statute requires at least 2 (it meets at least 2 times in each calendar year)"),
        "{}",
        late[0].1
    );
    // As of a day in 2022, the single meeting of 2021 is short; during 2021 it is not yet.
    let overdue = judged(&once[..3], "2022-01-15", Rule::MeetingOverdue);
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert!(judged(&once[..3], "2021-12-31", Rule::MeetingOverdue).is_empty());
    // A fuzzy second meeting, possibly in 2022, makes the shortfall possible only.
    let fuzzy = [
        "2020-03-01",
        "2020-09-01",
        "2021-05-01",
        "2021-12-31/2022-01-02~",
    ];
    let found = findings(
        &build_with(&statute, &assembly_meetings(&fuzzy)).unwrap(),
        "2022-03-01",
    );
    let possibly = of_rule(&found, Rule::MeetingOverdue);
    assert_eq!(possibly.len(), 1, "{possibly:?}");
    assert_eq!(possibly[0].certainty, crate::date::Truth::Possibly);
    for (bad, message) in [
        ("meets = { each = \"year\", at_least = 1 }", "2 or more"),
        (
            "meets = { every = \"1 year\", at_least = 2 }",
            "per calendar period",
        ),
    ] {
        let text = STATUTE.replace(
            "elected_by = { by = \"members\" }",
            &format!("elected_by = {{ by = \"members\" }}\n{bad}"),
        );
        let err = crate::statute::read(&text).unwrap_err();
        let line = text.lines().position(|l| l.contains(bad)).unwrap() + 1;
        assert_eq!(err.line, line, "{bad}: {}", err.message);
        assert!(err.message.contains(message), "{bad}: {}", err.message);
    }
}

#[test]
fn a_meeting_of_a_kind_the_statute_does_not_declare_is_a_warning() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeeting = [{ category = \"special\", notice = { at_least = \"3 days\" } }]",
    );
    let convened = |category: &str| {
        let events = format!(
            "{BOARD}\n[[event]]\nid = \"call\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"sgm\"\norgan = \"assoc/assembly\"\ncategory = \"{category}\"\n"
        );
        findings(&build_with(&statute, &events).unwrap(), "2021-06-01")
            .into_iter()
            .filter(|f| f.rule == Rule::UnknownCategory)
            .collect::<Vec<_>>()
    };
    assert!(convened("special").is_empty());
    let misspelt = convened("specail");
    assert_eq!(misspelt.len(), 1, "{misspelt:?}");
    assert_eq!(misspelt[0].severity, crate::finding::Severity::Warning);
    assert!(
        misspelt[0].message.contains("convened as `specail`, a kind of meeting the statute does not declare for it (it declares `special`)"),
        "{}",
        misspelt[0].message
    );
    // An organ that declares no kinds: a category is the record's own word.
    let events = format!(
        "{BOARD}\n[[event]]\nid = \"call\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"sgm\"\norgan = \"assoc/assembly\"\ncategory = \"specail\"\n"
    );
    assert!(
        of_rule(
            &findings(&build_with(STATUTE, &events).unwrap(), "2021-06-01"),
            Rule::UnknownCategory
        )
        .is_empty()
    );
}

#[test]
fn a_postponement_article_stands_without_a_notice_period() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { postponement_article = \"10\" }",
    );
    let held = |statute: &str, convened: &str, on: &str| {
        let events = format!(
            "\n[[event]]\nid = \"call\"\ndate = \"{convened}\"\nkind = \"meeting_convened\"\nmeeting = \"agm\"\norgan = \"assoc/assembly\"\nscheduled = \"2021-06-01\"\ncategory = \"special\"\n\n[[event]]\nid = \"agm\"\ndate = \"{on}\"\nkind = \"meeting_held\"\nmeeting = \"agm\"\n"
        );
        findings(&build_with(statute, &events).unwrap(), "2021-07-01")
            .into_iter()
            .map(|f| (f.rule, f.citation.and_then(|c| c.article)))
            .collect::<Vec<_>>()
    };
    // No notice period: a day's notice is no finding; a postponement cites article 10.
    assert_eq!(held(&statute, "2021-05-31", "2021-06-01"), []);
    assert_eq!(
        held(&statute, "2021-05-31", "2021-06-10"),
        [(Rule::MeetingPostponed, Some("10".to_owned()))]
    );
    // A kind whose notice names only the article keeps the organ's period.
    let kinds = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nnotice = { at_least = \"7 days\" }\nmeeting = [{ category = \"special\", notice = { postponement_article = \"10\" } }]",
    );
    let short = held(&kinds, "2021-05-28", "2021-06-01");
    assert_eq!(short.len(), 1, "{short:?}");
    assert_eq!(short[0].0, Rule::ShortNotice);
    assert_eq!(
        held(&kinds, "2021-05-20", "2021-06-10"),
        [(Rule::MeetingPostponed, Some("10".to_owned()))]
    );
}

#[test]
fn between_april_and_september_of_every_other_year() {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        "elected_by = { by = \"members\" }\nmeets = { each = \"2 years\", from = 2020, between = [\"04-01\", \"09-30\"], article = \"10\" }",
    );
    let judged = |dates: &[&str], at: &str, rule: Rule| {
        findings(
            &build_with(&statute, &assembly_meetings(dates)).unwrap(),
            at,
        )
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.events[0].to_string(), f.message))
        .collect::<Vec<_>>()
    };
    let on_time = ["2020-06-01", "2022-09-30", "2024-04-01"];
    assert!(judged(&on_time, "2026-09-30", Rule::MeetingLate).is_empty());
    assert!(judged(&on_time, "2026-09-30", Rule::MeetingOverdue).is_empty());
    assert_eq!(
        judged(&on_time, "2026-10-01", Rule::MeetingOverdue).len(),
        1
    );
    // March 2022 is outside the window, 2023 is not a year due: 2022's window
    // closed without a meeting.
    let late = judged(
        &["2020-06-01", "2022-03-01", "2023-06-01"],
        "2023-12-31",
        Rule::MeetingLate,
    );
    assert_eq!(late.len(), 1, "{late:#?}");
    assert!(
        late[0].1.contains("2022 between 04-01 and 09-30"),
        "{late:#?}"
    );
    // Refused: a rolling period with a window.
    let err = crate::statute::read(
        &statute.replace("each = \"2 years\", from = 2020", "every = \"2 years\""),
    )
    .unwrap_err();
    assert!(
        err.message.contains("`between` is a window"),
        "{}",
        err.message
    );
}
