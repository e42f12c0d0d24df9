//! Issue 14, notice of a proposed amendment: `[version.amendment] notice = { at_least
//! = "90 days" }` ("amendments mailed to all locals ... at least 90 days prior to the
//! Convention"), judged against `statute_adopted`'s `proposed` (`short-notice`).

use super::statute_tests::{PEOPLE, STATUTE, events_of, findings, statute_event};
use super::{Tables, replay};
use crate::event::EventKind;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The association's statute, amended by the Assembly on 90 days' notice (article 9
/// where `own` names it, else the amendment's article 7).
fn statute(own: &str) -> String {
    STATUTE.replace(
        "[[version.organ]]\nid = \"assembly\"",
        &format!("[version.amendment]\nby = [\"assembly\"]\nnotice = {{ at_least = \"90 days\"{own} }}\narticle = \"7\"\n\n[[version.organ]]\nid = \"assembly\""),
    )
}

/// The Assembly, sitting from 1 to 2 May 2024, amends the statute proposed on
/// `proposed` (if given), by three votes to none.
fn amended(statute: &str, proposed: Option<&str>) -> Tables {
    amended_with(statute, proposed, None, "{ for = 3, against = 0 }")
}

/// The same, received on `received` (if given), by `votes`.
fn amended_with(
    statute: &str,
    proposed: Option<&str>,
    received: Option<&str>,
    votes: &str,
) -> Tables {
    let amended = statute
        .replace("id = \"2020\"", "id = \"2024\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2024-06-01\"");
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(PEOPLE));
    batch.extend(events_of(&format!(
        r#"
[[event]]
id = "m"
date = "2024-05-01/2024-05-02"
kind = "meeting_held"
meeting = "m"
organ = "assoc/assembly"
name = "Assembly 2024"

[[event]]
id = "vote"
date = "2024-05-02"
kind = "motion_decided"
meeting = "m"
text = "The rules are amended"
votes = {votes}
outcome = "carried"
"#
    )));
    let mut adopted = statute_event("amendment", "2024-05-02", &amended);
    if let EventKind::StatuteAdopted(s) = &mut adopted.kind {
        s.decision = Some(crate::id::EventId::new("vote").expect("an id"));
        s.meeting = Some(crate::id::MeetingId::new("m").expect("an id"));
        s.proposed = proposed.map(|p| p.parse().expect("a date"));
        s.received = received.map(|r| r.parse().expect("a date"));
    }
    batch.push(adopted);
    replay(&batch).unwrap_or_else(|e| panic!("{e}"))
}

fn short(tables: &Tables) -> Vec<FindingLine> {
    findings(tables, "2024-12-31")
        .into_iter()
        .filter(|f| f.rule == Rule::ShortNotice)
        .collect()
}

#[test]
fn r14_an_amendment_proposed_in_time_or_not_said_gives_nothing() {
    // The Assembly first sits on 1 May, 90 days after 1 February 2024 (a leap year):
    // in time.
    for proposed in [Some("2024-02-01"), Some("2024-01-15"), None] {
        let found = short(&amended(&statute(""), proposed));
        assert!(found.is_empty(), "{proposed:?}: {found:#?}");
    }
}

#[test]
fn r14_an_amendment_proposed_too_late_is_short_notice_citing_its_article() {
    for (own, cited) in [(", article = \"9\"", "9"), ("", "7")] {
        let found = short(&amended(&statute(own), Some("2024-02-02")));
        assert_eq!(found.len(), 1, "{own}: {found:#?}");
        assert_eq!(
            found[0]
                .citation
                .as_ref()
                .and_then(|c| c.article.as_deref()),
            Some(cited)
        );
        assert_eq!(
            found[0].message,
            "the amendment was proposed on 2024-02-02 and adopted at Assembly 2024 (2024-05-01/2024-05-02): less than the 90 days of notice the statute requires"
        );
    }
}

