//! The quantities a statute prescribes: shares (quorum, majority) and calendar periods.

use std::fmt;
use std::str::FromStr;

use crate::date::Day;

/// A fraction from 0 to 1, written `2/3`, `50%` or `1`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Share {
    num: u32,
    den: u32,
}

impl Share {
    /// One half.
    pub const HALF: Share = Share { num: 1, den: 2 };

    /// The numerator.
    pub fn num(self) -> u32 {
        self.num
    }

    /// The denominator, never zero.
    pub fn den(self) -> u32 {
        self.den
    }

    /// `count / total` compared with this share: `count * den` vs `total * num`.
    pub fn compare(self, count: u64, total: u64) -> std::cmp::Ordering {
        (u128::from(count) * u128::from(self.den)).cmp(&(u128::from(total) * u128::from(self.num)))
    }
}

impl FromStr for Share {
    type Err = String;

    fn from_str(text: &str) -> Result<Share, String> {
        let text = text.trim();
        let expected = || format!("expected a share such as `1/2`, `2/3` or `50%`, found `{text}`");
        let (num, den) = if let Some(percent) = text.strip_suffix('%') {
            (percent.trim().parse::<u32>().map_err(|_| expected())?, 100)
        } else if let Some((n, d)) = text.split_once('/') {
            (
                n.trim().parse::<u32>().map_err(|_| expected())?,
                d.trim().parse::<u32>().map_err(|_| expected())?,
            )
        } else {
            (text.parse::<u32>().map_err(|_| expected())?, 1)
        };
        if den == 0 {
            return Err(format!("`{text}` divides by zero"));
        }
        if num > den {
            return Err(format!("`{text}` is over 100%"));
        }
        Ok(Share { num, den })
    }
}

impl fmt::Display for Share {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.den == 100 {
            write!(f, "{}%", self.num)
        } else if self.den == 1 {
            write!(f, "{}", self.num)
        } else {
            write!(f, "{}/{}", self.num, self.den)
        }
    }
}

/// "At least" or "more than" a share.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Threshold {
    /// The count reaches the share (`count / total >= share`).
    AtLeast(Share),
    /// The count exceeds the share (`count / total > share`).
    MoreThan(Share),
}

impl Threshold {
    /// Whether `count` out of `total` meets the threshold. A total of zero
    /// meets nothing.
    pub fn is_met(self, count: u64, total: u64) -> bool {
        if total == 0 {
            return false;
        }
        match self {
            Threshold::AtLeast(share) => share.compare(count, total).is_ge(),
            Threshold::MoreThan(share) => share.compare(count, total).is_gt(),
        }
    }

    /// The smallest count out of `total` that meets the threshold.
    pub fn minimum(self, total: u64) -> u64 {
        let (share, strict) = match self {
            Threshold::AtLeast(s) => (s, false),
            Threshold::MoreThan(s) => (s, true),
        };
        let product = u128::from(total) * u128::from(share.num());
        let den = u128::from(share.den());
        let min = if strict {
            product / den + 1
        } else {
            product.div_ceil(den)
        };
        u64::try_from(min).unwrap_or(u64::MAX)
    }
}

impl fmt::Display for Threshold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Threshold::AtLeast(s) => write!(f, "at least {s}"),
            Threshold::MoreThan(s) => write!(f, "more than {s}"),
        }
    }
}

/// What a majority is counted against.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Base {
    /// The votes cast for and against (abstentions not counted).
    Votes,
    /// The members present at the meeting.
    Present,
    /// All full members of the organ.
    Members,
    /// The full members of the organ in good standing: not suspended.
    MembersInGoodStanding,
    /// The quorum: the fewest members present for a decision (the organ's `quorum`
    /// of its members), as in "a majority of the quorum".
    Quorum,
}

impl fmt::Display for Base {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Base::Votes => "of the votes cast",
            Base::Present => "of the members present",
            Base::Members => "of all members",
            Base::MembersInGoodStanding => "of the members in good standing",
            Base::Quorum => "of the quorum",
        })
    }
}

/// A majority: a threshold over a base.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Majority {
    /// At least / more than which share.
    pub threshold: Threshold,
    /// Counted against what.
    pub base: Base,
    /// Who the base leaves out (`excluding = "subject"`), if anyone.
    pub excluding: Option<Excluded>,
}

impl fmt::Display for Majority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.threshold, self.base)?;
        match self.excluding {
            Some(Excluded::Subject) => f.write_str(", excluding the person it concerns"),
            None => Ok(()),
        }
    }
}

