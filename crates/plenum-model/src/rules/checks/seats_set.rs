//! The number of seats an election fills, where the statute says who sets it
//! (`seats_set = { by = "congress" }` on an organ): an election that fills the organ
//! anew (`election_held` with `replaces`) citing, as the decision that set its seats
//! (`seats_decision`), anything but a carried decision of that organ is
//! `no-competent-decision`; one that fills more full seats than it says were set
//! (`seats`), or more alternate seats (`alternate_seats`), is `seats-over-limit`.
//! An election that states neither the decision nor the numbers is not judged (the
//! record is silent). It reads only the statute and the decision cited.

use crate::date::Truth;
use crate::event::kinds::{ElectionHeld, Outcome};
use crate::id::OrganRef;
use crate::statute::{Cited, LevelOrgan};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_seats_set(&self, organ: &OrganRef, b: &ElectionHeld, out: &mut Out<'_>) {
        if !b.replaces {
            return;
        }
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited { rule, article }) =
            version.organ(&organ.key).and_then(|d| d.seats_set.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let name = self.organ_name(organ);
        if let Some(decision) = &b.seats_decision {
            let wanted = match rule {
                LevelOrgan::Organ(k) => Some(OrganRef::new(organ.org.clone(), k.clone())),
                // The parent level's organ: not judged where the record gives no parent.
                LevelOrgan::Parent(k) => self
                    .book
                    .parent(&organ.org)
                    .map(|p| OrganRef::new(p.clone(), k.clone())),
            };
            if let Some(wanted) = wanted {
                let row = self.history.decision(decision);
                let carried = row.as_ref().is_some_and(|d| d.outcome == Outcome::Carried);
                let deciders = self.electors_of(None, Some(decision));
                if !carried || !deciders.contains(&wanted) {
                    let by = if deciders.is_empty() {
                        "no organ the record names".to_owned()
                    } else {
                        deciders
                            .iter()
                            .map(|o| self.organ_name(o))
                            .collect::<Vec<_>>()
                            .join(" and ")
                    };
                    let how = if carried {
                        ""
                    } else {
                        " (a motion not carried)"
                    };
                    out.push(
                        Rule::NoCompetentDecision,
                        Severity::Violation,
                        Truth::Definitely,
                        Some(citation.clone()),
                        vec![decision.clone()],
                        format!(
                            "the number of seats of {name} filled by this election was set by {by}{how}; the statute gives that to {}",
                            self.organ_name(&wanted)
                        ),
                    );
                }
            }
        }
        let over = |set: Option<u32>, filled: usize| {
            let filled = u32::try_from(filled).unwrap_or(u32::MAX);
            set.filter(|&set| filled > set).map(|set| (set, filled))
        };
        for (role, set, filled) in [
            ("full", b.seats, b.elected.len()),
            ("alternate", b.alternate_seats, b.alternates.len()),
        ] {
            if let Some((set, filled)) = over(set, filled) {
                out.push(
                    Rule::SeatsOverLimit,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(citation.clone()),
                    b.seats_decision.iter().cloned().collect(),
                    format!(
                        "the election filled {filled} {role} seats on {name}; the number set for it was {set}"
                    ),
                );
            }
        }
    }
}
