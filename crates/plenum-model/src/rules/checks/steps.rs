//! Procedural steps an act needs first (`[[version.membership.step]]`:
//! `step-missing`): a membership act (an admission, a promotion, ...) on a person the
//! record does not show a step of that name taken for (`step_taken`) in the
//! organization before it, by one of the organs the clause names where it names
//! some. An admission that records a ground the clause's `unless_ground` names (a
//! direct admission "in exceptional circumstances") needs no step.
//!
//! It reads the organization's row, where the steps are kept (`OrgChange::Stepped`),
//! and judges the record, not the world: an oath the record does not show is a
//! finding, whatever happened. An act is judged by the version in force on its day
//! only: a person admitted before the clause took effect needs no step.

use crate::date::Truth;
use crate::event::EventKind;
use crate::id::OrganRef;
use crate::rows::OrgChange;
use crate::statute::Act;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The event, where it is a membership act a step of the version in force must
    /// precede: every such step the record shows no sign of.
    pub(super) fn check_steps(&self, out: &mut Out<'_>) {
        let event = out.event;
        let mut ground = None;
        let (act, person, org, what) = match &event.kind {
            EventKind::MemberAdmitted(b) => {
                ground = b.ground.as_ref();
                (Act::Admission, &b.person, &b.org, "admission")
            }
            EventKind::MemberPromoted(b) => (
                Act::Promotion,
                &b.person,
                &b.org,
                "promotion to full membership",
            ),
            EventKind::CandidacyExtended(b) => (
                Act::Extension,
                &b.person,
                &b.org,
                "extension of the probation",
            ),
            EventKind::CandidacyEnded(b) => (
                Act::Revocation,
                &b.person,
                &b.org,
                "revocation of the probation",
            ),
            EventKind::MemberResigned(b) => (Act::Withdrawal, &b.person, &b.org, "withdrawal"),
            EventKind::MembershipLapsed(b) => {
                (Act::Lapse, &b.person, &b.org, "removal from the roll")
            }
            _ => return,
        };
        let Some(version) = self.version(org, &event.date) else {
            return;
        };
        let required: Vec<_> = version
            .admission
            .steps
            .iter()
            .filter(|s| s.before == act)
            // An admission on a ground that dispenses with the step needs none.
            .filter(|s| ground.is_none_or(|g| !s.unless_ground.contains(g)))
            .collect();
        if required.is_empty() {
            return;
        }
        let facts = self
            .history
            .org(org)
            .map(|row| row.facts)
            .unwrap_or_default();
        for step in required {
            let organs: Vec<OrganRef> = step
                .by
                .iter()
                .map(|k| OrganRef::new(org.clone(), k.clone()))
                .collect();
            // The person's steps of this name on the row (those recorded before the
            // act in date order), with whether the organ that took them counts.
            let taken: Vec<_> = facts
                .iter()
                .filter_map(|f| match &f.change {
                    OrgChange::Stepped {
                        date,
                        person: p,
                        step: s,
                        by,
                        ..
                    } if p == person && s.as_str() == step.step.as_str() => Some((
                        date,
                        organs.is_empty() || by.as_ref().is_none_or(|b| organs.contains(b)),
                    )),
                    _ => None,
                })
                .collect();
            let counted = taken.iter().filter(|(_, ok)| *ok);
            // Missing unless a step counted is on or before the act's day: definitely
            // where each is surely after it, possibly where one may be (fuzzy dates) or
            // where the record marks the date uncertain.
            let certainty = counted.fold(Truth::Definitely, |missing, (date, _)| {
                missing.and(event.date.before(date))
            });
            if certainty == Truth::No {
                continue;
            }
            let by = if step.by.is_empty() {
                String::new()
            } else {
                let names: Vec<String> = organs.iter().map(|o| self.organ_name(o)).collect();
                format!(" by {}", names.join(" or "))
            };
            let elsewhere = if taken.iter().any(|(_, ok)| !ok) {
                " (only by another organ)"
            } else {
                ""
            };
            out.push(
                Rule::StepMissing,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, step.article.as_ref())),
                vec![],
                format!(
                    "the {what} of {} in {} is preceded by no step \"{}\"{by} recorded for them{elsewhere}; the statute requires it before the {}",
                    self.person(person),
                    self.org_name(org),
                    step.step,
                    act.as_str()
                ),
            );
        }
    }
}
