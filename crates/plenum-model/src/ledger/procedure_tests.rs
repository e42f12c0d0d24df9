//! Issue 14, procedures of several organs: nomination by one organ and election by
//! another, elections and appointments confirmed by a third, provisional discipline
//! confirmed later. Data in, findings out, on the association of `statute_tests`.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The association's statute with a nominating board, a treasurer the board appoints
/// and the assembly confirms at its next meeting, an audit committee the assembly
/// elects and the board confirms within two months, and expulsions the board may
/// decide provisionally until the assembly's next meeting.
fn statute() -> String {
    STATUTE
        .replace(
            "[[version.post]]\nid = \"treasurer\"\nname = \"Treasurer\"\nelected_by = { by = \"assembly\" }",
            "[[version.article]]\nnumber = \"12\"\ntext = \"The board appoints the treasurer, subject to confirmation by the next general assembly.\"\n\n[[version.post]]\nid = \"treasurer\"\nname = \"Treasurer\"\nelected_by = { by = \"board\", confirmed_by = \"assembly\", article = \"12\" }",
        )
        .replace(
            "[[version.discipline]]",
            r#"[[version.article]]
number = "11"
text = "The assembly elects the chair from the board's nominees."

[[version.article]]
number = "13"
text = "Between assemblies the board may expel; the next assembly confirms the expulsion."

[[version.article]]
number = "14"
text = "The assembly elects the auditors; the board confirms them within two months."

[[version.post]]
id = "chair"
name = "Chair"
elected_by = { by = "assembly", nominated_by = "board", article = "11" }

[[version.organ]]
id = "audit"
name = "Audit Committee"
elected_by = { by = "assembly", confirmed_by = "board", within = "2 months", article = "14" }

[[version.discipline]]
act = "suspension"
by = ["board"]
confirmed_by = "assembly"
article = "13"

[[version.discipline]]
act = "removal"
by = ["board"]
confirmed_by = "assembly"
article = "13"

[[version.discipline]]"#,
        )
}

const MEETINGS: &str = r#"
[[event]]
id = "m-ann"
date = "2020-01-01"
kind = "member_admitted"
person = "ann"
org = "assoc"

[[event]]
id = "m-bob"
date = "2020-01-01"
kind = "member_admitted"
person = "bob"
org = "assoc"

[[event]]
id = "board-met"
date = "2021-02-01"
kind = "meeting_held"
meeting = "board-1"
organ = "assoc/board"

[[event]]
id = "assembly-met"
date = "2021-06-01"
kind = "meeting_held"
meeting = "assembly-1"
organ = "assoc/assembly"
"#;

fn tables(events: &str) -> super::Tables {
    build_with(&statute(), &format!("{MEETINGS}{events}")).unwrap_or_else(|e| panic!("{e}"))
}

fn messages(events: &str, day: &str, rule: Rule) -> Vec<(String, String)> {
    of_rule(&findings(&tables(events), day), rule)
        .into_iter()
        .map(|f| (f.events[0].to_string(), f.message.clone()))
        .collect()
}

const NOMINATION: &str = r#"
[[event]]
id = "nominated"
date = "2021-02-01"
kind = "motion_decided"
meeting = "board-1"
text = "The board nominates Ann for chair"
subjects = ["ann"]
outcome = "carried"
"#;

