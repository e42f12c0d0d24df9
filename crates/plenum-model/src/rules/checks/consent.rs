//! Decisions taken without a meeting (`motion_decided` naming an `organ` and no
//! `meeting`), where the organ's statute says what they need (`without_meeting`):
//! a carried decision short of every member's written consent (`not-unanimous`); or,
//! where the organ may act by written ballot (`ballot = true`) and the decision says
//! it was one (`written_ballot`), ballots returned short of the organ's quorum
//! (`quorum-not-met`; its majority is judged with the ballots returned as those
//! present, by `meetings.rs`).
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
            rule: consent,
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
        if b.written_ballot && *consent == Consent::UnanimousOrBallot {
            // A written ballot: its majority is the organ's own, judged with the
            // ballots returned as those present (`check_majority`); its quorum here.
            let returned = votes
                .in_favour
                .saturating_add(votes.against)
                .saturating_add(votes.abstain);
            let Some(quorum) = version
                .organ(&organ.key)
                .and_then(|o| o.quorum.as_ref())
                .map(|q| q.rule)
            else {
                return;
            };
            if quorum.is_met(returned, members) {
                return;
            }
            out.push(
                Rule::QuorumNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} decided by written ballot with {returned} ballots returned of its {members} members; a ballot is valid only when the ballots returned reach the quorum of a meeting, {quorum} ({} members)",
                    self.organ_name(organ),
                    quorum.minimum(members)
                ),
            );
            return;
        }
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

/// What a meeting's waiver of notice (`meeting_held` `notice_waived`) does to a
/// short notice.
pub(super) enum WaiverProblem {
    /// No waiver recorded, or the statute allows none: the notice is judged.
    None,
    /// A waiver the statute allows: the notice is not judged.
    Waived,
    /// A waiver the statute allows only with a quorum, with fewer present (its
    /// article, and why in words).
    NoQuorum(Option<String>, String),
}

impl Ctx<'_, '_> {
    /// Whether `event`, a `meeting_held`, says the notice was waived, and whether the
    /// organ's `waiver` lets that stand: with `quorum = true`, only where the
    /// meeting's `present` (or the meeting's recorded attendance) reaches the quorum
    /// of those entitled; a waiver whose attendance the record does not give stands.
    pub(super) fn waiver_problem(
        &self,
        organ: &crate::id::OrganRef,
        def: &crate::statute::OrganDef,
        state: Option<&crate::rows::MeetingState>,
        date: &crate::date::FuzzyDate,
        event: &crate::event::Event,
    ) -> WaiverProblem {
        let crate::event::EventKind::MeetingHeld(held) = &event.kind else {
            return WaiverProblem::None;
        };
        let (
            true,
            Some(Cited {
                rule: waiver,
                article,
            }),
        ) = (held.notice_waived, &def.waiver)
        else {
            return WaiverProblem::None;
        };
        if !waiver.quorum {
            return WaiverProblem::Waived;
        }
        let Some(Cited { rule: quorum, .. }) = &def.quorum else {
            return WaiverProblem::Waived;
        };
        let present = held.present.or_else(|| state.and_then(|m| m.present));
        let entitled = held
            .entitled
            .or_else(|| state.and_then(|m| m.entitled))
            .or_else(|| self.entitled_base(organ, date));
        match (present, entitled) {
            (Some(present), Some(entitled))
                if entitled > 0 && !quorum.is_met(u64::from(present), u64::from(entitled)) =>
            {
                WaiverProblem::NoQuorum(
                    article.clone(),
                    format!(
                        "{present} of {entitled} were present (the quorum is {})",
                        quorum.minimum(u64::from(entitled))
                    ),
                )
            }
            _ => WaiverProblem::Waived,
        }
    }
}
