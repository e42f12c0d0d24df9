//! Fuzzy historical dates (a subset of EDTF, ISO 8601-2) and three-valued time.
//!
//! Every [`FuzzyDate`] denotes one unknown day somewhere between its
//! [`earliest`](FuzzyDate::earliest) and [`latest`](FuzzyDate::latest) day.
//! The accepted forms:
//!
//! | form | meaning | earliest .. latest |
//! | --- | --- | --- |
//! | `1946` | some day of 1946 | 1946-01-01 .. 1946-12-31 |
//! | `1946-08` | some day of August 1946 | 1946-08-01 .. 1946-08-31 |
//! | `1946-08-30` | that day | 1946-08-30 .. 1946-08-30 |
//! | `1955~` | about 1955: widened by one unit of its precision each side (a week for days) | 1954-01-01 .. 1956-12-31 |
//! | `1955?` | 1955, but the source is unsure | 1955-01-01 .. 1955-12-31, never "definitely" |
//! | `1955%` | both approximate and uncertain | as `1955~`, never "definitely" |
//! | `1946-05/1946-06` | some day between | 1946-05-01 .. 1946-06-30 |
//! | `1946-05/..` | on or after May 1946, open | 1946-05-01 .. 9999-12-31 |
//! | `../1946` | on or before 1946, open | -9999-01-01 .. 1946-12-31 |
//! | `1946-05/` | on or after May 1946, end unknown | 1946-05-01 .. 9999-12-31 |
//! | `[1955,1956]` | one of these | 1955-01-01 .. 1956-12-31 |
//! | `[1955,1957..1958]` | one of these, with a range | 1955-01-01 .. 1958-12-31 |
//!
//! Questions about fuzzy dates answer with a [`Truth`]: definitely, possibly, or no.

mod day;
mod parse;

use std::fmt;

pub use day::Day;
pub use parse::DateParseError;

/// A three-valued answer (Kleene logic): `No < Possibly < Definitely`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Truth {
    /// Certainly false.
    No,
    /// Neither certainly true nor certainly false.
    Possibly,
    /// Certainly true.
    Definitely,
}

impl Truth {
    /// Both hold: the weaker of the two.
    pub fn and(self, other: Truth) -> Truth {
        self.min(other)
    }

    /// Either holds: the stronger of the two.
    pub fn or(self, other: Truth) -> Truth {
        self.max(other)
    }

    /// At most possibly: what an uncertain source can support.
    pub fn at_most_possibly(self) -> Truth {
        self.min(Truth::Possibly)
    }

    /// True unless certainly false.
    pub fn is_possible(self) -> bool {
        self != Truth::No
    }

    /// The lowercase word, as shown to users and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Truth::No => "no",
            Truth::Possibly => "possibly",
            Truth::Definitely => "definitely",
        }
    }
}

impl std::ops::Not for Truth {
    type Output = Truth;

    /// The negation: definitely and no swap, possibly stays.
    fn not(self) -> Truth {
        match self {
            Truth::No => Truth::Definitely,
            Truth::Possibly => Truth::Possibly,
            Truth::Definitely => Truth::No,
        }
    }
}

impl fmt::Display for Truth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How precise a calendar point is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Precision {
    /// A year: `1946`.
    Year,
    /// A month: `1946-08`.
    Month,
    /// A day: `1946-08-30`.
    Day,
}

/// A calendar point at some precision, always a real year, month or day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Point {
    /// A whole year.
    Year(i16),
    /// A whole month of a year.
    Month(i16, i8),
    /// One day.
    Day(Day),
}

impl Point {
    /// The precision.
    pub fn precision(self) -> Precision {
        match self {
            Point::Year(_) => Precision::Year,
            Point::Month(..) => Precision::Month,
            Point::Day(_) => Precision::Day,
        }
    }

    /// The first day the point covers.
    pub fn first_day(self) -> Day {
        match self {
            Point::Year(y) => Day::new(y, 1, 1).unwrap_or(Day::MIN),
            Point::Month(y, m) => Day::new(y, m, 1).unwrap_or(Day::MIN),
            Point::Day(d) => d,
        }
    }

    /// The last day the point covers.
    pub fn last_day(self) -> Day {
        match self {
            Point::Year(y) => Day::new(y, 12, 31).unwrap_or(Day::MAX),
            Point::Month(y, m) => Day::new(y, m, 1)
                .map(|d| Day::from_date(d.date().last_of_month()))
                .unwrap_or(Day::MAX),
            Point::Day(d) => d,
        }
    }
}

/// A point with its EDTF qualifiers: `~` approximate, `?` uncertain, `%` both.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Qualified {
    point: Point,
    approximate: bool,
    uncertain: bool,
}

impl Qualified {
    /// A point with the given qualifiers.
    pub fn new(point: Point, approximate: bool, uncertain: bool) -> Qualified {
        Qualified {
            point,
            approximate,
            uncertain,
        }
    }

    /// An exact, certain point.
    pub fn exact(point: Point) -> Qualified {
        Qualified::new(point, false, false)
    }

    /// The calendar point.
    pub fn point(self) -> Point {
        self.point
    }

