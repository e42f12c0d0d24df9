//! Issue 14, participants without a vote: an organ's `non_voting` posts, a decision
//! whose votes outnumber the organ's voting members while such a post is held
//! (`majority-not-met`, citing the clause), and the clause refused at its line.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute() -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"14\"\ntext = \"The Secretary attends the Board with voice, but no vote.\"\n\n[[version.organ]]",
            1,
        )
        .replacen(
            "seats = { full = 5 }",
            "seats = { full = 5 }\nnon_voting = { posts = [\"secretary\"], article = \"14\" }",
            1,
        )
        .replacen(
            "[[version.post]]",
            "[[version.post]]\nid = \"secretary\"\nname = \"Secretary\"\n\n[[version.post]]",
            1,
        )
}

fn vote(for_: u32, against: u32, secretary: bool) -> String {
    let secretary = if secretary {
        "\n[[event]]\nid = \"dan-secretary\"\ndate = \"2021-03-02\"\nkind = \"post_assigned\"\nperson = \"ann\"\npost = \"assoc/secretary\"\n"
    } else {
        ""
    };
    format!(
        "{BOARD}{secretary}\n[[event]]\nid = \"board-met\"\ndate = \"2021-04-01\"\nkind = \"meeting_held\"\nmeeting = \"board-1\"\norgan = \"assoc/board\"\npresent = 4\n\n[[event]]\nid = \"budget\"\ndate = \"2021-04-01\"\nkind = \"motion_decided\"\nmeeting = \"board-1\"\ntext = \"The budget\"\nvotes = {{ for = {for_}, against = {against} }}\noutcome = \"carried\"\n"
    )
}

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(&statute(), events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_votes_beyond_the_voting_members_are_found_where_a_member_attends_without_a_vote() {
    // The Board has three members (Ann, Bob, Cat): three votes pass, four do not.
    let lawful = judged(&vote(2, 1, true));
    assert!(
        of_rule(&lawful, Rule::MajorityNotMet).is_empty(),
        "{lawful:#?}"
    );
    let counted = judged(&vote(3, 1, true));
    let found = of_rule(&counted, Rule::MajorityNotMet);
    assert_eq!(found.len(), 1, "{counted:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("14")
    );
    assert!(
        found[0].message.contains("with voice but no vote"),
        "{found:#?}"
    );
    // No one holds the post: the clause does not explain the count, and is not cited.
    let vacant = judged(&vote(3, 1, false));
    assert!(
        of_rule(&vacant, Rule::MajorityNotMet).is_empty(),
        "{vacant:#?}"
    );
}

#[test]
fn r14_non_voting_clauses_are_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(at);
        assert!(err.to_string().contains(says), "{err}");
        let pos = text.find(at).unwrap_or_else(|| panic!("{at}"));
        let (line, _) = crate::source::line_col(&text, pos);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        statute().replace("posts = [\"secretary\"]", "posts = [\"scribe\"]"),
        "\"scribe\"",
        "not a post of version",
    );
    refused(
        statute().replace(
            "non_voting = { posts",
            "ex_officio = [\"secretary\"]\nnon_voting = { posts",
        ),
        "posts = [\"secretary\"]",
        "cannot also attend without one",
    );
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    assert_eq!(
        clauses.iter().filter(|c| c.field == "non_voting").count(),
        1
    );
}
