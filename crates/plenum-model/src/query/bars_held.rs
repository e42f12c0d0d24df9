//! Bars from office against an office already held (`barred-from-office`
//! penalties, kept on the membership rows): as of a day, a holder whose tenure
//! began before a bar that is in force on the day is `ineligible-holder`. An
//! election or appointment while barred is found when it happens
//! (`rules/checks/bars.rs`); this finds the office kept through the bar.

use std::collections::BTreeSet;

use crate::date::{Day, FuzzyDate, Truth};
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::{EntityKind, OrgId, OrganRef, PersonId, PostRef};
use crate::phrase::{Phrase, name};
use crate::rows::{Bar, Span};
use crate::statute::{PenaltyEffect, StatuteBook};

use super::Facts;

fn runs_on(span: &Span, day: Day) -> bool {
    span.start.earliest() <= day && span.end.as_ref().is_none_or(|e| e.earliest() > day)
}

/// Every `ineligible-holder` finding for an office held through a bar, on `day`.
pub(super) fn held_through_bars<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let mut findings = Vec::new();
    for org in book.orgs() {
        let versions = book.versions_of(org);
        let bars = versions.iter().any(|v| {
            v.penalties
                .iter()
                .any(|p| p.effect == Some(PenaltyEffect::BarredFromOffice))
        });
        if !bars {
            continue;
        }
        let organs: BTreeSet<_> = versions
            .iter()
            .flat_map(|v| v.organs.iter().map(|o| o.key.clone()))
            .collect();
        let posts: BTreeSet<_> = versions
            .iter()
            .flat_map(|v| v.posts.iter().map(|p| p.key.clone()))
            .collect();
        // (what, person, tenure span, the event that began it)
        let mut tenures = Vec::new();
        for key in organs {
            let organ = OrganRef::new(org.clone(), key);
            for s in facts.seats_on(&organ, day, day)? {
                if runs_on(&s.span, day) {
                    let what = format!("a seat on {}", name(EntityKind::Organ, &organ));
                    tenures.push((what, s.person, s.span, s.start_event));
                }
            }
        }
        for key in posts {
            let post = PostRef::new(org.clone(), key);
            for p in facts.holders_of(&post, day, day)? {
                if runs_on(&p.span, day) {
                    let what = format!("the post of {}", name(EntityKind::Post, &post));
                    tenures.push((what, p.person, p.span, p.start_event));
                }
            }
        }
        let mut people: std::collections::HashMap<PersonId, Vec<Bar>> = Default::default();
        for (what, person, span, start) in tenures {
            if !people.contains_key(&person) {
                let mut bars: Vec<Bar> = facts
                    .person_rows(&person)?
                    .memberships
                    .into_iter()
                    .filter(|m| &m.org == org)
                    .flat_map(|m| m.bars)
                    .collect();
                bars.sort_by(|a, b| a.event.cmp(&b.event));
                bars.dedup_by(|a, b| a.event == b.event);
                people.insert(person.clone(), bars);
            }
            for bar in &people[&person] {
                // Begun on or after the bar's day: judged at the election.
                if span.start.earliest() >= bar.since.earliest() {
                    continue;
                }
                let Some((certainty, ends)) = in_force(book, org, bar, day) else {
                    continue;
                };
                let imposed = book.in_force(org, bar.since.earliest());
                let penalty = imposed.and_then(|v| v.penalty(&bar.penalty));
                let penalty_name =
                    penalty.map_or_else(|| bar.penalty.to_string(), |p| p.name.clone());
                findings.push(Finding {
                    rule: Rule::IneligibleHolder,
                    severity: Severity::Violation,
                    certainty,
                    date: FuzzyDate::day(day),
                    citation: imposed.map(|v| {
                        Citation::of(v, penalty.and_then(|p| p.article.as_ref()))
                    }),
                    events: vec![bar.event.clone(), start.clone()],
                    message: Phrase::new(format!(
                        "{} still holds {what} (since {}) but has been barred from office by the {penalty_name} of {}{ends}",
                        name(EntityKind::Person, &person),
                        span.start,
                        bar.since
                    )),
                });
            }
        }
    }
    Ok(findings)
}

/// Whether a bar is in force on `day`, and the words for when it ends (as
/// `rules/checks/bars.rs` reads it: its `until`, else the penalty's `longest`,
/// else for good).
fn in_force(book: &StatuteBook, org: &OrgId, bar: &Bar, day: Day) -> Option<(Truth, String)> {
    if day < bar.since.earliest() {
        return None;
    }
    let longest = book
        .in_force(org, bar.since.earliest())
        .and_then(|v| v.penalty(&bar.penalty))
        .and_then(|p| p.longest);
    let (first_free, last_free, words) = match (&bar.until, longest) {
        (Some(until), _) => (until.earliest(), until.latest(), format!(", until {until}")),
        (None, Some(longest)) => (
            longest.after(bar.since.earliest()),
            longest.after(bar.since.latest()),
            format!(", for {longest}"),
        ),
        (None, None) => (Day::MAX, Day::MAX, String::new()),
    };
    let started = if day >= bar.since.latest() {
        Truth::Definitely
    } else {
        Truth::Possibly
    };
    if day < first_free {
        Some((started, words))
    } else if day < last_free {
        Some((Truth::Possibly, words))
    } else {
        None
    }
}
