//! Approval voting and satisfaction approval voting (SAV).
//!
//! A ballot approves every candidate it marks, whatever the ranks (a ranked ballot approves
//! all the candidates it ranks).
//!
//! **Approval** gives each approved candidate the ballot's whole weight; the `seats`
//! candidates with most approvals win.
//!
//! **Satisfaction approval** splits the ballot's one vote equally among the candidates it
//! approves: a ballot approving `k` candidates gives each `1/k`. Scores are compared exactly,
//! as fractions over the least common multiple of the ballot sizes; the report shows them
//! truncated to five decimal places. The `seats` candidates with the highest scores win.
//!
//! In both, a tie at the last seat is broken by lot.

use crate::outcome::{Action, Outcome, Stage};
use crate::plurality::tally_outcome;
use crate::{Context, CountError};

/// Decimal places shown for satisfaction scores.
const SAV_DECIMALS: u8 = 5;

/// Counts by approval, or by satisfaction approval when `satisfaction` is set.
pub(crate) fn count(context: &Context<'_>, satisfaction: bool) -> Result<Outcome, CountError> {
    if !satisfaction {
        let mut votes = vec![0u64; context.n_candidates()];
        for ballot in context.election.ballots() {
            ballot
                .candidates()
                .for_each(|c| votes[c.index()] += ballot.weight());
        }
        return Ok(tally_outcome(context, votes, 0, "last seat"));
    }
    let mut common: u128 = 1;
    for ballot in context.election.ballots() {
        common = lcm(common, ballot.len() as u128)
            .ok_or(CountError::Overflow("satisfaction approval"))?;
    }
    let mut scores = vec![0u128; context.n_candidates()];
    for ballot in context.election.ballots() {
        let share = u128::from(ballot.weight()) * (common / ballot.len() as u128);
        for c in ballot.candidates() {
            scores[c.index()] = scores[c.index()]
                .checked_add(share)
                .ok_or(CountError::Overflow("satisfaction approval"))?;
        }
    }
    let mut ties = context.ties();
    let elected = ties.top(
        &context.standing(),
        |c| scores[c.index()],
        context.seats,
        1,
        "last seat",
    );
    let scale = 10u128.pow(u32::from(SAV_DECIMALS));
    // Shown to five decimals: whole part and fraction apart, so that nothing overflows.
    let show = |score: u128| -> u64 {
        let fraction = (score % common).checked_mul(scale).map_or_else(
            || (score % common) / (common / scale),
            |scaled| scaled / common,
        );
        u64::try_from(
            (score / common)
                .saturating_mul(scale)
                .saturating_add(fraction),
        )
        .unwrap_or(u64::MAX)
    };
    let shown: Vec<u64> = scores.iter().map(|&score| show(score)).collect();
    let mut stage = Stage::new(Action::Count, &shown, SAV_DECIMALS);
    stage.elected = elected.clone();
    let valid = context.election.total_weight();
    Ok(context.outcome(elected, vec![stage], ties, (valid, 0)))
}

fn gcd(mut a: u128, mut b: u128) -> u128 {
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

fn lcm(a: u128, b: u128) -> Option<u128> {
    (a / gcd(a, b)).checked_mul(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lcm_of_small_sizes() {
        assert_eq!(lcm(4, 6), Some(12));
        assert_eq!(lcm(1, 7), Some(7));
    }
}
