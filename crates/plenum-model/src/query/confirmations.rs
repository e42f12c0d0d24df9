//! `not-confirmed` as of a date: acts the statute makes subject to another organ's
//! confirmation that, on `day`, are past its deadline without one, or whose
//! confirmation was refused while they are still in effect.
//!
//! Read: the seats and posts running on `day` of offices with `confirmed_by`, and the
//! expulsions, suspensions and removals (up to `day`) in organizations with a
//! discipline rule with `confirmed_by` (provisional only when decided by an organ of
//! that rule), and the penalties of the statute's own of a rule with `confirmed_by`
//! (`penalties.rs`); the `act_confirmed` events about each person; the confirming
//! organ's meetings.

use std::collections::BTreeMap;

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::{Event, EventKind};
use crate::finding::{Finding, Rule, Severity};
use crate::id::{EntityKind, EventId, OrgId, OrganRef, PersonId, PostRef};
use crate::phrase::{Phrase, name};
use crate::rows::{HeldRow, MemberStatus, MembershipEnd, MembershipRow};
use crate::rules::procedures::{Done, past_deadline, required};
use crate::statute::{Act, StatuteBook};

use super::Facts;

/// One act that may need confirmation.
pub(super) struct Pending {
    pub(super) done: Done,
    pub(super) org: OrgId,
    pub(super) person: PersonId,
    pub(super) event: EventId,
    pub(super) date: FuzzyDate,
    /// Whether it is still in effect on the day asked about.
    pub(super) in_effect: bool,
}

/// The `not-confirmed` findings on `day`.
pub(super) fn unconfirmed<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let mut pending = offices(facts, book, day)?;
    pending.extend(discipline(facts, book, day)?);
    pending.extend(removals(facts, book, day)?);
    pending.extend(super::penalties::provisional(facts, book, day)?);
    if pending.is_empty() {
        return Ok(Vec::new());
    }
    let today = FuzzyDate::day(day);
    let held = facts.held()?;
    let mut events: BTreeMap<PersonId, Vec<Event>> = BTreeMap::new();
    let mut findings = Vec::new();
    for act in pending {
        if !events.contains_key(&act.person) {
            let rows = facts.person_rows(&act.person)?;
            events.insert(act.person.clone(), rows.events);
        }
        let deciders = match &act.done {
            Done::Discipline(..) | Done::Penalty(_) => {
                Some(deciders(facts, &events[&act.person], &act.event)?)
            }
            Done::Seat(_) | Done::Post(_) => None,
        };
        let Some((confirmation, citation)) = required(
            book,
            &act.org,
            &act.done,
            &act.date,
            deciders.as_deref(),
            None,
        ) else {
            continue;
        };
        let Some(organ) = confirmation.organ(&act.org, book) else {
            continue; // the parent level's organ, where the record gives no parent
        };
        let who = name(EntityKind::Person, &act.person);
        let what = act.done.words(&who);
        let answers: Vec<(&FuzzyDate, bool)> = events[&act.person]
            .iter()
            .filter(|e| e.date.earliest() <= day)
            .filter_map(|e| match &e.kind {
                EventKind::ActConfirmed(b) if b.act == act.event => Some((&e.date, b.rejected)),
                _ => None,
            })
            .collect();
        let message = if let Some((refused, _)) = answers.iter().find(|(_, r)| *r) {
            if !act.in_effect {
                continue;
            }
            format!(
                "{what} ({}) is still in effect, though {} refused to confirm it on {refused}",
                act.date,
                name(EntityKind::Organ, &organ)
            )
        } else if !answers.is_empty() {
            continue;
        } else {
            let organ_held: Vec<HeldRow> =
                held.iter().filter(|h| h.organ == organ).cloned().collect();
            let Some((certainty, deadline)) =
                past_deadline(&confirmation, &act.date, &today, &organ_held)
            else {
                continue;
            };
            if certainty == Truth::No {
                continue;
            }
            findings.push(Finding {
                rule: Rule::NotConfirmed,
                severity: Severity::Violation,
                certainty,
                date: today.clone(),
                citation: Some(citation),
                events: vec![act.event.clone()],
                message: Phrase::new(format!(
                    "{what} ({}) has not been confirmed by {}, which the statute requires {deadline}",
                    act.date,
                    name(EntityKind::Organ, &organ)
                )),
            });
            continue;
        };
        findings.push(Finding {
            rule: Rule::NotConfirmed,
            severity: Severity::Violation,
            certainty: Truth::Definitely,
            date: today.clone(),
            citation: Some(citation),
            events: vec![act.event.clone()],
            message: Phrase::new(message),
        });
    }
    Ok(findings)
}

/// Seats and posts running on `day` of the offices some version makes subject to confirmation.
fn offices<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Pending>, F::Error> {
    let organs = book.organs_where(|o| o.procedure.confirmed_by.is_some());
    let posts = book.posts_where(|p| p.procedure.confirmed_by.is_some());
    let running_on = |span: &crate::rows::Span| {
        span.start.earliest() <= day && span.end.as_ref().is_none_or(|e| e.earliest() > day)
    };
    let mut out = Vec::new();
    for organ in organs {
        for s in facts.seats_on(&organ, day, day)? {
            if running_on(&s.span) {
                out.push(Pending {
                    done: Done::Seat(organ.clone()),
                    org: organ.org.clone(),
                    person: s.person,
                    event: s.start_event,
                    date: s.span.start,
                    in_effect: true,
                });
            }
        }
    }
    for post in posts {
        for p in facts.holders_of(&post, day, day)? {
            if running_on(&p.span) {
                out.push(Pending {
                    done: Done::Post(post.clone()),
                    org: post.org.clone(),
                    person: p.person,
                    event: p.start_event,
                    date: p.span.start,
                    in_effect: true,
                });
            }
        }
    }
    Ok(out)
}

