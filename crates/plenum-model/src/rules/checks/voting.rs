//! Voting rights (`[version.membership] votes`): in an assembly of all the members,
//! a decision whose recorded votes outnumber the members entitled to vote (by the
//! register on the day: the full members, and the candidates where they vote) is
//! `majority-not-met`. Judged only where the statute says who votes, the record
//! states no `entitled` for the meeting (that is compared already), and the
//! organization keeps a register.

use crate::date::FuzzyDate;
use crate::date::Truth;
use crate::event::kinds::{MotionDecided, Votes};
use crate::id::OrganRef;
use crate::statute::{Cited, Elector, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_voters(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(Counted {
            votes,
            cast,
            organ,
            version,
        }) = self.counted_votes(b, &date)
        else {
            return;
        };
        let Some(Cited {
            rule: voters,
            article,
        }) = &version.voters
        else {
            return;
        };
        let of_members = version.organ(&organ.key).is_some_and(|d| {
            matches!(
                d.elected_by,
                Some(Cited {
                    rule: Elector::Members,
                    ..
                })
            )
        });
        if !of_members
            || !self.history.keeps_register(&organ.org)
            || self.history.seat_total(&organ, None, date.earliest()) > 0
        {
            return;
        }
        // Members of a class that does not vote are left out.
        let (silent_full, silent_candidates) = self.non_voting_members(&organ.org, version);
        let full = self
            .history
            .member_total(&organ.org, true)
            .saturating_sub(silent_full);
        let all = self
            .history
            .member_total(&organ.org, false)
            .saturating_sub(silent_full)
            .saturating_sub(silent_candidates);
        let entitled = match (voters.full, voters.candidates) {
            (true, true) => all,
            (true, false) => full,
            (false, true) => all.saturating_sub(full),
            (false, false) => 0,
        };
        if cast <= u64::from(entitled) {
            return;
        }
        out.push(
            Rule::MajorityNotMet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the record gives {cast} votes ({} for, {} against, {} abstaining) in {}, but the register shows only {entitled} {voters} entitled to vote",
                votes.in_favour,
                votes.against,
                votes.abstain,
                self.organ_name(&organ)
            ),
        );
    }
}

/// A decision's recorded votes, as the rules on who may vote judge them.
pub(super) struct Counted<'a> {
    pub votes: Votes,
    /// For, against and abstaining together.
    pub cast: u64,
    /// The organ that took the decision.
    pub organ: OrganRef,
    /// The statute version in force for its organization on the day.
    pub version: &'a Version,
}

impl Ctx<'_, '_> {
    /// The votes of `b` to compare with who may vote: none where the record gives no
    /// votes, its meeting states who was `entitled` (compared already), or no organ or
    /// version is known.
    pub(super) fn counted_votes(&self, b: &MotionDecided, date: &FuzzyDate) -> Option<Counted<'_>> {
        let votes = b.votes?;
        let cast = votes
            .in_favour
            .checked_add(votes.against)?
            .checked_add(votes.abstain)?;
        let meeting = b.meeting.as_ref().and_then(|m| self.history.meeting(m));
        if meeting.as_ref().is_some_and(|m| m.entitled.is_some()) {
            return None;
        }
        let organ = b
            .organ
            .clone()
            .or_else(|| meeting.as_ref().and_then(|m| m.organ.clone()))?;
        let version = self.version(&organ.org, date)?;
        Some(Counted {
            votes,
            cast,
            organ,
            version,
        })
    }
}
