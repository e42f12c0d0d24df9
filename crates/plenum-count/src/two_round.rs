//! The two-round system (majority with a run-off), simulated on ranked ballots.
//!
//! - **First round**: each ballot counts for its first-ranked candidate (an uncertain first
//!   rank is an over-vote, not counted). A candidate with more than half of the counted votes
//!   is elected.
//! - **Run-off**: otherwise the two candidates with most votes go to a second round; a tie for
//!   those places is broken by lot. Each ballot counts for whichever of the two it ranks
//!   higher; ballots that rank neither, or both equally, abstain (shown as non-transferable).
//!   The one with more votes wins; a tie is broken by lot.

use crate::outcome::{Action, Outcome, Stage};
use crate::tie::Ties;
use crate::{CandidateId, Context, CountError, Value};

/// Counts by the two-round system.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let n = context.n_candidates();
    let mut first_round = vec![0u64; n];
    let mut invalid = 0;
    for ballot in context.election.ballots() {
        match ballot.ranks().next() {
            Some(first) if first.len() == 1 => {
                first
                    .candidates()
                    .for_each(|c| first_round[c.index()] += ballot.weight());
            }
            _ => invalid += ballot.weight(),
        }
    }
    let valid = context.election.total_weight() - invalid;
    let mut ties = Ties::new(context.options.seed);
    let standing = context.standing();
    let mut stages = vec![Stage::new(Action::Count, &first_round, 0)];
    let finalists = ties.top(
        &standing,
        |c| first_round[c.index()],
        2,
        1,
        "run-off places",
    );
    let leader = finalists[0];
    let winner = if 2 * first_round[leader.index()] > valid || finalists.len() == 1 {
        stages[0].elected = vec![leader];
        leader
    } else {
        let (a, b) = (finalists[0], finalists[1]);
        let mut second_round = vec![0u64; n];
        let mut abstained = 0;
        for ballot in context.election.ballots() {
            let choice = ballot.ranks().find_map(|rank| {
                let has = |x: CandidateId| rank.candidates().any(|c| c == x);
                match (has(a), has(b)) {
                    (true, true) => Some(None),
                    (true, false) => Some(Some(a)),
                    (false, true) => Some(Some(b)),
                    (false, false) => None,
                }
            });
            match choice.flatten() {
                Some(c) => second_round[c.index()] += ballot.weight(),
                None => abstained += ballot.weight(),
            }
        }
        let winner = ties.top(&[a, b], |c| second_round[c.index()], 1, 2, "run-off")[0];
        let mut stage = Stage::new(
            Action::RunOff {
                candidates: vec![a, b],
            },
            &second_round,
            0,
        );
        stage.non_transferable = Value::integer(abstained);
        stage.elected = vec![winner];
        stages.push(stage);
        winner
    };
    Ok(Outcome {
        method: context.method,
        seats: 1,
        elected: vec![winner],
        stages,
        ties: ties.broken,
        seed: context.options.seed,
        valid,
        invalid,
        condorcet: None,
    })
}
