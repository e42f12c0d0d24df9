//! An office filled by the organization that approved its organization's founding
//! (`elected_by = { by = "founder" }`: "The composition of a leading Party members
//! group is decided on by the Party organization that approves its establishment"):
//! an election or appointment by no organ of the organization whose organ took the
//! decision the founding cites (`organization_founded` `decision`) is
//! `wrong-elector`. Not judged where the founding cites no decision, or one the
//! record gives no organ for. It reads only the statute book's founding decisions
//! and that decision.

use crate::date::Truth;
use crate::id::{OrgId, OrganRef};
use crate::statute::Version;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_founder_elector(
        &self,
        what: &str,
        org: &OrgId,
        electors: &[OrganRef],
        (version, article): (&Version, Option<&String>),
        out: &mut Out<'_>,
    ) {
        let Some(decision) = self.book.founding_decision(org) else {
            return;
        };
        let Some(founder) = self
            .electors_of(None, Some(decision))
            .into_iter()
            .map(|o| o.org)
            .next()
        else {
            return;
        };
        if electors.iter().any(|o| o.org == founder) {
            return;
        }
        let by = electors
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" and ");
        out.push(
            Rule::WrongElector,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article)),
            vec![decision.clone()],
            format!(
                "{what} filled by {by}; the statute gives that to the organization that approved the founding of {} ({})",
                self.org_name(org),
                self.org_name(&founder)
            ),
        );
    }
}
