//! Reading `[version.trials]`: who files charges, who tries them, the deadline
//! of the decision, when a copy of the charges is served, which acts need a hearing, and
//! who decides appeals finally, and the grounds charges may rest on. It only reads; the rules judge `charges_filed` and `person_tried`.

use serde_spanned::Spanned;

use super::super::raw_trials::{RawGrounds, RawHearing, RawTrials};
use super::super::trials::{Filer, Ground, Hearable, Hearing, Trials};
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
            && raw.hearing.is_none()
            && raw.appeals.is_none()
            && raw.grounds.is_none()
            && raw.recusal.is_none()
            && raw.acting_chair.is_none()
        {
            return Err(self.err(
                whole,
                "`[version.trials]` says nothing: give `filed_by`, `tried_by`, `decision`, `required_for`, `serve`, `served_before_trial`, `hearing`, `appeals`, `grounds`, `recusal` or `acting_chair`",
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
        let hearing = raw.hearing.map(|h| self.hearing(scope, h)).transpose()?;
        let (appeals_final_by, appeals_by) = match raw.appeals {
            Some(a) => self.appeals(scope, a)?,
            None => (None, None),
        };
        let grounds = raw.grounds.map(|g| self.grounds(scope, g)).transpose()?;
        let recusal = raw
            .recusal
            .map(|r| {
                let r = r.into_inner();
                Ok::<_, InputError>(Cited {
                    rule: super::super::trials::Recusal { former: r.former },
                    article: self.article(scope, r.article)?,
                })
            })
            .transpose()?;
        let acting_chair = raw
            .acting_chair
            .map(|a| {
                if !a.by.get_ref().starts_with("post:") {
                    return Err(self.err(
                        a.by.span(),
                        format!(
                            "`acting_chair.by` names the post whose holder appoints (\"post:president\"), not `{}`",
                            a.by.get_ref()
                        ),
                    ));
                }
                Ok(Cited {
                    rule: self.appointing_post(scope, &a.by)?,
                    article: self.article(scope, a.article)?,
                })
            })
            .transpose()?;
        if let (Some(Cited { .. }), None) = (&acting_chair, &recusal) {
            return Err(self.err(
                whole,
                "`acting_chair` appoints a chair for the cases `recusal` concerns; give `recusal` too",
            ));
        }
        Ok(Trials {
            recusal,
            acting_chair,
            grounds,
            filed_by,
            tried_by,
            decision_within,
            required_for,
            serve_within,
            served_before_trial,
            hearing,
            appeals_final_by,
            appeals_by,
        })
    }

    /// `hearing = { acts = [...], before = "organ" }`: built-in acts that discipline a
    /// member, or penalties the version declares; the organ one of the version's.
    fn hearing(&self, scope: &Scope<'_>, raw: RawHearing) -> Result<Cited<Hearing>, InputError> {
        if raw.acts.get_ref().is_empty() {
            return Err(self.err(
                raw.acts.span(),
                "`hearing.acts` is empty; name the acts that need a hearing first",
            ));
        }
        let acts = raw
            .acts
            .get_ref()
            .iter()
            .map(|a| match a.get_ref().as_str() {
                "expulsion" => Ok(Hearable::Expulsion),
                "suspension" => Ok(Hearable::Suspension),
                "removal" => Ok(Hearable::Removal),
                other if scope.penalties.contains(other) => Ok(Hearable::Penalty(self.key(a)?)),
                other => Err(self.err(
                    a.span(),
                    format!(
                        "`hearing.acts` names `{other}`; expected \"expulsion\", \"suspension\", \"removal\" or the id of a `[[version.penalty]]`"
                    ),
                )),
            })
            .collect::<Result<Vec<_>, _>>()?;
        let before = raw
            .before
            .as_ref()
            .map(|b| self.organ_key(scope, b))
            .transpose()?;
        Ok(Cited {
            rule: Hearing { acts, before },
            article: self.article(scope, raw.article)?,
        })
    }

    /// `grounds = { only = ["..."] }`: the grounds charges may rest on, each in the
    /// words a `charges_filed` must use; none empty, none twice, the list never empty.
    fn grounds(
        &self,
        scope: &Scope<'_>,
        raw: RawGrounds,
    ) -> Result<Cited<Vec<Ground>>, InputError> {
        if raw.only.get_ref().is_empty() {
            return Err(self.err(
                raw.only.span(),
                "`grounds.only` is empty; list the grounds on which charges may be filed",
            ));
        }
        let mut grounds: Vec<Ground> = Vec::new();
        for words in raw.only.get_ref() {
            let text = words.get_ref().trim();
            if text.is_empty() {
                return Err(self.err(
                    words.span(),
                    "`grounds.only` holds an empty ground; write the ground in the words charges use",
                ));
            }
            if grounds.iter().any(|g| g.as_str() == text) {
                return Err(self.err(
                    words.span(),
                    format!("`grounds.only` lists \"{text}\" twice"),
                ));
            }
            grounds.push(Ground::new(text.to_owned()));
        }
        Ok(Cited {
            rule: grounds,
            article: self.article(scope, raw.article)?,
        })
    }
}
