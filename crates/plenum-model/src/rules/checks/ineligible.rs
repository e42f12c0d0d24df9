//! A removal a rule allows only of a holder no longer eligible (`only_if =
//! "ineligible"` on a discipline rule: "The Board of Directors may declare vacant the
//! office of a director whose eligibility for election as a director has ceased").
//! Where the register shows the holder still eligible for the office removed from,
//! the rule empowers no one; a removal decided only by its organs is
//! `no-competent-decision`, citing it. Three-valued: a holder of unknown standing
//! (the register never mentions them) is not taken to be eligible.

use crate::date::Truth;
use crate::id::{EventId, OrgId, OrganRef, PersonId};
use crate::statute::{DisciplineRule, Requirement, Version};

use super::super::terms::Office;
use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// The organs whose decision `decision` is (its meeting's, or its own organ).
    pub(super) fn deciders_of(&self, decision: Option<&EventId>) -> Vec<OrganRef> {
        let Some(d) = decision.and_then(|id| self.history.decision(id)) else {
            return Vec::new();
        };
        match &d.meeting {
            Some(m) => self.meeting_organs(m),
            None => d.organ.clone().into_iter().collect(),
        }
    }

    /// Whether the register shows `person` meeting every eligibility requirement of
    /// the office: false where it shows a requirement failed, where the office sets
    /// none, or where a membership requirement's register never mentions them.
    fn known_eligible(
        &self,
        version: &Version,
        org: &OrgId,
        from: Office<'_>,
        person: &PersonId,
        date: &crate::date::FuzzyDate,
    ) -> bool {
        let requirements = match from {
            Office::Organ(o) => version.organ(&o.key).map(|d| &d.eligibility),
            Office::Post(p) => version.post(&p.key).map(|d| &d.eligibility),
        };
        let Some(requirements) = requirements.filter(|r| !r.is_empty()) else {
            return false;
        };
        let asks_membership = requirements
            .iter()
            .any(|r| !matches!(r.rule, Requirement::Seat(_)));
        if asks_membership && self.history.memberships_of(person, org).is_empty() {
            return false;
        }
        self.requirement_problems(requirements, org, person, version, date)
            .is_empty()
    }

    /// Splits off the rules with `only_if = "ineligible"` that do not apply, the
    /// register showing the holder still eligible for the office removed from.
    pub(super) fn rules_if_ineligible<'r>(
        &self,
        rules: Vec<&'r DisciplineRule>,
        version: Option<&Version>,
        org: &OrgId,
        from: Option<Office<'_>>,
        person: &PersonId,
        date: &crate::date::FuzzyDate,
    ) -> (Vec<&'r DisciplineRule>, Vec<&'r DisciplineRule>) {
        let (Some(version), Some(from)) = (version, from) else {
            return (rules, Vec::new());
        };
        if !rules.iter().any(|r| r.only_if_ineligible)
            || !self.known_eligible(version, org, from, person, date)
        {
            return (rules, Vec::new());
        }
        rules.into_iter().partition(|r| !r.only_if_ineligible)
    }

    /// A removal decided only by organs of a rule set aside because the holder is
    /// still eligible: `no-competent-decision`, citing that rule. True if found.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_still_eligible(
        &self,
        version: Option<&Version>,
        kept: &[&DisciplineRule],
        dropped: &[&DisciplineRule],
        deciders: &[OrganRef],
        what: &str,
        person: &PersonId,
        out: &mut Out<'_>,
    ) -> bool {
        let Some(version) = version else { return false };
        let empowers = |r: &DisciplineRule| deciders.iter().any(|o| r.by.contains(&o.key));
        let Some(rule) = dropped.iter().find(|r| empowers(r)) else {
            return false;
        };
        if kept.iter().any(|r| empowers(r)) {
            return false;
        }
        let by = deciders
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" and ");
        out.push(
            Rule::NoCompetentDecision,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, rule.article.as_ref())),
            vec![],
            format!(
                "the removal of {} from {what} was decided by {by}, which the statute lets remove only a holder no longer eligible; the register shows {} still eligible",
                self.person(person),
                self.person(person)
            ),
        );
        true
    }
}
