//! Issue 14: constituencies grouped in regions (`regions` in `[version.constituencies]`)
//! and an organ's fewest holders from each region (`regions = { at_least = N }`),
//! judged as of a date (`seats-under-limit`), and both read or refused at their line
//! and column. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const REGIONS: &str = r#"
[[version.article]]
number = "15"
text = "At least two directors shall be from the districts of the north, and two from those of the south."

[version.constituencies]
name = "District"
regions = [
  { id = "north", name = "the north", constituencies = ["d1", "d2"] },
  { id = "south", name = "the south", constituencies = ["d3", "d4"] },
]
"#;

/// The Board with at least `n` directors from each region (article 15).
fn statute(n: &str) -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            &format!("{REGIONS}\n[[version.organ]]"),
            1,
        )
        .replacen(
            "seats = { full = 5 }\n",
            &format!("seats = {{ full = 5 }}\nregions = {{ at_least = {n}, article = \"15\" }}\n"),
            1,
        )
}

/// `person` placed in district `d` on 1 January 2021.
fn placed(person: &str, d: &str) -> String {
    format!(
        "\n[[event]]\nid = \"{person}-in-{d}\"\ndate = \"2021-01-01\"\nkind = \"constituency_assigned\"\nperson = \"{person}\"\norg = \"assoc\"\nconstituency = \"{d}\"\n"
    )
}

/// The `seats-under-limit` findings as of `day`, the Board (Ann, Bob, Cat) elected on
/// 1 March 2021 after `events`.
fn short(n: &str, events: &str, day: &str) -> Vec<FindingLine> {
    let tables =
        build_with(&statute(n), &format!("{events}{BOARD}")).unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, day);
    of_rule(&all, Rule::SeatsUnderLimit)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_region_with_enough_holders_passes_and_one_short_is_found() {
    let placements = format!(
        "{}{}{}",
        placed("ann", "d1"),
        placed("bob", "d3"),
        placed("cat", "d4")
    );
    // One from each region is enough for at_least = 1.
    let lawful = short("1", &placements, "2021-06-01");
    assert!(lawful.is_empty(), "{lawful:#?}");
    // Two from each: the north has one.
    let found = short("2", &placements, "2021-06-01");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "1 of the 3 members of Board of Directors are from the north; the statute requires at least 2 from each region"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("15")
    );
    // Before the Board is elected it has no holders: not judged.
    let before = short("2", &placements, "2021-02-01");
    assert!(before.is_empty(), "{before:#?}");
}

#[test]
fn r14_a_holder_of_unknown_region_makes_a_shortfall_possible_only() {
    // Cat is placed nowhere: she may be of the north.
    let placements = format!("{}{}", placed("ann", "d1"), placed("bob", "d3"));
    let found = short("2", &placements, "2021-06-01");
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(
        found.iter().all(|f| f.certainty == Truth::Possibly),
        "{found:#?}"
    );
    assert!(
        found[0].message.contains("(1 of unknown region)"),
        "{}",
        found[0].message
    );
    // A later placement counts from its day: Bob moves to the north.
    let moved = format!(
        "{placements}{}\n[[event]]\nid = \"bob-moves\"\ndate = \"2021-05-01\"\nkind = \"constituency_assigned\"\nperson = \"bob\"\norg = \"assoc\"\nconstituency = \"d2\"\n",
        placed("cat", "d4")
    );
    let before = short("1", &moved, "2021-04-01");
    assert!(before.is_empty(), "{before:#?}");
    let after = short("1", &moved, "2021-06-01");
    assert!(after.is_empty(), "{after:#?}");
    let two = short("2", &moved, "2021-06-01");
    assert_eq!(two.len(), 1, "{two:#?}");
    assert!(
        two[0].message.contains("from the south"),
        "{}",
        two[0].message
    );
}

#[test]
fn r14_regions_are_refused_at_line_and_column() {
    let refused = |from: &str, to: &str, says: &str| {
        let text = statute("2").replacen(from, to, 1);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
        // The last occurrence: a duplicate id is refused at its second place.
        let at = text.rfind(to).unwrap_or_else(|| panic!("{to}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        "constituencies = [\"d3\", \"d4\"]",
        "constituencies = [\"d3\", \"d1\"]",
        "constituency `d1` is already in region `north`",
    );
    refused(
        "{ id = \"south\"",
        "{ id = \"north\"",
        "region `north` is declared twice",
    );
    refused(
        "constituencies = [\"d3\", \"d4\"]",
        "constituencies = []",
        "lists no constituencies",
    );
    refused(
        "regions = { at_least = 2",
        "regions = { at_least = 0",
        "at least 1",
    );
    // An organ's regions where the version declares none.
    let text = STATUTE.replacen(
        "seats = { full = 5 }\n",
        "seats = { full = 5 }\nregions = { at_least = 2 }\n",
        1,
    );
    let err = crate::statute::read(&text).expect_err("no regions declared");
    assert!(err.to_string().contains("needs `regions`"), "{err}");
}

#[test]
fn r14_statute_check_lists_the_regions() {
    let doc = crate::statute::read(&statute("2")).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let regions: Vec<_> = clauses.iter().filter(|c| c.field == "regions").collect();
    assert_eq!(regions.len(), 1, "{clauses:#?}");
    assert_eq!(
        regions[0].rule,
        "at least 2 of its holders from each region (the north, the south)"
    );
    assert_eq!(regions[0].checked_by, Some("seats-under-limit"));
    let declared: Vec<_> = clauses
        .iter()
        .filter(|c| c.field == "constituencies")
        .collect();
    assert_eq!(
        declared[0].rule,
        "the organization is divided into Districts; the north (north): d1, d2; the south (south): d3, d4"
    );
}
