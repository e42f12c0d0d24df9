//! Issue 14, who founds and who dissolves organizations: `[version.founding]`,
//! `[version.dissolution]` and a template's `founding` / `dissolution`, judged on
//! `organization_founded` and `organization_dissolved` against the decision they cite
//! (`no-competent-decision`), and the least number of full members among the
//! founders (`too-few-founders`). Each test is data: a statute and a history in,
//! findings out.

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "13"
text = "Every new Party organization is formed on a decision of a Party organization at a higher level."

[[version.article]]
number = "30"
text = "A branch is formed where there are three or more full members, with the approval of the Central Committee."

[[version.article]]
number = "50"
text = "The Party is dissolved only by its Congress."

[version.founding]
by = ["higher-level"]
article = "13"

[version.dissolution]
by = ["congress"]
article = "50"

[[version.organ]]
id = "congress"
name = "Party Congress"
elected_by = { by = "members" }

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "congress" }

[[version.subordinate]]
category = "branch"
name = "branch"
article = "30"
founding = { by = ["parent:cc"], min_members = 3, article = "30" }
dissolution = { by = ["higher-level"], article = "13" }

[[version.subordinate.organ]]
id = "meeting"
name = "General Meeting"
elected_by = { by = "members" }
"#;

/// The party, its register (Ann, Bob and Cat full members; Dan a candidate; Eve
/// never on it) and two motions of its organs, carried and defeated.
const PARTY: &str = r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "p-ann"
date = "2020-01-01"
kind = "person_registered"
person = "ann"
name = "Ann"

[[event]]
id = "p-bob"
date = "2020-01-01"
kind = "person_registered"
person = "bob"
name = "Bob"

[[event]]
id = "p-cat"
date = "2020-01-01"
kind = "person_registered"
person = "cat"
name = "Cat"

[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "p-eve"
date = "2020-01-01"
kind = "person_registered"
person = "eve"
name = "Eve"

[[event]]
id = "adm-ann"
date = "2020-01-02"
kind = "member_admitted"
person = "ann"
org = "party"

[[event]]
id = "adm-bob"
date = "2020-01-02"
kind = "member_admitted"
person = "bob"
org = "party"

[[event]]
id = "adm-cat"
date = "2020-01-02"
kind = "member_admitted"
person = "cat"
org = "party"

[[event]]
id = "adm-dan"
date = "2020-01-02"
kind = "member_admitted"
person = "dan"
org = "party"
status = "candidate"

[[event]]
id = "cc-approves"
date = "2020-02-01"
kind = "motion_decided"
organ = "party/cc"
text = "To approve the formation of a new organization."
outcome = "carried"

[[event]]
id = "cc-refuses"
date = "2020-02-01"
kind = "motion_decided"
organ = "party/cc"
text = "To approve the formation of a new organization."
outcome = "defeated"

[[event]]
id = "congress-decides"
date = "2020-02-01"
kind = "motion_decided"
organ = "party/congress"
text = "To decide."
outcome = "carried"
"#;

/// `branch-1` founded under the party on 2020-03-01 as `category`, with `extra`
/// lines (its decision and founders).
fn founded(org: &str, category: &str, extra: &str) -> String {
    format!(
        r#"
[[event]]
id = "{org}-founded"
date = "2020-03-01"
kind = "organization_founded"
org = "{org}"
name = "Branch One"
parent = "party"
category = "{category}"
{extra}

[[event]]
id = "{org}-meeting"
date = "2020-03-01"
kind = "organ_established"
organ = "{org}/meeting"
name = "General Meeting of Branch One"
"#
    )
}

fn judged(events: &str) -> Vec<FindingLine> {
    let mut batch = vec![statute_event("statute", "2020-01-01", STATUTE)];
    batch.extend(events_of(&format!("{PARTY}{events}")));
    let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2020-12-31")
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

const LAWFUL: &str = "decision = \"cc-approves\"\nfounders = [\"ann\", \"bob\", \"cat\"]";

#[test]
fn r14_a_branch_founded_on_the_competent_decision_by_three_full_members_gives_nothing() {
    let found = judged(&founded("branch-1", "branch", LAWFUL));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_branch_founded_without_a_decision_is_found_citing_the_template() {
    let found = judged(&founded(
        "branch-1",
        "branch",
        "founders = [\"ann\", \"bob\", \"cat\"]",
    ));
    let found = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Branch One was founded without a decision of Central Committee, the competent organ"
    );
    assert_eq!(article(found[0]), Some("30"));
}

#[test]
fn r14_a_branch_founded_by_another_organ_or_on_a_defeated_motion_is_found() {
    let found = judged(&founded(
        "branch-1",
        "branch",
        "decision = \"congress-decides\"\nfounders = [\"ann\", \"bob\", \"cat\"]",
    ));
    let found = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Branch One was founded on a decision of Party Congress; the statute gives that to Central Committee"
    );
    let defeated = judged(&founded(
        "branch-1",
        "branch",
        "decision = \"cc-refuses\"\nfounders = [\"ann\", \"bob\", \"cat\"]",
    ));
    let defeated = of_rule(&defeated, Rule::NoCompetentDecision);
    assert_eq!(defeated.len(), 1, "{defeated:#?}");
    assert_eq!(
        defeated[0].message,
        "Branch One was founded on a motion that was defeated"
    );
}

#[test]
fn r14_too_few_full_members_among_the_founders_is_three_valued() {
    // Ann and Bob are full members, Dan only a candidate: two of three.
    let two = judged(&founded(
        "branch-1",
        "branch",
        "decision = \"cc-approves\"\nfounders = [\"ann\", \"bob\", \"dan\"]",
    ));
    let two = of_rule(&two, Rule::TooFewFounders);
    assert_eq!(two.len(), 1, "{two:#?}");
    assert_eq!(two[0].certainty, Truth::Definitely);
    assert_eq!(
        two[0].message,
        "Branch One was founded by 2 full members of Party; the statute requires at least 3"
    );
    assert_eq!(article(two[0]), Some("30"));
    // Eve is on no register: of unknown standing, so possibly too few.
    let unknown = judged(&founded(
        "branch-1",
        "branch",
        "decision = \"cc-approves\"\nfounders = [\"ann\", \"bob\", \"eve\"]",
    ));
    let unknown = of_rule(&unknown, Rule::TooFewFounders);
    assert_eq!(unknown.len(), 1, "{unknown:#?}");
    assert_eq!(unknown[0].certainty, Truth::Possibly);
    // No founders named: the record is silent, nothing is judged.
    let silent = judged(&founded("branch-1", "branch", "decision = \"cc-approves\""));
    assert!(silent.is_empty(), "{silent:#?}");
}

#[test]
fn r14_an_organization_of_a_category_without_a_template_falls_back_to_version_founding() {
    // `[version.founding]`: any organ of an organization above it.
    let lawful = judged(&founded(
        "cell-1",
        "cell",
        "decision = \"congress-decides\"",
    ));
    assert!(lawful.is_empty(), "{lawful:#?}");
    let none = judged(&founded("cell-1", "cell", ""));
    let none = of_rule(&none, Rule::NoCompetentDecision);
    assert_eq!(none.len(), 1, "{none:#?}");
    assert_eq!(
        none[0].message,
        "Branch One was founded without a decision of an organ of an organization above Branch One, the competent organ"
    );
    assert_eq!(article(none[0]), Some("13"));
}

fn dissolved(org: &str, decision: &str) -> String {
    format!(
        r#"
[[event]]
id = "{org}-dissolved"
date = "2020-06-01"
kind = "organization_dissolved"
org = "{org}"
decision = "{decision}"
"#
    )
}

#[test]
fn r14_the_party_is_dissolved_by_its_congress_only() {
    let lawful = judged(&dissolved("party", "congress-decides"));
    assert!(
        of_rule(&lawful, Rule::NoCompetentDecision).is_empty(),
        "{lawful:#?}"
    );
    let found = judged(&dissolved("party", "cc-approves"));
    let found = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Party was dissolved on a decision of Central Committee; the statute gives that to Party Congress"
    );
    assert_eq!(article(found[0]), Some("50"));
}

