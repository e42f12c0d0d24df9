//! The two-round system (majority with a run-off), simulated on ranked ballots.
//!
//! - **Ballots** are read, as in instant-runoff, up to their first rank holding several
//!   candidates (an equal preference, void for uncertainty); a ballot whose first rank is
//!   uncertain is invalid: reported as such, and counted in neither round.
//! - **First round**: each valid ballot counts for its first-ranked candidate. A candidate
//!   with more than half of the valid votes is elected.
//! - **Run-off**: otherwise the two candidates with most votes go to a second round; a tie for
//!   those places is broken by lot. Each valid ballot counts for whichever of the two it ranks
//!   higher before its first equal preference; ballots that rank neither there abstain
//!   (shown as non-transferable). The one with more votes wins; a tie is broken by lot.

use crate::outcome::{Action, Outcome, Stage};
use crate::{CandidateId, Context, CountError, Value};

/// Counts by the two-round system.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let n = context.n_candidates();
    let mut first_round = vec![0u64; n];
    let mut invalid = 0;
    for ballot in context.election.ballots() {
        match ballot.strict_prefix().first() {
            Some(&first) => first_round[CandidateId::from_mark(first).index()] += ballot.weight(),
            None => invalid += ballot.weight(),
        }
    }
    let valid = context.election.total_weight() - invalid;
    let mut ties = context.ties();
    let standing = context.standing();
    let mut stages = vec![Stage::new(Action::Count, &first_round, 0)];
    let leader = standing
        .iter()
        .copied()
        .max_by_key(|c| (first_round[c.index()], std::cmp::Reverse(*c)));
    let winner = match leader {
        Some(leader)
            if standing.len() == 1
                || first_round[leader.index()] > valid - first_round[leader.index()] =>
        {
            stages[0].elected = vec![leader];
            leader
        }
        _ => {
            let finalists = ties.top(
                &standing,
                |c| first_round[c.index()],
                2,
                1,
                "run-off places",
            );
            let (a, b) = (finalists[0], finalists[1]);
            let mut second_round = vec![0u64; n];
            let mut abstained = 0;
            for ballot in context.election.ballots() {
                let prefix = ballot.strict_prefix();
                if prefix.is_empty() {
                    continue;
                }
                let choice = prefix
                    .iter()
                    .map(|&mark| CandidateId::from_mark(mark))
                    .find(|&c| c == a || c == b);
                match choice {
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
        }
    };
    Ok(context.outcome(vec![winner], stages, ties, (valid, invalid)))
}
