//! Issue 14, competence over subject matters (`[[version.power]]`): "Only the
//! Central Committee of the Party has the power to make decisions on major national
//! policies"; "When a decision is being made on a major issue, a vote shall be
//! held". A carried decision of the category taken by another organ is
//! `no-competent-decision` (an organ acting for a competent one between its
//! sessions excepted, unless the clause says `acts_for = false`); a decision of a
//! category that needs a vote, recorded without votes, is `no-vote`.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

const POWERS: &str = r#"
[[version.article]]
number = "12"
text = "Between sessions of the Board, the Executive Committee exercises its powers."

[[version.article]]
number = "14"
text = "Only the Board adopts the budget. The budget is adopted by a vote."

[[version.article]]
number = "15"
text = "The General Assembly hears the report of the Board at its sessions."

[[version.organ]]
id = "executive"
name = "Executive Committee"
elected_by = { by = "board" }
acts_for = { organ = "board", between = "sessions", article = "12" }

[[version.power]]
category = "budget"
by = ["board"]
vote = "required"
article = "14"

[[version.power]]
category = "board-report"
by = ["assembly"]
article = "15"
"#;

/// The association's statute with the clauses `powers` (and the Executive
/// Committee acting for the Board).
fn statute(powers: &str) -> String {
    STATUTE.replacen(
        "[[version.discipline]]",
        &format!("{powers}\n[[version.discipline]]"),
        1,
    )
}

/// The Board sits from 2021-05-01 to 2021-05-03; `organ` decides, on `day`, a
/// motion of `category` (`votes` as TOML, or none).
fn decided(organ: &str, day: &str, category: &str, votes: &str, outcome: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "board-session"
date = "2021-05-01/2021-05-03"
kind = "meeting_held"
meeting = "board-session"
organ = "assoc/board"

[[event]]
id = "deciding-meeting"
date = "{day}"
kind = "meeting_held"
meeting = "deciding-meeting"
organ = "assoc/{organ}"

[[event]]
id = "the-decision"
date = "{day}"
kind = "motion_decided"
meeting = "deciding-meeting"
text = "The budget for 2022"
category = "{category}"
{votes}
outcome = "{outcome}"
"#
    )
}

const VOTES: &str = "votes = { for = 3, against = 0 }";

fn found(powers: &str, events: &str, rule: Rule) -> Vec<FindingLine> {
    let tables = build_with(&statute(powers), events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), rule)
        .into_iter()
        .cloned()
        .collect()
}

fn article(f: &FindingLine) -> Option<&str> {
    f.citation.as_ref().and_then(|c| c.article.as_deref())
}

#[test]
fn r14_a_decision_by_the_competent_organ_is_lawful() {
    let events = decided("board", "2021-05-02", "budget", VOTES, "carried");
    assert!(found(POWERS, &events, Rule::NoCompetentDecision).is_empty());
    assert!(found(POWERS, &events, Rule::NoVote).is_empty());
}

#[test]
fn r14_a_decision_of_the_category_by_another_organ_is_no_competent_decision() {
    let events = decided("assembly", "2021-06-01", "budget", VOTES, "carried");
    let found = found(POWERS, &events, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the decision \"The budget for 2022\" (`budget`) was taken by General Assembly; the statute gives decisions of that category to Board of Directors"
    );
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(article(&found[0]), Some("14"));
}

#[test]
fn r14_a_defeated_motion_or_another_category_is_not_judged() {
    let defeated = decided("assembly", "2021-06-01", "budget", VOTES, "defeated");
    assert!(found(POWERS, &defeated, Rule::NoCompetentDecision).is_empty());
    let other = decided("assembly", "2021-06-01", "bylaws", VOTES, "carried");
    assert!(found(POWERS, &other, Rule::NoCompetentDecision).is_empty());
}

