//! Reading an organ's `record_date = { at_least = "10 days", at_most = "60 days" }`.
//! It only reads; `rules/checks/record_date.rs` judges.

use super::super::raw::RawRecordDate;
use super::super::{Cited, RecordDate};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `at_least` and `at_most` are periods (days, weeks, months); one at least.
    pub(super) fn record_date(
        &self,
        scope: &Scope<'_>,
        raw: Option<serde_spanned::Spanned<RawRecordDate>>,
    ) -> Result<Option<Cited<RecordDate>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        if raw.at_least.is_none() && raw.at_most.is_none() {
            return Err(self.err(
                whole,
                "`record_date` needs `at_least = \"10 days\"`, `at_most = \"60 days\"`, or both",
            ));
        }
        let period = |p: &Option<serde_spanned::Spanned<String>>| {
            p.as_ref()
                .map(|p| {
                    self.period(p)
                        .map_err(|e| self.err(p.span(), format!("`record_date`: {}", e.message)))
                })
                .transpose()
        };
        Ok(Some(Cited {
            rule: RecordDate {
                at_least: period(&raw.at_least)?,
                at_most: period(&raw.at_most)?,
            },
            article: self.article(scope, raw.article)?,
        }))
    }
}
