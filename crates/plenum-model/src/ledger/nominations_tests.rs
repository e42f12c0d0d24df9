//! Issue 14: nominations by one person (`nominations` on an organ or post: "any member
//! of the Board", "any Member"), judged on the nominators an election or appointment
//! records (`not-nominated`), and the clause read or refused at its line and column.
//! Each test is data: a statute and a history in, findings out.

use super::statute_tests::{BOARD, STATUTE, build_with, events_of, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The Treasurer nominated as `clause` says (article 12).
fn statute(clause: &str) -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"12\"\ntext = \"Nominations may be made by any member of the Board.\"\n\n[[version.organ]]",
            1,
        )
        .replacen(
            "name = \"Treasurer\"\nelected_by = { by = \"assembly\" }\n",
            &format!("name = \"Treasurer\"\nelected_by = {{ by = \"assembly\", vacancies = \"board\" }}\nnominations = {clause}\n"),
            1,
        )
}

const BOARD_MEMBERS: &str = r#"{ by = "member:board", article = "12" }"#;

/// Dan: a full member since 2020, on no organ.
const DAN: &str = r#"
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
"#;

/// Ann elected Treasurer by `by` on 1 April 2021, nominated as `nominators` says.
fn election(by: &str, nominators: &str) -> String {
    format!(
        r#"
[[event]]
id = "treasurer-2021"
date = "2021-04-01"
kind = "election_held"
post = "assoc/treasurer"
by = "assoc/{by}"
elected = ["ann"]
{nominators}
"#
    )
}

