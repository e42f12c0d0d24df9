//! Ballot files: what each reader accepts, the errors it gives (with line and column), the BLT
//! round trip, and that no input, however broken, makes a reader panic.

use plenum_count::format::{self, Format, write_blt};
use plenum_count::{CandidateId, Election, ElectionBuilder, ParseError};
use proptest::prelude::*;

fn read(text: &str) -> Result<Election, ParseError> {
    format::read(text.as_bytes(), None)
}

fn ok(text: &str) -> Election {
    read(text).unwrap_or_else(|err| panic!("{err}\n{text}"))
}

fn err(text: &str) -> String {
    error_in(text, None)
}

fn err_blt(text: &str) -> String {
    error_in(text, Some(Format::Blt))
}

fn error_in(text: &str, format: Option<Format>) -> String {
    match format::read(text.as_bytes(), format) {
        Ok(_) => panic!("read without error:\n{text}"),
        Err(err) => err.to_string(),
    }
}

/// Each distinct ballot as (weight, ranks of 0-based candidate indices).
fn ballots(election: &Election) -> Vec<(u64, Vec<Vec<usize>>)> {
    election
        .ballots()
        .map(|ballot| {
            let ranks = ballot
                .ranks()
                .map(|rank| rank.candidates().map(CandidateId::index).collect())
                .collect();
            (ballot.weight(), ranks)
        })
        .collect()
}

fn names(election: &Election) -> Vec<&str> {
    election
        .candidates()
        .iter()
        .map(|candidate| candidate.name())
        .collect()
}

#[test]
fn blt_with_equal_ranks_withdrawals_and_weights() {
    let election = ok(
        "4 2\n-4\n3 1 2 0\n2 2=3 1 0\n1 4 1 0\n2 1 2 0\n0\n\"Ann\"\n\"Bob\"\n\"Cy\"\n\"Di\"\n\"Test\"\n",
    );
    assert_eq!(election.seats(), Some(2));
    assert_eq!(election.title(), Some("Test"));
    assert!(election.candidates()[3].is_withdrawn());
    // Identical ballots merge; the withdrawn Di is dropped from the third ballot.
    assert_eq!(
        ballots(&election),
        [
            (5, vec![vec![0], vec![1]]),
            (2, vec![vec![1, 2], vec![0]]),
            (1, vec![vec![0]])
        ]
    );
}

#[test]
fn blt_variants_of_published_files() {
    // A byte order mark, CRLF, stray commas, blank lines, `(id)` labels, `-` for a skipped
    // rank, unquoted names and no final newline.
    let text = "\u{feff}3 1,\r\n\r\n(a) 2 1 - 3 0,\r\n1 3, 2 0\r\n0,\r\nAnn SMITH (Lab)\r\nBob,\r\nCy\r\nWard 1";
    let election = ok(text);
    assert_eq!(names(&election), ["Ann SMITH (Lab)", "Bob", "Cy"]);
    assert_eq!(election.title(), Some("Ward 1"));
    assert_eq!(
        ballots(&election),
        [(2, vec![vec![0], vec![2]]), (1, vec![vec![2], vec![1]])]
    );
    // Names several to a line, as quoted strings.
    let election = ok("2 1\n1 1 0\n0\n\"Ann\" \"Bob\"\n\"Title\"\n");
    assert_eq!(names(&election), ["Ann", "Bob"]);
    assert_eq!(election.title(), Some("Title"));
    // Droop and stv-rs options: nicknames and withdrawals by nickname.
    let election = ok(
        "3 1\n[nick a b c]\n[withdrawn c]\n[tie c b a]\n4 a b 0\n2 c=b a 0\n0\n\"A\"\n\"B\"\n\"C\"\n",
    );
    assert!(election.candidates()[2].is_withdrawn());
    assert_eq!(
        ballots(&election),
        [(4, vec![vec![0], vec![1]]), (2, vec![vec![1], vec![0]])]
    );
}

/// The published files' irregularities: stray commas everywhere (Perth and Kinross 2016),
/// CSV-style doubled quotes around a name and party (Glasgow 2022).
#[test]
fn blt_real_irregular_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let perth =
        std::fs::read(root.join("blt/perth_kinross_2016_by_election_ward9.blt")).expect("readable");
    let perth = format::read(perth.as_slice(), None).expect("reads");
    assert_eq!(perth.seats(), Some(1));
    assert_eq!(names(&perth)[..2], ["Kathleen BAIRD", "Denise BAYKAL"]);
    assert_eq!(perth.title(), Some("Ward 9 - Almond and Earn"));
    let glasgow =
        std::fs::read(root.join("scotland/10_cands/glasgow_2022_ward6.blt")).expect("readable");
    let glasgow = format::read(glasgow.as_slice(), None).expect("reads");
    assert!(
        names(&glasgow).iter().all(|name| !name.contains('"')),
        "{:?}",
        names(&glasgow)
    );
    assert!(
        names(&glasgow).iter().all(|name| name.ends_with(')')),
        "{:?}",
        names(&glasgow)
    );
}

