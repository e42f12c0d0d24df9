//! Penalties of the statute's own (`member_disciplined`) that a discipline rule with
//! `confirmed_by` makes provisional: read, as of a day, for `not-confirmed`
//! (`confirmations.rs` judges them as it judges a provisional expulsion).
//!
//! A penalty leaves no projection row of its own, so the members of each
//! organization whose statute has such a rule are read with their events: only
//! there, and only their `member_disciplined` events up to the day.

use std::collections::BTreeSet;

use crate::date::Day;
use crate::event::EventKind;
use crate::id::PersonId;
use crate::rules::procedures::Done;
use crate::statute::{Act, StatuteBook};

use super::Facts;
use super::confirmations::Pending;

/// The penalties up to `day` that some version's rule with `confirmed_by` names.
pub(super) fn provisional<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Pending>, F::Error> {
    let mut out = Vec::new();
    for org in book.orgs() {
        let ids: BTreeSet<_> = book
            .versions_of(org)
            .iter()
            .flat_map(|v| v.discipline.iter())
            .filter(|d| d.act == Act::Penalty && d.confirmed_by.is_some())
            .filter_map(|d| d.penalty.clone())
            .collect();
        if ids.is_empty() {
            continue;
        }
        let persons: BTreeSet<PersonId> = facts
            .members_on(org, Day::MIN, day)?
            .into_iter()
            .map(|m| m.person)
            .collect();
        for person in persons {
            for event in facts.person_rows(&person)?.events {
                let EventKind::MemberDisciplined(b) = &event.kind else {
                    continue;
                };
                if &b.org != org
                    || b.person != person
                    || !ids.contains(&b.penalty)
                    || event.date.earliest() > day
                {
                    continue;
                }
                out.push(Pending {
                    done: Done::Penalty(b.penalty.clone()),
                    org: org.clone(),
                    person: person.clone(),
                    event: event.id.clone(),
                    date: event.date.clone(),
                    in_effect: b.until.as_ref().is_none_or(|u| u.earliest() > day),
                });
            }
        }
    }
    Ok(out)
}
