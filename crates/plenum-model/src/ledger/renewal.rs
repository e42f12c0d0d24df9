//! When filling an office someone already holds starts a new term: the open tenure
//! closes (`term-ended`) and a new one opens, so that `person` lists one per term and
//! the rules judge each term from its own start.

use crate::event::Role;
use crate::history::{History, Stamp};
use crate::id::{OrganRef, PersonId, PostRef};
use crate::rules::terms::{Office, term_end, term_of};
use crate::statute::StatuteBook;

/// Whether a re-election to `office` renews the holder's term: the statute in force
/// now gives the office a term, or the statute in force when the open tenure began
/// gave it one (whatever the version in force now says).
fn renews(
    book: &StatuteBook,
    office: Office<'_>,
    now: Stamp<'_>,
    open_starts: &[crate::date::FuzzyDate],
) -> bool {
    term_of(book, office, now.date).is_some()
        || counted_in_meetings(book, office, now.date)
        || open_starts
            .iter()
            .any(|start| term_of(book, office, start).is_some())
}

/// Whether the statute in force on `date` gives `office` a term counted in meetings
/// (`term = { meetings, of }`): a re-election at the meeting that ends it renews it.
fn counted_in_meetings(
    book: &StatuteBook,
    office: Office<'_>,
    date: &crate::date::FuzzyDate,
) -> bool {
    let org = match office {
        Office::Organ(o) => &o.org,
        Office::Post(p) => &p.org,
    };
    book.in_force(org, date.earliest())
        .is_some_and(|v| match office {
            Office::Organ(o) => v.organ(&o.key).is_some_and(|d| d.term_meetings.is_some()),
            Office::Post(p) => v.post(&p.key).is_some_and(|d| d.term_meetings.is_some()),
        })
}

/// Whether re-electing `person` to `organ` in `role` starts a new term.
pub(super) fn seat_renews(
    history: &History<'_>,
    book: &StatuteBook,
    person: &PersonId,
    organ: &OrganRef,
    role: Role,
    at: Stamp<'_>,
) -> bool {
    let starts: Vec<_> = history
        .open_seats_of(person)
        .into_iter()
        .filter(|s| &s.organ == organ && s.role == role)
        .map(|s| s.span.start)
        .collect();
    renews(book, Office::Organ(organ), at, &starts)
}

/// Whether re-electing `person` to `post` starts a new term.
pub(super) fn post_renews(
    history: &History<'_>,
    book: &StatuteBook,
    person: &PersonId,
    post: &PostRef,
    at: Stamp<'_>,
) -> bool {
    let starts: Vec<_> = history
        .open_posts_of(person)
        .into_iter()
        .filter(|p| &p.post == post)
        .map(|p| p.span.start)
        .collect();
    renews(book, Office::Post(post), at, &starts)
}

/// Whether `person`'s open seat on `organ` in `role` was given for a term that has
/// ended (at the latest) by the day of `at`: taking it again starts a new one.
pub(super) fn seat_term_ran_out(
    history: &History<'_>,
    book: &StatuteBook,
    person: &PersonId,
    organ: &OrganRef,
    role: Role,
    at: Stamp<'_>,
) -> bool {
    history.open_seats_of(person).iter().any(|s| {
        &s.organ == organ
            && s.role == role
            && term_of(book, Office::Organ(organ), &s.span.start).is_some_and(|(_, term)| {
                term_end(&term.rule, &s.span.start).latest() <= at.date.earliest()
            })
    })
}
