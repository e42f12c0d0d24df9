//! ERS97 STV against an independent implementation: OpenSTV 1.7's `ERS97STV`, whose
//! authors validated it against eSTV, the Electoral Reform Society's own counting program.
//!
//! OpenSTV is Python 2 and not part of plenum, so it does not run here: its reports on 150
//! random elections are stored in `test_data/ers97/openstv/expected.jsonl`, written by
//! `generate.py` beside them (the script, the OpenSTV commit and the command are in its
//! header; none of OpenSTV's code is in this repository). The data is checked in, so this
//! test never lacks its peer: if a file is missing, it fails.
//!
//! For every election where neither side broke a tie by lot, plenum must elect the same
//! candidates and show the same figures, stage by stage: every candidate's votes, and the
//! votes no longer held by any candidate (OpenSTV's "exhausted", plenum's non-transferable
//! votes plus the rounding residue).

use std::fs;
use std::path::{Path, PathBuf};

use plenum_count::{Method, Options, TieBreak, count, format};
use serde_json::Value;

fn folder() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("test_data/ers97/openstv")
}

#[test]
fn ers97_agrees_with_openstv_stage_by_stage() {
    let expected = fs::read_to_string(folder().join("expected.jsonl"))
        .expect("expected.jsonl is checked in beside generate.py");
    let mut compared = 0;
    let mut different = Vec::new();
    for line in expected.lines() {
        let record: Value = serde_json::from_str(line).expect("a JSON line");
        let file = record["file"].as_str().expect("a file name");
        let text = fs::read(folder().join(file)).unwrap_or_else(|err| panic!("{file}: {err}"));
        let election = format::read(text.as_slice(), None).expect("the election reads");
        let outcome = count(&election, Method::Ers97, &Options::default()).expect("counts");
        let lot = outcome.ties.iter().any(|tie| tie.by == TieBreak::Lot);
        if lot || record["tie"] == true {
            continue;
        }
        compared += 1;
        let mut ours: Vec<u64> = outcome
            .elected
            .iter()
            .map(|c| c.index() as u64 + 1)
            .collect();
        ours.sort_unstable();
        let theirs: Vec<u64> = record["winners"]
            .as_array()
            .expect("winners")
            .iter()
            .filter_map(Value::as_u64)
            .collect();
        if ours != theirs {
            different.push(format!(
                "{file}: plenum elects {ours:?}, OpenSTV {theirs:?}"
            ));
            continue;
        }
        let stages: Vec<Vec<String>> = outcome
            .stages
            .iter()
            .map(|stage| {
                let mut row: Vec<String> = stage.votes.iter().map(ToString::to_string).collect();
                let gone = stage.non_transferable.raw() + stage.residue.raw();
                row.push(plenum_count::Value::new(gone, 2).to_string());
                row
            })
            .collect();
        let rounds: Vec<Vec<String>> = record["rounds"]
            .as_array()
            .expect("rounds")
            .iter()
            .map(|round| {
                round
                    .as_array()
                    .expect("a round")
                    .iter()
                    .map(|v| v.as_str().expect("a figure").to_owned())
                    .collect()
            })
            .collect();
        if stages != rounds {
            let first = stages
                .iter()
                .zip(&rounds)
                .position(|(a, b)| a != b)
                .unwrap_or(stages.len().min(rounds.len()));
            different.push(format!(
                "{file}: stage {} differs: plenum {:?}, OpenSTV {:?} ({} stages against {} rounds)",
                first + 1,
                stages.get(first),
                rounds.get(first),
                stages.len(),
                rounds.len()
            ));
        }
    }
    println!("compared {compared} of 150 elections with OpenSTV");
    assert!(
        compared >= 120,
        "only {compared} of 150 elections were free of ties"
    );
    assert!(
        different.is_empty(),
        "{} of {compared} differ:\n{}",
        different.len(),
        different.join("\n")
    );
}
