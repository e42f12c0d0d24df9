//! Unit tests: the date convention, ids, and a small file through the planner.

use plenum_model::date::FuzzyDate;

use super::Popolo;
use super::dates::{self, Bound, Written};
use super::ids::{Ids, slug};
use super::import::plan;

fn written(date: &str, bound: Bound) -> Written {
    let parsed: FuzzyDate = date.parse().expect("a date");
    dates::write(&parsed, bound)
}

fn w(popolo: Option<&str>, edtf: Option<&str>) -> Written {
    Written {
        popolo: popolo.map(str::to_owned),
        edtf: edtf.map(str::to_owned),
    }
}

#[test]
fn exact_dates_are_written_as_they_are() {
    for d in ["1946", "1946-08", "1946-08-30"] {
        assert_eq!(written(d, Bound::Start), w(Some(d), None));
        assert_eq!(written(d, Bound::End), w(Some(d), None));
    }
}

#[test]
fn ranges_take_the_narrowest_popolo_date_holding_them_and_keep_the_edtf() {
    assert_eq!(
        written("1946-08-28/1946-08-30", Bound::Start),
        w(Some("1946-08"), Some("1946-08-28/1946-08-30"))
    );
    assert_eq!(
        written("1946-05/1946-06", Bound::Start),
        w(Some("1946"), Some("1946-05/1946-06"))
    );
    assert_eq!(
        written("1955~", Bound::Start),
        w(Some("1954"), Some("1955~"))
    );
    assert_eq!(written("1955~", Bound::End), w(Some("1956"), Some("1955~")));
    assert_eq!(
        written("1955?", Bound::Start),
        w(Some("1955"), Some("1955?"))
    );
    assert_eq!(
        written("[1955,1957]", Bound::End),
        w(Some("1957"), Some("[1955,1957]"))
    );
    assert_eq!(
        written("1946-05/..", Bound::Start),
        w(Some("1946"), Some("1946-05/.."))
    );
    assert_eq!(written("../1946", Bound::Start), w(None, Some("../1946")));
}

#[test]
fn popolo_dates_and_date_times_read_back() {
    assert_eq!(
        dates::read("2014-04-23").map(|d| d.to_string()),
        Ok("2014-04-23".to_owned())
    );
    assert_eq!(
        dates::read("2014-04-23T10:00:00Z").map(|d| d.to_string()),
        Ok("2014-04-23".to_owned())
    );
    assert!(dates::read("next year").is_err());
}

#[test]
fn ids_are_slugs_made_unique() {
    assert_eq!(slug("FRODEBU NYAKURI"), "frodebu-nyakuri");
    assert_eq!(
        slug("party/abigenga_mizero_y’abarundi"),
        "party-abigenga_mizero_y-abarundi"
    );
    assert_eq!(slug("-"), "x");
    assert_eq!(slug("Assemblée nationale"), "assemblee-nationale");
    let mut ids = Ids::default();
    assert_eq!(ids.assign("A b", "A b"), "a-b");
    assert_eq!(ids.assign("a-b", "a-b"), "a-b-2");
    assert_eq!(ids.assign("A b", "A b"), "a-b");
}

const SMALL: &str = r#"{
  "persons": [
    {"id": "p1", "name": "Ann Lee", "contact_details": [{"type": "email", "value": "a@example.org"}]},
    {"id": "p2", "name": "Bo Chen", "other_names": [{"name": "Bo C.", "lang": "en"}]}
  ],
  "organizations": [
    {"id": "leg", "name": "House", "classification": "legislature"},
    {"id": "party/red", "name": "Red", "classification": "party"}
  ],
  "memberships": [
    {"person_id": "p1", "organization_id": "leg", "on_behalf_of_id": "party/red", "legislative_period_id": "term/1"},
    {"person_id": "p2", "organization_id": "leg", "start_date": "2011-02-01", "end_date": "2013"}
  ],
  "events": [
    {"id": "term/1", "classification": "legislative period", "start_date": "2010-01-05", "end_date": "2014-01-04"}
  ],
  "areas": []
}"#;

