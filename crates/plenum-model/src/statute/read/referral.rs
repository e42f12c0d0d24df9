//! Reading a discipline rule's `referral = { by = "board", at_least = "15 days" }`.
//! It only reads; `rules/checks/referral.rs` judges.

use serde_spanned::Spanned;

use super::super::raw::RawReferral;
use super::super::{Act, Period, Referral};
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

impl Reader<'_> {
    /// A referral: of an expulsion only (the act whose event cites it), by an organ
    /// of the version that is not among those deciding the act.
    pub(super) fn referral(
        &self,
        scope: &Scope<'_>,
        act: Act,
        by: &[Key],
        raw: Spanned<RawReferral>,
    ) -> Result<Referral, InputError> {
        let span = raw.span();
        let raw = raw.into_inner();
        if act != Act::Expulsion {
            return Err(self.err(
                span,
                format!(
                    "`referral` is read on a rule for `act = \"expulsion\"` only (a `member_expelled` cites it), not `{}`",
                    act.as_str()
                ),
            ));
        }
        let organ = self.organ_key(scope, &raw.by)?;
        if by.contains(&organ) {
            return Err(self.err(
                raw.by.span(),
                format!(
                    "`{organ}` is among the organs of `by`: an organ does not refer an act to itself"
                ),
            ));
        }
        let at_least = raw
            .at_least
            .map(|p| {
                p.get_ref()
                    .parse::<Period>()
                    .map_err(|e| self.err(p.span(), e))
            })
            .transpose()?;
        Ok(Referral {
            by: organ,
            at_least,
        })
    }
}
