//! A majority whose base leaves out the person the decision is about
//! (`excluding = "subject"`, "a majority of the Members, excluding the director
//! subject to the removal vote"): the base loses each subject it counts, and a
//! decision whose votes outnumber what is left counted the subject's own vote. It
//! reads only the subjects' seats on the organ and their memberships.

use crate::date::FuzzyDate;
use crate::event::Role;
use crate::event::kinds::Votes;
use crate::id::{OrganRef, PersonId};
use crate::rows::MemberStatus;
use crate::statute::{Base, Excluded, Majority};

use super::Ctx;

/// A majority's base once its subjects are left out.
pub(super) struct Recused {
    /// The base without them.
    pub total: u64,
    /// Those left out, in words ("Fay Okonkwo"), empty where none was counted.
    pub names: Vec<String>,
}

impl Recused {
    /// What a count against the base says of those left out: ", Fay Okonkwo
    /// excluded", or nothing.
    pub fn words(&self) -> String {
        if self.names.is_empty() {
            String::new()
        } else {
            format!(
                " ({} excluded as whom it concerns)",
                self.names.join(" and ")
            )
        }
    }

    /// Where votes outnumber the base without the subjects, how the finding says
    /// it: only a subject's own vote can make up the difference.
    pub fn outnumbered(&self, votes: &Votes) -> Option<String> {
        if self.names.is_empty() {
            return None;
        }
        let cast = votes
            .in_favour
            .checked_add(votes.against)
            .and_then(|n| n.checked_add(votes.abstain));
        match cast {
            Some(cast) if cast <= self.total => None,
            _ => Some(format!(
                "{} votes ({} for, {} against, {} abstaining) from the {} members who may vote on it, {} excluded as whom it concerns: a vote no member could cast was counted",
                cast.map_or_else(|| "more".to_owned(), |c| c.to_string()),
                votes.in_favour,
                votes.against,
                votes.abstain,
                self.total,
                self.names.join(" and ")
            )),
        }
    }
}

impl Ctx<'_, '_> {
    /// `total`, a majority's base of the members of `organ` on `date`, less those of
    /// `subjects` it counts, where the majority excludes them: on an organ with
    /// seats, the subjects holding a full seat on it (in good standing, for that
    /// base: not suspended); on an assembly of all the members, the subjects who are
    /// full members of the organization (suspended members are not counted there).
    pub(super) fn recused(
        &self,
        majority: &Majority,
        organ: &OrganRef,
        subjects: &[PersonId],
        date: &FuzzyDate,
        total: u64,
    ) -> Recused {
        let Some(Excluded::Subject) = majority.excluding else {
            return Recused {
                total,
                names: vec![],
            };
        };
        let seated = self
            .history
            .seat_total(organ, Some(Role::Full), date.earliest())
            > 0;
        let seats = if seated {
            self.history.open_seats_on(organ)
        } else {
            vec![]
        };
        let full_member = |p: &PersonId| {
            self.history
                .membership(p, &organ.org)
                .is_some_and(|m| m.status == MemberStatus::Full)
        };
        let mut counted: Vec<&PersonId> = subjects
            .iter()
            .filter(|p| {
                if !seated {
                    return full_member(p);
                }
                let sits = seats
                    .iter()
                    .any(|s| &s.person == *p && s.role == Role::Full);
                let suspended = majority.base == Base::MembersInGoodStanding
                    && self
                        .history
                        .membership(p, &organ.org)
                        .is_some_and(|m| m.status == MemberStatus::Suspended);
                sits && !suspended
            })
            .collect();
        counted.sort();
        counted.dedup();
        let left_out = u64::try_from(counted.len()).unwrap_or(u64::MAX);
        Recused {
            total: total.saturating_sub(left_out),
            names: counted.into_iter().map(|p| self.person(p)).collect(),
        }
    }
}
