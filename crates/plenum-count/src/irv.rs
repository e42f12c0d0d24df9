//! Instant-runoff voting (the alternative vote; ranked-choice voting for one seat).
//!
//! - Each ballot counts, whole, for its highest-ranked continuing candidate; a ballot is read
//!   up to its first equal preference (or over-vote), and one whose first rank is uncertain is
//!   invalid.
//! - A candidate with more than half of the votes of continuing ballots is elected.
//! - Otherwise the candidate with fewest votes is excluded and their ballots pass to the next
//!   continuing preference; ballots with none left are exhausted (non-transferable).
//! - Ties for exclusion are broken as in Scottish STV: fewest votes at the most recent round
//!   at which the tied candidates differed, and by lot if they never did. So IRV elects the
//!   same candidate as one-seat STV.

use crate::outcome::{Action, Outcome, Stage};
use crate::stv::StvBallots;
use crate::tie::{Look, Ties, Want};
use crate::{CandidateId, Context, CountError, Value};

/// Counts by instant-runoff.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let ballots = StvBallots::new(context.election);
    let n = context.n_candidates();
    let mut continuing = vec![false; n];
    for c in context.standing() {
        continuing[c.index()] = true;
    }
    let mut votes = vec![0u64; n];
    let mut position = vec![0usize; ballots.prefixes.len()];
    let mut piles: Vec<Vec<u32>> = vec![Vec::new(); n];
    for (index, prefix) in ballots.prefixes.iter().enumerate() {
        let first = usize::from(prefix[0]);
        piles[first].push(index as u32);
        votes[first] += ballots.weights[index];
    }
    let mut exhausted = 0;
    let mut stages = vec![stage(Action::Count, &votes, exhausted)];
    let mut history = vec![votes.clone()];
    let mut ties = Ties::new(context.options.seed);
    let winner = loop {
        let standing: Vec<CandidateId> = (0..n)
            .filter(|&c| continuing[c])
            .map(CandidateId::at)
            .collect();
        let active: u64 = standing.iter().map(|c| votes[c.index()]).sum();
        let leader = standing
            .iter()
            .copied()
            .max_by_key(|c| (votes[c.index()], std::cmp::Reverse(*c)));
        match leader {
            Some(leader) if 2 * votes[leader.index()] > active || standing.len() == 1 => {
                break leader;
            }
            None => break CandidateId::at(0),
            Some(_) => {}
        }
        let lowest = standing.iter().map(|c| votes[c.index()]).min().unwrap_or(0);
        let tied: Vec<CandidateId> = standing
            .iter()
            .copied()
            .filter(|c| votes[c.index()] == lowest)
            .collect();
        let round = stages.len() + 1;
        let out = ties.pick(
            &tied,
            &history,
            Look::Backward,
            Want::Lowest,
            round,
            "exclusion",
        );
        continuing[out.index()] = false;
        for index in std::mem::take(&mut piles[out.index()]) {
            let ballot = index as usize;
            let prefix = ballots.prefixes[ballot];
            let weight = ballots.weights[ballot];
            let next =
                (position[ballot] + 1..prefix.len()).find(|&p| continuing[usize::from(prefix[p])]);
            match next {
                Some(p) => {
                    position[ballot] = p;
                    let to = usize::from(prefix[p]);
                    piles[to].push(index);
                    votes[to] += weight;
                }
                None => exhausted += weight,
            }
        }
        votes[out.index()] = 0;
        let mut next_stage = stage(
            Action::Exclusion {
                candidates: vec![out],
                part: None,
            },
            &votes,
            exhausted,
        );
        next_stage.excluded = vec![out];
        stages.push(next_stage);
        history.push(votes.clone());
    };
    if let Some(last) = stages.last_mut() {
        last.elected = vec![winner];
    }
    Ok(Outcome {
        method: context.method,
        seats: 1,
        elected: vec![winner],
        stages,
        ties: ties.broken,
        seed: context.options.seed,
        valid: ballots.valid,
        invalid: ballots.invalid,
        condorcet: None,
    })
}

fn stage(action: Action, votes: &[u64], exhausted: u64) -> Stage {
    let mut stage = Stage::new(action, votes, 0);
    stage.non_transferable = Value::integer(exhausted);
    stage
}
