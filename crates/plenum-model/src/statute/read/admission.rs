//! Reading the conditions of an admission in `[version.membership]`: `sponsors`
//! (how many, of what standing), `admission = { as = "candidate" }`, the
//! `conditions` the record must show met, and `resignation = { effective =
//! "on-notice" }`. It only reads; the rules judge `member_admitted`,
//! `member_promoted` and `member_resigned`.

use super::super::Cited;
use super::super::admission::{
    Admission, CandidateFirst, Conditions, ProbationFromDecision, ResignationOnNotice, Sponsors,
};
use super::super::raw::{RawMembership, RawResignation};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn admission(
        &self,
        scope: &Scope<'_>,
        raw: Option<&RawMembership>,
    ) -> Result<Admission, InputError> {
        let Some(raw) = raw else {
            return Ok(Admission::default());
        };
        let sponsors = match &raw.sponsors {
            None => None,
            Some(s) => {
                let at_least = *s.at_least.get_ref();
                if at_least == 0 {
                    return Err(self.err(
                        s.at_least.span(),
                        "`sponsors.at_least` is 0; give the number of members who must recommend an applicant (1 or more)",
                    ));
                }
                let full = match s.status.as_ref().map(|v| (v.get_ref().as_str(), v.span())) {
                    None | Some(("member", _)) => false,
                    Some(("full-member", _)) => true,
                    Some((other, span)) => {
                        return Err(self.err(
                            span,
                            format!("`sponsors.status` is `{other}`; expected \"member\" or \"full-member\""),
                        ));
                    }
                };
                Some(Cited {
                    rule: Sponsors { at_least, full },
                    article: self.article(scope, s.article.clone())?,
                })
            }
        };
        let as_candidate = match &raw.admission {
            None => None,
            Some(a) => {
                if a.as_status.get_ref() != "candidate" {
                    return Err(self.err(
                        a.as_status.span(),
                        format!(
                            "`admission.as` is `{}`; expected \"candidate\" (new members admitted on probation)",
                            a.as_status.get_ref()
                        ),
                    ));
                }
                Some(Cited {
                    rule: CandidateFirst,
                    article: self.article(scope, a.article.clone())?,
                })
            }
        };
        let conditions = match &raw.conditions {
            None => None,
            Some(c) => {
                let c_ref = c.get_ref();
                if c_ref.required.is_empty() {
                    return Err(self.err(
                        c.span(),
                        "`conditions.required` is empty; list the conditions the record must show met",
                    ));
                }
                let mut required: Vec<String> = Vec::new();
                for condition in &c_ref.required {
                    let word = condition.get_ref().trim();
                    if word.is_empty() {
                        return Err(self.err(condition.span(), "a condition is empty"));
                    }
                    if required.iter().any(|r| r == word) {
                        return Err(self.err(
                            condition.span(),
                            format!("the condition `{word}` is listed twice"),
                        ));
                    }
                    required.push(word.to_owned());
                }
                Some(Cited {
                    rule: Conditions { required },
                    article: self.article(scope, c_ref.article.clone())?,
                })
            }
        };
        let min_age = match &raw.age {
            None => None,
            Some(a) => Some(Cited {
                rule: self.period(&a.at_least)?,
                article: self.article(scope, a.article.clone())?,
            }),
        };
        let resignation = raw
            .resignation
            .as_ref()
            .map(|r| self.resignation(scope, r))
            .transpose()?;
        let steps = self.steps(scope, &raw.steps)?;
        let probation_from_decision = match raw.probation.as_ref() {
            Some(p) => match &p.from {
                None => None,
                Some(from) if from.get_ref() == "decision" => Some(Cited {
                    rule: ProbationFromDecision,
                    article: self.article(scope, p.article.clone())?,
                }),
                Some(from) => {
                    return Err(self.err(
                        from.span(),
                        format!(
                            "`probation.from` is `{}`; expected \"decision\" (the probation begins on the day of the decision accepting the candidate)",
                            from.get_ref()
                        ),
                    ));
                }
            },
            None => None,
        };
        let unit = self.unit(scope, raw.unit.as_ref())?;
        Ok(Admission {
            unit,
            steps,
            probation_from_decision,
            sponsors,
            as_candidate,
            conditions,
            resignation,
            min_age,
        })
    }

    /// `resignation = { effective = "on-notice" }`, of a membership or (on an organ)
    /// of a seat.
    pub(super) fn resignation(
        &self,
        scope: &Scope<'_>,
        r: &RawResignation,
    ) -> Result<Cited<ResignationOnNotice>, InputError> {
        if r.effective.get_ref() != "on-notice" {
            return Err(self.err(
                r.effective.span(),
                format!(
                    "`resignation.effective` is `{}`; expected \"on-notice\" (a resignation takes effect when its notice is given)",
                    r.effective.get_ref()
                ),
            ));
        }
        Ok(Cited {
            rule: ResignationOnNotice,
            article: self.article(scope, r.article.clone())?,
        })
    }
}
