//! Issue 14, admission conditions: the sponsors an admission names, of the standing
//! the statute asks (`too-few-sponsors`), and new members admitted on probation first
//! (`admitted-as-full`); the clauses read or refused at their place. Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;

const ADMISSION: &str = r#"
[[version.article]]
number = "A5"
text = "An applicant must be recommended by two full members and undergo a probationary period."

[version.membership]
sponsors = { at_least = 2, status = "full-member", article = "A5" }
admission = { as = "candidate", article = "A5" }
"#;

fn statute(admission: &str) -> String {
    STATUTE.replacen(
        "[[version.organ]]",
        &format!("{admission}\n[[version.organ]]"),
        1,
    )
}

const DAN: &str = r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"
"#;

fn admitted(status: &str, sponsors: &str) -> String {
    format!(
        r#"{DAN}
[[event]]
id = "adm-dan"
date = "2021-06-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "{status}"
sponsors = [{sponsors}]
"#
    )
}

/// Ann and Bob are full members from 2020 (before the clause judges: `BOARD`
/// admits them under the version without it); Cat joins as a candidate.
fn judged(admission: &str, events: &str, rule: Rule) -> Vec<FindingLine> {
    let cat = r#"
[[event]]
id = "adm-cat"
date = "2021-01-10"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "candidate"
sponsors = ["ann", "bob"]
"#;
    let amended = statute(admission)
        .replace("id = \"2020\"", "id = \"2021\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2021-01-01\"");
    let mut all = format!(
        "[[version]]{}",
        amended.split_once("[[version]]").unwrap_or_default().1
    );
    all.insert_str(0, &format!("{}\n", STATUTE));
    let tables =
        build_with(&all, &format!("{BOARD}{cat}{events}")).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    of_rule(&found, rule).into_iter().cloned().collect()
}

#[test]
fn r14_two_full_members_sponsor_and_an_admission_naming_none_is_not_judged() {
    let lawful = judged(
        ADMISSION,
        &admitted("candidate", r#""ann", "bob""#),
        Rule::TooFewSponsors,
    );
    assert!(lawful.is_empty(), "{lawful:#?}");
    let silent = judged(ADMISSION, &admitted("candidate", ""), Rule::TooFewSponsors);
    assert!(silent.is_empty(), "{silent:#?}");
    // Cat's own admission (sponsored by Ann and Bob) is lawful too.
    let none = judged(ADMISSION, "", Rule::TooFewSponsors);
    assert!(none.is_empty(), "{none:#?}");
}

#[test]
fn r14_one_sponsor_or_a_candidate_sponsor_is_too_few() {
    let one = judged(
        ADMISSION,
        &admitted("candidate", r#""ann""#),
        Rule::TooFewSponsors,
    );
    assert_eq!(one.len(), 1, "{one:#?}");
    assert_eq!(
        one[0].message,
        "the admission of Dan to Association was recommended by 1 sponsor; the statute requires at least 2 full members"
    );
    assert_eq!(
        one[0].citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("A5")
    );
    let candidate = judged(
        ADMISSION,
        &admitted("candidate", r#""ann", "cat""#),
        Rule::TooFewSponsors,
    );
    assert_eq!(candidate.len(), 1, "{candidate:#?}");
    assert_eq!(
        candidate[0].message,
        "the admission of Dan to Association was recommended by 2 sponsors, of whom 1 counts (not counted: Cat, who is only a candidate member); the statute requires at least 2 full members"
    );
    // Any member will do where the statute asks for members.
    let members = ADMISSION.replace("status = \"full-member\", ", "");
    let found = judged(
        &members,
        &admitted("candidate", r#""ann", "cat""#),
        Rule::TooFewSponsors,
    );
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_a_new_member_admitted_as_full_is_found_and_a_readmission_is_not() {
    let found = judged(
        ADMISSION,
        &admitted("full", r#""ann", "bob""#),
        Rule::AdmittedAsFull,
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Dan was admitted to Association as a full member; the statute admits new members on probation first"
    );
    let readmitted = r#"
[[event]]
id = "bob-resigned"
date = "2021-03-01"
kind = "member_resigned"
person = "bob"
org = "assoc"

[[event]]
id = "bob-back"
date = "2021-09-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"
"#;
    let found = judged(ADMISSION, readmitted, Rule::AdmittedAsFull);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_admission_clauses_out_of_shape_are_refused() {
    let zero = statute(&ADMISSION.replace("at_least = 2", "at_least = 0"));
    let err = build_with(&zero, "").expect_err("no sponsors");
    assert!(err.to_string().contains("at_least"), "{err}");
    let status = statute(&ADMISSION.replace("\"full-member\"", "\"elder\""));
    let err = build_with(&status, "").expect_err("a status");
    assert!(err.to_string().contains("elder"), "{err}");
    let full = statute(&ADMISSION.replace("as = \"candidate\"", "as = \"full\""));
    let err = build_with(&full, "").expect_err("admitted as full");
    assert!(err.to_string().contains("candidate"), "{err}");
}
