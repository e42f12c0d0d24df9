//! The day a probation begins (`membership.probation.from = "decision"`:
//! `probation-misdated`): "The probationary period of a probationary member shall
//! begin on the day the general meeting of the Party branch passes the decision to
//! accept him or her". An admission as a candidate (`member_admitted`) that cites
//! its decision (`decision`) and is dated otherwise than that decision breaks it;
//! possibly, where fuzzy dates may or may not fall on the same day.
//!
//! Judged only where the record gives both dates: an admission that cites no
//! decision is not judged, nor one whose decision is dated after it in the record
//! (the history before the admission does not hold it yet; a statute that names
//! the organ deciding admissions finds that admission as `no-competent-decision`).

use crate::event::{EventKind, Status};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// An admission as a candidate dated otherwise than the decision it cites.
    pub(super) fn check_probation_date(&self, out: &mut Out<'_>) {
        let event = out.event;
        let EventKind::MemberAdmitted(b) = &event.kind else {
            return;
        };
        if b.status != Status::Candidate {
            return;
        }
        let Some(decision) = b.decision.as_ref().and_then(|d| self.history.decision(d)) else {
            return;
        };
        let Some(version) = self.version(&b.org, &event.date) else {
            return;
        };
        let Some(cited) = &version.admission.probation_from_decision else {
            return;
        };
        let certainty = !event.date.overlaps(&decision.date);
        out.push(
            Rule::ProbationMisdated,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, cited.article.as_ref())),
            vec![decision.event.clone()],
            format!(
                "the probation of {} in {} is recorded as beginning on {} (the admission), but the decision accepting them is dated {}; the statute begins it on the day of the decision",
                self.person(&b.person),
                self.org_name(&b.org),
                event.date,
                decision.date
            ),
        );
    }
}
