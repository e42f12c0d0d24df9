//! Issue 14, an expulsion decided only on another organ's referral (`referral` on a
//! discipline rule: "the Board ... may move to refer a vote to remove a Member to the
//! Members at a meeting of the Members to be held 15 days after the Board's
//! decision"): the `member_expelled` cites the referral, a carried decision of that
//! organ (`no-competent-decision` otherwise), and the decision on the act comes no
//! sooner than `at_least` after it (`short-notice` otherwise, three-valued).

use super::statute_tests::{BOARD, STATUTE, build_with, findings};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;
use crate::statute::read;

/// The association's statute with expulsions decided by the General Assembly on
/// the Board's referral (`referral`, article 7).
fn statute(referral: &str) -> String {
    STATUTE.replacen(
        "act = \"expulsion\"\nby = [\"board\"]",
        &format!("act = \"expulsion\"\nby = [\"assembly\"]\nreferral = {referral}"),
        1,
    )
}

const BOARD_15_DAYS: &str = r#"{ by = "board", at_least = "15 days" }"#;

/// A referral decided by `referring` (`board` or `assembly`) on `referred_on`
/// (`outcome`), and Bob's expulsion by the General Assembly on `decided_on`, citing
/// the referral if `cites`; `expelling` is the organ whose meeting decides it.
struct Case<'a> {
    referring: &'a str,
    referred_on: &'a str,
    outcome: &'a str,
    expelling: &'a str,
    decided_on: &'a str,
    cites: bool,
}

const LAWFUL: Case<'static> = Case {
    referring: "board",
    referred_on: "2021-05-01",
    outcome: "carried",
    expelling: "assembly",
    decided_on: "2021-05-20",
    cites: true,
};

fn events(c: &Case<'_>) -> String {
    let referral = if c.cites {
        "referral = \"refer\"\n"
    } else {
        ""
    };
    format!(
        r#"{BOARD}
[[event]]
id = "referring-met"
date = "{}"
kind = "meeting_held"
meeting = "referring"
organ = "assoc/{}"

[[event]]
id = "refer"
date = "{}"
kind = "motion_decided"
meeting = "referring"
text = "Bob's expulsion is referred to the General Assembly"
subjects = ["bob"]
votes = {{ for = 2, against = 0 }}
outcome = "{}"

[[event]]
id = "expelling-met"
date = "{}"
kind = "meeting_held"
meeting = "expelling"
organ = "assoc/{}"

[[event]]
id = "expel"
date = "{}"
kind = "motion_decided"
meeting = "expelling"
text = "Bob is expelled"
subjects = ["bob"]
votes = {{ for = 2, against = 0 }}
outcome = "carried"

[[event]]
id = "bob-expelled"
date = "{}"
kind = "member_expelled"
person = "bob"
org = "assoc"
decision = "expel"
{referral}"#,
        c.referred_on,
        c.referring,
        c.referred_on,
        c.outcome,
        c.decided_on,
        c.expelling,
        c.decided_on,
        c.decided_on
    )
}

/// The findings of rules `no-competent-decision` and `short-notice`.
fn judged(c: &Case<'_>) -> Vec<FindingLine> {
    let tables = build_with(&statute(BOARD_15_DAYS), &events(c)).unwrap_or_else(|e| panic!("{e}"));
    findings(&tables, "2021-12-31")
        .into_iter()
        .filter(|f| matches!(f.rule, Rule::NoCompetentDecision | Rule::ShortNotice))
        .collect()
}

fn one(c: &Case<'_>, rule: Rule, words: &str) -> FindingLine {
    let found = judged(c);
    assert_eq!(found.len(), 1, "{found:#?}");
    let f = found[0].clone();
    assert_eq!(f.rule, rule, "{f:#?}");
    assert_eq!(
        f.citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("7")
    );
    assert!(f.message.contains(words), "{}", f.message);
    f
}

