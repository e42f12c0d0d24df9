//! Issue 14: a meeting's record date (`record_date = { at_least = "10 days", at_most
//! = "60 days" }` on an organ: "not be more than 60 nor less than ten days before the
//! date of the meeting"), judged on `meeting_convened`'s `record_date` against the day
//! it calls the meeting for (`short-notice`, `long-notice`), and the clause read or
//! refused at its line and column. Each test is data: a statute and a history in,
//! findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, events_of, findings};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const CLAUSE: &str = r#"{ at_least = "10 days", at_most = "60 days", article = "10" }"#;

/// The board with `clause` as its `record_date`.
fn statute(clause: &str) -> String {
    STATUTE.replacen(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        &format!("quorum = {{ at_least = \"1/2\", article = \"10\" }}\nrecord_date = {clause}"),
        1,
    )
}

/// A board meeting called on 1 April 2021 for 1 May, with `record` as its record
/// date (none where empty).
fn convened(record: &str) -> String {
    let record = if record.is_empty() {
        String::new()
    } else {
        format!("record_date = \"{record}\"\n")
    };
    format!(
        "\n[[event]]\nid = \"board-called\"\ndate = \"2021-04-01\"\nkind = \"meeting_convened\"\nmeeting = \"board-may\"\norgan = \"assoc/board\"\nscheduled = \"2021-05-01\"\n{record}"
    )
}

fn judged(statute: &str, record: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, &format!("{BOARD}{}", convened(record)))
        .unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-04-02")
        .into_iter()
        .filter(|f| matches!(f.rule, Rule::ShortNotice | Rule::LongNotice))
        .collect()
}

#[test]
fn r14_a_record_date_within_its_bounds_gives_nothing() {
    // Ten days and sixty days before are both in time.
    for record in ["2021-04-21", "2021-03-02", "2021-04-10", ""] {
        let found = judged(&statute(CLAUSE), record);
        assert!(found.is_empty(), "{record}: {found:#?}");
    }
}

#[test]
fn r14_a_record_date_too_close_or_too_early_is_found() {
    let close = judged(&statute(CLAUSE), "2021-04-22");
    assert_eq!(close.len(), 1, "{close:#?}");
    assert_eq!(close[0].rule, Rule::ShortNotice);
    assert_eq!(close[0].certainty, Truth::Definitely);
    assert_eq!(
        close[0].message,
        "the meeting of Board of Directors called for 2021-05-01 has the record date 2021-04-22, less than 10 days before it; the statute wants it at least 10 days and at most 60 days before the meeting"
    );
    assert_eq!(
        close[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
    let early = judged(&statute(CLAUSE), "2021-03-01");
    assert_eq!(early.len(), 1, "{early:#?}");
    assert_eq!(early[0].rule, Rule::LongNotice);
    // A record date known by the month only may or may not be too close.
    let fuzzy = judged(
        &statute(r#"{ at_least = "10 days", article = "10" }"#),
        "2021-04",
    );
    assert_eq!(fuzzy.len(), 1, "{fuzzy:#?}");
    assert_eq!(fuzzy[0].certainty, Truth::Possibly);
    // Without the clause, nothing.
    assert!(judged(STATUTE, "2021-04-30").is_empty());
}

#[test]
fn r14_record_date_is_refused_at_line_and_column() {
    let refused = |clause: &str, at: &str, says: &str| {
        let text = statute(clause);
        let err = crate::statute::read(&text).expect_err(clause);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        r#"{ at_least = "ten days", article = "10" }"#,
        "\"ten days\"",
        "`record_date`: expected a period",
    );
    refused(r#"{ article = "10" }"#, "{ article", "`record_date` needs");
}

#[test]
fn r14_statute_check_lists_the_record_date() {
    let doc = crate::statute::read(&statute(CLAUSE)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "record_date")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "a meeting's record date falls at least 10 days and at most 60 days before the meeting"
    );
    assert_eq!(clause.checked_by, Some("short-notice, long-notice"));
}

#[test]
fn r14_a_convocation_without_a_record_date_encodes_as_before() {
    let events = events_of(&convened(""));
    let json = crate::event::codec::to_json(&events[0]).to_string();
    assert!(!json.contains("record_date"), "{json}");
}
