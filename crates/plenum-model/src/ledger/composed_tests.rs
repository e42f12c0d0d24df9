//! Issue 14, organs made only of other organs' members and posts' holders
//! (`composed_of`): `at` lists them, they form the quorum's base, they meet a seat
//! requirement, and electing anyone to such an organ is `wrong-elector`.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute() -> String {
    STATUTE.replace(
        "[[version.discipline]]",
        r#"[[version.article]]
number = "15"
text = "The Council consists of all directors and the treasurer."

[[version.organ]]
id = "council"
name = "Council"
composed_of = { organs = ["board"], posts = ["treasurer"], article = "15" }
quorum = { more_than = "1/2", article = "15" }

[[version.post]]
id = "speaker"
name = "Speaker"
elected_by = { by = "council" }
eligibility = [{ requires = "seat", organ = "council", article = "15" }]

[[version.discipline]]"#,
    )
}

const HISTORY: &str = r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "board-2021"
date = "2021-01-10"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob"]

[[event]]
id = "treasurer-2021"
date = "2021-01-10"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["cat"]
"#;

fn tables(events: &str) -> super::Tables {
    build_with(&statute(), &format!("{HISTORY}{events}")).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn r14_a_composed_organ_lists_its_members_and_counts_them_for_its_quorum() {
    let t = tables("");
    let council =
        crate::query::at::at(&t, &"2021-03-01".parse().unwrap(), "assoc/council", None).unwrap();
    let mut names: Vec<&str> = council.members.iter().map(|m| m.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(names, ["Ann", "Bob", "Cat"], "{council:#?}");
    let meeting = |present: u32| {
        format!(
            "\n[[event]]\nid = \"council-met\"\ndate = \"2021-03-01\"\nkind = \"meeting_held\"\nmeeting = \"council-1\"\norgan = \"assoc/council\"\n\n[[event]]\nid = \"budget\"\ndate = \"2021-03-01\"\nkind = \"motion_decided\"\nmeeting = \"council-1\"\ntext = \"The budget\"\npresent = {present}\noutcome = \"carried\"\n"
        )
    };
    let found = findings(&tables(&meeting(1)), "2021-12-31");
    let quorum = of_rule(&found, Rule::QuorumNotMet);
    assert_eq!(quorum.len(), 1, "{found:#?}");
    assert!(
        quorum[0]
            .message
            .contains("1 of 3 members of Council were present"),
        "{}",
        quorum[0].message
    );
    assert!(
        of_rule(
            &findings(&tables(&meeting(2)), "2021-12-31"),
            Rule::QuorumNotMet
        )
        .is_empty()
    );
}

#[test]
fn r14_a_seat_on_a_composed_organ_is_held_by_composition_and_never_by_election() {
    let speaker = |person: &str| {
        format!(
            "\n[[event]]\nid = \"speaker\"\ndate = \"2021-03-01\"\nkind = \"post_assigned\"\nperson = \"{person}\"\npost = \"assoc/speaker\"\nby = \"assoc/council\"\n"
        )
    };
    assert!(
        of_rule(
            &findings(&tables(&speaker("cat")), "2021-12-31"),
            Rule::IneligibleHolder
        )
        .is_empty()
    );
    let found = findings(&tables(&speaker("dan")), "2021-12-31");
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert!(
        ineligible[0]
            .message
            .contains("Dan takes the post of Speaker but holds no seat on Council")
    );
    let elected = "\n[[event]]\nid = \"council-elected\"\ndate = \"2021-03-01\"\nkind = \"election_held\"\norgan = \"assoc/council\"\nby = \"assoc/assembly\"\nelected = [\"dan\"]\n";
    let found = findings(&tables(elected), "2021-12-31");
    let wrong = of_rule(&found, Rule::WrongElector);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert!(
        wrong[0].message.contains(
            "seats on Council were filled directly; the statute says it consists of the full members of Board of Directors and the holders of Treasurer; no one elects it"
        ),
        "{}",
        wrong[0].message
    );
    assert_eq!(
        wrong[0].citation.as_ref().unwrap().article.as_deref(),
        Some("15")
    );
    assert!(of_rule(&findings(&tables(""), "2021-12-31"), Rule::WrongElector).is_empty());
}

#[test]
fn r14_composed_of_is_read_with_its_positions() {
    let base = statute();
    for (from, to, expected) in [
        (
            "posts = [\"treasurer\"], article",
            "posts = [\"board\"], article",
            "is not a post of this version",
        ),
        (
            "organs = [\"board\"]",
            "organs = [\"council\"]",
            "cannot be composed of itself",
        ),
        (
            "organs = [\"board\"], posts = [\"treasurer\"], ",
            "",
            "needs `organs",
        ),
        (
            "composed_of = {",
            "elected_by = { by = \"assembly\" }\ncomposed_of = {",
            "no one elects it; remove `elected_by`",
        ),
    ] {
        assert!(base.contains(from), "{from}");
        let err = crate::statute::read(&base.replacen(from, to, 1))
            .unwrap_err()
            .to_string();
        assert!(err.contains(expected), "{err}");
    }
    let document = crate::statute::read(&base).unwrap();
    let clause = crate::statute::clauses(&document)
        .into_iter()
        .find(|c| c.field == "composed_of")
        .unwrap();
    assert_eq!(
        clause.rule,
        "consists of the full members of Board of Directors and the holders of Treasurer; no one elects it"
    );
}

#[test]
fn r14_an_incompatibility_with_a_composed_organ_reaches_the_offices_it_is_made_of() {
    // The Speaker may not sit on the Council; Ann sits on it as a director.
    let statute = statute()
        .replace(
            "eligibility = [{ requires = \"seat\", organ = \"council\", article = \"15\" }]\n",
            "",
        )
        .replace(
            "[[version.discipline]]",
            "[[version.incompatible]]\noffices = [\"council\", \"speaker\"]\narticle = \"15\"\n\n[[version.discipline]]",
        );
    let speaker = |who: &str| {
        format!(
            "{HISTORY}\n[[event]]\nid = \"speaker-2021\"\ndate = \"2021-02-01\"\nkind = \"post_assigned\"\nperson = \"{who}\"\npost = \"assoc/speaker\"\nby = \"assoc/council\"\n"
        )
    };
    let found = findings(
        &build_with(&statute, &speaker("ann")).unwrap(),
        "2021-12-31",
    );
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert!(
        ineligible[0]
            .message
            .contains("Ann takes the post of Speaker while holding a seat on Council"),
        "{}",
        ineligible[0].message
    );
    // Dan sits on no organ the Council is made of.
    let found = findings(
        &build_with(&statute, &speaker("dan")).unwrap(),
        "2021-12-31",
    );
    assert!(
        of_rule(&found, Rule::IneligibleHolder).is_empty(),
        "{found:#?}"
    );
    // The other way round: Dan, the Speaker, is elected to the board and so to the Council.
    let board = format!(
        "{}\n[[event]]\nid = \"dan-on-board\"\ndate = \"2021-03-01\"\nkind = \"seat_taken\"\nperson = \"dan\"\norgan = \"assoc/board\"\nby = \"assoc/assembly\"\n",
        speaker("dan")
    );
    let found = findings(&build_with(&statute, &board).unwrap(), "2021-12-31");
    let ineligible = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(ineligible.len(), 1, "{found:#?}");
    assert_eq!(ineligible[0].events[0].as_str(), "dan-on-board");
}
