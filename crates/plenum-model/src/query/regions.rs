//! Organs with seats by region (`regions = { at_least = N }`, "at least three members
//! ... east of the Mississippi River and at least three ... west"): as of a date, the
//! full seats held on it, each holder's region by the constituency the record last
//! placed them in (`constituency_assigned`), and a region with fewer holders than
//! the statute requires (`seats-under-limit`). It never decides what a region is
//! beyond the statute's list, and never judges an election.

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::Role;
use crate::finding::{Citation, Finding, Rule, Severity};
use crate::id::EntityKind;
use crate::phrase::{Phrase, name};
use crate::statute::StatuteBook;

use super::Facts;

/// The regions short of holders on `day`, for each organ whose version in force
/// sets `regions`. Three-valued: a holder the record places in no region's
/// constituency is of unknown region, so a region they could make up is only
/// possibly short; an organ with no named full seat on the day is not judged.
pub(super) fn short<F: Facts + ?Sized>(
    facts: &F,
    book: &StatuteBook,
    day: Day,
) -> Result<Vec<Finding>, F::Error> {
    let mut findings = Vec::new();
    for organ in book.organs_where(|o| o.regions.is_some()) {
        let Some(version) = book.in_force(&organ.org, day) else {
            continue;
        };
        let (Some(def), Some(constituencies)) =
            (version.organ(&organ.key), version.constituencies.as_ref())
        else {
            continue;
        };
        let Some(clause) = &def.regions else { continue };
        let mut seats = facts.seats_on(&organ, day, day)?;
        crate::rules::terms::clip_seats(book, &mut seats);
        let holders: Vec<_> = seats
            .iter()
            .filter(|s| s.role == Role::Full)
            .filter(|s| {
                s.span.start.earliest() <= day
                    && s.span.end.as_ref().is_none_or(|e| e.earliest() > day)
            })
            .collect();
        if holders.is_empty() {
            continue;
        }
        let row = facts.org_row(&organ.org)?;
        let regions: Vec<_> = holders
            .iter()
            .map(|s| {
                row.as_ref()
                    .and_then(|r| r.constituency_of(&s.person, day))
                    .and_then(|c| constituencies.rule.region_of(&c))
                    .map(|r| r.id.clone())
            })
            .collect();
        let unknown = regions.iter().filter(|r| r.is_none()).count();
        for region in &constituencies.rule.regions {
            let from = regions
                .iter()
                .filter(|r| r.as_ref() == Some(&region.id))
                .count();
            let least = clause.rule.at_least as usize;
            if from >= least {
                continue;
            }
            let certainty = if from + unknown < least {
                Truth::Definitely
            } else {
                Truth::Possibly
            };
            let unplaced = if unknown == 0 {
                String::new()
            } else {
                format!(" ({unknown} of unknown region)")
            };
            findings.push(Finding {
                rule: Rule::SeatsUnderLimit,
                severity: Severity::Violation,
                certainty,
                date: FuzzyDate::day(day),
                citation: Some(Citation::of(version, clause.article.as_ref())),
                events: Vec::new(),
                message: Phrase::new(format!(
                    "{} of the {} members of {} are from {}{unplaced}; the statute requires at least {least} from each region",
                    from,
                    holders.len(),
                    name(EntityKind::Organ, &organ),
                    region.name,
                )),
            });
        }
    }
    Ok(findings)
}
