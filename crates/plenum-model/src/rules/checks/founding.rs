//! Founding and dissolving organizations under a statute's rule of who decides it
//! (`[version.founding]`, `[version.dissolution]`, and `founding` / `dissolution`
//! on a `[[version.subordinate]]`): an `organization_founded` or
//! `organization_dissolved` that cites no carried decision of a competent organ
//! (`no-competent-decision`), and an organization founded by fewer full members than
//! the statute requires (`too-few-founders`, three-valued where the register is
//! silent). It reads only the decision cited and the founders' memberships.

use crate::date::Truth;
use crate::event::Outcome;
use crate::event::kinds::{OrganizationDissolved, OrganizationFounded};
use crate::id::{EventId, OrgId, OrganRef};
use crate::rows::MemberStatus;
use crate::statute::{Decider, OrgDecision, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// Which act is judged, for the findings' words.
#[derive(Clone, Copy)]
enum OrgAct {
    Founding,
    Dissolution,
}

impl OrgAct {
    fn participle(self) -> &'static str {
        match self {
            OrgAct::Founding => "founded",
            OrgAct::Dissolution => "dissolved",
        }
    }
}

impl Ctx<'_, '_> {
    /// `organization_founded` of an organization under one with a statute: the
    /// nearest such statute says who founds it (its template for the category, or
    /// else `[version.founding]`).
    pub(super) fn check_founding(&self, b: &OrganizationFounded, out: &mut Out<'_>) {
        let Some(governor) = self.book.governor(&b.org) else {
            return;
        };
        let Some(version) = self.version(&governor, &out.event.date) else {
            return;
        };
        let Some(rule) = b
            .category
            .as_deref()
            .and_then(|c| version.subordinate(c))
            .and_then(|t| t.founding.as_ref())
            .or(version.founding.as_ref())
        else {
            return;
        };
        self.check_org_decision(
            OrgAct::Founding,
            version,
            rule,
            &b.org,
            b.decision.as_ref(),
            out,
        );
        if let Some(min) = rule.min_members {
            self.check_founders(b, version, rule, min, out);
        }
    }

    /// `organization_dissolved`: an organization with a statute of its own is
    /// dissolved as its `[version.dissolution]` says; one under another's statute,
    /// as the template for its category says.
    pub(super) fn check_dissolution(&self, b: &OrganizationDissolved, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let (version, rule) = if self.book.has_statute(&b.org) {
            let Some(version) = self.version(&b.org, &date) else {
                return;
            };
            (version, version.dissolution.as_ref())
        } else {
            let Some(governor) = self.book.governor(&b.org) else {
                return;
            };
            let Some(version) = self.version(&governor, &date) else {
                return;
            };
            let rule = self
                .book
                .category(&b.org)
                .and_then(|c| version.subordinate(c))
                .and_then(|t| t.dissolution.as_ref());
            (version, rule)
        };
        if let Some(rule) = rule.map(|r| r.for_ground(b.ground.as_ref())) {
            self.check_org_decision(
                OrgAct::Dissolution,
                version,
                rule,
                &b.org,
                b.decision.as_ref(),
                out,
            );
        }
    }

    /// The decision `org`'s founding or dissolution cites must be a carried motion
    /// of an organ `rule.by` names.
    fn check_org_decision(
        &self,
        act: OrgAct,
        version: &Version,
        rule: &OrgDecision,
        org: &OrgId,
        decision: Option<&EventId>,
        out: &mut Out<'_>,
    ) {
        let citation = Citation::of(version, rule.article.as_ref());
        let what = self.org_name(org);
        let done = act.participle();
        let competent = self.deciders_named(version, rule, org);
        let Some(decision_id) = decision else {
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!("{what} was {done} without a decision of {competent}, the competent organ"),
            );
            return;
        };
        let Some(d) = self.history.decision(decision_id) else {
            out.push(
                Rule::NoCompetentDecision,
                Severity::Warning,
                Truth::Possibly,
                Some(citation),
                vec![decision_id.clone()],
                format!(
                    "{what} was {done} on decision `{decision_id}`, which the record dates later"
                ),
            );
            return;
        };
        if d.outcome == Outcome::Defeated {
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![decision_id.clone()],
                format!("{what} was {done} on a motion that was defeated"),
            );
        }
        let organs: Vec<OrganRef> = match &d.meeting {
            Some(m) => self.meeting_organs(m),
            None => d.organ.clone().into_iter().collect(),
        };
        if organs.is_empty() {
            return; // the record does not say which organ decided: unknown
        }
        let ancestors = self.book.ancestors(org);
        let parent = ancestors.first();
        let competent_organ = |organ: &OrganRef| {
            rule.by.iter().any(|decider| match decider {
                Decider::Own(key) => organ.org == version.org && &organ.key == key,
                Decider::Parent(key) => parent == Some(&organ.org) && &organ.key == key,
                Decider::HigherLevel => ancestors.contains(&organ.org),
            })
        };
        if !organs.iter().any(competent_organ) {
            let by = organs
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![decision_id.clone()],
                format!(
                    "{what} was {done} on a decision of {by}; the statute gives that to {competent}"
                ),
            );
        }
    }

    /// The competent organs in words: "the Board of Catalyst or an organ of an
    /// organization above Branch E".
    fn deciders_named(&self, version: &Version, rule: &OrgDecision, org: &OrgId) -> String {
        let parent = self.book.parent(org);
        rule.by
            .iter()
            .map(|decider| match decider {
                Decider::Own(key) => {
                    self.organ_name(&OrganRef::new(version.org.clone(), key.clone()))
                }
                Decider::Parent(key) => match parent {
                    Some(p) => self.organ_name(&OrganRef::new(p.clone(), key.clone())),
                    None => format!("the `{key}` of the organization above it"),
                },
                Decider::HigherLevel => {
                    format!("an organ of an organization above {}", self.org_name(org))
                }
            })
            .collect::<Vec<_>>()
            .join(" or ")
    }

    /// `min_members`: the founders who are full members of the governed organization
    /// on the day (not suspended). Founders the register never mentions are unknown;
    /// a founding that names no founders is not judged (the record is silent).
    fn check_founders(
        &self,
        b: &OrganizationFounded,
        version: &Version,
        rule: &OrgDecision,
        min: u32,
        out: &mut Out<'_>,
    ) {
        if b.founders.is_empty() || !self.history.keeps_register(&version.org) {
            return;
        }
        let (mut full, mut unknown) = (0u32, 0u32);
        for person in &b.founders {
            if self.history.memberships_of(person, &version.org).is_empty() {
                unknown += 1;
            } else if self
                .history
                .membership(person, &version.org)
                .is_some_and(|m| m.status == MemberStatus::Full)
            {
                full += 1;
            }
        }
        let certainty = if full >= min {
            Truth::No
        } else if full + unknown < min {
            Truth::Definitely
        } else {
            Truth::Possibly
        };
        let members = self.org_name(&version.org);
        let counted = match (full, unknown) {
            (1, 0) => format!("1 full member of {members}"),
            (n, 0) => format!("{n} full members of {members}"),
            (n, u) => format!(
                "{n} known full members of {members} and {u} founders the register does not mention"
            ),
        };
        out.push(
            Rule::TooFewFounders,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, rule.article.as_ref())),
            vec![],
            format!(
                "{} was founded by {counted}; the statute requires at least {min}",
                self.org_name(&b.org)
            ),
        );
    }
}
