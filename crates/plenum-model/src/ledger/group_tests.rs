//! Issue 13, groups with unnamed members: `others` on expulsions, purges, trials,
//! arrests and deaths, in every form, refused where wrong, and told in the record.

use super::historian_tests::{PEOPLE, date};
use super::tests::build;
use crate::event::read::{Format, read};
use crate::query::{at::at, person::person};

const TRIAL: &str = r#"
[[event]]
id = "trial"
date = "1953-08"
kind = "person_tried"
person = "yi"
sentence = "death"
show_trial = true
others = { count = 11, who = "leaders of the domestic faction" }
"#;

fn one(text: &str, format: Format) -> crate::event::Event {
    let mut located = read(text, format).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(located.len(), 1);
    located.remove(0).event
}

#[test]
fn others_are_read_in_every_form_and_written_back() {
    use crate::event::kinds::{Headcount, Others};
    let tried = one(TRIAL, Format::Toml);
    assert_eq!(
        tried.kind.others(),
        Some(&Others {
            count: Headcount::Exactly(11),
            who: Some("leaders of the domestic faction".into()),
        })
    );
    for (written, count) in [
        ("11", Headcount::Exactly(11)),
        ("\"some\"", Headcount::Some),
        ("\"a number\"", Headcount::ANumber),
        ("\"several\"", Headcount::Several),
        ("\"many\"", Headcount::Many),
        ("{ count = \"a number\" }", Headcount::ANumber),
    ] {
        for kind in [
            "kind = \"member_expelled\"\norg = \"party\"",
            "kind = \"person_purged\"\norg = \"party\"",
            "kind = \"person_arrested\"",
            "kind = \"person_died\"",
            "kind = \"person_tried\"",
        ] {
            let text = format!(
                "[[event]]\nid = \"e\"\ndate = 1950\n{kind}\nperson = \"mu\"\nothers = {written}\n"
            );
            let event = one(&text, Format::Toml);
            assert_eq!(event.kind.others(), Some(&Others::from(count)), "{text}");
            // The JSON Lines form reads back to the same event.
            let line = crate::event::codec::to_json(&event).to_string();
            assert_eq!(one(&line, Format::JsonLines), event, "{line}");
        }
    }
    // Without a description, the bare count is written back.
    let event = one(
        "[[event]]\nid = \"e\"\ndate = 1950\nkind = \"person_arrested\"\nperson = \"mu\"\nothers = { count = 3 }\n",
        Format::Toml,
    );
    assert_eq!(crate::event::codec::to_json(&event)["others"], 3);
    let line = crate::event::codec::to_json(&tried).to_string();
    assert!(
        line.contains(r#""others":{"count":11,"who":"leaders of the domestic faction"}"#),
        "{line}"
    );
}

#[test]
fn bad_others_are_refused_at_their_field() {
    for (written, says) in [
        ("0", "at least 1"),
        ("-2", "cannot be negative"),
        ("\"lots\"", "unknown headcount `lots`"),
        ("{ count = 3, whom = \"x\" }", "whom"),
        ("{ who = \"x\" }", "count"),
        ("1000000001", "largest count"),
        ("2.5", "others"),
    ] {
        let text = format!(
            "[[event]]\nid = \"e\"\ndate = 1950\nkind = \"person_tried\"\nperson = \"mu\"\nothers = {written}\n"
        );
        let error = read(&text, Format::Toml).expect_err(&text);
        assert_eq!((error.line, error.column), (6, 1), "{text}: {error}");
        assert!(error.to_string().contains(says), "{text}: {error}");
    }
    let line = r#"{"id":"e","date":"1950","kind":"person_tried","person":"mu","others":"lots"}"#;
    let error = read(line, Format::JsonLines).expect_err(line);
    assert_eq!(error.line, 1);
    assert!(error.to_string().contains("unknown headcount"), "{error}");
}

#[test]
fn others_are_told_in_the_record_and_counted_nowhere() {
    let state = build(&format!(
        "{PEOPLE}{TRIAL}{}",
        r#"
[[event]]
id = "adm-mu"
date = "1946-09"
kind = "member_admitted"
person = "mu"
org = "party"

[[event]]
id = "mu-expelled"
date = "1950-10/1952"
kind = "member_expelled"
person = "mu"
org = "party"
others = { count = "a number", who = "military leaders" }
"#
    ));
    let yi = person(&state, "yi").unwrap();
    assert_eq!(
        yi.record.last().unwrap().text,
        "put on show trial, sentenced to death, with 11 others (leaders of the domestic faction)"
    );
    let mu = person(&state, "mu").unwrap();
    assert_eq!(
        mu.record.last().unwrap().text,
        "expelled from Workers' Party, with a number of others (military leaders)"
    );
    let members = at(&state, &date("1950-01"), "party", None).unwrap();
    assert_eq!(members.total, 1);
    let members = at(&state, &date("1953"), "party", None).unwrap();
    assert_eq!(members.total, 0);
}

#[test]
fn a_release_is_told_with_the_arrest_and_one_before_it_is_refused() {
    let arrest = |released: &str| {
        format!(
            "{PEOPLE}\n[[event]]\nid = \"jailed\"\ndate = \"1925/1945-08\"\nkind = \"person_arrested\"\nperson = \"yi\"\nby = \"the Japanese\"\nreleased = \"{released}\"\n"
        )
    };
    let state = build(&arrest("1925/1945-08"));
    let yi = person(&state, "yi").unwrap();
    assert_eq!(
        yi.record.last().unwrap().text,
        "arrested by the Japanese, released 1925/1945-08"
    );
    let event = one(&arrest("1946")[PEOPLE.len()..], Format::Toml);
    let line = crate::event::codec::to_json(&event).to_string();
    assert!(line.contains(r#""released":"1946""#), "{line}");
    assert_eq!(one(&line, Format::JsonLines), event);
    let mut tables = build(PEOPLE);
    let late = super::statute_tests::events_of(&arrest("1920")[PEOPLE.len()..]);
    match super::record(&mut tables, &late) {
        Err(super::RecordError::Refused(err)) => {
            assert_eq!(err.refusal.field, "released", "{}", err.refusal.message);
            assert!(
                err.refusal.message.contains("before the arrest"),
                "{}",
                err.refusal.message
            );
        }
        Err(other) => panic!("{other}"),
        Ok(_) => panic!("a release before the arrest was recorded"),
    }
}
