//! Reading `without_meeting` on an organ (what a decision taken without a meeting
//! needs: `consent = "unanimous"`) and `waiver` (a waiver of notice, with or
//! without a quorum). It only reads; the rules judge `motion_decided` and
//! `meeting_held`.

use super::super::raw::{RawWaiver, RawWithoutMeeting};
use super::super::{Cited, Consent, Waiver};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn waiver(
        &self,
        scope: &Scope<'_>,
        raw: RawWaiver,
    ) -> Result<Cited<Waiver>, InputError> {
        Ok(Cited {
            rule: Waiver { quorum: raw.quorum },
            article: self.article(scope, raw.article)?,
        })
    }

    pub(super) fn without_meeting(
        &self,
        scope: &Scope<'_>,
        raw: RawWithoutMeeting,
    ) -> Result<Cited<Consent>, InputError> {
        let rule = match raw.consent.get_ref().as_str() {
            "unanimous" if raw.ballot => Consent::UnanimousOrBallot,
            "unanimous" => Consent::Unanimous,
            other => {
                return Err(self.err(
                    raw.consent.span(),
                    format!("`without_meeting.consent` is `{other}`; expected \"unanimous\""),
                ));
            }
        };
        Ok(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        })
    }
}
