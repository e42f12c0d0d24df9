//! Competence for membership decisions (issue 14): an admission decided by the
//! organ the statute names (`[[version.discipline]] act = "admission"`), judged
//! through `plenum check --json`, and listed by `plenum statute check`.

use crate::rules::{findings_of, of_rule};

const STATUTE: &str = "membership/statute.toml";
const BASE: &str = "membership/base.toml";

#[test]
fn an_admission_decided_by_the_branch_meeting_gives_no_finding() {
    let found = findings_of(
        STATUTE,
        &[BASE, "membership/admission.pass.toml"],
        "2001-06-01",
    );
    assert_eq!(found, Vec::<serde_json::Value>::new());
}

#[test]
fn an_admission_decided_by_another_organ_is_no_competent_decision() {
    let found = findings_of(
        STATUTE,
        &[BASE, "membership/admission.flag.toml"],
        "2001-06-01",
    );
    assert_eq!(
        of_rule(&found, "no-competent-decision"),
        [(
            "ann-admitted".to_owned(),
            Some("2000".to_owned()),
            Some("5".to_owned())
        )]
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    let message = found[0]["message"].as_str().unwrap_or_default();
    assert!(message.contains("admission of Ann"), "{message}");
}

#[test]
fn statute_check_lists_the_admission_rule() {
    let env = crate::support::Env::new();
    let path = crate::support::data(STATUTE);
    let json = env.json(&["statute", "check", path.to_str().unwrap()]);
    let clauses = json["clauses"].as_array().expect("clauses");
    assert!(
        clauses.iter().any(
            |c| c["rule"].as_str().is_some_and(|r| r.contains("admission"))
                && c["article"] == "5"
                && c["checked_by"]
                    .as_str()
                    .is_some_and(|r| r.contains("no-competent-decision"))
        ),
        "{clauses:#?}"
    );
}
