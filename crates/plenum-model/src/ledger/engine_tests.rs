//! Issue 14, limits found by encoding real statutes: a lapse after "more than" a
//! period, posts as conveners and appointers, vacancies filled within a deadline,
//! and the cadence of a kind of meeting from its first meeting. Each test is data:
//! a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

fn with_lapse(lapse: &str) -> String {
    format!(
        r#"{STATUTE}
[version.membership]
lapse = {{ {lapse}, article = "9" }}
"#
    )
}

fn lapsed(date: &str, since: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "bob-lapsed"
date = "{date}"
kind = "membership_lapsed"
person = "bob"
org = "assoc"
unpaid_since = "{since}"
"#
    )
}

fn early_lapses(lapse: &str, date: &str, since: &str) -> Vec<Truth> {
    let tables =
        build_with(&with_lapse(lapse), &lapsed(date, since)).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::EarlyLapse)
        .iter()
        .map(|f| f.certainty)
        .collect()
}

#[test]
fn a_lapse_after_a_period_may_come_on_the_day_it_is_complete() {
    let after = "after = \"6 months\"";
    assert_eq!(
        early_lapses(after, "2021-03-31", "2020-10-01"),
        vec![Truth::Definitely]
    );
    assert_eq!(early_lapses(after, "2021-04-01", "2020-10-01"), vec![]);
}

#[test]
fn a_lapse_after_more_than_a_period_must_wait_one_day_more() {
    let more = "more_than = \"6 months\"";
    let on_the_day = build_with(&with_lapse(more), &lapsed("2021-04-01", "2020-10-01"))
        .unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&on_the_day, "2021-12-31");
    let early = of_rule(&found, Rule::EarlyLapse);
    assert_eq!(early.len(), 1, "{found:#?}");
    assert_eq!(
        early[0].message,
        "the membership of Bob in Association lapsed on 2021-04-01, dues unpaid since 2020-10-01: sooner than the 6 months and a day the statute allows (not before 2021-04-02)"
    );
    assert_eq!(early_lapses(more, "2021-04-02", "2020-10-01"), vec![]);
    // Unpaid since some day of October: on 2 April it depends on the day.
    assert_eq!(
        early_lapses(more, "2021-04-02", "2020-10"),
        vec![Truth::Possibly]
    );
}
