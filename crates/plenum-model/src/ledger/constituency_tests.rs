//! Issue 14, constituencies: `[version.constituencies]`, `constituency_assigned`, an
//! organ whose seats each constituency's delegates elect (`wrong-elector`), one whose
//! holders must be of distinct constituencies (`ineligible-holder`), an election by one
//! constituency renewing only its seats, and the clauses refused at their line.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

const DISTRICTS: &str = r#"
[[version.article]]
number = "11"
text = "No two members of the Board shall be of the same District."

[[version.article]]
number = "12"
text = "The Councillors are elected by the delegates of each District."

[version.constituencies]
name = "District"
article = "12"

[[version.organ]]
id = "council"
name = "Council"
elected_by = { by = "assembly" }
seats = { full = 3 }
constituencies = { elected = true, article = "12" }
"#;

fn statute() -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            &format!("{DISTRICTS}\n[[version.organ]]"),
            1,
        )
        .replacen(
            "seats = { full = 5 }",
            "seats = { full = 5 }\nconstituencies = { distinct = true, article = \"11\" }",
            1,
        )
}

fn placed(person: &str, district: &str, date: &str) -> String {
    format!(
        r#"
[[event]]
id = "place-{person}-{date}"
date = "{date}"
kind = "constituency_assigned"
person = "{person}"
org = "assoc"
constituency = "{district}"
"#
    )
}

