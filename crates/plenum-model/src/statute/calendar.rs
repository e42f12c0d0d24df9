//! Days on which an organ may not meet (`not_on = { days = ["holiday-weekends"],
//! holidays = ["07-04", "first monday of september"] }`): "no convention shall be
//! held on a holiday weekend", "no meeting on a Sunday or a public holiday". As data
//! only: `read/calendar.rs` reads it, `rules/checks/calendar.rs` judges it
//! (`meeting-on-excluded-day`).
//!
//! The holidays are the statute's own list, each a fixed day of the year (`07-04`)
//! or a weekday of a month (`last monday of may`): plenum knows no country's
//! calendar. A *holiday weekend* is an unbroken run of days off (Saturdays,
//! Sundays and holidays) that holds at least one holiday and at least one Saturday
//! or Sunday: the Saturday, Sunday and Monday of a Monday holiday, the Friday,
//! Saturday and Sunday of a Friday one, the weekend of one that falls on it. A
//! holiday in mid-week makes no holiday weekend.

use std::fmt;
use std::str::FromStr;

use jiff::civil::Weekday;
use serde::Deserialize;
use serde_spanned::Spanned;

use crate::date::Day;
use crate::statute::raw::ArticleRef;

/// A kind of day an organ may not meet on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExcludedDays {
    /// Saturdays (`saturdays`).
    Saturdays,
    /// Sundays (`sundays`).
    Sundays,
    /// Saturdays and Sundays (`weekends`).
    Weekends,
    /// The statute's holidays (`holidays`).
    Holidays,
    /// Days of a holiday weekend (`holiday-weekends`, see the module docs).
    HolidayWeekends,
}

impl ExcludedDays {
    /// Every kind, with the word the statute uses.
    pub const ALL: [(ExcludedDays, &'static str); 5] = [
        (ExcludedDays::Saturdays, "saturdays"),
        (ExcludedDays::Sundays, "sundays"),
        (ExcludedDays::Weekends, "weekends"),
        (ExcludedDays::Holidays, "holidays"),
        (ExcludedDays::HolidayWeekends, "holiday-weekends"),
    ];

    /// The kind in words, for findings and `statute check` ("a holiday weekend").
    pub fn words(self) -> &'static str {
        match self {
            ExcludedDays::Saturdays => "a Saturday",
            ExcludedDays::Sundays => "a Sunday",
            ExcludedDays::Weekends => "a weekend",
            ExcludedDays::Holidays => "a holiday",
            ExcludedDays::HolidayWeekends => "a holiday weekend",
        }
    }

    /// Whether the kind needs the statute's holidays.
    pub fn needs_holidays(self) -> bool {
        matches!(self, ExcludedDays::Holidays | ExcludedDays::HolidayWeekends)
    }
}

impl FromStr for ExcludedDays {
    type Err = ();

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        ExcludedDays::ALL
            .iter()
            .find(|(_, w)| *w == s)
            .map(|(k, _)| *k)
            .ok_or(())
    }
}

/// Which of a month's weekdays a holiday is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nth {
    /// The first, second, third or fourth (1 to 4).
    From(i8),
    /// The last.
    Last,
}

/// One of the statute's holidays, every year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Holiday {
    /// The same day each year (`07-04`), as (month, day).
    Fixed(i8, i8),
    /// A weekday of a month (`last monday of may`).
    Weekday {
        /// Which of the month's weekdays.
        nth: Nth,
        /// The weekday.
        weekday: Weekday,
        /// The month, 1 to 12.
        month: i8,
    },
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const WEEKDAYS: [(Weekday, &str); 7] = [
    (Weekday::Monday, "monday"),
    (Weekday::Tuesday, "tuesday"),
    (Weekday::Wednesday, "wednesday"),
    (Weekday::Thursday, "thursday"),
    (Weekday::Friday, "friday"),
    (Weekday::Saturday, "saturday"),
    (Weekday::Sunday, "sunday"),
];

const NTHS: [(Nth, &str); 5] = [
    (Nth::From(1), "first"),
    (Nth::From(2), "second"),
    (Nth::From(3), "third"),
    (Nth::From(4), "fourth"),
    (Nth::Last, "last"),
];

