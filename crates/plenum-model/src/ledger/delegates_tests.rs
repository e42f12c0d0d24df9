//! Issue 14: the delegates to a meeting (`delegates = { set_by = "board",
//! approved_by = "council" }`: "The number of delegates ... and the procedures
//! governing their election shall be determined by the Central Committee"; "...
//! reported for approval to the Party committee at the next level up"), judged on
//! `meeting_convened`'s `delegates_decision` and `delegates_approval`. Each test is
//! data: a statute and a history in, findings out.

use super::statute_tests::{STATUTE, build_with, findings, of_rule};
use crate::rules::Rule;

/// The assembly's delegates are fixed by `clause` (none if empty); a council exists.
fn statute(clause: &str) -> String {
    STATUTE
        .replacen(
            "elected_by = { by = \"members\" }",
            &format!("elected_by = {{ by = \"members\" }}\n{clause}"),
            1,
        )
        .replacen(
            "[[version.post]]",
            "[[version.organ]]\nid = \"council\"\nname = \"Council\"\n\n[[version.post]]",
            1,
        )
}

const CLAUSE: &str =
    "delegates = { set_by = \"board\", approved_by = \"council\", article = \"10\" }";

/// A decision of `setter` (`outcome`) fixing the assembly's delegates, on
/// 2021-03-01; an approval by `approver` on 2021-04-01 (none if empty); the
/// assembly convened on 2021-05-01, citing them (neither, with `cite` false).
fn history(setter: &str, outcome: &str, approver: &str, cite: bool) -> String {
    let mut out = format!(
        "\n[[event]]\nid = \"setter-sits\"\ndate = \"2021-03-01\"\nkind = \"meeting_held\"\nmeeting = \"setter-1\"\norgan = \"assoc/{setter}\"\n\n[[event]]\nid = \"fixed\"\ndate = \"2021-03-01\"\nkind = \"motion_decided\"\nmeeting = \"setter-1\"\ntext = \"The assembly will have 40 delegates, one for each branch.\"\noutcome = \"{outcome}\"\n"
    );
    let mut cites = String::new();
    if cite {
        cites += "delegates_decision = \"fixed\"\n";
    }
    if !approver.is_empty() {
        out += &format!(
            "\n[[event]]\nid = \"approver-sits\"\ndate = \"2021-04-01\"\nkind = \"meeting_held\"\nmeeting = \"approver-1\"\norgan = \"assoc/{approver}\"\n\n[[event]]\nid = \"approved\"\ndate = \"2021-04-01\"\nkind = \"motion_decided\"\nmeeting = \"approver-1\"\ntext = \"The assembly's 40 delegates are approved.\"\noutcome = \"carried\"\n"
        );
        if cite {
            cites += "delegates_approval = \"approved\"\n";
        }
    }
    out += &format!(
        "\n[[event]]\nid = \"convened\"\ndate = \"2021-05-01\"\nkind = \"meeting_convened\"\nmeeting = \"assembly-1\"\norgan = \"assoc/assembly\"\nscheduled = \"2021-06-01\"\n{cites}"
    );
    out
}

/// The messages of `rule`'s findings.
fn found(statute: &str, history: &str, rule: Rule) -> Vec<String> {
    let tables = build_with(statute, history).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-05-02"), rule)
        .iter()
        .map(|f| f.message.clone())
        .collect()
}

#[test]
fn r14_delegates_fixed_and_approved_as_the_statute_asks_are_lawful() {
    let h = history("board", "carried", "council", true);
    for rule in [Rule::NoCompetentDecision, Rule::NotConfirmed] {
        let f = found(&statute(CLAUSE), &h, rule);
        assert!(f.is_empty(), "{rule:?}: {f:#?}");
    }
}

#[test]
fn r14_delegates_fixed_by_another_organ_or_a_defeated_motion_are_found() {
    for (setter, outcome, why) in [
        ("council", "carried", "by a decision of Council"),
        ("board", "defeated", "by a decision not carried"),
    ] {
        let h = history(setter, outcome, "council", true);
        let f = found(&statute(CLAUSE), &h, Rule::NoCompetentDecision);
        assert_eq!(f.len(), 1, "{setter} {outcome}: {f:#?}");
        assert!(
            f[0].contains(why) && f[0].contains("the statute gives that to Board of Directors"),
            "{}",
            f[0]
        );
    }
    // Without the clause, nothing is judged.
    let h = history("council", "carried", "", true);
    assert!(found(&statute(""), &h, Rule::NoCompetentDecision).is_empty());
}

#[test]
fn r14_delegates_unapproved_or_approved_by_another_organ_are_found() {
    for (approver, why) in [
        ("", "none is recorded"),
        ("board", "the approval cited is of Board of Directors"),
    ] {
        let h = history("board", "carried", approver, true);
        let f = found(&statute(CLAUSE), &h, Rule::NotConfirmed);
        assert_eq!(f.len(), 1, "{approver}: {f:#?}");
        assert!(
            f[0].contains(why) && f[0].contains("needs the approval of Council"),
            "{}",
            f[0]
        );
    }
    // No approval asked: none needed.
    let clause = "delegates = { set_by = \"board\", article = \"10\" }";
    let h = history("board", "carried", "", true);
    assert!(found(&statute(clause), &h, Rule::NotConfirmed).is_empty());
}

#[test]
fn r14_a_convocation_silent_on_its_delegates_is_not_judged() {
    let h = history("council", "carried", "", false);
    for rule in [Rule::NoCompetentDecision, Rule::NotConfirmed] {
        let f = found(&statute(CLAUSE), &h, rule);
        assert!(f.is_empty(), "{rule:?}: {f:#?}");
    }
}

#[test]
fn r14_delegates_is_refused_where_it_names_no_organ() {
    for (clause, says) in [
        (
            "delegates = { set_by = \"members\", article = \"10\" }",
            "`delegates.set_by` names the organ whose decision fixes the number of delegates",
        ),
        (
            "delegates = { set_by = \"board\", approved_by = \"senate\", article = \"10\" }",
            "unknown organ `senate`",
        ),
        (
            "delegates = { by = \"board\", article = \"10\" }",
            "unknown field `by`",
        ),
    ] {
        let Err(err) = build_with(&statute(clause), "") else {
            panic!("accepted: {clause}");
        };
        let err = err.to_string();
        assert!(err.contains(says), "{clause}: {err}");
        assert!(err.contains("line"), "{clause}: no position in {err}");
    }
}
