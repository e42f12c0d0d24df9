//! Issue 14: a meeting held off its cadence with another organ's approval
//! (`off_schedule = { approved_by = "parent:committee" }`: "In exceptional
//! circumstances, and with the approval of the Party committee at the next level
//! up, a local Party congress may be brought forward or postponed"), judged on
//! `meeting_held`'s `approval`: approved as the statute asks, a late meeting is not
//! `meeting-late`. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The board meets every six months; the assembly approves a meeting off that
/// cadence (without `clause`, nothing does); a council approves nothing.
fn statute(clause: &str) -> String {
    STATUTE
        .replacen(
            "quorum = { at_least = \"1/2\", article = \"10\" }",
            &format!("quorum = {{ at_least = \"1/2\", article = \"10\" }}\nmeets = {{ every = \"6 months\", article = \"10\" }}\n{clause}"),
            1,
        )
        .replacen(
            "[[version.post]]",
            "[[version.organ]]\nid = \"council\"\nname = \"Council\"\n\n[[version.post]]",
            1,
        )
}

const CLAUSE: &str = "off_schedule = { approved_by = \"assembly\", article = \"10\" }";

/// Board meetings on 2021-01-10 and, nine months later, 2021-10-10, citing the
/// decision of `approver` (`outcome`, on `day`) as its approval (none if empty).
fn history(approver: &str, outcome: &str, day: &str) -> String {
    let mut out = String::from(
        "\n[[event]]\nid = \"board-jan\"\ndate = \"2021-01-10\"\nkind = \"meeting_held\"\nmeeting = \"board-1\"\norgan = \"assoc/board\"\n",
    );
    let mut cite = String::new();
    if !approver.is_empty() {
        out += &format!(
            "\n[[event]]\nid = \"approver-sits\"\ndate = \"{day}\"\nkind = \"meeting_held\"\nmeeting = \"approver-1\"\norgan = \"assoc/{approver}\"\n\n[[event]]\nid = \"postponed\"\ndate = \"{day}\"\nkind = \"motion_decided\"\nmeeting = \"approver-1\"\ntext = \"The board's meeting is postponed to October.\"\noutcome = \"{outcome}\"\n"
        );
        cite = "approval = \"postponed\"\n".to_owned();
    }
    out += &format!(
        "\n[[event]]\nid = \"board-oct\"\ndate = \"2021-10-10\"\nkind = \"meeting_held\"\nmeeting = \"board-2\"\norgan = \"assoc/board\"\n{cite}"
    );
    out
}

fn late(statute: &str, history: &str) -> Vec<String> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-10-11"), Rule::MeetingLate)
        .iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn r14_a_postponement_the_statute_s_organ_approved_is_not_late() {
    let found = late(
        &statute(CLAUSE),
        &history("assembly", "carried", "2021-06-01"),
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_postponement_unapproved_or_approved_otherwise_is_late() {
    // No approval recorded: late, as without the clause.
    let found = late(&statute(CLAUSE), &history("", "", ""));
    assert_eq!(found.len(), 1, "{found:#?}");
    // Without the clause, an approval changes nothing.
    let found = late(&statute(""), &history("assembly", "carried", "2021-06-01"));
    assert_eq!(found.len(), 1, "{found:#?}");
    for (approver, outcome, day, why) in [
        ("council", "carried", "2021-06-01", "is of Council"),
        ("assembly", "defeated", "2021-06-01", "is not carried"),
        (
            "assembly",
            "carried",
            "2021-10-20",
            "not recorded by the day of the meeting",
        ),
    ] {
        let found = late(&statute(CLAUSE), &history(approver, outcome, day));
        assert_eq!(found.len(), 1, "{approver} {outcome} {day}: {found:#?}");
        assert!(
            found[0].contains(why) && found[0].contains("asks that of General Assembly"),
            "{}",
            found[0]
        );
    }
}

#[test]
fn r14_off_schedule_is_refused_where_it_names_no_organ() {
    for (by, says) in [
        ("members", "not `members`"),
        ("senate", "unknown organ `senate`"),
    ] {
        let clause = format!("off_schedule = {{ approved_by = \"{by}\", article = \"10\" }}");
        let Err(err) = build_with(&statute(&clause), "") else {
            panic!("accepted: {by}");
        };
        assert!(err.to_string().contains(says), "{by}: {err}");
    }
}
