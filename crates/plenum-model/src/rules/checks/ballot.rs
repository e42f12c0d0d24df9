//! How the votes were cast (`ballot` on `motion_decided` and `election_held`),
//! against the organ's `voting.secret`: an election recorded as held by an open vote
//! or by acclamation where the statute holds elections (or every poll) by secret
//! ballot, a decision so recorded where it holds every poll by secret ballot, and a
//! secret ballot where it names every vote (`never`), are `wrong-ballot`, citing
//! `voting`. Not judged where the record does not say how the votes were cast. It
//! reads only the organ's clause (the meeting's organ, or the one the event names).

use crate::date::Truth;
use crate::event::kinds::Ballot;
use crate::id::{MeetingId, OrganRef};
use crate::statute::{Cited, SecretBallot};

use super::super::{Citation, Rule, Severity};
use super::proxies::Voted;
use super::{Ctx, Out};

/// What was polled: an election, or any other decision.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Poll {
    Election,
    Decision,
}

impl Ctx<'_, '_> {
    pub(super) fn check_ballot(
        &self,
        organ: Option<&OrganRef>,
        meeting: Option<&MeetingId>,
        ballot: Option<Ballot>,
        poll: Poll,
        out: &mut Out<'_>,
    ) {
        let Some(ballot) = ballot else {
            return;
        };
        let Some(Voted {
            organ,
            version,
            clause: Cited {
                rule: voting,
                article,
            },
        }) = self.voting_clause(organ, meeting, &out.event.date)
        else {
            return;
        };
        let Some(secret) = voting.secret else {
            return;
        };
        let must_be_secret = match secret {
            SecretBallot::Always => true,
            SecretBallot::Elections => poll == Poll::Election,
            SecretBallot::Never => false,
        };
        let what = match poll {
            Poll::Election => "an election",
            Poll::Decision => "a decision",
        };
        let name = self.organ_name(&organ);
        let message = match ballot {
            Ballot::Open | Ballot::Acclamation if must_be_secret => {
                let how = match ballot {
                    Ballot::Acclamation => "by acclamation",
                    _ => "by an open vote",
                };
                let polls = match secret {
                    SecretBallot::Always => "every vote",
                    _ => "elections",
                };
                format!(
                    "{what} of {name} is recorded as held {how}; the statute holds {polls} by secret ballot"
                )
            }
            Ballot::Secret if secret == SecretBallot::Never => format!(
                "{what} of {name} is recorded as held by secret ballot; the statute names every vote (roll-call)"
            ),
            _ => return,
        };
        out.push(
            Rule::WrongBallot,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            message,
        );
    }
}
