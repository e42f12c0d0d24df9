//! A meeting held off its cadence with the approval the statute asks
//! (`off_schedule = { approved_by = "parent:committee" }` on an organ: "In
//! exceptional circumstances, and with the approval of the Party committee at the
//! next level up, a local Party congress may be brought forward or postponed"): a
//! `meeting_held` citing (`approval`) a carried decision of that organ, taken no
//! later than the meeting, is not `meeting-late`; one citing another organ's, a
//! defeated or a later one (not yet recorded on the meeting's day) stays late, and the finding says why. It reads only the
//! statute and the decision cited; `meetings.rs` asks it before finding a meeting late.

use crate::event::EventKind;
use crate::event::kinds::Outcome;
use crate::id::OrganRef;
use crate::statute::{Cited, LevelOrgan, Version};

use super::{Ctx, Out};

/// What a meeting's recorded approval does to its lateness.
pub(super) enum OffSchedule {
    /// No clause, or no approval recorded: judged by the cadence alone.
    Unapproved,
    /// Approved by the organ the statute names: not late.
    Approved,
    /// An approval that is not the statute's: late, and why (a clause to append).
    Wrong(String),
}

impl Ctx<'_, '_> {
    pub(super) fn off_schedule(
        &self,
        organ: &OrganRef,
        version: &Version,
        out: &Out<'_>,
    ) -> OffSchedule {
        let Some(Cited { rule, .. }) = version
            .organ(&organ.key)
            .and_then(|d| d.off_schedule.as_ref())
        else {
            return OffSchedule::Unapproved;
        };
        let EventKind::MeetingHeld(b) = &out.event.kind else {
            return OffSchedule::Unapproved;
        };
        let Some(decision) = &b.approval else {
            return OffSchedule::Unapproved;
        };
        let wanted = match rule {
            LevelOrgan::Organ(k) => OrganRef::new(organ.org.clone(), k.clone()),
            // The parent level's organ: not judged where the record gives no parent.
            LevelOrgan::Parent(k) => match self.book.parent(&organ.org) {
                Some(p) => OrganRef::new(p.clone(), k.clone()),
                None => return OffSchedule::Unapproved,
            },
        };
        let row = self.history.decision(decision);
        let carried = row.as_ref().is_some_and(|d| d.outcome == Outcome::Carried);
        let in_time = row
            .as_ref()
            .is_some_and(|d| d.date.earliest() <= out.event.date.latest());
        let deciders = self.electors_of(None, Some(decision));
        if carried && in_time && deciders.contains(&wanted) {
            return OffSchedule::Approved;
        }
        let why = if row.is_none() {
            // History is judged in date order: a decision dated later is not yet known.
            "not recorded by the day of the meeting".to_owned()
        } else if !deciders.contains(&wanted) {
            let by: Vec<String> = deciders.iter().map(|o| self.organ_name(o)).collect();
            if by.is_empty() {
                "of no organ the record names".to_owned()
            } else {
                format!("of {}", by.join(" and "))
            }
        } else if !carried {
            "not carried".to_owned()
        } else {
            "taken after the meeting".to_owned()
        };
        OffSchedule::Wrong(format!(
            "; the approval it cites is {why}, and the statute asks that of {}",
            self.organ_name(&wanted)
        ))
    }
}
