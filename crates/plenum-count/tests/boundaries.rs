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

fn parties(votes: &[u64], seats: usize) -> Election {
    let names: Vec<String> = (0..votes.len()).map(|i| format!("P{i}")).collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let ballots: Vec<(u64, Vec<usize>)> = votes
        .iter()
        .enumerate()
        .map(|(party, &votes)| (votes, vec![party]))
        .collect();
    let ballots: Vec<(u64, &[usize])> = ballots.iter().map(|(w, r)| (*w, r.as_slice())).collect();
    election(&names, seats, &ballots)
}

fn seats_won(outcome: &plenum_count::Outcome, parties: usize) -> Vec<usize> {
    (0..parties)
        .map(|p| outcome.seats_won(CandidateId::new(p).expect("small index")))
        .collect()
}

/// Issue 8, item 4: a Droop quota on few votes leaves more seats than parties. 114 and 12
/// votes for 20 seats: quota 126 / 21 + 1 = 7; whole quotas 16 and 1; the 3 seats left go
/// round in order of remainder (5, then 2): P1, P0, P1.
#[test]
fn droop_largest_remainder_with_more_seats_left_than_parties() {
    let election = parties(&[114, 12], 20);
    let droop = Options {
        quota: Some(plenum_count::Quota::Droop),
        ..Options::default()
    };
    let outcome = count(&election, Method::LargestRemainder, &droop).expect("counts");
    assert_eq!(
        outcome.stages[0].quota.map(|q| q.to_string()).as_deref(),
        Some("7.00")
    );
    assert_eq!(seats_won(&outcome, 2), [17, 3]);
    let extra: Vec<usize> = outcome.elected[17..].iter().map(|c| c.index()).collect();
    assert_eq!(extra, [1, 0, 1]);
    assert!(outcome.ties.is_empty());
    // Hare: quota 6.3; whole quotas 18 and 1, the last seat to the remainder 5.7.
    let hare = count(&election, Method::LargestRemainder, &Options::default()).expect("counts");
    assert_eq!(seats_won(&hare, 2), [18, 2]);
}

/// Issue 8, item 3: ties reported only where they decide something.
#[test]
fn ties_that_decide_nothing_are_not_reported() {
    // Largest remainder: P1 and P2 have equal remainders and both win a remainder seat.
    let equal = parties(&[50, 25, 25], 4);
    let outcome = count(&equal, Method::LargestRemainder, &Options::default()).expect("counts");
    assert_eq!(seats_won(&outcome, 3), [2, 1, 1]);
    assert!(outcome.ties.is_empty(), "{:?}", outcome.ties);
    // D'Hondt: P1 and P2 tie for the third and fourth seats; both win one.
    let outcome = count(&equal, Method::DHondt, &Options::default()).expect("counts");
    assert_eq!(seats_won(&outcome, 3), [2, 1, 1]);
    assert!(outcome.ties.is_empty(), "{:?}", outcome.ties);
    // Only one seat for the two: more votes cannot decide, the lot does, and says so.
    let outcome = count(
        &parties(&[50, 25, 25], 3),
        Method::DHondt,
        &Options::default(),
    )
    .expect("counts");
    assert_eq!(outcome.ties.len(), 1);
    assert_eq!(outcome.ties[0].by, TieBreak::Lot);
    // Two-round: A has a majority; B and C tie for a run-off place that nobody needs.
    let majority = election(&["A", "B", "C"], 1, &[(6, &[0]), (2, &[1]), (2, &[2])]);
    let outcome = count(&majority, Method::TwoRound, &Options::default()).expect("counts");
    assert_eq!(outcome.elected, [CandidateId::new(0).expect("index 0")]);
    assert!(outcome.ties.is_empty(), "{:?}", outcome.ties);
    // Ranked pairs: A > B and B > C by equal majorities; locking both closes no cycle.
    let chain = election(&["A", "B", "C"], 1, &[(2, &[0, 1, 2]), (1, &[2, 0, 1])]);
    let outcome = count(&chain, Method::RankedPairs, &Options::default()).expect("counts");
    assert!(outcome.ties.is_empty(), "{:?}", outcome.ties);
    assert_eq!(outcome.elected, [CandidateId::new(0).expect("index 0")]);
}

/// Issue 8, item 2: two-round reads a ballot up to its first equal rank, and never counts a
/// ballot it reports invalid. By the rule, the run-off is B 5 to A 4, as instant-runoff has it.
#[test]
fn two_round_reads_ballots_to_their_first_equal_rank() {
    let text = "3 1\n4 1 0\n3 2 0\n2 3 2 0\n2 3=1 0\n0\n\"A\"\n\"B\"\n\"C\"\n\"t\"\n";
    let election = plenum_count::format::read(text.as_bytes(), None).expect("reads");
    let outcome = count(&election, Method::TwoRound, &Options::default()).expect("counts");
    assert_eq!((outcome.valid, outcome.invalid), (9, 2));
    let run_off: Vec<String> = outcome.stages[1]
        .votes
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(run_off, ["4", "5", "0"]);
    let b = CandidateId::new(1).expect("index 1");
    assert_eq!(outcome.elected, [b]);
    let irv = count(&election, Method::Irv, &Options::default()).expect("counts");
    assert_eq!(irv.elected, [b]);
}

/// Issue 8, items 19 and 20: options a method does not use are refused, and say so plainly.
#[test]
fn options_a_method_does_not_use_are_refused() {
    let three = election(&["A", "B", "C"], 1, &[(1, &[0])]);
    let refused = |method: Method, options: Options| {
        count(&three, method, &options)
            .err()
            .map(|err| err.to_string())
            .unwrap_or_default()
    };
    let threshold = |t: &str| Options {
        threshold: Some(t.parse().expect("a decimal")),
        ..Options::default()
    };
    assert_eq!(
        refused(Method::Scottish, threshold("5")),
        "invalid option: a threshold applies to the party-list methods \
         (dhondt, sainte-lague, largest-remainder), not scottish"
    );
    assert_eq!(
        refused(Method::DHondt, threshold("200")),
        "invalid option: the threshold is a percentage of the valid votes, from 0 to 100, not 200"
    );
    assert_eq!(
        refused(
            Method::DHondt,
            Options {
                quota: Some(plenum_count::Quota::Droop),
                ..Options::default()
            }
        ),
        "invalid option: a droop quota applies to largest-remainder, not dhondt"
    );
    let split = parties(&[10, 10, 10], 2);
    assert_eq!(
        count(&split, Method::DHondt, &threshold("50"))
            .err()
            .map(|err| err.to_string()),
        Some("invalid option: no party reaches the threshold of 50% of the valid votes".to_owned())
    );
    assert_eq!(
        "1.0000000001".parse::<plenum_count::Decimal>(),
        Err("expected at most nine decimal places, found \"1.0000000001\"".to_owned())
    );
}