#[test]
fn r14_an_organ_acting_for_the_competent_one_between_its_sessions_is_competent() {
    let between = decided("executive", "2021-06-01", "budget", VOTES, "carried");
    let none = found(POWERS, &between, Rule::NoCompetentDecision);
    assert!(none.is_empty(), "{none:#?}");
    let sitting = decided("executive", "2021-05-02", "budget", VOTES, "carried");
    let found = found(POWERS, &sitting, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the decision \"The budget for 2022\" (`budget`) was taken by Executive Committee, which acts for Board of Directors only between its sessions; Board of Directors sat that day"
    );
    assert_eq!(article(&found[0]), Some("12"));
}

#[test]
fn r14_acts_for_false_keeps_the_decisions_to_the_organs_named() {
    let powers = POWERS.replace("by = [\"board\"]\n", "by = [\"board\"]\nacts_for = false\n");
    let between = decided("executive", "2021-06-01", "budget", VOTES, "carried");
    let found = found(&powers, &between, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(article(&found[0]), Some("14"));
}

#[test]
fn r14_several_clauses_for_one_category_each_give_their_organs() {
    let powers = format!(
        "{POWERS}\n[[version.power]]\ncategory = \"budget\"\nby = [\"assembly\"]\narticle = \"15\"\n"
    );
    let by_assembly = decided("assembly", "2021-06-01", "budget", VOTES, "carried");
    assert!(found(&powers, &by_assembly, Rule::NoCompetentDecision).is_empty());
    let by_executive = decided("executive", "2021-05-02", "budget", VOTES, "carried");
    let found = found(&powers, &by_executive, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    // The Executive acts for the Board, not for the Assembly: the Board sat.
    assert_eq!(article(&found[0]), Some("12"));
    let no_acting = powers.replace(
        "acts_for = { organ = \"board\", between = \"sessions\", article = \"12\" }\n",
        "",
    );
    let between = decided("executive", "2021-06-01", "budget", VOTES, "carried");
    let found = super::competence_tests::found(&no_acting, &between, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the decision \"The budget for 2022\" (`budget`) was taken by Executive Committee; the statute gives decisions of that category to Board of Directors (article 14) or General Assembly (article 15)"
    );
    assert_eq!(article(&found[0]), Some("14"));
}

#[test]
fn r14_a_decision_that_needs_a_vote_recorded_without_votes_is_no_vote() {
    for outcome in ["carried", "defeated"] {
        let events = decided("board", "2021-05-02", "budget", "", outcome);
        let found = found(POWERS, &events, Rule::NoVote);
        assert_eq!(found.len(), 1, "{outcome}: {found:#?}");
        assert_eq!(
            found[0].message,
            "the record gives no votes on the decision \"The budget for 2022\" (`budget`); the statute puts a decision of that category to a vote"
        );
        assert_eq!(found[0].certainty, Truth::Possibly);
        assert_eq!(article(&found[0]), Some("14"));
    }
    // A category that needs no vote is not judged for its votes.
    let report = decided("assembly", "2021-06-01", "board-report", "", "carried");
    assert!(found(POWERS, &report, Rule::NoVote).is_empty());
    assert!(found(POWERS, &report, Rule::NoCompetentDecision).is_empty());
}

/// The budget taken only at a meeting of the Board ("meeting-based decision making").
fn at_a_meeting() -> String {
    format!(
        "{POWERS}\n[[version.power]]\ncategory = \"budget\"\nmeeting = \"required\"\narticle = \"14\"\n"
    )
}

/// The Board decides the budget on 2021-06-10 with no meeting recorded (`extra`: more
/// of the decision's fields).
fn without_meeting(category: &str, extra: &str) -> String {
    format!(
        r#"{BOARD}
[[event]]
id = "the-decision"
date = "2021-06-10"
kind = "motion_decided"
organ = "assoc/board"
text = "The budget for 2022"
category = "{category}"
{VOTES}
outcome = "carried"
{extra}
"#
    )
}

#[test]
fn r14_a_decision_that_needs_a_meeting_recorded_without_one_is_no_meeting() {
    let powers = at_a_meeting();
    let found = found(&powers, &without_meeting("budget", ""), Rule::NoMeeting);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the record gives the decision \"The budget for 2022\" (`budget`) as taken by Board of Directors with no meeting; the statute takes decisions of that category at a meeting"
    );
    assert_eq!(
        found[0].certainty,
        Truth::Possibly,
        "the meeting may be unrecorded"
    );
    assert_eq!(article(&found[0]), Some("14"));
    // A written ballot is taken without a meeting: certainly.
    let ballot = without_meeting("budget", "written_ballot = true");
    let found = super::competence_tests::found(&powers, &ballot, Rule::NoMeeting);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert!(
        found[0]
            .message
            .contains("by written ballot, without a meeting")
    );
}

#[test]
fn r14_a_decision_at_a_meeting_or_of_another_category_is_not_no_meeting() {
    let powers = at_a_meeting();
    let at_meeting = decided("board", "2021-05-02", "budget", VOTES, "carried");
    assert!(found(&powers, &at_meeting, Rule::NoMeeting).is_empty());
    // The assembly's report needs no meeting by any clause.
    let report = without_meeting("board-report", "").replace("assoc/board", "assoc/assembly");
    assert!(found(&powers, &report, Rule::NoMeeting).is_empty());
    // Without the clause, the budget without a meeting is not judged for it.
    assert!(found(POWERS, &without_meeting("budget", ""), Rule::NoMeeting).is_empty());
}

#[test]
fn r14_a_power_is_refused_at_its_place_where_it_cannot_be_judged() {
    let refused = |powers: &str, needle: &str, says: &str| {
        let text = statute(powers);
        let err = crate::statute::read(&text).expect_err(says);
        assert!(err.message.contains(says), "{err}");
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle}"));
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(
        &POWERS.replace("by = [\"board\"]", "by = [\"council\"]"),
        "by = [\"council\"]",
        "unknown organ `council`",
    );
    refused(
        &POWERS.replace("by = [\"board\"]", "by = [\"board\", \"board\"]"),
        "by = [\"board\", \"board\"]",
        "names `board` twice",
    );
    refused(
        &POWERS.replace("by = [\"board\"]", "by = []"),
        "by = []",
        "give at least one",
    );
    refused(
        &POWERS.replace("vote = \"required\"", "vote = \"secret\""),
        "vote = \"secret\"",
        "expected \"required\"",
    );
    refused(
        &at_a_meeting().replace("meeting = \"required\"", "meeting = \"usually\""),
        "meeting = \"usually\"",
        "`power.meeting` says a decision of the category must be taken at a meeting: expected \"required\", not \"usually\"",
    );
    refused(
        &POWERS.replace("category = \"budget\"", "category = \"default\""),
        "category = \"default\"",
        "cannot be empty or `default`",
    );
    refused(
        &POWERS.replace(
            "by = [\"assembly\"]\narticle = \"15\"",
            "acts_for = false\narticle = \"15\"",
        ),
        "acts_for = false",
        "it needs `by`",
    );
    refused(
        &POWERS.replace("by = [\"assembly\"]\narticle = \"15\"", "article = \"15\""),
        "category = \"board-report\"",
        "says nothing",
    );
    refused(
        &POWERS.replace(
            "by = [\"assembly\"]\narticle = \"15\"",
            "by = [\"assembly\"]\narticle = \"16\"",
        ),
        "article = \"16\"",
        "article 16 is not defined",
    );
}

/// A party whose statute gives every branch a general meeting and a committee
/// acting for it between its sessions, and the branch's plan to the meeting.
const PARTY: &str = r#"
organization = "party"

[[version]]
id = "2020"
effective = "2020-01-01"

[[version.article]]
number = "30"
text = "The general meeting of a branch adopts its plan by a vote; between its sessions the committee exercises its powers."

[[version.organ]]
id = "cc"
name = "Central Committee"
elected_by = { by = "members" }

[[version.subordinate]]
category = "branch"
name = "branch"
article = "30"

[[version.subordinate.organ]]
id = "meeting"
name = "General Meeting"
elected_by = { by = "members" }

[[version.subordinate.organ]]
id = "committee"
name = "Branch Committee"
elected_by = { by = "meeting" }
acts_for = { organ = "meeting", between = "sessions", article = "30" }

[[version.subordinate.power]]
category = "plan"
by = ["meeting"]
vote = "required"
article = "30"
"#;

/// The party and `branch-1`; `organ` of the branch (or of the party) decides its
/// plan on 2021-06-01 (`votes` as TOML, or none); the meeting sits on 2021-05-01.
fn branch_decides(organ: &str, votes: &str) -> String {
    format!(
        r#"
[[event]]
id = "org"
date = "2020-01-01"
kind = "organization_founded"
org = "party"
name = "Party"

[[event]]
id = "branch-1-founded"
date = "2020-02-01"
kind = "organization_founded"
org = "branch-1"
name = "Branch One"
parent = "party"
category = "branch"

[[event]]
id = "branch-1-meeting"
date = "2020-02-01"
kind = "organ_established"
organ = "branch-1/meeting"
name = "General Meeting of Branch One"

[[event]]
id = "branch-1-committee"
date = "2020-02-01"
kind = "organ_established"
organ = "branch-1/committee"
name = "Committee of Branch One"

[[event]]
id = "general-meeting-held"
date = "2021-05-01"
kind = "meeting_held"
meeting = "general-meeting"
organ = "branch-1/meeting"

[[event]]
id = "plan"
date = "2021-06-01"
kind = "motion_decided"
organ = "{organ}"
text = "The branch's plan for 2022"
category = "plan"
{votes}
outcome = "carried"
"#
    )
}

fn party_findings(statute: &str, events: &str, rule: Rule) -> Vec<FindingLine> {
    let batch: Vec<_> = std::iter::once(super::statute_tests::statute_event(
        "statute",
        "2020-01-01",
        statute,
    ))
    .chain(super::statute_tests::events_of(events))
    .collect();
    let tables = super::replay(&batch).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), rule)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_template_power_judges_the_decisions_of_each_organization_it_governs() {
    // The general meeting, and the committee acting for it between its sessions.
    for organ in ["branch-1/meeting", "branch-1/committee"] {
        let events = branch_decides(organ, VOTES);
        let none = party_findings(PARTY, &events, Rule::NoCompetentDecision);
        assert!(none.is_empty(), "{organ}: {none:#?}");
    }
    // The party's Central Committee is not an organ of the branch.
    let events = branch_decides("party/cc", VOTES);
    assert!(party_findings(PARTY, &events, Rule::NoCompetentDecision).is_empty());
    // Without `acts_for`, the committee is found, citing the template's clause.
    let no_acting = PARTY.replace(
        "acts_for = { organ = \"meeting\", between = \"sessions\", article = \"30\" }\n",
        "",
    );
    let events = branch_decides("branch-1/committee", VOTES);
    let found = party_findings(&no_acting, &events, Rule::NoCompetentDecision);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "the decision \"The branch's plan for 2022\" (`plan`) was taken by Committee of Branch One; the statute gives decisions of that category to General Meeting of Branch One"
    );
    assert_eq!(article(&found[0]), Some("30"));
    // A plan recorded without votes.
    let events = branch_decides("branch-1/meeting", "");
    let found = party_findings(PARTY, &events, Rule::NoVote);
    assert_eq!(found.len(), 1, "{found:#?}");
}

#[test]
fn r14_a_template_power_names_the_template_organs_or_the_parent_level_ones() {
    // `parent:KEY` names the organ one level up (level_power_tests.rs judges it);
    // an organ the template does not declare is refused at its place.
    let parent = PARTY.replace("by = [\"meeting\"]", "by = [\"parent:cc\"]");
    assert!(crate::statute::read(&parent).is_ok());
    let text = PARTY.replace("by = [\"meeting\"]", "by = [\"board\"]");
    let err = crate::statute::read(&text).expect_err("board");
    assert!(err.message.contains("unknown organ `board`"), "{err}");
    let at = text.find("by = [\"board\"]").unwrap_or(0);
    assert_eq!(err.line, crate::source::line_col(&text, at).0, "{err}");
}
