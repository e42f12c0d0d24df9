//! Reading an organ's `between_elections = { at_most = "1/5", article = "21" }`. It
//! only reads; `query/between.rs` judges.

use super::super::raw::{RawBetweenElections, RawElector};
use super::super::{BetweenElections, Cited, Share};
use super::Reader;
use super::Scope;
use crate::source::InputError;

impl Reader<'_> {
    /// `at_most` is a share (`1/5`, `20%`); the organ must name who fills its
    /// vacancies (`elected_by.vacancies`), whose fillings it counts.
    pub(super) fn between_elections(
        &self,
        scope: &Scope<'_>,
        raw: Option<serde_spanned::Spanned<RawBetweenElections>>,
        elected_by: Option<&RawElector>,
    ) -> Result<Option<Cited<BetweenElections>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        if elected_by.and_then(|e| e.vacancies.as_ref()).is_none() {
            return Err(self.err(
                whole,
                "`between_elections` counts the seats the organ for vacancies fills: it needs `elected_by = { by = \"...\", vacancies = \"an organ\" }`",
            ));
        }
        let at_most = raw.at_most.get_ref().parse::<Share>().map_err(|e| {
            self.err(
                raw.at_most.span(),
                format!("`between_elections.at_most`: {e}"),
            )
        })?;
        Ok(Some(Cited {
            rule: BetweenElections { at_most },
            article: self.article(scope, raw.article)?,
        }))
    }
}
