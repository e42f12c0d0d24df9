//! Reading `membership.votes`: which members vote.

use super::super::raw::RawVotes;
use super::super::{Cited, Voters};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `membership.votes`: which members vote (`full-member`, `candidate`).
    pub(super) fn voters(
        &self,
        scope: &Scope<'_>,
        raw: &RawVotes,
    ) -> Result<Cited<Voters>, InputError> {
        let mut voters = Voters {
            full: false,
            candidates: false,
        };
        for m in raw.members.get_ref() {
            match m.get_ref().as_str() {
                "full-member" => voters.full = true,
                "candidate" => voters.candidates = true,
                other => {
                    return Err(self.err(
                        m.span(),
                        format!("unknown voters `{other}`; expected `full-member` or `candidate`"),
                    ));
                }
            }
        }
        if raw.members.get_ref().is_empty() {
            return Err(self.err(
                raw.members.span(),
                "`members` needs at least one of `full-member` and `candidate`",
            ));
        }
        Ok(Cited {
            rule: voters,
            article: self.article(scope, raw.article.clone())?,
        })
    }
}
