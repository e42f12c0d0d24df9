//! A quorum that continues after withdrawals (`quorum.after_withdrawal`): a decision
//! of a meeting that had its quorum when it sat (`meeting_held`'s `present`) but
//! fewer present when it was taken (the decision's own `present`) is lawful if its
//! votes for reach the clause's majority, "a majority of the required quorum"; it is
//! `quorum-not-met`, citing the clause, if they fall short, and possibly so where
//! the record gives no votes. It reads only the decision and its meeting.

use crate::date::Truth;
use crate::event::{EventKind, Outcome};
use crate::id::OrganRef;
use crate::rows::MeetingState;
use crate::statute::{Base, Cited, Threshold, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// The counts a decision's quorum is judged from.
pub(super) struct Attendance {
    /// Members present when the meeting sat.
    pub at_start: Option<u32>,
    /// Members present when the decision was taken, as the decision records it.
    pub at_decision: Option<u32>,
    /// Members entitled to sit.
    pub entitled: u32,
}

impl Ctx<'_, '_> {
    /// Whether `quorum.after_withdrawal` judges a decision taken without its quorum
    /// (and if so, any finding is pushed here): only where the statute has the
    /// clause, the decision records fewer present than the meeting had when it sat,
    /// and the meeting had its quorum then. `false`: the quorum alone judges it.
    pub(super) fn check_after_withdrawal(
        &self,
        (version, organ, state): (&Version, &OrganRef, &MeetingState),
        quorum: Threshold,
        seen: Attendance,
        out: &mut Out<'_>,
    ) -> bool {
        let Some(def) = version.organ(&organ.key) else {
            return false;
        };
        let Some(Cited {
            rule: majority,
            article,
        }) = &def.after_withdrawal
        else {
            return false;
        };
        let (Some(start), Some(now)) = (seen.at_start, seen.at_decision) else {
            return false;
        };
        let entitled = seen.entitled;
        if now >= start || !quorum.is_met(u64::from(start), u64::from(entitled)) {
            return false;
        }
        let votes = match &out.event.kind {
            EventKind::MotionDecided(b) if b.outcome == Outcome::Defeated => return true,
            EventKind::MotionDecided(b) => b.votes,
            _ => None,
        };
        let base = match majority.base {
            Base::Quorum => Some(quorum.minimum(u64::from(entitled))),
            Base::Members => Some(u64::from(entitled)),
            base => self.dynamic_base(base, organ, Some(entitled), &out.event.date),
        };
        let Some(base) = base.filter(|b| *b > 0) else {
            return true;
        };
        let needed = majority.threshold.minimum(base);
        let events: Vec<_> = state.held.iter().map(|(_, e)| e.clone()).collect();
        let opening = format!(
            "{now} of {entitled} members of {} were present when it was decided, fewer than the quorum ({} members); the meeting had its quorum when it sat ({start} present), and may continue after withdrawals only by decisions approved by {majority} ({needed} votes)",
            self.organ_name(organ),
            quorum.minimum(u64::from(entitled)),
        );
        let (certainty, message) = match votes {
            Some(v) if majority.threshold.is_met(v.in_favour, base) => return true,
            Some(v) => (
                Truth::Definitely,
                format!("{opening}: it was carried with {} for", v.in_favour),
            ),
            None => (
                Truth::Possibly,
                format!("{opening}: the record gives no count of the votes for this one"),
            ),
        };
        out.push(
            Rule::QuorumNotMet,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, article.as_ref())),
            events,
            message,
        );
        true
    }
}