#[test]
fn r14_an_election_needs_the_nomination_of_the_organ_the_statute_names() {
    let election = |nomination: &str| {
        format!(
            "{NOMINATION}\n[[event]]\nid = \"chair-elected\"\ndate = \"2021-06-01\"\nkind = \"election_held\"\nmeeting = \"assembly-1\"\npost = \"assoc/chair\"\nelected = [\"ann\"]\n{nomination}"
        )
    };
    // Nominated by the board: nothing.
    assert_eq!(
        messages(
            &election("nomination = \"nominated\""),
            "2021-12-31",
            Rule::NotNominated
        ),
        []
    );
    // No nomination cited.
    let found = messages(&election(""), "2021-12-31", Rule::NotNominated);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].1.contains(
            "the election to Chair cites no nomination; the statute fills it only on the nomination of Board of Directors"
        ),
        "{}",
        found[0].1
    );
    // Nominated by the wrong organ: a motion of the assembly.
    let wrong = format!(
        "\n[[event]]\nid = \"self-nominated\"\ndate = \"2021-06-01\"\nkind = \"motion_decided\"\nmeeting = \"assembly-1\"\ntext = \"Ann stands\"\noutcome = \"carried\"\n{}",
        election("nomination = \"self-nominated\"")
    );
    let found = of_rule(&findings(&tables(&wrong), "2021-12-31"), Rule::NotNominated)
        .into_iter()
        .map(|f| (f.message.clone(), f.citation.clone()))
        .collect::<Vec<_>>();
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .0
            .contains("rests on a nomination by General Assembly; the statute gives nomination to Board of Directors"),
        "{}",
        found[0].0
    );
    assert_eq!(found[0].1.as_ref().unwrap().article.as_deref(), Some("11"));
}

const APPOINTED: &str = r#"
[[event]]
id = "treasurer-appointed"
date = "2021-02-01"
kind = "post_assigned"
person = "bob"
post = "assoc/treasurer"
by = "assoc/board"
"#;

#[test]
fn r14_an_appointment_not_confirmed_by_the_next_meeting_is_found() {
    // Before the assembly's next meeting: nothing yet.
    assert_eq!(messages(APPOINTED, "2021-05-01", Rule::NotConfirmed), []);
    // The assembly met on 1 June without confirming it.
    let found = messages(APPOINTED, "2021-07-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "treasurer-appointed");
    assert!(
        found[0].1.contains(
            "the election of Bob as Treasurer (2021-02-01) has not been confirmed by General Assembly, which the statute requires at its next meeting, assembly-1 (2021-06-01)"
        ),
        "{}",
        found[0].1
    );
    // Confirmed at that meeting: nothing.
    let confirmed = format!(
        "{APPOINTED}\n[[event]]\nid = \"confirmed\"\ndate = \"2021-06-01\"\nkind = \"act_confirmed\"\nact = \"treasurer-appointed\"\nperson = \"bob\"\nby = \"assoc/assembly\"\n"
    );
    assert_eq!(messages(&confirmed, "2021-07-01", Rule::NotConfirmed), []);
    // Confirmed by the board, which appointed him: the wrong organ.
    let wrong = confirmed.replace("by = \"assoc/assembly\"\n", "by = \"assoc/board\"\n");
    let found = messages(&wrong, "2021-06-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .1
            .contains("was confirmed by Board of Directors; the statute gives its confirmation to General Assembly"),
        "{}",
        found[0].1
    );
    // Refused, and Bob still treasurer.
    let refused = format!("{}rejected = true\n", confirmed);
    let found = messages(&refused, "2021-07-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].1.contains(
            "is still in effect, though General Assembly refused to confirm it on 2021-06-01"
        ),
        "{}",
        found[0].1
    );
    // Refused, and he left: nothing.
    let left = format!(
        "{refused}\n[[event]]\nid = \"bob-left\"\ndate = \"2021-06-02\"\nkind = \"post_vacated\"\nperson = \"bob\"\npost = \"assoc/treasurer\"\ncause = \"resigned\"\n"
    );
    assert_eq!(messages(&left, "2021-07-01", Rule::NotConfirmed), []);
}

