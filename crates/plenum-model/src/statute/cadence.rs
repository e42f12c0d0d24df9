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
    /// At least this many meetings in each of these calendar periods ("at least
    /// four general meetings in each year").
    Count(CalendarPeriod, u32),
}

impl fmt::Display for Cadence {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cadence::Rolling(p) => write!(f, "at least every {p}"),
            Cadence::Calendar(CalendarPeriod::Years { count, from }) => write!(
                f,
                "in each of the years {from}, {}, and so on (every {count} years)",
                i32::from(*from) + i32::from(*count)
            ),
            Cadence::Calendar(CalendarPeriod::Window { start, end }) => write!(
                f,
                "in each calendar year between {:02}-{:02} and {:02}-{:02}",
                start.0, start.1, end.0, end.1
            ),
            Cadence::Calendar(CalendarPeriod::YearsWindow {
                count,
                from,
                start,
                end,
            }) => write!(
                f,
                "in each of the years {from}, {}, and so on (every {count} years), between {:02}-{:02} and {:02}-{:02}",
                i32::from(*from) + i32::from(*count),
                start.0,
                start.1,
                end.0,
                end.1
            ),
            Cadence::Calendar(c) => write!(f, "in each calendar {}", c.as_str()),
            Cadence::Count(c, n) => write!(f, "at least {n} times {}", Cadence::Calendar(*c)),
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
    /// Every `count` years, in the years `from`, `from + count`, and so on
    /// ("biennially in the even-numbered years"): a meeting in another year
    /// does not count.
    Years {
        /// How many years apart.
        count: u8,
        /// A year in which a meeting is due: the phase.
        from: i16,
    },
    /// Each calendar year, between two days of it, both included ("between
    /// April 1st and September 30th"): a meeting outside does not count.
    Window {
        /// The first day, as (month, day).
        start: (i8, i8),
        /// The last day, as (month, day), not before `start`.
        end: (i8, i8),
    },
    /// Every `count` years from `from`, between two days of each year due
    /// ("biennially in the even-numbered years ... between April 1st and September
    /// 30th"): a meeting in another year, or outside the window, does not count.
    YearsWindow {
        /// How many years apart.
        count: u8,
        /// A year in which a meeting is due: the phase.
        from: i16,
        /// The first day, as (month, day).
        start: (i8, i8),
        /// The last day, as (month, day), not before `start`.
        end: (i8, i8),
    },
}

