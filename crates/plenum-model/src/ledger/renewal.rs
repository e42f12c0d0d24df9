//! When filling an office someone already holds starts a new term: the open tenure
//! closes (`term-ended`) and a new one opens, so that `person` lists one per term and
//! the rules judge each term from its own start.

use crate::event::{EndCause, Role};
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
fn seat_renews(
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

/// An election to `organ` (`election_held`): unless it leaves the other seats
/// (`replaces = false`), every seat not renewed ends (`term-ended`; an election by one
/// constituency's delegates renews only that constituency's holders) and the counted
/// seats end; the elected take their seats, a re-elected holder a new one where the
/// office has a term (`seat_renews`). `day` is the election's earliest day.
pub(super) fn elect_to_organ(
    history: &mut History<'_>,
    book: &StatuteBook,
    organ: &OrganRef,
    b: &crate::event::kinds::ElectionHeld,
    day: crate::date::Day,
    at: Stamp<'_>,
) {
    let elected: Vec<(PersonId, Role)> = b
        .elected
        .iter()
        .map(|p| (p.clone(), Role::Full))
        .chain(b.alternates.iter().map(|p| (p.clone(), Role::Alternate)))
        .collect();
    if b.replaces {
        let chosen: std::collections::HashSet<&(PersonId, Role)> = elected.iter().collect();
        // An election by one constituency's delegates renews only the
        // seats of that constituency's holders.
        for (person, role) in history.seated_on(organ) {
            let renewed = b.constituency.as_ref().is_none_or(|c| {
                history.constituency_of(&organ.org, &person, day).as_ref() == Some(c)
            });
            if renewed && !chosen.contains(&(person.clone(), role)) {
                history.close_seats(&person, |s| &s.organ == organ, EndCause::TermEnded, at);
            }
        }
        history.end_counts(organ, at);
    }
    // Under a statute with terms, re-election starts a new term: the
    // seat of the term that ends closes and a new one opens. So does a
    // re-election of a seat given for a term under an earlier version,
    // whatever the version in force now says of terms.
    for (person, role) in elected {
        let nominal = b.nominal.contains(&person);
        if !history.holds_seat(&person, organ, Some(role)) {
            history.close_seats(&person, |s| &s.organ == organ, EndCause::Promoted, at);
            history.open_seat(organ, &person, role, nominal, at);
        } else if seat_renews(history, book, &person, organ, role, at)
                // A person named twice in one election renews once.
                && history.close_seats(
                    &person,
                    |s| &s.organ == organ && s.role == role && s.start_event != *at.event,
                    EndCause::TermEnded,
                    at,
                ) > 0
        {
            history.open_seat(organ, &person, role, nominal, at);
        }
    }
}
