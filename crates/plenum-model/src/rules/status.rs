//! Membership statuses with a time limit: a candidacy longer than the statute's
//! probation (`[version.membership] probation`), a suspension longer than the
//! longest a suspension rule allows (`longest`). Judged when the status ends
//! (the promotion or reinstatement came late) and, as of a date, while it lasts.
//!
//! The limit is the one of the statute version in force when the status began.
//! A candidacy extended (`candidacy_extended`) continues in a new row that the
//! extension opens; it is judged from the start of the first, against the probation
//! and the statute's `extension` together.

use crate::date::{Day, FuzzyDate, Truth};
use crate::id::{EntityKind, EventId, OrgId, PersonId};
use crate::phrase::{Phrase, name};
use crate::rows::{MemberStatus, MembershipRow};
use crate::statute::{Act, Period, StatuteBook, Version};

use super::{Citation, Finding, Rule, Severity};

/// A time limit: a period, and for an extended candidacy the extension after it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Limit {
    period: Period,
    extension: Option<Period>,
}

impl Limit {
    fn after(self, day: Day) -> Day {
        let end = self.period.after(day);
        self.extension.map_or(end, |e| e.after(end))
    }
}

impl Limit {
    /// The limit in words, with what it limits (`1 year probation`).
    fn words(self, what: &str) -> String {
        match self.extension {
            Some(e) => format!("{} {what} and its extension of {e}", self.period),
            None => format!("{} {what}", self.period),
        }
    }
}

/// The time limit of a status under a version, with the article it cites; an
/// extended candidacy adds the statute's extension, if it allows one.
fn limit_of(
    version: &Version,
    status: MemberStatus,
    extended: bool,
) -> Option<(Limit, Option<&String>)> {
    let plain = |period| Limit {
        period,
        extension: None,
    };
    match status {
        MemberStatus::Candidate => version.probation.as_ref().map(|c| {
            let limit = Limit {
                period: c.rule,
                extension: version.probation_extension.filter(|_| extended),
            };
            (limit, c.article.as_ref())
        }),
        MemberStatus::Suspended => version
            .discipline(Act::Suspension, None)
            .into_iter()
            .find_map(|r| r.longest.map(|l| (plain(l), r.article.as_ref()))),
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
    extended: bool,
    until: &FuzzyDate,
) -> Option<(Truth, Day, Limit, Citation)> {
    let version = book.in_force(org, since.earliest())?;
    let (limit, article) = limit_of(version, status, extended)?;
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

/// Where a status began: for a candidacy continued by extensions, the row it
/// started in (each extension closes a candidate row and opens the next, with the
/// same event); whether it was extended.
/// `rows` are the rows to look in; `lasting_too_long` indexes them instead.
pub(crate) fn began<'r>(
    rows: &'r [MembershipRow],
    row: &'r MembershipRow,
) -> (&'r MembershipRow, bool) {
    began_with(
        |first| {
            rows.iter().find(|r| {
                r.person == first.person
                    && r.org == first.org
                    && r.status == MemberStatus::Candidate
                    && r.end_event.as_ref() == Some(&first.start_event)
            })
        },
        row,
    )
}

/// [`began`], with `before` finding the candidate row a row continues.
fn began_with<'r>(
    before: impl Fn(&MembershipRow) -> Option<&'r MembershipRow>,
    row: &'r MembershipRow,
) -> (&'r MembershipRow, bool) {
    let mut first = row;
    let mut extended = false;
    while first.status == MemberStatus::Candidate
        && let Some(previous) = before(first)
    {
        first = previous;
        extended = true;
    }
    (first, extended)
}

/// The finding for a status that ended late, judged at the event that ended it;
/// `rows` are the person's other rows in the organization (to find where a
/// candidacy began).
pub(crate) fn ended_late(
    book: &StatuteBook,
    rows: &[MembershipRow],
    row: &MembershipRow,
    ended: &FuzzyDate,
) -> Option<(Truth, Citation, Vec<EventId>, String)> {
    let (first, extended) = began(rows, row);
    let (certainty, end, limit, citation) = overrun(
        book,
        &row.org,
        row.status,
        &first.span.start,
        extended,
        ended,
    )?;
    let (was, limit_name) = status_words(row.status);
    Some((
        certainty,
        citation,
        vec![first.start_event.clone()],
        format!(
            "{} was {was} {} from {} until {ended}, beyond the {} the statute allows (it ended {end})",
            name(EntityKind::Person, &row.person),
            name(EntityKind::Org, &row.org),
            first.span.start,
            limit.words(limit_name)
        ),
    ))
}

/// Statuses that, as of `day`, have lasted beyond their limit: candidates not
/// confirmed within the probation, suspensions longer than the longest allowed.
/// `rows` are those open on `day`, and, to judge extended candidacies from their
/// start, the rows before them.
pub fn lasting_too_long(book: &StatuteBook, rows: &[MembershipRow], day: Day) -> Vec<Finding> {
    let today = FuzzyDate::day(day);
    // The candidate rows of the organization by the event that closed them: an
    // extension closes one and opens the next.
    let by_end: std::collections::HashMap<(OrgId, PersonId, EventId), &MembershipRow> = rows
        .iter()
        .filter(|r| r.status == MemberStatus::Candidate)
        .filter_map(|r| {
            let end = r.end_event.clone()?;
            Some(((r.org.clone(), r.person.clone(), end), r))
        })
        .collect();
    let before = |first: &MembershipRow| {
        by_end
            .get(&(
                first.org.clone(),
                first.person.clone(),
                first.start_event.clone(),
            ))
            .copied()
    };
    let mut findings = Vec::new();
    for row in rows {
        if row.span.end.as_ref().is_some_and(|e| e.earliest() <= day) {
            continue;
        }
        let (first, extended) = began_with(before, row);
        let Some((certainty, end, limit, citation)) = overrun(
            book,
            &row.org,
            row.status,
            &first.span.start,
            extended,
            &today,
        ) else {
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
            events: vec![first.start_event.clone()],
            message: Phrase::new(format!(
                "{} has been {is} {} since {}, beyond the {} the statute allows (it ended {end})",
                name(EntityKind::Person, who),
                name(EntityKind::Org, &row.org),
                first.span.start,
                limit.words(limit_name)
            )),
        });
    }
    findings
}
