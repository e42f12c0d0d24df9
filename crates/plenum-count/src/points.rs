//! Points by rank (a Borda-type count with as many points as seats).
//!
//! With `N` seats to fill, each ballot gives the candidate it ranks first `N` points, the
//! second `N-1`, the third `N-2`, and so on down to 1; candidates ranked after the `N`-th
//! get nothing. A withdrawn candidate takes no place: the candidates ranked after it move
//! up. A rank holding several candidates (an equal ranking) ends the ballot: it and every
//! rank after it score nothing, and a ballot whose first rank holds several is invalid.
//! The `N` candidates with the most points win; a tie for the last seat is broken by lot
//! (the bylaws that use it say "chosen by straws").

use crate::outcome::Outcome;
use crate::plurality::tally_outcome;
use crate::{Context, CountError};

/// Counts by points.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let seats = u64::try_from(context.seats).map_err(|_| CountError::Overflow("points"))?;
    let mut points = vec![0u64; context.n_candidates()];
    let mut invalid = 0;
    for ballot in context.election.ballots() {
        let mut place = 0u64;
        for (index, rank) in ballot.ranks().enumerate() {
            if rank.len() > 1 {
                if index == 0 {
                    invalid += ballot.weight();
                }
                break;
            }
            for candidate in rank.candidates() {
                if context.election.candidate(candidate).is_withdrawn() {
                    continue;
                }
                let score = seats.saturating_sub(place);
                if score == 0 {
                    break;
                }
                let add = score
                    .checked_mul(ballot.weight())
                    .ok_or(CountError::Overflow("points"))?;
                points[candidate.index()] = points[candidate.index()]
                    .checked_add(add)
                    .ok_or(CountError::Overflow("points"))?;
                place += 1;
            }
        }
    }
    Ok(tally_outcome(context, points, invalid, "last seat"))
}

#[cfg(test)]
mod tests {
    use crate::{ElectionBuilder, Method, Options, count};

    /// `seats` seats; ballots as lists of ranks (names), each with a weight.
    fn counted(ballots: &[(u64, &[&[&str]])], seats: usize) -> (Vec<String>, Vec<u64>, u64) {
        let mut builder = ElectionBuilder::new();
        for name in ["Ana", "Ben", "Cleo", "Dev"] {
            builder.add_candidate(name).expect("a candidate");
        }
        for (weight, ranks) in ballots {
            for rank in *ranks {
                for (i, name) in rank.iter().enumerate() {
                    let id = builder.find_candidate(name).expect("known");
                    if i == 0 {
                        builder.rank(id);
                    } else {
                        builder.tie(id);
                    }
                }
            }
            builder.finish_ballot(*weight).expect("a ballot");
        }
        builder.set_seats(seats);
        let election = builder.build();
        let outcome = count(&election, Method::Points, &Options::default()).expect("counts");
        let names = outcome
            .elected
            .iter()
            .map(|c| election.candidate(*c).name().to_owned())
            .collect();
        let points = outcome.stages[0].votes.iter().map(|v| v.raw()).collect();
        (names, points, outcome.invalid)
    }

    #[test]
    fn n_points_for_the_first_down_to_one() {
        // Two seats: first 2 points, second 1, third none.
        let (elected, points, invalid) = counted(
            &[
                (3, &[&["Ana"], &["Ben"], &["Cleo"]]),
                (2, &[&["Cleo"], &["Ben"], &["Ana"]]),
            ],
            2,
        );
        assert_eq!(points, vec![6, 5, 4, 0]);
        assert_eq!(elected, vec!["Ana", "Ben"]);
        assert_eq!(invalid, 0);
    }

    #[test]
    fn an_equal_ranking_ends_the_ballot() {
        let (_, points, invalid) = counted(
            &[
                (1, &[&["Ana"], &["Ben", "Cleo"], &["Dev"]]),
                (1, &[&["Ben", "Dev"], &["Ana"]]),
            ],
            3,
        );
        assert_eq!(points, vec![3, 0, 0, 0]);
        assert_eq!(invalid, 1);
    }
}
