//! The business of a meeting limited to what its notice states (`meeting = [{
//! category = "special", business = { only = "noticed" } }]`): a decision
//! (`motion_decided` with a `category`) or an election (`election_held`, the business
//! `election`) at a meeting of such a kind whose convocation records the business its
//! notice stated (`meeting_convened` `business`), of a category not among it, is
//! `business-not-noticed` citing the kind's `business`. A convocation that records no
//! business, or a decision without a category, is not judged. It reads only the
//! meeting's state and the statute.

use crate::date::Truth;
use crate::id::MeetingId;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `what` names the decision in the finding ("the decision", "the election").
    pub(super) fn check_business(
        &self,
        meeting: &MeetingId,
        category: &str,
        what: &str,
        out: &mut Out<'_>,
    ) {
        let Some(state) = self.history.meeting(meeting) else {
            return;
        };
        if state.business.is_empty() || state.business.iter().any(|b| b == category) {
            return;
        }
        let (Some(organ), Some(kind)) = (state.organ.as_ref(), state.category.as_deref()) else {
            return;
        };
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: business,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.meeting_kinds.iter().find(|k| k.category == kind))
            .and_then(|k| k.business.as_ref())
        else {
            return;
        };
        let convened = state
            .convened
            .as_ref()
            .map(|(_, e)| e.clone())
            .into_iter()
            .collect();
        out.push(
            Rule::BusinessNotNoticed,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            convened,
            format!(
                "{what} ({category}) at {}, a {kind} meeting of {}, is not among the business its notice stated ({}); {}",
                self.meeting_name(meeting),
                self.organ_name(organ),
                state.business.join(", "),
                business.words(kind)
            ),
        );
    }
}
