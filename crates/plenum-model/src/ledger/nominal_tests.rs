//! Issue 13, nominal and actual: a holder who is a figurehead (`nominal = true` on
//! `post_assigned`), shown by `person`.

use super::tests::build;
use crate::query::person::person;

const RECORD: &str = r#"
[[event]]
id = "party"
date = "1946-08-28"
kind = "organization_founded"
org = "nwpk"
name = "North Workers' Party"

[[event]]
id = "chair"
date = "1946-08-28"
kind = "post_established"
post = "nwpk/chairman"
name = "Chairman"

[[event]]
id = "p-kim"
date = "1900"
kind = "person_registered"
person = "kim-tu-bong"
name = "Kim Tu-bong"

[[event]]
id = "p-kis"
date = "1900"
kind = "person_registered"
person = "kim-il-sung"
name = "Kim Il-sung"

[[event]]
id = "kim-chairs"
date = "1946-08-30"
kind = "post_assigned"
person = "kim-tu-bong"
post = "nwpk/chairman"
nominal = true

[[event]]
id = "kis-chairs"
date = "1949-06"
kind = "post_assigned"
person = "kim-il-sung"
post = "nwpk/chairman"
"#;

#[test]
fn a_figurehead_holds_the_post_in_name() {
    let state = build(RECORD);
    let figurehead = person(&state, "kim-tu-bong").unwrap();
    assert!(figurehead.posts[0].nominal, "{:?}", figurehead.posts);
    let json = serde_json::to_value(&figurehead.posts[0]).unwrap();
    assert_eq!(json["nominal"], true);
    assert!(
        figurehead
            .record
            .iter()
            .any(|r| r.text.ends_with("(nominal)")),
        "{:?}",
        figurehead.record
    );
    let real = person(&state, "kim-il-sung").unwrap();
    assert!(!real.posts[0].nominal);
    let json = serde_json::to_value(&real.posts[0]).unwrap();
    assert!(json.get("nominal").is_none(), "{json}");
}

/// A party with a statute's organs: a nominal seat taken, a nominal member elected.
const SEATS: &str = r#"
[[event]]
id = "org"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"

[[event]]
id = "p-kim"
date = "1900"
kind = "person_registered"
person = "kim"
name = "Kim Tu-bong"

[[event]]
id = "p-pak"
date = "1900"
kind = "person_registered"
person = "pak"
name = "Pak Hon-yong"

[[event]]
id = "p-choe"
date = "1900"
kind = "person_registered"
person = "choe"
name = "Choe Yong-gon"

[[event]]
id = "kim-sits"
date = "1947-01"
kind = "seat_taken"
person = "kim"
organ = "party/politburo"
nominal = true

[[event]]
id = "cc-elected"
date = "1948-03"
kind = "election_held"
organ = "party/cc"
elected = ["pak", "choe"]
nominal = ["choe"]

[[event]]
id = "chair-elected"
date = "1948-03"
kind = "election_held"
post = "party/chairman"
by = "party/cc"
elected = ["choe"]
nominal = ["choe"]
"#;

#[test]
fn a_seat_taken_in_name_only_is_nominal_in_person_and_at() {
    let state = build(SEATS);
    let kim = person(&state, "kim").unwrap();
    assert!(kim.seats[0].nominal, "{:?}", kim.seats);
    let json = serde_json::to_value(&kim.seats[0]).unwrap();
    assert_eq!(json["nominal"], true);
    assert!(
        kim.record
            .iter()
            .any(|r| r.text == "took a full seat on Political Bureau (nominal)"),
        "{:?}",
        kim.record
    );
    let date = "1947-06".parse().unwrap();
    let report = crate::query::at::at(&state, &date, "politburo", None).unwrap();
    assert_eq!(report.members.len(), 1);
    assert!(report.members[0].nominal);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(json["members"][0]["nominal"], true);
}

#[test]
fn an_election_names_who_was_elected_in_name_only() {
    let state = build(SEATS);
    let date = "1948-06".parse().unwrap();
    let cc = crate::query::at::at(&state, &date, "cc", None).unwrap();
    let nominal: Vec<(&str, bool)> = cc
        .members
        .iter()
        .map(|m| (m.id.as_str(), m.nominal))
        .collect();
    assert_eq!(nominal, [("choe", true), ("pak", false)]);
    let json = serde_json::to_value(&cc).unwrap();
    let pak = json["members"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["id"] == "pak")
        .unwrap();
    assert!(pak.get("nominal").is_none(), "{pak}");
    let chair = crate::query::at::at(&state, &date, "chairman", None).unwrap();
    assert_eq!(chair.members[0].id, "choe");
    assert!(chair.members[0].nominal);
    let choe = person(&state, "choe").unwrap();
    assert!(choe.seats[0].nominal && choe.posts[0].nominal);
    assert!(
        choe.record
            .iter()
            .any(|r| r.text == "elected to Central Committee (nominal)"),
        "{:?}",
        choe.record
    );
    let pak = person(&state, "pak").unwrap();
    assert!(!pak.seats[0].nominal);
}

#[test]
fn nominal_must_name_someone_elected() {
    let text = r#"
[[event]]
id = "party-founded"
date = "1946-08-28"
kind = "organization_founded"
org = "party"
name = "Workers' Party"

[[event]]
id = "pak-registered"
date = "1900"
kind = "person_registered"
person = "pak"
name = "Pak Hon-yong"

[[event]]
id = "kim-registered"
date = "1900"
kind = "person_registered"
person = "kim"
name = "Kim Tu-bong"

[[event]]
id = "cc-elected"
date = "1948-03"
kind = "election_held"
organ = "party/cc"
elected = ["pak"]
nominal = ["kim"]
"#;
    let located = crate::event::read::read(text, crate::event::read::Format::Toml).unwrap();
    let Err(super::RecordError::Refused(err)) =
        super::statute_tests::build_with(super::tests::STATUTE, text)
    else {
        panic!("an election naming as nominal someone not elected was recorded")
    };
    assert_eq!(err.refusal.field, "nominal");
    assert!(
        err.refusal
            .message
            .contains("`kim` is not among those elected"),
        "{}",
        err.refusal.message
    );
    // The field the refusal names is found at its line and column.
    let span = located[3].field_span("nominal");
    assert_eq!(&text[span], "nominal");
}

#[test]
fn nominal_that_is_not_a_yes_or_no_is_refused_at_its_place() {
    let text = r#"
[[event]]
id = "kim-sits"
date = "1947-01"
kind = "seat_taken"
person = "kim"
organ = "party/politburo"
nominal = "yes"
"#;
    let err = crate::event::read::read(text, crate::event::read::Format::Toml).unwrap_err();
    assert_eq!(err.line, 8, "{err:?}");
    assert_eq!(&text[err.span.clone()], "nominal", "{err:?}");
    assert!(
        err.message.contains("expected a boolean"),
        "{}",
        err.message
    );
}