#[test]
fn blt_errors_name_line_and_column() {
    assert_eq!(
        err_blt(""),
        "1:1: empty file: expected candidates and ballots"
    );
    assert_eq!(
        err_blt("3\n"),
        "1:1: expected a header `candidates seats` (two whole numbers), found \"3\""
    );
    assert_eq!(
        err_blt("3 1 x\n"),
        "1:5: unexpected text after the header `candidates seats`"
    );
    assert_eq!(
        err_blt("3 1\n2 1 x 0\n"),
        "2:5: expected a candidate number, found \"x\""
    );
    assert_eq!(
        err_blt("3 1\n2 1 4 0\n"),
        "2:5: candidate 4 does not exist: expected 1 to 3"
    );
    assert_eq!(
        err_blt("3 1\n1.5 1 0\n"),
        "2:1: fractional numbers are not supported: ballot weights must be whole"
    );
    assert_eq!(
        err_blt("3 1\n2 1 0 2\n"),
        "2:7: unexpected text after the ballot's closing 0"
    );
    assert_eq!(
        err_blt("3 1\n2 1 0\n"),
        "2:1: unexpected end of file: expected a line `0` ending the ballots"
    );
    assert_eq!(
        err_blt("3 1\n2 1 0\n0\n\"A\"\n\"B\"\n"),
        "5:1: expected 3 candidate names, found 2"
    );
    assert_eq!(
        err_blt("2 1\n0\nA\nB\nTitle\nMore\n"),
        "6:1: unexpected text after the title"
    );
    assert_eq!(
        err_blt("0 1\n"),
        "1:1: an election needs at least one candidate, found 0"
    );
    assert_eq!(
        err_blt("3 1\n[nick a b]\n"),
        "2:1: expected 3 nicknames, found 2"
    );
    assert_eq!(
        err_blt("3 1\n99999999999999999999 1 0\n"),
        "2:1: number too large: at most 18446744073709551615"
    );
}

#[test]
fn ranked_csv_rows_and_matrices() {
    // Rows of names, a leading weight column, equal ranks with '='.
    let election = ok("3,Ann,Bob\n2,Cy=Ann,\n1,Bob\n");
    assert_eq!(names(&election), ["Ann", "Bob", "Cy"]);
    assert_eq!(
        ballots(&election),
        [
            (3, vec![vec![0], vec![1]]),
            (2, vec![vec![2, 0]]),
            (1, vec![vec![1]])
        ]
    );
    // A header of rank columns is skipped.
    let election = ok("rank1,rank2\nAnn,Bob\n");
    assert_eq!(ballots(&election), [(1, vec![vec![0], vec![1]])]);
    // A matrix: candidates across, rank numbers down.
    let election = ok("Ann,Bob,Cy\n2,1,\n1,1,2\n");
    assert_eq!(
        ballots(&election),
        [(1, vec![vec![1], vec![0]]), (1, vec![vec![0, 1], vec![2]])]
    );
    assert_eq!(
        err("Ann,Bob\n1,2\n3,0\n"),
        "3:3: expected a rank number (1, 2, ...) or a blank, found \"0\""
    );
}

#[test]
fn long_csv_reads_burlington_style_rows() {
    let text = "ballot_id,rank,choice\n1,1,Kiss\n1,2,$UNDERVOTE\n1,3,Wright\n2,1,$OVERVOTE\n2,2,Kiss\n3,2,Wright\n3,1,Smith\n";
    let election = ok(text);
    assert_eq!(names(&election), ["Kiss", "Wright", "Smith"]);
    // Ballot 2 ends at its over-vote: blank. Ballot 3's rows come out of order.
    assert_eq!(
        ballots(&election),
        [(1, vec![vec![0], vec![1]]), (1, vec![vec![2], vec![1]])]
    );
    assert_eq!(election.blank_weight(), 1);
    assert_eq!(
        err("ballot_id,rank,choice\n1,1,A\n2,1,B\n1,2,C\n").as_str(),
        "4:1: ballot \"1\" continues after other ballots: rows of a ballot must be together"
    );
    assert_eq!(
        err("ballot_id,rank,choice\n1,first,A\n"),
        "2:3: expected a rank number (1, 2, ...), found \"first\""
    );
}

#[test]
fn votes_csv_with_and_without_header() {
    for text in [
        "party,votes\nRed,\"1,200\"\nBlue,800\n",
        "Red,1200\nBlue,800\n",
    ] {
        let election = ok(text);
        assert_eq!(names(&election), ["Red", "Blue"]);
        assert_eq!(
            ballots(&election),
            [(1200, vec![vec![0]]), (800, vec![vec![1]])]
        );
    }
    assert_eq!(
        err("party,votes\nRed,12\nBlue,many\n"),
        "3:6: expected a number of votes (a whole number), found \"many\""
    );
}

