//! An election's own majority: `majority.election` of the electing organ
//! ("a majority of the total votes cast shall be required to fill the vacancy"),
//! and its `plurality` ("the candidate receiving the highest number of votes ...
//! shall be elected"), judged against the election's published `tally`.

use crate::date::Truth;
use crate::event::kinds::{ElectionHeld, TallyRow};
use crate::id::OrganRef;
use crate::id::PersonId;
use crate::statute::{Base, Cited};

use super::{Citation, Ctx, Out, Rule, Severity};

/// The key of an organ's `majority` table that elections are judged by.
pub(crate) const ELECTION: &str = "election";

impl Ctx<'_, '_> {
    /// Each person `elected` to a full seat or the post must have received, by
    /// the `tally`, the electing organ's `majority.election` of the votes cast
    /// (the tally's sum), of those present, or of its members. Not judged without
    /// a tally, for a person the tally leaves out, or where the base is unknown;
    /// the organ's `default` majority, meant for motions, does not apply.
    pub(super) fn check_election_majority(
        &self,
        b: &ElectionHeld,
        electors: &[OrganRef],
        out: &mut Out<'_>,
    ) {
        if b.tally.is_empty() {
            return;
        }
        let Some(organ) = electors.first() else {
            return;
        };
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited {
            rule: majority,
            article,
        }) = version
            .organ(&organ.key)
            .and_then(|d| d.majority.get(ELECTION))
        else {
            return;
        };
        let meeting = b.meeting.as_ref().and_then(|m| self.history.meeting(m));
        let cast = b
            .tally
            .iter()
            .try_fold(0u64, |sum, row| sum.checked_add(row.votes));
        let total = match majority.base {
            Base::Votes => cast,
            Base::Present => b
                .present
                .or_else(|| meeting.as_ref().and_then(|m| m.present))
                .map(u64::from),
            Base::Members => meeting
                .as_ref()
                .and_then(|m| m.entitled)
                .or_else(|| self.entitled_base(organ, &out.event.date))
                .map(u64::from),
            Base::MembersInGoodStanding | Base::Quorum => None,
        };
        let Some(total) = total.filter(|t| *t > 0) else {
            return;
        };
        let base = match majority.base {
            Base::Votes => "votes cast",
            Base::Present => "members present",
            _ => "members",
        };
        for person in &b.elected {
            let Some(got) = b
                .tally
                .iter()
                .find(|r| &r.person == person)
                .map(|r| r.votes)
            else {
                continue;
            };
            if majority.threshold.is_met(got, total) {
                continue;
            }
            out.push(
                Rule::MajorityNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} was elected by {} with {got} of {total} {base}; an election needs {} of the {base} ({} votes)",
                    self.person(person),
                    self.organ_name(organ),
                    majority.threshold,
                    majority.threshold.minimum(total),
                ),
            );
        }
    }
}

impl Ctx<'_, '_> {
    /// Where the electing organ elects by `plurality`, every person `elected` to a
    /// full seat or the post must have, by the `tally`, at least as many votes as
    /// every candidate the tally lists who was not elected (`plurality-not-met`).
    /// Not judged without a tally, or for a person the tally leaves out.
    pub(super) fn check_plurality(
        &self,
        b: &ElectionHeld,
        electors: &[OrganRef],
        out: &mut Out<'_>,
    ) {
        if b.tally.is_empty() {
            return;
        }
        let Some(organ) = electors.first() else {
            return;
        };
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(Cited { article, .. }) =
            version.organ(&organ.key).and_then(|d| d.plurality.as_ref())
        else {
            return;
        };
        for (person, got, best_loser) in outpolled(b) {
            out.push(
                Rule::PluralityNotMet,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{} was elected by {} with {got} votes, fewer than {} ({}), who was not; the statute elects the candidate with the most votes",
                    self.person(person),
                    self.organ_name(organ),
                    self.person(&best_loser.person),
                    best_loser.votes,
                ),
            );
        }
    }
}

/// Each person `elected` to a full seat or the post whom the `tally` gives fewer votes
/// (or points) than the best placed candidate it lists who was not elected (to a full
/// or alternate seat): the person, their votes, and that candidate. Nobody for a person
/// the tally leaves out, or where every candidate it lists was elected.
pub(super) fn outpolled(b: &ElectionHeld) -> Vec<(&PersonId, u64, &TallyRow)> {
    let Some(best_loser) = b
        .tally
        .iter()
        .filter(|r| !b.elected.contains(&r.person) && !b.alternates.contains(&r.person))
        .max_by_key(|r| r.votes)
    else {
        return Vec::new();
    };
    b.elected
        .iter()
        .filter_map(|person| {
            let got = b.tally.iter().find(|r| &r.person == person)?.votes;
            (got < best_loser.votes).then_some((person, got, best_loser))
        })
        .collect()
}