fn judged(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables =
        build_with(statute, &format!("{BOARD}{DAN}{events}")).unwrap_or_else(|e| panic!("{e}"));
    let all = findings(&tables, "2021-12-31");
    of_rule(&all, Rule::NotNominated)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_nomination_by_a_member_of_the_organ_passes_and_by_another_is_found() {
    let statute = statute(BOARD_MEMBERS);
    // Bob sits on the Board.
    let lawful = judged(
        &statute,
        &election(
            "assembly",
            r#"nominators = [{ person = "ann", by_person = "bob" }]"#,
        ),
    );
    assert!(lawful.is_empty(), "{lawful:#?}");
    // Dan is a member, but not of the Board.
    let found = judged(
        &statute,
        &election(
            "assembly",
            r#"nominators = [{ person = "ann", by_person = "dan" }]"#,
        ),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "Ann was nominated in the election to Treasurer by Dan, who holds no seat on Board of Directors; the statute lets only a member of Board of Directors nominate"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("12")
    );
    // An election that records no nominator is not judged.
    let silent = judged(&statute, &election("assembly", ""));
    assert!(silent.is_empty(), "{silent:#?}");
}

#[test]
fn r14_a_nomination_by_any_member_is_judged_on_the_register() {
    let statute = statute(r#"{ by = "member", article = "12" }"#);
    let lawful = judged(
        &statute,
        &election(
            "assembly",
            r#"nominators = [{ person = "ann", by_person = "dan" }]"#,
        ),
    );
    assert!(lawful.is_empty(), "{lawful:#?}");
    // Cat is on no register: of unknown standing, not a non-member.
    let unknown = judged(
        &statute,
        &election(
            "assembly",
            r#"nominators = [{ person = "ann", by_person = "cat" }]"#,
        ),
    );
    assert!(unknown.is_empty(), "{unknown:#?}");
    let resigned = r#"
[[event]]
id = "dan-resigned"
date = "2021-03-15"
kind = "member_resigned"
person = "dan"
org = "assoc"
"#;
    let found = judged(
        &statute,
        &format!(
            "{resigned}{}",
            election(
                "assembly",
                r#"nominators = [{ person = "ann", by_person = "dan" }]"#
            )
        ),
    );
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(
        found[0].message,
        "Ann was nominated in the election to Treasurer by Dan, who is no longer a member; the statute lets only a member of Association nominate"
    );
}

#[test]
fn r14_elections_by_limits_the_clause_to_that_organs_elections() {
    let statute = statute(r#"{ by = "member:board", elections_by = "board", article = "12" }"#);
    let nominated = r#"nominators = [{ person = "ann", by_person = "dan" }]"#;
    // The Assembly's own election is not judged by it.
    let assembly = judged(&statute, &election("assembly", nominated));
    assert!(assembly.is_empty(), "{assembly:#?}");
    // The Board filling the office is.
    let board = judged(&statute, &election("board", nominated));
    assert_eq!(board.len(), 1, "{board:#?}");
}

#[test]
fn r14_an_appointment_names_its_nominator() {
    let statute = statute(BOARD_MEMBERS);
    let appointed = |by: &str| {
        format!(
            "\n[[event]]\nid = \"ann-treasurer\"\ndate = \"2021-04-01\"\nkind = \"post_assigned\"\nperson = \"ann\"\npost = \"assoc/treasurer\"\nby = \"assoc/assembly\"\nnominated_by_person = \"{by}\"\n"
        )
    };
    assert!(judged(&statute, &appointed("bob")).is_empty());
    let found = judged(&statute, &appointed("dan"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(
        found[0]
            .message
            .starts_with("Ann was nominated in the appointment of Ann as Treasurer by Dan"),
        "{}",
        found[0].message
    );
}

#[test]
fn r14_nominations_are_refused_at_line_and_column() {
    let refused = |clause: &str, says: &str| {
        let text = statute(clause);
        let err = crate::statute::read(&text).expect_err(clause);
        assert!(err.to_string().contains(says), "{err}");
        let at = text.find("nominations = ").expect("the clause");
        let (line, _) = crate::source::line_col(&text, at);
        assert_eq!(err.line, line, "{err}");
    };
    refused(r#"{ by = "chair" }"#, "expected \"member\"");
    refused(r#"{ by = "member:senate" }"#, "senate");
    refused(r#"{ by = "member", elections_by = "senate" }"#, "senate");
    refused(
        r#"{ by = "member", when = "always" }"#,
        "unknown field `when`",
    );
}

#[test]
fn r14_statute_check_lists_the_nominations() {
    let doc = crate::statute::read(&statute(
        r#"{ by = "member:board", elections_by = "board", article = "12" }"#,
    ))
    .unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let nominations: Vec<_> = clauses
        .iter()
        .filter(|c| c.field == "nominations")
        .collect();
    assert_eq!(nominations.len(), 1, "{clauses:#?}");
    assert_eq!(
        nominations[0].rule,
        "in its elections and appointments by Board of Directors, candidates are nominated by any member of Board of Directors"
    );
    assert_eq!(nominations[0].checked_by, Some("not-nominated"));
    assert_eq!(nominations[0].article.as_deref(), Some("12"));
}

#[test]
fn r14_an_election_without_nominators_encodes_as_before() {
    let events = events_of(&election("assembly", ""));
    let json = crate::event::codec::to_json(&events[0]).to_string();
    assert!(!json.contains("nominators"), "{json}");
    let named = events_of(&election(
        "assembly",
        r#"nominators = [{ person = "ann", by_person = "bob" }]"#,
    ));
    let json = crate::event::codec::to_json(&named[0]).to_string();
    assert!(
        json.contains(r#""nominators":[{"by_person":"bob","person":"ann"}]"#),
        "{json}"
    );
}

#[test]
fn r14_a_nominator_the_record_never_declared_is_refused() {
    let events = format!(
        "{BOARD}{DAN}{}",
        election(
            "assembly",
            r#"nominators = [{ person = "ann", by_person = "zed" }]"#
        )
    );
    let err = build_with(&statute(BOARD_MEMBERS), &events).expect_err("an unknown nominator");
    assert!(err.to_string().contains("zed"), "{err}");
}

/// Ann elected Treasurer at a meeting of the Assembly convened on `convened` for
/// 1 April 2021, nominated by Dan on `on` (a line without `on` where it is empty).
fn election_at_meeting(convened: &str, on: &str) -> String {
    let on = if on.is_empty() {
        String::new()
    } else {
        format!(", on = \"{on}\"")
    };
    format!(
        r#"
[[event]]
id = "m1-convened"
date = "{convened}"
kind = "meeting_convened"
meeting = "m1"
organ = "assoc/assembly"
scheduled = "2021-04-01"

[[event]]
id = "m1-held"
date = "2021-04-01"
kind = "meeting_held"
meeting = "m1"
organ = "assoc/assembly"

[[event]]
id = "treasurer-2021"
date = "2021-04-01"
kind = "election_held"
meeting = "m1"
post = "assoc/treasurer"
elected = ["ann"]
nominators = [{{ person = "ann", by_person = "dan"{on} }}]
"#
    )
}

const BEFORE_NOTICE: &str = r#"{ by = "member", before_notice = "10 days", article = "12" }"#;

#[test]
fn r14_a_nomination_ten_days_before_the_notice_passes_and_a_later_one_is_found() {
    let statute = statute(BEFORE_NOTICE);
    // Convened on 11 March: a nomination on 1 March is ten days before, in time.
    let lawful = judged(&statute, &election_at_meeting("2021-03-11", "2021-03-01"));
    assert!(lawful.is_empty(), "{lawful:#?}");
    // On 2 March, nine days before: found.
    let found = judged(&statute, &election_at_meeting("2021-03-11", "2021-03-02"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].certainty, Truth::Definitely);
    assert_eq!(
        found[0].message,
        "Ann was nominated in the election to Treasurer by Dan on 2021-03-02, less than 10 days before the meeting was convened (2021-03-11); the statute wants nominations at least 10 days before the notice"
    );
    assert_eq!(
        found[0]
            .citation
            .as_ref()
            .and_then(|c| c.article.as_deref()),
        Some("12")
    );
    // A nomination dated by the month only may or may not be in time.
    let fuzzy = judged(&statute, &election_at_meeting("2021-03-11", "2021-03"));
    assert_eq!(fuzzy.len(), 1, "{fuzzy:#?}");
    assert_eq!(fuzzy[0].certainty, Truth::Possibly);
    // An undated nomination is not judged for its date.
    let undated = judged(&statute, &election_at_meeting("2021-03-11", ""));
    assert!(undated.is_empty(), "{undated:#?}");
}

#[test]
fn r14_without_before_notice_a_late_nomination_is_not_judged() {
    let statute = statute(r#"{ by = "member", article = "12" }"#);
    let late = judged(&statute, &election_at_meeting("2021-03-11", "2021-03-10"));
    assert!(late.is_empty(), "{late:#?}");
}

#[test]
fn r14_before_notice_is_refused_at_line_and_column() {
    let clause = r#"{ by = "member", before_notice = "ten days", article = "12" }"#;
    let text = statute(clause);
    let err = crate::statute::read(&text).expect_err(clause);
    assert!(err.to_string().contains("before_notice"), "{err}");
    assert!(err.to_string().contains("expected a period"), "{err}");
    let at = text.find("\"ten days\"").expect("the period");
    let (line, col) = crate::source::line_col(&text, at);
    assert_eq!((err.line, err.column), (line, col), "{err}");
}

#[test]
fn r14_statute_check_lists_the_nomination_deadline() {
    let doc = crate::statute::read(&statute(BEFORE_NOTICE)).unwrap_or_else(|e| panic!("{e}"));
    let clauses = crate::statute::clauses(&doc);
    let rule = clauses
        .iter()
        .find(|c| c.field == "nominations")
        .map(|c| c.rule.as_str());
    assert_eq!(
        rule,
        Some(
            "candidates are nominated by any member, at least 10 days before the notice of the election's meeting"
        )
    );
}

#[test]
fn r14_an_undated_nomination_encodes_as_before() {
    let undated = events_of(&election_at_meeting("2021-03-11", ""));
    let json = crate::event::codec::to_json(&undated[2]).to_string();
    assert!(
        json.contains(r#""nominators":[{"by_person":"dan","person":"ann"}]"#),
        "{json}"
    );
    let dated = events_of(&election_at_meeting("2021-03-11", "2021-03-01"));
    let json = crate::event::codec::to_json(&dated[2]).to_string();
    assert!(json.contains(r#""on":"2021-03-01""#), "{json}");
}