#[test]
fn a_small_file_plans_its_events_and_lists_what_it_leaves_out() {
    let popolo: Popolo = serde_json::from_str(SMALL).expect("the test file reads");
    let plan = plan(&popolo, "small.json", None, true).expect("it plans");
    assert_eq!(plan.main.as_deref(), Some("leg"));
    assert_eq!(plan.counts.persons, 2);
    assert_eq!(plan.counts.seats, 2);
    assert_eq!(plan.counts.factions, 1);
    let statute = plan.statute.expect("a statute is proposed");
    assert!(statute.contains("organization = \"leg\""), "{statute}");
    assert!(statute.contains("seats = { full = 2 }"), "{statute}");
    let kinds: Vec<String> = plan
        .lines
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).expect("json")["kind"]
                .as_str()
                .unwrap_or("")
                .to_owned()
        })
        .collect();
    assert_eq!(kinds.iter().filter(|k| *k == "seat_taken").count(), 2);
    assert!(kinds.contains(&"faction_joined".to_owned()));
    let paths: Vec<&str> = plan.unmapped.iter().map(|u| u.path.as_str()).collect();
    for p in [
        "$.persons[].contact_details",
        "$.persons[].other_names[].lang",
        "$.areas",
        "$.events[] (legislative period)",
    ] {
        assert!(paths.contains(&p), "{p} missing from {paths:?}");
    }
    let contact = plan
        .unmapped
        .iter()
        .find(|u| u.path == "$.persons[].contact_details")
        .expect("listed");
    assert_eq!(
        (contact.count, contact.first.as_str()),
        (1, "$.persons[0].contact_details")
    );
}

#[test]
fn an_unknown_person_is_named_by_its_json_path() {
    let bad = SMALL.replace("\"person_id\": \"p2\"", "\"person_id\": \"p9\"");
    let popolo: Popolo = serde_json::from_str(&bad).expect("the test file reads");
    let error = plan(&popolo, "small.json", None, true).expect_err("refused");
    assert_eq!(error.path, "$.memberships[1].person_id");
    assert!(error.message.contains("p9"), "{}", error.message);
}

#[test]
fn a_party_switch_is_one_seat_and_two_alignments() {
    let text = r#"{
      "persons": [{"id": "p1", "name": "Ann Lee"}],
      "organizations": [
        {"id": "leg", "name": "House", "classification": "legislature"},
        {"id": "red", "name": "Red", "classification": "party"},
        {"id": "blue", "name": "Blue", "classification": "party"}
      ],
      "memberships": [
        {"person_id": "p1", "organization_id": "leg", "on_behalf_of_id": "blue", "start_date": "2012-03-01", "end_date": "2014"},
        {"person_id": "p1", "organization_id": "leg", "on_behalf_of_id": "red", "start_date": "2010-01-05", "end_date": "2012-03-01"}
      ]
    }"#;
    let popolo: Popolo = serde_json::from_str(text).expect("the test file reads");
    let plan = plan(&popolo, "switch.json", None, true).expect("it plans");
    assert_eq!((plan.counts.seats, plan.counts.alignments), (1, 2));
    let events: Vec<serde_json::Value> = plan
        .lines
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    let seat: Vec<(&str, &str)> = events
        .iter()
        .filter(|e| e["kind"].as_str().is_some_and(|k| k.starts_with("seat_")))
        .map(|e| {
            (
                e["kind"].as_str().unwrap_or(""),
                e["date"].as_str().unwrap_or(""),
            )
        })
        .collect();
    assert_eq!(
        seat,
        [("seat_taken", "2010-01-05"), ("seat_vacated", "2014")]
    );
    let joined: Vec<&str> = events
        .iter()
        .filter(|e| e["kind"] == "faction_joined")
        .filter_map(|e| e["faction"].as_str())
        .collect();
    assert_eq!(joined, ["blue", "red"]);
}

#[test]
fn a_plenum_twin_date_wins_over_the_popolo_date() {
    let text = r#"{
      "persons": [{"id": "p1", "name": "Ann Lee", "birth_date": "1954", "plenum:birth_date": "1955~"}],
      "organizations": [{"id": "leg", "name": "House"}],
      "memberships": [{"person_id": "p1", "organization_id": "leg", "start_date": "1946", "plenum:start_date": "1946-05/1946-06"}]
    }"#;
    let popolo: Popolo = serde_json::from_str(text).expect("the test file reads");
    let plan = plan(&popolo, "twin.json", None, true).expect("it plans");
    assert!(plan.lines.contains("\"born\":\"1955~\""), "{}", plan.lines);
    assert!(
        plan.lines
            .contains("\"date\":\"1946-05/1946-06\",\"id\":\"popolo-twin-"),
        "{}",
        plan.lines
    );
    assert!(plan.unmapped.is_empty(), "{:?}", plan.unmapped);
}

/// The kinds, dates and factions of the events a plan makes, in ledger order.
fn planned(text: &str) -> Vec<(String, String, String)> {
    let popolo: Popolo = serde_json::from_str(text).expect("the test file reads");
    let plan = plan(&popolo, "t.json", None, true).expect("it plans");
    plan.lines
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("json"))
        .map(|e| {
            let text = |k: &str| e[k].as_str().unwrap_or("").to_owned();
            (text("kind"), text("date"), text("faction"))
        })
        .collect()
}

