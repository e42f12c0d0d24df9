//! The delegates to a meeting (`delegates = { set_by = "cc", approved_by = ... }` on
//! a congress or conference): "The number of delegates to the National Congress and
//! the procedures governing their election shall be determined by the Central
//! Committee". A convocation (`meeting_convened`) citing, as the decision that fixed
//! its delegates (`delegates_decision`), anything but a carried decision of the
//! `set_by` organ, taken by the day of the convocation, is `no-competent-decision`
//! Where the statute asks an approval (`approved_by`), a convocation citing such a
//! decision without an approval (`delegates_approval`) that is a carried decision
//! of that organ, taken by the same day, is `not-confirmed`. For both, an organ
//! that `acts_for` the one named decides in its stead between its sessions. A convocation silent
//! on its delegates is not judged (the record says nothing). It reads only the
//! statute and the decisions cited.

use crate::date::Truth;
use crate::event::kinds::{MeetingConvened, Outcome};
use crate::id::{EventId, OrganRef};
use crate::statute::{Cited, Delegates, LevelOrgan};

use super::super::{Citation, Rule, Severity};
use super::acts_for::ActingFor;
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_delegates(&self, b: &MeetingConvened, out: &mut Out<'_>) {
        let Some(decision) = &b.delegates_decision else {
            return;
        };
        let organ = &b.organ;
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: Delegates {
                set_by,
                approved_by,
            },
            article,
        }) = version.organ(&organ.key).and_then(|d| d.delegates.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let name = self.organ_name(organ);
        // The parent level's organ: not judged where the record gives no parent.
        let resolve = |level: &LevelOrgan| match level {
            LevelOrgan::Organ(k) => Some(OrganRef::new(organ.org.clone(), k.clone())),
            LevelOrgan::Parent(k) => self
                .book
                .parent(&organ.org)
                .map(|p| OrganRef::new(p.clone(), k.clone())),
        };
        if let Some(wanted) = resolve(set_by)
            && let Some(why) = self.not_decided_by(decision, &wanted, out)
        {
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![decision.clone()],
                format!(
                    "the delegates to this meeting of {name} were fixed by a decision {why}; the statute gives that to {}",
                    self.organ_name(&wanted)
                ),
            );
        }
        let Some(wanted) = approved_by.as_ref().and_then(resolve) else {
            return;
        };
        let why = match &b.delegates_approval {
            None => Some("none is recorded".to_owned()),
            Some(approval) => self
                .not_decided_by(approval, &wanted, out)
                .map(|why| format!("the approval cited is {why}")),
        };
        if let Some(why) = why {
            out.push(
                Rule::NotConfirmed,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                b.delegates_approval.iter().cloned().collect(),
                format!(
                    "the decision fixing the delegates to this meeting of {name} needs the approval of {}; {why}",
                    self.organ_name(&wanted)
                ),
            );
        }
    }

    /// Why `decision` is not a carried decision of `wanted` recorded by the event's
    /// day (`None` where it is); an organ that acts for `wanted` between its
    /// sessions (`acts_for`) decides in its stead.
    fn not_decided_by(
        &self,
        decision: &EventId,
        wanted: &OrganRef,
        out: &Out<'_>,
    ) -> Option<String> {
        let Some(row) = self.history.decision(decision) else {
            // History is judged in date order: a decision dated later is not yet known.
            return Some("not recorded by the day of the convocation".to_owned());
        };
        let deciders = self.electors_of(None, Some(decision));
        let by_wanted = deciders.contains(wanted)
            || matches!(
                self.acting_for(&deciders, std::slice::from_ref(wanted), &row.date),
                Some(ActingFor::Between)
            );
        if !by_wanted {
            let by: Vec<String> = deciders.iter().map(|o| self.organ_name(o)).collect();
            return Some(if by.is_empty() {
                "of no organ the record names".to_owned()
            } else {
                format!("of {}", by.join(" and "))
            });
        }
        if row.outcome != Outcome::Carried {
            return Some("not carried".to_owned());
        }
        if row.date.earliest() > out.event.date.latest() {
            return Some("taken after the convocation".to_owned());
        }
        None
    }
}
