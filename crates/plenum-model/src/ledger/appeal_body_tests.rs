//! Issue 14, appeals decided by the organ one level up: a template's
//! `appeals = { by = ["parent:commission"] }` ("it may request that the commission at
//! the next level up reexamine the case") finds any decision on an appeal in such an
//! organization (`appeal_decided`, final or not) by another organ
//! (`wrong-appeal-body`), and the key is read or refused at its place. Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::rules::Rule;

const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "47"
text = "A branch commission that does not agree with the branch committee on a case may request that the commission at the next level up reexamine the case."

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "members" }

[[version.organ]]
id = "commission"
name = "Central Commission"
elected_by = { by = "members" }

[[version.subordinate]]
category = "branch"
name = "branch"
article = "47"
appeals = { by = ["parent:commission"], article = "47" }

[[version.subordinate.organ]]
id = "committee"
name = "Branch Committee"
elected_by = { by = "members" }

[[version.subordinate.organ]]
id = "commission"
name = "Branch Commission"
elected_by = { by = "members" }
"#;

const RECORD: &str = r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "branch-1-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "branch-1"
name = "Branch One"
parent = "party"
category = "branch"

[[event]]
id = "branch-1-commission"
date = "2020-02-01"
kind = "organ_established"
organ = "branch-1/commission"
name = "Commission of Branch One"

[[event]]
id = "p-bob"
date = "2020-01-01"
kind = "person_registered"
person = "bob"
name = "Bob"
"#;

/// Bob's case in `org`, re-examined by `by` (not finally).
fn appeal(org: &str, by: &str) -> String {
    format!(
        r#"
[[event]]
id = "bob-case-reexamined"
date = "2021-06-01"
kind = "appeal_decided"
person = "bob"
org = "{org}"
by = "{by}"
final = false
"#
    )
}

fn build(statute: &str, events: &str) -> Result<Tables, crate::ledger::RecordError> {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(events));
    replay(&batch)
}

fn wrong_appeal_body(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build(statute, &format!("{RECORD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    of_rule(&all, Rule::WrongAppealBody)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn a_case_reexamined_by_the_commission_one_level_up_gives_no_finding() {
    let found = wrong_appeal_body(STATUTE, &appeal("branch-1", "party/commission"));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_case_reexamined_by_the_branchs_own_commission_is_wrong_appeal_body() {
    let found = wrong_appeal_body(STATUTE, &appeal("branch-1", "branch-1/commission"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the appeal of Bob in Branch One was decided by Commission of Branch One; the statute gives appeals there to Central Commission"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("47")
    );
}

#[test]
fn another_organ_one_level_up_is_wrong_too_and_the_partys_own_appeals_are_not_judged() {
    let found = wrong_appeal_body(STATUTE, &appeal("branch-1", "party/cc"));
    assert_eq!(found.len(), 1, "{found:#?}");
    // The party's own version says nothing of appeals: its appeals are not judged.
    assert!(wrong_appeal_body(STATUTE, &appeal("party", "party/cc")).is_empty());
}

#[test]
fn higher_level_and_own_organs_in_a_versions_trials() {
    let statute = STATUTE.replace(
        "[[version.organ]]\nid = \"cc\"",
        "[version.trials]\nappeals = { by = [\"cc\"], article = \"47\" }\n\n[[version.organ]]\nid = \"cc\"",
    );
    assert!(wrong_appeal_body(&statute, &appeal("party", "party/cc")).is_empty());
    let found = wrong_appeal_body(&statute, &appeal("party", "party/commission"));
    assert_eq!(found.len(), 1, "{found:#?}");
    let higher = STATUTE.replace("[\"parent:commission\"]", "[\"higher-level\"]");
    assert!(wrong_appeal_body(&higher, &appeal("branch-1", "party/cc")).is_empty());
    let found = wrong_appeal_body(&higher, &appeal("branch-1", "branch-1/commission"));
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn a_templates_appeals_are_refused_at_their_place_when_wrong() {
    for (to, says) in [
        ("[]", "`appeals.by` is empty"),
        ("[\"senate\"]", "`appeals.by` names `senate`, not an organ"),
        (
            "[\"parent:commission\", \"parent:commission\"]",
            "names `parent:commission` twice",
        ),
    ] {
        let statute = STATUTE.replace("[\"parent:commission\"]", to);
        let err = build(&statute, "")
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(err.contains(says), "{to}: {err}");
        assert!(err.contains("line 26"), "{to}: {err}");
    }
    let statute = STATUTE.replace(
        "appeals = { by = [\"parent:commission\"],",
        "appeals = { final_by = [\"commission\"],",
    );
    let err = build(&statute, "")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("takes `by` only"), "{err}");
    let statute = STATUTE.replace("by = [\"parent:commission\"], ", "");
    let err = build(&statute, "")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("`appeals` says nothing"), "{err}");
}
