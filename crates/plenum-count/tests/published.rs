//! Published worked examples, reproduced stage by stage, and golden reports.
//!
//! Each test asserts the published figures themselves, then pins the whole report with an
//! `insta` snapshot (`tests/snapshots/`), so that any change to a count or to the report
//! layout shows up in review. The ballot files live in `test_data/<method>/`.

use std::path::Path;

use plenum_count::{CandidateId, Election, Method, Options, Outcome, count, format, report};

fn read(relative: &str) -> Election {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("test_data")
        .join(relative);
    let text = std::fs::read(&path).unwrap_or_else(|err| panic!("{}: {err}", path.display()));
    format::read(text.as_slice(), None).unwrap_or_else(|err| panic!("{}:{err}", path.display()))
}

fn run(election: &Election, method: Method, options: &Options) -> Outcome {
    count(election, method, options).expect("the example counts")
}

fn names(election: &Election, candidates: &[CandidateId]) -> Vec<String> {
    candidates
        .iter()
        .map(|&c| election.candidate(c).name().to_owned())
        .collect()
}

/// The votes of every candidate at `stage` (1-based), as printed.
fn votes(outcome: &Outcome, stage: usize) -> Vec<String> {
    outcome.stages[stage - 1]
        .votes
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// Wikipedia, "Schulze method", the example with 45 voters and five candidates A to E
/// (en.wikipedia.org/wiki/Schulze_method#Example): the pairwise matrix `d`, the strongest
/// paths `p`, and E the winner.
#[test]
fn schulze_wikipedia_example() {
    let election = read("schulze/wikipedia.blt");
    let outcome = run(&election, Method::Schulze, &Options::default());
    let condorcet = outcome
        .condorcet
        .as_ref()
        .expect("schulze reports pairwise counts");
    let d = [
        [0, 20, 26, 30, 22],
        [25, 0, 16, 33, 18],
        [19, 29, 0, 17, 24],
        [15, 12, 28, 0, 14],
        [23, 27, 21, 31, 0],
    ];
    let p = [
        [0, 28, 28, 30, 24],
        [25, 0, 28, 33, 24],
        [25, 29, 0, 29, 24],
        [25, 28, 28, 0, 24],
        [25, 28, 28, 31, 0],
    ];
    assert_eq!(condorcet.pairwise, d.map(Vec::from).to_vec());
    assert_eq!(
        condorcet.strongest.as_ref().expect("strongest paths"),
        &p.map(Vec::from).to_vec()
    );
    assert_eq!(
        condorcet.winner, None,
        "the example has no Condorcet winner"
    );
    assert_eq!(names(&election, &outcome.elected), ["E"]);
    // The Schulze ranking E > A > C > B > D: beatpath wins 4, 3, 2, 1, 0.
    assert_eq!(votes(&outcome, 1), ["3", "1", "2", "0", "4"]);
    insta::assert_snapshot!("schulze_wikipedia", report::text(&election, &outcome));
}

/// Wikipedia, "D'Hondt method", the example of 230,000 votes for 8 seats
/// (en.wikipedia.org/wiki/D%27Hondt_method#Example): parties A 100,000, B 80,000, C 30,000
/// and D 20,000 win 4, 3, 1 and 0 seats, the seats going to the quotients 100,000 (A),
/// 80,000 (B), 50,000 (A), 40,000 (B), 33,333 (A), 30,000 (C), 26,667 (B), 25,000 (A).
#[test]
fn dhondt_wikipedia_example() {
    let election = read("dhondt/wikipedia.csv");
    let options = Options {
        seats: Some(8),
        ..Options::default()
    };
    let outcome = run(&election, Method::DHondt, &options);
    assert_eq!(
        names(&election, &outcome.elected),
        ["A", "B", "A", "B", "A", "C", "B", "A"]
    );
    let awarded: Vec<String> = outcome.stages[1..]
        .iter()
        .zip(&outcome.elected)
        .map(|(stage, party)| stage.votes[party.index()].to_string())
        .collect();
    assert_eq!(
        awarded,
        [
            "100000.00",
            "80000.00",
            "50000.00",
            "40000.00",
            "33333.33",
            "30000.00",
            "26666.66",
            "25000.00"
        ]
    );
    let seats: Vec<usize> = (0..4)
        .map(|index| outcome.seats_won(CandidateId::new(index).expect("small")))
        .collect();
    assert_eq!(seats, [4, 3, 1, 0]);
    insta::assert_snapshot!("dhondt_wikipedia", report::text(&election, &outcome));
}

/// Wikipedia, "Sainte-Laguë method", the same 230,000 votes for 8 seats: A, B, C and D win
/// 3, 3, 1 and 1 seats. A and D tie at 20,000 for the sixth and seventh seats, so both win one.
#[test]
fn sainte_lague_wikipedia_example() {
    let election = read("dhondt/wikipedia.csv");
    let options = Options {
        seats: Some(8),
        ..Options::default()
    };
    let outcome = run(&election, Method::SainteLague, &options);
    let seats: Vec<usize> = (0..4)
        .map(|index| outcome.seats_won(CandidateId::new(index).expect("small")))
        .collect();
    assert_eq!(seats, [3, 3, 1, 1]);
    insta::assert_snapshot!("sainte_lague_wikipedia", report::text(&election, &outcome));
}

/// Voting matters, issue 12, "The computational accuracy using the Meek algorithm": five
/// candidates for three seats where X, Y and Z stay within a millionth of a vote of each other.
/// The ballots are the article's; the expected figures are those of the reference
/// implementation of the Meek rule in nine-decimal fixed point (Droop's `meek-prf`, published
/// with its test suite), to the last digit.
#[test]
fn meek_voting_matters_issue_12() {
    let election = read("meek/voting-matters-12.blt");
    let outcome = run(&election, Method::Meek, &Options::default());
    let first = &outcome.stages[0];
    assert_eq!(
        first.quota.map(|q| q.to_string()).as_deref(),
        Some("1000.750000001")
    );
    assert_eq!(
        votes(&outcome, 1),
        [
            "1001.000000000",
            "1001.000000000",
            "667.000000000",
            "667.000000000",
            "667.000000000"
        ]
    );
    assert_eq!(names(&election, &first.elected), ["A", "B"]);
    // Round 2 converges with a surplus of 0.000000250, too small to separate X, Y and Z.
    assert_eq!(
        votes(&outcome, 2),
        [
            "1000.750000126",
            "1000.750000126",
            "667.166666686",
            "667.166666562",
            "667.166666500"
        ]
    );
    let keep: Vec<String> = outcome.stages[1].keep.as_ref().expect("keep values")[..2]
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(keep, ["0.999749750", "0.999749750"]);
    assert_eq!(
        outcome.ties.len(),
        1,
        "X, Y and Z are tied within the surplus"
    );
    assert_eq!(names(&election, &outcome.ties[0].among).len(), 3);
    // With X excluded (the lot of seed 0, as Droop's default order), round 3 elects Y.
    assert_eq!(names(&election, &outcome.ties[0].chosen), ["X"]);
    let third = &outcome.stages[2];
    assert_eq!(
        third.quota.map(|q| q.to_string()).as_deref(),
        Some("800.580647027")
    );
    assert_eq!(
        votes(&outcome, 3),
        [
            "800.584418564",
            "800.584418564",
            "0.000000000",
            "800.596982770",
            "800.556768208"
        ]
    );
    assert_eq!(third.non_transferable.to_string(), "800.677411894");
    assert_eq!(names(&election, &outcome.elected), ["A", "B", "Y"]);
    insta::assert_snapshot!("meek_voting_matters_12", report::text(&election, &outcome));
}

/// ERS97, worked by hand from the rules (no published stage-by-stage example with its
/// ballots could be obtained: the ERS97 booklet's model election does not print them).
/// 75 ballots, 2 seats; quota 75/3 = 25.00 exactly (5.1.6).
/// - Stage 1: A 40 is elected; surplus 15.00.
/// - Stage 2: the surplus cannot be deferred (15 + 1 > 2, ...), so A's 40 papers are examined
///   (5.3.1): 30 go to C, 6 to D, 4 are non-transferable; 36 papers worth 36 > 15, so each
///   passes at 15/36 = 0.41 (5.3.7): C +12.30 = 20.30, D +2.46 = 9.46, residue 0.24.
/// - Stage 3: G 1, F 2 and E 5 total 8 <= D's 9.46, so all three are excluded together
///   (5.2.5): D +5 = 14.46, B +3 = 15.
/// - Stage 4: D is excluded, in two parts by value (5.4.1): the 12 papers of value 1.00 first,
///   7 to C (27.30, elected) and 5 non-transferable; the seats are then filled, so the part of
///   value 0.41 is never transferred and B is formally excluded (5.5.2).
#[test]
fn ers97_bulk_exclusion_in_parts() {
    let election = read("ers97/bulk-exclusion.blt");
    let outcome = run(&election, Method::Ers97, &Options::default());
    assert_eq!(
        outcome.stages[0].quota.map(|q| q.to_string()).as_deref(),
        Some("25.00")
    );
    assert_eq!(
        votes(&outcome, 2),
        ["25.00", "12.00", "20.30", "9.46", "5.00", "2.00", "1.00"]
    );
    assert_eq!(outcome.stages[1].residue.to_string(), "0.24");
    assert_eq!(outcome.stages[1].non_transferable.to_string(), "0.00");
    assert_eq!(
        names(&election, &outcome.stages[2].excluded),
        ["E", "F", "G"]
    );
    assert_eq!(
        votes(&outcome, 3),
        ["25.00", "15.00", "20.30", "14.46", "0.00", "0.00", "0.00"]
    );
    assert_eq!(
        votes(&outcome, 4),
        ["25.00", "15.00", "27.30", "2.46", "0.00", "0.00", "0.00"]
    );
    assert_eq!(outcome.stages[3].non_transferable.to_string(), "5.00");
    assert_eq!(names(&election, &outcome.elected), ["A", "C"]);
    assert_eq!(names(&election, &outcome.stages[3].excluded), ["D", "B"]);
    insta::assert_snapshot!("ers97_bulk_exclusion", report::text(&election, &outcome));
}

/// ERS97 deferral, worked by hand: 38 ballots, 2 seats, quota 38/3 = 12.66 + 0.01 = 12.67.
/// A's surplus of 5.33 is deferred (5.2.2): D's 2 plus 5.33 does not exceed C's 8, so D is
/// excluded first (C 10). Then 10 + 5.33 exceeds 10, so the surplus is transferred: 18 papers
/// at 5.33/18 = 0.29, B +5.22 = 15.22, elected; residue 0.11.
#[test]
fn ers97_deferred_surplus() {
    let election = read("ers97/deferred-surplus.blt");
    let outcome = run(&election, Method::Ers97, &Options::default());
    assert_eq!(
        outcome.stages[0].quota.map(|q| q.to_string()).as_deref(),
        Some("12.67")
    );
    assert!(
        matches!(
            outcome.stages[1].action,
            plenum_count::Action::Exclusion { .. }
        ),
        "the surplus waits"
    );
    assert_eq!(votes(&outcome, 2), ["18.00", "10.00", "10.00", "0.00"]);
    assert_eq!(votes(&outcome, 3), ["12.67", "15.22", "10.00", "0.00"]);
    assert_eq!(outcome.stages[2].residue.to_string(), "0.11");
    assert_eq!(names(&election, &outcome.elected), ["A", "B"]);
    insta::assert_snapshot!("ers97_deferred_surplus", report::text(&election, &outcome));
}

/// Burlington, Vermont, mayor 2009 (instant-runoff): Bob Kiss won. The first round matches the
/// official count: Kiss 2,585, Montroll 2,063, Smith 1,306, Wright 2,951, Simpson 35,
/// write-ins 36.
#[test]
fn irv_burlington_2009() {
    let election = read("burlington-2009-mayor.csv");
    let outcome = run(&election, Method::Irv, &Options::default());
    assert_eq!(names(&election, &outcome.elected), ["Bob Kiss"]);
    let first: Vec<(String, String)> = election
        .candidates()
        .iter()
        .zip(votes(&outcome, 1))
        .map(|(candidate, votes)| (candidate.name().to_owned(), votes))
        .collect();
    for (name, expected) in [
        ("Bob Kiss", "2585"),
        ("Andy Montroll", "2063"),
        ("Dan Smith", "1306"),
        ("Kurt Wright", "2951"),
        ("James Simpson", "35"),
        ("Write-in", "36"),
    ] {
        assert!(
            first.contains(&(name.to_owned(), expected.to_owned())),
            "{name}: {first:?}"
        );
    }
    insta::assert_snapshot!("irv_burlington_2009", report::text(&election, &outcome));
}

/// A real Scottish count, pinned whole in JSON and as a result sheet: the Edinburgh Leith Walk
/// by-election of 2015, won by Marion Donaldson and John Lewis Ritchie.
#[test]
fn scottish_leith_walk_2015() {
    let election = read("scotland/10_cands/edinburgh_2015_by_election_leith_walk.blt");
    let outcome = run(&election, Method::Scottish, &Options::default());
    assert_eq!(
        names(&election, &outcome.elected),
        ["John Lewis RITCHIE (SNP)", "Marion DONALDSON (Lab)"]
    );
    insta::assert_snapshot!(
        "scottish_leith_walk_2015_json",
        report::json::to_string(&election, &outcome)
    );
    insta::assert_snapshot!(
        "scottish_leith_walk_2015",
        report::text(&election, &outcome)
    );
}

/// A published ERS97 count: Students' Union UCL, leadership race spring 2021, Hockey Club
/// men's social secretary (studentsunionucl.org/election/leadership-race-spring-2021/position/
/// hockey-club-mens-social-secretary), counted on 19 March 2021 under "ERS97 STV": 25 valid
/// votes, 2 places, quota 8.34; first preferences Gadsby 5, Recaldin 20, RON 0; Recaldin's
/// surplus of 11.66 passes at 0.68 a paper, leaving Gadsby 16.56 and 0.10 lost to rounding.
/// The result sheet determines the ballots that matter: 17 of Recaldin's 20 papers go on
/// to Gadsby (17 × 0.68 = 11.56) and 3 go no further. (The ERS97 booklet's own model
/// election cannot be reworked: its ballots are not printed, and the one public
/// reconstruction was withdrawn by its author as not matching the booklet's result sheet.)
#[test]
fn ers97_published_ucl_2021() {
    let election = read("ers97/ucl-2021-hockey-social-secretary.blt");
    let outcome = run(&election, Method::Ers97, &Options::default());
    assert_eq!(
        outcome.stages[0].quota.map(|q| q.to_string()).as_deref(),
        Some("8.34")
    );
    assert_eq!(votes(&outcome, 1), ["5.00", "20.00", "0.00"]);
    assert_eq!(votes(&outcome, 2), ["16.56", "8.34", "0.00"]);
    assert_eq!(outcome.stages[1].residue.to_string(), "0.10");
    assert_eq!(
        names(&election, &outcome.elected),
        ["James Recaldin", "Oliver Gadsby"]
    );
    insta::assert_snapshot!(
        "ers97_published_ucl_2021",
        report::text(&election, &outcome)
    );
}
