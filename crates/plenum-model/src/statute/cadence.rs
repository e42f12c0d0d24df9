//! How often an organ must meet: a rolling period between meetings, or at least
//! once in each calendar period.
//!
//! `meets = { every = "6 months" }` is *rolling*: no more than six months may pass
//! between two meetings. `meets = { each = "year" }` is a *calendar* cadence: at
//! least one meeting in every calendar year (also `half-year`, `quarter`, `month`),
//! whatever the gaps between them; this is what "at least once a year" or "monthly"
//! usually means in a statute.

use std::fmt;
use std::str::FromStr;

use crate::date::Day;

use super::Period;

/// How often an organ must meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cadence {
    /// No longer than this between two meetings.
    Rolling(Period),
    /// At least one meeting in each of these calendar periods.
    Calendar(CalendarPeriod),
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cadence::Rolling(p) => write!(f, "at least every {p}"),
            Cadence::Calendar(c) => write!(f, "in each calendar {}", c.as_str()),
        }
    }
}

/// A calendar period: numbered so that consecutive periods have consecutive numbers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarPeriod {
    /// January to December.
    Year,
    /// January to June, July to December.
    HalfYear,
    /// January to March, and so on.
    Quarter,
    /// A calendar month.
    Month,
}

impl CalendarPeriod {
    /// The word used in statutes (`year`, `half-year`, `quarter`, `month`).
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarPeriod::Year => "year",
            CalendarPeriod::HalfYear => "half-year",
            CalendarPeriod::Quarter => "quarter",
            CalendarPeriod::Month => "month",
        }
    }

    fn months(self) -> i64 {
        match self {
            CalendarPeriod::Year => 12,
            CalendarPeriod::HalfYear => 6,
            CalendarPeriod::Quarter => 3,
            CalendarPeriod::Month => 1,
        }
    }

    /// The number of the period that holds `day`.
    pub fn index(self, day: Day) -> i64 {
        let months = i64::from(day.year()) * 12 + i64::from(day.month()) - 1;
        months.div_euclid(self.months())
    }

    /// The first day of period `index`.
    pub fn first_day(self, index: i64) -> Day {
        let months = index * self.months();
        let (year, month) = (months.div_euclid(12), months.rem_euclid(12) + 1);
        i16::try_from(year)
            .ok()
            .and_then(|y| Day::new(y, month as i8, 1))
            .unwrap_or(if index < 0 { Day::MIN } else { Day::MAX })
    }

    /// The first period that begins on or after `day`: the first whole period
    /// of a rule in force from `day`.
    pub fn first_whole(self, day: Day) -> i64 {
        let index = self.index(day);
        if self.first_day(index) == day {
            index
        } else {
            index + 1
        }
    }

    /// Period `index` in words: `2023`, `the first half of 2023`, `2023 Q3`, `2023-07`.
    pub fn name(self, index: i64) -> String {
        let first = self.first_day(index);
        let (year, month) = (first.year(), first.month());
        match self {
            CalendarPeriod::Year => format!("{year}"),
            CalendarPeriod::HalfYear if month <= 6 => format!("the first half of {year}"),
            CalendarPeriod::HalfYear => format!("the second half of {year}"),
            CalendarPeriod::Quarter => format!("{year} Q{}", (month - 1) / 3 + 1),
            CalendarPeriod::Month => format!("{year}-{month:02}"),
        }
    }
}

impl FromStr for CalendarPeriod {
    type Err = String;

    fn from_str(text: &str) -> Result<CalendarPeriod, String> {
        Ok(match text.trim() {
            "year" => CalendarPeriod::Year,
            "half-year" => CalendarPeriod::HalfYear,
            "quarter" => CalendarPeriod::Quarter,
            "month" => CalendarPeriod::Month,
            other => {
                return Err(format!(
                    "expected a calendar period, `year`, `half-year`, `quarter` or `month`, found `{other}`"
                ));
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Day {
        text.parse::<crate::date::FuzzyDate>().unwrap().earliest()
    }

    #[test]
    fn periods_number_consecutively_and_name_themselves() {
        let q = CalendarPeriod::Quarter;
        assert_eq!(q.index(day("2023-12-31")) + 1, q.index(day("2024-01-01")));
        assert_eq!(q.first_day(q.index(day("2023-08-15"))), day("2023-07-01"));
        assert_eq!(q.name(q.index(day("2023-08-15"))), "2023 Q3");
        let h = CalendarPeriod::HalfYear;
        assert_eq!(h.name(h.index(day("2023-06-30"))), "the first half of 2023");
        let y = CalendarPeriod::Year;
        assert_eq!(y.first_whole(day("2020-01-01")), y.index(day("2020-06-01")));
        assert_eq!(y.first_whole(day("2020-03-06")), y.index(day("2021-06-01")));
        let m = CalendarPeriod::Month;
        assert_eq!(m.name(m.index(day("0999-02-03"))), "999-02");
        assert!("fortnight".parse::<CalendarPeriod>().is_err());
    }
}
