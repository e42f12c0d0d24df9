//! Issue 14, delegates' tenure ("A tenure system shall be adopted for delegates to
//! Party congresses at all levels", CPC 2017, Article 11): the delegates hold seats on
//! the congress, elected before the congress they are elected to, with a term counted
//! in the congress's own meetings (`term = { meetings = 2, of = "congress" }`). A
//! delegate of one congress still seated after the next, not elected again, is
//! `term-expired` when the organization next meets; the term is that of the version in
//! force at that meeting, even for a seat begun under a version that set none. Each
//! test is data: a statute and a history in, findings out.

use super::statute_tests::{build_with, findings, of_rule};
use crate::rules::Rule;

/// A version of the statute from `effective`, its congress with `term` (or none).
fn version(id: &str, effective: &str, term: &str) -> String {
    format!(
        r#"
[[version]]
id = "{id}"
effective = "{effective}"

[[version.article]]
number = "11"
text = "A tenure system shall be adopted for delegates to congresses."

[[version.organ]]
id = "congress"
name = "Congress"
kind = "congress"
{term}

[[version.organ]]
id = "board"
name = "Board"
elected_by = {{ by = "congress" }}
"#
    )
}

const TERM: &str = "term = { meetings = 2, of = \"congress\", article = \"11\" }";

/// Without a term before 2022-06-01, with one from then.
fn statute() -> String {
    format!(
        "organization = \"assoc\"\n{}{}",
        version("2020", "2020-01-01", ""),
        version("2022", "2022-06-01", TERM)
    )
}

fn held(organ: &str, id: &str, day: &str) -> String {
    format!(
        "\n[[event]]\nid = \"{id}\"\ndate = \"{day}\"\nkind = \"meeting_held\"\nmeeting = \"{id}\"\norgan = \"assoc/{organ}\"\n"
    )
}

fn delegate(id: &str, day: &str, person: &str) -> String {
    format!(
        "\n[[event]]\nid = \"{id}\"\ndate = \"{day}\"\nkind = \"election_held\"\norgan = \"assoc/congress\"\nelected = [\"{person}\"]\nreplaces = false\n"
    )
}

/// Ann and Bob, delegates elected in 2021 (no term then), the congresses of 2021 and
/// 2023, the board after the second, and `more`.
fn history(more: &str) -> String {
    format!(
        "{}{}{}{}{more}{}",
        delegate("ann-2021", "2021-04-01", "ann"),
        delegate("bob-2021", "2021-04-02", "bob"),
        held("congress", "congress-2021", "2021-10-01"),
        held("congress", "congress-2023", "2023-10-01"),
        held("board", "board-2023", "2023-10-02"),
    )
}

fn expired(statute: &str, events: &str) -> Vec<(String, Option<String>)> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2023-12-31");
    of_rule(&found, Rule::TermExpired)
        .iter()
        .map(|f| {
            (
                f.message.clone(),
                f.citation.as_ref().and_then(|c| c.article.clone()),
            )
        })
        .collect()
}

#[test]
fn art_11_a_delegate_of_one_congress_still_seated_after_the_next_is_term_expired() {
    // Bob is elected again before the 2023 congress (a new term); Ann is not.
    let found = expired(
        &statute(),
        &history(&delegate("bob-2023", "2023-04-01", "bob")),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].0.contains("Ann"), "{}", found[0].0);
    assert!(found[0].0.contains("seat on Congress"), "{}", found[0].0);
    assert_eq!(found[0].1.as_deref(), Some("11"));
}

#[test]
fn art_11_a_delegate_whose_seat_ended_or_who_was_elected_again_gives_no_finding() {
    let ann_leaves = "\n[[event]]\nid = \"ann-ends\"\ndate = \"2023-10-01\"\nkind = \"seat_vacated\"\nperson = \"ann\"\norgan = \"assoc/congress\"\ncause = \"term-ended\"\n";
    let events = history(&format!(
        "{ann_leaves}{}",
        delegate("bob-2023", "2023-04-01", "bob")
    ));
    assert_eq!(expired(&statute(), &events), []);
}

#[test]
fn art_11_not_before_the_next_congress_nor_without_a_term_in_force() {
    // Only the first congress since the election: the term runs on.
    let one = format!(
        "{}{}{}",
        delegate("ann-2021", "2021-04-01", "ann"),
        held("congress", "congress-2021", "2021-10-01"),
        held("board", "board-2022", "2022-10-02"),
    );
    assert_eq!(expired(&statute(), &one), []);
    // No version sets a term: nothing to judge.
    let without = format!(
        "organization = \"assoc\"\n{}",
        version("2020", "2020-01-01", "")
    );
    assert_eq!(expired(&without, &history("")), []);
}
