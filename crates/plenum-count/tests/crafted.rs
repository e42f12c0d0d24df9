//! Crafted files: headers asking for billions of seats or tens of thousands of candidates,
//! weights at the edge of 64 bits, random bytes after a plausible header. Every reader
//! returns an election or an error with a place in the file; every method then counts it or
//! refuses it with an error, in bounded time and memory, and never panics.

use std::time::{Duration, Instant};

use plenum_count::format::{self, Format};
use plenum_count::{CountError, Method, Options, count};
use proptest::prelude::*;

/// Reads `text` in every format and counts whatever reads by every method; returns how long
/// the slowest count took.
fn read_and_count_everything(text: &str) -> Duration {
    let mut slowest = Duration::ZERO;
    let formats = std::iter::once(None).chain(Format::ALL.map(Some));
    for format in formats {
        let election = match format::read(text.as_bytes(), format) {
            Ok(election) => election,
            Err(err) => {
                assert!(err.line >= 1 && err.column >= 1, "{err:?}");
                assert!(!err.message.is_empty());
                continue;
            }
        };
        for method in Method::ALL {
            let started = Instant::now();
            let _ = count(&election, method, &Options::default());
            slowest = slowest.max(started.elapsed());
        }
    }
    slowest
}

/// Numbers that break things: zero, one, the limits of the methods and of the file format,
/// and the limits of the integer types.
fn edge_number() -> impl Strategy<Value = u64> {
    prop::sample::select(vec![
        0,
        1,
        2,
        3,
        200,
        201,
        1000,
        1001,
        2000,
        2001,
        32_767,
        32_768,
        1_000_000_000_000,
        u64::from(u32::MAX),
        u64::MAX / 2 + 1,
        u64::MAX,
    ])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// BLT headers with edge numbers of candidates and seats, then a few ballots with edge
    /// weights, then names.
    #[test]
    fn crafted_blt_headers_are_read_and_counted_or_refused(
        candidates in edge_number(),
        seats in edge_number(),
        ballots in proptest::collection::vec((edge_number(), proptest::collection::vec(1u64..5, 0..4)), 0..4),
    ) {
        let mut text = format!("{candidates} {seats}\n");
        for (weight, marks) in &ballots {
            let marks: Vec<String> = marks.iter().map(u64::to_string).collect();
            text.push_str(&format!("{weight} {} 0\n", marks.join(" ")));
        }
        text.push_str("0\n");
        let named = if candidates <= 32_768 { candidates } else { 4 };
        for index in 0..named {
            text.push_str(&format!("\"C{index}\"\n"));
        }
        let slowest = read_and_count_everything(&text);
        prop_assert!(slowest < Duration::from_secs(5), "a count took {slowest:?}:\n{text}");
    }

    /// Random text after a valid header: each reader reads or fails with a place.
    #[test]
    fn random_text_after_a_header(
        header in prop::sample::select(vec!["3 1\n", "weight,A,B\n", "A,B,C\n", "ballot_id,rank,choice\n", "party,votes\n"]),
        body in proptest::collection::vec(
            prop::sample::select(vec!["0", "1", "2", "18446744073709551615", "-1", "=", ",", " ", "\n", "\"", "x", "yes", "[nick a b c]", "(1)", "$OVERVOTE", "A"]),
            0..60,
        ),
    ) {
        let text = format!("{header}{}", body.concat());
        read_and_count_everything(&text);
    }
}

/// Issue 8, item 5: the party-list methods used to allocate a stage per seat of a header's
/// `3 1000000000000`; now every method refuses such a count before it starts.
#[test]
fn a_trillion_seats_is_refused_up_front() {
    let text = "3 1000000000000\n4 1 0\n3 2 0\n0\nA\nB\nC\n";
    let election = format::read(text.as_bytes(), None).expect("the file reads");
    for method in Method::ALL {
        let started = Instant::now();
        let result = count(&election, method, &Options::default());
        assert!(started.elapsed() < Duration::from_secs(1), "{method}");
        match result {
            Err(CountError::TooLarge { what: "seats", .. })
            | Err(CountError::TooManySeats { .. }) => {}
            Ok(_) if method.is_single_winner() => {}
            other => panic!("{method}: {other:?}"),
        }
    }
}

/// Pairwise methods refuse more candidates than their matrices are meant for, and the
/// methods with a stage per exclusion likewise, naming the limit.
#[test]
fn too_many_candidates_are_refused_per_method() {
    let many = |n: usize| {
        let mut text = format!("{n} 1\n1 1 0\n0\n");
        for index in 0..n {
            text.push_str(&format!("C{index}\n"));
        }
        format::read(text.as_bytes(), None).expect("the file reads")
    };
    let election = many(201);
    for method in [Method::Schulze, Method::RankedPairs] {
        assert_eq!(
            count(&election, method, &Options::default())
                .err()
                .map(|e| e.to_string()),
            Some(format!(
                "{method} takes at most 200 candidates, not 201: \
                 its pairwise matrices grow as the square of the candidates"
            ))
        );
    }
    assert!(count(&many(200), Method::Schulze, &Options::default()).is_ok());
    let election = many(1001);
    for method in [Method::Irv, Method::Scottish, Method::Meek, Method::Ers97] {
        assert!(
            matches!(
                count(&election, method, &Options::default()),
                Err(CountError::TooLarge {
                    what: "candidates",
                    limit: 1000,
                    ..
                })
            ),
            "{method}"
        );
    }
    for method in [Method::Plurality, Method::Approval, Method::TwoRound] {
        assert!(count(&election, method, &Options::default()).is_ok());
    }
    // At the limit, every exclusion a tie of candidates without votes: still quick.
    let mut text = "1000 1\n0\n".to_owned();
    for index in 0..1000 {
        text.push_str(&format!("C{index}\n"));
    }
    let election = format::read(text.as_bytes(), None).expect("the file reads");
    for method in Method::ALL {
        let started = Instant::now();
        let result = count(&election, method, &Options::default());
        assert!(
            started.elapsed() < Duration::from_secs(5),
            "{method}: {result:?}"
        );
    }
}

/// Weights whose sums pass 2^63: majorities are compared without doubling.
#[test]
fn weights_near_the_limit_count_without_overflow() {
    let big = u64::MAX / 2;
    let text = format!("3 1\n{big} 1 0\n{} 2 3 0\n1 3 0\n0\nA\nB\nC\n", big - 2);
    let election = format::read(text.as_bytes(), None).expect("the file reads");
    for method in Method::ALL {
        match count(&election, method, &Options::default()) {
            Ok(outcome) => assert_eq!(outcome.elected.len(), 1, "{method}"),
            Err(err) => assert!(matches!(err, CountError::Overflow(_)), "{method}: {err}"),
        }
    }
    let irv = count(&election, Method::Irv, &Options::default()).expect("counts");
    assert_eq!(
        irv.elected[0].index(),
        0,
        "A, with 2^63 - 1 of 2^64 - 3 votes, has a majority"
    );
}
