//! Issue 14: an office filled by the organization that approved its organization's
//! founding (`elected_by = { by = "founder" }`: "The composition of a leading Party
//! members group is decided on by the Party organization that approves its
//! establishment"), judged against the decision `organization_founded` cites
//! (`wrong-elector`). Each test is data: a statute and a history in, findings out.

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::rules::Rule;

const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "49"
text = "The composition of a leading Party members group is decided on by the Party organization that approves its establishment."

[[version.organ]]
id = "congress"
name = "Party Congress"
elected_by = { by = "members" }

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "congress" }

[[version.subordinate]]
category = "district"
name = "district"

[[version.subordinate.organ]]
id = "committee"
name = "District Committee"
elected_by = { by = "parent:cc" }

[[version.subordinate]]
category = "group"
name = "leading Party members group"
article = "49"

[[version.subordinate.organ]]
id = "group"
name = "Leading Group"
elected_by = { by = "founder", article = "49" }
"#;

/// The party; a district under it; `group-1` founded under the district, on the
/// Central Committee's decision (none where `cite` is false); Ann and Bob.
fn history(cite: bool) -> String {
    let decision = if cite {
        "decision = \"cc-approves-group\"\n"
    } else {
        ""
    };
    format!(
        r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "district-founded"
date = "2020-01-01"
kind = "organization_founded"
org = "district"
name = "District"
parent = "party"
category = "district"

[[event]]
id = "district-committee"
date = "2020-01-01"
kind = "organ_established"
organ = "district/committee"
name = "District Committee"

[[event]]
id = "cc-sits"
date = "2020-02-01"
kind = "meeting_held"
meeting = "cc-1"
organ = "party/cc"

[[event]]
id = "cc-approves-group"
date = "2020-02-01"
kind = "motion_decided"
meeting = "cc-1"
text = "To approve the establishment of a leading Party members group."
outcome = "carried"

[[event]]
id = "group-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "group-1"
name = "Group One"
parent = "district"
category = "group"
{decision}
[[event]]
id = "group-organ"
date = "2020-02-01"
kind = "organ_established"
organ = "group-1/group"
name = "Leading Group of Group One"

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
"#
    )
}

/// The group appointed on 2020-03-01 by `by`.
fn appointed_by(by: &str) -> String {
    format!(
        r#"
[[event]]
id = "group-2020"
date = "2020-03-01"
kind = "election_held"
organ = "group-1/group"
by = "{by}"
elected = ["ann", "bob"]
"#
    )
}

fn judged(cite: bool, by: &str) -> Vec<crate::query::check::FindingLine> {
    let mut batch = vec![statute_event("statute", "2020-01-01", STATUTE)];
    batch.extend(events_of(&format!("{}{}", history(cite), appointed_by(by))));
    let tables = replay(&batch).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2020-06-01")
}

#[test]
fn r14_a_group_composed_by_the_organization_that_approved_it_gives_nothing() {
    // Any organ of the approving organization: its Central Committee, its congress.
    for by in ["party/cc", "party/congress"] {
        let found = judged(true, by);
        assert!(found.is_empty(), "{by}: {found:#?}");
    }
    // A founding that cites no decision is not judged.
    let found = judged(false, "district/committee");
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_group_composed_by_another_organization_is_wrong_elector() {
    // The district is its parent, but the Central Committee approved it.
    let found = judged(true, "district/committee");
    let wrong = of_rule(&found, Rule::WrongElector);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert_eq!(found.len(), 1, "{found:#?}");
    let message = &wrong[0].message;
    assert!(
        message.contains("District Committee")
            && message.contains("approved the founding of Group One (Party)"),
        "{message}"
    );
    let citation = wrong[0].citation.as_ref().expect("a citation");
    assert_eq!(citation.article.as_deref(), Some("49"));
}
