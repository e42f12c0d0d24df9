//! Reading periods: cadences (rolling or calendar), notice, terms and their limits.

use std::ops::Range;

use serde_spanned::Spanned;

use super::super::raw::{ArticleRef, RawEvery, RawLength, RawNotice};
use super::super::{Cadence, Cited, Notice, NoticeLength, Period, Term};
use super::{Reader, Scope};
use crate::source::InputError;

/// A term of a length, or one counted in meetings (at most one of the two).
type Terms = (
    Option<Cited<Term>>,
    Option<Cited<super::super::MeetingTerm>>,
);

impl Reader<'_> {
    pub(super) fn cited_period(
        &self,
        scope: &Scope<'_>,
        raw: &Spanned<String>,
        article: ArticleRef,
    ) -> Result<Cited<Period>, InputError> {
        Ok(Cited {
            rule: self.period(raw)?,
            article: self.article(scope, article)?,
        })
    }

    pub(super) fn cadence(
        &self,
        scope: &Scope<'_>,
        raw: RawEvery,
        whole: Range<usize>,
    ) -> Result<Cited<Cadence>, InputError> {
        let rule = match (raw.every, raw.each) {
            (every, each) if raw.between.is_some() => Cadence::Calendar(self.window(
                every.is_some(),
                each.as_ref(),
                raw.from.as_ref(),
                raw.between.as_ref(),
                whole,
            )?),
            (None, Some(each)) if raw.from.is_some() || each.get_ref().contains(' ') => {
                Cadence::Calendar(self.years(&each, raw.from.as_ref())?)
            }
            (Some(_), None) if raw.from.is_some() => {
                return Err(self.err(
                    raw.from.map_or(whole, |f| f.span()),
                    "`from` gives the phase of a calendar period of several years (`each = \"2 years\"`), not of a rolling one",
                ));
            }
            (Some(every), None) => Cadence::Rolling(self.period(&every)?),
            (None, Some(each)) => Cadence::Calendar(
                each.get_ref()
                    .parse()
                    .map_err(|e: String| self.err(each.span(), e))?,
            ),
            (Some(_), Some(each)) => {
                return Err(self.err(
                    each.span(),
                    "give either `every` (a rolling period) or `each` (a calendar period), not both",
                ));
            }
            (None, None) => {
                return Err(self.err(
                    whole,
                    "`meets` needs `every = \"6 months\"` (rolling) or `each = \"year\"` (calendar)",
                ));
            }
        };
        let rule = match (rule, raw.at_least) {
            (rule, None) => rule,
            (Cadence::Calendar(period), Some(n)) if *n.get_ref() >= 2 => {
                Cadence::Count(period, *n.get_ref())
            }
            (Cadence::Calendar(_), Some(n)) => {
                return Err(self.err(
                    n.span(),
                    "`at_least` counts meetings per period: 2 or more (one is `each` alone)",
                ));
            }
            (_, Some(n)) => {
                return Err(self.err(
                    n.span(),
                    "`at_least` counts meetings per calendar period: write `each = \"year\", at_least = 4`",
                ));
            }
        };
        Ok(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        })
    }

    pub(super) fn notice(
        &self,
        scope: &Scope<'_>,
        raw: RawNotice,
        whole: Range<usize>,
    ) -> Result<Cited<Notice>, InputError> {
        if raw.at_least.is_none() && raw.at_most.is_none() && raw.postponement_article.is_none() {
            return Err(self.err(
                whole,
                "`notice` needs `at_least = \"14 days\"`, `at_most = \"60 days\"`, `postponement_article = \"N\"`, or several",
            ));
        }
        Ok(Cited {
            rule: Notice {
                at_least: raw
                    .at_least
                    .as_ref()
                    .map(|p| self.notice_length(p))
                    .transpose()?,
                at_most: raw
                    .at_most
                    .as_ref()
                    .map(|p| self.notice_length(p))
                    .transpose()?,
                postponement_article: self.article(scope, raw.postponement_article)?,
            },
            article: self.article(scope, raw.article)?,
        })
    }

    /// `term`: a length (`length = "3 years"`), or a count of another organ's
    /// meetings (`meetings = 2, of = "convention"`, optionally of one `category`),
    /// never both; limits and holding over go with a length only.
    pub(super) fn terms(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawLength>>,
    ) -> Result<Terms, InputError> {
        let Some(raw) = raw else {
            return Ok((None, None));
        };
        let whole = raw.span();
        let raw = raw.into_inner();
        let Some(meetings) = raw.meetings.clone() else {
            if let Some(s) = raw.of.as_ref().or(raw.category.as_ref()) {
                return Err(self.err(
                    s.span(),
                    "`term.of` and `term.category` go with `meetings = N`, a term counted in meetings",
                ));
            }
            return Ok((Some(self.term(scope, raw, whole)?), None));
        };
        if let Some(length) = &raw.length {
            return Err(self.err(
                length.span(),
                "give a term either a `length` or a number of `meetings`, not both",
            ));
        }
        if *meetings.get_ref() == 0 {
            return Err(self.err(
                meetings.span(),
                "`term.meetings` needs at least one meeting",
            ));
        }
        if raw.holds_over || raw.max_terms.is_some() || raw.max_consecutive.is_some() {
            return Err(self.err(
                meetings.span(),
                "a term counted in meetings takes no `holds_over`, `max_terms` or `max_consecutive` (not yet)",
            ));
        }
        let Some(of) = &raw.of else {
            return Err(self.err(
                meetings.span(),
                "`term.meetings` counts the meetings of an organ: give `of = \"convention\"`",
            ));
        };
        let category = match &raw.category {
            Some(c) if c.get_ref().trim().is_empty() => {
                return Err(self.err(c.span(), "`term.category` is empty"));
            }
            Some(c) => Some(c.get_ref().clone()),
            None => None,
        };
        Ok((
            None,
            Some(Cited {
                rule: super::super::MeetingTerm {
                    meetings: *meetings.get_ref(),
                    of: self.organ_key(scope, of)?,
                    category,
                },
                article: self.article(scope, raw.article)?,
            }),
        ))
    }

    fn term(
        &self,
        scope: &Scope<'_>,
        raw: RawLength,
        whole: std::ops::Range<usize>,
    ) -> Result<Cited<Term>, InputError> {
        let Some(length) = &raw.length else {
            return Err(self.err(
                whole,
                "a term needs a `length` (\"3 years\") or a number of `meetings`",
            ));
        };
        Ok(Cited {
            rule: Term {
                length: self.period(length)?,
                holds_over: raw.holds_over,
                max_terms: self.at_least_one(raw.max_terms)?,
                max_consecutive: self.at_least_one(raw.max_consecutive)?,
            },
            article: self.article(scope, raw.article)?,
        })
    }

    /// A notice: a period, or hours (`48 hours`).
    fn notice_length(&self, raw: &Spanned<String>) -> Result<NoticeLength, InputError> {
        raw.get_ref()
            .parse()
            .map_err(|e: String| self.err(raw.span(), e))
    }

    pub(super) fn period(&self, raw: &Spanned<String>) -> Result<Period, InputError> {
        raw.get_ref()
            .parse()
            .map_err(|e: String| self.err(raw.span(), e))
    }

    /// A number of terms: at least one, at most [`MAX_COUNT`].
    pub(super) fn at_least_one(&self, n: Option<Spanned<u32>>) -> Result<Option<u32>, InputError> {
        if let Some(n) = &n
            && *n.get_ref() == 0
        {
            return Err(self.err(n.span(), "a limit of terms needs at least one"));
        }
        self.count(n)
    }
}
