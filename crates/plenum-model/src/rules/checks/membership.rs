//! Competence for membership decisions: admission (`member_admitted`), full
//! membership (`member_promoted`), a probation extended (`candidacy_extended`), a
//! candidacy revoked (`candidacy_ended`), a withdrawal (`member_resigned`) or a name
//! removed from the roll (`membership_lapsed`), judged, where the statute has a rule for the
//! act (`[[version.discipline]] act = "admission"`, ...), as disciplinary acts are: a
//! carried decision of an organ the rules empower, by their majority
//! (`no-competent-decision`, `majority-not-met`). The decision that urged a member to
//! withdraw (`urged` on `member_resigned` or `membership_lapsed`) is judged the same way
//! by the `urged-withdrawal` rules. An act the statute gives no rule is not judged. It
//! never judges the timing of a candidacy (`candidacy.rs` does).

use crate::event::{Event, EventKind};
use crate::statute::Act;

use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_membership_act(&self, event: &Event, out: &mut Out<'_>) {
        let (act, person, org, decision) = match &event.kind {
            EventKind::MemberAdmitted(b) => (Act::Admission, &b.person, &b.org, &b.decision),
            EventKind::MemberPromoted(b) => (Act::Promotion, &b.person, &b.org, &b.decision),
            EventKind::CandidacyExtended(b) => (Act::Extension, &b.person, &b.org, &b.decision),
            EventKind::CandidacyEnded(b) => (Act::Revocation, &b.person, &b.org, &b.decision),
            EventKind::MemberResigned(b) => (Act::Withdrawal, &b.person, &b.org, &b.decision),
            EventKind::MembershipLapsed(b) => (Act::Lapse, &b.person, &b.org, &b.decision),
            _ => return,
        };
        let ruled = |act| {
            self.version(org, &event.date)
                .is_some_and(|v| !v.discipline(act, None).is_empty())
        };
        if ruled(act) {
            self.check_discipline(act, org, None, decision.as_ref(), person, out);
        }
        // The decision that urged the member to withdraw, where the record names it:
        // a member who left on being urged to, or whose name was removed because
        // they would not.
        let urged = match &event.kind {
            EventKind::MemberResigned(b) => b.urged.as_ref(),
            EventKind::MembershipLapsed(b) => b.urged.as_ref(),
            _ => None,
        };
        if let Some(urged) = urged
            && ruled(Act::UrgedWithdrawal)
        {
            self.check_discipline(Act::UrgedWithdrawal, org, None, Some(urged), person, out);
        }
    }
}
