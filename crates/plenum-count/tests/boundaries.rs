//! Every method at the edges: no ballots, one candidate, seats equal to candidates, ties in
//! every round, withdrawn candidates, and the errors a caller can fix.

use plenum_count::{
    CandidateId, CountError, Election, ElectionBuilder, Method, Options, TieBreak, count,
};

fn election(names: &[&str], seats: usize, ballots: &[(u64, &[usize])]) -> Election {
    let mut builder = ElectionBuilder::new();
    for name in names {
        builder.add_candidate(name).expect("few candidates");
    }
    builder.set_seats(seats);
    for (weight, ranking) in ballots {
        for &c in *ranking {
            builder.rank(CandidateId::new(c).expect("small index"));
        }
        builder.finish_ballot(*weight).expect("small weights");
    }
    builder.build()
}

fn seats_for(method: Method, seats: usize) -> usize {
    if method.is_single_winner() { 1 } else { seats }
}

#[test]
fn no_ballots_still_fills_the_seats() {
    let empty = election(&["A", "B", "C"], 2, &[]);
    for method in Method::ALL {
        let outcome = count(&empty, method, &Options::default())
            .unwrap_or_else(|err| panic!("{method}: {err}"));
        assert_eq!(outcome.elected.len(), seats_for(method, 2), "{method}");
        assert_eq!(outcome.valid, 0, "{method}");
    }
}

#[test]
fn a_lone_candidate_is_elected() {
    let one = election(&["A"], 1, &[(3, &[0])]);
    for method in Method::ALL {
        let outcome = count(&one, method, &Options::default())
            .unwrap_or_else(|err| panic!("{method}: {err}"));
        assert_eq!(
            outcome.elected,
            [CandidateId::new(0).expect("index 0")],
            "{method}"
        );
    }
}

#[test]
fn seats_equal_to_candidates_elect_everyone() {
    let all = election(&["A", "B", "C"], 3, &[(5, &[0, 1]), (2, &[2])]);
    for method in Method::ALL
        .into_iter()
        .filter(|method| !method.is_single_winner())
    {
        let outcome = count(&all, method, &Options::default())
            .unwrap_or_else(|err| panic!("{method}: {err}"));
        let mut elected: Vec<usize> = outcome.elected.iter().map(|c| c.index()).collect();
        elected.sort_unstable();
        if method.is_party_list() {
            assert_eq!(elected.len(), 3, "{method}");
        } else {
            assert_eq!(elected, [0, 1, 2], "{method}");
        }
    }
}

/// Four candidates with one vote each: every exclusion (and every choice) is a tie, broken by
/// lot; the seed decides, and is reported.
#[test]
fn ties_in_every_round_are_broken_by_lot_from_the_seed() {
    let tied = election(
        &["A", "B", "C", "D"],
        1,
        &[(1, &[0]), (1, &[1]), (1, &[2]), (1, &[3])],
    );
    for method in Method::ALL {
        let mut winners = std::collections::BTreeSet::new();
        for seed in 0..40 {
            let options = Options {
                seed,
                ..Options::default()
            };
            let outcome =
                count(&tied, method, &options).unwrap_or_else(|err| panic!("{method}: {err}"));
            assert!(!outcome.ties.is_empty(), "{method}: a tie must be recorded");
            assert!(
                outcome.ties.iter().any(|tie| tie.by == TieBreak::Lot),
                "{method}"
            );
            assert_eq!(outcome.seed, seed);
            winners.insert(outcome.elected[0]);
        }
        assert!(
            winners.len() > 1,
            "{method}: the seed never changed the winner"
        );
    }
}

#[test]
fn withdrawn_candidates_are_never_elected() {
    let mut builder = ElectionBuilder::new();
    for name in ["A", "B", "C"] {
        builder.add_candidate(name).expect("few candidates");
    }
    let a = CandidateId::new(0).expect("index 0");
    let b = CandidateId::new(1).expect("index 1");
    builder.withdraw(a);
    builder.set_seats(1);
    builder.rank(a);
    builder.rank(b);
    builder.finish_ballot(10).expect("small weight");
    let withdrawn = builder.build();
    for method in Method::ALL {
        let outcome = count(&withdrawn, method, &Options::default())
            .unwrap_or_else(|err| panic!("{method}: {err}"));
        assert!(!outcome.elected.contains(&a), "{method}");
        assert_eq!(outcome.elected, [b], "{method}: A's ballots pass to B");
    }
}

