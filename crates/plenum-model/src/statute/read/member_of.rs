//! Reading an office's eligibility (`eligibility = [...]`), and in particular
//! eligibility that requires membership of another organization
//! (`{ requires = "member", of = "union" }`).

use serde_spanned::Spanned;

use super::super::raw::RawRequirement;
use super::super::{Cited, Requirement};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// An office's `eligibility`: membership (with a standing), a class, a seat on an
    /// organ, or membership of another organization (`of`).
    pub(super) fn requirements(
        &self,
        scope: &Scope<'_>,
        raws: Vec<RawRequirement>,
    ) -> Result<Vec<Cited<Requirement>>, InputError> {
        raws.into_iter()
            .map(|raw| {
                if let Some(of) = &raw.of {
                    let rule = self.member_of(scope, &raw, of)?;
                    return Ok(Cited { rule, article: self.article(scope, raw.article)? });
                }
                let standing = raw.for_at_least.as_ref().map(|l| self.period(l)).transpose()?;
                let rule = match (raw.requires.get_ref().as_str(), &raw.organ) {
                    ("member" | "full-member", None) if standing.is_some() => Requirement::Standing {
                        full: raw.requires.get_ref() == "full-member",
                        length: standing.expect("checked"),
                    },
                    (_, _) if raw.class.is_some() || raw.requires.get_ref() == "class" => {
                        Requirement::Class(self.class_key(scope, &raw.requires, raw.class.as_ref(), raw.organ.as_ref(), raw.for_at_least.as_ref())?)
                    }
                    ("seat", _) if raw.for_at_least.is_some() => {
                        let span = raw.for_at_least.as_ref().map_or(0..0, Spanned::span);
                        return Err(self.err(span, "`for_at_least` goes only with `member` or `full-member`"));
                    }
                    ("member", None) => Requirement::Member,
                    ("full-member", None) => Requirement::FullMember,
                    ("seat", Some(organ)) => Requirement::Seat(self.organ_key(scope, organ)?),
                    ("seat", None) => return Err(self.err(raw.requires.span(), "`requires = \"seat\"` needs `organ = ...`")),
                    ("member" | "full-member", Some(organ)) => {
                        return Err(self.err(organ.span(), "`organ` goes only with `requires = \"seat\"`"));
                    }
                    (other, _) => {
                        return Err(self.err(
                            raw.requires.span(),
                            format!("unknown requirement `{other}`; expected `member`, `full-member`, `seat` or `class`"),
                        ));
                    }
                };
                Ok(Cited { rule, article: self.article(scope, raw.article)? })
            })
            .collect()
    }

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
