//! Format detection and what the readers refuse: a valid file is never read as another
//! election; a file that reads as two is refused with the `--format` choices; names that
//! cannot be told apart, options listed twice and unknown columns are refused.

use plenum_count::format::{self, Format};
use plenum_count::{CandidateId, Election, Method, Options, ParseError, count};
use proptest::prelude::*;

fn read(text: &str, format: Option<Format>) -> Result<Election, ParseError> {
    format::read(text.as_bytes(), format)
}

fn error(text: &str) -> String {
    match read(text, None) {
        Ok(_) => panic!("read without error:\n{text}"),
        Err(err) => err.to_string(),
    }
}

fn names(election: &Election) -> Vec<&str> {
    election.candidates().iter().map(|c| c.name()).collect()
}

/// Each candidate's total in the first stage, by name.
fn first_stage(election: &Election, method: Method, seats: usize) -> Vec<(String, String)> {
    let options = Options {
        seats: Some(seats),
        ..Options::default()
    };
    let outcome = count(election, method, &options).expect("counts");
    election
        .candidates()
        .iter()
        .zip(&outcome.stages[0].votes)
        .map(|(c, votes)| (c.name().to_owned(), votes.to_string()))
        .collect()
}

/// Issue 8, item 1: approval files whose first ballot is blank.
#[test]
fn an_approval_file_whose_first_ballot_is_blank() {
    let weighted = read("weight,A,B,C\n5,,,\n3,1,,\n2,,1,1\n", None).expect("reads");
    assert_eq!(names(&weighted), ["A", "B", "C"]);
    assert_eq!(weighted.blank_weight(), 5);
    assert_eq!(weighted.total_weight(), 5);
    let outcome = count(
        &weighted,
        Method::Approval,
        &Options {
            seats: Some(1),
            ..Options::default()
        },
    )
    .expect("counts");
    assert_eq!(outcome.valid, 5);
    assert_eq!(names(&weighted)[outcome.elected[0].index()], "A");
    assert_eq!(
        first_stage(&weighted, Method::Approval, 1),
        [
            ("A".to_owned(), "3".to_owned()),
            ("B".to_owned(), "2".to_owned()),
            ("C".to_owned(), "2".to_owned())
        ]
    );
    // Without the weight column, and with marks other than 1.
    let plain = read("A,B,C\n,,\n1,,\n,1,1\n1,,\n", None).expect("reads");
    assert_eq!(names(&plain), ["A", "B", "C"]);
    assert_eq!((plain.total_weight(), plain.blank_weight()), (3, 1));
    let yes = read("A,B\n,\nyes,\n,x\nyes,\n", None).expect("reads");
    assert_eq!(names(&yes), ["A", "B"]);
    assert_eq!((yes.total_weight(), yes.blank_weight()), (3, 1));
}

/// A rank matrix may have a weight column too, and reads as the approval file it equals
/// when its ranks are all 1.
#[test]
fn a_rank_matrix_with_weights() {
    let matrix = read("weight,A,B,C\n5,,,\n3,2,1,\n", None).expect("reads");
    assert_eq!(names(&matrix), ["A", "B", "C"]);
    let ballots: Vec<(u64, Vec<usize>)> = matrix
        .ballots()
        .map(|b| (b.weight(), b.candidates().map(CandidateId::index).collect()))
        .collect();
    assert_eq!(ballots, [(3, vec![1, 0])]);
    let ones = "weight,A,B\n2,1,1\n1,1,\n";
    assert_eq!(
        read(ones, Some(Format::RankedCsv)),
        read(ones, Some(Format::ApprovalCsv))
    );
}

#[test]
fn ambiguous_files_are_refused_with_the_format_choices() {
    for text in [
        "A,B,C\n",
        "A,B,C\n,,\n,,\n",
        "X,Y\nY,X\nX,\n",
        "A,B\n1,\n2,x\n",
    ] {
        let err = error(text);
        assert!(
            err.contains("--format approval-csv") && err.contains("--format ranked-csv"),
            "{text:?}: {err}"
        );
    }
    // Forced, each reads.
    assert_eq!(
        read("A,B,C\n", Some(Format::RankedCsv))
            .map(|e| e.total_weight())
            .ok(),
        Some(1)
    );
    assert_eq!(
        read("A,B,C\n", Some(Format::ApprovalCsv))
            .map(|e| e.total_weight())
            .ok(),
        Some(0)
    );
}

