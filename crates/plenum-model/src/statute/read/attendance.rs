//! Reading an organ's `attends = { organs = ["convention", "ieb"], article = "VII.2" }`.
//! It only reads; `rules/checks/attendance.rs` judges.

use serde_spanned::Spanned;

use super::super::attendance::RawAttends;
use super::super::{Attends, Cited};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `organs` names at least one organ of the version, each once.
    pub(super) fn attends(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawAttends>>,
    ) -> Result<Option<Cited<Attends>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let whole = raw.span();
        let raw = raw.into_inner();
        if raw.organs.is_empty() {
            return Err(self.err(
                whole,
                "`attends` needs `organs = [\"an organ\"]`: the organs whose every meeting the holders must attend",
            ));
        }
        let mut organs = Vec::new();
        for o in &raw.organs {
            let key = self.organ_key(scope, o)?;
            if organs.contains(&key) {
                return Err(self.err(
                    o.span(),
                    format!("`attends.organs` names `{}` twice", o.get_ref()),
                ));
            }
            organs.push(key);
        }
        Ok(Some(Cited {
            rule: Attends { organs },
            article: self.article(scope, raw.article)?,
        }))
    }
}