/// plenum's own export: an organ, a faction, and a seat that began before its holder
/// joined the faction.
const PLENUM_SEAT: &str = r#"{
  "persons": [{"id": "p1", "name": "Ann Lee"}],
  "organizations": [
    {"id": "org", "name": "Org", "plenum:kind": "organization", "founding_date": "2021"},
    {"id": "org/board", "name": "Board", "classification": "organ", "parent_id": "org", "plenum:kind": "organ"},
    {"id": "faction:green", "name": "Green", "classification": "faction", "parent_id": "org", "founding_date": "2022-05-14", "plenum:kind": "faction"}
  ],
  "memberships": [
    {"id": "seat:1", "person_id": "p1", "organization_id": "org/board", "role": "full", "start_date": "2021-03-06", "end_date": "2022-03-05"},
    {"id": "seat:2", "person_id": "p1", "organization_id": "org/board", "role": "full", "start_date": "2022-03-05",
     "on_behalf_of_id": "faction:green", "plenum:factions": [{"id": "faction:green", "start_date": "2022-06", "end_date": "2023-02-01"}]}
  ]
}"#;

#[test]
fn a_seat_s_faction_keeps_the_alignment_s_own_dates() {
    let events = planned(PLENUM_SEAT);
    let aligned: Vec<(&str, &str)> = events
        .iter()
        .filter(|(k, _, f)| k.starts_with("faction_") && f == "green" && k != "faction_formed")
        .map(|(k, d, _)| (k.as_str(), d.as_str()))
        .collect();
    assert_eq!(
        aligned,
        [
            ("faction_joined", "2022-06"),
            ("faction_left", "2023-02-01")
        ]
    );
}

#[test]
fn seats_plenum_exports_apart_stay_apart() {
    let seats: Vec<(String, String)> = planned(PLENUM_SEAT)
        .into_iter()
        .filter(|(k, _, _)| k.starts_with("seat_"))
        .map(|(k, d, _)| (k, d))
        .collect();
    let seats: Vec<(&str, &str)> = seats
        .iter()
        .map(|(k, d)| (k.as_str(), d.as_str()))
        .collect();
    assert_eq!(
        seats,
        [
            ("seat_taken", "2021-03-06"),
            ("seat_vacated", "2022-03-05"),
            ("seat_taken", "2022-03-05"),
        ]
    );
}

#[test]
fn a_bad_list_of_seat_factions_is_named_by_its_path() {
    let bad = PLENUM_SEAT.replace("\"start_date\": \"2022-06\"", "\"start_date\": \"June\"");
    let popolo: Popolo = serde_json::from_str(&bad).expect("the test file reads");
    let error = plan(&popolo, "t.json", None, true).expect_err("refused");
    assert_eq!(error.path, "$.memberships[1].plenum:factions[0].start_date");
}

#[test]
fn a_seat_s_faction_must_be_a_faction() {
    let bad = PLENUM_SEAT.replace(
        "[{\"id\": \"faction:green\", \"start_date\"",
        "[{\"id\": \"org\", \"start_date\"",
    );
    let popolo: Popolo = serde_json::from_str(&bad).expect("the test file reads");
    let error = plan(&popolo, "t.json", None, true).expect_err("refused");
    assert_eq!(error.path, "$.memberships[1].plenum:factions[0].id");
    assert!(error.message.contains("not a faction"), "{}", error.message);
}

#[test]
fn a_suspension_comes_back_a_suspension() {
    let text = r#"{
      "persons": [{"id": "p1", "name": "Ann Lee"}],
      "organizations": [{"id": "org", "name": "Org", "plenum:kind": "organization"}],
      "memberships": [
        {"id": "member:1", "person_id": "p1", "organization_id": "org", "role": "full", "start_date": "2020-01-01", "end_date": "2021-05-01"},
        {"id": "member:2", "person_id": "p1", "organization_id": "org", "role": "suspended", "start_date": "2021-05-01", "end_date": "2021-11-01"},
        {"id": "member:3", "person_id": "p1", "organization_id": "org", "role": "full", "start_date": "2021-11-01"}
      ]
    }"#;
    let kinds: Vec<(String, String)> = planned(text)
        .into_iter()
        .filter(|(k, _, _)| k.starts_with("member_"))
        .map(|(k, d, _)| (k, d))
        .collect();
    let kinds: Vec<(&str, &str)> = kinds
        .iter()
        .map(|(k, d)| (k.as_str(), d.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            ("member_admitted", "2020-01-01"),
            ("member_resigned", "2021-05-01"),
            ("member_suspended", "2021-05-01"),
            ("member_resigned", "2021-11-01"),
            ("member_admitted", "2021-11-01"),
        ]
    );
}
