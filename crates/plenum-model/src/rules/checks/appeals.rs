//! Appeals under `[version.trials] appeals` (`wrong-appeal-body`): an appeal decided
//! finally (`appeal_decided` with `final = true`) by an organ that `final_by` does not
//! name. A decision that is not final is not judged: any organ may hear an appeal on
//! its way. It reads only the event.

use crate::date::Truth;
use crate::event::kinds::AppealDecided;
use crate::id::OrganRef;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_appeal(&self, b: &AppealDecided, out: &mut Out<'_>) {
        if !b.is_final {
            return;
        }
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: organs,
            article,
        }) = version
            .trials
            .as_ref()
            .and_then(|t| t.appeals_final_by.as_ref())
        else {
            return;
        };
        if b.by.org == b.org && organs.contains(&b.by.key) {
            return;
        }
        let competent = organs
            .iter()
            .map(|k| self.organ_name(&OrganRef::new(b.org.clone(), k.clone())))
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            Rule::WrongAppealBody,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the appeal of {} was decided finally by {}; the statute gives the final decision on appeals to {competent}",
                self.person(&b.person),
                self.organ_name(&b.by)
            ),
        );
    }
}
