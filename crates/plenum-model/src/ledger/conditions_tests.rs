//! Issue 14, what the record must show before a person becomes a full member
//! (`membership.conditions`: "may become a member ... by: 1. Making payment of the
//! Initial Capital Contribution; ... 5. Signing the Cooperative's membership
//! agreement") and a resignation effective on notice (`membership.resignation`: "The
//! resignation shall become effective immediately"). Each test is data: a statute
//! and a history in, findings out; bad clauses are refused at line and column.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

const ARTICLES: &str = r#"
[[version.article]]
number = "3"
text = "A person becomes a member by paying the contribution and signing the agreement."

[[version.article]]
number = "4"
text = "A resignation takes effect on notice."
"#;

const CONDITIONS: &str =
    r#"{ required = ["contribution-paid", "agreement-signed"], article = "3" }"#;
const RESIGNATION: &str = r#"{ effective = "on-notice", article = "4" }"#;

fn statute(conditions: &str, resignation: &str) -> String {
    format!(
        "{STATUTE}{ARTICLES}\n[version.membership]\nconditions = {conditions}\nresignation = {resignation}\n"
    )
}

/// Ann a candidate, promoted with `met` (a TOML array, or nothing: the record silent).
fn promoted(met: Option<&str>) -> String {
    let met = met.map_or_else(String::new, |m| format!("conditions_met = {m}"));
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
date = "2020-06-01"
kind = "member_promoted"
person = "ann"
org = "assoc"
{met}
"#
    )
}

fn resigned(notice: Option<&str>, on: &str) -> String {
    let notice = notice.map_or_else(String::new, |n| format!("notice_given = \"{n}\""));
    format!(
        r#"
[[event]]
id = "adm-bob"
date = "2020-02-01"
kind = "member_admitted"
person = "bob"
org = "assoc"
status = "full"

[[event]]
id = "bob-resigned"
date = "{on}"
kind = "member_resigned"
person = "bob"
org = "assoc"
{notice}
"#
    )
}

