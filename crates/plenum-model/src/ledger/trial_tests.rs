//! Issue 14, judicial procedure: who files charges (`wrong-accuser`), who tries them
//! (`wrong-trial-body`), how soon the decision comes (`decision-late`), and the
//! statute's `[version.trials]` read or refused at its line and column. Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::rules::Rule;

const TRIALS: &str = r#"
[[version.article]]
number = "11"
text = "Any member may file charges against a member."

[[version.article]]
number = "12"
text = "Charges are tried by the board."

[[version.article]]
number = "13"
text = "The decision is rendered within thirty days after the trial."

[version.trials]
filed_by = { by = "member", article = "11" }
tried_by = { by = ["board"], article = "12" }
decision = { within = "30 days", article = "13" }
"#;

fn statute() -> String {
    // The trials table belongs to the version: it goes before the first organ.
    STATUTE.replacen(
        "[[version.organ]]",
        &format!("{TRIALS}\n[[version.organ]]"),
        1,
    )
}

fn charges(by: &str) -> String {
    format!(
        r#"
[[event]]
id = "charges-ann"
date = "2021-04-01"
kind = "charges_filed"
person = "ann"
org = "assoc"
by_person = "{by}"
grounds = ["misappropriation of funds"]
"#
    )
}

fn trial(body: &str, date: &str, decided: &str) -> String {
    format!(
        r#"
[[event]]
id = "ann-tried"
date = "{date}"
kind = "person_tried"
person = "ann"
by = "assoc/{body}"
filed = "charges-ann"
sentence = "suspension"
decided = "{decided}"
"#
    )
}

fn judged(events: &str) -> Vec<crate::query::check::FindingLine> {
    let tables =
        build_with(&statute(), &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
}

#[test]
fn r14_charges_by_a_member_pass_and_by_a_former_member_are_found() {
    let lawful = judged(&charges("bob"));
    assert!(
        of_rule(&lawful, Rule::WrongAccuser).is_empty(),
        "{lawful:#?}"
    );
    // Cat is on no register: of unknown standing, not a non-member.
    let unknown = judged(&charges("cat"));
    assert!(
        of_rule(&unknown, Rule::WrongAccuser).is_empty(),
        "{unknown:#?}"
    );
    let resigned = r#"
[[event]]
id = "bob-resigned"
date = "2021-03-15"
kind = "member_resigned"
person = "bob"
org = "assoc"
"#;
    let found = judged(&format!("{resigned}{}", charges("bob")));
    let found = of_rule(&found, Rule::WrongAccuser);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "charges against Ann in Association were filed by Bob, who is no longer a member; the statute lets only a member file charges"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("11")
    );
}

#[test]
fn r14_a_trial_by_another_organ_is_found() {
    let lawful = judged(&format!(
        "{}{}",
        charges("bob"),
        trial("board", "2021-05-01", "2021-05-20")
    ));
    assert!(
        of_rule(&lawful, Rule::WrongTrialBody).is_empty(),
        "{lawful:#?}"
    );
    assert!(
        of_rule(&lawful, Rule::DecisionLate).is_empty(),
        "{lawful:#?}"
    );
    let found = judged(&format!(
        "{}{}",
        charges("bob"),
        trial("assembly", "2021-05-01", "2021-05-20")
    ));
    let found = of_rule(&found, Rule::WrongTrialBody);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Ann was tried by General Assembly; the statute gives trials to Board of Directors"
    );
}

#[test]
fn r14_a_late_decision_is_found_and_possibly_where_dates_are_fuzzy() {
    // The thirtieth day after the trial is in time.
    let last_day = judged(&format!(
        "{}{}",
        charges("bob"),
        trial("board", "2021-05-01", "2021-05-31")
    ));
    assert!(
        of_rule(&last_day, Rule::DecisionLate).is_empty(),
        "{last_day:#?}"
    );
    let late = judged(&format!(
        "{}{}",
        charges("bob"),
        trial("board", "2021-05-01", "2021-06-10")
    ));
    let late = of_rule(&late, Rule::DecisionLate);
    assert_eq!(late.len(), 1, "{late:#?}");
    assert_eq!(late[0].certainty, Truth::Definitely);
    assert_eq!(
        late[0].message,
        "the trial of Ann by Board of Directors ended on 2021-05-01 and its decision was rendered on 2021-06-10; the statute requires the decision within 30 days of the trial (by 2021-05-31)"
    );
    // A decision some day of June, after a trial on 15 May: possibly late.
    let fuzzy = judged(&format!(
        "{}{}",
        charges("bob"),
        trial("board", "2021-05-15", "2021-06")
    ));
    let fuzzy = of_rule(&fuzzy, Rule::DecisionLate);
    assert_eq!(fuzzy.len(), 1, "{fuzzy:#?}");
    assert_eq!(fuzzy[0].certainty, Truth::Possibly);
}

