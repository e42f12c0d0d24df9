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

/// Issue 14: an acting office only while posts are vacant (`when_vacant`) and to the
/// most senior member of an organ (`order = "seniority"`).
fn ordered() -> String {
    STATUTE.replacen(
        "[[version.post]]",
        "[[version.article]]\nnumber = \"16\"\ntext = \"If the offices of Chair and Treasurer are both vacant, the most senior director alphabetically acts as Chair.\"\n\n[[version.post]]\nid = \"chair\"\nname = \"Chair\"\nelected_by = { by = \"assembly\" }\nacting = { organs = [\"board\"], when_vacant = [\"chair\", \"treasurer\"], order = \"seniority\", article = \"16\" }\n\n[[version.post]]",
        1,
    )
}

fn acting_ordered(person: &str, before: &str) -> Vec<crate::query::check::FindingLine> {
    let events = format!(
        "{BOARD}{before}\n[[event]]\nid = \"chair-acting\"\ndate = \"2021-05-01\"\nkind = \"post_assigned\"\nperson = \"{person}\"\npost = \"assoc/chair\"\nacting = true\n"
    );
    let tables = build_with(&ordered(), &events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::IneligibleHolder)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_the_most_senior_member_acts_while_the_posts_are_vacant() {
    // Ann, Bob and Cat were seated the same day: Ann is first by name.
    assert!(acting_ordered("ann", "").is_empty());
    let bob = acting_ordered("bob", "");
    assert_eq!(bob.len(), 1, "{bob:#?}");
    assert!(bob[0].message.contains("Ann is more senior"), "{bob:#?}");
    assert_eq!(
        bob[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("16")
    );
    // Cat seated a year before the others is the most senior.
    let earlier = "\n[[event]]\nid = \"cat-2020\"\ndate = \"2020-03-01\"\nkind = \"election_held\"\norgan = \"assoc/board\"\nby = \"assoc/assembly\"\nelected = [\"cat\"]\n";
    assert!(acting_ordered("cat", earlier).is_empty());
    let ann = acting_ordered("ann", earlier);
    assert_eq!(ann.len(), 1, "{ann:#?}");
    assert!(ann[0].message.contains("Cat is more senior"), "{ann:#?}");
    // While the Treasurer's post is held, no one acts as Chair.
    let held = acting_ordered("ann", TREASURER);
    assert_eq!(held.len(), 1, "{held:#?}");
    assert!(
        held[0]
            .message
            .contains("the post of Treasurer is held by Ann"),
        "{held:#?}"
    );
}

#[test]
fn r14_acting_order_and_vacancies_are_refused_when_wrong() {
    for (from, to, says) in [
        (
            "order = \"seniority\"",
            "order = \"age\"",
            "must be \"seniority\"",
        ),
        (
            "when_vacant = [\"chair\", \"treasurer\"]",
            "when_vacant = [\"chair\", \"mayor\"]",
            "`mayor` is not one",
        ),
        (
            "when_vacant = [\"chair\", \"treasurer\"]",
            "when_vacant = [\"chair\", \"chair\"]",
            "twice",
        ),
        (
            "organs = [\"board\"], when",
            "posts = [\"treasurer\"], when",
            "give `organs` too",
        ),
    ] {
        let text = ordered().replace(from, to);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
    }
    let doc = crate::statute::read(&ordered()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let acting: Vec<_> = clauses.iter().filter(|c| c.field == "acting").collect();
    assert!(
        acting[0]
            .rule
            .contains("the most senior member of Board of Directors")
            && acting[0]
                .rule
                .contains("only while the posts of Chair and Treasurer are all vacant"),
        "{acting:#?}"
    );
}
