//! Issue 14: the number of an organ's seats set at each election by another organ
//! (`seats_set = { by = "assembly" }`: "The number of members and alternate members
//! of a Central Committee shall be determined by the National Congress"), judged on
//! `election_held`'s `seats_decision` (`no-competent-decision`) and its `seats` and
//! `alternate_seats` (`seats-over-limit`), and the clause read or refused at its
//! place. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings};
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The board's number set by the assembly (article 9), or by `by`.
fn statute(by: &str) -> String {
    STATUTE.replacen(
        "seats = { full = 5 }\n",
        &format!("seats = {{ full = 5 }}\nseats_set = {{ by = \"{by}\", article = \"9\" }}\n"),
        1,
    )
}

/// A meeting of `organ` on 1 March 2021 deciding (`outcome`) that the board has
/// three members and one alternate, and the board elected that day with `seats` and
/// `alternate_seats` as stated and that decision cited (none where `cite` is false).
fn history(organ: &str, outcome: &str, seats: &str, elected: &str, cite: bool) -> String {
    let cite = if cite {
        "seats_decision = \"number-set\"\n"
    } else {
        ""
    };
    format!(
        r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "p-eve"
date = "2020-01-01"
kind = "person_registered"
person = "eve"
name = "Eve"

[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "full"

[[event]]
id = "adm-bob"
date = "2020-02-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"

[[event]]
id = "sitting"
date = "2021-03-01"
kind = "meeting_held"
meeting = "m-2021"
organ = "assoc/{organ}"

[[event]]
id = "number-set"
date = "2021-03-01"
kind = "motion_decided"
meeting = "m-2021"
text = "The board shall have three members and one alternate."
outcome = "{outcome}"

[[event]]
id = "board-2021"
date = "2021-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = [{elected}]
alternates = ["cat"]
{seats}{cite}"#
    )
}

fn judged(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-03-02")
        .into_iter()
        .filter(|f| matches!(f.rule, Rule::NoCompetentDecision | Rule::SeatsOverLimit))
        .collect()
}

const THREE: &str = "\"ann\", \"bob\", \"dan\"";
const NUMBERS: &str = "seats = 3\nalternate_seats = 1\n";

#[test]
fn r14_seats_set_by_the_competent_organ_and_kept_to_give_nothing() {
    let found = judged(
        &statute("assembly"),
        &history("assembly", "carried", NUMBERS, THREE, true),
    );
    assert!(found.is_empty(), "{found:#?}");
    // A record silent on who set the number, or on the number, is not judged.
    let found = judged(
        &statute("assembly"),
        &history("board", "carried", "", THREE, false),
    );
    assert!(found.is_empty(), "{found:#?}");
    // Without `seats_set`, the decision cited is not judged.
    let found = judged(STATUTE, &history("board", "carried", NUMBERS, THREE, true));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_seats_set_by_another_organ_or_by_a_defeated_motion_is_found() {
    let found = judged(
        &statute("assembly"),
        &history("board", "carried", NUMBERS, THREE, true),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].rule, Rule::NoCompetentDecision);
    let cited = found[0]
        .citation
        .as_ref()
        .and_then(|c| c.article.as_deref());
    assert_eq!(cited, Some("9"));
    assert!(
        found[0].message.contains("set by Board of Directors")
            && found[0].message.contains("gives that to General Assembly"),
        "{}",
        found[0].message
    );
    let found = judged(
        &statute("assembly"),
        &history("assembly", "defeated", NUMBERS, THREE, true),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].message.contains("not carried"),
        "{}",
        found[0].message
    );
}

#[test]
fn r14_more_seats_filled_than_were_set_is_found() {
    let four = "\"ann\", \"bob\", \"dan\", \"eve\"";
    let found = judged(
        &statute("assembly"),
        &history(
            "assembly",
            "carried",
            "seats = 3\nalternate_seats = 0\n",
            four,
            true,
        ),
    );
    let rules: Vec<Rule> = found.iter().map(|f| f.rule).collect();
    assert_eq!(
        rules,
        [Rule::SeatsOverLimit, Rule::SeatsOverLimit],
        "{found:#?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.message.contains("filled 4 full seats") && f.message.contains("was 3")),
        "{found:#?}"
    );
}

#[test]
fn r14_seats_set_by_members_a_post_or_an_unknown_organ_is_refused() {
    for (by, says) in [
        ("members", "not `members`"),
        ("post:treasurer", "not `post:treasurer`"),
        ("council", "unknown organ `council`"),
        (
            "parent:board",
            "only the organs and posts of a `[[version.subordinate]]`",
        ),
    ] {
        let err = build_with(&statute(by), "")
            .err()
            .unwrap_or_else(|| panic!("`{by}` was accepted"));
        let text = err.to_string();
        assert!(text.contains(says), "{by}: {text}");
    }
}
