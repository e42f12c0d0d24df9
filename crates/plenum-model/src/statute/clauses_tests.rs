//! `clauses`: every rule of a version is a clause with its article.

use super::*;

#[test]
fn every_rule_of_a_version_is_a_clause_with_its_article() {
    let document = crate::statute::read(crate::ledger::tests::STATUTE).unwrap();
    let clauses = clauses(&document);
    let lines: Vec<String> = clauses
        .iter()
        .map(|c| {
            format!(
                "{} | {} | {} | {}",
                c.subject,
                c.field,
                c.rule,
                c.article.as_deref().unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "Party Congress | elected_by | elected by the members | -",
            "Party Congress | meets | meets at least every 5 years (rolling) | 21",
            "Central Committee | elected_by | elected by Party Congress only | -",
            "Central Committee | seats | at most 5 full seats | -",
            "Central Committee | meets | meets at least every 6 months (rolling) | -",
            "Central Committee | notice | at least 7 days of notice of a meeting | -",
            "Central Committee | quorum | decides only with more than 1/2 of its members present | -",
            "Central Committee | majority | decisions need more than 1/2 of the votes cast | -",
            "Central Committee | majority | expulsion decisions need at least 2/3 of the votes cast | -",
            "Political Bureau | elected_by | elected by Central Committee only | 24",
            "Political Bureau | eligibility | a seat holder must hold a seat on Central Committee | 24",
            "Chairman | elected_by | elected by Central Committee only | -",
            "Chairman | eligibility | the holder must be a full member | -",
            "discipline | discipline | expulsion: decided by Central Committee | 9",
        ]
    );
}

#[test]
fn days_not_met_on_the_notice_of_a_request_and_a_duty_to_attend_are_listed() {
    let text = r#"organization = "union"

[[version]]
id = "v1"
effective = "2020-01-01"

[[version.article]]
number = "4"
text = "No convention shall be held on a holiday weekend."

[[version.organ]]
id = "convention"
name = "Convention"
not_on = { days = ["holiday-weekends"], holidays = ["07-04", "first monday of september"], article = "4" }

[[version.organ]]
id = "board"
name = "Board"
convened_by = { requisition = "1/2", posts = ["president"], notify = ["president"], article = "4" }
attends = { organs = ["convention", "board"], article = "4" }

[[version.post]]
id = "president"
name = "President"
"#;
    let document = crate::statute::read(text).expect("a valid statute");
    let lines: Vec<String> = clauses(&document)
        .iter()
        .filter(|c| ["not_on", "convened_by", "attends"].contains(&c.field))
        .map(|c| format!("{} | {} | {}", c.subject, c.field, c.rule))
        .collect();
    assert_eq!(
        lines,
        [
            "Convention | not_on | never meets on a holiday weekend (holidays: 07-04, the first monday of september)",
            "Board | convened_by | convened by the holder of the post of President or 1/2 of its members by requisition (with notice to the President)",
            "Board | attends | its holders attend every meeting of Convention and of Board",
        ]
    );
}
