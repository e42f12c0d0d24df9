//! Reading an organ's `counting = { method = "points", article = "V.D" }`. It only
//! reads; `rules/checks/counting.rs` judges.

use super::super::raw::RawCounting;
use super::super::{Cited, CountingMethod};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `method` is one of the methods whose winners the tally shows.
    pub(super) fn counting(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawCounting>,
    ) -> Result<Option<Cited<CountingMethod>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let Some(method) = CountingMethod::ALL
            .into_iter()
            .find(|m| m.name() == raw.method.get_ref())
        else {
            let names: Vec<&str> = CountingMethod::ALL.iter().map(|m| m.name()).collect();
            return Err(self.err(
                raw.method.span(),
                format!(
                    "`counting.method`: `{}` is not a method whose winners the tally shows; expected one of {}",
                    raw.method.get_ref(),
                    names.join(", ")
                ),
            ));
        };
        Ok(Some(Cited {
            rule: method,
            article: self.article(scope, raw.article)?,
        }))
    }
}
