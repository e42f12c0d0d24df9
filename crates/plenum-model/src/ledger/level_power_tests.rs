//! Issue 14, a decision category given to the organ one level up
//! (`[[version.subordinate.power]] by = ["parent:KEY"]`): "If the Party
//! Constitution is thought to have been violated in any way during the election
//! of a delegate to a local Party congress ..., the Party committee at the next
//! level up shall issue a decision to declare the election invalid". The decision
//! concerns the lower organization (`motion_decided` `concerns`) and is taken by an
//! organ of the one above it: by any other organ it is `no-competent-decision`.
//! Each test is data: a statute and a history in, findings out.

use super::statute_tests::{events_of, findings, of_rule, statute_event};
use super::*;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const STATUTE: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "11"
text = "The committee at the next level up declares an election to a local congress invalid."

[[version.article]]
number = "28"
text = "The standing committee exercises the powers of the committee between its plenary sessions."

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "members" }

[[version.subordinate]]
category = "region"
name = "regional organization"
article = "11"

[[version.subordinate.organ]]
id = "committee"
name = "regional committee"
elected_by = { by = "members" }

[[version.subordinate.organ]]
id = "standing-committee"
name = "regional standing committee"
elected_by = { by = "committee" }
acts_for = { organ = "committee", between = "sessions", article = "28" }

[[version.subordinate.power]]
category = "election-invalidity"
by = ["parent:cc"]
article = "11"

[[version.subordinate]]
category = "district"
name = "district organization"
article = "11"

[[version.subordinate.organ]]
id = "committee"
name = "district committee"
elected_by = { by = "members" }

[[version.subordinate.power]]
category = "election-invalidity"
by = ["parent:committee"]
article = "11"
"#;

/// The party, Region One under it and District One under the region, their organs
/// declared; the regional committee sits on 2021-05-01. `organ` decides on `day`
/// that an election is invalid, `concerns` the organization it concerns (TOML
/// line, or none).
fn declared(organ: &str, day: &str, concerns: &str) -> String {
    format!(
        r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "region-1-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "region-1"
name = "Region One"
parent = "party"
category = "region"

[[event]]
id = "district-1-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "district-1"
name = "District One"
parent = "region-1"
category = "district"

[[event]]
id = "region-1-committee"
date = "2020-02-01"
kind = "organ_established"
organ = "region-1/committee"
name = "Committee of Region One"

[[event]]
id = "region-1-standing-committee"
date = "2020-02-01"
kind = "organ_established"
organ = "region-1/standing-committee"
name = "Standing Committee of Region One"

[[event]]
id = "district-1-committee"
date = "2020-02-01"
kind = "organ_established"
organ = "district-1/committee"
name = "Committee of District One"

[[event]]
id = "region-1-plenary"
date = "2021-05-01"
kind = "meeting_held"
meeting = "region-1-plenary"
organ = "region-1/committee"

[[event]]
id = "deciding-meeting"
date = "{day}"
kind = "meeting_held"
meeting = "deciding-meeting"
organ = "{organ}"

[[event]]
id = "the-decision"
date = "{day}"
kind = "motion_decided"
meeting = "deciding-meeting"
text = "The election of delegates to the district congress is invalid"
category = "election-invalidity"
{concerns}
votes = {{ for = 5, against = 0 }}
outcome = "carried"
"#
    )
}

const DISTRICT: &str = "concerns = \"district-1\"";

fn build(statute: &str, events: &str) -> Result<Tables, RecordError> {
    let mut batch = vec![statute_event("statute", "2020-01-01", statute)];
    batch.extend(events_of(events));
    replay(&batch)
}

fn found(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::NoCompetentDecision)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

#[test]
fn the_committee_one_level_up_declares_it_and_the_district_committee_is_found() {
    let lawful = found(
        STATUTE,
        &declared("region-1/committee", "2021-06-01", DISTRICT),
    );
    assert!(lawful.is_empty(), "{lawful:#?}");
    let own = found(
        STATUTE,
        &declared("district-1/committee", "2021-06-01", DISTRICT),
    );
    assert_eq!(own.len(), 1, "{own:#?}");
    assert_eq!(
        own[0].message,
        "the decision \"The election of delegates to the district congress is invalid\" (`election-invalidity`) was taken by Committee of District One; the statute gives decisions of that category to Committee of Region One"
    );
    assert_eq!(article(&own[0]), Some("11"));
    // Without `concerns` the decision concerns the deciding organ's organization.
    let silent = found(STATUTE, &declared("district-1/committee", "2021-06-01", ""));
    assert_eq!(silent.len(), 1, "{silent:#?}");
}

#[test]
fn an_organ_of_another_level_deciding_for_the_district_is_found_naming_it() {
    // The Central Committee, two levels up.
    let two_up = found(STATUTE, &declared("party/cc", "2021-06-01", DISTRICT));
    assert_eq!(two_up.len(), 1, "{two_up:#?}");
    assert_eq!(
        two_up[0].message,
        "the decision \"The election of delegates to the district congress is invalid\" (`election-invalidity`), concerning District One, was taken by Central Committee; the statute gives decisions of that category to Committee of Region One"
    );
    // The regional committee's declaration recorded without `concerns` concerns the
    // region itself, whose template gives it to the Central Committee.
    let region = found(STATUTE, &declared("region-1/committee", "2021-06-01", ""));
    assert_eq!(region.len(), 1, "{region:#?}");
    assert!(
        region[0].message.ends_with("to Central Committee"),
        "{}",
        region[0].message
    );
    let by_cc = found(
        STATUTE,
        &declared("party/cc", "2021-06-01", "concerns = \"region-1\""),
    );
    assert!(by_cc.is_empty(), "{by_cc:#?}");
}

#[test]
fn the_standing_committee_one_level_up_acts_for_its_committee_between_sessions() {
    let between = found(
        STATUTE,
        &declared("region-1/standing-committee", "2021-06-01", DISTRICT),
    );
    assert!(between.is_empty(), "{between:#?}");
    let sitting = found(
        STATUTE,
        &declared("region-1/standing-committee", "2021-05-01", DISTRICT),
    );
    assert_eq!(sitting.len(), 1, "{sitting:#?}");
    assert!(
        sitting[0]
            .message
            .contains("acts for Committee of Region One only between its sessions"),
        "{}",
        sitting[0].message
    );
    assert_eq!(article(&sitting[0]), Some("28"));
}

#[test]
fn parent_is_refused_in_a_versions_own_power_and_concerns_must_name_an_organization() {
    let own = STATUTE.replace(
        "[[version.subordinate]]\ncategory = \"region\"",
        "[[version.power]]\ncategory = \"election-invalidity\"\nby = [\"parent:cc\"]\narticle = \"11\"\n\n[[version.subordinate]]\ncategory = \"region\"",
    );
    let err = build(&own, "")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(
        err.contains("`parent:KEY` names an organ of the organization one level up"),
        "{err}"
    );
    assert!(err.contains("line 23 column 7"), "{err}");
    let unknown = declared(
        "region-1/committee",
        "2021-06-01",
        "concerns = \"district-9\"",
    );
    let err = build(STATUTE, &unknown)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(err.contains("district-9"), "{err}");
}
