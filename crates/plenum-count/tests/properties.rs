//! Property tests of the invariants every count must keep, on random small elections.

use std::collections::BTreeMap;

use plenum_count::{
    CandidateId, Election, ElectionBuilder, Method, Options, Outcome, TieBreak, count,
};
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

/// The Condorcet winner of `spec`, by comparing every pair on every ballot.
fn brute_force_condorcet_winner(spec: &Spec) -> Option<usize> {
    let place = |ranks: &[Vec<usize>], c: usize| {
        ranks
            .iter()
            .position(|rank| rank.contains(&c))
            .unwrap_or(usize::MAX)
    };
    let beats = |a: usize, b: usize| {
        let (mut above, mut below) = (0u64, 0u64);
        for (weight, ranks) in &spec.ballots {
            match place(ranks, a).cmp(&place(ranks, b)) {
                std::cmp::Ordering::Less => above += weight,
                std::cmp::Ordering::Greater => below += weight,
                std::cmp::Ordering::Equal => {}
            }
        }
        above > below
    };
    (0..spec.n).find(|&a| (0..spec.n).all(|b| a == b || beats(a, b)))
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

    /// Schulze and ranked pairs elect the Condorcet winner whenever there is one, found here
    /// by brute force from the ballots themselves (not by the crate's pairwise count): a
    /// candidate whom, against each other candidate, more ballots rank higher than lower, an
    /// unranked candidate being below every ranked one.
    #[test]
    fn condorcet_methods_elect_the_condorcet_winner(spec in spec(true)) {
        let election = natural(&spec);
        let winner = brute_force_condorcet_winner(&spec);
        for method in [Method::Schulze, Method::RankedPairs] {
            let outcome = count(&election, method, &Options::default()).expect("counts");
            let reported = outcome.condorcet.as_ref().and_then(|c| c.winner);
            prop_assert_eq!(reported.map(|c| c.index()), winner, "{} reports", method);
            if let Some(winner) = winner {
                prop_assert_eq!(outcome.elected[0].index(), winner, "{}", method);
            }
        }
    }

    /// A seed changes nothing unless a lot is drawn: an outcome that reports no lot is the
    /// same, to the last stage, with any other seed.
    #[test]
    fn without_a_reported_lot_the_seed_changes_nothing(spec in spec(true), seed in 1u64..) {
        let election = natural(&spec);
        for method in Method::ALL {
            let first = count(&election, method, &options(0)).expect("counts");
            if first.ties.iter().any(|tie| tie.by == TieBreak::Lot) {
                continue;
            }
            let mut other = count(&election, method, &options(seed)).expect("counts");
            other.seed = 0;
            prop_assert_eq!(&first, &other, "{}", method);
        }
    }

    /// A lot is reported only where it decides something: when an outcome reports one, some
    /// other seed gives another outcome (another winner, another order of stages, other
    /// majorities locked).
    #[test]
    fn every_reported_lot_decides_something(spec in spec(true)) {
        let election = natural(&spec);
        for method in Method::ALL {
            let first = count(&election, method, &options(0)).expect("counts");
            if !first.ties.iter().any(|tie| tie.by == TieBreak::Lot) {
                continue;
            }
            let differs = (1..=40).any(|seed| {
                let other = count(&election, method, &options(seed)).expect("counts");
                (&other.elected, &other.stages, &other.condorcet)
                    != (&first.elected, &first.stages, &first.condorcet)
            });
            prop_assert!(differs, "{}: a lot that no seed changes: {:?}", method, first.ties);
        }
    }

    /// Ballots a method reports invalid are never counted: adding them changes nothing but
    /// the invalid count. The methods that read a ballot up to its first equal rank must
    /// report a ballot whose first rank is equal as invalid.
    #[test]
    fn invalid_ballots_are_never_counted(spec in spec(true), weight in 1u64..=20) {
        let mut with_invalid = spec.clone();
        with_invalid.ballots.push((weight, vec![vec![0, 1], vec![spec.n - 1]]));
        let (plain, more) = (natural(&spec), natural(&with_invalid));
        for method in Method::ALL {
            let a = count(&plain, method, &Options::default()).expect("counts");
            let b = count(&more, method, &Options::default()).expect("counts");
            let reads_to_equal_rank = !matches!(
                method,
                Method::Schulze | Method::RankedPairs | Method::Approval | Method::Sav | Method::Block
            );
            if reads_to_equal_rank {
                prop_assert_eq!(b.invalid, a.invalid + weight, "{}", method);
            }
            if b.invalid == a.invalid + weight {
                prop_assert_eq!(b.valid, a.valid, "{}", method);
                prop_assert_eq!(&b.elected, &a.elected, "{}", method);
                prop_assert_eq!(&b.stages, &a.stages, "{}", method);
            }
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