/// Issue 8, item 19: files that are not what they seem.
#[test]
fn names_that_cannot_be_told_apart_are_refused() {
    assert_eq!(
        error("2 1\n1 1 0\n0\n\"A\"\n\"A\"\n"),
        "5:1: candidates 1 and 2 are both named \"A\": every candidate needs a name of their own"
    );
    assert_eq!(
        error("A,A,B\n1,,x\n"),
        "1:3: candidate \"A\" is named twice (first in column 1): \
         every candidate needs a name of their own"
    );
    assert_eq!(
        error("A,B,A\n1,2,3\n"),
        "1:5: candidate \"A\" is named twice (first in column 1): \
         every candidate needs a name of their own"
    );
    assert_eq!(
        error("party,votes\nRed,10\nBlue,7\nRed,5\n"),
        "4:1: option \"Red\" is listed twice (first on line 2): give each option's votes once"
    );
    assert_eq!(
        read("A,,C\nx,,x\n", Some(Format::ApprovalCsv))
            .err()
            .map(|e| e.to_string()),
        Some("1:3: expected a candidate's name, found an empty cell".to_owned())
    );
}

#[test]
fn long_csv_with_another_column_is_refused_not_misread() {
    assert_eq!(
        error("ballot_id,rank,choice,precinct\n1,1,Ann,P1\n1,2,Bob,P1\n"),
        "1:23: unexpected column \"precinct\": long-csv has three columns, \
         the ballot id, the rank and the choice"
    );
    // The same columns in another order read.
    let election = read("choice,ballot id,rank\nAnn,1,1\nBob,1,2\n", None).expect("reads");
    assert_eq!(names(&election), ["Ann", "Bob"]);
}

#[test]
fn numbers_are_not_taken_for_names() {
    // Rows of names where a cell is a number: a rank matrix without its header.
    assert_eq!(
        read("Ann,Bob\nCy,Ann\n1,Bob\n", Some(Format::RankedCsv))
            .err()
            .map(|e| e.to_string()),
        Some(
            "3:1: expected a candidate's name, found the number \"1\" \
             (rank numbers need a header of names)"
                .to_owned()
        )
    );
}

/// Issue 8, item 20: a header of words, and what the errors say they found.
#[test]
fn messages_say_what_they_found() {
    assert_eq!(
        error("three one\n1 1 0\n0\nA\n"),
        "1:1: expected a header `candidates seats` (two whole numbers), found \"three one\""
    );
    assert_eq!(
        error("3 1\nx 1 0\n0\nA\nB\nC\n"),
        "2:1: expected a ballot weight (a whole number) or a line `0`, found \"x\""
    );
    assert_eq!(
        error("40000 1\n"),
        "1:1: 40000 candidates: a ballot file may have at most 32767"
    );
    assert_eq!(
        error("3 1\n[withdrawn z]\n0\nA\nB\nC\n"),
        "2:1: unknown candidate \"z\": expected a nickname of `[nick ...]` or a candidate number"
    );
}

/// A random election, as candidate names and ballots (weight, ranks of candidate indices).
#[derive(Clone, Debug)]
struct Spec {
    names: Vec<String>,
    ballots: Vec<(u64, Vec<Vec<usize>>)>,
}

/// Names that look like other things: mark words, header words, numbers with letters.
const NAMES: [&str; 14] = [
    "A",
    "B",
    "C",
    "X",
    "Y",
    "N",
    "Yes",
    "weight",
    "Rank",
    "votes",
    "1st",
    "Ann Smith",
    "Ünï",
    "id",
];

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..=4)
        .prop_flat_map(|n| {
            (
                Just(NAMES.to_vec()).prop_shuffle(),
                proptest::collection::vec(
                    (
                        1u64..=5,
                        proptest::collection::vec((0..n, any::<bool>()), 0..=n),
                    ),
                    0..6,
                ),
                Just(n),
            )
        })
        .prop_map(|(pool, raw, n)| {
            let names: Vec<String> = pool[..n].iter().map(|name| (*name).to_owned()).collect();
            let ballots = raw
                .into_iter()
                .map(|(weight, marks)| {
                    let mut seen = Vec::new();
                    let mut ranks: Vec<Vec<usize>> = Vec::new();
                    for (c, equal) in marks {
                        if seen.contains(&c) {
                            continue;
                        }
                        seen.push(c);
                        match ranks.last_mut() {
                            Some(last) if equal => last.push(c),
                            _ => ranks.push(vec![c]),
                        }
                    }
                    (weight, ranks)
                })
                .collect();
            Spec { names, ballots }
        })
}

