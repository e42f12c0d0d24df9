//! `Day`: one calendar day, the unit every fuzzy date is bounded by.

use std::fmt;

use jiff::civil::Date;

/// One proleptic Gregorian calendar day, from -9999-01-01 to 9999-12-31.
///
/// The two extremes stand for "open" ends: a seat still held has an end of
/// `Day::MAX`, an interval open at its start begins at `Day::MIN`.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(Date);

impl Day {
    /// The earliest representable day; an open start.
    pub const MIN: Day = Day(Date::MIN);
    /// The latest representable day; an open end.
    pub const MAX: Day = Day(Date::MAX);

    /// The day `year-month-day`, if it exists in the calendar.
    pub fn new(year: i16, month: i8, day: i8) -> Option<Day> {
        Date::new(year, month, day).ok().map(Day)
    }

    /// Wraps a `jiff` date.
    pub fn from_date(date: Date) -> Day {
        Day(date)
    }

    /// The underlying `jiff` date, for calendar arithmetic.
    pub fn date(self) -> Date {
        self.0
    }

    /// The year.
    pub fn year(self) -> i16 {
        self.0.year()
    }

    /// The month, 1 to 12.
    pub fn month(self) -> i8 {
        self.0.month()
    }

    /// The day of the month, 1 to 31.
    pub fn day(self) -> i8 {
        self.0.day()
    }

    /// The day as the integer `YYYYMMDD` (negative for years before 0),
    /// which sorts like the day itself; this is how stores keep days.
    pub fn to_key(self) -> i32 {
        i32::from(self.0.year()) * 10_000
            + i32::from(self.0.month()) * 100
            + i32::from(self.0.day())
    }

    /// The inverse of [`Day::to_key`].
    pub fn from_key(key: i32) -> Option<Day> {
        let year = i16::try_from(key.div_euclid(10_000)).ok()?;
        let rest = key.rem_euclid(10_000);
        let month = i8::try_from(rest / 100).ok()?;
        let day = i8::try_from(rest % 100).ok()?;
        Day::new(year, month, day)
    }

    /// The number of days from `self` to `later` (negative if `later` is earlier).
    pub fn days_until(self, later: Day) -> i64 {
        (later.0.duration_since(self.0).as_secs()) / 86_400
    }

    /// `self` plus a calendar span, saturating at the extremes.
    pub fn saturating_add(self, span: jiff::Span) -> Day {
        Day(self.0.saturating_add(span))
    }

    /// `self` minus a calendar span, saturating at the extremes.
    pub fn saturating_sub(self, span: jiff::Span) -> Day {
        Day(self.0.saturating_sub(span))
    }

    /// The day before, or `self` at the lower extreme.
    pub fn pred(self) -> Day {
        self.0.yesterday().map(Day).unwrap_or(self)
    }

    /// The day after, or `self` at the upper extreme.
    pub fn succ(self) -> Day {
        self.0.tomorrow().map(Day).unwrap_or(self)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let year = self.0.year();
        if (0..=9999).contains(&year) {
            // `YYYY-MM-DD` by hand: queries print thousands of days, and
            // `write!` with padding costs ten times as much.
            let digit = |n: i16, place: i16| b'0' + ((n / place) % 10) as u8;
            let (month, day) = (i16::from(self.0.month()), i16::from(self.0.day()));
            let text = [
                digit(year, 1000),
                digit(year, 100),
                digit(year, 10),
                digit(year, 1),
                b'-',
                digit(month, 10),
                digit(month, 1),
                b'-',
                digit(day, 10),
                digit(day, 1),
            ];
            return f.write_str(std::str::from_utf8(&text).map_err(|_| fmt::Error)?);
        }
        if self.0.year() < 0 {
            write!(
                f,
                "-{:04}-{:02}-{:02}",
                -self.0.year(),
                self.0.month(),
                self.0.day()
            )
        } else {
            write!(
                f,
                "{:04}-{:02}-{:02}",
                self.0.year(),
                self.0.month(),
                self.0.day()
            )
        }
    }
}

impl fmt::Debug for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_round_trips_and_keeps_order() {
        let days = [
            Day::MIN,
            Day::new(-1, 12, 31).unwrap(),
            Day::new(0, 1, 1).unwrap(),
            Day::new(1946, 8, 28).unwrap(),
            Day::new(1946, 8, 30).unwrap(),
            Day::new(1980, 10, 10).unwrap(),
            Day::MAX,
        ];
        for pair in days.windows(2) {
            assert!(pair[0].to_key() < pair[1].to_key(), "{pair:?}");
        }
        for day in days {
            assert_eq!(Day::from_key(day.to_key()), Some(day), "{day}");
        }
        assert_eq!(Day::new(1946, 8, 28).unwrap().to_key(), 19_460_828);
        assert_eq!(Day::from_key(19_460_230), None);
    }

    #[test]
    fn days_until_counts_calendar_days() {
        let a = Day::new(1980, 10, 10).unwrap();
        let b = Day::new(1985, 10, 10).unwrap();
        assert_eq!(a.days_until(b), 1826);
        assert_eq!(b.days_until(a), -1826);
    }

    #[test]
    fn display_is_iso() {
        assert_eq!(Day::new(1946, 8, 2).unwrap().to_string(), "1946-08-02");
        assert_eq!(Day::MAX.to_string(), "9999-12-31");
    }
}
