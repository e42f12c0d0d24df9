//! Issue 14, meetings tied to another organ's (`tied`): "the Board shall meet
//! immediately following final adjournment of the Assembly" (`follows`) and "one
//! general meeting immediately preceding it" (`precedes`), judged as
//! `meeting-missing`. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The association's statute with the Board tied to the Assembly: a meeting within
/// a day after each Assembly ends (article 11), a general meeting within two days
/// before each begins (article 12).
fn statute() -> String {
    STATUTE
        .replacen(
            "[[version.organ]]\nid = \"assembly\"",
            "[[version.article]]\nnumber = \"11\"\ntext = \"The Board meets immediately after the Assembly adjourns.\"\n\n[[version.article]]\nnumber = \"12\"\ntext = \"The Board holds a general meeting immediately before the Assembly.\"\n\n[[version.organ]]\nid = \"assembly\"",
            1,
        )
        .replacen(
            "quorum = { at_least = \"1/2\", article = \"10\" }",
            "quorum = { at_least = \"1/2\", article = \"10\" }\nmeeting = [{ category = \"general\" }]\ntied = [{ follows = \"assembly\", within = \"1 day\", article = \"11\" }, { precedes = \"assembly\", within = \"2 days\", category = \"general\", article = \"12\" }]",
            1,
        )
}

/// A meeting of `organ` held on `date`, convened as `category` where one is given.
fn meeting(id: &str, organ: &str, date: &str, category: Option<&str>) -> String {
    let held = format!(
        "[[event]]\nid = \"{id}-held\"\ndate = \"{date}\"\nkind = \"meeting_held\"\nmeeting = \"{id}\"\norgan = \"assoc/{organ}\"\nname = \"{id}\"\n"
    );
    match category {
        None => held,
        Some(category) => format!(
            "[[event]]\nid = \"{id}-convened\"\ndate = \"2021-01-02\"\nkind = \"meeting_convened\"\nmeeting = \"{id}\"\norgan = \"assoc/{organ}\"\nname = \"{id}\"\ncategory = \"{category}\"\n\n{held}"
        ),
    }
}

/// The `meeting-missing` findings of the meetings given, as of `day`.
fn missing(meetings: &[String], day: &str) -> Vec<FindingLine> {
    let tables = build_with(&statute(), &meetings.join("\n")).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, day), Rule::MeetingMissing)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

/// The Assembly sits on 1 and 2 May 2021.
fn assembly() -> String {
    meeting("assembly-2021", "assembly", "2021-05-01/2021-05-02", None)
}

/// The Board's general meeting the day before it.
fn before() -> String {
    meeting("board-04-30", "board", "2021-04-30", Some("general"))
}

#[test]
fn r14_meetings_before_and_after_as_tied_give_nothing() {
    // After: on the Assembly's last day, or the day after; before: one or two days.
    for (b, a) in [("2021-04-30", "2021-05-02"), ("2021-04-29", "2021-05-03")] {
        let found = missing(
            &[
                meeting("board-before", "board", b, Some("general")),
                assembly(),
                meeting("board-after", "board", a, None),
            ],
            "2021-12-31",
        );
        assert!(found.is_empty(), "{b}, {a}: {found:#?}");
    }
}

#[test]
fn r14_a_board_meeting_late_after_the_assembly_is_found_at_it() {
    let found = missing(
        &[
            before(),
            assembly(),
            meeting("board-05-10", "board", "2021-05-10", None),
        ],
        "2021-12-31",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("11"));
    assert_eq!(found[0].date.to_string(), "2021-05-10");
    assert_eq!(
        found[0].message,
        "no meeting of Board of Directors is recorded within 1 day after assembly-2021 (2021-05-01/2021-05-02) ended; its next meeting is board-05-10 (2021-05-10)"
    );
}

#[test]
fn r14_no_board_meeting_since_is_found_once_due_as_of_a_date() {
    let history = [before(), assembly()];
    // Due by 3 May: not yet a finding on that day.
    assert!(missing(&history, "2021-05-03").is_empty());
    let found = missing(&history, "2021-05-04");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("11"));
    assert_eq!(found[0].date.to_string(), "2021-05-04");
    assert!(
        found[0]
            .message
            .contains("(due by 2021-05-03), nor any meeting since"),
        "{}",
        found[0].message
    );
    // The late meeting, once recorded, is the one finding, dated at it.
    let mut later = history.to_vec();
    later.push(meeting("board-06", "board", "2021-06-01", None));
    let found = missing(&later, "2021-12-31");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].date.to_string(), "2021-06-01");
}

#[test]
fn r14_only_a_general_meeting_counts_before_the_assembly() {
    let found = missing(
        &[
            meeting("board-04-01", "board", "2021-04-01", Some("general")),
            meeting("board-04-30", "board", "2021-04-30", None),
            assembly(),
            meeting("board-05-02", "board", "2021-05-02", None),
        ],
        "2021-12-31",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("12"));
    assert_eq!(found[0].date.to_string(), "2021-05-01/2021-05-02");
    assert_eq!(
        found[0].message,
        "no general meeting of Board of Directors is recorded within 2 days before assembly-2021 (2021-05-01/2021-05-02) began"
    );
}

#[test]
fn r14_the_board_is_judged_only_from_its_first_recorded_meeting() {
    // The record shows the Board only from June: neither tie is judged for May.
    let found = missing(
        &[
            assembly(),
            meeting("board-06", "board", "2021-06-01", Some("general")),
        ],
        "2021-12-31",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_fuzzy_follow_up_makes_the_finding_possible() {
    let found = missing(
        &[
            before(),
            assembly(),
            meeting("board-05", "board", "2021-05", None),
            meeting("board-06", "board", "2021-06-10", None),
        ],
        "2021-12-31",
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, crate::date::Truth::Possibly);
    assert_eq!(found[0].date.to_string(), "2021-06-10");
}

#[test]
fn r14_without_the_tie_nothing_is_missing() {
    let tables = build_with(
        STATUTE,
        &[before(), assembly()]
            .join("\n")
            .replace("category = \"general\"\n", ""),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    assert!(of_rule(&all, Rule::MeetingMissing).is_empty(), "{all:#?}");
}
