//! Reading `membership.unit = { categories = ["branch", "primary"], article = "8" }`:
//! the kinds of organization a member's unit is, each a category of the version's
//! `[[version.subordinate]]` templates. It only reads; `rules/checks/unit.rs` judges.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::raw::RawUnit;
use super::super::unit::MemberUnit;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `membership.unit`: a non-empty list of the version's subordinate categories,
    /// each once.
    pub(super) fn unit(
        &self,
        scope: &Scope<'_>,
        raw: Option<&Spanned<RawUnit>>,
    ) -> Result<Option<Cited<MemberUnit>>, InputError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        let listed = raw.get_ref().categories.get_ref();
        if listed.is_empty() {
            return Err(self.err(
                raw.get_ref().categories.span(),
                "`unit.categories` is empty; name the categories of organization a member's unit is (`[[version.subordinate]]` categories, e.g. \"branch\")",
            ));
        }
        let mut categories: Vec<String> = Vec::new();
        for category in listed {
            let word = category.get_ref().trim();
            if !scope.categories.contains(word) {
                let known = if scope.categories.is_empty() {
                    "the version declares none (`[[version.subordinate]]`)".to_owned()
                } else {
                    let names: Vec<_> = scope.categories.iter().map(|c| format!("`{c}`")).collect();
                    format!("the version's are {}", names.join(", "))
                };
                return Err(self.err(
                    category.span(),
                    format!(
                        "`unit.categories` names categories of subordinate organizations; `{word}` is not one: {known}"
                    ),
                ));
            }
            if categories.iter().any(|c| c == word) {
                return Err(self.err(
                    category.span(),
                    format!("the category `{word}` is listed twice"),
                ));
            }
            categories.push(word.to_owned());
        }
        Ok(Some(Cited {
            rule: MemberUnit { categories },
            article: self.article(scope, raw.get_ref().article.clone())?,
        }))
    }
}
