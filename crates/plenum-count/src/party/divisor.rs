//! Highest-averages (divisor) methods: D'Hondt and Sainte-Laguë.
//!
//! Seats are awarded one at a time, each to the party with the highest quotient
//! `votes / divisor(seats won so far)`:
//! - **D'Hondt**: divisors 1, 2, 3, 4, ...
//! - **Sainte-Laguë**: divisors 1, 3, 5, 7, ...; the *modified* method (Norway, Sweden)
//!   uses a larger first divisor such as 1.4 (`first_divisor`).
//!
//! Parties whose quotients are equal and highest all win a seat if enough seats are left
//! (in order of votes); otherwise those with more votes, then by lot (see [`super::award`]).
//!
//! Quotients are compared exactly (cross-multiplied); the report shows them to two decimal
//! places, truncated. Stage 1 shows the votes; each later stage the quotients before a seat.

use crate::outcome::{Action, Stage};
use crate::party::{PartyVotes, award};
use crate::{CandidateId, Context, CountError, Decimal, Method, Outcome};

/// One, in billionths.
const NANO: u64 = 1_000_000_000;

/// Counts by D'Hondt or Sainte-Laguë (`method`).
pub(crate) fn count(context: &Context<'_>, method: Method) -> Result<Outcome, CountError> {
    let parties = PartyVotes::new(context)?;
    let first = context.options.first_divisor.unwrap_or(Decimal::integer(1));
    // The divisor for a party that has won `won` seats, in billionths.
    let divisor = |won: u64| -> u128 {
        match (method, won) {
            (_, 0) => u128::from(first.nanos()),
            (Method::DHondt, won) => u128::from(won + 1) * u128::from(NANO),
            (_, won) => u128::from(2 * won + 1) * u128::from(NANO),
        }
    };
    let n = context.n_candidates();
    let votes = &parties.votes;
    let mut won = vec![0u64; n];
    let mut stage = Stage::new(Action::Count, votes, 0);
    stage.excluded = parties.barred.clone();
    let mut stages = vec![stage];
    let mut ties = context.ties();
    let mut elected = Vec::new();
    while elected.len() < context.seats && !parties.eligible.is_empty() {
        // a's quotient against b's: votes[a] / divisor(a) vs votes[b] / divisor(b).
        let cross = |a: CandidateId, b: CandidateId| {
            let left = u128::from(votes[a.index()]) * divisor(won[b.index()]);
            let right = u128::from(votes[b.index()]) * divisor(won[a.index()]);
            left.cmp(&right)
        };
        let mut best = parties.eligible[0];
        for &c in &parties.eligible[1..] {
            if cross(c, best).is_gt() {
                best = c;
            }
        }
        let tied: Vec<CandidateId> = parties
            .eligible
            .iter()
            .copied()
            .filter(|&c| cross(c, best).is_eq())
            .collect();
        let room = context.seats - elected.len();
        for party in award(tied, room, votes, &mut ties, stages.len() + 1) {
            let quotients: Vec<u64> = (0..n)
                .map(|c| {
                    let quotient = u128::from(votes[c]) * 100 * u128::from(NANO) / divisor(won[c]);
                    u64::try_from(quotient).unwrap_or(u64::MAX)
                })
                .collect();
            let mut stage = Stage::new(Action::Seat { party }, &quotients, 2);
            stage.elected = vec![party];
            stages.push(stage);
            won[party.index()] += 1;
            elected.push(party);
        }
    }
    Ok(context.outcome(elected, stages, ties, (parties.valid, parties.invalid)))
}
