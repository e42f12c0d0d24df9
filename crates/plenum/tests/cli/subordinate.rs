//! One statute governing subordinate organizations (issue 14): a party's statute
//! gives every `branch` under it a committee elected by the branch's general meeting
//! and an organizer appointed by the Central Committee one level up
//! (`[[version.subordinate]]`, `by = "parent:cc"`), judged through `plenum check
//! --json`, and listed by `plenum statute check`.

use crate::rules::{findings_of, of_rule};

const STATUTE: &str = "subordinate/statute.toml";
const BASE: &str = "subordinate/base.toml";

#[test]
fn a_branch_s_offices_filled_as_its_template_says_give_no_finding() {
    let found = findings_of(
        STATUTE,
        &[BASE, "subordinate/committee.pass.toml"],
        "2001-06-01",
    );
    assert_eq!(found, Vec::<serde_json::Value>::new());
}

#[test]
fn a_branch_s_offices_filled_by_the_wrong_organs_are_wrong_elector_citing_the_template() {
    let found = findings_of(
        STATUTE,
        &[BASE, "subordinate/committee.flag.toml"],
        "2001-06-01",
    );
    assert_eq!(
        of_rule(&found, "wrong-elector"),
        [
            (
                "committee-elected".to_owned(),
                Some("2000".to_owned()),
                Some("30".to_owned())
            ),
            (
                "organizer-appointed".to_owned(),
                Some("2000".to_owned()),
                Some("31".to_owned())
            ),
        ]
    );
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn a_branch_committee_left_past_its_term_is_term_expired() {
    let found = findings_of(
        STATUTE,
        &[BASE, "subordinate/committee.pass.toml"],
        "2004-06-01",
    );
    // One finding per seat left running (Ann's and Bob's), citing the template's term.
    let seat = (
        "committee-elected".to_owned(),
        Some("2000".to_owned()),
        Some("30".to_owned()),
    );
    assert_eq!(of_rule(&found, "term-expired"), [seat.clone(), seat]);
    assert_eq!(found.len(), 2, "{found:#?}");
}

#[test]
fn statute_check_lists_the_template_and_its_offices() {
    let env = crate::support::Env::new();
    let path = crate::support::data(STATUTE);
    let json = env.json(&["statute", "check", path.to_str().unwrap()]);
    let clauses = json["clauses"].as_array().expect("clauses");
    let subjects: Vec<(&str, &str)> = clauses
        .iter()
        .map(|c| {
            (
                c["subject"].as_str().unwrap_or(""),
                c["field"].as_str().unwrap_or(""),
            )
        })
        .collect();
    for expected in [
        ("branch", "subordinate"),
        ("branch: Branch Committee", "elected_by"),
        ("branch: Branch Committee", "term"),
        ("branch: Branch Organizer", "elected_by"),
    ] {
        assert!(subjects.contains(&expected), "{expected:?}: {subjects:?}");
    }
    let text = env.stdout(&["statute", "check", path.to_str().unwrap()]);
    assert!(
        text.contains("elected by the `cc` of the organization one level up only"),
        "{text}"
    );
}
