//! Reading `[version.trials]`: who files charges, who tries them, the deadline
//! of the decision, and when a copy of the charges is served. It only reads; the rules judge `charges_filed` and `person_tried`.

use serde_spanned::Spanned;

use super::super::raw::RawTrials;
use super::super::trials::{Filer, Trials};
use super::super::{Act, Cited};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn trials(
        &self,
        scope: &Scope<'_>,
        raw: Spanned<RawTrials>,
    ) -> Result<Trials, InputError> {
        let whole = raw.span();
        let raw = raw.into_inner();
        if raw.filed_by.is_none()
            && raw.tried_by.is_none()
            && raw.decision.is_none()
            && raw.required_for.is_none()
            && raw.serve.is_none()
            && raw.served_before_trial.is_none()
        {
            return Err(self.err(
                whole,
                "`[version.trials]` says nothing: give `filed_by`, `tried_by`, `decision`, `required_for`, `serve` or `served_before_trial`",
            ));
        }
        let required_for = raw
            .required_for
            .map(|r| {
                if r.acts.is_empty() {
                    return Err(self.err(
                        whole.clone(),
                        "`required_for.acts` is empty; name \"expulsion\", \"suspension\" or both",
                    ));
                }
                let acts = r
                    .acts
                    .iter()
                    .map(|a| match a.get_ref().as_str() {
                        "expulsion" => Ok(Act::Expulsion),
                        "suspension" => Ok(Act::Suspension),
                        other => Err(self.err(
                            a.span(),
                            format!(
                                "`required_for.acts` names `{other}`; expected \"expulsion\" or \"suspension\""
                            ),
                        )),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Cited {
                    rule: acts,
                    article: self.article(scope, r.article)?,
                })
            })
            .transpose()?;
        let filed_by = raw
            .filed_by
            .map(|f| {
                let rule = match f.by.get_ref().as_str() {
                    "member" => Filer::Member,
                    "full-member" => Filer::FullMember,
                    other => {
                        return Err(self.err(
                            f.by.span(),
                            format!(
                                "`filed_by.by` is `{other}`; expected \"member\" or \"full-member\""
                            ),
                        ));
                    }
                };
                Ok(Cited {
                    rule,
                    article: self.article(scope, f.article)?,
                })
            })
            .transpose()?;
        let tried_by = raw
            .tried_by
            .map(|t| {
                if t.by.is_empty() {
                    return Err(self.err(
                        whole.clone(),
                        "`tried_by.by` is empty; name the organs that try charges",
                    ));
                }
                let organs =
                    t.by.iter()
                        .map(|b| self.organ_key(scope, b))
                        .collect::<Result<Vec<_>, _>>()?;
                Ok(Cited {
                    rule: organs,
                    article: self.article(scope, t.article)?,
                })
            })
            .transpose()?;
        let decision_within = raw
            .decision
            .map(|d| self.cited_period(scope, &d.within, d.article))
            .transpose()?;
        let serve_within = raw
            .serve
            .map(|s| self.cited_period(scope, &s.within, s.article))
            .transpose()?;
        let served_before_trial = raw
            .served_before_trial
            .map(|s| self.cited_period(scope, &s.at_least, s.article))
            .transpose()?;
        Ok(Trials {
            filed_by,
            tried_by,
            decision_within,
            required_for,
            serve_within,
            served_before_trial,
        })
    }
}
