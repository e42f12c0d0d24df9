//! Tenures seen at some time within a period (`tenure_observed`): for `person` (the
//! periods) and `at` (holders on a date inside one, never more than "possibly" unless
//! the period and the date are the same day).

use serde::Serialize;

use crate::date::{FuzzyDate, Truth};
use crate::event::{Event, EventKind, Role};
use crate::id::{OrgId, PersonId};
use crate::rows::{EntityKind, Held, OrgChange};

use super::at::Member;
use super::{Facts, Named, named};

/// A post or seat held at some time within a period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ObservedLine {
    /// The post, if a post.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub post: Option<Named>,
    /// The organ, if a seat on an organ.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organ: Option<Named>,
    /// On an organ: `full` or `alternate`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role: Option<Role>,
    /// The period within which it was held, at some time: neither start nor end.
    pub during: String,
    /// The event.
    pub event: String,
}

/// The tenures observed of `person`, among their events, earliest first.
pub(super) fn observed_by<F: Facts + ?Sized>(
    facts: &F,
    events: &[Event],
    person: &PersonId,
) -> Result<Vec<ObservedLine>, F::Error> {
    let mut found: Vec<(&FuzzyDate, &Event)> = events
        .iter()
        .filter(|e| e.kind.subject() == Some(person))
        .filter(|e| matches!(e.kind, EventKind::TenureObserved(_)))
        .map(|e| (&e.date, e))
        .collect();
    found.sort_by(|a, b| (a.0, &a.1.id).cmp(&(b.0, &b.1.id)));
    let mut lines = Vec::new();
    for (date, event) in found {
        let EventKind::TenureObserved(b) = &event.kind else {
            continue;
        };
        lines.push(ObservedLine {
            post: b
                .post
                .as_ref()
                .map(|p| named(facts, EntityKind::Post, &p.to_string()))
                .transpose()?,
            organ: b
                .organ
                .as_ref()
                .map(|o| named(facts, EntityKind::Organ, &o.to_string()))
                .transpose()?,
            role: b.organ.as_ref().map(|_| b.role),
            during: date.to_string(),
            event: event.id.to_string(),
        });
    }
    Ok(lines)
}

/// The persons observed holding `held` in a period that may contain `date`, as `at`
/// members: `certainty` is the overlap of the period with the date (so "possibly",
/// unless both are the same single day), `since` and `until` the period's bounds, and
/// `observed` the period as written. A date outside every period gives none: the record says nothing of
/// those days.
pub(super) fn observed_on<F: Facts + ?Sized>(
    facts: &F,
    org: &OrgId,
    held: &Held,
    date: &FuzzyDate,
) -> Result<Vec<Member>, F::Error> {
    let Some(row) = facts.org_row(org)? else {
        return Ok(Vec::new());
    };
    let mut members = Vec::new();
    for fact in &row.facts {
        let OrgChange::Observed {
            date: period,
            person,
            held: what,
            ..
        } = &fact.change
        else {
            continue;
        };
        let same = match (what, held) {
            (Held::Post(a), Held::Post(b)) => a == b,
            (Held::Seat(a, _), Held::Seat(b, _)) => a == b,
            _ => false,
        };
        let certainty = period.overlaps(date);
        if !same || certainty == Truth::No {
            continue;
        }
        let who = named(facts, EntityKind::Person, person.as_str())?;
        members.push(Member {
            id: who.id,
            name: who.name,
            role: match what {
                Held::Seat(_, role) => Some(*role),
                Held::Post(_) => None,
            },
            faction: None,
            leader: false,
            status: None,
            unit: None,
            certainty,
            since: FuzzyDate::day(period.earliest()).to_string(),
            until: Some(FuzzyDate::day(period.latest()).to_string()),
            observed: Some(period.to_string()),
            nominal: false,
        });
    }
    Ok(members)
}
