//! A seat or post left (it must have been held, and a removal needs a decision and,
//! where the statute says, a hearing), and a candidacy or suspension ended late. It
//! reads only the person's seats, posts and memberships.

use crate::date::Truth;
use crate::event::kinds::EndCause;
use crate::event::{Event, EventKind};
use crate::id::{EventId, OrgId, PersonId};
use crate::statute::Hearable;

use super::super::{Rule, Severity};
use super::{Act, Ctx, Office, Out};

impl Ctx<'_, '_> {
    /// A promotion or reinstatement that ends a candidacy or suspension later than
    /// the statute allows.
    pub(super) fn check_status_ended(&self, event: &Event, out: &mut Out<'_>) {
        use EventKind as K;
        let (person, org) = match &event.kind {
            K::MemberPromoted(b) => (&b.person, &b.org),
            K::MemberReinstated(b) => (&b.person, &b.org),
            _ => return,
        };
        let Some(row) = self.history.membership(person, org) else {
            return;
        };
        if let Some((certainty, citation, events, message)) = super::super::status::ended_late(
            self.book,
            &self.history.memberships_of(person, org),
            &row,
            &event.date,
        ) {
            out.push(
                Rule::StatusTooLong,
                Severity::Violation,
                certainty,
                Some(citation),
                events,
                message,
            );
        }
    }

    /// A seat or post left: it must have been held, and a removal needs a decision.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_vacated(
        &self,
        held: bool,
        person: &PersonId,
        what: &str,
        cause: Option<EndCause>,
        org: &OrgId,
        from: Option<Office<'_>>,
        decision: Option<&EventId>,
        out: &mut Out<'_>,
    ) {
        if !held {
            let message = format!(
                "{} leaves {what}, but the record does not show it held",
                self.person(person)
            );
            out.push(
                Rule::NotHeld,
                Severity::Warning,
                Truth::Definitely,
                None,
                vec![],
                message,
            );
        }
        if cause.is_some_and(EndCause::is_removal) {
            self.check_discipline(Act::Removal, org, from, decision, person, out);
            let what = format!("the removal of {} from {what}", self.person(person));
            self.check_heard(&Hearable::Removal, &what, org, person, out);
        }
    }
}
