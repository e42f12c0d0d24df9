//! Reading eligibility that requires membership of another organization
//! (`{ requires = "member", of = "union" }`).

use serde_spanned::Spanned;

use super::super::Requirement;
use super::super::raw::RawRequirement;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `of` goes with `member` or `full-member` alone: a seat or a class is of this
    /// organization, and a standing in another is not judged.
    pub(super) fn member_of(
        &self,
        _scope: &Scope<'_>,
        raw: &RawRequirement,
        of: &Spanned<String>,
    ) -> Result<Requirement, InputError> {
        let full = match raw.requires.get_ref().as_str() {
            "member" => false,
            "full-member" => true,
            other => {
                return Err(self.err(
                    of.span(),
                    format!(
                        "`of` goes only with `requires = \"member\"` or `\"full-member\"`, not `{other}`"
                    ),
                ));
            }
        };
        for (field, span) in [
            ("organ", raw.organ.as_ref().map(Spanned::span)),
            ("class", raw.class.as_ref().map(Spanned::span)),
            ("for_at_least", raw.for_at_least.as_ref().map(Spanned::span)),
        ] {
            if let Some(span) = span {
                return Err(self.err(
                    span,
                    format!("`{field}` does not go with `of`: membership of another organization is required as member or full member only"),
                ));
            }
        }
        Ok(Requirement::MemberOf {
            org: self.org(of)?,
            full,
        })
    }
}
