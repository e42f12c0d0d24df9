//! Reading `[version.membership]` beyond the probation's length: its extension,
//! the lapse of membership, and who votes.

use super::super::raw::{RawLapse, RawMembership, RawVotes};
use super::super::{Cited, Lapse, Period, Voters};
use super::{Reader, Scope};
use crate::source::InputError;
use serde_spanned::Spanned;

/// A probation's extension, the lapse, and the voters, as a version keeps them.
type MembershipClauses = (Option<Period>, Option<Cited<Lapse>>, Option<Cited<Voters>>);

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
            .map(|l| self.lapse(scope, l))
            .transpose()?;
        let voters = raw
            .votes
            .as_ref()
            .map(|v| self.voters(scope, v))
            .transpose()?;
        Ok((extension, lapse, voters))
    }

    /// `lapse = { after = "6 months" }` (the lapse may come on the day the period
    /// is complete) or `{ more_than = "6 months" }` (only the day after).
    fn lapse(
        &self,
        scope: &Scope<'_>,
        raw: &Spanned<RawLapse>,
    ) -> Result<Cited<Lapse>, InputError> {
        let (text, more_than) = match (&raw.get_ref().after, &raw.get_ref().more_than) {
            (Some(after), None) => (after, false),
            (None, Some(more)) => (more, true),
            (Some(_), Some(more)) => {
                return Err(self.err(
                    more.span(),
                    "give either `after` or `more_than` for `lapse`, not both",
                ));
            }
            (None, None) => {
                return Err(self.err(
                    raw.span(),
                    "`lapse` needs a period: `after = \"6 months\"` or `more_than = \"6 months\"`",
                ));
            }
        };
        Ok(Cited {
            rule: Lapse {
                period: self.period(text)?,
                more_than,
            },
            article: self.article(scope, raw.get_ref().article.clone())?,
        })
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
