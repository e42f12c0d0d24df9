//! Reading a majority (`{ at_least | more_than = SHARE, of = BASE, excluding = "subject" }`)
//! wherever a statute states one: an organ's `majority.CATEGORY`, a discipline rule's,
//! an amendment's. It only reads; the rules judge decisions against it.

use std::ops::Range;

use serde_spanned::Spanned;

use super::super::raw::{ArticleRef, RawMajority};
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

    /// `quorum.after_withdrawal`: a majority of the quorum (or of the members) that
    /// a decision taken with fewer present than the quorum needs, the meeting having
    /// been quorate at its start. Its article is the quorum's where it names none.
    pub(super) fn after_withdrawal(
        &self,
        scope: &Scope<'_>,
        raw: Spanned<RawMajority>,
        quorum_article: ArticleRef,
    ) -> Result<Cited<Majority>, InputError> {
        let whole = raw.span();
        let mut raw = raw.into_inner();
        if let Some(excluding) = &raw.excluding {
            return Err(self.err(
                excluding.span(),
                "`quorum.after_withdrawal` leaves no one out of its base: remove `excluding`",
            ));
        }
        match raw.of {
            Some(Base::Quorum | Base::Members | Base::MembersInGoodStanding) => {}
            Some(base @ (Base::Votes | Base::Present)) => {
                return Err(self.err(
                    whole,
                    format!(
                        "`quorum.after_withdrawal` is counted against a number fixed before anyone withdraws, not {base}: write `of = \"quorum\"` (\"a majority of the required quorum\"), `\"members\"` or `\"members-in-good-standing\"`"
                    ),
                ));
            }
            None => {
                return Err(self.err(
                    whole,
                    "`quorum.after_withdrawal` needs its base: `of = \"quorum\"` (\"a majority of the required quorum\"), `\"members\"` or `\"members-in-good-standing\"`",
                ));
            }
        }
        if raw.article.is_none() {
            raw.article = quorum_article;
        }
        self.majority(scope, raw, whole)
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