#[test]
fn r14_a_fuzzy_proposal_makes_short_notice_possible() {
    let found = short(&amended(&statute(""), Some("2024-02")));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, crate::date::Truth::Possibly);
    // Without the clause, nothing is judged.
    let plain = STATUTE.replace(
        "[[version.organ]]\nid = \"assembly\"",
        "[version.amendment]\nby = [\"assembly\"]\narticle = \"7\"\n\n[[version.organ]]\nid = \"assembly\"",
    );
    assert!(short(&amended(&plain, Some("2024-04-01"))).is_empty());
}

#[test]
fn r14_a_bad_amendment_notice_is_refused_where_it_is_written() {
    for (notice, says) in [
        ("{ at_least = \"soon\" }", "expected a period"),
        ("{ at_most = \"90 days\" }", "unknown field `at_most`"),
        (
            "{ at_least = \"90 days\", article = \"99\" }",
            "article 99 is not defined",
        ),
    ] {
        let text = STATUTE.replace(
            "[[version.organ]]\nid = \"assembly\"",
            &format!("[version.amendment]\nby = [\"assembly\"]\nnotice = {notice}\n\n[[version.organ]]\nid = \"assembly\""),
        );
        let err = crate::statute::read(&text).expect_err(notice);
        assert!(err.message.contains(says), "{notice}: {err}");
        let at = text.find("notice = ").expect("the clause");
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{notice}: {err}");
    }
}

/// The association's statute amended by a majority of the votes cast, two thirds
/// for an amendment received less than 120 days before the Assembly (article 9).
fn late_statute() -> String {
    STATUTE.replace(
        "[[version.organ]]\nid = \"assembly\"",
        "[version.amendment]\nby = [\"assembly\"]\nmajority = { more_than = \"1/2\", of = \"votes\" }\nlate = { within = \"120 days\", majority = { at_least = \"2/3\", of = \"votes\" }, article = \"9\" }\narticle = \"7\"\n\n[[version.organ]]\nid = \"assembly\"",
    )
}

fn majority_not_met(tables: &Tables) -> Vec<FindingLine> {
    findings(tables, "2024-12-31")
        .into_iter()
        .filter(|f| f.rule == Rule::MajorityNotMet)
        .collect()
}

#[test]
fn r14_an_amendment_received_late_needs_the_late_majority() {
    let three_to_two = "{ for = 3, against = 2 }";
    // 1 May 2024 is 120 days after 2 January: received then, it is in time, and a
    // majority of the votes carries it; received a day later, it needs two thirds.
    for received in [Some("2024-01-02"), None] {
        let found = majority_not_met(&amended_with(&late_statute(), None, received, three_to_two));
        assert!(found.is_empty(), "{received:?}: {found:#?}");
    }
    let found = majority_not_met(&amended_with(
        &late_statute(),
        None,
        Some("2024-01-03"),
        three_to_two,
    ));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("9")
    );
    assert!(
        found[0].message.contains("(received late)"),
        "{}",
        found[0].message
    );
    // Two thirds carry it however late it came.
    let found = majority_not_met(&amended_with(
        &late_statute(),
        None,
        Some("2024-04-01"),
        "{ for = 4, against = 2 }",
    ));
    assert!(found.is_empty(), "{found:#?}");
    // Where the record leaves it open whether it came late, the ordinary majority judges it.
    let found = majority_not_met(&amended_with(
        &late_statute(),
        None,
        Some("2024-01"),
        three_to_two,
    ));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_bad_late_clause_is_refused_where_it_is_written() {
    for (late, says) in [
        (
            "{ within = \"soon\", majority = { at_least = \"2/3\" } }",
            "expected a period",
        ),
        ("{ within = \"120 days\" }", "missing field `majority`"),
        (
            "{ within = \"120 days\", majority = { at_least = \"2/3\" }, article = \"99\" }",
            "article 99 is not defined",
        ),
    ] {
        let text = STATUTE.replace(
            "[[version.organ]]\nid = \"assembly\"",
            &format!("[version.amendment]\nby = [\"assembly\"]\nlate = {late}\n\n[[version.organ]]\nid = \"assembly\""),
        );
        let err = crate::statute::read(&text).expect_err(late);
        assert!(err.message.contains(says), "{late}: {err}");
        let at = text.find("late = ").expect("the clause");
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{late}: {err}");
    }
}