/// The spec written in `format` (and, for the CSV tables, with or without weights).
fn write(spec: &Spec, format: Format, weighted: bool) -> String {
    let n = spec.names.len();
    let mut out = String::new();
    match format {
        Format::Blt => {
            out.push_str(&format!("{n} 1\n"));
            for (weight, ranks) in &spec.ballots {
                let ranks: Vec<String> = ranks
                    .iter()
                    .map(|rank| {
                        let numbers: Vec<String> =
                            rank.iter().map(|c| (c + 1).to_string()).collect();
                        numbers.join("=")
                    })
                    .collect();
                out.push_str(&format!("{weight} {} 0\n", ranks.join(" ")));
            }
            out.push_str("0\n");
            for name in &spec.names {
                out.push_str(&format!("\"{name}\"\n"));
            }
        }
        Format::ApprovalCsv | Format::RankedCsv if weighted || format == Format::ApprovalCsv => {
            if weighted {
                out.push_str("weight,");
            }
            out.push_str(&spec.names.join(","));
            out.push('\n');
            for (weight, ranks) in &spec.ballots {
                let mut cells = vec![String::new(); n];
                for (place, rank) in ranks.iter().enumerate() {
                    for &c in rank {
                        cells[c] = if format == Format::ApprovalCsv {
                            "x".to_owned()
                        } else {
                            (place + 1).to_string()
                        };
                    }
                }
                let repeat = if weighted { 1 } else { *weight };
                for _ in 0..repeat {
                    if weighted {
                        out.push_str(&format!("{weight},"));
                    }
                    out.push_str(&cells.join(","));
                    out.push('\n');
                }
            }
        }
        Format::RankedCsv | Format::ApprovalCsv => {
            // Rows of names, the first row a ballot; a blank ballot is a row of empty cells.
            for (weight, ranks) in &spec.ballots {
                let cells: Vec<String> = ranks
                    .iter()
                    .map(|rank| {
                        let names: Vec<&str> =
                            rank.iter().map(|&c| spec.names[c].as_str()).collect();
                        names.join("=")
                    })
                    .collect();
                let row = if cells.is_empty() {
                    ",".to_owned()
                } else {
                    cells.join(",")
                };
                for _ in 0..*weight {
                    out.push_str(&row);
                    out.push('\n');
                }
            }
        }
        Format::LongCsv => {
            out.push_str("ballot_id,rank,choice\n");
            for (id, (_, ranks)) in spec.ballots.iter().enumerate() {
                for (place, rank) in ranks.iter().enumerate() {
                    for &c in rank {
                        out.push_str(&format!("b{id},{},{}\n", place + 1, spec.names[c]));
                    }
                }
            }
        }
        Format::VotesCsv => {
            if weighted {
                out.push_str("party,votes\n");
            }
            for (index, name) in spec.names.iter().enumerate() {
                let votes: u64 = spec
                    .ballots
                    .iter()
                    .filter(|(_, ranks)| ranks.first().is_some_and(|rank| rank.contains(&index)))
                    .map(|(weight, _)| weight)
                    .sum();
                out.push_str(&format!("{name},{votes}\n"));
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Detection never turns a valid file into another election: a file written in any
    /// format that reads in that format reads, undetected, as the same election, or is
    /// refused with an error that names the `--format` choices.
    #[test]
    fn detection_never_changes_the_election(spec in spec(), weighted in any::<bool>()) {
        for format in Format::ALL {
            let text = write(&spec, format, weighted);
            let Ok(forced) = read(&text, Some(format)) else {
                // Not a valid file of that format (a candidate named `weight` heading an
                // approval table, say): another reading may well be right.
                prop_assert!(format != Format::Blt, "the BLT writer is wrong:\n{}", text);
                continue;
            };
            // Formats that list the candidates (rows and long rows name only those marked).
            // A first column headed `weight` is the weights, by the format's own rule.
            let weight_column = !weighted && spec.names[0] == "weight";
            let listed = match format {
                Format::Blt | Format::VotesCsv => true,
                Format::ApprovalCsv => !weight_column,
                Format::RankedCsv => weighted,
                Format::LongCsv => false,
            };
            if listed {
                let expected: Vec<&str> = spec.names.iter().map(String::as_str).collect();
                prop_assert_eq!(names(&forced), expected, "{}:\n{}", format, text);
            }
            match read(&text, None) {
                Ok(detected) => prop_assert_eq!(detected, forced, "{}:\n{}", format, text),
                Err(err) => prop_assert!(
                    err.message.contains("--format"),
                    "{}: {}\n{}", format, err, text
                ),
            }
        }
    }
}
