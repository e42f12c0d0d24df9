//! The record date of a meeting (`record_date = { at_least = "10 days", at_most =
//! "60 days" }` on an organ): "Such record date shall not be more than 60 nor less
//! than ten days before the date of the meeting". As data only:
//! `read/record_date.rs` reads it, `rules/checks/record_date.rs` judges the
//! `record_date` of each `meeting_convened` (`short-notice`, `long-notice`).

use super::Period;

/// How long before the meeting its record date must fall.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RecordDate {
    /// The least time between the record date and the meeting.
    pub at_least: Option<Period>,
    /// The most time between the record date and the meeting.
    pub at_most: Option<Period>,
}

impl RecordDate {
    /// The bounds in words: "at least 10 days and at most 60 days".
    pub fn bounds(self) -> String {
        match (self.at_least, self.at_most) {
            (Some(l), Some(m)) => format!("at least {l} and at most {m}"),
            (Some(l), None) => format!("at least {l}"),
            (None, Some(m)) => format!("at most {m}"),
            (None, None) => String::new(),
        }
    }

    /// The clause in words, for `plenum statute check`.
    pub fn words(self) -> String {
        format!(
            "a meeting's record date falls {} before the meeting",
            self.bounds()
        )
    }
}
