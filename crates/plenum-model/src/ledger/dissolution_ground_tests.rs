//! Issue 14, a dissolution's ground: "In the event that a Party organization
//! seriously violates Party discipline ..., the Party committee at the next level
//! up should ... make a decision to reorganize or dissolve the organization"
//! (`dissolution.on_ground`, `organization_dissolved` `ground`). Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{findings, of_rule};
use super::subordinate_tests as sub;
use crate::rules::Rule;

/// The party's branches dissolved by any higher level, or by its Central
/// Committee where the dissolution is for misconduct.
fn statute(on_ground: &str) -> String {
    sub::STATUTE.replacen(
        "category = \"branch\"\nname = \"branch\"\narticle = \"30\"\n",
        &format!(
            "category = \"branch\"\nname = \"branch\"\narticle = \"30\"\ndissolution = {{ by = [\"higher-level\"], {on_ground}article = \"30\" }}\n"
        ),
        1,
    )
}

const ON_GROUND: &str =
    "on_ground = { ground = \"misconduct\", by = [\"parent:cc\"], article = \"31\" }, ";

/// Branch One dissolved by `organ` of the party, recording `ground` (a TOML line).
fn dissolved(organ: &str, ground: &str) -> Vec<String> {
    let events = sub::founded("branch")
        + &format!(
            r#"
[[event]]
id = "the-decision"
date = "2021-05-01"
kind = "motion_decided"
organ = "party/{organ}"
text = "Branch One is dissolved"
outcome = "carried"

[[event]]
id = "the-dissolution"
date = "2021-05-01"
kind = "organization_dissolved"
org = "branch-1"
decision = "the-decision"
{ground}
"#
        );
    let tables = sub::build(&statute(ON_GROUND), &events);
    of_rule(&findings(&tables, "2021-06-01"), Rule::NoCompetentDecision)
        .into_iter()
        .map(|f| {
            let article = f.citation.as_ref().and_then(|c| c.article.clone());
            format!("{}: {}", article.unwrap_or_default(), f.message)
        })
        .collect()
}

#[test]
fn on_its_ground_a_dissolution_is_the_named_organ_s() {
    assert!(dissolved("cc", r#"ground = "misconduct""#).is_empty());
    let found = dissolved("congress", r#"ground = "misconduct""#);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("31: Branch One was dissolved on a decision of Party Congress; the statute gives that to Central Committee"),
        "{}",
        found[0]
    );
}

#[test]
fn without_that_ground_the_general_rule_judges() {
    assert!(dissolved("congress", "").is_empty());
    assert!(dissolved("congress", r#"ground = "merger""#).is_empty());
}

#[test]
fn a_dissolution_s_ground_is_refused_at_line_and_column() {
    let refused = |to: &str, at: &str, says: &str| {
        let text = statute(to);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).unwrap_or_else(|| panic!("{at}"));
        assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
    };
    refused(
        "on_ground = { ground = \"Misconduct!\", by = [\"parent:cc\"] }, ",
        "on_ground",
        "`subordinate.dissolution.on_ground.ground`",
    );
    refused(
        "on_ground = { ground = \"misconduct\", by = [\"nobody\"] }, ",
        "on_ground",
        "names `nobody`",
    );
}