impl Holiday {
    /// Whether `day` is this holiday.
    pub fn is(self, day: Day) -> bool {
        match self {
            Holiday::Fixed(month, d) => day.month() == month && day.day() == d,
            Holiday::Weekday {
                nth,
                weekday,
                month,
            } => {
                if day.month() != month || day.date().weekday() != weekday {
                    return false;
                }
                match nth {
                    // The n-th such weekday falls on days 7(n-1)+1 to 7n.
                    Nth::From(n) => (day.day() - 1) / 7 + 1 == n,
                    Nth::Last => day.date().days_in_month() - day.day() < 7,
                }
            }
        }
    }
}

impl FromStr for Holiday {
    type Err = String;

    /// `MM-DD`, or `first|second|third|fourth|last WEEKDAY of MONTH` (English names).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let expected = "expected a day of the year (`07-04`) or a weekday of a month (`first monday of september`, `last monday of may`)";
        if let Some((m, d)) = s.split_once('-')
            && let (Ok(month), Ok(day)) = (m.parse::<i8>(), d.parse::<i8>())
        {
            // 2000 is a leap year: 02-29 is a day of the year.
            return match Day::new(2000, month, day) {
                Some(_) if m.len() == 2 && d.len() == 2 => Ok(Holiday::Fixed(month, day)),
                _ => Err(format!("`{s}` is not a day of the year; {expected}")),
            };
        }
        let words: Vec<&str> = s.split_whitespace().collect();
        let [nth, weekday, "of", month] = words.as_slice() else {
            return Err(format!("`{s}`: {expected}"));
        };
        let nth = NTHS.iter().find(|(_, w)| w == nth).map(|(n, _)| *n);
        let weekday = WEEKDAYS.iter().find(|(_, w)| w == weekday).map(|(d, _)| *d);
        let month = MONTHS.iter().position(|w| w == month);
        match (nth, weekday, month.and_then(|m| i8::try_from(m + 1).ok())) {
            (Some(nth), Some(weekday), Some(month)) => Ok(Holiday::Weekday {
                nth,
                weekday,
                month,
            }),
            _ => Err(format!("`{s}`: {expected}")),
        }
    }
}

impl fmt::Display for Holiday {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Holiday::Fixed(month, day) => write!(f, "{month:02}-{day:02}"),
            Holiday::Weekday {
                nth,
                weekday,
                month,
            } => {
                let nth = NTHS.iter().find(|(n, _)| n == nth).map_or("", |(_, w)| w);
                let weekday = WEEKDAYS
                    .iter()
                    .find(|(d, _)| d == weekday)
                    .map_or("", |(_, w)| w);
                let month = usize::try_from(*month - 1)
                    .ok()
                    .and_then(|m| MONTHS.get(m))
                    .map_or("", |w| w);
                write!(f, "the {nth} {weekday} of {month}")
            }
        }
    }
}

/// The days an organ may not meet on (see the module docs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotOn {
    /// The kinds of day excluded, at least one.
    pub days: Vec<ExcludedDays>,
    /// The statute's holidays, each year.
    pub holidays: Vec<Holiday>,
}

/// The longest run of days off looked at around a day (a long weekend is four).
const LONGEST_RUN: usize = 7;

impl NotOn {
    fn is_weekend(day: Day) -> bool {
        matches!(day.date().weekday(), Weekday::Saturday | Weekday::Sunday)
    }

    fn is_holiday(&self, day: Day) -> bool {
        self.holidays.iter().any(|h| h.is(day))
    }

    fn is_off(&self, day: Day) -> bool {
        Self::is_weekend(day) || self.is_holiday(day)
    }

    /// Whether `day` falls in a holiday weekend: a run of days off holding a
    /// holiday and a Saturday or Sunday.
    pub fn in_holiday_weekend(&self, day: Day) -> bool {
        if !self.is_off(day) {
            return false;
        }
        let mut run = vec![day];
        let mut lo = day;
        while run.len() < LONGEST_RUN && self.is_off(lo.pred()) && lo.pred() != lo {
            lo = lo.pred();
            run.push(lo);
        }
        let mut hi = day;
        while run.len() < 2 * LONGEST_RUN && self.is_off(hi.succ()) && hi.succ() != hi {
            hi = hi.succ();
            run.push(hi);
        }
        run.iter().any(|d| self.is_holiday(*d)) && run.iter().any(|d| Self::is_weekend(*d))
    }

    /// The first kind of day excluded that `day` is, if any.
    pub fn excludes(&self, day: Day) -> Option<ExcludedDays> {
        let weekday = day.date().weekday();
        self.days.iter().copied().find(|kind| match kind {
            ExcludedDays::Saturdays => weekday == Weekday::Saturday,
            ExcludedDays::Sundays => weekday == Weekday::Sunday,
            ExcludedDays::Weekends => Self::is_weekend(day),
            ExcludedDays::Holidays => self.is_holiday(day),
            ExcludedDays::HolidayWeekends => self.in_holiday_weekend(day),
        })
    }

