//! Issue 14: the share of an organ its vacancies organ may fill between two
//! elections (`between_elections = { at_most = "1/5" }`: "The number of Central
//! Committee members and alternate members to be replaced or newly elected shall
//! not exceed one fifth of the respective totals of full and alternate members
//! elected to the Central Committee by the National Congress"), found by `check` as
//! `seats-over-limit`, and the clause read or refused at its place. Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings};
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The board filled by the assembly, its vacancies by the board itself, at most a
/// fifth between elections (article 9); no seat limit.
fn statute(clause: &str) -> String {
    STATUTE
        .replacen(
            "elected_by = { by = \"assembly\" }\nseats = { full = 5 }\n",
            &format!("elected_by = {{ by = \"assembly\", vacancies = \"board\" }}\n{clause}\n"),
            1,
        )
        .replacen(
            "[[version.post]]",
            "[[version.organ]]\nid = \"council\"\nname = \"Council\"\n\n[[version.post]]",
            1,
        )
}

const CLAUSE: &str = "between_elections = { at_most = \"1/5\", article = \"9\" }";

/// Ten people, five elected to the board with one alternate in 2021, then the seats
/// `fills` give (each `(person, role, by)`) in March 2021.
fn history(fills: &[(&str, &str, &str)]) -> String {
    let mut out = String::new();
    for p in ["dan", "eve", "fay", "gus", "hal", "ivy", "jon"] {
        out += &format!(
            "\n[[event]]\nid = \"p-{p}\"\ndate = \"2020-01-01\"\nkind = \"person_registered\"\nperson = \"{p}\"\nname = \"{p}\"\n"
        );
    }
    out += r#"
[[event]]
id = "board-2021"
date = "2021-01-10"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat", "dan", "eve"]
alternates = ["fay"]
"#;
    for (n, (person, role, by)) in fills.iter().enumerate() {
        out += &format!(
            "\n[[event]]\nid = \"fill-{n}\"\ndate = \"2021-03-0{}\"\nkind = \"seat_taken\"\nperson = \"{person}\"\norgan = \"assoc/board\"\nrole = \"{role}\"\ncause = \"elected\"\nby = \"{by}\"\n",
            n + 1
        );
    }
    out
}

fn judged(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-06-01")
        .into_iter()
        .filter(|f| f.rule == Rule::SeatsOverLimit)
        .collect()
}

#[test]
fn r14_fillings_within_the_share_give_nothing() {
    // One full seat of five is a fifth; fillings by another organ are not counted.
    let fills = [
        ("gus", "full", "assoc/board"),
        ("hal", "full", "assoc/council"),
    ];
    let found = judged(&statute(CLAUSE), &history(&fills));
    assert!(found.is_empty(), "{found:#?}");
    // Without the clause, nothing is counted.
    let fills = [
        ("gus", "full", "assoc/board"),
        ("hal", "full", "assoc/board"),
    ];
    let found = judged(&statute(""), &history(&fills));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_fillings_past_the_share_are_found_by_role() {
    let fills = [
        ("gus", "full", "assoc/board"),
        ("hal", "full", "assoc/board"),
        ("ivy", "alternate", "assoc/board"),
    ];
    let found = judged(&statute(CLAUSE), &history(&fills));
    // The second full seat (2 of 5) and the alternate (1 of 1) exceed a fifth.
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found[0].message.contains("hal") && found[0].message.contains("2nd members"),
        "{}",
        found[0].message
    );
    assert!(
        found[1].message.contains("ivy") && found[1].message.contains("alternate members"),
        "{}",
        found[1].message
    );
    let cited = found[0]
        .citation
        .as_ref()
        .and_then(|c| c.article.as_deref());
    assert_eq!(cited, Some("9"));
}

#[test]
fn r14_a_new_election_starts_the_count_again() {
    let mut history = history(&[("gus", "full", "assoc/board")]);
    history += r#"
[[event]]
id = "board-2021-again"
date = "2021-04-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob", "cat", "dan", "eve"]

[[event]]
id = "fill-late"
date = "2021-05-01"
kind = "seat_taken"
person = "hal"
organ = "assoc/board"
cause = "elected"
by = "assoc/board"
"#;
    let found = judged(&statute(CLAUSE), &history);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_between_elections_without_an_organ_for_vacancies_or_a_share_is_refused() {
    let without = STATUTE.replacen(
        "seats = { full = 5 }\n",
        &format!("seats = {{ full = 5 }}\n{CLAUSE}\n"),
        1,
    );
    let Err(err) = build_with(&without, "") else {
        panic!("accepted without an organ for vacancies")
    };
    assert!(err.to_string().contains("needs `elected_by"), "{err}");
    let bad = statute("between_elections = { at_most = \"many\", article = \"9\" }");
    let Err(err) = build_with(&bad, "") else {
        panic!("accepted a share that is none")
    };
    assert!(
        err.to_string().contains("between_elections.at_most"),
        "{err}"
    );
}
