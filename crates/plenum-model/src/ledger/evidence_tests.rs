//! Issue 13, meetings that count: a sitting the record shows by a speech, minutes, a
//! decision or a report is a `meeting_held` with `evidence`.

use crate::event::kinds::Evidence;
use crate::event::read::{Format, read};
use crate::event::{EventKind, codec};

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