    /// Marked `~` or `%`.
    pub fn is_approximate(self) -> bool {
        self.approximate
    }

    /// Marked `?` or `%`.
    pub fn is_uncertain(self) -> bool {
        self.uncertain
    }

    /// The earliest day, widened by one unit of precision if approximate.
    pub fn earliest(self) -> Day {
        let first = self.point.first_day();
        if !self.approximate {
            return first;
        }
        first.saturating_sub(widening(self.point.precision()))
    }

    /// The latest day, widened by one unit of precision if approximate.
    pub fn latest(self) -> Day {
        let last = self.point.last_day();
        if !self.approximate {
            return last;
        }
        last.saturating_add(widening(self.point.precision()))
    }
}

fn widening(precision: Precision) -> jiff::Span {
    match precision {
        Precision::Year => jiff::Span::new().years(1),
        Precision::Month => jiff::Span::new().months(1),
        Precision::Day => jiff::Span::new().days(7),
    }
}

/// One end of an interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum End {
    /// A known point.
    Point(Qualified),
    /// `..`: the interval extends without limit.
    Open,
    /// Empty: the end is not known.
    Unknown,
}

/// A member of a one-of set: a point or a range `a..b`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SetMember {
    /// One point.
    Point(Qualified),
    /// Any day from the start of the first to the end of the second.
    Range(Qualified, Qualified),
}

impl SetMember {
    fn earliest(self) -> Day {
        match self {
            SetMember::Point(q) | SetMember::Range(q, _) => q.earliest(),
        }
    }

    fn latest(self) -> Day {
        match self {
            SetMember::Point(q) | SetMember::Range(_, q) => q.latest(),
        }
    }

    fn is_uncertain(self) -> bool {
        match self {
            SetMember::Point(q) => q.is_uncertain(),
            SetMember::Range(a, b) => a.is_uncertain() || b.is_uncertain(),
        }
    }
}

/// A historical date with its precision and uncertainty; see the module docs.
///
/// Built only by parsing (or from a [`Day`]), so that every value has bounds
/// with `earliest <= latest`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    shape: Shape,
    earliest: Day,
    latest: Day,
    uncertain: bool,
}

/// The written form of a fuzzy date.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Shape {
    /// `1946`, `1946-08~`, `1946-08-30?`.
    Single(Qualified),
    /// `A/B`, `A/..`, `../B`, `A/`.
    Interval(End, End),
    /// `[A,B,C..D]`.
    OneOf(Vec<SetMember>),
}

impl FuzzyDate {
    /// The exact day.
    pub fn day(day: Day) -> FuzzyDate {
        FuzzyDate {
            shape: Shape::Single(Qualified::exact(Point::Day(day))),
            earliest: day,
            latest: day,
            uncertain: false,
        }
    }

    /// Builds a date from its shape; `None` if the bounds are inverted.
    pub fn from_shape(shape: Shape) -> Option<FuzzyDate> {
        let (earliest, latest, uncertain) = match &shape {
            Shape::Single(q) => (q.earliest(), q.latest(), q.is_uncertain()),
            Shape::Interval(start, end) => {
                let (lo, start_uncertain) = match start {
                    End::Point(q) => (q.earliest(), q.is_uncertain()),
                    End::Open | End::Unknown => (Day::MIN, false),
                };
                let (hi, end_uncertain) = match end {
                    End::Point(q) => (q.latest(), q.is_uncertain()),
                    End::Open | End::Unknown => (Day::MAX, false),
                };
                // Both ends open says nothing at all; that is not a date.
                if !matches!(start, End::Point(_)) && !matches!(end, End::Point(_)) {
                    return None;
                }
                (lo, hi, start_uncertain || end_uncertain)
            }
            Shape::OneOf(members) => {
                let lo = members.iter().map(|m| m.earliest()).min()?;
                let hi = members.iter().map(|m| m.latest()).max()?;
                for member in members {
                    if let SetMember::Range(a, b) = member
                        && a.point().first_day() > b.point().last_day()
                    {
                        return None;
                    }
                }
                (lo, hi, members.iter().any(|m| m.is_uncertain()))
            }
        };
        (earliest <= latest).then_some(FuzzyDate {
            shape,
            earliest,
            latest,
            uncertain,
        })
    }

    /// The written form.
    pub fn shape(&self) -> &Shape {
        &self.shape
    }

    /// The earliest day the date may denote.
    pub fn earliest(&self) -> Day {
        self.earliest
    }

    /// The latest day the date may denote.
    pub fn latest(&self) -> Day {
        self.latest
    }

    /// Marked uncertain (`?` or `%`) somewhere: answers about it are at most "possibly".
    pub fn is_uncertain(&self) -> bool {
        self.uncertain
    }

    /// Denotes exactly one known day.
    pub fn is_exact(&self) -> bool {
        self.earliest == self.latest && !self.uncertain
    }

    /// Whether the day this date denotes falls strictly before the day `other` denotes.
    pub fn before(&self, other: &FuzzyDate) -> Truth {
        let truth = if self.latest < other.earliest {
            Truth::Definitely
        } else if self.earliest < other.latest {
            Truth::Possibly
        } else {
            Truth::No
        };
        self.hedge(other, truth)
    }

