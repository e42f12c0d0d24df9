//! Issue 14, days an organ may not meet on: an organ's `not_on` ("no convention shall
//! be held on a holiday weekend"), a meeting held on such a day
//! (`meeting-on-excluded-day`, citing the clause), sessions of several days and
//! fuzzy dates.

use super::statute_tests::{BOARD, STATUTE, build_with, findings, of_rule};
use crate::date::Truth;
use crate::query::check::FindingLine;
use crate::rules::Rule;

/// The association's statute, the Board with `not_on` (article 12).
fn statute(not_on: &str) -> String {
    STATUTE
        .replacen(
            "[[version.organ]]",
            "[[version.article]]\nnumber = \"12\"\ntext = \"No meeting of the Board shall be held on a holiday weekend.\"\n\n[[version.organ]]",
            1,
        )
        .replacen(
            "seats = { full = 5 }",
            &format!("seats = {{ full = 5 }}\nnot_on = {not_on}"),
            1,
        )
}

const HOLIDAY_WEEKENDS: &str = r#"{ days = ["holiday-weekends"], holidays = ["01-01", "last monday of may", "07-04", "first monday of september"], article = "12" }"#;

/// The Board meeting on `date`.
fn meeting(date: &str) -> String {
    format!(
        "{BOARD}\n[[event]]\nid = \"board-met\"\ndate = \"{date}\"\nkind = \"meeting_held\"\nmeeting = \"board-1\"\norgan = \"assoc/board\"\npresent = 3\n"
    )
}

fn found(not_on: &str, date: &str) -> Vec<FindingLine> {
    let tables = build_with(&statute(not_on), &meeting(date)).unwrap_or_else(|e| panic!("{e}"));
    of_rule(&findings(&tables, "2021-12-31"), Rule::MeetingOnExcludedDay)
        .into_iter()
        .cloned()
        .collect()
}

#[test]
fn r14_a_meeting_on_an_ordinary_day_gives_nothing() {
    // Tuesday 1 June 2021, the day after Memorial Day; Sunday 4 July 2021 falls on
    // a weekend with the holiday, but Thursday 8 July is an ordinary day.
    for date in ["2021-06-01", "2021-07-08", "2021-05-28"] {
        assert!(found(HOLIDAY_WEEKENDS, date).is_empty(), "{date}");
    }
}

#[test]
fn r14_a_meeting_on_a_holiday_weekend_is_found_citing_the_clause() {
    // Memorial Day 2021 is Monday 31 May: Saturday 29 to Monday 31.
    let all = found(HOLIDAY_WEEKENDS, "2021-05-29");
    assert_eq!(all.len(), 1, "{all:#?}");
    let f = &all[0];
    assert_eq!(f.certainty, Truth::Definitely);
    assert_eq!(
        f.citation.as_ref().and_then(|c| c.article.as_deref()),
        Some("12")
    );
    assert_eq!(
        f.message,
        "board-1, held 2021-05-29, sat on 2021-05-29, a holiday weekend (the statute's holidays: 01-01, the last monday of may, 07-04, the first monday of september): Board of Directors may not meet then"
    );
    // Independence Day 2021 is a Sunday: Saturday 3 and Sunday 4, and Monday 5 with them?
    // No: Monday 5 July is no holiday in this statute's list, so the run is the weekend.
    assert_eq!(found(HOLIDAY_WEEKENDS, "2021-07-03").len(), 1);
    assert!(found(HOLIDAY_WEEKENDS, "2021-07-05").is_empty());
}

#[test]
fn r14_a_session_of_several_days_sat_on_each_and_a_fuzzy_date_possibly() {
    // Thursday 2 to Saturday 4 September 2021: its Saturday is Labor Day weekend's.
    let all = found(HOLIDAY_WEEKENDS, "2021-09-02/2021-09-04");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].certainty, Truth::Definitely);
    assert!(all[0].message.contains("sat on 2021-09-04"), "{all:#?}");
    // Sometime in September: possibly.
    let all = found(HOLIDAY_WEEKENDS, "2021-09");
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0].certainty, Truth::Possibly);
}

#[test]
fn r14_plain_kinds_of_day_need_no_holidays() {
    let sundays = r#"{ days = ["sundays"], article = "12" }"#;
    assert_eq!(found(sundays, "2021-06-06").len(), 1);
    assert!(found(sundays, "2021-06-05").is_empty());
}
