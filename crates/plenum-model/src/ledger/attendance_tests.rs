//! Issue 14, a duty to attend: an organ's `attends` ("It shall be the duty of each
//! Vice President: To attend ... all meetings of the Executive Board"), against the
//! persons a `meeting_held` names as `absent` (`absent-holder`, citing the clause),
//! and the clause refused where it is wrong.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::query::check::FindingLine;
use crate::rules::Rule;
use crate::statute::read;

/// The association's statute, the Board's holders bound to attend the meetings of
/// the organs `attends` names (article 10).
fn statute(attends: &str) -> String {
    STATUTE.replacen(
        "seats = { full = 5 }",
        &format!("seats = {{ full = 5 }}\nattends = {attends}"),
        1,
    )
}

const BOTH: &str = r#"{ organs = ["assembly", "board"], article = "10" }"#;

/// A meeting of `organ` on 2021-05-01 naming `absent`.
fn meeting(organ: &str, absent: &str) -> String {
    format!(
        "{BOARD}\n[[event]]\nid = \"met\"\ndate = \"2021-05-01\"\nkind = \"meeting_held\"\nmeeting = \"m-1\"\norgan = \"assoc/{organ}\"\n{absent}\n"
    )
}

fn found(statute: &str, events: &str) -> Vec<FindingLine> {
    let tables = build_with(statute, events).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-06-01"), Rule::AbsentHolder)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_holder_recorded_absent_is_found_citing_the_clause() {
    for organ in ["board", "assembly"] {
        let all = found(&statute(BOTH), &meeting(organ, "absent = [\"bob\"]"));
        assert_eq!(all.len(), 1, "{organ}: {all:#?}");
        assert_eq!(
            all[0].citation.as_ref().and_then(|c| c.article.as_deref()),
            Some("10")
        );
        assert!(
            all[0]
                .message
                .starts_with("Bob was absent from m-1, a meeting of "),
            "{all:#?}"
        );
        assert!(
            all[0]
                .message
                .ends_with("; the holders of Board of Directors must attend every meeting of it"),
            "{all:#?}"
        );
    }
}

#[test]
fn r14_absence_of_others_or_of_no_one_or_from_another_organ_gives_nothing() {
    // dan holds no seat on the Board.
    let dan = "\n[[event]]\nid = \"p-dan\"\ndate = \"2020-01-01\"\nkind = \"person_registered\"\nperson = \"dan\"\nname = \"Dan\"\n\n[[event]]\nid = \"adm-dan\"\ndate = \"2020-02-01\"\nkind = \"member_admitted\"\nperson = \"dan\"\norg = \"assoc\"\nstatus = \"full\"\n";
    let events = format!("{dan}{}", meeting("board", "absent = [\"dan\"]"));
    assert!(found(&statute(BOTH), &events).is_empty());
    // No one named absent.
    assert!(found(&statute(BOTH), &meeting("board", "present = 3")).is_empty());
    // The Assembly's meetings are not among those the Board must attend.
    let board_only = r#"{ organs = ["board"], article = "10" }"#;
    assert!(
        found(
            &statute(board_only),
            &meeting("assembly", "absent = [\"bob\"]")
        )
        .is_empty()
    );
}

#[test]
fn r14_attends_is_refused_where_it_is_wrong() {
    let cases = [
        (r#"{ organs = [] }"#, "{", "`attends` needs `organs"),
        (r#"{ organs = ["council"] }"#, "\"council\"", "council"),
        (
            r#"{ organs = ["board", "board"] }"#,
            ", \"board\"",
            "names `board` twice",
        ),
        (
            r#"{ organs = ["board"], every = true }"#,
            "",
            "unknown field `every`",
        ),
    ];
    for (clause, at, expected) in cases {
        let text = statute(clause);
        let err = read(&text).expect_err(clause);
        assert!(
            err.message.contains(expected),
            "for {clause}: {}",
            err.message
        );
        let line = text
            .lines()
            .position(|l| l.starts_with("attends"))
            .expect("the clause's line");
        assert_eq!(err.line, line + 1, "for {clause}: {err}");
        if !at.is_empty() {
            let column = text.lines().nth(line).map_or(0, |l| {
                l.find(at).map_or(0, |c| c + 1) + usize::from(at.starts_with(", ")) * 2
            });
            assert_eq!(err.column, column, "for {clause}: {err}");
        }
    }
}
