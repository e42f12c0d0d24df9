//! Reading an organ's `acts_for = { organ = "cc", between = "sessions" }`: another
//! organ of the same version (or template), never the organ itself, and when.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::acts_for::{ActsFor, Between};
use super::super::raw::RawActsFor;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn acts_for(
        &self,
        scope: &Scope<'_>,
        organ: &Spanned<String>,
        raw: Option<Spanned<RawActsFor>>,
    ) -> Result<Option<Cited<ActsFor>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let raw = raw.into_inner();
        if raw.organ.get_ref() == organ.get_ref() {
            return Err(self.err(
                raw.organ.span(),
                format!(
                    "`acts_for.organ` names the organ `{}` acts for; it cannot act for itself",
                    organ.get_ref()
                ),
            ));
        }
        let principal = self.organ_key(scope, &raw.organ)?;
        let between = match raw.between.get_ref().as_str() {
            "sessions" => Between::Sessions,
            other => {
                return Err(self.err(
                    raw.between.span(),
                    format!(
                        "`acts_for.between` says when the organ may act: expected \"sessions\" (between the other organ's sessions), not \"{other}\""
                    ),
                ));
            }
        };
        Ok(Some(Cited {
            rule: ActsFor {
                organ: principal,
                between,
            },
            article: self.article(scope, raw.article)?,
        }))
    }
}
