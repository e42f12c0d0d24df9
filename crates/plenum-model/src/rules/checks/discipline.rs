//! Penalties of the statute's own (`member_disciplined`): the statute must provide
//! the penalty, a competent organ must have decided it by its majority, and a
//! penalty for a period may not be set to last longer than the statute allows.

use crate::date::Truth;
use crate::event::kinds::MemberDisciplined;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A `member_disciplined` judged by the version in force on its day.
    pub(super) fn check_penalty(&self, b: &MemberDisciplined, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        // Without a statute, nothing says which penalties exist.
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let who = self.person(&b.person);
        let Some(penalty) = version.penalty(&b.penalty) else {
            out.push(
                Rule::UnknownPenalty,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, None)),
                vec![],
                format!(
                    "{who} was given the penalty `{}`, which the statute in force does not provide",
                    b.penalty
                ),
            );
            return;
        };
        // Competence is judged only where the statute says who imposes the penalty.
        let pick = |d: &crate::statute::DisciplineRule| {
            d.act == crate::statute::Act::Penalty && d.penalty.as_ref() == Some(&b.penalty)
        };
        let rules = self.bound_rules(Some(version), pick, &b.org, &b.person, &date);
        if !rules.is_empty() {
            self.check_competence(
                &penalty.name,
                Some(version),
                &rules,
                &b.org,
                None,
                b.decision.as_ref(),
                &b.person,
                out,
            );
        }
        if let (Some(longest), Some(until)) = (penalty.longest, &b.until) {
            let end = longest.after(date.latest());
            let certainty = if until.earliest() > end {
                Truth::Definitely
            } else if until.latest() > longest.after(date.earliest()) {
                Truth::Possibly
            } else {
                Truth::No
            };
            out.push(
                Rule::StatusTooLong,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, penalty.article.as_ref())),
                vec![],
                format!(
                    "{who} was given the {} on {date} until {until}, beyond the {longest} the statute allows (it would end {end})",
                    penalty.name
                ),
            );
        }
    }
}
