//! Issue 14, acting in a post: a post's `acting` names who may act in it; an acting
//! `post_assigned` to anyone else is `ineligible-holder` citing the clause; the clause
//! is refused at its line where it names no one or an unknown office.

use super::statute_tests::{BOARD, STATUTE, TREASURER, build_with, findings, of_rule};
use crate::rules::Rule;

fn statute() -> String {
    STATUTE.replacen(
        "[[version.post]]",
        "[[version.article]]\nnumber = \"15\"\ntext = \"The Treasurer acts for an absent Chair.\"\n\n[[version.post]]\nid = \"chair\"\nname = \"Chair\"\nelected_by = { by = \"assembly\" }\nacting = { posts = [\"treasurer\"], article = \"15\" }\n\n[[version.post]]",
        1,
    )
}

fn acts(person: &str, acting: bool) -> String {
    format!(
        "{BOARD}{TREASURER}\n[[event]]\nid = \"chair-acting\"\ndate = \"2021-05-01\"\nkind = \"post_assigned\"\nperson = \"{person}\"\npost = \"assoc/chair\"\nacting = {acting}\n"
    )
}

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(&statute(), events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_the_office_the_statute_names_acts_and_anyone_else_is_found() {
    let lawful = judged(&acts("ann", true));
    assert!(
        of_rule(&lawful, Rule::IneligibleHolder).is_empty(),
        "{lawful:#?}"
    );
    let other = judged(&acts("bob", true));
    let found = of_rule(&other, Rule::IneligibleHolder);
    assert_eq!(found.len(), 1, "{other:#?}");
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("15")
    );
    assert!(found[0].message.contains("acts as Chair"), "{found:#?}");
    // A substantive holder is not judged by who may act.
    let substantive = judged(&acts("bob", false));
    assert!(
        of_rule(&substantive, Rule::IneligibleHolder).is_empty(),
        "{substantive:#?}"
    );
}

#[test]
fn r14_acting_clauses_are_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(at);
        assert!(err.to_string().contains(says), "{err}");
        let pos = text.find(at).unwrap_or_else(|| panic!("{at}"));
        let (line, _) = crate::source::line_col(&text, pos);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        statute().replace(
            "posts = [\"treasurer\"], article = \"15\"",
            "posts = [\"chair\"], article = \"15\"",
        ),
        "posts = [\"chair\"]",
        "`chair` is not one",
    );
    refused(
        statute().replace(
            "acting = { posts = [\"treasurer\"], article",
            "acting = { organs = [\"senate\"], article",
        ),
        "\"senate\"",
        "unknown organ `senate`",
    );
    refused(
        statute().replace(
            "acting = { posts = [\"treasurer\"], article",
            "acting = { article",
        ),
        "acting = { article",
        "names no one",
    );
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let acting: Vec<_> = clauses.iter().filter(|c| c.field == "acting").collect();
    assert_eq!(acting.len(), 1, "{clauses:#?}");
    assert!(acting[0].rule.contains("the Treasurer only"), "{acting:#?}");
}
