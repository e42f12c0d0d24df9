//! How soon a vacancy must be filled (`vacancy = { within = "60 days" }` or
//! `{ within = "next-meeting" }` on an organ or post): "a vacancy shall be filled
//! within sixty days", "at the next meeting of the Board".

use std::fmt;

use crate::id::Key;

use super::Period;

/// The deadline for filling a seat or post left vacant.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VacancyDeadline {
    /// Within a period of the day it fell vacant (the last day included).
    Within(Period),
    /// By the next meeting of the organ that fills it (held after the vacancy), at
    /// that meeting at the latest.
    NextMeeting(Key),
}

impl fmt::Display for VacancyDeadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VacancyDeadline::Within(period) => write!(f, "within {period}"),
            VacancyDeadline::NextMeeting(organ) => write!(f, "by the next meeting of {organ}"),
        }
    }
}
