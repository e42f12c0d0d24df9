//! Issue 14: an organ elected by one of two organs (`elected_by = { by =
//! "general-meeting", or_by = ["delegates"] }`: "A primary-level Party committee is
//! elected through a general meeting or a meeting of delegates"), judged as any
//! elector (`wrong-elector`), and refused at its place where it cannot be read.
//! Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};

/// The board elected by the assembly or by a council (`or_by`), as `or_by` says.
fn statute(elected_by: &str) -> String {
    STATUTE
        .replacen(
            "elected_by = { by = \"assembly\" }\nseats = { full = 5 }\n",
            &format!("elected_by = {elected_by}\nseats = {{ full = 5 }}\n"),
            1,
        )
        .replacen(
            "[[version.post]]",
            "[[version.organ]]\nid = \"council\"\nname = \"Council of Delegates\"\nelected_by = { by = \"assembly\" }\n\n[[version.post]]",
            1,
        )
}

const EITHER: &str = "{ by = \"assembly\", or_by = [\"council\"], article = \"9\" }";

fn wrong_electors(statute: &str, by: &str) -> Vec<String> {
    let events = BOARD.replace("by = \"assoc/assembly\"", &format!("by = \"{by}\""));
    let tables = build_with(statute, &events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-06-01");
    of_rule(&found, crate::rules::Rule::WrongElector)
        .iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn r14_either_organ_elects_lawfully() {
    for by in ["assoc/assembly", "assoc/council"] {
        let found = wrong_electors(&statute(EITHER), by);
        assert!(found.is_empty(), "{by}: {found:#?}");
    }
}

#[test]
fn r14_a_third_organ_is_wrong_elector_naming_both() {
    let found = wrong_electors(&statute(EITHER), "assoc/board");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].contains("gives that to General Assembly or Council of Delegates"),
        "{}",
        found[0]
    );
    // Without `or_by`, the council is no elector.
    let only = statute("{ by = \"assembly\", article = \"9\" }");
    let found = wrong_electors(&only, "assoc/council");
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn r14_or_by_is_refused_where_it_cannot_be_read() {
    for (elected_by, says) in [
        (
            "{ by = \"members\", or_by = [\"council\"] }",
            "`by` must then be an organ",
        ),
        (
            "{ by = \"assembly\", or_by = [\"assembly\"] }",
            "names `assembly` twice",
        ),
        (
            "{ by = \"assembly\", or_by = [\"council\", \"council\"] }",
            "names `council` twice",
        ),
        (
            "{ by = \"assembly\", or_by = [\"senate\"] }",
            "unknown organ `senate`",
        ),
    ] {
        let Err(err) = build_with(&statute(elected_by), "") else {
            panic!("accepted: {elected_by}");
        };
        assert!(err.to_string().contains(says), "{elected_by}: {err}");
    }
}
