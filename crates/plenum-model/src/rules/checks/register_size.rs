//! Disciplinary acts allowed only while the organization is large enough
//! (`while_members_exceed` on a discipline rule: "If the number of Members exceeds
//! ten and a Board of Directors has been elected, a director may ... be removed"):
//! an act the rules concerning it allow only while the register counts more full
//! members than their number, done with the register at or below it, is
//! `no-competent-decision`, citing the rule (where rules give the act to several
//! organs, the rule of the organ that decided it). Not judged where the
//! organization keeps no register. It reads only the register on the day.

use crate::date::Truth;
use crate::id::{OrgId, OrganRef, PersonId};
use crate::statute::{Act, DisciplineRule, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `rules` are the discipline rules concerning the act on `person`; `deciders`
    /// the organs whose decision it cites.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn check_register_size(
        &self,
        act: Act,
        version: Option<&Version>,
        rules: &[&DisciplineRule],
        deciders: &[OrganRef],
        org: &OrgId,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let Some(version) = version else { return };
        // The rule whose organs decided the act judges it; failing a decision the
        // record names, the first rule with the condition.
        let empowering: Vec<&&DisciplineRule> = rules
            .iter()
            .filter(|r| deciders.iter().any(|o| r.by.contains(&o.key)))
            .collect();
        let found = if empowering.is_empty() {
            rules
                .iter()
                .find_map(|r| r.while_members_exceed.map(|n| (n, r)))
        } else {
            empowering
                .iter()
                .find_map(|r| r.while_members_exceed.map(|n| (n, *r)))
        };
        let Some((least, rule)) = found else {
            return;
        };
        if !self.history.keeps_register(org) {
            return;
        }
        let members = self.history.member_total(org, true);
        if members > least {
            return;
        }
        out.push(
            Rule::NoCompetentDecision,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, rule.article.as_ref())),
            vec![],
            format!(
                "{} of {} while {} counts {members} full members; the statute allows it only while there are more than {least}",
                act.as_str(),
                self.person(person),
                self.org_name(org),
            ),
        );
    }
}
