//! Issue 14, membership classes: eligibility naming a class, a class whose members
//! may not hold office, a class whose members do not vote. Each test is data: a
//! statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The association's statute with three classes: full members, students (who
/// vote and may hold office), honorary members (who do neither); only members of
/// the full class may be Treasurer, and full members vote in the assembly.
fn statute() -> String {
    format!(
        r#"{}
[[version.article]]
number = "11"
text = "Members are full, student or honorary members; honorary members neither vote nor hold office, and only full members may be Treasurer."

[version.membership]
votes = {{ members = ["full-member"], article = "11" }}

[[version.membership.class]]
id = "full"
name = "full membership"

[[version.membership.class]]
id = "student"
name = "student membership"
article = "11"

[[version.membership.class]]
id = "honorary"
name = "honorary membership"
votes = false
may_hold_office = false
article = "11"
"#,
        STATUTE.replace(
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }\neligibility = [{ requires = \"class\", class = \"full\", article = \"11\" }]",
        )
    )
}

/// Ann admitted in the full class, Bob with no class recorded, Cat a student.
const ADMITTED: &str = r#"
[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "full"
class = "full"

[[event]]
id = "adm-bob"
date = "2020-02-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"

[[event]]
id = "adm-cat"
date = "2020-02-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "full"
class = "student"
"#;

fn class_changed(person: &str, class: &str) -> String {
    format!(
        r#"
[[event]]
id = "{person}-{class}"
date = "2020-06-01"
kind = "membership_class_changed"
person = "{person}"
org = "assoc"
class = "{class}"
"#
    )
}

fn elected(to: &str, person: &str) -> String {
    let office = if to == "treasurer" {
        "post = \"assoc/treasurer\""
    } else {
        "organ = \"assoc/board\""
    };
    format!(
        r#"
[[event]]
id = "{to}-2021"
date = "2021-03-01"
kind = "election_held"
{office}
by = "assoc/assembly"
elected = ["{person}"]
"#
    )
}

fn found(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables =
        build_with(&statute(), &format!("{ADMITTED}{events}")).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_eligibility_naming_a_class_finds_a_member_of_another_class() {
    let student = found(&elected("treasurer", "cat"));
    let wrong = of_rule(&student, Rule::IneligibleHolder);
    assert_eq!(wrong.len(), 1, "{student:#?}");
    assert_eq!(
        wrong[0].message,
        "Cat takes the post of Treasurer but is a member of the class student membership, not of the class full membership"
    );
    assert_eq!(
        wrong[0].citation.as_ref().unwrap().article.as_deref(),
        Some("11")
    );
    // A member of the class may; so may one moved to it.
    assert!(of_rule(&found(&elected("treasurer", "ann")), Rule::IneligibleHolder).is_empty());
    let moved = found(&format!(
        "{}{}",
        class_changed("cat", "full"),
        elected("treasurer", "cat")
    ));
    assert!(
        of_rule(&moved, Rule::IneligibleHolder).is_empty(),
        "{moved:#?}"
    );
    // Three-valued: Bob's class is not recorded, so he is not found.
    assert!(of_rule(&found(&elected("treasurer", "bob")), Rule::IneligibleHolder).is_empty());
}

#[test]
fn r14_a_member_of_a_class_that_may_not_hold_office_is_ineligible() {
    let honorary = found(&format!(
        "{}{}",
        class_changed("ann", "honorary"),
        elected("board", "ann")
    ));
    let barred = of_rule(&honorary, Rule::IneligibleHolder);
    assert_eq!(barred.len(), 1, "{honorary:#?}");
    assert_eq!(
        barred[0].message,
        "Ann takes a seat on Board of Directors but is a member of the class honorary membership, whose members may not hold office"
    );
    // A student may sit on the board.
    assert!(of_rule(&found(&elected("board", "cat")), Rule::IneligibleHolder).is_empty());
}

const ASSEMBLY_VOTE: &str = r#"
[[event]]
id = "assembly-met"
date = "2021-04-01"
kind = "meeting_held"
meeting = "assembly-2021"
organ = "assoc/assembly"

[[event]]
id = "budget"
date = "2021-04-01"
kind = "motion_decided"
meeting = "assembly-2021"
text = "Adopt the budget"
votes = { for = 3, against = 0 }
outcome = "carried"
"#;

#[test]
fn r14_members_of_a_class_that_does_not_vote_are_not_entitled_to_vote() {
    // Three full members: three votes may be cast.
    assert!(of_rule(&found(ASSEMBLY_VOTE), Rule::MajorityNotMet).is_empty());
    // Ann honorary: only two are entitled.
    let found = found(&format!(
        "{}{ASSEMBLY_VOTE}",
        class_changed("ann", "honorary")
    ));
    let over = of_rule(&found, Rule::MajorityNotMet);
    assert_eq!(over.len(), 1, "{found:#?}");
    assert_eq!(
        over[0].message,
        "the record gives 3 votes (3 for, 0 against, 0 abstaining) in General Assembly, but the register shows only 2 full members entitled to vote"
    );
}

#[test]
fn r14_classes_are_read_with_their_errors_placed() {
    let document = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let rules: Vec<String> = crate::statute::clauses(&document)
        .into_iter()
        .map(|c| c.rule)
        .collect();
    assert!(
        rules.contains(
            &"membership class `honorary` (honorary membership), who neither vote nor may hold office"
                .to_owned()
        ),
        "{rules:#?}"
    );
    assert!(
        rules.contains(&"the holder must be a member of the class full membership".to_owned()),
        "{rules:#?}"
    );
    let undefined = crate::statute::read(
        &statute().replace("class = \"full\", article", "class = \"life\", article"),
    )
    .unwrap_err()
    .to_string();
    assert!(
        undefined.contains("membership class `life` is not defined in version `2020`"),
        "{undefined}"
    );
    assert!(undefined.starts_with("37:46:"), "{undefined}");
    let bare = crate::statute::read(&statute().replace("class = \"full\", article", "article"))
        .unwrap_err()
        .to_string();
    assert!(
        bare.contains("`requires = \"class\"` needs `class = ...`"),
        "{bare}"
    );
    let twice = crate::statute::read(&statute().replace("id = \"student\"", "id = \"full\""))
        .unwrap_err()
        .to_string();
    assert!(
        twice.contains("membership class `full` is defined twice"),
        "{twice}"
    );
}

#[test]
fn r14_the_class_outlasts_a_change_of_status() {
    // Dan, a student candidate, promoted: still a student, so not Treasurer.
    let events = r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "adm-dan"
date = "2020-02-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "candidate"
class = "student"

[[event]]
id = "dan-promoted"
date = "2020-09-01"
kind = "member_promoted"
person = "dan"
org = "assoc"
"#;
    let found = found(&format!("{events}{}", elected("treasurer", "dan")));
    let wrong = of_rule(&found, Rule::IneligibleHolder);
    assert_eq!(wrong.len(), 1, "{found:#?}");
    assert!(
        wrong[0].message.contains("class student membership"),
        "{}",
        wrong[0].message
    );
}

#[test]
fn r14_a_change_of_class_does_not_extend_a_candidacy() {
    // A year's probation, extensible by six months by `candidacy_extended` only.
    let statute = statute().replace(
        "[version.membership]\n",
        "[version.membership]\nprobation = { length = \"1 year\", extension = \"6 months\", article = \"11\" }\n",
    );
    let events = r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "adm-dan"
date = "2020-02-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "candidate"
class = "student"
"#;
    let changed = format!("{events}{}", class_changed("dan", "full"));
    let tables =
        build_with(&statute, &format!("{ADMITTED}{changed}")).unwrap_or_else(|e| panic!("{e}"));
    // Still a candidate fourteen months on: beyond the probation, the class change
    // no extension.
    let late = findings(&tables, "2021-04-01");
    let late = of_rule(&late, Rule::StatusTooLong);
    assert_eq!(late.len(), 1, "{late:#?}");
    assert!(
        late[0].message.contains("since 2020-02-01"),
        "{}",
        late[0].message
    );
}
