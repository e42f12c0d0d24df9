//! Reading a majority (`{ at_least | more_than = SHARE, of = BASE, excluding = "subject" }`)
//! wherever a statute states one: an organ's `majority.CATEGORY`, a discipline rule's,
//! an amendment's. It only reads; the rules judge decisions against it.

use std::ops::Range;

use serde_spanned::Spanned;

use super::super::raw::RawMajority;
use super::super::{Base, Cited, Excluded, Majority};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// A majority: its threshold, its base (the votes cast where `of` is not
    /// given) and who its base leaves out.
    pub(super) fn majority(
        &self,
        scope: &Scope<'_>,
        raw: RawMajority,
        whole: Range<usize>,
    ) -> Result<Cited<Majority>, InputError> {
        let threshold = self.threshold(raw.at_least, raw.more_than, whole)?;
        let base = raw.of.unwrap_or(Base::Votes);
        let excluding = raw
            .excluding
            .as_ref()
            .map(|e| self.excluded(e, base))
            .transpose()?;
        Ok(Cited {
            rule: Majority {
                threshold,
                base,
                excluding,
            },
            article: self.article(scope, raw.article)?,
        })
    }

    /// `excluding = "subject"`, over a base that counts members whether or not they
    /// attend (the record does not say whether the subject was present or voted).
    fn excluded(&self, raw: &Spanned<String>, base: Base) -> Result<Excluded, InputError> {
        if raw.get_ref().trim() != "subject" {
            return Err(self.err(
                raw.span(),
                format!(
                    "expected `excluding = \"subject\"` (the person the decision is about), found `{}`",
                    raw.get_ref()
                ),
            ));
        }
        match base {
            Base::Members | Base::MembersInGoodStanding => Ok(Excluded::Subject),
            Base::Votes | Base::Present | Base::Quorum => Err(self.err(
                raw.span(),
                format!(
                    "`excluding` leaves the subject out of a count of the members, which the record does not give for a majority {base}: write `of = \"members\"` or `of = \"members-in-good-standing\"`"
                ),
            )),
        }
    }
}
