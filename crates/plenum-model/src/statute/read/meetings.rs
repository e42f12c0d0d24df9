//! Reading the clauses about meetings beyond notice: a calendar cadence of several
//! years with its phase, a requisition of at least, or more than, a share of the
//! members.

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, MapAccess, Visitor};
use serde_spanned::Spanned;

use super::super::raw::{RawRequisition, RawVoting};
use super::super::{CalendarPeriod, Cited, SecretBallot, Share, Threshold, Voting};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `each = "year", between = ["04-01", "09-30"]`: a meeting in each calendar
    /// year between those days, both included.
    pub(super) fn window(
        &self,
        rolling: bool,
        each: Option<&Spanned<String>>,
        from: Option<&Spanned<i64>>,
        between: Option<&Spanned<Vec<String>>>,
        whole: std::ops::Range<usize>,
    ) -> Result<CalendarPeriod, InputError> {
        let Some(between) = between else {
            return Err(self.err(whole, "expected `between = [\"04-01\", \"09-30\"]`"));
        };
        // A window in each year, or in each of the years due every few years.
        let years = match each {
            Some(e) if !rolling && e.get_ref().trim() == "year" => None,
            Some(e) if !rolling && e.get_ref().contains(' ') => match self.years(e, from)? {
                CalendarPeriod::Years { count, from } => Some((count, from)),
                _ => None,
            },
            _ => {
                return Err(self.err(
                    each.map_or(between.span(), |e| e.span()),
                    "`between` is a window within the calendar year: write `each = \"year\", between = [\"04-01\", \"09-30\"]` (or `each = \"2 years\", from = 2000, between = [...]`)",
                ));
            }
        };
        let day = |text: &str| {
            let (m, d) = text.split_once('-')?;
            let (m, d) = (m.parse::<i8>().ok()?, d.parse::<i8>().ok()?);
            // 2001 is not a leap year: 29 February is refused, as it is missing most years.
            crate::date::Day::new(2001, m, d).map(|_| (m, d))
        };
        let days: Vec<_> = between.get_ref().iter().map(|t| day(t)).collect();
        match days.as_slice() {
            [Some(start), Some(end)] if start <= end => Ok(match years {
                None => CalendarPeriod::Window {
                    start: *start,
                    end: *end,
                },
                Some((count, from)) => CalendarPeriod::YearsWindow {
                    count,
                    from,
                    start: *start,
                    end: *end,
                },
            }),
            _ => Err(self.err(
                between.span(),
                format!(
                    "expected two days of the year, the first not after the second, as `[\"04-01\", \"09-30\"]` (month-day; not 02-29), found {:?}",
                    between.get_ref()
                ),
            )),
        }
    }

    /// `each = "2 years", from = 2000`: a meeting due in 2000, 2002, and so on.
    pub(super) fn years(
        &self,
        each: &Spanned<String>,
        from: Option<&Spanned<i64>>,
    ) -> Result<CalendarPeriod, InputError> {
        let words: Vec<&str> = each.get_ref().split_whitespace().collect();
        let count = match words.as_slice() {
            [n, "years"] => n.parse::<u8>().ok().filter(|n| (2..=100).contains(n)),
            _ => None,
        };
        let Some(count) = count else {
            return Err(self.err(
                each.span(),
                format!(
                    "expected `each = \"year\"` (or `half-year`, `quarter`, `month`), or a number of years from 2 to 100 with `from`: `each = \"2 years\", from = 2000`, found `{}`",
                    each.get_ref()
                ),
            ));
        };
        let Some(from) = from else {
            return Err(self.err(
                each.span(),
                "a calendar period of several years needs its phase, a year in which a meeting is due: `from = 2000`",
            ));
        };
        let year = i16::try_from(*from.get_ref())
            .ok()
            .filter(|y| (1..=9999).contains(y))
            .ok_or_else(|| self.err(from.span(), "`from` is a year, from 1 to 9999"))?;
        Ok(CalendarPeriod::Years { count, from: year })
    }

    /// `requisition = "1/3"` (at least), `{ at_least = "1/3" }` or `{ more_than = "1/2" }`.
    pub(super) fn requisition(
        &self,
        raw: &Spanned<RawRequisition>,
    ) -> Result<Threshold, InputError> {
        let share = |text: &str| text.parse::<Share>().map_err(|e| self.err(raw.span(), e));
        Ok(match raw.get_ref() {
            RawRequisition::AtLeast(s) => Threshold::AtLeast(share(s)?),
            RawRequisition::MoreThan(s) => Threshold::MoreThan(share(s)?),
        })
    }
}

impl Reader<'_> {
    /// An organ's `voting`: the most proxies a member may hold, which polls are secret.
    pub(super) fn voting(
        &self,
        scope: &Scope<'_>,
        v: RawVoting,
        id_span: std::ops::Range<usize>,
    ) -> Result<Cited<Voting>, InputError> {
        let secret = v
            .secret
            .as_ref()
            .map(|w| match w.get_ref().as_str() {
                "always" => Ok(SecretBallot::Always),
                "elections" => Ok(SecretBallot::Elections),
                "never" => Ok(SecretBallot::Never),
                other => Err(self.err(
                    w.span(),
                    format!("secret = `{other}`: expected `always`, `elections` or `never`"),
                )),
            })
            .transpose()?;
        if v.proxies.is_none() && secret.is_none() && v.cumulative.is_none() {
            return Err(self.err(
                id_span,
                "`voting` needs `proxies = N`, `secret = \"always\"|\"elections\"|\"never\"`, `cumulative = false`, or several",
            ));
        }
        Ok(Cited {
            rule: Voting {
                proxies: v.proxies.map(|p| *p.get_ref()),
                secret,
                cumulative: v.cumulative.map(|c| *c.get_ref()),
            },
            article: self.article(scope, v.article)?,
        })
    }
}

const EXPECTED: &str = "a share (`\"1/3\"`), `{ at_least = \"1/3\" }` or `{ more_than = \"1/2\" }`";

impl<'de> Deserialize<'de> for RawRequisition {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RequisitionVisitor)
    }
}

struct RequisitionVisitor;

impl<'de> Visitor<'de> for RequisitionVisitor {
    type Value = RawRequisition;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTED)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawRequisition, E> {
        Ok(RawRequisition::AtLeast(v.to_owned()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawRequisition, A::Error> {
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            let value: String = map.next_value()?;
            let bound = match key.as_str() {
                "at_least" => RawRequisition::AtLeast(value),
                "more_than" => RawRequisition::MoreThan(value),
                other => {
                    return Err(de::Error::unknown_field(other, &["at_least", "more_than"]));
                }
            };
            if found.is_some() {
                return Err(de::Error::custom(
                    "give either `at_least` or `more_than`, not both",
                ));
            }
            found = Some(bound);
        }
        found.ok_or_else(|| de::Error::custom(format!("expected {EXPECTED}")))
    }
}
