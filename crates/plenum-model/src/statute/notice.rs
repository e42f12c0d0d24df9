//! The length of a meeting's notice: a calendar period (`14 days`), or hours
//! (`48 hours`). Dates are days, so a notice in hours is judged three-valued: short
//! for certain when even the most generous reading of the days is short (convened at
//! the first moment of its earliest day, held at the last of its latest), possibly
//! when it depends on the hours the record does not give.

use std::fmt;
use std::str::FromStr;

use super::Period;
use crate::date::{FuzzyDate, Truth};

/// How much notice, at least or at most.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeLength {
    /// A calendar period, counted in whole days.
    Period(Period),
    /// A number of hours.
    Hours(u32),
}

impl NoticeLength {
    /// Whether a meeting convened on `convened` and held on `held` had less notice than this.
    pub fn short(self, convened: &FuzzyDate, held: &FuzzyDate) -> Truth {
        match self {
            // Short if even the longest possible gap is shorter than the notice.
            NoticeLength::Period(least) => {
                if least.after(convened.earliest()) > held.latest() {
                    Truth::Definitely
                } else if least.after(convened.latest()) > held.earliest() {
                    Truth::Possibly
                } else {
                    Truth::No
                }
            }
            NoticeLength::Hours(least) => {
                let (fewest, most) = hours_between(convened, held);
                if most < i64::from(least) {
                    Truth::Definitely
                } else if fewest < i64::from(least) {
                    Truth::Possibly
                } else {
                    Truth::No
                }
            }
        }
    }

    /// Whether a meeting convened on `convened` and held on `held` had more notice than this.
    pub fn long(self, convened: &FuzzyDate, held: &FuzzyDate) -> Truth {
        match self {
            // Long if even the shortest possible gap is longer than allowed.
            NoticeLength::Period(most) => {
                if most.after(convened.latest()) < held.earliest() {
                    Truth::Definitely
                } else if most.after(convened.earliest()) < held.latest() {
                    Truth::Possibly
                } else {
                    Truth::No
                }
            }
            NoticeLength::Hours(limit) => {
                let (fewest, most) = hours_between(convened, held);
                if fewest > i64::from(limit) {
                    Truth::Definitely
                } else if most > i64::from(limit) {
                    Truth::Possibly
                } else {
                    Truth::No
                }
            }
        }
    }
}

/// The fewest and the most hours there may have been between the convening and the
/// meeting: from the last moment of the latest day convened to the first of the
/// earliest day held, and from the first moment of the earliest day convened to the
/// last of the latest day held.
fn hours_between(convened: &FuzzyDate, held: &FuzzyDate) -> (i64, i64) {
    let fewest = (convened.latest().days_until(held.earliest()) - 1).max(0) * 24;
    let most = (convened.earliest().days_until(held.latest()) + 1).max(0) * 24;
    (fewest, most)
}

impl FromStr for NoticeLength {
    type Err = String;

    fn from_str(text: &str) -> Result<NoticeLength, String> {
        let words: Vec<&str> = text.split_whitespace().collect();
        if let [n, "hour" | "hours"] = words.as_slice() {
            return match n.parse::<u32>() {
                Ok(0) => Err(format!("`{text}` must be longer than zero")),
                Ok(n) => Ok(NoticeLength::Hours(n)),
                Err(_) => Err(format!(
                    "expected a whole number of hours such as `48 hours`, found `{text}`"
                )),
            };
        }
        text.parse::<Period>()
            .map(NoticeLength::Period)
            .map_err(|e| format!("{e} (a notice may also be in hours: `48 hours`)"))
    }
}

impl fmt::Display for NoticeLength {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoticeLength::Period(p) => p.fmt(f),
            NoticeLength::Hours(1) => f.write_str("1 hour"),
            NoticeLength::Hours(n) => write!(f, "{n} hours"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> FuzzyDate {
        text.parse().unwrap()
    }

    #[test]
    fn hours_are_judged_three_valued_from_days() {
        let h48 = NoticeLength::Hours(48);
        // The same day: at most 24 hours.
        assert_eq!(
            h48.short(&day("2020-03-02"), &day("2020-03-02")),
            Truth::Definitely
        );
        // The next day: 48 hours only if convened at midnight and held at the last moment.
        assert_eq!(
            h48.short(&day("2020-03-02"), &day("2020-03-03")),
            Truth::Possibly
        );
        // Two days later: between 24 and 72 hours.
        assert_eq!(
            h48.short(&day("2020-03-02"), &day("2020-03-04")),
            Truth::Possibly
        );
        // Three days later: at least 48 hours, whatever the hours.
        assert_eq!(h48.short(&day("2020-03-02"), &day("2020-03-05")), Truth::No);
        // At most 48 hours: three days later is possibly more, four certainly.
        assert_eq!(h48.long(&day("2020-03-02"), &day("2020-03-03")), Truth::No);
        assert_eq!(
            h48.long(&day("2020-03-02"), &day("2020-03-05")),
            Truth::Possibly
        );
        assert_eq!(
            h48.long(&day("2020-03-02"), &day("2020-03-06")),
            Truth::Definitely
        );
    }

    #[test]
    fn a_notice_reads_hours_or_a_period() {
        assert_eq!("48 hours".parse(), Ok(NoticeLength::Hours(48)));
        assert_eq!(
            "1 hour".parse::<NoticeLength>().unwrap().to_string(),
            "1 hour"
        );
        assert_eq!(
            "14 days".parse::<NoticeLength>().unwrap().to_string(),
            "14 days"
        );
        assert!("0 hours".parse::<NoticeLength>().is_err());
        let err = "2 days 3 hours".parse::<NoticeLength>().unwrap_err();
        assert!(err.contains("`48 hours`"), "{err}");
    }
}
