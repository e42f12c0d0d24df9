//! Spans: from a start to an optional end, and three-valued questions about them.

use serde::{Deserialize, Serialize};

use crate::date::{Day, FuzzyDate, Truth};

/// From a start to an optional end. A holder holds on a day from its start up
/// to, but not including, its end; a span without an end lasts for ever.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    /// When it began.
    pub start: FuzzyDate,
    /// When it ended; `None` while it lasts.
    pub end: Option<FuzzyDate>,
}

impl Span {
    /// An open span from `start`.
    pub fn from(start: FuzzyDate) -> Span {
        Span { start, end: None }
    }

    /// Whether the span holds on some day of the window `lo..=hi`:
    /// definitely (on some day it certainly held), possibly (on some day it
    /// may have held), or no. For a one-day window this is simply whether it
    /// held that day. A span holds from its start up to, not including, its
    /// end; an open span holds on every day from its start, the last
    /// representable day included.
    pub fn holds(&self, lo: Day, hi: Day) -> Truth {
        let start = &self.start;
        if start.earliest() > hi {
            return Truth::No;
        }
        let first_sure_day = lo.max(start.latest());
        let truth = match &self.end {
            None => {
                if first_sure_day <= hi {
                    Truth::Definitely
                } else {
                    Truth::Possibly
                }
            }
            Some(end) => {
                // Ends no later than it starts, or before the window: empty.
                if end.latest() <= start.earliest() || end.latest() <= lo {
                    return Truth::No;
                }
                if first_sure_day <= hi && first_sure_day < end.earliest() {
                    Truth::Definitely
                } else {
                    Truth::Possibly
                }
            }
        };
        let uncertain =
            start.is_uncertain() || self.end.as_ref().is_some_and(FuzzyDate::is_uncertain);
        if uncertain {
            truth.at_most_possibly()
        } else {
            truth
        }
    }

    /// Whether the span may cover some day of the window `lo..=hi`.
    pub fn may_overlap(&self, lo: Day, hi: Day) -> bool {
        self.lo() <= hi && self.hi() >= lo
    }

    /// The earliest day the span may cover.
    pub fn lo(&self) -> Day {
        self.start.earliest()
    }

    /// The latest day the span may cover (`Day::MAX` while open).
    pub fn hi(&self) -> Day {
        self.end.as_ref().map_or(Day::MAX, FuzzyDate::latest)
    }
}

/// A row that holds over a span of time.
pub trait Dated {
    /// The span.
    fn span(&self) -> &Span;
}

/// The rows that `keep` selects and that may overlap the window `lo..=hi`, cloned:
/// the plain scan that in-memory `Facts` answer with.
pub fn overlapping<'a, T: Dated + Clone + 'a>(
    rows: impl IntoIterator<Item = &'a T>,
    lo: Day,
    hi: Day,
    keep: impl Fn(&T) -> bool,
) -> Vec<T> {
    rows.into_iter()
        .filter(|r| keep(r) && r.span().may_overlap(lo, hi))
        .cloned()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: &str, end: Option<&str>) -> Span {
        Span {
            start: start.parse().unwrap(),
            end: end.map(|e| e.parse().unwrap()),
        }
    }

    fn day(text: &str) -> Day {
        let d: FuzzyDate = text.parse().unwrap();
        d.earliest()
    }

    fn on(s: &Span, text: &str) -> Truth {
        let d: FuzzyDate = text.parse().unwrap();
        s.holds(d.earliest(), d.latest())
    }

    #[test]
    fn spans_hold_three_valued() {
        let s = span("1946-08-30", Some("1956-08-30"));
        assert_eq!(on(&s, "1950-01-01"), Truth::Definitely);
        assert_eq!(on(&s, "1946-08-30"), Truth::Definitely);
        assert_eq!(on(&s, "1956-08-30"), Truth::No, "the end day is not held");
        assert_eq!(on(&s, "1946-08-29"), Truth::No);
        let fuzzy = span("1946", Some("[1955,1956]"));
        assert_eq!(on(&fuzzy, "1946-06-01"), Truth::Possibly);
        assert_eq!(on(&fuzzy, "1950-06-01"), Truth::Definitely);
        assert_eq!(on(&fuzzy, "1956-06-01"), Truth::Possibly);
        assert_eq!(on(&fuzzy, "1957-01-01"), Truth::No);
        let open = span("1980-10", None);
        assert_eq!(on(&open, "2001-01-01"), Truth::Definitely);
        let uncertain = span("1998?", None);
        assert_eq!(on(&uncertain, "2000-01-01"), Truth::Possibly);
        // A window: held on some day of it.
        assert_eq!(on(&s, "1956"), Truth::Definitely, "held until August 1956");
        let counted = span("1992-09", None);
        assert_eq!(on(&counted, "1992-09"), Truth::Definitely);
        assert_eq!(on(&counted, "1992-08"), Truth::No);
        let expelled = span("1946-08-30", Some("1956-09"));
        assert_eq!(
            on(&expelled, "1956-09"),
            Truth::Possibly,
            "may have left on the 1st"
        );
        assert_eq!(on(&expelled, "1956-10"), Truth::No);
    }

    #[test]
    fn an_open_span_holds_on_the_last_day_there_is() {
        // Regression: open spans ended at `Day::MAX`, exclusive, so nobody held
        // anything on 9999-12-31.
        let open = span("1980-10", None);
        assert_eq!(on(&open, "9999-12-31"), Truth::Definitely);
        assert_eq!(on(&open, "9999"), Truth::Definitely);
        let closed = span("1980-10", Some("9999-12-31"));
        assert_eq!(on(&closed, "9999-12-31"), Truth::No);
        assert_eq!(on(&closed, "9999-12-30"), Truth::Definitely);
        assert!(open.may_overlap(day("9999-12-31"), day("9999-12-31")));
    }
}
