//! Issue 14, procedural steps an act needs first (`[[version.membership.step]]`,
//! `step_taken`: `step-missing`): "A probationary Party member must take an oath of
//! admission before the Party flag" (a step `oath` before every promotion), "the
//! Party organization at the next level up must appoint Party members to talk with
//! the applicant" (a step `talk` before every admission, taken by an organ). Each
//! test is data: a statute and a history in, findings out; bad clauses are refused
//! at line and column.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

const ARTICLES: &str = r#"
[[version.article]]
number = "5"
text = "The board must appoint members to talk with the applicant."

[[version.article]]
number = "6"
text = "A probationary member must take an oath of admission."
"#;

const OATH: &str = r#"
[[version.membership.step]]
step = "oath"
before = "promotion"
article = "6"
"#;

const TALK: &str = r#"
[[version.membership.step]]
step = "talk"
before = "admission"
by = ["board"]
article = "5"
"#;

fn statute(steps: &str) -> String {
    format!("{STATUTE}{ARTICLES}{steps}")
}

fn step(id: &str, date: &str, person: &str, step: &str, by: Option<&str>) -> String {
    let by = by.map_or_else(String::new, |b| format!("by = \"assoc/{b}\""));
    format!(
        r#"
[[event]]
id = "{id}"
date = "{date}"
kind = "step_taken"
person = "{person}"
org = "assoc"
step = "{step}"
{by}
"#
    )
}

/// Ann admitted as a candidate on 2020-02-01, promoted on `promoted`.
fn promoted(promoted: &str) -> String {
    format!(
        r#"
[[event]]
id = "adm-ann"
date = "2020-02-01"
kind = "member_admitted"
person = "ann"
org = "assoc"
status = "candidate"

[[event]]
id = "ann-full"
date = "{promoted}"
kind = "member_promoted"
person = "ann"
org = "assoc"
"#
    )
}

