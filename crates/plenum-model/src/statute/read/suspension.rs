//! Reading `[[version.suspension]] articles = ["IV.2a"], by = ["ieb"]`: articles of the
//! version, each once, and organs of the version, at least one of each. It only
//! reads; the rules judge decisions that set articles aside.

use super::super::Cited;
use super::super::raw::RawSuspension;
use super::super::suspension::Suspension;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn suspension(
        &self,
        scope: &Scope<'_>,
        raw: RawSuspension,
    ) -> Result<Cited<Suspension>, InputError> {
        if raw.articles.get_ref().is_empty() {
            return Err(self.err(
                raw.articles.span(),
                "`suspension.articles` names the articles that may be set aside; give at least one",
            ));
        }
        let mut articles: Vec<String> = Vec::new();
        for a in raw.articles.get_ref() {
            if !scope.articles.contains(a.get_ref()) {
                return Err(self.err(
                    a.span(),
                    format!(
                        "`suspension.articles` names articles of version `{}`; `{}` is not one",
                        scope.version,
                        a.get_ref()
                    ),
                ));
            }
            if articles.contains(a.get_ref()) {
                return Err(self.err(
                    a.span(),
                    format!("`suspension.articles` names `{}` twice", a.get_ref()),
                ));
            }
            articles.push(a.get_ref().clone());
        }
        if raw.by.get_ref().is_empty() {
            return Err(self.err(
                raw.by.span(),
                "`suspension.by` names the organs that may set the articles aside; give at least one",
            ));
        }
        let by = raw
            .by
            .get_ref()
            .iter()
            .map(|o| self.organ_key(scope, o))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Cited {
            rule: Suspension { articles, by },
            article: self.article(scope, raw.article)?,
        })
    }
}
