//! Reading `without_meeting` on an organ: what a decision taken without a meeting
//! needs (`consent = "unanimous"`). It only reads; the rules judge `motion_decided`.

use super::super::raw::RawWithoutMeeting;
use super::super::{Cited, Consent};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn without_meeting(
        &self,
        scope: &Scope<'_>,
        raw: RawWithoutMeeting,
    ) -> Result<Cited<Consent>, InputError> {
        let rule = match raw.consent.get_ref().as_str() {
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
