//! Issue 14, discipline scoped by a ground and by an office of a subordinate
//! organization: "the expulsion of a member ... who has committed a serious
//! criminal violation shall be decided upon by the Political Bureau" (`ground` on a
//! discipline rule and on the act), and "the expulsion of a member ... of a local
//! Party committee ... by the standing committee of the Party committee at the
//! corresponding level" (`[[version.subordinate.discipline]]`). Each test is data:
//! a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use super::subordinate_tests as sub;
use crate::date::Truth;
use crate::rules::Rule;

const ONE_RULE: &str = r#"[[version.discipline]]
act = "expulsion"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"
"#;

/// The board expels by two thirds; the assembly only members who committed fraud.
const BY_GROUND: &str = r#"[[version.discipline]]
act = "expulsion"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"

[[version.discipline]]
act = "expulsion"
by = ["assembly"]
ground = "fraud"
article = "7"
"#;

/// Bob expelled on a decision of `organ`'s meeting, recording `ground` (TOML line).
fn expelled(organ: &str, ground: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "the-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "the-meeting"
organ = "assoc/{organ}"

[[event]]
id = "the-decision"
date = "2021-05-01"
kind = "motion_decided"
meeting = "the-meeting"
text = "Bob is expelled"
category = "expulsion"
votes = {{ for = 3, against = 0 }}
outcome = "carried"

[[event]]
id = "the-expulsion"
date = "2021-05-01"
kind = "member_expelled"
person = "bob"
org = "assoc"
decision = "the-decision"
{ground}
"#
    )
}

fn incompetent(organ: &str, ground: &str) -> Vec<(Truth, String)> {
    assert!(STATUTE.contains(ONE_RULE));
    let statute = STATUTE.replace(ONE_RULE, BY_GROUND);
    let tables = build_with(&statute, &expelled(organ, ground)).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::NoCompetentDecision)
        .into_iter()
        .map(|f| (f.certainty, f.message.clone()))
        .collect()
}

