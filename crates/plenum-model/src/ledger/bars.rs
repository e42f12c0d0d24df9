//! A bar from office (`member_disciplined` of a penalty whose `effect` is
//! `barred-from-office`): kept on the open membership, in a new row, so that the
//! rules find it when the person is elected or appointed (`rules/checks/bars.rs`).

use crate::event::Event;
use crate::event::kinds::MemberDisciplined;
use crate::history::{History, Stamp};
use crate::rows::{Bar, MembershipEnd};
use crate::statute::{PenaltyEffect, StatuteBook};

/// Adds the bar to the person's open membership of the organization (a membership
/// the record does not give has nowhere to keep it: the bar is then unknown to the
/// rules, as the person's standing is).
pub(super) fn bar_from_office(
    history: &mut History<'_>,
    book: &StatuteBook,
    event: &Event,
    b: &MemberDisciplined,
    at: Stamp<'_>,
) {
    let bars = book
        .in_force(&b.org, event.date.earliest())
        .and_then(|v| v.penalty(&b.penalty))
        .is_some_and(|p| p.effect == Some(PenaltyEffect::BarredFromOffice));
    if !bars {
        return;
    }
    let Some(open) = history.membership(&b.person, &b.org) else {
        return;
    };
    let mut all = open.bars;
    all.push(Bar {
        penalty: b.penalty.clone(),
        event: event.id.clone(),
        since: event.date.clone(),
        until: b.until.clone(),
    });
    history.close_memberships(
        &b.person,
        |m| m.org == b.org,
        MembershipEnd::StatusChanged,
        at,
    );
    history.open_membership(&b.org, &b.person, open.status, open.class, all, at);
}
