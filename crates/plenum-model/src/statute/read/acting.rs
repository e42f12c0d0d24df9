//! Reading a post's `acting = { posts = [...], organs = [...] }`: posts and organs of
//! the same version (or template), at least one named, never the post itself. It only
//! reads; the rules judge acting holders by it.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::acting::Acting;
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
        Ok(Some(Cited {
            rule: Acting { posts, organs },
            article: self.article(scope, raw.article)?,
        }))
    }
}