impl CalendarPeriod {
    /// The word used in statutes (`year`, `half-year`, `quarter`, `month`).
    pub fn as_str(self) -> &'static str {
        match self {
            CalendarPeriod::Year => "year",
            CalendarPeriod::HalfYear => "half-year",
            CalendarPeriod::Quarter => "quarter",
            CalendarPeriod::Month => "month",
            CalendarPeriod::Years { .. } | CalendarPeriod::YearsWindow { .. } => "years",
            CalendarPeriod::Window { .. } => "year",
        }
    }

    fn months(self) -> i64 {
        match self {
            CalendarPeriod::Year => 12,
            CalendarPeriod::HalfYear => 6,
            CalendarPeriod::Quarter => 3,
            CalendarPeriod::Month => 1,
            CalendarPeriod::Years { count, .. } | CalendarPeriod::YearsWindow { count, .. } => {
                i64::from(count) * 12
            }
            CalendarPeriod::Window { .. } => 12,
        }
    }

    /// The number of the period that holds `day`.
    pub fn index(self, day: Day) -> i64 {
        if let CalendarPeriod::YearsWindow {
            count, from, start, ..
        } = self
        {
            // The last window due begun on or before `day`.
            let year = i64::from(day.year());
            let year = if (day.month(), day.day()) >= start {
                year
            } else {
                year - 1
            };
            return (year - i64::from(from)).div_euclid(i64::from(count));
        }
        if let CalendarPeriod::Years { count, from } = self {
            return (i64::from(day.year()) - i64::from(from)).div_euclid(i64::from(count));
        }
        if let CalendarPeriod::Window { start, .. } = self {
            // The last window begun on or before `day`.
            let year = i64::from(day.year());
            return if (day.month(), day.day()) >= start {
                year
            } else {
                year - 1
            };
        }
        let months = i64::from(day.year()) * 12 + i64::from(day.month()) - 1;
        months.div_euclid(self.months())
    }

    /// The first day of period `index`.
    pub fn first_day(self, index: i64) -> Day {
        let months = match self {
            CalendarPeriod::Years { from, .. } => index
                .saturating_mul(self.months())
                .saturating_add(i64::from(from) * 12),
            CalendarPeriod::YearsWindow {
                count, from, start, ..
            } => {
                return index
                    .checked_mul(i64::from(count))
                    .and_then(|y| y.checked_add(i64::from(from)))
                    .and_then(|y| i16::try_from(y).ok())
                    .and_then(|y| Day::new(y, start.0, start.1))
                    .unwrap_or(if index < 0 { Day::MIN } else { Day::MAX });
            }
            CalendarPeriod::Window { start, .. } => {
                return i16::try_from(index)
                    .ok()
                    .and_then(|y| Day::new(y, start.0, start.1))
                    .unwrap_or(if index < 0 { Day::MIN } else { Day::MAX });
            }
            _ => index.saturating_mul(self.months()),
        };
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

    /// The first period that does not end before `day`: the one holding it, or,
    /// for [`CalendarPeriod::Years`] in a year between two due, the next one due.
    /// The periods before it are the ones wholly past on `day`.
    pub fn index_to(self, day: Day) -> i64 {
        match self {
            CalendarPeriod::Years { count, from } => {
                -(i64::from(from) - i64::from(day.year())).div_euclid(i64::from(count))
            }
            CalendarPeriod::YearsWindow {
                count, from, end, ..
            } => {
                // The first window due that has not closed on `day`.
                let year = i64::from(day.year());
                let year = if (day.month(), day.day()) > end {
                    year + 1
                } else {
                    year
                };
                -(i64::from(from) - year).div_euclid(i64::from(count))
            }
            CalendarPeriod::Window { end, .. } => {
                // The window of `day`'s year, or the next once it has closed.
                let year = i64::from(day.year());
                if (day.month(), day.day()) > end {
                    year + 1
                } else {
                    year
                }
            }
            _ => self.index(day),
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
            CalendarPeriod::Years { .. } => format!("{year}"),
            CalendarPeriod::Window { start, end }
            | CalendarPeriod::YearsWindow { start, end, .. } => {
                format!(
                    "{year} between {:02}-{:02} and {:02}-{:02}",
                    start.0, start.1, end.0, end.1
                )
            }
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
                    "expected a calendar period, `year`, `half-year`, `quarter` or `month` (or several years with their phase: `each = \"2 years\", from = 2000`), found `{other}`"
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

    #[test]
    fn years_due_every_other_year_from_a_phase() {
        let even = CalendarPeriod::Years {
            count: 2,
            from: 2000,
        };
        assert_eq!(even.index(day("2002-06-01")), 1);
        assert_eq!(even.index(day("2003-06-01")), 1);
        assert_eq!(even.index_to(day("2002-06-01")), 1);
        assert_eq!(even.index_to(day("2003-06-01")), 2);
        assert_eq!(even.index_to(day("1999-06-01")), 0);
        assert_eq!(even.index(day("1999-06-01")), -1);
        assert_eq!(even.first_day(1), day("2002-01-01"));
        assert_eq!(even.first_day(-1), day("1998-01-01"));
        assert_eq!(even.name(2), "2004");
        assert_eq!(even.first_whole(day("2001-03-01")), 1);
        assert_eq!(even.first_whole(day("2000-01-01")), 0);
    }

    #[test]
    fn windows_of_the_year_count_only_the_days_inside() {
        let summer = CalendarPeriod::Window {
            start: (4, 1),
            end: (9, 30),
        };
        // Before its window a day belongs to the last year's; after it, the next
        // window is the first not yet closed.
        assert_eq!(summer.index(day("2023-03-31")), 2022);
        assert_eq!(summer.index(day("2023-04-01")), 2023);
        assert_eq!(summer.index(day("2023-12-01")), 2023);
        assert_eq!(summer.index_to(day("2023-09-30")), 2023);
        assert_eq!(summer.index_to(day("2023-10-01")), 2024);
        assert_eq!(summer.first_day(2023), day("2023-04-01"));
        assert_eq!(summer.first_whole(day("2023-04-02")), 2024);
        assert_eq!(summer.first_whole(day("2023-01-01")), 2023);
        assert_eq!(summer.name(2023), "2023 between 04-01 and 09-30");
    }

    #[test]
    fn windows_of_every_other_year_count_only_the_days_inside_the_years_due() {
        let even = CalendarPeriod::YearsWindow {
            count: 2,
            from: 2000,
            start: (4, 1),
            end: (9, 30),
        };
        let counts = |text: &str| {
            let d = day(text);
            even.index(d) == even.index_to(d)
        };
        assert!(counts("2022-04-01"));
        assert!(counts("2022-09-30"));
        assert!(!counts("2022-03-31"));
        assert!(!counts("2022-10-01"));
        assert!(!counts("2023-06-01"));
        assert_eq!(even.index(day("2022-06-01")), 11);
        assert_eq!(even.index(day("2023-06-01")), 11);
        assert_eq!(even.index_to(day("2022-10-01")), 12);
        assert_eq!(even.index_to(day("2023-06-01")), 12);
        assert_eq!(even.first_day(11), day("2022-04-01"));
        assert_eq!(even.name(12), "2024 between 04-01 and 09-30");
        assert_eq!(even.first_whole(day("2022-04-02")), 12);
        assert_eq!(
            Cadence::Calendar(even).to_string(),
            "in each of the years 2000, 2002, and so on (every 2 years), between 04-01 and 09-30"
        );
    }
}