#[test]
fn r14_a_branch_is_dissolved_by_a_higher_level_not_by_itself() {
    let branch = founded("branch-1", "branch", LAWFUL);
    let own = r#"
[[event]]
id = "branch-decides"
date = "2020-05-01"
kind = "motion_decided"
organ = "branch-1/meeting"
text = "To dissolve the branch."
outcome = "carried"
"#;
    let lawful = judged(&format!("{branch}{}", dissolved("branch-1", "cc-approves")));
    assert!(lawful.is_empty(), "{lawful:#?}");
    let found = judged(&format!(
        "{branch}{own}{}",
        dissolved("branch-1", "branch-decides")
    ));
    let found = of_rule(&found, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Branch One was dissolved on a decision of General Meeting of Branch One; the statute gives that to an organ of an organization above Branch One"
    );
    assert_eq!(article(found[0]), Some("13"));
}

/// The statute with `from` replaced by `to`, read: its error, if any.
fn refused(from: &str, to: &str) -> String {
    let text = STATUTE.replacen(from, to, 1);
    assert_ne!(text, STATUTE, "`{from}` is not in the statute");
    match crate::statute::read(&text) {
        Ok(_) => String::new(),
        Err(e) => e.to_string(),
    }
}

#[test]
fn r14_bad_founding_and_dissolution_tables_are_refused_where_written() {
    let empty = refused(
        "by = [\"higher-level\"]\narticle = \"13\"",
        "by = []\narticle = \"13\"",
    );
    assert!(empty.contains("`founding.by` is empty"), "{empty}");
    let unknown = refused("by = [\"congress\"]", "by = [\"bureau\"]");
    assert!(
        unknown.contains("`dissolution.by` names `bureau`, not an organ of version `2020`"),
        "{unknown}"
    );
    // At its line and column.
    assert!(
        unknown
            .split(':')
            .next()
            .is_some_and(|l| l.parse::<u32>().is_ok()),
        "{unknown}"
    );
    let zero = refused("min_members = 3", "min_members = 0");
    assert!(
        zero.contains("`subordinate.founding.min_members` is 0"),
        "{zero}"
    );
    let twice = refused("[\"parent:cc\"]", "[\"parent:cc\", \"parent:cc\"]");
    assert!(twice.contains("names `parent:cc` twice"), "{twice}");
    let stray = refused(
        "dissolution = { by = [\"higher-level\"], article = \"13\" }",
        "dissolution = { by = [\"higher-level\"], min_members = 3 }",
    );
    assert!(stray.contains("min_members"), "{stray}");
    let misspelt = refused("[version.founding]\nby", "[version.founding]\nbye = []\nby");
    assert!(misspelt.contains("bye"), "{misspelt}");
}
