//! `seats-over-limit` for the seats an organ's vacancies organ fills between two
//! elections (`between_elections = { at_most = "1/5" }`): "The number of Central
//! Committee members and alternate members to be replaced or newly elected shall not
//! exceed one fifth of the respective totals of full and alternate members elected
//! to the Central Committee by the National Congress".
//!
//! Each seat on the organ is read with the event that gave it: an `election_held`
//! that replaces the whole organ starts a count (its `elected` and `alternates` are
//! the totals); a `seat_taken` whose `by` is the organ for vacancies
//! (`elected_by.vacancies`), or an `election_held` that does not replace the organ,
//! by that organ (its `by`, or its meeting's organ), is one filling, counted by role
//! against the last such election before it. A filling that takes the count past
//! the share of its role's total is found, on its day. Found by `check`, which reads
//! the organ's seats and the events about their holders: no projection keeps the
//! count. Fillings before any recorded election, alternates promoted, and seats given
//! by other events are not counted.

use std::collections::BTreeMap;

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::{Event, EventKind, Role};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::{EntityKind, EventId, MeetingId, OrganRef, PersonId};
use crate::phrase::{Phrase, name};
use crate::statute::StatuteBook;

use super::Facts;

/// What gave a seat on the organ, as far as this rule counts.
enum Gave {
    /// An election of the whole organ, with the numbers it elected (full, alternate).
    Election(FuzzyDate, [usize; 2]),
    /// A filling by another organ (which: checked against the statute later).
    Filling(Option<OrganRef>),
}

/// The `seats-over-limit` findings about seats filled between elections, up to `day`.
pub(super) fn exceeded<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let organs = book.organs_where(|o| o.between_elections.is_some());
    let mut findings = Vec::new();
    let mut events = Events::default();
    let mut meetings: Option<BTreeMap<MeetingId, OrganRef>> = None;
    for organ in organs {
        let mut seats = facts.seats_on(&organ, Day::MIN, day)?;
        seats.retain(|s| s.span.start.earliest() <= day);
        seats.sort_by(|a, b| (a.start_pos, &a.key).cmp(&(b.start_pos, &b.key)));
        // The elections of the whole organ, by the event that gave their seats.
        let mut elections: BTreeMap<EventId, (FuzzyDate, [usize; 2])> = BTreeMap::new();
        let mut fillings = Vec::new();
        for seat in &seats {
            let gave = match events.get(facts, &seat.person, &seat.start_event)? {
                Some(Event {
                    kind: EventKind::ElectionHeld(b),
                    date,
                    ..
                }) if b.organ.as_ref() == Some(&organ) => {
                    if b.replaces {
                        Gave::Election(date.clone(), [b.elected.len(), b.alternates.len()])
                    } else {
                        let by = match (&b.by, &b.meeting) {
                            (Some(by), _) => Some(by.clone()),
                            (None, Some(m)) => meeting_organ(facts, &mut meetings, m)?,
                            (None, None) => None,
                        };
                        Gave::Filling(by)
                    }
                }
                Some(Event {
                    kind: EventKind::SeatTaken(b),
                    ..
                }) if b.organ == organ => Gave::Filling(b.by.clone()),
                _ => continue,
            };
            match gave {
                Gave::Election(date, totals) => {
                    elections.insert(seat.start_event.clone(), (date, totals));
                }
                Gave::Filling(by) => fillings.push((seat, by)),
            }
        }
        // Each filling, in date order, against the last election before it.
        let mut counted: BTreeMap<(EventId, usize), u64> = BTreeMap::new();
        for (seat, by) in fillings {
            let taken = seat.span.start.earliest();
            let Some(version) = book.in_force(&organ.org, taken) else {
                continue;
            };
            let Some(def) = version.organ(&organ.key) else {
                continue;
            };
            let (Some(clause), Some(filler)) = (&def.between_elections, &def.vacancies_by) else {
                continue;
            };
            let filler = OrganRef::new(organ.org.clone(), filler.clone());
            if by.as_ref() != Some(&filler) {
                continue;
            }
            let last = elections
                .iter()
                .filter(|(_, (date, _))| date.earliest() <= taken)
                .max_by_key(|(id, (date, _))| (date.earliest(), (*id).clone()));
            let Some((election, (date, totals))) = last else {
                continue;
            };
            let role = usize::from(seat.role == Role::Alternate);
            let count = counted.entry((election.clone(), role)).or_default();
            *count += 1;
            let total = totals[role] as u64;
            if clause.rule.at_most.compare(*count, total) != std::cmp::Ordering::Greater {
                continue;
            }
            let (members, one) = if role == 0 {
                ("members", "member")
            } else {
                ("alternate members", "alternate member")
            };
            findings.push(Finding {
                rule: Rule::SeatsOverLimit,
                severity: Severity::Violation,
                certainty: Truth::Definitely,
                date: seat.span.start.clone(),
                citation: Some(Citation::of(version, clause.article.as_ref())),
                events: vec![seat.start_event.clone(), election.clone()],
                message: Phrase::new(format!(
                    "{} became {one} of {} on {} by {}, the {} {members} replaced or added since the election of {date}; the statute allows at most {} of the {total} {members} that election filled",
                    name(EntityKind::Person, &seat.person),
                    name(EntityKind::Organ, &organ),
                    seat.span.start,
                    name(EntityKind::Organ, &filler),
                    ordinal(*count),
                    clause.rule.at_most,
                )),
            });
        }
    }
    Ok(findings)
}

/// The organ of a meeting, from the meetings held (read once, when first needed).
fn meeting_organ<F: Facts + ?Sized>(
    facts: &F,
    meetings: &mut Option<BTreeMap<MeetingId, OrganRef>>,
    meeting: &MeetingId,
) -> Result<Option<OrganRef>, F::Error> {
    if meetings.is_none() {
        let held = facts.held()?;
        *meetings = Some(held.into_iter().map(|h| (h.meeting, h.organ)).collect());
    }
    Ok(meetings.as_ref().and_then(|m| m.get(meeting).cloned()))
}

/// The events about each person read so far.
#[derive(Default)]
struct Events(BTreeMap<PersonId, Vec<Event>>);

impl Events {
    fn get<F: Facts + ?Sized>(
        &mut self,
        facts: &F,
        person: &PersonId,
        id: &EventId,
    ) -> Result<Option<&Event>, F::Error> {
        if !self.0.contains_key(person) {
            let rows = facts.person_rows(person)?;
            self.0.insert(person.clone(), rows.events);
        }
        Ok(self.0[person].iter().find(|e| &e.id == id))
    }
}

/// 1st, 2nd, 3rd, 4th ...
fn ordinal(n: u64) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
