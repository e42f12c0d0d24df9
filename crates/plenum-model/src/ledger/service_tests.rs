//! Issue 14, due process: a copy of the charges served on the accused within so many
//! days of their filing and at least so many days before the trial (`service-late`),
//! and the two clauses of `[version.trials]` read or refused at their place. Each
//! test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

const TRIALS: &str = r#"
[[version.article]]
number = "T10"
text = "Within fifteen days following the receipt of the charges, a copy is sent to the accused."

[[version.article]]
number = "T12"
text = "The accused receives a copy at least thirty days before the trial date."

[version.trials]
serve = { within = "15 days", article = "T10" }
served_before_trial = { at_least = "30 days", article = "T12" }
"#;

fn statute() -> String {
    STATUTE.replacen(
        "[[version.organ]]",
        &format!("{TRIALS}\n[[version.organ]]"),
        1,
    )
}

const CHARGES: &str = r#"
[[event]]
id = "charges-ann"
date = "2021-04-01"
kind = "charges_filed"
person = "ann"
org = "assoc"
by_person = "bob"
"#;

fn served(date: &str) -> String {
    format!(
        r#"
[[event]]
id = "charges-ann-served"
date = "{date}"
kind = "charges_served"
person = "ann"
org = "assoc"
charges = "charges-ann"
"#
    )
}

fn trial(date: &str) -> String {
    format!(
        r#"
[[event]]
id = "ann-tried"
date = "{date}"
kind = "person_tried"
person = "ann"
by = "assoc/board"
filed = "charges-ann"
"#
    )
}

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(&statute(), &format!("{BOARD}{CHARGES}{events}"))
        .unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    of_rule(&all, Rule::ServiceLate)
        .into_iter()
        .cloned()
        .collect()
}

fn article(found: &crate::query::check::FindingLine) -> Option<&str> {
    found.citation.as_ref().and_then(|c| c.article.as_deref())
}

#[test]
fn r14_a_copy_served_on_the_last_day_is_in_time_and_the_day_after_is_late() {
    // Filed on 1 April: 16 April is the fifteenth day.
    let in_time = judged(&served("2021-04-16"));
    assert!(in_time.is_empty(), "{in_time:#?}");
    let late = judged(&served("2021-04-17"));
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(late[0].certainty, Truth::Definitely);
    assert_eq!(article(&late[0]), Some("T10"));
    assert_eq!(
        late[0].message,
        "a copy of the charges filed against Ann on 2021-04-01 was served on 2021-04-17; the statute requires it within 15 days of their filing (by 2021-04-16)"
    );
}

#[test]
fn r14_a_copy_served_in_a_month_that_straddles_the_deadline_is_possibly_late() {
    let found = judged(&served("2021-04"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Possibly);
}

#[test]
fn r14_a_trial_thirty_days_after_the_copy_passes_and_twenty_nine_days_is_found() {
    let lawful = judged(&format!("{}{}", served("2021-04-10"), trial("2021-05-10")));
    assert!(lawful.is_empty(), "{lawful:#?}");
    let found = judged(&format!("{}{}", served("2021-04-10"), trial("2021-05-09")));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("T12"));
    assert_eq!(
        found[0].message,
        "a copy of the charges against Ann was served on 2021-04-10 and the trial by Board of Directors was held on 2021-05-09; the statute requires the copy at least 30 days before the trial"
    );
}

#[test]
fn r14_a_trial_of_several_days_counts_from_its_first_day() {
    // Began on 9 May, ended on 12 May: the copy of 10 April came 29 days before.
    let found = judged(&format!(
        "{}{}",
        served("2021-04-10"),
        trial("2021-05-09/2021-05-12")
    ));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
}

#[test]
fn r14_a_trial_with_no_copy_served_before_it_is_found() {
    let found = judged(&trial("2021-06-01"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Ann was tried by Board of Directors on 2021-06-01, but the record shows no copy of the charges served on them; the statute requires one at least 30 days before the trial"
    );
    // A copy served after the trial does not count for it.
    let after = judged(&format!("{}{}", trial("2021-06-01"), served("2021-06-05")));
    let on_trial: Vec<_> = after
        .iter()
        .filter(|f| f.events.first().map(|e| e.as_str()) == Some("ann-tried"))
        .collect();
    assert_eq!(on_trial.len(), 1, "{after:#?}");
}

#[test]
fn r14_without_the_clauses_nothing_is_judged() {
    let tables = build_with(
        STATUTE,
        &format!(
            "{BOARD}{CHARGES}{}{}",
            served("2021-09-01"),
            trial("2021-09-02")
        ),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    assert!(of_rule(&all, Rule::ServiceLate).is_empty(), "{all:#?}");
}

#[test]
fn r14_service_clauses_with_a_bad_period_or_unknown_key_are_refused() {
    let bad = statute().replace("within = \"15 days\"", "within = \"fifteen\"");
    let err = build_with(&bad, "").expect_err("a bad period");
    assert!(err.to_string().contains("fifteen"), "{err}");
    let unknown = statute().replace("at_least = \"30 days\"", "at_most = \"30 days\"");
    let err = build_with(&unknown, "").expect_err("an unknown key");
    assert!(err.to_string().contains("at_most"), "{err}");
}

#[test]
fn r14_statute_check_lists_the_due_process_clauses_with_their_rules_and_articles() {
    let text = statute().replacen(
        "[version.trials]",
        "[[version.penalty]]\nid = \"warning\"\nname = \"warning\"\n\n[version.trials]\nhearing = { acts = [\"expulsion\", \"warning\"], before = \"board\", article = \"T10\" }\nappeals = { final_by = [\"assembly\"], article = \"T12\" }",
        1,
    );
    let document = crate::statute::read(&text).unwrap_or_else(|e| panic!("{e}"));
    let listed: Vec<(String, Option<&str>, Option<String>)> = crate::statute::clauses(&document)
        .into_iter()
        .filter(|c| c.subject == "trials")
        .map(|c| (c.rule, c.checked_by, c.article))
        .collect();
    let expected = [
        (
            "appeals are decided finally by General Assembly",
            "wrong-appeal-body",
            "T12",
        ),
        (
            "no expulsion or warning without first hearing the person concerned before Board of Directors",
            "not-heard",
            "T10",
        ),
        (
            "a copy of the charges is served on the accused within 15 days of their filing",
            "service-late",
            "T10",
        ),
        (
            "a copy of the charges is served on the accused at least 30 days before the trial",
            "service-late",
            "T12",
        ),
    ];
    for (rule, by, article) in expected {
        assert!(
            listed.contains(&(rule.to_owned(), Some(by), Some(article.to_owned()))),
            "{rule}: {listed:#?}"
        );
    }
}
