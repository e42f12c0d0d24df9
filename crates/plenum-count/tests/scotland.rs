//! Scottish STV on real council elections.
//!
//! `test_data/scotland/` holds 114 ward elections (2007 to 2022) from the councils' published
//! ballot records, as collected by David McCune (public repository mggg/scot-elex), and
//! `expected.tsv`: their winners under the 2007 Order, computed by Droop 0.14's `scotland`
//! rule, an independent implementation. Every ward must come out the same; no ward is
//! special-cased.

use std::fs;
use std::io::BufReader;
use std::path::{Path, PathBuf};

use plenum_count::{Method, Options, count, format};

fn test_data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data")
}

struct Ward {
    file: String,
    seats: usize,
    winners: Vec<usize>,
}

fn expected() -> Vec<Ward> {
    let text = fs::read_to_string(test_data().join("scotland/expected.tsv"))
        .expect("expected.tsv is readable");
    text.lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .map(|line| {
            let cells: Vec<&str> = line.split('\t').collect();
            let mut winners: Vec<usize> = cells[2]
                .split_whitespace()
                .map(|n| n.parse().expect("positions are numbers"))
                .collect();
            winners.sort_unstable();
            Ward {
                file: cells[0].to_owned(),
                seats: cells[1].parse().expect("seats is a number"),
                winners,
            }
        })
        .collect()
}

#[test]
fn scottish_stv_elects_the_expected_winners_in_every_sample_ward() {
    let wards = expected();
    assert_eq!(wards.len(), 114);
    let mut wrong = Vec::new();
    for ward in &wards {
        let file = fs::File::open(test_data().join("scotland").join(&ward.file))
            .expect("ward file is readable");
        let election = format::read(BufReader::new(file), None)
            .unwrap_or_else(|err| panic!("{}: {err}", ward.file));
        assert_eq!(election.seats(), Some(ward.seats), "{}", ward.file);
        let outcome = count(&election, Method::Scottish, &Options::default())
            .expect("the ward can be counted");
        let mut winners: Vec<usize> = outcome.elected.iter().map(|c| c.index() + 1).collect();
        winners.sort_unstable();
        if winners != ward.winners {
            wrong.push(format!(
                "{}: elected {winners:?}, expected {:?}",
                ward.file, ward.winners
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} of {} wards differ:\n{}",
        wrong.len(),
        wards.len(),
        wrong.join("\n")
    );
}

/// The shared collection of published elections: `../shared/elections` from the
/// repository's root, beside the clone, here and in CI alike.
fn collection() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/elections")
}

/// Reads (and counts) every ward of the full collection: each file either reads, or fails
/// with a clear error naming it. Without the collection the test fails: it never passes by
/// skipping.
#[test]
fn every_published_ward_reads_and_counts() {
    let root = collection().join("scotland");
    assert!(
        root.is_dir(),
        "{} is missing: the collection of published elections belongs at ../shared/elections \
         from the repository's root",
        root.display()
    );
    let mut files: Vec<PathBuf> = fs::read_dir(&root)
        .expect("the collection is readable")
        .filter_map(Result::ok)
        .filter(|entry| entry.path().is_dir())
        .flat_map(|dir| {
            fs::read_dir(dir.path())
                .expect("a group is readable")
                .filter_map(Result::ok)
        })
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "blt"))
        .collect();
    files.sort();
    assert!(
        files.len() > 1000,
        "only {} files under {}",
        files.len(),
        root.display()
    );
    let mut unreadable = Vec::new();
    for path in &files {
        let file = fs::File::open(path).expect("ward file is readable");
        match format::read(BufReader::new(file), Some(format::Format::Blt)) {
            Ok(election) => {
                let outcome = count(&election, Method::Scottish, &Options::default())
                    .expect("the ward can be counted");
                assert_eq!(
                    outcome.elected.len(),
                    election.seats().unwrap_or(0),
                    "{}",
                    path.display()
                );
            }
            Err(err) => unreadable.push(format!("{}:{err}", path.display())),
        }
    }
    assert!(
        unreadable.is_empty(),
        "unreadable:\n{}",
        unreadable.join("\n")
    );
}
