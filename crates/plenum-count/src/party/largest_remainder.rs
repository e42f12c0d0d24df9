//! The largest-remainder method (Hamilton), with a Hare or Droop quota.
//!
//! - **Quota**: Hare, the votes of the parties sharing seats divided by the seats; or Droop,
//!   those votes divided by seats plus one, fractions dropped, plus one.
//! - Each party first wins as many seats as it has whole quotas.
//! - The seats left go one each to the parties with the largest remainders (votes minus the
//!   quotas used), largest first.
//! - **More seats left than parties** (possible with a Droop quota on few votes: 114 and 12
//!   votes for 20 seats make a quota of 7, 16 and 1 whole quotas, and 3 seats left for 2
//!   parties): once every party has had one, the seats left go round again in the same
//!   order, and so on. This is the rule of the remainders carried on: each seat goes to the
//!   party with the largest `votes - quota × seats won`, and a seat lowers a party's claim
//!   by one quota, so the order of the remainders never changes.
//! - Parties with equal remainders all win a seat if enough seats are left (in order of
//!   votes); otherwise those with more votes, then by lot (see [`super::award`]).
//!
//! Remainders are compared exactly; the report shows them (and a Hare quota) to two decimal
//! places, truncated. Stage 1 shows the votes and the seats won by whole quotas; each later
//! stage the remainders after the whole quotas, before a seat.

use crate::outcome::{Action, Stage};
use crate::party::{PartyVotes, award};
use crate::{CandidateId, Context, CountError, Outcome, Quota, Value};

/// Counts by largest remainder.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let parties = PartyVotes::new(context)?;
    let n = context.n_candidates();
    let seats = context.seats as u64;
    let votes = &parties.votes;
    let shared: u64 = parties.eligible.iter().map(|c| votes[c.index()]).sum();
    // Everything is scaled so that the quota is a whole number `quota / scale`:
    // Hare: quota = shared / seats, so scale votes by seats; Droop: scale 1.
    let (scale, quota) = match context.options.quota.unwrap_or_default() {
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
        elected.extend(std::iter::repeat_n(c, won[c.index()] as usize));
    }
    elected.truncate(context.seats);
    let shown = |raw: u128| u64::try_from(raw * 100 / scale.max(1)).unwrap_or(u64::MAX);
    let mut stage = Stage::new(Action::Count, votes, 0);
    stage.quota = Some(Value::new(shown(quota), 2));
    stage.excluded = parties.barred.clone();
    stage.elected = elected.clone();
    let mut stages = vec![stage];
    let mut ties = context.ties();
    let remainders: Vec<u64> = remainder.iter().map(|&r| shown(r)).collect();
    // In order of remainder, equal remainders by more votes, then candidate order.
    let mut order = parties.eligible.clone();
    order.sort_by_key(|c| {
        (
            std::cmp::Reverse(remainder[c.index()]),
            std::cmp::Reverse(votes[c.index()]),
            *c,
        )
    });
    while elected.len() < context.seats && !order.is_empty() {
        let room = context.seats - elected.len();
        let round: Vec<CandidateId> = if room >= order.len() {
            order.clone()
        } else {
            let boundary = remainder[order[room - 1].index()];
            let mut above: Vec<CandidateId> = order
                .iter()
                .copied()
                .filter(|c| remainder[c.index()] > boundary)
                .collect();
            let tied: Vec<CandidateId> = order
                .iter()
                .copied()
                .filter(|c| remainder[c.index()] == boundary)
                .collect();
            let stage = stages.len() + above.len() + 1;
            above.extend(award(tied, room - above.len(), votes, &mut ties, stage));
            above
        };
        for party in round {
            let mut stage = Stage::new(Action::Seat { party }, &remainders, 2);
            stage.elected = vec![party];
            stages.push(stage);
            elected.push(party);
        }
    }
    Ok(context.outcome(elected, stages, ties, (parties.valid, parties.invalid)))
}
