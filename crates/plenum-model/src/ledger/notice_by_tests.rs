//! Issue 14: who sends the notice of a meeting (`notice_by = { posts = ["secretary"] }`
//! on an organ: "The Secretary will give notice of all Members’ meetings, Board of
//! Directors’ meetings"), judged on `meeting_convened`'s `noticed_by_post` and
//! `noticed_by_person` (`wrong-notifier`), and the clause read or refused at its
//! line and column. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, events_of, findings};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const CLAUSE: &str = r#"{ posts = ["secretary"], article = "10" }"#;

/// The board with `clause` as its `notice_by` (none where empty), and a Secretary
/// elected by the assembly.
fn statute(clause: &str) -> String {
    let clause = if clause.is_empty() {
        String::new()
    } else {
        format!("\nnotice_by = {clause}")
    };
    STATUTE
        .replacen(
            "quorum = { at_least = \"1/2\", article = \"10\" }",
            &format!("quorum = {{ at_least = \"1/2\", article = \"10\" }}{clause}"),
            1,
        )
        .replacen(
            "[[version.post]]",
            "[[version.post]]\nid = \"secretary\"\nname = \"Secretary\"\nelected_by = { by = \"assembly\" }\n\n[[version.post]]",
            1,
        )
}

/// Bob elected Secretary on 1 March 2021.
const SECRETARY: &str = r#"
[[event]]
id = "secretary-2021"
date = "2021-03-01"
kind = "election_held"
post = "assoc/secretary"
by = "assoc/assembly"
elected = ["bob"]
"#;

/// A board meeting called on 1 April 2021 for 1 May, its notice sent as `sent` says
/// (a line or two of TOML, or nothing).
fn convened(sent: &str) -> String {
    format!(
        "\n[[event]]\nid = \"board-called\"\ndate = \"2021-04-01\"\nkind = \"meeting_convened\"\nmeeting = \"board-may\"\norgan = \"assoc/board\"\nscheduled = \"2021-05-01\"\n{sent}\n"
    )
}

fn judged(statute: &str, sent: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, &format!("{BOARD}{SECRETARY}{}", convened(sent)))
        .unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-04-02")
        .into_iter()
        .filter(|f| f.rule == Rule::WrongNotifier)
        .collect()
}

#[test]
fn r14_notice_sent_by_the_secretary_gives_nothing() {
    for sent in [
        "noticed_by_post = \"assoc/secretary\"\nnoticed_by_person = \"bob\"",
        "noticed_by_post = \"assoc/secretary\"",
        "noticed_by_person = \"bob\"",
        "",
    ] {
        let found = judged(&statute(CLAUSE), sent);
        assert!(found.is_empty(), "{sent}: {found:#?}");
    }
}

#[test]
fn r14_notice_sent_by_another_post_or_person_is_found() {
    let post = judged(&statute(CLAUSE), "noticed_by_post = \"assoc/treasurer\"");
    assert_eq!(post.len(), 1, "{post:#?}");
    assert_eq!(post[0].certainty, Truth::Definitely);
    assert_eq!(
        post[0].message,
        "the notice of a meeting of Board of Directors was sent by the Treasurer; the statute charges the Secretary with it"
    );
    assert_eq!(
        post[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("10")
    );
    // Ann, who does not hold the office, sending it "as Secretary".
    let person = judged(
        &statute(CLAUSE),
        "noticed_by_post = \"assoc/secretary\"\nnoticed_by_person = \"ann\"",
    );
    assert_eq!(person.len(), 1, "{person:#?}");
    assert_eq!(
        person[0].message,
        "the notice of a meeting of Board of Directors was sent by Ann, who did not hold the post of the Secretary on 2021-04-01; the statute charges the Secretary with it"
    );
    let anyone = judged(&statute(CLAUSE), "noticed_by_person = \"ann\"");
    assert_eq!(anyone.len(), 1, "{anyone:#?}");
    // Without the clause, nothing.
    assert!(judged(&statute(""), "noticed_by_person = \"ann\"").is_empty());
}

#[test]
fn r14_notice_by_is_refused_at_line_and_column() {
    let refused = |clause: &str, at: &str, says: &str| {
        let text = statute(clause);
        let err = crate::statute::read(&text).expect_err(clause);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        r#"{ posts = ["clerk"], article = "10" }"#,
        "\"clerk\"",
        "`clerk` is not a post of this version",
    );
    refused(
        r#"{ posts = ["secretary", "secretary"], article = "10" }"#,
        "\"secretary\"], article",
        "names `secretary` twice",
    );
    refused(
        r#"{ posts = [], article = "10" }"#,
        "{ posts = []",
        "`notice_by` needs",
    );
}

#[test]
fn r14_statute_check_lists_who_sends_notice() {
    let doc = crate::statute::read(&statute(CLAUSE)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "notice_by")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "the notice of its meetings is sent by the holder of the post of Secretary"
    );
    assert_eq!(clause.checked_by, Some("wrong-notifier"));
}

#[test]
fn r14_a_convocation_without_a_sender_encodes_as_before() {
    let events = events_of(&convened(""));
    let json = crate::event::codec::to_json(&events[0]).to_string();
    assert!(!json.contains("noticed_by"), "{json}");
    assert!(!json.contains("business"), "{json}");
}
