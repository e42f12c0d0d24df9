//! Issue 14, competence for membership decisions: "the application must be accepted
//! at a general meeting of the branch" (`act = "admission"`), full membership,
//! extension and revocation of a probation decided by a given organ, judged as
//! discipline is (`no-competent-decision`, `majority-not-met`). Each test is data:
//! a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

const ONE_RULE: &str = r#"[[version.discipline]]
act = "expulsion"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"
"#;

const MEMBERSHIP_RULES: &str = r#"
[[version.discipline]]
act = "admission"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"

[[version.discipline]]
act = "promotion"
by = ["assembly"]
article = "7"

[[version.discipline]]
act = "extension"
by = ["assembly"]
article = "7"

[[version.discipline]]
act = "revocation"
by = ["assembly"]
article = "7"
"#;

fn statute() -> String {
    assert!(STATUTE.contains(ONE_RULE));
    STATUTE.replace(ONE_RULE, &format!("{ONE_RULE}{MEMBERSHIP_RULES}"))
}

/// A meeting of `organ` on 2021-05-01 that carries `text` by `votes_for` to
/// `against`, and then `act` (an event of `kind` about Dan, citing the decision
/// when `cite`).
fn decided(organ: &str, votes_for: u32, against: u32, act: &str, cite: bool) -> String {
    let decision = if cite {
        "decision = \"the-decision\""
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
text = "Dan's membership"
votes = {{ for = {votes_for}, against = {against} }}
outcome = "carried"
{act}
{decision}
"#
    )
}

const ADMITTED: &str = r#"
[[event]]
id = "the-act"
date = "2021-05-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "candidate""#;

fn rules_found(events: &str) -> Vec<Rule> {
    rules_found_under(&statute(), events)
}

fn rules_found_under(statute: &str, events: &str) -> Vec<Rule> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-06-01")
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn an_admission_decided_by_the_competent_organ_gives_no_finding() {
    assert_eq!(rules_found(&decided("board", 3, 0, ADMITTED, true)), []);
}

#[test]
fn an_admission_by_another_organ_or_without_a_decision_is_no_competent_decision() {
    for events in [
        decided("assembly", 3, 0, ADMITTED, true),
        decided("board", 3, 0, ADMITTED, false),
    ] {
        let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
        let found = findings(&tables, "2021-06-01");
        let flagged = of_rule(&found, Rule::NoCompetentDecision);
        assert_eq!(flagged.len(), 1, "{found:#?}");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert!(
            flagged[0].message.starts_with("admission of Dan"),
            "{}",
            flagged[0].message
        );
        assert!(
            flagged[0].message.contains("Board of Directors"),
            "{}",
            flagged[0].message
        );
        assert_eq!(
            flagged[0]
                .citation
                .as_ref()
                .and_then(|c| c.article.as_deref()),
            Some("7")
        );
    }
}

#[test]
fn an_admission_short_of_the_rule_s_majority_is_majority_not_met() {
    assert_eq!(
        rules_found(&decided("board", 3, 2, ADMITTED, true)),
        [Rule::MajorityNotMet]
    );
}

#[test]
fn promotion_extension_and_revocation_are_judged_by_their_own_rules() {
    let admitted = r#"
[[event]]
id = "adm-dan"
date = "2021-01-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "candidate""#;
    // Dan's admission is not at issue here: the statute without its rule.
    let admission = "\n[[version.discipline]]\nact = \"admission\"\nby = [\"board\"]\nmajority = { at_least = \"2/3\", of = \"votes\" }\narticle = \"7\"\n";
    let without_admission = statute().replacen(admission, "", 1);
    assert_ne!(without_admission, statute());
    for kind in ["member_promoted", "candidacy_extended", "candidacy_ended"] {
        let act = format!(
            "{admitted}\n\n[[event]]\nid = \"the-act\"\ndate = \"2021-05-01\"\nkind = \"{kind}\"\nperson = \"dan\"\norg = \"assoc\""
        );
        assert_eq!(
            rules_found_under(&without_admission, &decided("assembly", 3, 0, &act, true)),
            [],
            "{kind}"
        );
        assert_eq!(
            rules_found_under(&without_admission, &decided("board", 3, 0, &act, true)),
            [Rule::NoCompetentDecision],
            "{kind}"
        );
    }
}

#[test]
fn an_act_the_statute_gives_no_rule_is_not_judged() {
    let events = decided("board", 3, 0, ADMITTED, false);
    let found = findings(
        &build_with(STATUTE, &events).unwrap_or_else(|e| panic!("{e}")),
        "2021-06-01",
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn membership_acts_are_read_and_their_confirmation_refused_where_written() {
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let v = &doc.versions[0];
    for act in [
        crate::statute::Act::Admission,
        crate::statute::Act::Promotion,
        crate::statute::Act::Extension,
        crate::statute::Act::Revocation,
    ] {
        assert_eq!(v.discipline(act, None).len(), 1, "{act:?}");
    }
    let text = statute().replace(
        "act = \"promotion\"\nby = [\"assembly\"]",
        "act = \"promotion\"\nby = [\"assembly\"]\nconfirmed_by = \"board\"",
    );
    let err = crate::statute::read(&text).expect_err("confirmed_by refused");
    assert!(
        err.to_string()
            .contains("not yet followed for membership decisions"),
        "{err}"
    );
    let at = text.find("confirmed_by = \"board\"").unwrap();
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
}

#[test]
fn a_withdrawal_and_a_removal_from_the_roll_are_judged_by_their_own_rules() {
    let rules = "\n[[version.discipline]]\nact = \"withdrawal\"\nby = [\"assembly\"]\narticle = \"7\"\n\n[[version.discipline]]\nact = \"lapse\"\nby = [\"assembly\"]\narticle = \"7\"\n";
    let statute = STATUTE.replace(ONE_RULE, &format!("{ONE_RULE}{rules}"));
    let admitted = r#"
[[event]]
id = "adm-dan"
date = "2020-02-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "full""#;
    for kind in ["member_resigned", "membership_lapsed"] {
        let act = format!(
            "{admitted}\n\n[[event]]\nid = \"the-act\"\ndate = \"2021-05-01\"\nkind = \"{kind}\"\nperson = \"dan\"\norg = \"assoc\""
        );
        assert_eq!(
            rules_found_under(&statute, &decided("assembly", 3, 0, &act, true)),
            [],
            "{kind}"
        );
        assert_eq!(
            rules_found_under(&statute, &decided("board", 3, 0, &act, true)),
            [Rule::NoCompetentDecision],
            "{kind}"
        );
        assert_eq!(
            rules_found_under(&statute, &decided("assembly", 3, 0, &act, false)),
            [Rule::NoCompetentDecision],
            "{kind} without a decision"
        );
    }
}