/// Who a majority's base leaves out: "a majority of the Members, excluding the
/// director subject to the removal vote" (the recusal of an interested person).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Excluded {
    /// The person the decision is about: a motion's `subjects`; for a disciplinary
    /// act, the person it is done to. Left out of the base where the base counts them.
    Subject,
}

/// A calendar period: `5 years`, `6 months`, `30 days`.
///
/// Periods are calendar arithmetic (a month after 31 January is the end of
/// February), done by `jiff`.
#[derive(Clone, Copy, Debug)]
pub struct Period(jiff::Span);

impl Period {
    /// The day one period after `day`.
    pub fn after(self, day: Day) -> Day {
        day.saturating_add(self.0)
    }

    /// The day one period before `day`.
    pub fn before(self, day: Day) -> Day {
        day.saturating_sub(self.0)
    }
}

impl PartialEq for Period {
    fn eq(&self, other: &Period) -> bool {
        self.0.fieldwise() == other.0.fieldwise()
    }
}

impl Eq for Period {}

impl FromStr for Period {
    type Err = String;

    fn from_str(text: &str) -> Result<Period, String> {
        let expected = || {
            format!("expected a period such as `5 years`, `6 months` or `30 days`, found `{text}`")
        };
        let span: jiff::Span = text.trim().parse().map_err(|_| expected())?;
        let has_time = span.get_hours() != 0
            || span.get_minutes() != 0
            || span.get_seconds() != 0
            || span.get_milliseconds() != 0
            || span.get_microseconds() != 0
            || span.get_nanoseconds() != 0;
        if has_time {
            return Err(format!(
                "`{text}` has a time of day; use years, months, weeks or days"
            ));
        }
        if span.is_negative() || span.is_zero() {
            return Err(format!("`{text}` must be longer than zero"));
        }
        Ok(Period(span))
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0;
        let mut parts = Vec::new();
        for (n, one, many) in [
            (i64::from(s.get_years()), "year", "years"),
            (i64::from(s.get_months()), "month", "months"),
            (i64::from(s.get_weeks()), "week", "weeks"),
            (i64::from(s.get_days()), "day", "days"),
        ] {
            if n != 0 {
                parts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        f.write_str(&parts.join(" "))
    }
}

macro_rules! serde_via_str {
    ($ty:ty) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

serde_via_str!(Share);
serde_via_str!(Period);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_parse_and_refuse_over_100_percent() {
        assert_eq!("2/3".parse::<Share>().unwrap().to_string(), "2/3");
        assert_eq!("50%".parse::<Share>().unwrap().to_string(), "50%");
        assert_eq!("1".parse::<Share>().unwrap().to_string(), "1");
        assert_eq!("120%".parse::<Share>().unwrap_err(), "`120%` is over 100%");
        assert_eq!("3/2".parse::<Share>().unwrap_err(), "`3/2` is over 100%");
        assert!("1/0".parse::<Share>().is_err());
        assert!("half".parse::<Share>().is_err());
    }

    #[test]
    fn thresholds_at_the_boundary() {
        let half: Share = "1/2".parse().unwrap();
        let two_thirds: Share = "2/3".parse().unwrap();
        assert!(!Threshold::MoreThan(half).is_met(50, 100));
        assert!(Threshold::MoreThan(half).is_met(51, 100));
        assert!(Threshold::AtLeast(half).is_met(50, 100));
        assert!(Threshold::AtLeast(two_thirds).is_met(2, 3));
        assert!(!Threshold::AtLeast(two_thirds).is_met(199, 300));
        assert!(!Threshold::AtLeast(half).is_met(0, 0));
        assert_eq!(Threshold::MoreThan(half).minimum(100), 51);
        assert_eq!(Threshold::MoreThan(half).minimum(101), 51);
        assert_eq!(Threshold::AtLeast(two_thirds).minimum(160), 107);
        assert_eq!(Threshold::AtLeast(half).minimum(160), 80);
    }

    #[test]
    fn periods_are_calendar_arithmetic() {
        let five_years: Period = "5 years".parse().unwrap();
        let day = Day::new(1980, 10, 10).unwrap();
        assert_eq!(five_years.after(day), Day::new(1985, 10, 10).unwrap());
        let month: Period = "1 month".parse().unwrap();
        assert_eq!(
            month.after(Day::new(1956, 1, 31).unwrap()),
            Day::new(1956, 2, 29).unwrap()
        );
        assert_eq!("6mo".parse::<Period>().unwrap().to_string(), "6 months");
        assert!("2 hours".parse::<Period>().is_err());
        assert!("0 days".parse::<Period>().is_err());
        assert!("soon".parse::<Period>().is_err());
    }
}
