//! Reading an organ's `weighted = { categories = ["vacancy"], by_constituency =
//! ["vice-presidents"], of = "convention", category = "regular", highest =
//! ["president"] }`. It only reads; `rules/checks/weighted.rs` judges.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::raw_organ::RawWeighted;
use super::super::weighted::Weighted;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `categories` at least one, none empty nor twice; `by_constituency` organs and
    /// `of` an organ of the version; `highest` posts of the version.
    pub(super) fn weighted(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawWeighted>>,
    ) -> Result<Option<Cited<Weighted>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        if raw.categories.is_empty() {
            return Err(self.err(
                whole,
                "`weighted.categories` names the decision categories voted by weight (`motion_decided`'s `category`); give at least one",
            ));
        }
        let mut categories: Vec<String> = Vec::new();
        for c in raw.categories {
            if c.get_ref().trim().is_empty() || categories.contains(c.get_ref()) {
                return Err(self.err(
                    c.span(),
                    format!(
                        "`weighted.categories`: `{}` is empty or named twice",
                        c.get_ref()
                    ),
                ));
            }
            categories.push(c.into_inner());
        }
        if raw.by_constituency.is_empty() {
            return Err(self.err(
                whole,
                "`weighted.by_constituency` names the organs whose members cast their constituency's votes; give at least one",
            ));
        }
        let by_constituency = raw
            .by_constituency
            .iter()
            .map(|o| self.organ_key(scope, o))
            .collect::<Result<Vec<_>, _>>()?;
        let mut highest = Vec::new();
        for p in &raw.highest {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`weighted.highest` names posts of version `{}`; `{}` is not one",
                        scope.version,
                        p.get_ref()
                    ),
                ));
            }
            highest.push(self.key(p)?);
        }
        let category = match raw.category {
            Some(c) if c.get_ref().trim().is_empty() => {
                return Err(self.err(c.span(), "`weighted.category` is empty"));
            }
            c => c.map(Spanned::into_inner),
        };
        Ok(Some(Cited {
            rule: Weighted {
                categories,
                by_constituency,
                of: self.organ_key(scope, &raw.of)?,
                category,
                highest,
            },
            article: self.article(scope, raw.article)?,
        }))
    }
}
