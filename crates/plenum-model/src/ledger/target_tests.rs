//! Issue 13 item 9, competence by target: "a board member is expelled by the
//! General Assembly, an ordinary member by the Board" (`target = { seat = "board" }`,
//! `target = "member"`), judged by the seats and posts the person holds on the day
//! of the act. Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

const ONE_RULE: &str = r#"[[version.discipline]]
act = "expulsion"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"
"#;

/// The association's statute with `rules` in place of its one expulsion rule.
fn statute(rules: &str) -> String {
    assert!(STATUTE.contains(ONE_RULE));
    STATUTE.replace(ONE_RULE, rules)
}

const BY_TARGET: &str = r#"[[version.discipline]]
act = "expulsion"
target = { seat = "board" }
by = ["assembly"]
majority = { at_least = "2/3", of = "votes" }
article = "7"

[[version.discipline]]
act = "expulsion"
target = "member"
by = ["board"]
majority = { at_least = "2/3", of = "votes" }
article = "7"
"#;

/// The board of 2021 (Ann, Bob, Cat), Dan an ordinary member, and `person`
/// expelled on a decision of `organ`'s meeting.
fn expelled(person: &str, organ: &str) -> String {
    format!(
        r#"{BOARD}
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
id = "the-meeting"
date = "2021-05-01"
kind = "meeting_held"
meeting = "the-meeting"
organ = "assoc/{organ}"

[[event]]
id = "the-decision"
date = "2021-05-01"
kind = "motion_decided"
meeting = "the-meeting"
text = "{person} is expelled"
category = "expulsion"
votes = {{ for = 3, against = 0 }}
outcome = "carried"

[[event]]
id = "the-expulsion"
date = "2021-05-01"
kind = "member_expelled"
person = "{person}"
org = "assoc"
decision = "the-decision"
"#
    )
}

fn incompetent(rules: &str, person: &str, organ: &str) -> Vec<String> {
    let tables =
        build_with(&statute(rules), &expelled(person, organ)).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::NoCompetentDecision)
        .into_iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn each_is_disciplined_by_the_organ_competent_for_them() {
    // A board member by the assembly, an ordinary member by the board.
    assert!(incompetent(BY_TARGET, "bob", "assembly").is_empty());
    assert!(incompetent(BY_TARGET, "dan", "board").is_empty());
}

#[test]
fn the_wrong_organ_for_the_target_is_found() {
    let found = incompetent(BY_TARGET, "bob", "board");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("expulsion of Bob (a member of Board of Directors) was decided by Board of Directors; the statute gives it to General Assembly"),
        "{}",
        found[0]
    );
    let found = incompetent(BY_TARGET, "dan", "assembly");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("expulsion of Dan (an ordinary member) was decided by General Assembly; the statute gives it to Board of Directors"),
        "{}",
        found[0]
    );
}

#[test]
fn the_majority_is_the_one_of_the_rule_for_the_target() {
    // The assembly's rule for board members asks for unanimity; 3 to 1 is short.
    let strict = BY_TARGET.replacen(
        "majority = { at_least = \"2/3\", of = \"votes\" }",
        "majority = { at_least = \"1\", of = \"votes\" }",
        1,
    );
    let events =
        expelled("bob", "assembly").replace("for = 3, against = 0", "for = 3, against = 1");
    let tables = build_with(&statute(&strict), &events).unwrap_or_else(|e| panic!("{e}"));
    let found = findings(&tables, "2021-12-31");
    let short = of_rule(&found, Rule::MajorityNotMet);
    assert_eq!(short.len(), 1, "{found:#?}");
    // The same decision against an ordinary member is judged by the board's rule.
    let events = expelled("dan", "board").replace("for = 3, against = 0", "for = 3, against = 1");
    let tables = build_with(&statute(&strict), &events).unwrap_or_else(|e| panic!("{e}"));
    assert!(of_rule(&findings(&tables, "2021-12-31"), Rule::MajorityNotMet).is_empty());
}

