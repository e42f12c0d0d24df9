//! Reading an organ's `co_option = { except = ["removed"], article = "V.L" }`. It
//! only reads; `rules/checks/co_option.rs` judges.

use super::super::co_option::CAUSES;
use super::super::co_option::Until;
use super::super::raw::{RawCoOption, RawElector};
use super::super::{Cited, CoOption};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `except` names one way a seat ends or more (`removed`, `died`, ...), each
    /// once; the organ's `elected_by` must name a `vacancies` organ.
    pub(super) fn co_option(
        &self,
        scope: &Scope<'_>,
        raw: Option<serde_spanned::Spanned<RawCoOption>>,
        elector: Option<&RawElector>,
    ) -> Result<Option<Cited<CoOption>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        if elector.and_then(|e| e.vacancies.as_ref()).is_none() {
            return Err(self.err(
                whole,
                "`co_option` limits the organ that fills vacancies; give `elected_by = { ..., vacancies = \"ORGAN\" }` too",
            ));
        }
        if raw.except.is_empty() && raw.until.is_none() {
            return Err(self.err(
                whole,
                "`co_option` needs `except = [\"removed\"]` (the ways a seat ends whose vacancy the vacancies organ may not fill), `until = { organ = \"ORGAN\", category = \"annual\" }` (the meeting a co-opted seat lasts until), or both",
            ));
        }
        let until = raw
            .until
            .as_ref()
            .map(|u| {
                Ok::<_, InputError>(Until {
                    organ: self.organ_key(scope, &u.organ)?,
                    category: u.category.clone(),
                })
            })
            .transpose()?;
        let mut except = Vec::new();
        for word in &raw.except {
            let Some(cause) = CAUSES.iter().find(|c| c.as_str() == word.get_ref()) else {
                let known = CAUSES.iter().map(|c| c.as_str()).collect::<Vec<_>>();
                return Err(self.err(
                    word.span(),
                    format!(
                        "`co_option.except`: `{}` is not a way a seat ends; expected one of {}",
                        word.get_ref(),
                        known.join(", ")
                    ),
                ));
            };
            if except.contains(cause) {
                return Err(self.err(
                    word.span(),
                    format!("`co_option.except` names `{}` twice", word.get_ref()),
                ));
            }
            except.push(*cause);
        }
        Ok(Some(Cited {
            rule: CoOption { except, until },
            article: self.article(scope, raw.article)?,
        }))
    }
}
