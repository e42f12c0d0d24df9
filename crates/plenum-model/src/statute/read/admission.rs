//! Reading the conditions of an admission in `[version.membership]`: `sponsors`
//! (how many, of what standing) and `admission = { as = "candidate" }`. It only
//! reads; the rules judge `member_admitted`.

use super::super::Cited;
use super::super::admission::{Admission, CandidateFirst, Sponsors};
use super::super::raw::RawMembership;
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
        let min_age = match &raw.age {
            None => None,
            Some(a) => Some(Cited {
                rule: self.period(&a.at_least)?,
                article: self.article(scope, a.article.clone())?,
            }),
        };
        Ok(Admission {
            sponsors,
            as_candidate,
            min_age,
        })
    }
}
