//! Reading `[version.constituencies]` and an organ's `constituencies`: refuses an
//! organ's clause where the version declares no constituencies, and one that says
//! nothing. It only reads; the rules judge elections and seats by it.

use serde_spanned::Spanned;

use super::super::Cited;
use super::super::constituencies::{Constituencies, SeatsByConstituency};
use super::super::raw::{RawConstituencies, RawOrganConstituencies};
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
}