fn council(id: &str, date: &str, district: Option<&str>, elected: &str) -> String {
    let district = district.map_or_else(String::new, |d| format!("constituency = \"{d}\"\n"));
    format!(
        r#"
[[event]]
id = "{id}"
date = "{date}"
kind = "election_held"
organ = "assoc/council"
by = "assoc/assembly"
elected = [{elected}]
{district}"#
    )
}

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(&statute(), events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

fn places() -> String {
    [
        placed("ann", "north", "2020-02-01"),
        placed("bob", "south", "2020-02-01"),
        placed("cat", "north", "2020-02-01"),
    ]
    .concat()
}

#[test]
fn r14_seats_elected_by_each_district_pass_and_at_large_or_by_another_are_found() {
    let lawful = judged(&format!(
        "{}{}{}",
        places(),
        council(
            "council-north",
            "2021-03-01",
            Some("north"),
            "\"ann\", \"cat\""
        ),
        council("council-south", "2021-03-01", Some("south"), "\"bob\""),
    ));
    assert!(lawful.is_empty(), "{lawful:#?}");
    // Both districts' seats stand: the south's election renewed only the south's.
    let at_large = judged(&format!(
        "{}{}",
        places(),
        council("council-2021", "2021-03-01", None, "\"ann\", \"bob\""),
    ));
    let wrong = of_rule(&at_large, Rule::WrongElector);
    assert_eq!(wrong.len(), 1, "{at_large:#?}");
    assert!(wrong[0].message.contains("at large"), "{wrong:#?}");
    assert_eq!(
        wrong[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("12")
    );
    let by_another = judged(&format!(
        "{}{}",
        places(),
        council(
            "council-2021",
            "2021-03-01",
            Some("south"),
            "\"ann\", \"bob\""
        ),
    ));
    let wrong = of_rule(&by_another, Rule::WrongElector);
    assert_eq!(wrong.len(), 1, "{by_another:#?}");
    assert!(wrong[0].message.contains("`north`"), "{wrong:#?}");
}

#[test]
fn r14_an_election_by_one_district_renews_only_its_seats() {
    // Three seats: north's two and south's one; the north elects again (one person):
    // the south's seat stays, so three seats would not be two, and four are not found.
    let events = format!(
        "{}{}{}{}",
        places(),
        council(
            "council-north",
            "2021-03-01",
            Some("north"),
            "\"ann\", \"cat\""
        ),
        council("council-south", "2021-03-01", Some("south"), "\"bob\""),
        council("council-north-2", "2021-06-01", Some("north"), "\"ann\""),
    );
    let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
    let council = crate::query::at::at(
        &tables,
        &"2021-07-01".parse().unwrap(),
        "assoc/council",
        None,
    )
    .unwrap();
    assert_eq!(
        council.total, 2,
        "Ann re-elected by the north, Bob kept: {council:#?}"
    );
    assert!(findings(&tables, "2021-12-31").is_empty());
}

#[test]
fn r14_two_holders_of_one_district_are_found_and_the_unplaced_are_not() {
    let board = |elected: &str| {
        format!(
            r#"
[[event]]
id = "board-2021"
date = "2021-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = [{elected}]
"#
        )
    };
    let lawful = judged(&format!("{}{}", places(), board("\"ann\", \"bob\"")));
    assert!(lawful.is_empty(), "{lawful:#?}");
    let twice = judged(&format!(
        "{}{}",
        places(),
        board("\"ann\", \"bob\", \"cat\"")
    ));
    let found = of_rule(&twice, Rule::IneligibleHolder);
    assert_eq!(found.len(), 1, "{twice:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("11")
    );
    assert!(found[0].message.contains("same District"), "{found:#?}");
    // A seat taken later is judged against those who hold one.
    let taken = judged(&format!(
        "{}{}{}",
        places(),
        board("\"ann\", \"bob\""),
        r#"
[[event]]
id = "cat-co-opted"
date = "2021-05-01"
kind = "seat_taken"
organ = "assoc/board"
person = "cat"
by = "assoc/assembly"
"#
    ));
    assert_eq!(
        of_rule(&taken, Rule::IneligibleHolder).len(),
        1,
        "{taken:#?}"
    );
    // Moved to the south before: no finding. Never placed: unknown, no finding.
    let moved = judged(&format!(
        "{}{}{}",
        places(),
        placed("cat", "south-east", "2021-01-01"),
        board("\"ann\", \"bob\", \"cat\"")
    ));
    assert!(moved.is_empty(), "{moved:#?}");
    let unplaced = judged(&format!(
        "{}{}",
        placed("ann", "north", "2020-02-01"),
        board("\"ann\", \"bob\", \"cat\"")
    ));
    assert!(unplaced.is_empty(), "{unplaced:#?}");
}

#[test]
fn r14_constituency_clauses_are_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(at);
        assert!(err.to_string().contains(says), "{err}");
        let pos = text.find(at).unwrap_or_else(|| panic!("{at}"));
        let (line, _) = crate::source::line_col(&text, pos);
        assert_eq!(err.line, line, "{err}");
    };
    let without = statute().replace(
        "[version.constituencies]\nname = \"District\"\narticle = \"12\"\n",
        "",
    );
    refused(
        without,
        "constituencies = { elected",
        "needs `[version.constituencies]`",
    );
    let says_nothing = statute().replace(
        "constituencies = { elected = true, article",
        "constituencies = { elected = false, article",
    );
    refused(
        says_nothing,
        "constituencies = { elected = false",
        "says nothing",
    );
    let unknown = statute().replace(
        "constituencies = { elected = true,",
        "constituencies = { elects = true,",
    );
    refused(unknown, "elects", "unknown field");
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    assert_eq!(
        clauses
            .iter()
            .filter(|c| c.field == "constituencies")
            .count(),
        3,
        "{clauses:#?}"
    );
}

