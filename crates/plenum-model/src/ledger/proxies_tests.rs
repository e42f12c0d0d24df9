//! Issue 14: votes cast by proxy (`voting = { proxies = N }`: "There shall be no
//! voting by proxy"), judged on a `motion_decided`'s or an `election_held`'s
//! `by_proxy` (`proxy-vote`). Each test is data: a statute and a history in, findings
//! out.

use super::statute_tests::{BOARD, STATUTE, build_with};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The board with `voting = { proxies = N }`.
fn statute(proxies: u32) -> String {
    STATUTE.replacen(
        "quorum = { at_least = \"1/2\", article = \"10\" }",
        &format!(
            "quorum = {{ at_least = \"1/2\", article = \"10\" }}\nvoting = {{ proxies = {proxies}, article = \"10\" }}"
        ),
        1,
    )
}

/// A board meeting with `present` present deciding a motion with `by_proxy` (none
/// where empty), and electing Ann Treasurer the same way.
fn decided(present: u32, by_proxy: &str) -> String {
    let proxy = if by_proxy.is_empty() {
        String::new()
    } else {
        format!("by_proxy = {by_proxy}\n")
    };
    format!(
        r#"{BOARD}
[[event]]
id = "held"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-may"
organ = "assoc/board"
present = {present}

[[event]]
id = "decided"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-may"
text = "A decision."
votes = {{ for = 3, against = 0 }}
outcome = "carried"
{proxy}"#
    )
}

fn judged(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    super::statute_tests::findings(&tables, "2021-05-02")
        .into_iter()
        .filter(|f| f.rule == Rule::ProxyVote)
        .collect()
}

#[test]
fn r14_proxies_within_the_statute_give_nothing() {
    for (proxies, present, by_proxy) in [(0, 3, ""), (0, 3, "0"), (1, 2, "1"), (1, 2, "2")] {
        let found = judged(&statute(proxies), &decided(present, by_proxy));
        assert!(found.is_empty(), "{proxies} {by_proxy}: {found:#?}");
    }
}

#[test]
fn r14_proxies_beyond_the_statute_are_found() {
    let none = judged(&statute(0), &decided(3, "1"));
    assert_eq!(none.len(), 1, "{none:#?}");
    assert_eq!(none[0].certainty, Truth::Definitely);
    assert_eq!(
        none[0].message,
        "a decision of Board of Directors counted 1 vote cast by proxy; the statute allows no voting by proxy"
    );
    assert_eq!(
        none[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("10")
    );
    let one = judged(&statute(1), &decided(1, "2"));
    assert_eq!(one.len(), 1, "{one:#?}");
    assert_eq!(
        one[0].message,
        "a decision of Board of Directors counted 2 votes cast by proxy with 1 present; the statute lets a member hold at most 1, 1 in all"
    );
    // Without the clause, nothing.
    assert!(judged(STATUTE, &decided(3, "3")).is_empty());
}