#[test]
fn a_post_target_and_old_statutes() {
    // The Treasurer is expelled by the assembly; everyone else by the board.
    let by_post = BY_TARGET.replace(
        "target = { seat = \"board\" }",
        "target = { post = \"treasurer\" }",
    );
    let treasurer = super::statute_tests::TREASURER;
    let events = format!("{}{treasurer}", expelled("ann", "board"));
    let tables = build_with(&statute(&by_post), &events).unwrap_or_else(|e| panic!("{e}"));
    let found = of_rule(&findings(&tables, "2021-12-31"), Rule::NoCompetentDecision)
        .into_iter()
        .map(|f| f.message.clone())
        .collect::<Vec<_>>();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("Ann (holder of the post of Treasurer)"),
        "{}",
        found[0]
    );
    // Bob holds a board seat but not the post: an ordinary member for these rules.
    assert!(incompetent(&by_post, "bob", "board").is_empty());
    // A statute without targets judges as before.
    assert!(incompetent(ONE_RULE, "bob", "board").is_empty());
    assert_eq!(incompetent(ONE_RULE, "bob", "assembly").len(), 1);
}

#[test]
fn rules_that_leave_competence_ambiguous_are_refused_where_written() {
    let mixed = format!("{ONE_RULE}\n{}", BY_TARGET.split("\n\n").next().unwrap());
    let twice = format!(
        "{BY_TARGET}\n[[version.discipline]]\nact = \"expulsion\"\ntarget = \"member\"\nby = [\"board\", \"assembly\"]\n"
    );
    let overlapping = format!(
        "{BY_TARGET}\n[[version.discipline]]\nact = \"expulsion\"\ntarget = {{ post = \"treasurer\" }}\nby = [\"assembly\"]\nmajority = {{ more_than = \"1/2\" }}\n"
    );
    for (rules, at, message) in [
        (
            mixed.as_str(),
            "target = { seat",
            "has a `target` and another has none",
        ),
        (
            twice.as_str(),
            "by = [\"board\", \"assembly\"]",
            "a second `expulsion` rule for ordinary members gives it to `board`",
        ),
        (
            overlapping.as_str(),
            "by = [\"assembly\"]\nmajority = { more_than",
            "give it to `assembly` on different terms, one for holders of a seat on `board` and one for holders of the post `treasurer`",
        ),
        (
            "[[version.discipline]]\nact = \"expulsion\"\ntarget = \"officer\"\nby = [\"board\"]\n",
            "target = \"officer\"",
            "unknown target `officer`",
        ),
        (
            "[[version.discipline]]\nact = \"expulsion\"\ntarget = { seat = \"council\" }\nby = [\"board\"]\n",
            "target = { seat",
            "unknown organ `council`",
        ),
        (
            "[[version.discipline]]\nact = \"expulsion\"\ntarget = { post = \"chair\" }\nby = [\"board\"]\n",
            "target = { post",
            "unknown post `chair`",
        ),
        (
            "[[version.discipline]]\nact = \"expulsion\"\ntarget = { seat = \"board\", post = \"treasurer\" }\nby = [\"board\"]\n",
            "target = { seat",
            "either `seat` or `post`",
        ),
    ] {
        let text = statute(rules);
        let err = crate::statute::read(&text).expect_err(rules);
        let offset = text.rfind(at).unwrap_or_else(|| panic!("{at}"));
        let line = text[..offset].lines().count() + usize::from(text[..offset].ends_with('\n'));
        assert_eq!(err.line, line, "{rules}: {}", err.message);
        assert!(err.message.contains(message), "{rules}: {}", err.message);
    }
    // Overlapping targets that give an organ on the same terms say the same thing.
    let same = format!(
        "{BY_TARGET}\n[[version.discipline]]\nact = \"expulsion\"\ntarget = {{ post = \"treasurer\" }}\nby = [\"assembly\"]\nmajority = {{ at_least = \"2/3\", of = \"votes\" }}\narticle = \"7\"\n"
    );
    assert!(crate::statute::read(&statute(&same)).is_ok());
}

#[test]
fn statute_check_lists_each_rule_with_its_target() {
    let document = crate::statute::read(&statute(BY_TARGET)).unwrap();
    let words: Vec<String> = crate::statute::clauses(&document)
        .into_iter()
        .filter(|c| c.field == "discipline")
        .map(|c| c.rule)
        .collect();
    assert_eq!(
        words,
        [
            "expulsion of a holder of a seat on Board of Directors: decided by General Assembly, by at least 2/3 of the votes cast",
            "expulsion of an ordinary member (holding none of the offices the other rules name): decided by Board of Directors, by at least 2/3 of the votes cast",
        ],
        "{words:?}"
    );
}
