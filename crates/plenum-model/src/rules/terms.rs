//! Terms of office: when a seat or post ends because its term has run out, and the
//! rule that needs a date rather than an event, tenures whose term ended with no
//! election renewing them.
//!
//! A term runs from the event that gave the seat or post (a re-election gives a
//! new one) for the length the statute in force on that day sets. At its end the
//! tenure ends, unless the statute says holders `hold_over` until a successor is
//! elected. Where the start is fuzzy, so is the end: a tenure is then only
//! possibly over in between.

use crate::date::{Day, End, FuzzyDate, Point, Qualified, Shape, Truth};
use crate::event::EndCause;
use crate::id::{EntityKind, OrgId, OrganRef, PostRef};
use crate::phrase::{Phrase, name};
use crate::rows::{PostRow, SeatRow, Span};
use crate::statute::{Cited, StatuteBook, Term, Version};

use super::{Citation, Finding, Rule, Severity};

/// What holds a term: a seat on an organ or a post.
#[derive(Clone, Copy, Debug)]
pub enum Office<'a> {
    /// A seat on an organ.
    Organ(&'a OrganRef),
    /// A post.
    Post(&'a PostRef),
}

impl Office<'_> {
    fn org(&self) -> &OrgId {
        match self {
            Office::Organ(o) => &o.org,
            Office::Post(p) => &p.org,
        }
    }
}

/// The term a tenure that began on `start` was given: the statute version in force
/// on its first day, and its term rule.
pub fn term_of<'b>(
    book: &'b StatuteBook,
    office: Office<'_>,
    start: &FuzzyDate,
) -> Option<(&'b Version, &'b Cited<Term>)> {
    let version = book.in_force(office.org(), start.earliest())?;
    let term = match office {
        Office::Organ(o) => version.organ(&o.key)?.term.as_ref()?,
        Office::Post(p) => version.post(&p.key)?.term.as_ref()?,
    };
    Some((version, term))
}

/// The end of a term of `length` begun on `start`: a day, or the days between
/// one term after the earliest and one after the latest day of the start.
pub fn term_end(term: &Term, start: &FuzzyDate) -> FuzzyDate {
    let lo = term.length.after(start.earliest());
    let hi = term.length.after(start.latest());
    if lo == hi {
        return FuzzyDate::day(lo);
    }
    let day = |d: Day| End::Point(Qualified::exact(Point::Day(d)));
    FuzzyDate::from_shape(Shape::Interval(day(lo), day(hi))).unwrap_or_else(|| FuzzyDate::day(hi))
}

/// A tenure's span as the statute's term cuts it: ended at the term's end if the
/// record runs on past it (or leaves it open), unless holders hold over.
/// Whether it cut the span.
fn clip(span: &mut Span, end: FuzzyDate) -> bool {
    let later = span
        .end
        .as_ref()
        .is_none_or(|e| e.earliest() > end.latest());
    if later {
        span.end = Some(end);
    }
    later
}

/// Seats cut at the end of their term (see the module docs).
pub fn clip_seats(book: &StatuteBook, seats: &mut [SeatRow]) {
    for seat in seats {
        if let Some((_, term)) = term_of(book, Office::Organ(&seat.organ), &seat.span.start)
            && !term.rule.holds_over
        {
            let end = term_end(&term.rule, &seat.span.start);
            if clip(&mut seat.span, end) {
                seat.end_cause = Some(EndCause::TermEnded);
            }
        }
    }
}

/// Tenures of posts cut at the end of their term (see the module docs).
pub fn clip_posts(book: &StatuteBook, posts: &mut [PostRow]) {
    for post in posts {
        if let Some((_, term)) = term_of(book, Office::Post(&post.post), &post.span.start)
            && !term.rule.holds_over
        {
            let end = term_end(&term.rule, &post.span.start);
            if clip(&mut post.span, end) {
                post.end_cause = Some(EndCause::TermEnded);
            }
        }
    }
}

/// A tenure the record leaves running on `day` whose term had ended before it.
#[derive(Clone, Debug)]
pub struct Running<'a> {
    /// The seat or post.
    pub office: Office<'a>,
    /// The holder's tenure.
    pub person: &'a crate::id::PersonId,
    /// When it began.
    pub start: &'a FuzzyDate,
    /// The event that gave it.
    pub event: &'a crate::id::EventId,
}

/// Findings for tenures left running on `day` past the end of their term with
/// no election renewing them: `term-expired`. Where holders hold over, a warning
/// (the holder is in office lawfully; the election is due); otherwise a
/// violation (the seat is vacant and no one was elected to it).
pub fn expired(book: &StatuteBook, running: &[Running<'_>], day: Day) -> Vec<Finding> {
    let mut findings = Vec::new();
    for tenure in running {
        let Some((version, term)) = term_of(book, tenure.office, tenure.start) else {
            continue;
        };
        let end = term_end(&term.rule, tenure.start);
        let certainty = if end.latest() < day {
            Truth::Definitely
        } else if end.earliest() < day {
            Truth::Possibly
        } else {
            continue;
        };
        let what = match tenure.office {
            Office::Organ(o) => format!("seat on {}", name(EntityKind::Organ, o)),
            Office::Post(p) => format!("tenure as {}", name(EntityKind::Post, p)),
        };
        let who = name(EntityKind::Person, tenure.person);
        let (severity, then) = if term.rule.holds_over {
            (
                Severity::Warning,
                "they hold over until a successor is elected, and that election is due".to_owned(),
            )
        } else {
            (
                Severity::Violation,
                "the statute ends it there, and no election renewed it: it has been vacant since"
                    .to_owned(),
            )
        };
        findings.push(Finding {
            rule: Rule::TermExpired,
            severity,
            certainty,
            date: FuzzyDate::day(day),
            citation: Some(Citation::of(version, term.article.as_ref())),
            events: vec![tenure.event.clone()],
            message: Phrase::new(format!(
                "the {} term of {who}'s {what}, begun {}, ended {end}; {then}",
                term.rule.length, tenure.start
            )),
        });
    }
    findings
}
