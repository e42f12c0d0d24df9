//! Party-list proportional representation: the methods that share seats among parties (or
//! lists) in proportion to their votes. The candidates of the election are the parties; a
//! party's votes are the ballots that give it their first (single) rank, so an `option,votes`
//! file and ranked ballots both work.
//!
//! An optional **threshold** (a percentage of the valid votes) bars parties below it; the
//! seats are shared among the rest, in proportion to their votes.
//!
//! Parties with an equal claim to the next seats (equal quotients, or equal remainders) all
//! win one when there are seats enough for them all, in order of votes; only when there are
//! fewer seats than such parties does the tie decide anything: the seats go to those with
//! more votes, then by lot, and only then is the tie reported.

pub(crate) mod divisor;
pub(crate) mod largest_remainder;

use crate::outcome::{Tie, TieBreak};
use crate::tie::Ties;
use crate::{CandidateId, Context, CountError};

/// Each party's votes, and which parties pass the threshold.
pub(crate) struct PartyVotes {
    pub(crate) votes: Vec<u64>,
    pub(crate) eligible: Vec<CandidateId>,
    pub(crate) barred: Vec<CandidateId>,
    pub(crate) valid: u64,
    pub(crate) invalid: u64,
}

impl PartyVotes {
    pub(crate) fn new(context: &Context<'_>) -> Result<PartyVotes, CountError> {
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
        let valid = context.election.total_weight() - invalid;
        let threshold = context.options.threshold;
        let nanos = threshold.map_or(0, |t| t.nanos());
        // votes / valid < threshold / 100, exactly: votes * 100 * 10^9 < threshold_nanos * valid.
        let below = |c: &CandidateId| {
            u128::from(votes[c.index()]) * 100 * 1_000_000_000
                < u128::from(nanos) * u128::from(valid)
        };
        let (barred, eligible): (Vec<CandidateId>, Vec<CandidateId>) =
            context.standing().into_iter().partition(below);
        if let (true, Some(threshold)) = (eligible.is_empty(), threshold) {
            return Err(CountError::InvalidOption(format!(
                "no party reaches the threshold of {threshold}% of the valid votes"
            )));
        }
        Ok(PartyVotes {
            votes,
            eligible,
            barred,
            valid,
            invalid,
        })
    }
}

/// The parties of `tied` (an equal claim to the next seats) that win the next `room` seats,
/// in the order they win them: all of them, by more votes then candidate order, if there is
/// room; else the `room` with more votes, then by lot, and the tie is recorded at `stage`.
pub(crate) fn award(
    mut tied: Vec<CandidateId>,
    room: usize,
    votes: &[u64],
    ties: &mut Ties,
    stage: usize,
) -> Vec<CandidateId> {
    tied.sort_by_key(|c| (std::cmp::Reverse(votes[c.index()]), *c));
    if tied.len() <= room {
        return tied;
    }
    let boundary = votes[tied[room - 1].index()];
    let mut chosen: Vec<CandidateId> = tied
        .iter()
        .copied()
        .filter(|c| votes[c.index()] > boundary)
        .collect();
    let at_boundary: Vec<CandidateId> = tied
        .iter()
        .copied()
        .filter(|c| votes[c.index()] == boundary)
        .collect();
    let by = if chosen.len() + at_boundary.len() == room {
        chosen.extend(at_boundary);
        TieBreak::MoreVotes
    } else {
        let mut drawn = at_boundary;
        ties.lot().shuffle(&mut drawn);
        drawn.truncate(room - chosen.len());
        drawn.sort();
        chosen.extend(drawn);
        TieBreak::Lot
    };
    let mut among = tied;
    among.sort();
    ties.broken.push(Tie {
        stage,
        purpose: "seat",
        among,
        chosen: chosen.clone(),
        by,
    });
    chosen
}
