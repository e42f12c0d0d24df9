//! Membership statuses with a time limit: a candidacy longer than the statute's
//! probation (`[version.membership] probation`), a suspension longer than the
//! longest a suspension rule allows (`longest`). Judged when the status ends
//! (the promotion or reinstatement came late) and, as of a date, while it lasts.
//!
//! The limit is the one of the statute version in force when the status began.

use crate::date::{Day, FuzzyDate, Truth};
use crate::id::{EntityKind, EventId, OrgId, PersonId};
use crate::phrase::{Phrase, name};
use crate::rows::{MemberStatus, MembershipRow};
use crate::statute::{Act, Period, StatuteBook, Version};

use super::{Citation, Finding, Rule, Severity};

/// The time limit of a status under a version, with the article it cites.
fn limit_of(version: &Version, status: MemberStatus) -> Option<(Period, Option<&String>)> {
    match status {
        MemberStatus::Candidate => version
            .probation
            .as_ref()
            .map(|c| (c.rule, c.article.as_ref())),
        MemberStatus::Suspended => version
            .discipline(Act::Suspension, None)
            .into_iter()
            .find_map(|r| r.longest.map(|l| (l, r.article.as_ref()))),
        MemberStatus::Full => None,
    }
}

/// A status past its limit on `day` (or, for a status that ended, on the day it
/// ended): the certainty, the limit's end, and the citation.
pub(crate) fn overrun(
    book: &StatuteBook,
    org: &OrgId,
    status: MemberStatus,
    since: &FuzzyDate,
    until: &FuzzyDate,
) -> Option<(Truth, Day, Period, Citation)> {
    let version = book.in_force(org, since.earliest())?;
    let (limit, article) = limit_of(version, status)?;
    let end = limit.after(since.latest());
    let certainty = if until.earliest() > end {
        Truth::Definitely
    } else if until.latest() > limit.after(since.earliest()) {
        Truth::Possibly
    } else {
        return None;
    };
    Some((certainty, end, limit, Citation::of(version, article)))
}

/// What a status is called in findings.
pub(crate) fn status_words(status: MemberStatus) -> (&'static str, &'static str) {
    match status {
        MemberStatus::Candidate => ("a candidate member of", "probation"),
        MemberStatus::Suspended => ("suspended from", "longest suspension"),
        MemberStatus::Full => ("a full member of", "limit"),
    }
}

/// The finding for a status that ended late, judged at the event that ended it.
pub(crate) fn ended_late(
    book: &StatuteBook,
    row: &MembershipRow,
    ended: &FuzzyDate,
) -> Option<(Truth, Citation, Vec<EventId>, String)> {
    let (certainty, end, limit, citation) =
        overrun(book, &row.org, row.status, &row.span.start, ended)?;
    let (was, limit_name) = status_words(row.status);
    Some((
        certainty,
        citation,
        vec![row.start_event.clone()],
        format!(
            "{} was {was} {} from {} until {ended}, beyond the {limit} {limit_name} the statute allows (it ended {end})",
            name(EntityKind::Person, &row.person),
            name(EntityKind::Org, &row.org),
            row.span.start
        ),
    ))
}

/// Statuses that, as of `day`, have lasted beyond their limit: candidates not
/// confirmed within the probation, suspensions longer than the longest allowed.
pub fn lasting_too_long(book: &StatuteBook, rows: &[MembershipRow], day: Day) -> Vec<Finding> {
    let today = FuzzyDate::day(day);
    let mut findings = Vec::new();
    for row in rows {
        if row.span.end.as_ref().is_some_and(|e| e.earliest() <= day) {
            continue;
        }
        let Some((certainty, end, limit, citation)) =
            overrun(book, &row.org, row.status, &row.span.start, &today)
        else {
            continue;
        };
        let (is, limit_name) = status_words(row.status);
        let who: &PersonId = &row.person;
        findings.push(Finding {
            rule: Rule::StatusTooLong,
            severity: Severity::Violation,
            certainty,
            date: today.clone(),
            citation: Some(citation),
            events: vec![row.start_event.clone()],
            message: Phrase::new(format!(
                "{} has been {is} {} since {}, beyond the {limit} {limit_name} the statute allows (it ended {end})",
                name(EntityKind::Person, who),
                name(EntityKind::Org, &row.org),
                row.span.start
            )),
        });
    }
    findings
}
