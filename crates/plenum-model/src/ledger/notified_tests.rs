//! Issue 14, the notice a members' request for a meeting is sent with: the statute's
//! `convened_by.notify` ("on call of a majority of the members ... upon written
//! notice to the International President") against a `meeting_convened`'s `notified`
//! (`wrong-convener`, citing `convened_by`), and the clause refused where it is wrong.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;
use crate::statute::read;

/// The Assembly may be called by the Board, or at the request of half its members
/// with notice to the Treasurer (article 10), with `convened_by` as given.
fn statute(convened_by: &str) -> String {
    STATUTE.replacen(
        "elected_by = { by = \"members\" }",
        &format!("elected_by = {{ by = \"members\" }}\nconvened_by = {convened_by}"),
        1,
    )
}

const NOTIFY: &str =
    r#"{ by = ["board"], requisition = "1/2", notify = ["treasurer"], article = "10" }"#;

fn requested(statute: &str, how: &str) -> Vec<FindingLine> {
    let events = format!(
        "{BOARD}\n[[event]]\nid = \"call\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"agm\"\norgan = \"assoc/assembly\"\n{how}\n"
    );
    let tables = build_with(statute, &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-06-01"), Rule::WrongConvener)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_request_with_notice_to_the_post_gives_nothing() {
    let found = requested(
        &statute(NOTIFY),
        "requested_by = 2\nnotified = [\"assoc/treasurer\"]",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_request_without_notice_to_the_post_is_found_citing_convened_by() {
    let found = requested(&statute(NOTIFY), "requested_by = 2\nnotified = []");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "a meeting of General Assembly was convened at the request of 2 members, with notice to no one; the statute requires notice to Treasurer"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
}

#[test]
fn r14_notice_is_not_judged_where_the_record_is_silent_or_the_clause_absent() {
    // The record does not say to whom the request was sent.
    assert!(requested(&statute(NOTIFY), "requested_by = 2").is_empty());
    // Convened by the Board, not at members' request.
    assert!(requested(&statute(NOTIFY), "by = \"assoc/board\"\nnotified = []").is_empty());
    // No `notify` in the statute.
    let plain = r#"{ by = ["board"], requisition = "1/2", article = "10" }"#;
    assert!(requested(&statute(plain), "requested_by = 2\nnotified = []").is_empty());
}

#[test]
fn r14_notify_is_refused_where_it_is_wrong() {
    let cases = [
        (
            r#"{ by = ["board"], notify = ["treasurer"] }"#,
            "\"treasurer\"",
            "give `requisition` too",
        ),
        (
            r#"{ requisition = "1/2", notify = ["chair"] }"#,
            "\"chair\"",
            "`chair` is not a post of this version",
        ),
        (
            r#"{ requisition = "1/2", notify = ["treasurer", "treasurer"] }"#,
            ", \"treasurer\"",
            "names `treasurer` twice",
        ),
    ];
    for (clause, at, expected) in cases {
        let text = statute(clause);
        let err = read(&text).expect_err(clause);
        assert!(
            err.message.contains(expected),
            "for {clause}: {}",
            err.message
        );
        let line = text
            .lines()
            .position(|l| l.starts_with("convened_by"))
            .expect("the clause's line");
        let column = text.lines().nth(line).map_or(0, |l| {
            l.find(at).map_or(0, |c| c + 1) + usize::from(at.starts_with(", ")) * 2
        });
        assert_eq!(
            (err.line, err.column),
            (line + 1, column),
            "for {clause}: {err}"
        );
    }
}