#[test]
fn r14_a_trial_without_a_body_is_not_the_statutes() {
    // A historian's `person_tried` (no `by`) is not judged by `[version.trials]`.
    let events = r#"
[[event]]
id = "ann-show-trial"
date = "2021-05-01"
kind = "person_tried"
person = "ann"
show_trial = true
decided = "2022-01-01"
"#;
    let found = judged(events);
    assert!(of_rule(&found, Rule::DecisionLate).is_empty(), "{found:#?}");
    assert!(
        of_rule(&found, Rule::WrongTrialBody).is_empty(),
        "{found:#?}"
    );
}

#[test]
fn r14_trials_tables_are_refused_at_line_and_column() {
    let refused = |from: &str, to: &str, says: &str| {
        let text = statute().replacen(from, to, 1);
        let err = crate::statute::read(&text).expect_err(to);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find(to).unwrap_or_else(|| panic!("{to}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        "filed_by = { by = \"member\"",
        "filed_by = { by = \"anyone\"",
        "expected \"member\" or \"full-member\"",
    );
    refused(
        "tried_by = { by = [\"board\"]",
        "tried_by = { by = [\"tribunal\"]",
        "tribunal",
    );
    refused(
        "decision = { within = \"30 days\"",
        "decision = { within = \"thirty\"",
        "thirty",
    );
    refused(
        "article = \"13\" }\n",
        "article = \"99\" }\n",
        "article 99 is not defined",
    );
    // A table that says nothing is refused too.
    let empty = statute().replace(
        "filed_by = { by = \"member\", article = \"11\" }\ntried_by = { by = [\"board\"], article = \"12\" }\ndecision = { within = \"30 days\", article = \"13\" }\n",
        "",
    );
    let err = crate::statute::read(&empty).expect_err("empty trials");
    assert!(err.to_string().contains("says nothing"), "{err}");
}

#[test]
fn r14_statute_check_lists_the_trials_clauses() {
    let doc = crate::statute::read(&statute()).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let trials: Vec<_> = clauses.iter().filter(|c| c.subject == "trials").collect();
    assert_eq!(trials.len(), 3, "{clauses:#?}");
}

#[test]
fn r14_an_expulsion_without_the_required_trial_is_found() {
    let statute = statute().replace(
        "decision = { within = \"30 days\", article = \"13\" }",
        "decision = { within = \"30 days\", article = \"13\" }\nrequired_for = { acts = [\"expulsion\"], article = \"12\" }",
    );
    let expelled = |cited: &str| {
        format!(
            "{}{}\n[[event]]\nid = \"ann-expelled\"\ndate = \"2021-06-01\"\nkind = \"member_expelled\"\nperson = \"ann\"\norg = \"assoc\"\n{cited}",
            charges("bob"),
            trial("board", "2021-05-01", "2021-05-20")
        )
    };
    let judged = |events: &str| {
        let tables =
            build_with(&statute, &format!("{BOARD}{events}")).unwrap_or_else(|e| panic!("{e}"));
        findings(&tables, "2021-12-31")
    };
    let found = judged(&expelled(""));
    let found = of_rule(&found, Rule::NoTrial);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the expulsion of Ann from Association cites no trial; the statute imposes it only after one"
    );
    let tried = judged(&expelled("trial = \"ann-tried\"\n"));
    assert!(of_rule(&tried, Rule::NoTrial).is_empty(), "{tried:#?}");
    let err =
        crate::statute::read(&statute.replace("acts = [\"expulsion\"]", "acts = [\"exile\"]"))
            .expect_err("exile");
    assert!(err.to_string().contains("`exile`"), "{err}");
}