fn found(statute: &str, events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_a_full_member_whose_record_lacks_a_condition_is_found() {
    let text = statute(CONDITIONS, RESIGNATION);
    let found = found(&text, &promoted(Some(r#"["contribution-paid"]"#)));
    let unmet = of_rule(&found, Rule::ConditionsUnmet);
    assert_eq!(unmet.len(), 1, "{found:#?}");
    assert_eq!(
        unmet[0].message,
        "Ann became a full member of Association, but the record shows met only: contribution-paid; the statute also requires agreement-signed"
    );
    assert_eq!(
        unmet[0].citation.as_ref().unwrap().article.as_deref(),
        Some("3")
    );
    // A full admission is judged too, and an empty list shows none met.
    let admitted = r#"
[[event]]
id = "adm-cat"
date = "2020-02-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "full"
conditions_met = []
"#;
    let none = self::found(&text, admitted);
    let unmet = of_rule(&none, Rule::ConditionsUnmet);
    assert_eq!(unmet.len(), 1, "{none:#?}");
    assert!(unmet[0].message.ends_with(
        "shows met only: none; the statute also requires contribution-paid, agreement-signed"
    ));
}

#[test]
fn r14_conditions_met_or_not_recorded_are_not_found() {
    let text = statute(CONDITIONS, RESIGNATION);
    let all = found(
        &text,
        &promoted(Some(
            r#"["agreement-signed", "contribution-paid", "hours"]"#,
        )),
    );
    assert!(of_rule(&all, Rule::ConditionsUnmet).is_empty(), "{all:#?}");
    // The record silent: not judged.
    assert!(of_rule(&found(&text, &promoted(None)), Rule::ConditionsUnmet).is_empty());
    // A candidacy is not yet membership: not judged.
    let candidate = r#"
[[event]]
id = "adm-cat"
date = "2020-02-01"
kind = "member_admitted"
person = "cat"
org = "assoc"
status = "candidate"
conditions_met = []
"#;
    assert!(of_rule(&found(&text, candidate), Rule::ConditionsUnmet).is_empty());
    // Without the clause, nothing is required.
    assert!(
        of_rule(
            &found(STATUTE, &promoted(Some("[]"))),
            Rule::ConditionsUnmet
        )
        .is_empty()
    );
}

#[test]
fn r14_a_resignation_effective_after_its_notice_is_found() {
    let text = statute(CONDITIONS, RESIGNATION);
    let late = found(&text, &resigned(Some("2021-03-01"), "2021-06-01"));
    let delayed = of_rule(&late, Rule::ResignationDelayed);
    assert_eq!(delayed.len(), 1, "{late:#?}");
    assert_eq!(
        delayed[0].message,
        "Bob gave notice of resignation from Association on 2021-03-01, but the resignation is recorded as taking effect on 2021-06-01; the statute makes it effective on notice"
    );
    assert_eq!(
        delayed[0].citation.as_ref().unwrap().article.as_deref(),
        Some("4")
    );
    // Effective the day of the notice: lawful; a month of notice is possibly late.
    assert!(
        of_rule(
            &found(&text, &resigned(Some("2021-03-01"), "2021-03-01")),
            Rule::ResignationDelayed
        )
        .is_empty()
    );
    let fuzzy = found(&text, &resigned(Some("2021-03"), "2021-03-15"));
    let possibly = of_rule(&fuzzy, Rule::ResignationDelayed);
    assert_eq!(possibly.len(), 1, "{fuzzy:#?}");
    assert_eq!(possibly[0].certainty, crate::date::Truth::Possibly);
    // A notice whose date the record marks uncertain: only possibly late.
    let uncertain = found(&text, &resigned(Some("2021-03-01?"), "2021-06-01"));
    let possibly = of_rule(&uncertain, Rule::ResignationDelayed);
    assert_eq!(possibly.len(), 1, "{uncertain:#?}");
    assert_eq!(possibly[0].certainty, crate::date::Truth::Possibly);
    // No notice recorded, or no clause: not judged.
    assert!(
        of_rule(
            &found(&text, &resigned(None, "2021-06-01")),
            Rule::ResignationDelayed
        )
        .is_empty()
    );
    assert!(
        of_rule(
            &found(STATUTE, &resigned(Some("2021-03-01"), "2021-06-01")),
            Rule::ResignationDelayed
        )
        .is_empty()
    );
}

#[test]
fn r14_conditions_and_resignation_are_refused_at_line_and_column() {
    let refused = |text: String, at: &str, says: &str| {
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(at).expect("the place");
        let (line, col) = crate::source::line_col(&text, at);
        assert_eq!((err.line, err.column), (line, col), "{err}");
    };
    refused(
        statute(r#"{ required = [], article = "3" }"#, RESIGNATION),
        "{ required = []",
        "`conditions.required` is empty",
    );
    refused(
        statute(
            r#"{ required = ["fee", "fee"], article = "3" }"#,
            RESIGNATION,
        ),
        "\"fee\"]",
        "the condition `fee` is listed twice",
    );
    refused(
        statute(
            CONDITIONS,
            r#"{ effective = "at-year-end", article = "4" }"#,
        ),
        "\"at-year-end\"",
        "`resignation.effective` is `at-year-end`",
    );
}

#[test]
fn r14_statute_check_lists_conditions_and_resignation() {
    let doc =
        crate::statute::read(&statute(CONDITIONS, RESIGNATION)).unwrap_or_else(|e| panic!("{e}"));
    let rules: Vec<String> = crate::statute::clauses(&doc)
        .into_iter()
        .map(|c| c.rule)
        .collect();
    assert!(
        rules
            .iter()
            .any(|r| r.contains("contribution-paid, agreement-signed")),
        "{rules:#?}"
    );
    assert!(
        rules
            .iter()
            .any(|r| r.contains("effect on the day its notice is given")),
        "{rules:#?}"
    );
}

/// The board's seats resigned on notice (`resignation` on an organ).
fn board_statute() -> String {
    format!("{STATUTE}{ARTICLES}").replace(
        "seats = { full = 5 }",
        &format!("seats = {{ full = 5 }}\nresignation = {RESIGNATION}"),
    )
}

fn seat_resigned(notice: &str, named: Option<&str>, on: &str) -> String {
    let named = named.map_or_else(String::new, |n| format!("notice_effective = \"{n}\""));
    format!(
        r#"
[[event]]
id = "board-2020"
date = "2020-03-01"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob"]

[[event]]
id = "ann-resigns"
date = "{on}"
kind = "seat_vacated"
person = "ann"
organ = "assoc/board"
cause = "resigned"
notice_given = "{notice}"
{named}
"#
    )
}

#[test]
fn r14_a_seat_resigned_after_its_notice_is_found_unless_the_notice_names_the_day() {
    let text = board_statute();
    let late = found(&text, &seat_resigned("2020-05-01", None, "2020-06-01"));
    let delayed = of_rule(&late, Rule::ResignationDelayed);
    assert_eq!(delayed.len(), 1, "{late:#?}");
    assert_eq!(
        delayed[0].message,
        "Ann gave notice of resigning a seat on Board of Directors on 2020-05-01, but the resignation is recorded as taking effect on 2020-06-01; the statute makes it effective on notice, or at the later time the notice names"
    );
    assert_eq!(
        delayed[0].citation.as_ref().unwrap().article.as_deref(),
        Some("4")
    );
    // The notice named 1 June: lawful; named 15 May, 1 June is still late.
    let named = found(
        &text,
        &seat_resigned("2020-05-01", Some("2020-06-01"), "2020-06-01"),
    );
    assert!(
        of_rule(&named, Rule::ResignationDelayed).is_empty(),
        "{named:#?}"
    );
    let earlier = found(
        &text,
        &seat_resigned("2020-05-01", Some("2020-05-15"), "2020-06-01"),
    );
    assert_eq!(
        of_rule(&earlier, Rule::ResignationDelayed).len(),
        1,
        "{earlier:#?}"
    );
    // A named day marked uncertain, or a fuzzy one reaching past the resignation:
    // only possibly late.
    for (named, on) in [("2020-05-15?", "2020-06-01"), ("2020-06", "2020-06-15")] {
        let hedged = found(&text, &seat_resigned("2020-05-01", Some(named), on));
        let possibly = of_rule(&hedged, Rule::ResignationDelayed);
        assert_eq!(possibly.len(), 1, "{named}: {hedged:#?}");
        assert_eq!(
            possibly[0].certainty,
            crate::date::Truth::Possibly,
            "{named}"
        );
    }
    // Without the clause, not judged.
    let plain = format!("{STATUTE}{ARTICLES}");
    assert!(
        of_rule(
            &found(&plain, &seat_resigned("2020-05-01", None, "2020-06-01")),
            Rule::ResignationDelayed
        )
        .is_empty()
    );
}

#[test]
fn r14_a_seat_resignation_clause_is_refused_at_line_and_column() {
    let text = board_statute().replace("\"on-notice\"", "\"next-meeting\"");
    let err = crate::statute::read(&text).expect_err("refused");
    assert!(
        err.to_string()
            .contains("`resignation.effective` is `next-meeting`"),
        "{err}"
    );
    let at = text.find("\"next-meeting\"").expect("the place");
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
}
