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
