//! Plurality (first past the post) and the block vote.
//!
//! **Plurality** fills one seat. Each ballot counts for the candidate of its first rank; a
//! ballot whose first rank holds several candidates is an over-vote and is not counted. The
//! candidate with most votes wins; a tie for first place is broken by lot.
//!
//! **Block vote** fills `seats` seats. Each ballot counts once for every candidate it marks, up
//! to one candidate per seat, taken rank by rank in ballot order: a rank that would take the
//! ballot past `seats` candidates is dropped with everything after it, so an approval-style
//! ballot marking more candidates than seats is an over-vote and counts for nobody. The
//! `seats` candidates with most votes win; a tie at the last seat is broken by lot.

use crate::outcome::{Action, Outcome, Stage};
use crate::{CandidateId, Context, CountError};

/// Counts by plurality.
pub(crate) fn plurality(context: &Context<'_>) -> Result<Outcome, CountError> {
    let mut votes = vec![0u64; context.n_candidates()];
    let mut invalid = 0;
    for ballot in context.election.ballots() {
        match ballot.ranks().next() {
            Some(first) if first.len() == 1 => {
                first
                    .candidates()
                    .for_each(|c| votes[c.index()] += ballot.weight());
            }
            _ => invalid += ballot.weight(),
        }
    }
    Ok(tally_outcome(context, votes, invalid, "election"))
}

/// Counts by block vote.
pub(crate) fn block(context: &Context<'_>) -> Result<Outcome, CountError> {
    let mut votes = vec![0u64; context.n_candidates()];
    let mut invalid = 0;
    for ballot in context.election.ballots() {
        let mut backed = 0;
        for rank in ballot.ranks() {
            if backed + rank.len() > context.seats {
                break;
            }
            rank.candidates()
                .for_each(|c| votes[c.index()] += ballot.weight());
            backed += rank.len();
        }
        if backed == 0 {
            invalid += ballot.weight();
        }
    }
    Ok(tally_outcome(context, votes, invalid, "last seat"))
}

/// A one-stage outcome: the `seats` candidates with most `votes` win.
pub(crate) fn tally_outcome(
    context: &Context<'_>,
    votes: Vec<u64>,
    invalid: u64,
    purpose: &'static str,
) -> Outcome {
    let mut ties = context.ties();
    let standing = context.standing();
    let elected: Vec<CandidateId> =
        ties.top(&standing, |c| votes[c.index()], context.seats, 1, purpose);
    let mut stage = Stage::new(Action::Count, &votes, 0);
    stage.elected = elected.clone();
    let valid = context.election.total_weight() - invalid;
    context.outcome(elected, vec![stage], ties, (valid, invalid))
}
