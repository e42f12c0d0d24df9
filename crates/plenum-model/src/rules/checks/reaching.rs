//! Competence that reaches down (`[[version.power]] subordinates = true`: "Only the
//! Central Committee of the Party has the power to make decisions on major national
//! policies. The Party organization of a department or locality may make
//! suggestions ..., but shall not make any decision"): a carried decision of the
//! category by an organ of an organization the version governs by a template
//! (`[[version.subordinate]]`) is `no-competent-decision`, unless the template's own
//! clauses (`[[version.subordinate.power]]`) give that category to organs of its own
//! (they judge it then, in `competence.rs`).
//! Organizations with a statute of their own are not judged by it; nor are decisions
//! without a category. It reads only the decision and its meeting.

use crate::date::Truth;
use crate::event::Outcome;
use crate::event::kinds::MotionDecided;
use crate::id::OrganRef;
use crate::statute::{Cited, LevelOrgan, Power};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `motion_decided` of a category a governing version's power keeps to its own
    /// organs throughout (`subordinates = true`), taken in an organization under it.
    pub(super) fn check_reaching_power(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let Some(category) = b.category.as_deref() else {
            return;
        };
        if b.outcome != Outcome::Carried {
            return;
        }
        let deciders: Vec<OrganRef> = match &b.meeting {
            Some(m) => self.meeting_organs(m),
            None => b.organ.clone().into_iter().collect(),
        };
        let Some(first) = deciders.first() else {
            return;
        };
        if self.book.has_statute(&first.org) {
            return;
        }
        let date = out.event.date.clone();
        // Governed by a template: the version made for it from the governing statute's.
        let Some(template) = self.version(&first.org, &date) else {
            return;
        };
        let Some(governor) = self.book.governor(&first.org) else {
            return;
        };
        let Some(governing) = self.version(&governor, &date) else {
            return;
        };
        let reaching: Vec<&Cited<Power>> = governing
            .powers
            .iter()
            .filter(|p| p.rule.category == category && p.rule.subordinates)
            .collect();
        let Some(cited) = reaching.first() else {
            return;
        };
        // A template that gives the category to organs of its own judges it (`check_power`).
        if template
            .powers
            .iter()
            .any(|p| p.rule.category == category && !p.rule.by.is_empty())
        {
            return;
        }
        let by = deciders
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" and ");
        let competent = reaching
            .iter()
            .flat_map(|p| p.rule.by.iter())
            // A version's own clause names its own organs (`parent:KEY` is a template's).
            .filter_map(|o| match o {
                LevelOrgan::Organ(k) => Some(k),
                LevelOrgan::Parent(_) => None,
            })
            .map(|k| self.organ_name(&OrganRef::new(governor.clone(), k.clone())))
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            Rule::NoCompetentDecision,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(governing, cited.article.as_ref())),
            vec![],
            format!(
                "the decision \"{}\" (`{category}`) was taken by {by}, an organ of {} under {}; the statute gives decisions of that category to {competent} alone, also for the organizations under it",
                b.text,
                self.org_name(&first.org),
                self.org_name(&governor)
            ),
        );
    }
}
