//! The largest-remainder method (Hamilton), with a Hare or Droop quota.
//!
//! - **Quota**: Hare, the votes of the parties sharing seats divided by the seats; or Droop,
//!   those votes divided by seats plus one, fractions dropped, plus one.
//! - Each party first wins as many seats as it has whole quotas.
//! - The seats left go one each to the parties with the largest remainders (votes minus the
//!   quotas used), largest first.
//!
//! Remainders are compared exactly; the report shows them (and a Hare quota) to two decimal
//! places, truncated. Stage 1 shows the votes and the seats won by whole quotas; each later
//! stage the remainders before a seat.

use crate::outcome::{Action, Outcome, Stage};
use crate::party::{PartyVotes, best_party};
use crate::tie::Ties;
use crate::{CandidateId, Context, CountError, Quota, Value};

/// Counts by largest remainder.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let parties = PartyVotes::new(context)?;
    let n = context.n_candidates();
    let seats = context.seats as u64;
    let votes = &parties.votes;
    let shared: u64 = parties.eligible.iter().map(|c| votes[c.index()]).sum();
    // Everything is scaled so that the quota is a whole number `quota / scale`:
    // Hare: quota = shared / seats, so scale votes by seats; Droop: scale 1.
    let (scale, quota) = match context.options.quota {
        Quota::Hare => (u128::from(seats), u128::from(shared)),
        Quota::Droop => (1, u128::from(shared / (seats + 1) + 1)),
    };
    let mut won = vec![0u64; n];
    let mut remainder = vec![0u128; n];
    let mut elected: Vec<CandidateId> = Vec::new();
    for &c in &parties.eligible {
        let scaled = u128::from(votes[c.index()]) * scale;
        let whole = scaled.checked_div(quota).unwrap_or(0);
        won[c.index()] = u64::try_from(whole).unwrap_or(u64::MAX).min(seats);
        remainder[c.index()] = scaled - u128::from(won[c.index()]) * quota;
    }
    for &c in &parties.eligible {
        elected.extend(std::iter::repeat_n(c, won[c.index()] as usize));
    }
    elected.truncate(context.seats);
    let shown = |raw: u128| u64::try_from(raw * 100 / scale.max(1)).unwrap_or(u64::MAX);
    let mut stage = Stage::new(Action::Count, votes, 0);
    stage.quota = Some(Value::new(shown(quota), 2));
    stage.excluded = parties.barred.clone();
    stage.elected = elected.clone();
    let mut stages = vec![stage];
    let mut ties = Ties::new(context.options.seed);
    let mut candidates = parties.eligible.clone();
    while elected.len() < context.seats && !candidates.is_empty() {
        let stage_number = stages.len() + 1;
        let Some(party) = best_party(
            &candidates,
            votes,
            |a, b| remainder[a.index()] == remainder[b.index()],
            |a, b| remainder[a.index()] > remainder[b.index()],
            &mut ties,
            stage_number,
        ) else {
            break;
        };
        let remainders: Vec<u64> = remainder.iter().map(|&r| shown(r)).collect();
        let mut stage = Stage::new(Action::Seat { party }, &remainders, 2);
        stage.elected = vec![party];
        stages.push(stage);
        elected.push(party);
        candidates.retain(|&c| c != party);
        if candidates.is_empty() {
            candidates = parties.eligible.clone();
        }
    }
    Ok(Outcome {
        method: context.method,
        seats: context.seats,
        elected,
        stages,
        ties: ties.broken,
        seed: context.options.seed,
        valid: parties.valid,
        invalid: parties.invalid,
        condorcet: None,
    })
}