    /// Whether the day this date denotes falls on or before the day `other` denotes.
    pub fn on_or_before(&self, other: &FuzzyDate) -> Truth {
        let truth = if self.latest <= other.earliest {
            Truth::Definitely
        } else if self.earliest <= other.latest {
            Truth::Possibly
        } else {
            Truth::No
        };
        self.hedge(other, truth)
    }

    /// Whether this date and `other` may denote the same day.
    pub fn overlaps(&self, other: &FuzzyDate) -> Truth {
        let truth = if self.latest < other.earliest || other.latest < self.earliest {
            Truth::No
        } else if self.is_exact() && other.is_exact() {
            Truth::Definitely
        } else {
            Truth::Possibly
        };
        self.hedge(other, truth)
    }

    /// Whether the denoted day falls in the closed window `lo..=hi`.
    pub fn within(&self, lo: Day, hi: Day) -> Truth {
        let truth = if self.latest < lo || self.earliest > hi {
            Truth::No
        } else if self.earliest >= lo && self.latest <= hi {
            Truth::Definitely
        } else {
            Truth::Possibly
        };
        if self.uncertain {
            truth.at_most_possibly()
        } else {
            truth
        }
    }

    // An uncertain source never supports "definitely" nor a hard "no" that
    // rests only on its bounds; it can still support "no" when the bounds
    // cannot meet at all, since uncertainty does not move the bounds.
    fn hedge(&self, other: &FuzzyDate, truth: Truth) -> Truth {
        if (self.uncertain || other.uncertain) && truth == Truth::Definitely {
            Truth::Possibly
        } else {
            truth
        }
    }
}

impl From<Day> for FuzzyDate {
    fn from(day: Day) -> FuzzyDate {
        FuzzyDate::day(day)
    }
}

impl PartialOrd for FuzzyDate {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for FuzzyDate {
    /// A total order for sorting histories: by earliest day, then latest day,
    /// then written form. Use [`FuzzyDate::before`] for historical questions.
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.earliest, self.latest)
            .cmp(&(other.earliest, other.latest))
            .then_with(|| self.to_string().cmp(&other.to_string()))
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Point::Year(y) => write_year(f, y),
            Point::Month(y, m) => {
                write_year(f, y)?;
                write!(f, "-{m:02}")
            }
            Point::Day(d) => write!(f, "{d}"),
        }
    }
}

fn write_year(f: &mut fmt::Formatter<'_>, year: i16) -> fmt::Result {
    if year < 0 {
        write!(f, "-{:04}", -year)
    } else {
        write!(f, "{year:04}")
    }
}

impl fmt::Display for Qualified {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.point)?;
        match (self.approximate, self.uncertain) {
            (true, true) => f.write_str("%"),
            (true, false) => f.write_str("~"),
            (false, true) => f.write_str("?"),
            (false, false) => Ok(()),
        }
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.shape {
            Shape::Single(q) => write!(f, "{q}"),
            Shape::Interval(start, end) => {
                for (i, e) in [start, end].into_iter().enumerate() {
                    if i == 1 {
                        f.write_str("/")?;
                    }
                    match e {
                        End::Point(q) => write!(f, "{q}")?,
                        End::Open => f.write_str("..")?,
                        End::Unknown => {}
                    }
                }
                Ok(())
            }
            Shape::OneOf(members) => {
                f.write_str("[")?;
                for (i, m) in members.iter().enumerate() {
                    if i > 0 {
                        f.write_str(",")?;
                    }
                    match m {
                        SetMember::Point(q) => write!(f, "{q}")?,
                        SetMember::Range(a, b) => write!(f, "{a}..{b}")?,
                    }
                }
                f.write_str("]")
            }
        }
    }
}

impl serde::Serialize for FuzzyDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for FuzzyDate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FuzzyDateVisitor)
    }
}

struct FuzzyDateVisitor;

impl<'de> serde::de::Visitor<'de> for FuzzyDateVisitor {
    type Value = FuzzyDate;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an EDTF date such as \"1946-08-30\", \"1955~\", \"1946-05/1946-06\" or \"[1955,1956]\"")
    }

    fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<FuzzyDate, E> {
        text.parse().map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, year: i64) -> Result<FuzzyDate, E> {
        // A bare TOML integer such as `date = 1946` is a year.
        self.visit_str(&year.to_string())
    }

    fn visit_u64<E: serde::de::Error>(self, year: u64) -> Result<FuzzyDate, E> {
        self.visit_str(&year.to_string())
    }

    // TOML's native dates (`date = 1946-08-30`, unquoted) arrive as a
    // one-entry map holding the date's text; accept them like strings.
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<FuzzyDate, A::Error> {
        let Some((_key, text)) = map.next_entry::<String, String>()? else {
            return Err(serde::de::Error::custom(
                "expected a date, found an empty table",
            ));
        };
        if text.contains('T') || text.contains(':') {
            return Err(serde::de::Error::custom(format!(
                "expected a date without a time of day, found `{text}`"
            )));
        }
        self.visit_str(&text)
    }
}

#[cfg(test)]
mod tests;