#[test]
fn impossible_requests_are_errors() {
    let three = election(&["A", "B", "C"], 1, &[(1, &[0])]);
    let options = |seats| Options {
        seats: Some(seats),
        ..Options::default()
    };
    assert_eq!(
        count(&three, Method::Scottish, &options(0)),
        Err(CountError::NoSeats)
    );
    assert_eq!(
        count(&three, Method::Meek, &options(4)),
        Err(CountError::TooManySeats {
            seats: 4,
            standing: 3
        })
    );
    assert_eq!(
        count(&three, Method::Irv, &options(2)),
        Err(CountError::SingleWinner {
            method: Method::Irv,
            seats: 2
        })
    );
    let mut builder = ElectionBuilder::new();
    builder.add_candidate("A").expect("one candidate");
    let unknown = builder.build();
    assert_eq!(
        count(&unknown, Method::Scottish, &Options::default()),
        Err(CountError::SeatsUnknown)
    );
    let threshold = Options {
        threshold: Some("101".parse().expect("a decimal")),
        ..options(1)
    };
    assert!(matches!(
        count(&three, Method::DHondt, &threshold),
        Err(CountError::InvalidOption(_))
    ));
    let divisor = Options {
        first_divisor: Some("1.4".parse().expect("a decimal")),
        ..options(1)
    };
    assert!(matches!(
        count(&three, Method::DHondt, &divisor),
        Err(CountError::InvalidOption(_))
    ));
    assert_eq!(
        CountError::NoSeats.to_string(),
        "the number of seats must be at least 1"
    );
}

/// Party lists: a threshold bars small parties; the modified Sainte-Laguë divisor 1.4 holds
/// back a party's first seat.
#[test]
fn party_list_options_change_the_allocation() {
    let parties = election(
        &["Big", "Mid", "Small"],
        5,
        &[(500, &[0]), (350, &[1]), (120, &[2])],
    );
    let plain = count(&parties, Method::SainteLague, &Options::default()).expect("counts");
    assert_eq!(plain.seats_won(CandidateId::new(2).expect("index 2")), 1);
    let modified = Options {
        first_divisor: Some("1.4".parse().expect("a decimal")),
        ..Options::default()
    };
    let modified = count(&parties, Method::SainteLague, &modified).expect("counts");
    assert_eq!(modified.seats_won(CandidateId::new(2).expect("index 2")), 0);
    let barred = Options {
        threshold: Some("15".parse().expect("a decimal")),
        ..Options::default()
    };
    let barred = count(&parties, Method::DHondt, &barred).expect("counts");
    assert_eq!(barred.seats_won(CandidateId::new(2).expect("index 2")), 0);
    assert_eq!(
        barred.stages[0].excluded,
        [CandidateId::new(2).expect("index 2")]
    );
    for quota in [plenum_count::Quota::Hare, plenum_count::Quota::Droop] {
        let options = Options {
            quota: Some(quota),
            ..Options::default()
        };
        let outcome = count(&parties, Method::LargestRemainder, &options).expect("counts");
        assert_eq!(outcome.elected.len(), 5);
    }
}

/// Satisfaction approval splits a ballot's vote among its approvals: {A, B} three times and
/// {A} once give A 1.5 + 1 = 2.5 and B 1.5.
#[test]
fn satisfaction_approval_splits_each_vote() {
    let mut builder = ElectionBuilder::new();
    let a = builder.add_candidate("A").expect("a candidate");
    let b = builder.add_candidate("B").expect("a candidate");
    builder.add_candidate("C").expect("a candidate");
    builder.set_seats(1);
    builder.rank(a);
    builder.tie(b);
    builder.finish_ballot(3).expect("small weight");
    builder.rank(a);
    builder.finish_ballot(1).expect("small weight");
    let election = builder.build();
    let outcome = count(&election, Method::Sav, &Options::default()).expect("counts");
    let scores: Vec<String> = outcome.stages[0]
        .votes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(scores, ["2.50000", "1.50000", "0.00000"]);
    assert_eq!(outcome.elected, [a]);
    let approval = count(&election, Method::Approval, &Options::default()).expect("counts");
    let votes: Vec<String> = approval.stages[0]
        .votes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(votes, ["4", "3", "0"]);
}
