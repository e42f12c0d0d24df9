//! Reading `vacancy = { within = ... }` on an organ or post, and a post that
//! appoints to one (`elected_by = { by = "post:president" }`).

use serde_spanned::Spanned;

use super::super::raw::{RawElector, RawVacancy};
use super::super::{Cited, VacancyDeadline};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `within = "60 days"`, or `"next-meeting"`: the next meeting of the organ
    /// that fills the vacancy (its `vacancies` organ, else its electing organ).
    pub(super) fn vacancy(
        &self,
        scope: &Scope<'_>,
        raw: Option<&Spanned<RawVacancy>>,
        elected_by: Option<&RawElector>,
    ) -> Result<Option<Cited<VacancyDeadline>>, InputError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        let within = &raw.get_ref().within;
        let rule = if within.get_ref() == "next-meeting" {
            let filler = elected_by.and_then(|e| e.vacancies.as_ref().or(Some(&e.by)));
            match filler {
                Some(organ) if !["members", "appointment"].contains(&organ.get_ref().as_str()) => {
                    VacancyDeadline::NextMeeting(self.organ_key(scope, organ)?)
                }
                _ => {
                    return Err(self.err(
                        within.span(),
                        "`within = \"next-meeting\"` needs an organ that fills the vacancy: `elected_by = { by = \"an organ\" }` or its `vacancies`",
                    ));
                }
            }
        } else {
            VacancyDeadline::Within(self.period(within)?)
        };
        Ok(Some(Cited {
            rule,
            article: self.article(scope, raw.get_ref().article.clone())?,
        }))
    }

    /// `by = "post:KEY"`: a post of this version whose holder appoints.
    pub(super) fn appointing_post(
        &self,
        scope: &Scope<'_>,
        raw: &Spanned<String>,
    ) -> Result<crate::id::Key, InputError> {
        let key = raw.get_ref().trim_start_matches("post:");
        if !scope.posts.contains(key) {
            return Err(self.err(
                raw.span(),
                format!("`post:{key}` names a post; `{key}` is not a post of this version"),
            ));
        }
        key.parse()
            .map_err(|_| self.err(raw.span(), format!("invalid key `{key}`")))
    }
}