#[test]
fn approval_csv_marks_and_weights() {
    let election = ok("weight,Ann,Bob,Cy\n3,x,,1\n2,,yes,\n");
    assert_eq!(names(&election), ["Ann", "Bob", "Cy"]);
    assert_eq!(
        ballots(&election),
        [(3, vec![vec![0, 2]]), (2, vec![vec![1]])]
    );
    assert_eq!(
        error_in("Ann,Bob\n1,maybe\n", Some(Format::ApprovalCsv)),
        "2:3: expected an approval mark (1, x, yes), a refusal (0, no) or a blank, found \"maybe\""
    );
    assert_eq!(
        error_in("Ann,Bob\n1,\"x\n", Some(Format::ApprovalCsv)),
        "2:3: unterminated quote: expected a closing '\"'"
    );
}

fn spec() -> impl Strategy<Value = Election> {
    (
        1usize..8,
        0usize..8,
        proptest::collection::vec(
            (
                1u64..50,
                proptest::collection::vec((0usize..8, any::<bool>()), 1..8),
            ),
            0..20,
        ),
        any::<bool>(),
    )
        .prop_map(|(n, withdrawn, ballots, titled)| {
            let mut builder = ElectionBuilder::new();
            for index in 0..n {
                builder
                    .add_candidate(&format!("Candidate {index}, Ünïcode = ok"))
                    .expect("few candidates");
            }
            builder.set_seats(1);
            if titled {
                builder.set_title("A title");
            }
            if withdrawn < n {
                builder.withdraw(CandidateId::new(withdrawn).expect("small index"));
            }
            for (weight, marks) in ballots {
                for (c, tie) in marks {
                    let id = CandidateId::new(c % n).expect("small index");
                    if tie {
                        builder.tie(id)
                    } else {
                        builder.rank(id)
                    }
                }
                builder.finish_ballot(weight).expect("small weights");
            }
            builder.build()
        })
}

proptest! {
    /// Writing BLT and reading it back gives the same election.
    #[test]
    fn blt_round_trips(election in spec()) {
        let mut text = Vec::new();
        write_blt(&election, 1, &mut text).expect("writing to memory");
        let again = format::read(text.as_slice(), Some(Format::Blt)).expect("written BLT reads");
        prop_assert_eq!(names(&again), names(&election));
        prop_assert_eq!(ballots(&again), ballots(&election));
        prop_assert_eq!(again.title(), election.title());
        let withdrawn = |e: &Election| e.candidates().iter().map(|c| c.is_withdrawn()).collect::<Vec<bool>>();
        prop_assert_eq!(withdrawn(&again), withdrawn(&election));
    }

    /// No input makes a reader panic, in any format.
    #[test]
    fn readers_never_panic_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
        let _ = format::read(bytes.as_slice(), None);
        for format in Format::ALL {
            let _ = format::read(bytes.as_slice(), Some(format));
        }
    }

    /// Nor on text made of the tokens the readers look for.
    #[test]
    fn readers_never_panic_on_near_miss_text(tokens in proptest::collection::vec(
        prop::sample::select(vec!["0", "1", "2", "3", "-1", "=", ",", " ", "\n", "\"", "\"\"", "[nick a b]", "(7)", "x", "$OVERVOTE", "18446744073709551616", "rank", "votes"]),
        0..80,
    )) {
        let text: String = tokens.concat();
        for format in Format::ALL {
            let _ = format::read(text.as_bytes(), Some(format));
        }
    }
}

/// A fuzz corpus of the real files: each mutated many times (bytes flipped, inserted,
/// deleted, lines dropped, truncated) must read or fail cleanly.
#[test]
fn mutated_real_files_read_or_fail_cleanly() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data");
    let corpus = [
        "scotland/3_cands/aberdeenshire_2016_by_election_banff_and_district.blt",
        "blt/perth_kinross_2016_by_election_ward9.blt",
        "scotland/10_cands/glasgow_2022_ward6.blt",
        "meek/voting-matters-12.blt",
        "dhondt/wikipedia.csv",
    ];
    let mut state: u64 = 0x5EED;
    let mut next = move |n: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) as usize) % n.max(1)
    };
    for file in corpus {
        let original = std::fs::read(root.join(file)).unwrap_or_else(|err| panic!("{file}: {err}"));
        for _ in 0..200 {
            let mut bytes = original.clone();
            for _ in 0..1 + next(4) {
                let at = next(bytes.len());
                match next(5) {
                    0 => bytes[at] = next(256) as u8,
                    1 => bytes.insert(at, b"0 -=,\"\n[x"[next(9)]),
                    2 if !bytes.is_empty() => {
                        bytes.remove(at);
                    }
                    3 => bytes.truncate(at),
                    _ => {
                        let line_end = bytes[at..]
                            .iter()
                            .position(|&b| b == b'\n')
                            .map_or(bytes.len(), |p| at + p);
                        bytes.drain(at..line_end);
                    }
                }
            }
            let _ = format::read(bytes.as_slice(), None);
        }
    }
}
