//! `alternate-skipped`: a full seat filled between elections (`seat_taken`) on an organ
//! whose alternates succeed in order (`alternates = { succeed = "by-votes" }`) while an
//! alternate ranked before the one who took it (or any alternate, for someone from
//! outside) still held an alternate seat.
//!
//! The order is the election's own: the votes in its `tally` (ties and candidates
//! without votes in the order it lists them), or the order of its `alternates`. Only
//! alternates of the same election are compared. Found by `check`, which reads the
//! organ's seats and the events about their holders: no projection keeps a rank.

use std::cmp::Reverse;
use std::collections::BTreeMap;

use crate::date::{Day, Truth};
use crate::event::kinds::ElectionHeld;
use crate::event::{Event, EventKind, Role};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::{EntityKind, EventId, OrganRef, PersonId};
use crate::phrase::{Phrase, name};
use crate::rows::SeatRow;
use crate::statute::{StatuteBook, Succession};

use super::Facts;

/// The `alternate-skipped` findings about seats taken up to `day`.
pub(super) fn skipped<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let mut organs = std::collections::BTreeSet::new();
    for version in book.judging() {
        for organ in version.organs.iter().filter(|o| o.succession.is_some()) {
            organs.insert(OrganRef::new(version.org.clone(), organ.key.clone()));
        }
    }
    let mut findings = Vec::new();
    let mut events = Events::default();
    for organ in organs {
        let seats = facts.seats_on(&organ, Day::MIN, day)?;
        for full in seats
            .iter()
            .filter(|s| s.role == Role::Full && s.span.start.earliest() <= day)
        {
            if !matches!(
                events
                    .get(facts, &full.person, &full.start_event)?
                    .map(|e| &e.kind),
                Some(EventKind::SeatTaken(_))
            ) {
                continue;
            }
            let Some(version) = book.in_force(&organ.org, full.span.start.earliest()) else {
                continue;
            };
            let Some(rule) = version
                .organ(&organ.key)
                .and_then(|d| d.succession.as_ref())
            else {
                continue;
            };
            let taken = &full.span.start;
            // Alternates other than the one promoted, holding their seat when it was taken.
            let holding: Vec<&SeatRow> = seats
                .iter()
                .filter(|a| {
                    a.role == Role::Alternate
                        && a.person != full.person
                        && a.span.start.before(taken) == Truth::Definitely
                        && a.span
                            .end
                            .as_ref()
                            .is_none_or(|e| taken.before(e) == Truth::Definitely)
                })
                .collect();
            let promoted = seats.iter().find(|a| {
                a.role == Role::Alternate
                    && a.person == full.person
                    && a.end_event.as_ref() == Some(&full.start_event)
            });
            let mut ranked = Vec::new();
            for a in holding {
                if let Some(rank) = events.rank(facts, a, rule.rule)? {
                    ranked.push((rank, a));
                }
            }
            let own = match promoted {
                Some(p) => match events.rank(facts, p, rule.rule)? {
                    Some(rank) => Some(rank),
                    None => continue,
                },
                None => None,
            };
            // The best-ranked alternate ahead of the one who took the seat.
            let ahead = ranked
                .iter()
                .filter(|((election, position), _)| match &own {
                    Some((own_election, own_position)) => {
                        election == own_election && position < own_position
                    }
                    None => true,
                })
                .min_by_key(|((_, position), _)| *position);
            let Some(((election, position), first)) = ahead else {
                continue;
            };
            let who = name(EntityKind::Person, &full.person);
            let skipped = name(EntityKind::Person, &first.person);
            let order = match rule.rule {
                Succession::ByVotes => "by the votes they received",
                Succession::AsListed => "in the order they were elected",
            };
            let message = match &own {
                Some((_, own_position)) => format!(
                    "{who} took a full seat on {} on {taken} ahead of {skipped}, who still held an alternate seat and ranked before them ({} against {}, {order})",
                    name(EntityKind::Organ, &organ),
                    ordinal(*position),
                    ordinal(*own_position),
                ),
                None => format!(
                    "{who} took a full seat on {} on {taken}, though {skipped} still held an alternate seat, ranked {} {order}; the statute gives vacancies to the alternates in order",
                    name(EntityKind::Organ, &organ),
                    ordinal(*position),
                ),
            };
            findings.push(Finding {
                rule: Rule::AlternateSkipped,
                severity: Severity::Violation,
                certainty: Truth::Definitely,
                date: taken.clone(),
                citation: Some(Citation::of(version, rule.article.as_ref())),
                events: vec![full.start_event.clone(), election.clone()],
                message: Phrase::new(message),
            });
        }
    }
    Ok(findings)
}

/// The events about each person read so far.
#[derive(Default)]
struct Events(BTreeMap<PersonId, Vec<Event>>);

impl Events {
    fn of<F: Facts + ?Sized>(
        &mut self,
        facts: &F,
        person: &PersonId,
    ) -> Result<&Vec<Event>, F::Error> {
        if !self.0.contains_key(person) {
            let rows = facts.person_rows(person)?;
            self.0.insert(person.clone(), rows.events);
        }
        Ok(&self.0[person])
    }

    fn get<F: Facts + ?Sized>(
        &mut self,
        facts: &F,
        person: &PersonId,
        id: &EventId,
    ) -> Result<Option<&Event>, F::Error> {
        Ok(self.of(facts, person)?.iter().find(|e| &e.id == id))
    }

    /// An alternate seat's election and place among its alternates (0 first).
    fn rank<F: Facts + ?Sized>(
        &mut self,
        facts: &F,
        seat: &SeatRow,
        order: Succession,
    ) -> Result<Option<(EventId, usize)>, F::Error> {
        let Some(EventKind::ElectionHeld(b)) = self
            .get(facts, &seat.person, &seat.start_event)?
            .map(|e| &e.kind)
        else {
            return Ok(None);
        };
        Ok(position(b, &seat.person, order).map(|p| (seat.start_event.clone(), p)))
    }
}

/// A person's place among an election's alternates, in the statute's order.
fn position(election: &ElectionHeld, person: &PersonId, order: Succession) -> Option<usize> {
    let mut listed: Vec<(usize, &PersonId)> = election.alternates.iter().enumerate().collect();
    if order == Succession::ByVotes {
        let votes = |p: &PersonId| {
            election
                .tally
                .iter()
                .find(|t| &t.person == p)
                .map(|t| t.votes)
        };
        listed.sort_by_key(|(i, p)| (Reverse(votes(p)), *i));
    }
    listed.iter().position(|(_, p)| *p == person)
}

/// 1st, 2nd, 3rd, 4th ... for a place counted from 0.
fn ordinal(position: usize) -> String {
    let n = position + 1;
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}
