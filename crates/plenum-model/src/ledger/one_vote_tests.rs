//! Issue 14, one vote for each member: an organ's `one_vote` ("each member of the
//! Board shall have one vote on all matters on which a vote is taken"), a decision
//! whose recorded votes outnumber the members present or entitled (`majority-not-met`,
//! citing the clause, whatever the outcome), and its exceptions (weighted votes).

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The association's statute, the Board with `one_vote` (article 12, weighted votes
/// on a vacancy excepted) where `one_vote` is set, and the default majority `default`.
fn statute(one_vote: bool, default: &str) -> String {
    let clause = if one_vote {
        "\none_vote = { except = [\"vacancy\"], article = \"12\" }"
    } else {
        ""
    };
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"12\"\ntext = \"Each member of the Board shall have one vote on all matters on which a vote is taken.\"\n\n[[version.organ]]",
            1,
        )
        .replacen(
            "seats = { full = 5 }",
            &format!("seats = {{ full = 5 }}{clause}{default}"),
            1,
        )
}

/// A Board meeting with `present` (and `entitled`, if given) and a decision of
/// `category` with these votes and outcome.
fn decision(present: &str, category: &str, for_: u32, against: u32, outcome: &str) -> String {
    format!(
        "{BOARD}\n[[event]]\nid = \"board-met\"\ndate = \"2021-04-01\"\nkind = \"meeting_held\"\nmeeting = \"board-1\"\norgan = \"assoc/board\"\n{present}\n\n[[event]]\nid = \"budget\"\ndate = \"2021-04-01\"\nkind = \"motion_decided\"\nmeeting = \"board-1\"\ntext = \"The budget\"\n{category}votes = {{ for = {for_}, against = {against} }}\noutcome = \"{outcome}\"\n"
    )
}

fn counted(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

#[test]
fn r14_votes_within_the_members_present_give_nothing() {
    let found = counted(
        &statute(true, ""),
        &decision("present = 3", "", 2, 1, "carried"),
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_more_votes_than_members_present_or_entitled_are_found_citing_the_clause() {
    for (present, outcome, words) in [
        ("present = 3", "carried", "4 votes from 3 members present"),
        ("present = 3", "defeated", "4 votes from 3 members present"),
        (
            "entitled = 3",
            "carried",
            "4 votes from 3 members entitled to vote",
        ),
    ] {
        let found = counted(&statute(true, ""), &decision(present, "", 1, 3, outcome));
        assert_eq!(found.len(), 1, "{present}, {outcome}: {found:#?}");
        assert_eq!(article(&found[0]), Some("12"));
        assert_eq!(
            found[0].message,
            format!(
                "the record gives {words} of Board of Directors (1 for, 3 against, 0 abstaining): each member has one vote"
            )
        );
    }
}

#[test]
fn r14_a_category_voted_by_weighted_votes_is_not_judged() {
    let events = decision("present = 3", "category = \"vacancy\"\n", 3, 1, "carried");
    assert!(counted(&statute(true, ""), &events).is_empty());
}

#[test]
fn r14_one_finding_where_a_majority_also_judges_the_count() {
    let majority = "\nmajority.default = { more_than = \"1/2\", article = \"10\" }";
    let events = decision("present = 3", "", 3, 1, "carried");
    // Without `one_vote`, the majority's clause is cited for the impossible count.
    let found = counted(&statute(false, majority), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("10"));
    // With it, the one clause that the count breaks is cited, once.
    let found = counted(&statute(true, majority), &events);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("12"));
    // Without either, nothing judges it.
    assert!(counted(&statute(false, ""), &events).is_empty());
}
