//! Procedures of several organs, judged event by event: the nomination an election or
//! appointment needs (`not-nominated`; a nomination by one person, `nominations.rs`), and each confirmation recorded (`not-confirmed`:
//! by the wrong organ, late, or resting on a defeated motion).

use crate::date::{FuzzyDate, Truth};
use crate::event::{EndCause, Event, EventKind, Outcome, kinds::ActConfirmed};
use crate::id::{EventId, OrganRef, PersonId};
use crate::rows::{MemberStatus, MembershipEnd};
use crate::statute::Act;

use super::super::procedures::{Done, past_deadline, required};
use super::super::terms::Office;
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// Nominations and confirmations, for the events that fill offices or confirm acts.
    pub(super) fn check_procedures(&self, event: &Event, out: &mut Out<'_>) {
        match &event.kind {
            EventKind::ElectionHeld(b) => {
                let office = match (&b.organ, &b.post) {
                    (Some(o), _) => Office::Organ(o),
                    (None, Some(p)) => Office::Post(p),
                    (None, None) => return,
                };
                let target = match office {
                    Office::Organ(o) => self.organ_name(o),
                    Office::Post(p) => self.post_name(p),
                };
                let what = format!("the election to {target}");
                self.check_nomination(office, b.nomination.as_ref(), &what, out);
                let electors = match (&b.meeting, &b.by) {
                    (_, Some(by)) => vec![by.clone()],
                    (Some(m), None) => self.meeting_organs(m),
                    (None, None) => Vec::new(),
                };
                let nominees: Vec<_> = b
                    .nominators
                    .iter()
                    .map(|n| (&n.person, &n.by_person, n.on.as_ref()))
                    .collect();
                let when = (b.meeting.as_ref(), what.as_str());
                self.check_nominators(office, &electors, &nominees, when, out);
            }
            EventKind::SeatTaken(b) => {
                let what = format!(
                    "the seat of {} on {}",
                    self.person(&b.person),
                    self.organ_name(&b.organ)
                );
                self.check_nomination(Office::Organ(&b.organ), b.nomination.as_ref(), &what, out);
                if let Some(by) = &b.nominated_by_person {
                    let electors = self.electors_of(b.by.as_ref(), b.decision.as_ref());
                    let office = Office::Organ(&b.organ);
                    self.check_nominators(
                        office,
                        &electors,
                        &[(&b.person, by, None)],
                        (None, &what),
                        out,
                    );
                }
            }
            EventKind::PostAssigned(b) => {
                let what = format!(
                    "the appointment of {} as {}",
                    self.person(&b.person),
                    self.post_name(&b.post)
                );
                self.check_nomination(Office::Post(&b.post), b.nomination.as_ref(), &what, out);
                if let Some(by) = &b.nominated_by_person {
                    let electors = self.electors_of(b.by.as_ref(), b.decision.as_ref());
                    let office = Office::Post(&b.post);
                    self.check_nominators(
                        office,
                        &electors,
                        &[(&b.person, by, None)],
                        (None, &what),
                        out,
                    );
                }
            }
            EventKind::ActConfirmed(b) => self.check_confirmation(b, out),
            _ => {}
        }
    }

    /// An office the statute fills only on another organ's nomination: the event
    /// must cite a carried decision of that organ (`nomination`).
    fn check_nomination(
        &self,
        office: Office<'_>,
        nomination: Option<&EventId>,
        what: &str,
        out: &mut Out<'_>,
    ) {
        let org = match office {
            Office::Organ(o) => &o.org,
            Office::Post(p) => &p.org,
        };
        let Some(version) = self.version(org, &out.event.date) else {
            return;
        };
        let (procedure, elected_by) = match office {
            Office::Organ(o) => match version.organ(&o.key) {
                Some(d) => (&d.procedure, d.elected_by.as_ref()),
                None => return,
            },
            Office::Post(p) => match version.post(&p.key) {
                Some(d) => (&d.procedure, d.elected_by.as_ref()),
                None => return,
            },
        };
        let Some(key) = &procedure.nominated_by else {
            return;
        };
        let nominator = OrganRef::new(org.clone(), key.clone());
        let citation = Citation::of(version, elected_by.and_then(|e| e.article.as_ref()));
        let nominator_name = self.organ_name(&nominator);
        let Some(id) = nomination else {
            out.push(
                Rule::NotNominated,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!(
                    "{what} cites no nomination; the statute fills it only on the nomination of {nominator_name}"
                ),
            );
            return;
        };
        let Some(d) = self.history.decision(id) else {
            out.push(
                Rule::NotNominated,
                Severity::Warning,
                Truth::Possibly,
                Some(citation),
                vec![id.clone()],
                format!("{what} rests on nomination `{id}`, which the record dates later"),
            );
            return;
        };
        if d.outcome == Outcome::Defeated {
            out.push(
                Rule::NotNominated,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![id.clone()],
                format!("{what} rests on a nomination that was defeated"),
            );
        }
        let deciders: Vec<OrganRef> = match &d.meeting {
            Some(m) => self.meeting_organs(m),
            None => d.organ.clone().into_iter().collect(),
        };
        if !deciders.is_empty() && !deciders.contains(&nominator) {
            let by = deciders
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(
                Rule::NotNominated,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![id.clone()],
                format!(
                    "{what} rests on a nomination by {by}; the statute gives nomination to {nominator_name}"
                ),
            );
        }
    }

    /// A confirmation (or refusal) of an act the statute makes subject to one: by the
    /// organ it names, in time, on a carried motion.
    fn check_confirmation(&self, b: &ActConfirmed, out: &mut Out<'_>) {
        let confirmers = self.electors_of(b.by.as_ref(), b.decision.as_ref());
        let Some((done, act_date)) = self.find_act(&b.act, &b.person, &confirmers) else {
            out.push(
                Rule::NotConfirmed,
                Severity::Warning,
                Truth::Definitely,
                None,
                vec![b.act.clone()],
                format!(
                    "a confirmation concerning {} cites `{}`, which the record does not show as an election, appointment or disciplinary act of theirs",
                    self.person(&b.person),
                    b.act
                ),
            );
            return;
        };
        let org = match (done.office_org(), confirmers.first()) {
            (Some(org), _) => org.clone(),
            (None, Some(o)) => o.org.clone(),
            (None, None) => return,
        };
        let Some((confirmation, citation)) =
            required(self.book, &org, &done, &act_date, None, confirmers.first())
        else {
            return;
        };
        let Some(required_organ) = confirmation.organ(&org, self.book) else {
            return; // the parent level's organ, where the record gives no parent
        };
        let what = done.words(&self.person(&b.person));
        let verb = if b.rejected { "refused" } else { "confirmed" };
        if !confirmers.is_empty() && !confirmers.contains(&required_organ) {
            let by = confirmers
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(
                Rule::NotConfirmed,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![b.act.clone()],
                format!(
                    "{what} was {verb} by {by}; the statute gives its confirmation to {}",
                    self.organ_name(&required_organ)
                ),
            );
        }
        let defeated = b
            .decision
            .as_ref()
            .and_then(|d| self.history.decision(d))
            .is_some_and(|d| d.outcome == Outcome::Defeated);
        if defeated && !b.rejected {
            out.push(
                Rule::NotConfirmed,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![b.act.clone()],
                format!("{what} is recorded as confirmed on a motion that was defeated"),
            );
        }
        let held = self.history.held_meetings(&required_organ);
        if let Some((certainty, deadline)) =
            past_deadline(&confirmation, &act_date, &out.event.date, &held)
        {
            out.push(
                Rule::NotConfirmed,
                Severity::Violation,
                certainty,
                Some(citation),
                vec![b.act.clone()],
                format!(
                    "{what} ({act_date}) was {verb} by {} only on {}; the statute requires it {deadline}",
                    self.organ_name(&required_organ),
                    out.event.date
                ),
            );
        }
    }

    /// The act a confirmation cites, among the person's seats and posts, and their
    /// memberships in the organizations of the confirming organs: what it did, when.
    fn find_act(
        &self,
        act: &EventId,
        person: &PersonId,
        confirmers: &[OrganRef],
    ) -> Option<(Done, FuzzyDate)> {
        let seats = self.history.seats_of(person);
        if let Some(s) = seats.iter().find(|s| &s.start_event == act) {
            return Some((Done::Seat(s.organ.clone()), s.span.start.clone()));
        }
        let posts = self.history.posts_of(person);
        if let Some(p) = posts.iter().find(|p| &p.start_event == act) {
            return Some((Done::Post(p.post.clone()), p.span.start.clone()));
        }
        let removed = seats
            .iter()
            .filter(|s| s.end_cause.is_some_and(EndCause::is_removal))
            .map(|s| (&s.end_event, &s.span.end, s.organ.key.clone()))
            .chain(
                posts
                    .iter()
                    .filter(|p| p.end_cause.is_some_and(EndCause::is_removal))
                    .map(|p| (&p.end_event, &p.span.end, p.post.key.clone())),
            )
            .find(|(e, _, _)| e.as_ref() == Some(act));
        if let Some((_, Some(end), from)) = removed {
            return Some((Done::Discipline(Act::Removal, Some(from)), end.clone()));
        }
        let mut orgs: Vec<_> = confirmers.iter().map(|o| &o.org).collect();
        orgs.dedup();
        for org in orgs {
            let rows = self.history.memberships_of(person, org);
            for (i, m) in rows.iter().enumerate() {
                if m.end_event.as_ref() == Some(act)
                    && m.end_cause == Some(MembershipEnd::Expelled)
                    && let Some(end) = &m.span.end
                {
                    return Some((Done::Discipline(Act::Expulsion, None), end.clone()));
                }
                if &m.start_event == act {
                    let done = if m.status == MemberStatus::Suspended {
                        Act::Suspension
                    } else if i > 0 {
                        Act::Reinstatement
                    } else {
                        continue;
                    };
                    return Some((Done::Discipline(done, None), m.span.start.clone()));
                }
            }
        }
        None
    }
}
