//! Issue 14: a kind of meeting that transacts only the business its notice states
//! (`meeting = [{ category = "special", business = { only = "noticed" } }]`: "in
//! the case of a special meeting, the general nature of the business to be
//! transacted, and that no other business may be transacted"), judged on the
//! decisions and elections of a meeting whose `meeting_convened` records its
//! `business` (`business-not-noticed`), and the clause read or refused at its line
//! and column. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const KINDS: &str = r#"meeting = [{ category = "special", business = { only = "noticed", article = "10" } }, { category = "regular" }]"#;

/// The assembly with `kinds` as its kinds of meeting.
fn statute(kinds: &str) -> String {
    STATUTE.replacen(
        "elected_by = { by = \"members\" }",
        &format!("elected_by = {{ by = \"members\" }}\n{kinds}"),
        1,
    )
}

/// A meeting of the assembly of the kind `category`, noticed with `business` (a
/// TOML array, or nothing), at which a decision of `decided` (a category, or none)
/// carries and, if `election`, the board is elected.
fn meeting(category: &str, business: &str, decided: &str, election: bool) -> String {
    let business = if business.is_empty() {
        String::new()
    } else {
        format!("business = {business}\n")
    };
    let decided = if decided.is_empty() {
        String::new()
    } else {
        format!("category = \"{decided}\"\n")
    };
    let mut text = format!(
        r#"
[[event]]
id = "called"
date = "2021-04-01"
kind = "meeting_convened"
meeting = "assembly-may"
organ = "assoc/assembly"
scheduled = "2021-05-01"
category = "{category}"
{business}
[[event]]
id = "held"
date = "2021-05-01"
kind = "meeting_held"
meeting = "assembly-may"
present = 2

[[event]]
id = "decided"
date = "2021-05-01"
kind = "motion_decided"
meeting = "assembly-may"
text = "A decision."
{decided}votes = {{ for = 2, against = 0 }}
outcome = "carried"
"#
    );
    if election {
        text.push_str(
            r#"
[[event]]
id = "elected"
date = "2021-05-01"
kind = "election_held"
meeting = "assembly-may"
organ = "assoc/board"
elected = ["ann", "bob"]
"#,
        );
    }
    text
}

fn judged(statute: &str, history: &str) -> Vec<FindingLine> {
    let tables =
        build_with(statute, &format!("{BOARD}{history}")).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-05-02")
        .into_iter()
        .filter(|f| f.rule == Rule::BusinessNotNoticed)
        .collect()
}

#[test]
fn r14_business_within_the_notice_gives_nothing() {
    let s = statute(KINDS);
    for history in [
        // The decision and the election were both noticed.
        meeting("special", r#"["admission", "election"]"#, "admission", true),
        // No business recorded: not judged.
        meeting("special", "", "admission", true),
        // A decision without a category: not judged.
        meeting("special", r#"["election"]"#, "", true),
        // Another kind of meeting may transact any business.
        meeting("regular", r#"["admission"]"#, "expulsion", true),
    ] {
        let found = judged(&s, &history);
        assert!(found.is_empty(), "{history}: {found:#?}");
    }
}

#[test]
fn r14_business_outside_the_notice_is_found() {
    let s = statute(KINDS);
    let decision = judged(
        &s,
        &meeting("special", r#"["election"]"#, "admission", true),
    );
    assert_eq!(decision.len(), 1, "{decision:#?}");
    assert_eq!(decision[0].certainty, Truth::Definitely);
    assert_eq!(
        decision[0].message,
        "the decision (admission) at assembly-may, a special meeting of General Assembly, is not among the business its notice stated (election); a meeting of the kind `special` transacts only the business its notice states"
    );
    assert_eq!(
        decision[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("10")
    );
    let election = judged(
        &s,
        &meeting("special", r#"["admission"]"#, "admission", true),
    );
    assert_eq!(election.len(), 1, "{election:#?}");
    assert!(election[0].message.starts_with("the election (election)"));
    // Without the clause, nothing.
    let plain = statute(r#"meeting = [{ category = "special" }]"#);
    assert!(
        judged(
            &plain,
            &meeting("special", r#"["election"]"#, "admission", false)
        )
        .is_empty()
    );
}

#[test]
fn r14_business_is_refused_at_line_and_column() {
    let text = statute(
        r#"meeting = [{ category = "special", business = { only = "stated", article = "10" } }]"#,
    );
    let err = crate::statute::read(&text).expect_err("only = stated");
    assert!(err.to_string().contains("`business.only` is"), "{err}");
    let at = text.find("\"stated\"").expect("the place");
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
}

#[test]
fn r14_statute_check_lists_the_business_of_a_kind() {
    let doc = crate::statute::read(&statute(KINDS)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let clause = clauses
        .iter()
        .find(|c| c.field == "meeting.business")
        .expect("the clause");
    assert_eq!(
        clause.rule,
        "a meeting of the kind `special` transacts only the business its notice states"
    );
    assert_eq!(clause.checked_by, Some("business-not-noticed"));
}
