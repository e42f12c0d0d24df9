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

#[test]
fn seats_set_at_each_election_the_share_filled_between_and_the_founder_are_listed() {
    let text = r#"organization = "party"

[[version]]
id = "v1"
effective = "2020-01-01"

[[version.article]]
number = "21"
text = "The number replaced or newly elected shall not exceed one fifth."

[[version.article]]
number = "22"
text = "The number of members shall be determined by the National Congress."

[[version.article]]
number = "49"
text = "The composition of a leading Party members group is decided on by the Party organization that approves its establishment."

[[version.organ]]
id = "congress"
name = "National Congress"

[[version.organ]]
id = "conference"
name = "National Conference"

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "congress", vacancies = "conference" }
seats_set = { by = "congress", article = "22" }
between_elections = { at_most = "1/5", article = "21" }

[[version.subordinate]]
category = "group"

[[version.subordinate.organ]]
id = "group"
name = "Leading Group"
elected_by = { by = "founder", article = "49" }
"#;
    let document = crate::statute::read(text).expect("a valid statute");
    let lines: Vec<String> = clauses(&document)
        .iter()
        .filter(|c| ["seats_set", "between_elections", "elected_by"].contains(&c.field))
        .map(|c| {
            format!(
                "{} | {} | {} | {} | {}",
                c.subject,
                c.field,
                c.rule,
                c.article.as_deref().unwrap_or("-"),
                c.checked_by.unwrap_or("-")
            )
        })
        .collect();
    assert_eq!(
        lines,
        [
            "Central Committee | elected_by | elected by National Congress only; vacancies filled by National Conference | - | wrong-elector",
            "Central Committee | seats_set | the number of its members and alternate members is set, for each election, by a decision of National Congress | 22 | no-competent-decision, seats-over-limit",
            "Central Committee | between_elections | between two elections, National Conference replaces or adds at most 1/5 of the members, and of the alternate members, the last election filled | 21 | seats-over-limit (as of a date)",
            "group: Leading Group | elected_by | appointed by the organization that approved its founding only | 49 | wrong-elector",
        ]
    );
}
