//! Issue 14, a bar from office applied: a person given a penalty whose `effect` is
//! `barred-from-office`, elected or appointed before it ends, is `ineligible-holder`.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The association's statute with a bar from office for at most `longest`.
fn statute(longest: &str) -> String {
    format!(
        r#"{STATUTE}
[[version.article]]
number = "12"
text = "The board may bar a member from office for up to two years."

[[version.penalty]]
id = "bar"
name = "bar from office"
effect = "barred-from-office"
{longest}
article = "12"

[[version.discipline]]
act = "bar"
by = ["board"]
article = "12"
"#
    )
}

const TWO_YEARS: &str = "longest = \"2 years\"";

/// Bob barred on 1 May 2021 (`until` as given), then elected Treasurer on `elected`.
fn barred(until: &str, elected: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "board-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "board-meeting"
organ = "assoc/board"

[[event]]
id = "decide-bob"
date = "2021-05-01"
kind = "motion_decided"
meeting = "board-meeting"
text = "Bob is barred from office"
category = "discipline"
votes = {{ for = 4, against = 1 }}
outcome = "carried"

[[event]]
id = "bob-barred"
date = "2021-05-01"
kind = "member_disciplined"
person = "bob"
org = "assoc"
penalty = "bar"
decision = "decide-bob"
{until}

[[event]]
id = "treasurer-elected"
date = "{elected}"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/assembly"
elected = ["bob"]
"#
    )
}

fn ineligible(longest: &str, until: &str, elected: &str) -> Vec<String> {
    let tables =
        build_with(&statute(longest), &barred(until, elected)).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2031-12-31"), Rule::IneligibleHolder)
        .into_iter()
        .filter(|f| f.events[0].as_str() == "treasurer-elected")
        .map(|f| {
            assert_eq!(f.citation.as_ref().unwrap().article.as_deref(), Some("12"));
            f.message.clone()
        })
        .collect()
}

#[test]
fn r14_a_person_barred_from_office_is_ineligible_until_the_bar_ends() {
    let until = "until = \"2022-05-01\"";
    assert_eq!(
        ineligible(TWO_YEARS, until, "2021-09-01"),
        [
            "Bob takes the post of Treasurer but is barred from office by the bar from office of 2021-05-01, until 2022-05-01"
        ]
    );
    // After its `until`, the bar no longer holds.
    assert!(ineligible(TWO_YEARS, until, "2022-06-01").is_empty());
    // Without `until`, the penalty's `longest` ends it.
    assert_eq!(ineligible(TWO_YEARS, "", "2023-01-01").len(), 1);
    assert!(ineligible(TWO_YEARS, "", "2023-06-01").is_empty());
    // With neither, the bar holds for good.
    assert_eq!(ineligible("", "", "2030-01-01").len(), 1);
}

#[test]
fn r14_a_penalty_that_does_not_bar_leaves_eligibility_alone() {
    let reprimand = statute(TWO_YEARS).replace("effect = \"barred-from-office\"\n", "");
    let tables =
        build_with(&reprimand, &barred("", "2021-09-01")).unwrap_or_else(|e| panic!("{e}"));
    assert!(of_rule(&findings(&tables, "2021-12-31"), Rule::IneligibleHolder).is_empty());
}