fn found(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_a_promotion_without_the_oath_is_found() {
    let text = statute(OATH);
    let found = found(&text, &promoted("2020-06-01"));
    let missing = of_rule(&found, Rule::StepMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(
        missing[0].message,
        "the promotion to full membership of Ann in Association is preceded by no step \"oath\" recorded for them; the statute requires it before the promotion"
    );
    assert_eq!(missing[0].certainty, Truth::Definitely);
    assert_eq!(
        missing[0].citation.as_ref().unwrap().article.as_deref(),
        Some("6")
    );
    // The admission needs no oath: one finding only, on the promotion.
    let events: Vec<String> = missing[0].events.iter().map(ToString::to_string).collect();
    assert_eq!(events, vec!["ann-full".to_owned()]);
}

#[test]
fn r14_an_oath_before_the_promotion_or_on_its_day_is_lawful() {
    let text = statute(OATH);
    // (A step on the act's day counts where the record gives it first.)
    for day in ["2020-03-01", "2020-06-01"] {
        let events = format!(
            "{}{}",
            step("ann-oath", day, "ann", "oath", None),
            promoted("2020-06-01")
        );
        let found = found(&text, &events);
        assert!(
            of_rule(&found, Rule::StepMissing).is_empty(),
            "{day}: {found:#?}"
        );
    }
    // Only after the promotion, or another person's, or another step: found.
    for (person, name, day) in [
        ("ann", "oath", "2020-07-01"),
        ("bob", "oath", "2020-03-01"),
        ("ann", "talk", "2020-03-01"),
    ] {
        let events = format!(
            "{}{}",
            promoted("2020-06-01"),
            step("a-step", day, person, name, None)
        );
        let found = found(&text, &events);
        assert_eq!(
            of_rule(&found, Rule::StepMissing).len(),
            1,
            "{person} {name} {day}: {found:#?}"
        );
    }
    // Without the clause, nothing is required.
    assert!(of_rule(&found(STATUTE, &promoted("2020-06-01")), Rule::StepMissing).is_empty());
}

#[test]
fn r14_an_oath_dated_only_by_its_month_is_possibly_missing() {
    let text = statute(OATH);
    let events = format!(
        "{}{}",
        promoted("2020-06-15"),
        step("ann-oath", "2020-06", "ann", "oath", None)
    );
    let found = found(&text, &events);
    let missing = of_rule(&found, Rule::StepMissing);
    assert_eq!(missing.len(), 1, "{found:#?}");
    assert_eq!(missing[0].certainty, Truth::Possibly);
    // A month wholly before the promotion: lawful.
    let events = format!(
        "{}{}",
        promoted("2020-06-15"),
        step("ann-oath", "2020-05", "ann", "oath", None)
    );
    assert!(of_rule(&self::found(&text, &events), Rule::StepMissing).is_empty());
}

#[test]
fn r14_an_oath_on_a_date_marked_uncertain_counts_as_the_record_gives_it() {
    let text = statute(OATH);
    // Said to be before the promotion, or on its day: it counts.
    for day in ["2020-03-01?", "2020-06-01?"] {
        let events = format!(
            "{}{}",
            step("ann-oath", day, "ann", "oath", None),
            promoted("2020-06-01")
        );
        let found = found(&text, &events);
        assert!(
            of_rule(&found, Rule::StepMissing).is_empty(),
            "{day}: {found:#?}"
        );
    }
}

const ADMITTED: &str = r#"
[[event]]
id = "adm-cat"
date = "2020-09-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "candidate"
"#;

#[test]
fn r14_an_admission_without_the_talk_by_the_organ_named_is_found() {
    let text = statute(TALK);
    let none = found(&text, ADMITTED);
    let missing = of_rule(&none, Rule::StepMissing);
    assert_eq!(missing.len(), 1, "{none:#?}");
    assert_eq!(
        missing[0].message,
        "the admission of Cat in Association is preceded by no step \"talk\" by Board of Directors recorded for them; the statute requires it before the admission"
    );
    assert_eq!(
        missing[0].citation.as_ref().unwrap().article.as_deref(),
        Some("5")
    );
    // A talk by another organ does not count.
    let elsewhere = found(
        &text,
        &format!(
            "{}{ADMITTED}",
            step("cat-talk", "2020-08-01", "cat", "talk", Some("assembly"))
        ),
    );
    let missing = of_rule(&elsewhere, Rule::StepMissing);
    assert_eq!(missing.len(), 1, "{elsewhere:#?}");
    assert!(
        missing[0].message.contains("(only by another organ)"),
        "{missing:#?}"
    );
    // By the board, or with no organ recorded (the record silent on it): lawful.
    for by in [Some("board"), None] {
        let events = format!(
            "{}{ADMITTED}",
            step("cat-talk", "2020-08-01", "cat", "talk", by)
        );
        let found = found(&text, &events);
        assert!(
            of_rule(&found, Rule::StepMissing).is_empty(),
            "{by:?}: {found:#?}"
        );
    }
}

#[test]
fn r14_an_act_before_the_clause_took_effect_is_not_judged() {
    // A second version, from 2021, requires the oath; the first does not.
    let later = STATUTE
        .replace("organization = \"assoc\"\n", "")
        .replace("id = \"2020\"", "id = \"2021\"")
        .replace("effective = \"2020-01-01\"", "effective = \"2021-01-01\"");
    let text = format!("{STATUTE}{later}{ARTICLES}{OATH}");
    let before = found(&text, &promoted("2020-06-01"));
    assert!(
        of_rule(&before, Rule::StepMissing).is_empty(),
        "{before:#?}"
    );
    let after = found(&text, &promoted("2021-02-01"));
    assert_eq!(of_rule(&after, Rule::StepMissing).len(), 1, "{after:#?}");
}

/// The talk, unless the admission is a direct one "in exceptional circumstances".
fn talk_unless_direct() -> String {
    TALK.replace(
        "by = [\"board\"]",
        "by = [\"board\"]\nunless_ground = [\"exceptional-circumstances\"]",
    )
}

#[test]
fn r14_an_admission_on_a_ground_the_step_names_needs_no_step() {
    let text = statute(&talk_unless_direct());
    let direct = ADMITTED.replace(
        "status = \"candidate\"",
        "status = \"candidate\"\nground = \"exceptional-circumstances\"",
    );
    let found = found(&text, &direct);
    assert!(of_rule(&found, Rule::StepMissing).is_empty(), "{found:#?}");
    // Another ground, or none, still needs the talk.
    let other = ADMITTED.replace(
        "status = \"candidate\"",
        "status = \"candidate\"\nground = \"merit\"",
    );
    for events in [other.as_str(), ADMITTED] {
        let found = self::found(&text, events);
        assert_eq!(of_rule(&found, Rule::StepMissing).len(), 1, "{found:#?}");
    }
}

#[test]
fn r14_steps_are_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        statute(&OATH.replace("\"promotion\"", "\"election\"")),
        "\"election\"",
        "`step.before` is `election`",
    );
    refused(
        statute(&TALK.replace("[\"board\"]", "[\"council\"]")),
        "\"council\"",
        "unknown organ `council`",
    );
    refused(
        statute(&TALK.replace("[\"board\"]", "[]")),
        "[]",
        "`step.by` is empty",
    );
    refused(
        statute(&format!("{OATH}{}", OATH.replace("\"6\"", "\"5\""))),
        "\"oath\"\nbefore = \"promotion\"\narticle = \"5\"",
        "the step `oath` before promotion is declared twice",
    );
    refused(
        statute(&OATH.replace(
            "before = \"promotion\"",
            "before = \"promotion\"\nunless_ground = [\"merit\"]",
        )),
        "[\"merit\"]",
        "the promotion records none",
    );
    refused(
        statute(&talk_unless_direct().replace("[\"exceptional-circumstances\"]", "[]")),
        "[]\narticle",
        "`step.unless_ground` is empty",
    );
    refused(
        statute(
            &talk_unless_direct()
                .replace("[\"exceptional-circumstances\"]", "[\"merit\", \"merit\"]"),
        ),
        "\"merit\"]",
        "names `merit` twice",
    );
}

#[test]
fn r14_statute_check_lists_the_steps() {
    let doc = crate::statute::read(&statute(&format!("{OATH}{}", talk_unless_direct())))
        .unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let steps: Vec<_> = clauses
        .iter()
        .filter(|c| c.checked_by == Some("step-missing"))
        .map(|c| c.rule.as_str())
        .collect();
    assert_eq!(
        steps,
        vec![
            "the record shows the step \"oath\" taken for a person before the promotion",
            "the record shows the step \"talk\" taken for a person, by Board of Directors, before the admission, unless the admission records the ground `exceptional-circumstances`",
        ],
        "{clauses:#?}"
    );
}
