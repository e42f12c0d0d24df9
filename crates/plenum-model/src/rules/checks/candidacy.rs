//! What follows a probation other than admission: a candidacy extended
//! (`candidacy_extended`) or ended (`candidacy_ended`). Either must come within the
//! probation (or, for a candidacy already extended, within its extension), and an
//! extension may not run beyond the probation and the statute's `extension`.

use crate::date::{FuzzyDate, Truth};
use crate::id::{OrgId, PersonId};
use crate::rows::MemberStatus;
use crate::rules::status::{began, ended_late};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// An extension or end of a candidacy, with the day an extension runs `until`.
    pub(super) fn check_candidacy(
        &self,
        person: &PersonId,
        org: &OrgId,
        until: Option<&FuzzyDate>,
        out: &mut Out<'_>,
    ) {
        let Some(row) = self
            .history
            .membership(person, org)
            .filter(|m| m.status == MemberStatus::Candidate)
        else {
            return;
        };
        let rows = self.history.memberships_of(person, org);
        let date = out.event.date.clone();
        // The candidacy had already outlasted its limit when this came.
        if let Some((certainty, citation, events, message)) =
            ended_late(self.book, &rows, &row, &date)
        {
            out.push(
                Rule::StatusTooLong,
                Severity::Violation,
                certainty,
                Some(citation),
                events,
                message,
            );
        }
        // An extension until a day beyond the probation and the extension allowed.
        let Some(until) = until else { return };
        let (first, _) = began(&rows, &row);
        let since = &first.span.start;
        let Some(version) = self.book.in_force(org, since.earliest()) else {
            return;
        };
        let Some(probation) = &version.probation else {
            return;
        };
        let limit = |day| {
            let end = probation.rule.after(day);
            version.probation_extension.map_or(end, |e| e.after(end))
        };
        let end = limit(since.latest());
        let certainty = if until.earliest() > end {
            Truth::Definitely
        } else if until.latest() > limit(since.earliest()) {
            Truth::Possibly
        } else {
            Truth::No
        };
        let allowed = match version.probation_extension {
            Some(e) => format!("the {} probation and its extension of {e}", probation.rule),
            None => format!(
                "the {} probation, which the statute does not extend",
                probation.rule
            ),
        };
        out.push(
            Rule::StatusTooLong,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, probation.article.as_ref())),
            vec![first.start_event.clone()],
            format!(
                "{} is a candidate member of {} from {since}, extended until {until}, beyond {allowed} (it ends {end})",
                self.person(person),
                self.org_name(org),
            ),
        );
    }
}
