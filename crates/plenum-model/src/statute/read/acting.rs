//! Reading a post's `acting = { posts = [...], organs = [...] }`: posts and organs of
//! the same version (or template), at least one named, never the post itself. It only
//! reads; the rules judge acting holders by it. `when_vacant` names posts of the
//! version (the acted-in one may be among them), each once; `order` is `"seniority"`
//! and needs `organs`.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::acting::{Acting, ActingOrder};
use super::super::raw::RawActing;
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn acting(
        &self,
        scope: &Scope<'_>,
        post: &str,
        raw: Option<Spanned<RawActing>>,
    ) -> Result<Option<Cited<Acting>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if raw.posts.is_empty() && raw.organs.is_empty() {
            return Err(self.err(
                span,
                "`acting` names no one: give `posts = [\"vice-president\"]`, `organs = [\"board\"]` or both",
            ));
        }
        let mut posts = Vec::new();
        for p in &raw.posts {
            if p.get_ref() == post || !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`acting.posts` names other posts of version `{}`; `{}` is not one",
                        scope.version,
                        p.get_ref()
                    ),
                ));
            }
            posts.push(self.key(p)?);
        }
        let organs = raw
            .organs
            .iter()
            .map(|o| self.organ_key(scope, o))
            .collect::<Result<Vec<_>, _>>()?;
        let mut when_vacant: Vec<crate::id::Key> = Vec::new();
        for p in &raw.when_vacant {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`acting.when_vacant` names posts of version `{}`; `{}` is not one",
                        scope.version,
                        p.get_ref()
                    ),
                ));
            }
            let key = self.key(p)?;
            if when_vacant.contains(&key) {
                return Err(self.err(
                    p.span(),
                    format!("`acting.when_vacant` names `{}` twice", p.get_ref()),
                ));
            }
            when_vacant.push(key);
        }
        let order = match &raw.order {
            None => None,
            Some(o) if o.get_ref() == "seniority" => {
                if organs.is_empty() {
                    return Err(self.err(
                        o.span(),
                        "`acting.order` orders the members of the organs named; give `organs` too",
                    ));
                }
                Some(ActingOrder::Seniority)
            }
            Some(o) => {
                return Err(self.err(
                    o.span(),
                    format!(
                        "`acting.order` must be \"seniority\" (the most senior member acts), not `{}`",
                        o.get_ref()
                    ),
                ));
            }
        };
        Ok(Some(Cited {
            rule: Acting {
                posts,
                organs,
                when_vacant,
                order,
            },
            article: self.article(scope, raw.article)?,
        }))
    }
}