#[test]
fn a_rule_scoped_by_a_ground_empowers_its_organ_for_acts_on_that_ground() {
    assert!(incompetent("assembly", r#"ground = "fraud""#).is_empty());
    // The other rules stand whatever the ground.
    assert!(incompetent("board", r#"ground = "fraud""#).is_empty());
    assert!(incompetent("board", "").is_empty());
}

#[test]
fn another_ground_is_definitely_outside_the_rule_and_none_possibly() {
    let found = incompetent("assembly", r#"ground = "absence""#);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Truth::Definitely);
    assert!(
        found[0].1.contains("only on the ground `fraud` (its ground is `absence`); otherwise it gives it to Board of Directors"),
        "{}",
        found[0].1
    );
    let found = incompetent("assembly", "");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, Truth::Possibly);
    assert!(
        found[0].1.contains("the record states no ground"),
        "{}",
        found[0].1
    );
}

#[test]
fn a_ground_is_refused_at_line_and_column() {
    let text = STATUTE.replace(ONE_RULE, &BY_GROUND.replace("\"fraud\"", "\"Fraud!\""));
    let err = crate::statute::read(&text).expect_err("a bad ground");
    assert!(
        err.to_string().contains("`ground` names the ground"),
        "{err}"
    );
    let at = text.find("\"Fraud!\"").expect("the ground");
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
    // The same ground on two rules giving the act to one organ is refused.
    let twice = BY_GROUND.to_owned()
        + &BY_GROUND[BY_GROUND
            .find("[[version.discipline]]\nact = \"expulsion\"\nby = [\"assembly\"]")
            .expect("second")..];
    let err = crate::statute::read(&STATUTE.replace(ONE_RULE, &twice)).expect_err("twice");
    assert!(
        err.to_string().contains("a second `expulsion` rule"),
        "{err}"
    );
}

/// The party's branches: members of a branch committee are expelled by the
/// committee by two thirds, or, for a crime, by the party's Central Committee.
const TEMPLATE_RULES: &str = r#"
[[version.subordinate.discipline]]
act = "expulsion"
target = { seat = "committee" }
by = ["committee"]
majority = { at_least = "2/3", of = "votes" }
article = "30"

[[version.subordinate.discipline]]
act = "expulsion"
target = { seat = "committee" }
by = ["parent:cc"]
ground = "crime"
article = "30"
"#;

/// The party's statute with the branch rules, every other member expelled by the
/// Central Committee.
fn party_statute() -> String {
    format!(
        "{}{TEMPLATE_RULES}",
        sub::STATUTE.replace(
            "[[version.subordinate]]",
            "[[version.discipline]]\nact = \"expulsion\"\ntarget = \"member\"\nby = [\"cc\"]\narticle = \"30\"\n\n[[version.subordinate]]"
        )
    )
}

/// Ann, Bob and Cat members of the party, on branch-1's committee; Ann expelled
/// by `organ` (`party/cc`, `branch-1/committee`), `votes`, recording `ground`.
fn party_expels(organ: &str, votes: &str, ground: &str) -> String {
    let mut events = sub::founded("branch");
    for p in ["ann", "bob", "cat"] {
        events += &format!(
            "\n[[event]]\nid = \"adm-{p}\"\ndate = \"2020-02-01\"\nkind = \"member_admitted\"\nperson = \"{p}\"\norg = \"party\"\nstatus = \"full\"\n"
        );
    }
    events
        + &format!(
            r#"
[[event]]
id = "committee-2020"
date = "2020-03-01"
kind = "election_held"
organ = "branch-1/committee"
by = "branch-1/meeting"
elected = ["ann", "bob", "cat"]

[[event]]
id = "the-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "the-meeting"
organ = "{organ}"

[[event]]
id = "the-decision"
date = "2021-05-01"
kind = "motion_decided"
meeting = "the-meeting"
text = "Ann is expelled"
category = "expulsion"
votes = {{ {votes} }}
outcome = "carried"

[[event]]
id = "the-expulsion"
date = "2021-05-01"
kind = "member_expelled"
person = "ann"
org = "party"
decision = "the-decision"
{ground}
"#
        )
}

fn party_findings(organ: &str, votes: &str, ground: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = sub::build(&party_statute(), &party_expels(organ, votes, ground));
    findings(&tables, "2021-06-01")
}

#[test]
fn a_holder_of_a_template_s_office_is_disciplined_by_its_organs() {
    let lawful = party_findings("branch-1/committee", "for = 3, against = 0", "");
    assert!(lawful.is_empty(), "{lawful:#?}");
    // By the organ one level up, on the ground its rule names.
    let crime = party_findings("party/cc", "for = 3, against = 0", r#"ground = "crime""#);
    assert!(crime.is_empty(), "{crime:#?}");
}

#[test]
fn the_template_s_rule_replaces_the_ordinary_members_rule_and_keeps_its_majority() {
    // The Central Committee expels an ordinary member, not a committee member.
    let found = party_findings("party/cc", "for = 3, against = 0", "");
    let wrong = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert!(
        wrong[0]
            .message
            .contains("Ann (a member of Committee of Branch One)"),
        "{}",
        wrong[0].message
    );
    assert_eq!(wrong[0].certainty, Truth::Possibly, "no ground recorded");
    let short = party_findings("branch-1/committee", "for = 3, against = 2", "");
    let short = of_rule(&short, Rule::MajorityNotMet);
    assert_eq!(short.len(), 1, "{short:#?}");
    assert_eq!(
        short[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("30")
    );
}

#[test]
fn a_template_s_discipline_rule_is_refused_at_line_and_column() {
    let refused = |from: &str, to: &str, at: &str, says: &str| {
        let text = party_statute().replacen(from, to, 1);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).unwrap_or_else(|| panic!("{at}"));
        assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
    };
    refused(
        "target = { seat = \"committee\" }\nby = [\"committee\"]",
        "target = \"member\"\nby = [\"committee\"]",
        "target = \"member\"\nby = [\"committee\"]",
        "concerns the holders of one of the template's offices",
    );
    refused(
        "by = [\"parent:cc\"]",
        "by = [\"parent:cc\"]\nconfirmed_by = \"committee\"",
        "confirmed_by = \"committee\"",
        "`confirmed_by` is not yet followed",
    );
    refused(
        "target = \"member\"\nby = [\"cc\"]",
        "target = \"member\"\nby = [\"parent:cc\"]",
        "by = [\"parent:cc\"]\narticle = \"30\"\n\n[[version.subordinate]]",
        "only the organs and posts of a `[[version.subordinate]]`",
    );
}
