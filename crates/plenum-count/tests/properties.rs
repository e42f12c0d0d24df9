//! Property tests of the invariants every count must keep, on random small elections.

use std::collections::BTreeMap;

use plenum_count::{CandidateId, Election, ElectionBuilder, Method, Options, Outcome, count};
use proptest::prelude::*;

/// A random election: candidates, seats, and ballots as ranks of candidate indices.
#[derive(Clone, Debug)]
struct Spec {
    n: usize,
    seats: usize,
    ballots: Vec<(u64, Vec<Vec<usize>>)>,
}

/// Elections of 2 to 6 candidates and up to 24 distinct ballots; with `equal_ranks`, some
/// ballots rank candidates equal.
fn spec(equal_ranks: bool) -> impl Strategy<Value = Spec> {
    (2usize..=6).prop_flat_map(move |n| {
        let ballot = (
            1u64..=20,
            Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
            1..=n,
            proptest::collection::vec(any::<bool>(), n),
        )
            .prop_map(move |(weight, order, length, joins)| {
                let mut ranks: Vec<Vec<usize>> = Vec::new();
                for (position, &c) in order[..length].iter().enumerate() {
                    match ranks.last_mut() {
                        Some(last)
                            if equal_ranks && position > 0 && joins[position] && joins[0] =>
                        {
                            last.push(c)
                        }
                        _ => ranks.push(vec![c]),
                    }
                }
                (weight, ranks)
            });
        (Just(n), 1..n, proptest::collection::vec(ballot, 0..24))
            .prop_map(|(n, seats, ballots)| Spec { n, seats, ballots })
    })
}

/// The election of `spec`, its candidates listed in `order` (a permutation of indices):
/// candidate `order[i]` of the spec is candidate `i` of the election, named after the spec.
fn build(spec: &Spec, order: &[usize]) -> Election {
    let mut builder = ElectionBuilder::new();
    let mut position = vec![0; spec.n];
    for (i, &c) in order.iter().enumerate() {
        builder
            .add_candidate(&format!("C{c}"))
            .expect("few candidates");
        position[c] = i;
    }
    builder.set_seats(spec.seats);
    for (weight, ranks) in &spec.ballots {
        for rank in ranks {
            for (k, &c) in rank.iter().enumerate() {
                let id = CandidateId::new(position[c]).expect("small index");
                if k == 0 {
                    builder.rank(id)
                } else {
                    builder.tie(id)
                }
            }
        }
        builder.finish_ballot(*weight).expect("small weights");
    }
    builder.build()
}

fn natural(spec: &Spec) -> Election {
    build(spec, &(0..spec.n).collect::<Vec<usize>>())
}

fn winners(election: &Election, outcome: &Outcome) -> Vec<String> {
    let mut names: Vec<String> = outcome
        .elected
        .iter()
        .map(|&c| election.candidate(c).name().to_owned())
        .collect();
    names.sort();
    names
}

fn options(seed: u64) -> Options {
    Options {
        seed,
        ..Options::default()
    }
}

const STV: [Method; 3] = [Method::Scottish, Method::Meek, Method::Ers97];

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    /// Elected + hopeful + excluded + non-transferable + residue = the valid votes, at every
    /// stage of every STV count and every IRV round.
    #[test]
    fn votes_are_conserved_at_every_stage(spec in spec(true)) {
        let election = natural(&spec);
        for method in STV.into_iter().chain([Method::Irv]) {
            let outcome = count(&election, method, &Options::default()).expect("counts");
            for (index, stage) in outcome.stages.iter().enumerate() {
                let one = 10u64.pow(u32::from(stage.non_transferable.decimals()));
                let held: u64 = stage.votes.iter().map(|v| v.raw()).sum();
                prop_assert_eq!(
                    held + stage.non_transferable.raw() + stage.residue.raw(),
                    outcome.valid * one,
                    "{} stage {}", method, index + 1
                );
            }
            let seats = if method.is_single_winner() { 1 } else { spec.seats };
            prop_assert_eq!(outcome.elected.len(), seats, "{}", method);
        }
    }

    /// Instant-runoff elects the same candidate as one-seat STV by each rule, unless a tie
    /// had to be broken.
    #[test]
    fn irv_equals_one_seat_stv(spec in spec(false)) {
        let election = natural(&spec).with_seats(1);
        let irv = count(&election, Method::Irv, &Options::default()).expect("counts");
        for method in STV {
            let stv = count(&election, method, &Options::default()).expect("counts");
            if irv.ties.is_empty() && stv.ties.is_empty() {
                prop_assert_eq!(&irv.elected, &stv.elected, "{}", method);
            }
        }
    }

    /// Schulze and ranked pairs elect the Condorcet winner whenever there is one.
    #[test]
    fn condorcet_methods_elect_the_condorcet_winner(spec in spec(true)) {
        let election = natural(&spec);
        for method in [Method::Schulze, Method::RankedPairs] {
            let outcome = count(&election, method, &Options::default()).expect("counts");
            let condorcet = outcome.condorcet.as_ref().expect("pairwise counts");
            if let Some(winner) = condorcet.winner {
                prop_assert_eq!(&outcome.elected, &vec![winner], "{}", method);
            }
        }
    }

    /// Every method gives the same outcome twice for one seed.
    #[test]
    fn every_method_is_deterministic_for_a_seed(spec in spec(true), seed in any::<u64>()) {
        let election = natural(&spec);
        for method in Method::ALL {
            let first = count(&election, method, &options(seed));
            let second = count(&election, method, &options(seed));
            prop_assert_eq!(first, second, "{}", method);
        }
    }

    /// Listing the candidates in another order does not change who wins, unless a tie had to
    /// be broken (a lot drawn for one order need not fall the same way for another).
    #[test]
    fn candidate_order_does_not_change_the_winners(
        spec in spec(true),
        order in Just(()).prop_flat_map(|()| Just((0..6).collect::<Vec<usize>>()).prop_shuffle()),
    ) {
        let order: Vec<usize> = order.into_iter().filter(|&c| c < spec.n).collect();
        let natural = natural(&spec);
        let permuted = build(&spec, &order);
        for method in Method::ALL {
            let a = count(&natural, method, &Options::default()).expect("counts");
            let b = count(&permuted, method, &Options::default()).expect("counts");
            if a.ties.is_empty() && b.ties.is_empty() {
                prop_assert_eq!(winners(&natural, &a), winners(&permuted, &b), "{}", method);
                if method.is_party_list() {
                    let seats = |election: &Election, outcome: &Outcome| -> BTreeMap<String, usize> {
                        outcome.elected.iter().fold(BTreeMap::new(), |mut seats, &c| {
                            *seats.entry(election.candidate(c).name().to_owned()).or_default() += 1;
                            seats
                        })
                    };
                    prop_assert_eq!(seats(&natural, &a), seats(&permuted, &b), "{}", method);
                }
            }
        }
    }
}
