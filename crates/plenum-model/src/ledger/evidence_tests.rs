//! Issue 13, meetings that count: a sitting the record shows by a speech, minutes, a
//! decision or a report is a `meeting_held` with `evidence`.

use crate::event::kinds::Evidence;
use crate::event::read::{Format, read};
use crate::event::{EventKind, codec};
use crate::rules::Rule;

use super::statute_tests::{STATUTE, build_with, findings};

const SPEECH: &str = r#"
[[event]]
id = "report-to-cc"
date = "1955-12-28"
kind = "meeting_held"
meeting = "1955-12-cc"
organ = "party/cc"
evidence = "speech"
"#;

#[test]
fn evidence_is_kept_and_told() {
    let events = read(SPEECH, Format::Toml).unwrap();
    let event = &events[0].event;
    let EventKind::MeetingHeld(held) = &event.kind else {
        panic!("{event:?}")
    };
    assert_eq!(held.evidence, Some(Evidence::Speech));
    let text = crate::event::describe::summarize(event).to_string();
    assert!(text.ends_with("held (evidence: speech)"), "{text}");
    let line = serde_json::to_string(&codec::to_json(event)).unwrap();
    assert!(line.contains(r#""evidence":"speech""#), "{line}");
    let back = read(&line, Format::JsonLines).unwrap();
    assert_eq!(&back[0].event, event);
}

#[test]
fn a_regular_record_has_no_evidence_word() {
    let text = SPEECH.replace("evidence = \"speech\"\n", "");
    let events = read(&text, Format::Toml).unwrap();
    let line = serde_json::to_string(&codec::to_json(&events[0].event)).unwrap();
    assert!(!line.contains("evidence"), "{line}");
}

#[test]
fn an_unknown_evidence_is_refused_at_its_field() {
    let text = SPEECH.replace("\"speech\"", "\"rumour\"");
    let error = read(&text, Format::Toml).expect_err(&text);
    assert_eq!((error.line, error.column), (8, 1), "{error}");
    assert!(error.to_string().contains("rumour"), "{error}");
}

/// Meetings of the association's assembly, each `(date, evidence)`.
fn sittings(list: &[(&str, Option<&str>)]) -> String {
    list.iter()
        .map(|(d, evidence)| {
            let evidence = evidence.map_or_else(String::new, |e| format!("evidence = \"{e}\"\n"));
            format!(
                "\n[[event]]\nid = \"agm-{d}\"\ndate = \"{d}\"\nkind = \"meeting_held\"\nmeeting = \"agm-{d}\"\norgan = \"assoc/assembly\"\n{evidence}"
            )
        })
        .collect()
}

fn judged(
    meets: &str,
    list: &[(&str, Option<&str>)],
    at: &str,
    rule: Rule,
) -> Vec<(String, String)> {
    let statute = STATUTE.replace(
        "elected_by = { by = \"members\" }",
        &format!("elected_by = {{ by = \"members\" }}\n{meets}"),
    );
    findings(&build_with(&statute, &sittings(list)).unwrap(), at)
        .into_iter()
        .filter(|f| f.rule == rule)
        .map(|f| (f.events[0].to_string(), f.message))
        .collect()
}

#[test]
fn a_late_meeting_says_what_evidences_the_meetings_it_rests_on() {
    let meets = "meets = { every = \"6 months\" }";
    // A speech to the organ counts: minutes five months later are on time.
    let on_time = [
        ("2021-01-10", Some("speech")),
        ("2021-06-10", Some("minutes")),
    ];
    assert!(judged(meets, &on_time, "2021-07-01", Rule::MeetingLate).is_empty());
    let late = [
        ("2021-01-10", Some("speech")),
        ("2021-09-10", Some("minutes")),
    ];
    let found = judged(meets, &late, "2021-10-01", Rule::MeetingLate);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "agm-2021-09-10");
    assert!(
        found[0].1.contains("between agm-2021-01-10 (2021-01-10, evidenced by a speech) and agm-2021-09-10 (2021-09-10, evidenced by its minutes)"),
        "{}",
        found[0].1
    );
    // A regular record says only its date.
    let regular = [("2021-01-10", None), ("2021-09-10", Some("decision"))];
    let found = judged(meets, &regular, "2021-10-01", Rule::MeetingLate);
    assert!(
        found[0]
            .1
            .contains("(2021-01-10) and agm-2021-09-10 (2021-09-10, evidenced by a decision)"),
        "{}",
        found[0].1
    );
}

#[test]
fn an_overdue_organ_says_what_evidences_its_last_meeting() {
    let meets = "meets = { every = \"6 months\" }";
    let found = judged(
        meets,
        &[("2021-01-10", Some("report"))],
        "2022-01-01",
        Rule::MeetingOverdue,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0]
            .1
            .contains("since agm-2021-01-10 (2021-01-10, evidenced by a report)"),
        "{}",
        found[0].1
    );
    assert!(
        judged(
            meets,
            &[("2021-01-10", Some("report"))],
            "2021-06-01",
            Rule::MeetingOverdue
        )
        .is_empty()
    );
}

#[test]
fn a_period_whose_only_meeting_is_evidenced_counts_it_and_says_so() {
    // "each year": minutes alone show the 2021 meeting, so 2021 is not missed.
    let each = "meets = { each = \"year\" }";
    let minuted = [
        ("2020-05-01", None),
        ("2021-05-01", Some("minutes")),
        ("2022-05-01", None),
    ];
    assert!(judged(each, &minuted, "2022-06-01", Rule::MeetingLate).is_empty());
    // At least twice a year: 2021's only meeting, evidenced by its minutes, is short.
    let twice = "meets = { each = \"year\", at_least = 2 }";
    let short = [
        ("2020-03-01", None),
        ("2020-09-01", None),
        ("2021-05-01", Some("minutes")),
        ("2022-02-01", None),
    ];
    let found = judged(twice, &short, "2022-03-01", Rule::MeetingLate);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].1.contains("1 meeting of General Assembly is certainly recorded in 2021 (evidenced by its minutes); the statute requires at least 2"),
        "{}",
        found[0].1
    );
    let overdue = judged(twice, &short[..3], "2022-01-15", Rule::MeetingOverdue);
    assert_eq!(overdue.len(), 1, "{overdue:?}");
    assert!(
        overdue[0].1.contains("(evidenced by its minutes)"),
        "{}",
        overdue[0].1
    );
}
