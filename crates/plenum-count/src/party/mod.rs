//! Party-list proportional representation: the methods that share seats among parties (or
//! lists) in proportion to their votes. The candidates of the election are the parties; a
//! party's votes are the ballots that give it their first (single) rank, so an `option,votes`
//! file and ranked ballots both work.
//!
//! An optional **threshold** (a percentage of the valid votes) bars parties below it; the
//! seats are shared among the rest, in proportion to their votes.
//!
//! Ties for a seat go to the party with more votes, then are broken by lot.

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
        let threshold = context.options.threshold.map(|t| t.nanos()).unwrap_or(0);
        if threshold > 100 * 1_000_000_000 {
            return Err(CountError::InvalidOption(format!(
                "a threshold of {threshold} billionths of a percent"
            )));
        }
        // votes / valid < threshold / 100, exactly: votes * 100 * 10^9 < threshold_nanos * valid.
        let below = |c: &CandidateId| {
            u128::from(votes[c.index()]) * 100 * 1_000_000_000
                < u128::from(threshold) * u128::from(valid)
        };
        let (barred, eligible): (Vec<CandidateId>, Vec<CandidateId>) =
            context.standing().into_iter().partition(below);
        Ok(PartyVotes {
            votes,
            eligible,
            barred,
            valid,
            invalid,
        })
    }
}

/// The best of `candidates` by `better` (a strict "a beats b"), with ties going to more
/// `votes`, then by lot; the tie is recorded at `stage`.
pub(crate) fn best_party(
    candidates: &[CandidateId],
    votes: &[u64],
    equal: impl Fn(CandidateId, CandidateId) -> bool,
    better: impl Fn(CandidateId, CandidateId) -> bool,
    ties: &mut Ties,
    stage: usize,
) -> Option<CandidateId> {
    let mut best = *candidates.first()?;
    for &c in &candidates[1..] {
        if better(c, best) {
            best = c;
        }
    }
    let tied: Vec<CandidateId> = candidates
        .iter()
        .copied()
        .filter(|&c| equal(c, best))
        .collect();
    if tied.len() == 1 {
        return Some(best);
    }
    let most = tied.iter().map(|c| votes[c.index()]).max().unwrap_or(0);
    let most_votes: Vec<CandidateId> = tied
        .iter()
        .copied()
        .filter(|c| votes[c.index()] == most)
        .collect();
    if most_votes.len() == 1 {
        ties.broken.push(Tie {
            stage,
            purpose: "seat",
            among: tied,
            chosen: most_votes.clone(),
            by: TieBreak::MoreVotes,
        });
        return Some(most_votes[0]);
    }
    let chosen = ties.top(&most_votes, |_| 0u8, 1, stage, "seat");
    if let Some(last) = ties.broken.last_mut() {
        last.among = tied;
    }
    chosen.first().copied()
}
