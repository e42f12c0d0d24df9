//! Decisions taken without a meeting (`motion_decided` naming an `organ` and no
//! `meeting`), where the organ's statute says what they need (`without_meeting`):
//! a carried decision short of every member's written consent (`not-unanimous`).
//! Judged where the record gives the votes and the register the members; a
//! decision whose consents are not counted is not judged. It reads only the organ's
//! seats (or the register) on the day.

use crate::date::Truth;
use crate::event::Outcome;
use crate::event::kinds::MotionDecided;
use crate::statute::{Cited, Consent};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_without_meeting(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let (None, Some(organ), Some(votes), Outcome::Carried) =
            (&b.meeting, &b.organ, &b.votes, b.outcome)
        else {
            return;
        };
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: Consent::Unanimous,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|o| o.without_meeting.as_ref())
        else {
            return;
        };
        let Some(members) = self.entitled_base(organ, &date) else {
            return;
        };
        let members = u64::from(members);
        if votes.in_favour >= members && votes.against == 0 && votes.abstain == 0 {
            return;
        }
        let withheld = match (votes.against, votes.abstain) {
            (0, 0) => String::new(),
            (against, 0) => format!(" ({against} against)"),
            (0, abstain) => format!(" ({abstain} abstaining)"),
            (against, abstain) => format!(" ({against} against, {abstain} abstaining)"),
        };
        out.push(
            Rule::NotUnanimous,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{} decided without a meeting with the written consent of {} of its {members} members{withheld}; the statute requires the consent of all of them",
                self.organ_name(organ),
                votes.in_favour,
            ),
        );
    }
}
