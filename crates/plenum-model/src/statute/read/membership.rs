//! Reading `[version.membership]` beyond the probation's length: its extension,
//! the lapse of membership, and who votes.

use super::super::raw::{RawMembership, RawVotes};
use super::super::{Cited, Period, Voters};
use super::{Reader, Scope};
use crate::source::InputError;

/// A probation's extension, the lapse, and the voters, as a version keeps them.
type MembershipClauses = (Option<Period>, Option<Cited<Period>>, Option<Cited<Voters>>);

impl Reader<'_> {
    pub(super) fn membership(
        &self,
        scope: &Scope<'_>,
        raw: Option<&RawMembership>,
    ) -> Result<MembershipClauses, InputError> {
        let Some(raw) = raw else {
            return Ok((None, None, None));
        };
        let extension = raw
            .probation
            .as_ref()
            .and_then(|p| p.extension.as_ref())
            .map(|e| self.period(e))
            .transpose()?;
        let lapse = raw
            .lapse
            .as_ref()
            .map(|l| self.cited_period(scope, &l.after, l.article.clone()))
            .transpose()?;
        let voters = raw
            .votes
            .as_ref()
            .map(|v| self.voters(scope, v))
            .transpose()?;
        Ok((extension, lapse, voters))
    }

    /// `membership.votes`: which members vote (`full-member`, `candidate`).
    fn voters(&self, scope: &Scope<'_>, raw: &RawVotes) -> Result<Cited<Voters>, InputError> {
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