mod ordering {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]

        /// Whatever order the placements are recorded in, the election is judged by
        /// the placement latest in date on or before its day: two of one District is
        /// found exactly when Ann's last placement before it is Bob's.
        #[test]
        fn r14_a_placement_counts_by_its_date_not_by_when_it_was_recorded(
            placements in proptest::collection::vec((0u32..4, 1u32..28), 1..5),
        ) {
            let districts = ["north", "south", "east", "west"];
            // Distinct days, so that "the latest" is one placement.
            let mut seen = std::collections::BTreeSet::new();
            let placements: Vec<(u32, u32)> =
                placements.into_iter().filter(|(_, d)| seen.insert(*d)).collect();
            let mut events = placed("bob", "north", "2020-02-01");
            for (district, day) in &placements {
                events.push_str(&placed(
                    "ann",
                    districts[*district as usize],
                    &format!("2021-01-{day:02}"),
                ));
            }
            events.push_str(
                "\n[[event]]\nid = \"board-2021\"\ndate = \"2021-03-01\"\nkind = \"election_held\"\norgan = \"assoc/board\"\nby = \"assoc/assembly\"\nelected = [\"ann\", \"bob\"]\n",
            );
            let last = placements.iter().max_by_key(|(_, day)| *day).map(|(d, _)| *d);
            let found = of_rule(&judged(&events), Rule::IneligibleHolder).len();
            prop_assert_eq!(found, usize::from(last == Some(0)));
        }
    }
}

#[test]
fn r14_an_election_by_a_constituency_and_a_placement_are_said_in_words() {
    let events = super::statute_tests::events_of(&format!(
        "{}{}",
        placed("ann", "north", "2020-02-01"),
        council("council-north", "2021-03-01", Some("north"), "\"ann\"")
    ));
    let words: Vec<String> = events
        .iter()
        .map(|e| crate::event::describe::summarize(e).render(|_, id| id.to_owned()))
        .collect();
    assert_eq!(words[0], "ann: placed in the constituency `north` of assoc");
    assert!(
        words[1].ends_with("; by the delegates of the constituency `north`"),
        "{words:#?}"
    );
}

/// The Assembly may be called at the request of half its members from at least two
/// Districts (article 12).
fn requisition_statute(from: &str) -> String {
    statute().replacen(
        "elected_by = { by = \"members\" }",
        &format!(
            "elected_by = {{ by = \"members\" }}\nconvened_by = {{ by = [\"board\"], requisition = \"1/2\", {from}article = \"12\" }}"
        ),
        1,
    )
}

fn requested(statute: &str, how: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        "{}\n[[event]]\nid = \"call\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"agm\"\norgan = \"assoc/assembly\"\n{how}\n",
        super::statute_tests::BOARD
    );
    let tables = build_with(statute, &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-06-01"), Rule::WrongConvener)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_requisition_from_too_few_constituencies_is_found() {
    let statute = requisition_statute("from_constituencies = 2, ");
    // Both full members, from two Districts, or from one.
    assert!(requested(&statute, "requested_by = 2\nrequested_from = 2").is_empty());
    let found = requested(&statute, "requested_by = 2\nrequested_from = 1");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "a meeting of General Assembly was convened at the request of members in 1 constituency (District); a requisition needs members in at least 2"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("12")
    );
    // The record does not say how many: not judged.
    assert!(requested(&statute, "requested_by = 2").is_empty());
    // Without the clause, the count of constituencies is not judged.
    let plain = requisition_statute("");
    assert!(requested(&plain, "requested_by = 2\nrequested_from = 1").is_empty());
}

#[test]
fn r14_from_constituencies_is_refused_where_it_cannot_be_judged() {
    let refused = |text: String, says: &str| {
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.message.contains(says), "{err}");
        let at = text
            .find("from_constituencies")
            .unwrap_or_else(|| panic!("{says}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        requisition_statute("from_constituencies = 0, "),
        "at least 1",
    );
    refused(
        requisition_statute("from_constituencies = 2, ").replacen(", requisition = \"1/2\"", "", 1),
        "give `requisition` too",
    );
    refused(
        requisition_statute("from_constituencies = 2, ")
            .replacen(
                "[version.constituencies]\nname = \"District\"\narticle = \"12\"\n",
                "",
                1,
            )
            .replacen(
                "constituencies = { elected = true, article = \"12\" }\n",
                "",
                1,
            )
            .replacen(
                "constituencies = { distinct = true, article = \"11\" }",
                "",
                1,
            ),
        "declare `[version.constituencies]`",
    );
}
