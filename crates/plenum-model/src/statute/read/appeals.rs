//! Reading `appeals` (in `[version.trials]`, and on a `[[version.subordinate]]`):
//! `final_by`, the organs that decide appeals finally, and `by`, the organs that
//! decide them at all ("request that the commission at the next level up reexamine
//! the case": `by = ["parent:commission"]`). It only reads; `rules/checks/appeals.rs`
//! judges `appeal_decided`.

use serde_spanned::Spanned;

use super::super::raw_trials::RawAppeals;
use super::super::{Cited, Decider};
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

/// The organs that decide appeals finally, and those that decide them at all.
pub(super) type Appeals = (Option<Cited<Vec<Key>>>, Option<Cited<Vec<Decider>>>);

impl Reader<'_> {
    pub(super) fn appeals(
        &self,
        scope: &Scope<'_>,
        raw: Spanned<RawAppeals>,
    ) -> Result<Appeals, InputError> {
        let whole = raw.span();
        let raw = raw.into_inner();
        if raw.final_by.is_none() && raw.by.is_none() {
            return Err(self.err(
                whole,
                "`appeals` says nothing: give `final_by` (the organs that decide appeals finally) or `by` (the organs that decide them at all)",
            ));
        }
        let article = self.article(scope, raw.article)?;
        let final_by = raw
            .final_by
            .map(|f| {
                if f.get_ref().is_empty() {
                    return Err(self.err(
                        f.span(),
                        "`appeals.final_by` is empty; name the organs that decide appeals finally",
                    ));
                }
                let organs = f
                    .get_ref()
                    .iter()
                    .map(|b| self.organ_key(scope, b))
                    .collect::<Result<Vec<_>, _>>()?;
                Ok(Cited {
                    rule: organs,
                    article: article.clone(),
                })
            })
            .transpose()?;
        let by = raw
            .by
            .map(|b| {
                if b.get_ref().is_empty() {
                    return Err(self.err(
                        b.span(),
                        "`appeals.by` is empty; name the organs that decide appeals (an organ key, `parent:KEY` or \"higher-level\")",
                    ));
                }
                let mut deciders: Vec<Decider> = Vec::new();
                for raw in b.get_ref() {
                    let decider = self.decider(scope, raw, "appeals")?;
                    if deciders.contains(&decider) {
                        return Err(self.err(
                            raw.span(),
                            format!("`appeals.by` names `{}` twice", raw.get_ref()),
                        ));
                    }
                    deciders.push(decider);
                }
                Ok(Cited {
                    rule: deciders,
                    article: article.clone(),
                })
            })
            .transpose()?;
        Ok((final_by, by))
    }
}
