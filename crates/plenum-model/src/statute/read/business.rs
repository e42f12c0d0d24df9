//! Reading a kind of meeting's `business = { only = "noticed", article = "IV.G" }`.
//! It only reads; `rules/checks/business.rs` judges.

use super::super::raw::RawBusiness;
use super::super::{Business, Cited};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `only` is `"noticed"`: the business its notice states, and no other.
    pub(super) fn business(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawBusiness>,
    ) -> Result<Option<Cited<Business>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let rule = match raw.only.get_ref().as_str() {
            "noticed" => Business::Noticed,
            other => {
                return Err(self.err(
                    raw.only.span(),
                    format!(
                        "`business.only` is `\"noticed\"` (only the business the notice states), not `{other}`"
                    ),
                ));
            }
        };
        Ok(Some(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        }))
    }
}
