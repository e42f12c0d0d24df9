//! What unnamed changes of standing, groups naming nobody, observed tenures and
//! co-options do: each is kept as a fact on the organization's row (for `lineage`,
//! `at` and the rules) and opens or closes no seat, post or membership. So are
//! charges, their service and hearings, and the articles a carried decision sets
//! aside, for the rules.

use crate::event::kinds::{Befallen, SeatTaken, TakeCause, TenureObserved};
use crate::event::{Event, EventKind};
use crate::history::History;
use crate::id::{OrgId, Pos};
use crate::rows::{Held, OrgChange};

/// Keeps on `org`'s row what the event befell: its named person and its others.
pub(super) fn befell(history: &mut History<'_>, event: &Event, org: &OrgId, pos: Pos) {
    use EventKind as K;
    let (what, person): (Befallen, _) = match &event.kind {
        K::MemberExpelled(b) => (Befallen::Expelled, Some(b.person.clone())),
        K::PersonPurged(b) => (Befallen::Purged, Some(b.person.clone())),
        K::PositionChanged(b) => (b.change.into(), b.person.clone()),
        K::GroupAffected(b) => {
            let change = OrgChange::Befell {
                date: event.date.clone(),
                what: b.act.into(),
                person: None,
                others: Some(b.group.clone()),
                event: event.id.clone(),
            };
            history.org_fact(org, change, pos);
            return;
        }
        _ => return,
    };
    let change = OrgChange::Befell {
        date: event.date.clone(),
        what,
        person,
        others: event.kind.others().cloned(),
        event: event.id.clone(),
    };
    history.org_fact(org, change, pos);
}

/// Keeps a tenure seen within a period on the row of the post's or organ's organization.
pub(super) fn observed(history: &mut History<'_>, event: &Event, b: &TenureObserved, pos: Pos) {
    let (org, held) = match (&b.post, &b.organ) {
        (Some(post), _) => (post.org.clone(), Held::Post(post.clone())),
        (None, Some(organ)) => (organ.org.clone(), Held::Seat(organ.clone(), b.role)),
        // Refused by the registry: an observation names a post or an organ.
        (None, None) => return,
    };
    let change = OrgChange::Observed {
        date: event.date.clone(),
        person: b.person.clone(),
        held,
        event: event.id.clone(),
    };
    history.org_fact(&org, change, pos);
}

/// Keeps charges (`charges_filed`), their service (`charges_served`), hearings
/// (`person_heard`) and procedural steps (`step_taken`) on the organization's row,
/// where the rules find them.
pub(super) fn procedure(history: &mut History<'_>, event: &Event, pos: Pos) {
    use EventKind as K;
    let (org, change) = match &event.kind {
        K::ChargesFiled(b) => (
            &b.org,
            OrgChange::Charged {
                date: event.date.clone(),
                person: b.person.clone(),
                event: event.id.clone(),
                arises_in: b.arises_in.clone(),
            },
        ),
        K::ChargesServed(b) => (
            &b.org,
            OrgChange::Served {
                date: event.date.clone(),
                charges: b.charges.clone(),
                event: event.id.clone(),
            },
        ),
        K::StepTaken(b) => (
            &b.org,
            OrgChange::Stepped {
                date: event.date.clone(),
                person: b.person.clone(),
                step: b.step.clone(),
                by: b.by.clone(),
                event: event.id.clone(),
            },
        ),
        K::PersonHeard(b) => (
            &b.org,
            OrgChange::Heard {
                date: event.date.clone(),
                person: b.person.clone(),
                by: b.by.clone(),
                event: event.id.clone(),
            },
        ),
        _ => return,
    };
    history.org_fact(org, change, pos);
}

/// Keeps on the deciding organ's organization the articles a carried decision sets
/// aside (`motion_decided`'s `suspends`), from its day to `suspends_until`.
pub(super) fn set_aside(
    history: &mut History<'_>,
    event: &Event,
    b: &crate::event::kinds::MotionDecided,
    organ: &crate::id::OrganRef,
    pos: Pos,
) {
    if b.suspends.is_empty() || b.outcome != crate::event::kinds::Outcome::Carried {
        return;
    }
    history.org_fact(
        &organ.org,
        OrgChange::Suspended {
            date: event.date.clone(),
            organ: organ.clone(),
            articles: b.suspends.clone(),
            until: b.suspends_until.clone(),
            event: event.id.clone(),
        },
        pos,
    );
}

/// Keeps a co-option (`seat_taken` with `cause = "co-opted"`) on the row of the organ's
/// organization, for `co_option.until`.
pub(super) fn co_opted(history: &mut History<'_>, event: &Event, b: &SeatTaken, pos: Pos) {
    if b.cause != Some(TakeCause::CoOpted) {
        return;
    }
    let change = OrgChange::CoOpted {
        date: event.date.clone(),
        person: b.person.clone(),
        organ: b.organ.clone(),
        event: event.id.clone(),
    };
    history.org_fact(&b.organ.org, change, pos);
}