#[test]
fn r14_a_confirmation_within_a_period_is_judged_late_when_recorded() {
    let elected = r#"
[[event]]
id = "audit-elected"
date = "2021-06-01"
kind = "election_held"
meeting = "assembly-1"
organ = "assoc/audit"
elected = ["ann"]
"#;
    assert_eq!(messages(elected, "2021-07-31", Rule::NotConfirmed), []);
    let found = messages(elected, "2021-08-02", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .1
            .contains("which the statute requires within 2 months (by 2021-08-01)"),
        "{}",
        found[0].1
    );
    let late = format!(
        "{elected}\n[[event]]\nid = \"audit-confirmed\"\ndate = \"2021-09-01\"\nkind = \"act_confirmed\"\nact = \"audit-elected\"\nperson = \"ann\"\nby = \"assoc/board\"\n"
    );
    let found = messages(&late, "2021-12-31", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "audit-confirmed");
    assert!(
        found[0].1.contains(
            "the election of Ann to Audit Committee (2021-06-01) was confirmed by Board of Directors only on 2021-09-01; the statute requires it within 2 months (by 2021-08-01)"
        ),
        "{}",
        found[0].1
    );
    let in_time = late.replace("2021-09-01", "2021-07-15");
    assert_eq!(messages(&in_time, "2021-12-31", Rule::NotConfirmed), []);
}

const SUSPENDED: &str = r#"
[[event]]
id = "suspend-bob"
date = "2021-02-01"
kind = "motion_decided"
meeting = "board-1"
text = "Bob is suspended"
subjects = ["bob"]
outcome = "carried"

[[event]]
id = "bob-suspended"
date = "2021-02-01"
kind = "member_suspended"
person = "bob"
org = "assoc"
decision = "suspend-bob"
"#;

#[test]
fn r14_a_provisional_suspension_must_be_confirmed_by_the_next_assembly() {
    assert_eq!(messages(SUSPENDED, "2021-05-01", Rule::NotConfirmed), []);
    let found = messages(SUSPENDED, "2021-07-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0].1.contains(
            "the suspension of Bob (2021-02-01) has not been confirmed by General Assembly, which the statute requires at its next meeting"
        ),
        "{}",
        found[0].1
    );
    let confirmed = format!(
        "{SUSPENDED}\n[[event]]\nid = \"confirm\"\ndate = \"2021-06-01\"\nkind = \"motion_decided\"\nmeeting = \"assembly-1\"\ntext = \"The suspension stands\"\noutcome = \"carried\"\n\n[[event]]\nid = \"confirmed\"\ndate = \"2021-06-01\"\nkind = \"act_confirmed\"\nact = \"bob-suspended\"\nperson = \"bob\"\ndecision = \"confirm\"\n"
    );
    assert_eq!(messages(&confirmed, "2021-07-01", Rule::NotConfirmed), []);
    // Refused but Bob still suspended.
    let refused = confirmed
        .replace(
            "outcome = \"carried\"\n\n[[event]]\nid = \"confirmed\"",
            "outcome = \"defeated\"\n\n[[event]]\nid = \"confirmed\"",
        )
        .replace(
            "decision = \"confirm\"\n",
            "decision = \"confirm\"\nrejected = true\n",
        );
    let found = messages(&refused, "2021-07-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .1
            .contains("is still in effect, though General Assembly refused"),
        "{}",
        found[0].1
    );
    // A suspension the assembly itself decides is final: nothing to confirm.
    let by_assembly = SUSPENDED.replace("meeting = \"board-1\"", "meeting = \"assembly-1\"");
    assert_eq!(messages(&by_assembly, "2021-07-01", Rule::NotConfirmed), []);
}