    /// The days in words, for `statute check`: "on a holiday weekend (holidays:
    /// 01-01, the last monday of may)".
    pub fn words(&self) -> String {
        let kinds: Vec<&str> = self.days.iter().map(|k| k.words()).collect();
        let mut text = format!("on {}", kinds.join(" or "));
        if !self.holidays.is_empty() {
            let list: Vec<String> = self.holidays.iter().map(ToString::to_string).collect();
            text.push_str(&format!(" (holidays: {})", list.join(", ")));
        }
        text
    }
}

/// An organ's `not_on = { days = ["holiday-weekends"], holidays = ["07-04"] }`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RawNotOn {
    #[serde(default)]
    pub(super) days: Vec<Spanned<String>>,
    #[serde(default)]
    pub(super) holidays: Vec<Spanned<String>>,
    pub(super) article: ArticleRef,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        let mut parts = s.split('-').map(|p| p.parse::<i16>().expect("a number"));
        let (y, m, d) = (
            parts.next().expect("a year"),
            parts.next().expect("a month"),
            parts.next().expect("a day"),
        );
        Day::new(
            y,
            i8::try_from(m).expect("a month"),
            i8::try_from(d).expect("a day"),
        )
        .expect("a day")
    }

    fn us() -> NotOn {
        NotOn {
            days: vec![ExcludedDays::HolidayWeekends],
            holidays: [
                "01-01",
                "last monday of may",
                "07-04",
                "first monday of september",
            ]
            .iter()
            .map(|h| h.parse().expect("a holiday"))
            .collect(),
        }
    }

    #[test]
    fn holidays_are_read_and_named() {
        let h: Holiday = "last monday of may".parse().expect("a holiday");
        assert_eq!(h.to_string(), "the last monday of may");
        assert!(h.is(day("2024-05-27")) && !h.is(day("2024-05-20")));
        let labor: Holiday = "first monday of september".parse().expect("a holiday");
        assert!(labor.is(day("2026-09-07")) && !labor.is(day("2026-09-14")));
        let fourth: Holiday = "fourth thursday of november".parse().expect("a holiday");
        assert!(fourth.is(day("2024-11-28")));
        assert_eq!("07-04".parse::<Holiday>(), Ok(Holiday::Fixed(7, 4)));
        assert!("02-29".parse::<Holiday>().is_ok());
        for bad in [
            "02-30",
            "7-4",
            "fifth monday of may",
            "last monday in may",
            "xmas",
        ] {
            assert!(bad.parse::<Holiday>().is_err(), "{bad}");
        }
    }

    #[test]
    fn a_holiday_weekend_is_a_run_of_days_off_with_a_holiday_and_a_weekend_day() {
        let rule = us();
        // Memorial Day 2024 is Monday 27 May: Saturday to Monday.
        for d in ["2024-05-25", "2024-05-26", "2024-05-27"] {
            assert_eq!(
                rule.excludes(day(d)),
                Some(ExcludedDays::HolidayWeekends),
                "{d}"
            );
        }
        for d in ["2024-05-24", "2024-05-28", "2024-06-01"] {
            assert_eq!(rule.excludes(day(d)), None, "{d}");
        }
        // 4 July 2024 is a Thursday: no holiday weekend at all.
        assert_eq!(rule.excludes(day("2024-07-04")), None);
        assert_eq!(rule.excludes(day("2024-07-06")), None);
        // 4 July 2026 is a Saturday: that weekend.
        assert!(rule.in_holiday_weekend(day("2026-07-05")));
    }

    #[test]
    fn plain_kinds_of_day() {
        let rule = NotOn {
            days: vec![ExcludedDays::Sundays, ExcludedDays::Holidays],
            holidays: vec![Holiday::Fixed(12, 25)],
        };
        assert_eq!(
            rule.excludes(day("2024-06-02")),
            Some(ExcludedDays::Sundays)
        );
        assert_eq!(
            rule.excludes(day("2024-12-25")),
            Some(ExcludedDays::Holidays)
        );
        assert_eq!(rule.excludes(day("2024-06-01")), None);
        assert_eq!(rule.words(), "on a Sunday or a holiday (holidays: 12-25)");
    }
}
