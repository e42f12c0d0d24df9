//! Issue 14, a member urged to withdraw: "the matter shall be discussed and decided on
//! at a general meeting of the Party branch concerned" (CPC 2017, Article 9). The
//! decision that urged a member to withdraw is cited as `urged` by the event that ends
//! the membership: a `member_resigned` (the member withdrew) or a `membership_lapsed`
//! (the name was removed from the roll because the member would not), and judged by
//! `[[version.discipline]] act = "urged-withdrawal"` (`no-competent-decision`,
//! `majority-not-met`). Each test is data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

const ONE_RULE: &str = r#"[[version.discipline]]
act = "expulsion"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"
"#;

/// The assembly urges a withdrawal, announces one and removes a name from the roll.
const RULES: &str = r#"
[[version.discipline]]
act = "urged-withdrawal"
by = ["assembly"]
majority = { at_least = "2/3", of = "votes" }
article = "7"

[[version.discipline]]
act = "withdrawal"
by = ["assembly"]
article = "7"

[[version.discipline]]
act = "lapse"
by = ["assembly"]
article = "7"
"#;

fn statute() -> String {
    assert!(STATUTE.contains(ONE_RULE));
    STATUTE.replace(ONE_RULE, &format!("{ONE_RULE}{RULES}"))
}

/// Dan, a full member, is urged to withdraw by `urging` (an organ, with the votes
/// `urge_votes` for and against) on 2021-03-01; on 2021-05-01 the assembly records
/// `ending` (`member_resigned` or `membership_lapsed`), decided by `ending_by`, citing
/// the urging as `urged`.
fn urged(urging: &str, urge_votes: (u32, u32), ending: &str, ending_by: &str) -> String {
    let (urge_for, urge_against) = urge_votes;
    format!(
        r#"
[[event]]
id = "p-dan"
date = "2020-01-01"
kind = "person_registered"
person = "dan"
name = "Dan"

[[event]]
id = "adm-dan"
date = "2020-02-01"
kind = "member_admitted"
person = "dan"
org = "assoc"
status = "full"

[[event]]
id = "urging-meeting"
date = "2021-03-01"
kind = "meeting_held"
meeting = "urging-meeting"
organ = "assoc/{urging}"

[[event]]
id = "the-urging"
date = "2021-03-01"
kind = "motion_decided"
meeting = "urging-meeting"
text = "To urge Dan to withdraw"
subjects = ["dan"]
votes = {{ for = {urge_for}, against = {urge_against} }}
outcome = "carried"

[[event]]
id = "ending-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "ending-meeting"
organ = "assoc/{ending_by}"

[[event]]
id = "the-ending"
date = "2021-05-01"
kind = "motion_decided"
meeting = "ending-meeting"
text = "Dan's name removed from the roll"
subjects = ["dan"]
votes = {{ for = 3, against = 0 }}
outcome = "carried"

[[event]]
id = "dan-leaves"
date = "2021-05-01"
kind = "{ending}"
person = "dan"
org = "assoc"
decision = "the-ending"
urged = "the-urging"
"#
    )
}

fn rules_found_under(statute: &str, events: &str) -> Vec<Rule> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-06-01")
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn art_9_a_withdrawal_urged_and_announced_by_the_competent_organ_gives_no_finding() {
    for ending in ["member_resigned", "membership_lapsed"] {
        assert_eq!(
            rules_found_under(&statute(), &urged("assembly", (3, 0), ending, "assembly")),
            [],
            "{ending}"
        );
    }
}

#[test]
fn art_9_a_withdrawal_urged_by_another_organ_is_no_competent_decision() {
    for ending in ["member_resigned", "membership_lapsed"] {
        let events = urged("board", (3, 0), ending, "assembly");
        let tables = build_with(&statute(), &events).unwrap_or_else(|e| panic!("{e}"));
        let found = findings(&tables, "2021-06-01");
        assert_eq!(found.len(), 1, "{ending}: {found:#?}");
        let flagged = of_rule(&found, Rule::NoCompetentDecision);
        assert_eq!(flagged.len(), 1, "{ending}: {found:#?}");
        assert!(
            flagged[0].message.starts_with("urged-withdrawal of Dan"),
            "{}",
            flagged[0].message
        );
        assert!(
            flagged[0].message.contains("Board of Directors"),
            "{}",
            flagged[0].message
        );
        assert_eq!(
            flagged[0]
                .citation
                .as_ref()
                .and_then(|c| c.article.as_deref()),
            Some("7")
        );
    }
}

#[test]
fn art_9_an_urging_short_of_its_majority_is_majority_not_met() {
    assert_eq!(
        rules_found_under(
            &statute(),
            &urged("assembly", (3, 2), "member_resigned", "assembly")
        ),
        [Rule::MajorityNotMet]
    );
}

#[test]
fn art_9_the_removal_of_one_who_will_not_withdraw_is_judged_by_the_lapse_rule() {
    // The urging is lawful; the removal from the roll is the board's.
    assert_eq!(
        rules_found_under(
            &statute(),
            &urged("assembly", (3, 0), "membership_lapsed", "board")
        ),
        [Rule::NoCompetentDecision]
    );
}

#[test]
fn an_urging_the_statute_gives_no_rule_is_not_judged() {
    let without = statute().replacen(
        "\n[[version.discipline]]\nact = \"urged-withdrawal\"\nby = [\"assembly\"]\nmajority = { at_least = \"2/3\", of = \"votes\" }\narticle = \"7\"\n",
        "",
        1,
    );
    assert_ne!(without, statute());
    assert_eq!(
        rules_found_under(
            &without,
            &urged("board", (3, 0), "member_resigned", "assembly")
        ),
        []
    );
}

#[test]
fn an_urging_decision_that_is_not_recorded_is_refused() {
    let events = urged("assembly", (3, 0), "member_resigned", "assembly")
        .replace("urged = \"the-urging\"", "urged = \"no-such-decision\"");
    let err = build_with(&statute(), &events).expect_err("unknown decision refused");
    assert!(err.to_string().contains("no-such-decision"), "{err}");
}

#[test]
fn the_urging_s_confirmation_is_refused_where_written() {
    let text = statute().replace(
        "act = \"urged-withdrawal\"\nby = [\"assembly\"]",
        "act = \"urged-withdrawal\"\nby = [\"assembly\"]\nconfirmed_by = \"board\"",
    );
    let err = crate::statute::read(&text).expect_err("confirmed_by refused");
    assert!(
        err.to_string()
            .contains("not yet followed for membership decisions"),
        "{err}"
    );
    let at = text.find("confirmed_by = \"board\"").unwrap();
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
}

#[test]
fn an_unknown_act_names_urged_withdrawal_among_those_expected() {
    let text = statute().replace("act = \"urged-withdrawal\"", "act = \"urged-withdrawl\"");
    let err = crate::statute::read(&text).expect_err("unknown act refused");
    assert!(err.to_string().contains("`urged-withdrawal`"), "{err}");
    let at = text.find("\"urged-withdrawl\"").unwrap();
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
}
