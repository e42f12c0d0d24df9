//! A requisition by subordinate organizations (`convened_by.organizations`, "more
//! than one third of provincial-level Party organizations put forward a request"):
//! a meeting convened at the request of organizations (`meeting_convened`
//! `requested_by_organizations`) is judged against the share of the organizations
//! of the category under the organ's organization that existed on the day.

use crate::date::FuzzyDate;
use crate::date::Truth;
use crate::id::{OrgId, OrganRef};
use crate::statute::Convener;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `wrong-convener` where the statute provides no requisition by organizations,
    /// or where the organizations that requested the meeting (those of the category,
    /// under the organ's organization, existing on the day) fall short of its share.
    pub(super) fn check_org_requisition(
        &self,
        organ: &OrganRef,
        convener: &Convener,
        citation: &Citation,
        requested: &[OrgId],
        out: &mut Out<'_>,
    ) {
        let meeting = self.organ_name(organ);
        let date = out.event.date.clone();
        let Some(rule) = &convener.organizations else {
            out.push(
                Rule::WrongConvener,
                Severity::Violation,
                Truth::Definitely,
                Some(citation.clone()),
                vec![],
                format!(
                    "a meeting of {meeting} was convened at the request of {} organizations; the statute provides no requisition by organizations",
                    requested.len()
                ),
            );
            return;
        };
        let eligible: Vec<OrgId> = self
            .book
            .under(&organ.org, &rule.category)
            .into_iter()
            .filter(|o| self.existed(o, &date))
            .collect();
        let base = u64::try_from(eligible.len()).unwrap_or(u64::MAX);
        if base == 0 {
            // The record knows no organization of the category: nothing to count.
            return;
        }
        let mut counted: Vec<&OrgId> = requested.iter().filter(|o| eligible.contains(o)).collect();
        counted.sort();
        counted.dedup();
        let count = u64::try_from(counted.len()).unwrap_or(u64::MAX);
        if rule.threshold.is_met(count, base) {
            return;
        }
        let others = requested.len() - counted.len();
        let aside = if others == 0 {
            String::new()
        } else {
            format!(
                " ({others} of those named {} not a {} organization under {} on the day)",
                if others == 1 { "is" } else { "are" },
                rule.category,
                self.org_name(&organ.org)
            )
        };
        out.push(
            Rule::WrongConvener,
            Severity::Violation,
            Truth::Definitely,
            Some(citation.clone()),
            vec![],
            format!(
                "a meeting of {meeting} was convened at the request of {count} of {base} {} organizations{aside}; a requisition needs {} ({} organizations)",
                rule.category,
                rule.words(),
                rule.threshold.minimum(base)
            ),
        );
    }

    /// Whether an organization existed on `date` as the record tells (founded on or
    /// before it, not ended before it); one the record gives no dates for counts.
    fn existed(&self, org: &OrgId, date: &FuzzyDate) -> bool {
        let Some(span) = self.history.org(org).and_then(|row| row.span) else {
            return true;
        };
        span.start.earliest() <= date.latest()
            && span.end.is_none_or(|end| end.latest() >= date.earliest())
    }
}
