//! Membership statuses with a time limit: a candidacy longer than the statute's
//! probation (`[version.membership] probation`), a suspension longer than the
//! longest a suspension rule allows (`longest`). Judged when the status ends
//! (the promotion or reinstatement came late) and, as of a date, while it lasts.
//!
//! The limit is the one of the statute version in force when the status began.
//! A candidacy extended (`candidacy_extended`) continues in a new row that the
//! extension opens; it is judged from the start of the first, against the probation
//! and the statute's `extension` together. A candidacy that follows a full
//! membership closed by the same event is a transfer to candidate membership (a
//! penalty whose `effect` is `candidate`): its limit is the penalty's `longest`.

use crate::date::{Day, FuzzyDate, Truth};
use crate::id::{EntityKind, EventId, OrgId, PersonId};
use crate::phrase::{Phrase, name};
use crate::rows::{MemberStatus, MembershipRow};
use crate::statute::{Act, Period, StatuteBook, Version};

use super::{Citation, Finding, Rule, Severity};

/// How a status began, where that changes its limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Origin {
    /// As usual.
    Plain,
    /// A candidacy extended (`candidacy_extended`).
    Extended,
    /// A full member transferred to candidate membership by a penalty.
    Transferred,
}

/// A time limit: a period, and for an extended candidacy the extension after it.
#[derive(Clone, Debug)]
pub(crate) struct Limit {
    period: Period,
    extension: Option<Period>,
    /// What it limits, when not the status's usual limit (a penalty's name).
    what: Option<String>,
}

impl Limit {
    fn after(&self, day: Day) -> Day {
        let end = self.period.after(day);
        self.extension.map_or(end, |e| e.after(end))
    }
}

impl Limit {
    /// The limit in words, with what it limits (`1 year probation`).
    fn words(&self, what: &str) -> String {
        let what = self.what.as_deref().unwrap_or(what);
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
    origin: Origin,
) -> Option<(Limit, Option<&String>)> {
    let plain = |period| Limit {
        period,
        extension: None,
        what: None,
    };
    match status {
        // A transfer lasts at most the longest of the penalty that makes one.
        MemberStatus::Candidate if origin == Origin::Transferred => version
            .penalties
            .iter()
            .filter(|p| p.effect == Some(crate::statute::PenaltyEffect::Candidate))
            .find_map(|p| {
                let limit = Limit {
                    what: Some(p.name.clone()),
                    ..plain(p.longest?)
                };
                Some((limit, p.article.as_ref()))
            }),
        MemberStatus::Candidate => version.probation.as_ref().map(|c| {
            let limit = Limit {
                period: c.rule,
                extension: version
                    .probation_extension
                    .filter(|_| origin == Origin::Extended),
                what: None,
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
    origin: Origin,
    until: &FuzzyDate,
) -> Option<(Truth, Day, Limit, Citation)> {
    let version = book.in_force(org, since.earliest())?;
    let (limit, article) = limit_of(version, status, origin)?;
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
/// same event); whether it was extended, or is a transfer from full membership.
/// `rows` are the rows to look in; `lasting_too_long` indexes them instead.
pub(crate) fn began<'r>(
    rows: &'r [MembershipRow],
    row: &'r MembershipRow,
) -> (&'r MembershipRow, Origin) {
    began_with(
        |first| {
            rows.iter().find(|r| {
                r.person == first.person
                    && r.org == first.org
                    && r.end_event.as_ref() == Some(&first.start_event)
            })
        },
        row,
    )
}

/// [`began`], with `before` finding the row a row follows (closed by the event
/// that opened it).
fn began_with<'r>(
    before: impl Fn(&MembershipRow) -> Option<&'r MembershipRow>,
    row: &'r MembershipRow,
) -> (&'r MembershipRow, Origin) {
    let mut first = row;
    let mut origin = Origin::Plain;
    while let Some(previous) = before(first) {
        // A change of class or a bar from office continues the status in a new
        // row (whatever the status): the status began where the previous row did.
        if previous.status == first.status
            && (previous.class != first.class || previous.bars != first.bars)
        {
            first = previous;
            continue;
        }
        if first.status != MemberStatus::Candidate {
            break;
        }
        match previous.status {
            MemberStatus::Candidate => {
                first = previous;
                origin = Origin::Extended;
            }
            MemberStatus::Full if origin == Origin::Plain => {
                return (first, Origin::Transferred);
            }
            _ => break,
        }
    }
    (first, origin)
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
    let (first, origin) = began(rows, row);
    let (certainty, end, limit, citation) =
        overrun(book, &row.org, row.status, &first.span.start, origin, ended)?;
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
    // The rows of the organization by the event that closed them: an extension
    // closes a candidate row and opens the next, a transfer a full one, a change
    // of class or a bar from office any.
    let by_end: std::collections::HashMap<(OrgId, PersonId, EventId), &MembershipRow> = rows
        .iter()
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
        let (first, origin) = began_with(before, row);
        let Some((certainty, end, limit, citation)) = overrun(
            book,
            &row.org,
            row.status,
            &first.span.start,
            origin,
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