/// Expulsions and suspensions up to `day` in organizations where some version lets
/// an organ take them provisionally.
fn discipline<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Pending>, F::Error> {
    let mut out = Vec::new();
    for org in book.orgs() {
        let provisional = book.versions_of(org).iter().any(|v| {
            v.discipline.iter().any(|d| {
                d.confirmed_by.is_some() && matches!(d.act, Act::Expulsion | Act::Suspension)
            })
        });
        if !provisional {
            continue;
        }
        let mut rows: Vec<MembershipRow> = facts.members_on(org, Day::MIN, day)?;
        rows.sort_by(|a, b| (&a.person, a.start_pos).cmp(&(&b.person, b.start_pos)));
        for (i, m) in rows.iter().enumerate() {
            let later = rows[i + 1..]
                .iter()
                .take_while(|n| n.person == m.person)
                .any(|n| n.span.start.earliest() <= day);
            if m.end_cause == Some(MembershipEnd::Expelled)
                && let (Some(end), Some(event)) = (&m.span.end, &m.end_event)
                && end.earliest() <= day
            {
                out.push(Pending {
                    done: Done::Discipline(Act::Expulsion, None),
                    org: org.clone(),
                    person: m.person.clone(),
                    event: event.clone(),
                    date: end.clone(),
                    in_effect: !later,
                });
            }
            if m.status == MemberStatus::Suspended && m.span.start.earliest() <= day {
                let open = m.span.end.as_ref().is_none_or(|e| e.earliest() > day);
                out.push(Pending {
                    done: Done::Discipline(Act::Suspension, None),
                    org: org.clone(),
                    person: m.person.clone(),
                    event: m.start_event.clone(),
                    date: m.span.start.clone(),
                    in_effect: open,
                });
            }
        }
    }
    Ok(out)
}

/// Removals from seats and posts up to `day` in organizations where some version lets
/// an organ remove provisionally; one per act and person (a purge ends several seats).
fn removals<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Pending>, F::Error> {
    let mut out: Vec<Pending> = Vec::new();
    for org in book.orgs() {
        let versions = book.versions_of(org);
        let provisional = versions.iter().any(|v| {
            v.discipline
                .iter()
                .any(|d| d.confirmed_by.is_some() && d.act == Act::Removal)
        });
        if !provisional {
            continue;
        }
        let mut organs = std::collections::BTreeSet::new();
        let mut posts = std::collections::BTreeSet::new();
        for v in versions {
            organs.extend(v.organs.iter().map(|o| o.key.clone()));
            posts.extend(v.posts.iter().map(|p| p.key.clone()));
        }
        let removed = |cause: Option<crate::event::EndCause>| {
            cause.is_some_and(|c| c.is_removal() && c != crate::event::EndCause::Expelled)
        };
        let mut ended = Vec::new();
        for key in organs {
            let organ = OrganRef::new(org.clone(), key.clone());
            let seats = facts.seats_on(&organ, Day::MIN, day)?;
            for s in &seats {
                if removed(s.end_cause) {
                    let back = seats.iter().any(|t| {
                        t.person == s.person
                            && t.start_pos > s.start_pos
                            && t.span.start.earliest() <= day
                    });
                    ended.push((
                        key.clone(),
                        s.person.clone(),
                        s.end_event.clone(),
                        s.span.end.clone(),
                        !back,
                    ));
                }
            }
        }
        for key in posts {
            let post = PostRef::new(org.clone(), key.clone());
            let tenures = facts.holders_of(&post, Day::MIN, day)?;
            for p in &tenures {
                if removed(p.end_cause) {
                    let back = tenures.iter().any(|t| {
                        t.person == p.person
                            && t.start_pos > p.start_pos
                            && t.span.start.earliest() <= day
                    });
                    ended.push((
                        key.clone(),
                        p.person.clone(),
                        p.end_event.clone(),
                        p.span.end.clone(),
                        !back,
                    ));
                }
            }
        }
        for (from, person, event, end, in_effect) in ended {
            let (Some(event), Some(end)) = (event, end) else {
                continue;
            };
            if end.earliest() > day || out.iter().any(|p| p.event == event && p.person == person) {
                continue;
            }
            out.push(Pending {
                done: Done::Discipline(Act::Removal, Some(from)),
                org: org.clone(),
                person,
                event,
                date: end,
                in_effect,
            });
        }
    }
    Ok(out)
}

/// The organs that decided a disciplinary act, from the decision it cites (none
/// where it cites none: then it is not judged as provisional).
fn deciders<F: Facts + ?Sized>(
    facts: &F,
    events: &[Event],
    act: &EventId,
) -> Result<Vec<OrganRef>, F::Error> {
    let decision = events
        .iter()
        .find(|e| &e.id == act)
        .and_then(|e| match &e.kind {
            EventKind::MemberExpelled(b) => b.decision.clone(),
            EventKind::MemberSuspended(b) => b.decision.clone(),
            EventKind::SeatVacated(b) => b.decision.clone(),
            EventKind::PostVacated(b) => b.decision.clone(),
            EventKind::PersonPurged(b) => b.decision.clone(),
            EventKind::MemberDisciplined(b) => b.decision.clone(),
            _ => None,
        });
    let Some(decision) = decision else {
        return Ok(Vec::new());
    };
    Ok(facts
        .decision(&decision)?
        .and_then(|d| d.organ)
        .into_iter()
        .collect())
}