#[test]
fn r14_procedures_are_read_with_their_positions() {
    let base = statute();
    let bad = [
        (
            "elected_by = { by = \"assembly\", nominated_by = \"board\", article = \"11\" }",
            "elected_by = { by = \"assembly\", nominated_by = \"assembly\", article = \"11\" }",
            "both nominates and elects",
        ),
        (
            "confirmed_by = \"board\", within",
            "confirmed_by = \"assembly\", within",
            "both elects and confirms",
        ),
        (
            "confirmed_by = \"board\", within",
            "confirmed_by = \"nobody\", within",
            "unknown organ `nobody`",
        ),
        (
            "confirmed_by = \"board\", within = \"2 months\"",
            "within = \"2 months\"",
            "`within` goes only with `confirmed_by",
        ),
        (
            "by = [\"board\"]\nconfirmed_by = \"assembly\"",
            "by = [\"board\"]\nconfirmed_by = \"board\"",
            "cannot confirm its own act",
        ),
    ];
    for (from, to, expected) in bad {
        assert!(base.contains(from), "{from}");
        let text = base.replacen(from, to, 1);
        let err = crate::statute::read(&text).unwrap_err().to_string();
        assert!(err.contains(expected), "{err}");
        // Placed at its line and column.
        let mut at = err.splitn(3, ':');
        let line = at.next().and_then(|l| l.parse::<u32>().ok());
        let column = at.next().and_then(|c| c.parse::<u32>().ok());
        assert!(line.is_some() && column.is_some(), "{err}");
    }
    // And the clauses `plenum statute check` lists.
    let document = crate::statute::read(&base).unwrap();
    let clauses: Vec<String> = crate::statute::clauses(&document)
        .into_iter()
        .filter(|c| c.field == "nominated_by" || c.field == "confirmed_by")
        .map(|c| format!("{} | {} | {:?}", c.subject, c.rule, c.checked_by))
        .collect();
    assert_eq!(
        clauses,
        [
            "Audit Committee | each election or appointment confirmed by Board of Directors within 2 months | Some(\"not-confirmed\")",
            "Treasurer | each election or appointment confirmed by General Assembly at its next meeting | Some(\"not-confirmed\")",
            "Chair | only those Board of Directors nominates | Some(\"not-nominated\")",
            "discipline | suspension by Board of Directors: provisional until General Assembly confirms it at its next meeting | Some(\"not-confirmed\")",
            "discipline | removal by Board of Directors: provisional until General Assembly confirms it at its next meeting | Some(\"not-confirmed\")",
        ]
    );
}

#[test]
fn r14_a_provisional_removal_must_be_confirmed_and_a_refused_one_undone() {
    let removed = r#"
[[event]]
id = "board-2021"
date = "2021-01-10"
kind = "election_held"
organ = "assoc/board"
by = "assoc/assembly"
elected = ["ann", "bob"]

[[event]]
id = "remove-ann"
date = "2021-02-01"
kind = "motion_decided"
meeting = "board-1"
text = "Ann is removed from the board"
subjects = ["ann"]
outcome = "carried"

[[event]]
id = "ann-removed"
date = "2021-02-01"
kind = "seat_vacated"
person = "ann"
organ = "assoc/board"
cause = "removed"
decision = "remove-ann"
"#;
    assert_eq!(messages(removed, "2021-05-01", Rule::NotConfirmed), []);
    let found = messages(removed, "2021-07-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].0, "ann-removed");
    assert!(
        found[0]
            .1
            .contains("the removal of Ann (2021-02-01) has not been confirmed by General Assembly"),
        "{}",
        found[0].1
    );
    let refused = format!(
        "{removed}\n[[event]]\nid = \"refused\"\ndate = \"2021-06-01\"\nkind = \"act_confirmed\"\nact = \"ann-removed\"\nperson = \"ann\"\nby = \"assoc/assembly\"\nrejected = true\n"
    );
    let found = messages(&refused, "2021-07-01", Rule::NotConfirmed);
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .1
            .contains("is still in effect, though General Assembly refused"),
        "{}",
        found[0].1
    );
    // Refused, and Ann back on the board: nothing.
    let back = format!(
        "{refused}\n[[event]]\nid = \"ann-back\"\ndate = \"2021-06-02\"\nkind = \"seat_taken\"\nperson = \"ann\"\norgan = \"assoc/board\"\nby = \"assoc/assembly\"\n"
    );
    assert_eq!(messages(&back, "2021-07-01", Rule::NotConfirmed), []);
}
