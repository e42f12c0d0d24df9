//! Reading `[version.constituencies]` and an organ's `constituencies`: refuses an
//! organ's clause where the version declares no constituencies, and one that says
//! nothing; and an organ's `non_voting` posts, refusing a post of no version's and one
//! that sits on the organ by office or composition. It only reads; the rules judge elections and seats by it.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::constituencies::{Constituencies, NonVoting, SeatsByConstituency};
use super::super::raw::{
    RawConstituencies, RawConvener, RawNonVoting, RawOrgan, RawOrganConstituencies,
};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn constituencies(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawConstituencies>,
    ) -> Result<Option<Cited<Constituencies>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        if raw.name.get_ref().trim().is_empty() {
            return Err(self.err(
                raw.name.span(),
                "`[version.constituencies]` needs the `name` the statute gives one (\"Legislative District\")",
            ));
        }
        Ok(Some(Cited {
            rule: Constituencies {
                name: raw.name.into_inner(),
            },
            article: self.article(scope, raw.article)?,
        }))
    }

    pub(super) fn seats_by_constituency(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawOrganConstituencies>>,
    ) -> Result<Option<Cited<SeatsByConstituency>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if scope.template {
            return Err(self.err(
                span,
                "`constituencies` is not yet read in a subordinate template; give it on the governing organization's organs",
            ));
        }
        if !scope.constituencies {
            return Err(self.err(
                span,
                format!(
                    "`constituencies` on an organ needs `[version.constituencies]` in version `{}` (what the statute calls one)",
                    scope.version
                ),
            ));
        }
        let rule = SeatsByConstituency {
            elected: raw.elected.unwrap_or(false),
            distinct: raw.distinct.unwrap_or(false),
        };
        if !rule.elected && !rule.distinct {
            return Err(self.err(
                span,
                "`constituencies` says nothing: give `elected = true` (each seat elected by one constituency's delegates), `distinct = true` (no two holders of one constituency) or both",
            ));
        }
        Ok(Some(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        }))
    }

    /// An organ's `non_voting` posts: posts of the version, none of which sits on it
    /// by office (`ex_officio`) or composition (`composed_of`).
    pub(super) fn non_voting(
        &self,
        scope: &Scope<'_>,
        organ: &RawOrgan,
        raw: Option<Spanned<RawNonVoting>>,
    ) -> Result<Option<Cited<NonVoting>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if raw.posts.is_empty() {
            return Err(self.err(
                span,
                "`non_voting.posts` is empty; name the posts whose holders attend without a vote",
            ));
        }
        let mut posts = Vec::new();
        for p in &raw.posts {
            if !scope.posts.contains(p.get_ref()) {
                return Err(self.err(
                    p.span(),
                    format!(
                        "`non_voting.posts` names posts; `{}` is not a post of version `{}`",
                        p.get_ref(),
                        scope.version
                    ),
                ));
            }
            let sits = organ.ex_officio.iter().any(|e| e.get_ref() == p.get_ref())
                || organ
                    .composed_of
                    .as_ref()
                    .is_some_and(|c| c.posts.iter().any(|c| c.get_ref() == p.get_ref()));
            if sits {
                return Err(self.err(
                    p.span(),
                    format!("`{}` sits on this organ by office or composition, with a vote; it cannot also attend without one", p.get_ref()),
                ));
            }
            posts.push(self.key(p)?);
        }
        Ok(Some(Cited {
            rule: NonVoting { posts },
            article: self.article(scope, raw.article)?,
        }))
    }

    /// `convened_by.from_constituencies`: the fewest constituencies a requisition's
    /// members belong to; beside a `requisition`, where the version declares
    /// constituencies, and at least one.
    pub(super) fn requisition_constituencies(
        &self,
        scope: &Scope<'_>,
        raw: &RawConvener,
    ) -> Result<Option<u32>, InputError> {
        let Some(count) = &raw.from_constituencies else {
            return Ok(None);
        };
        let problem = if raw.requisition.is_none() {
            Some(
                "`from_constituencies` counts the constituencies of a requisition's members; give `requisition` too",
            )
        } else if !scope.constituencies {
            Some(
                "`from_constituencies` needs the version's constituencies: declare `[version.constituencies]`",
            )
        } else if *count.get_ref() == 0 {
            Some(
                "`from_constituencies` is the fewest constituencies a requisition comes from: at least 1",
            )
        } else {
            None
        };
        match problem {
            Some(message) => Err(self.err(count.span(), message)),
            None => Ok(Some(*count.get_ref())),
        }
    }
}