#[test]
fn r14_an_expulsion_on_the_referral_long_enough_before_gives_nothing() {
    let found = judged(&LAWFUL);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn r14_an_expulsion_citing_no_referral_is_found() {
    let c = Case {
        cites: false,
        ..LAWFUL
    };
    one(
        &c,
        Rule::NoCompetentDecision,
        "the expulsion of Bob cites no referral; the statute gives it to its organs only on the referral of Board of Directors",
    );
}

#[test]
fn r14_a_referral_by_another_organ_or_defeated_is_found() {
    let c = Case {
        referring: "assembly",
        ..LAWFUL
    };
    one(
        &c,
        Rule::NoCompetentDecision,
        "was referred by General Assembly; the statute gives the referral to Board of Directors",
    );
    let c = Case {
        outcome: "defeated",
        ..LAWFUL
    };
    one(
        &c,
        Rule::NoCompetentDecision,
        "rests on a referral by Board of Directors that was defeated",
    );
}

#[test]
fn r14_a_decision_too_soon_after_the_referral_is_short_notice() {
    let c = Case {
        decided_on: "2021-05-10",
        ..LAWFUL
    };
    let f = one(
        &c,
        Rule::ShortNotice,
        "was decided 2021-05-10, less than 15 days after Board of Directors referred it (2021-05-01)",
    );
    assert_eq!(f.certainty, Truth::Definitely);
    // Referred some day in May: the 20th may be fifteen days later, or not.
    let c = Case {
        referred_on: "2021-05",
        ..LAWFUL
    };
    assert_eq!(
        one(&c, Rule::ShortNotice, "less than 15 days").certainty,
        Truth::Possibly
    );
    // Exactly fifteen days later is enough.
    let c = Case {
        decided_on: "2021-05-16",
        ..LAWFUL
    };
    assert!(judged(&c).is_empty());
}

#[test]
fn r14_an_expulsion_by_an_incompetent_organ_is_found_once() {
    // The Board expels Bob itself: the competence finding only, not the referral's.
    let c = Case {
        expelling: "board",
        cites: false,
        ..LAWFUL
    };
    one(
        &c,
        Rule::NoCompetentDecision,
        "the statute gives it to General Assembly",
    );
}

#[test]
fn r14_bad_referrals_are_refused_at_their_place() {
    let line_of = |text: &str| {
        text.lines()
            .position(|l| l.starts_with("referral = "))
            .expect("the referral's line")
            + 1
    };
    for (referral, expected) in [
        (r#"{ by = "council" }"#, "council"),
        (
            r#"{ by = "assembly" }"#,
            "an organ does not refer an act to itself",
        ),
        (
            r#"{ by = "board", at_least = "soon" }"#,
            "expected a period",
        ),
        (
            r#"{ by = "board", within = "15 days" }"#,
            "unknown field `within`",
        ),
    ] {
        let text = statute(referral);
        let err = read(&text).expect_err(referral);
        assert!(
            err.message.contains(expected),
            "{referral}: {}",
            err.message
        );
        assert_eq!(err.line, line_of(&text), "{referral}: {err}");
    }
    // Only an expulsion's event cites a referral.
    let text = STATUTE.replacen(
        "act = \"expulsion\"\nby = [\"board\"]",
        "act = \"suspension\"\nby = [\"board\"]\nreferral = { by = \"assembly\" }",
        1,
    );
    let err = read(&text).expect_err("a suspension's referral");
    assert!(
        err.message.contains("`act = \"expulsion\"` only"),
        "{}",
        err.message
    );
    assert_eq!(err.line, line_of(&text), "{err}");
    let doc = read(&statute(BOARD_15_DAYS)).expect("a valid statute");
    let rule = doc.versions[0]
        .discipline
        .iter()
        .find_map(|r| r.referral.as_ref())
        .expect("the referral");
    assert_eq!(rule.by.as_str(), "board");
    assert!(rule.at_least.is_some());
}
