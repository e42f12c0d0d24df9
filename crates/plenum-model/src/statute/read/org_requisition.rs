//! Reading `convened_by.organizations = { category = "provincial", more_than = "1/3" }`:
//! a requisition by subordinate organizations of a category the version declares.

use serde_spanned::Spanned;

use super::super::OrgRequisition;
use super::super::raw::RawOrgRequisition;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `convened_by.organizations`: its category must be one of the version's
    /// `[[version.subordinate]]` categories, and its share `at_least` or `more_than`.
    pub(super) fn org_requisition(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawOrgRequisition>>,
    ) -> Result<Option<OrgRequisition>, InputError> {
        let Some(raw) = raw else {
            return Ok(None);
        };
        let whole = raw.span();
        let raw = raw.into_inner();
        let category = raw.category.get_ref().trim();
        if !scope.categories.contains(category) {
            let known = if scope.categories.is_empty() {
                "the version declares none (`[[version.subordinate]]`)".to_owned()
            } else {
                let names: Vec<_> = scope.categories.iter().map(|c| format!("`{c}`")).collect();
                format!("the version's are {}", names.join(", "))
            };
            return Err(self.err(
                raw.category.span(),
                format!(
                    "`convened_by.organizations.category` names a category of subordinate organizations; `{category}` is not one: {known}"
                ),
            ));
        }
        Ok(Some(OrgRequisition {
            category: category.to_owned(),
            threshold: self.threshold(raw.at_least, raw.more_than, whole)?,
        }))
    }
}
