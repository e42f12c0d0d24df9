//! The JSON report: a stable public format, built from an [`Outcome`] at the edge.
//!
//! One object per count:
//!
//! ```json
//! {
//!   "format": 1,
//!   "method": "scottish",
//!   "title": "Leith Walk",
//!   "seats": 2,
//!   "seed": 0,
//!   "candidates": [{ "name": "Ann", "withdrawn": false }],
//!   "valid": 9876,
//!   "invalid": 0,
//!   "quota": "3293.00000",
//!   "elected": ["Ann", "Bob"],
//!   "elected_positions": [1, 2],
//!   "stages": [
//!     {
//!       "stage": "1",
//!       "action": "count",
//!       "subject": [],
//!       "votes": ["4000.00000", "3000.00000"],
//!       "non_transferable": "0.00000",
//!       "residue": "0.00000",
//!       "quota": "3293.00000",
//!       "elected": ["Ann"],
//!       "excluded": []
//!     }
//!   ],
//!   "ties": [
//!     { "stage": "3", "purpose": "exclusion", "among": ["Cy", "Di"], "chosen": ["Cy"],
//!       "by": "lot" }
//!   ]
//! }
//! ```
//!
//! - `format` is this format's version, 1; fields are only ever added within a version.
//! - `method` is the method's command-line name; `seed` the seed of the lots.
//! - `candidates` lists every candidate (or party) in file order; every per-candidate array
//!   below is aligned with it. `elected` holds names in order of election (for party-list
//!   methods, the party of each seat in the order awarded, so a name may repeat), and
//!   `elected_positions` the same as 1-based positions in `candidates`, which stay unambiguous
//!   when names repeat.
//! - `valid` and `invalid` are ballot weights; `quota` is the first stage's quota, or null.
//! - Vote values are **strings holding exact decimals** with the method's precision ("1.5" is
//!   never written as 1.5), so that no reader loses digits. Pairwise counts are integers.
//! - Each stage: `stage` is its label ("4", or "4.2" for part 2 of an ERS97 exclusion);
//!   `action` is one of `count`, `surplus`, `exclusion`, `iteration`, `run-off`, `seat`,
//!   `pairwise`; `subject` names the candidates acted on (the surplus's owner, the excluded,
//!   the run-off pair, the party seated); `votes` are the totals at the end of the stage;
//!   `non_transferable` and `residue` (loss by rounding) are cumulative; `quota` is the quota in
//!   force or null; `elected` and `excluded` list who was elected or excluded at the stage.
//!   Optional members: `surplus` (surplus stages), `part` = `{ "value", "index", "of" }`
//!   (ERS97 exclusions in parts), `iterations` and `ended` (`elected`, `converged`, `stable`;
//!   Meek), `keep` (Meek keep values, aligned with `candidates`).
//! - `ties`: every tie broken, with the stage label, what it decided, the tied and chosen
//!   names, and `by`: `"lot"`, `"more votes"` or `"stage N"` (the earlier stage that decided).
//! - Condorcet methods add `condorcet`: `{ "winner": name or null, "pairwise": [[n]],
//!   "strongest": [[n]] (Schulze), "locked": [[winner, loser]] (ranked pairs) }`, matrices
//!   aligned with `candidates` both ways.
//! - Party-list methods add `seats_won`: one number per candidate.

use serde::Serialize;
use serde_json::Value as Json;

use super::stage_labels;
use crate::{Action, CandidateId, Election, IterationEnd, Outcome, TieBreak, Value};

/// The version of the JSON format.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Report<'a> {
    format: u32,
    method: &'static str,
    title: Option<&'a str>,
    seats: usize,
    seed: u64,
    candidates: Vec<CandidateJson<'a>>,
    valid: u64,
    invalid: u64,
    quota: Option<String>,
    elected: Vec<&'a str>,
    elected_positions: Vec<usize>,
    stages: Vec<StageJson<'a>>,
    ties: Vec<TieJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    condorcet: Option<CondorcetJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    seats_won: Option<Vec<usize>>,
}

#[derive(Serialize)]
struct CandidateJson<'a> {
    name: &'a str,
    withdrawn: bool,
}

#[derive(Serialize)]
struct StageJson<'a> {
    stage: String,
    action: &'static str,
    subject: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    surplus: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part: Option<PartJson>,
    #[serde(skip_serializing_if = "Option::is_none")]
    iterations: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ended: Option<&'static str>,
    votes: Vec<String>,
    non_transferable: String,
    residue: String,
    quota: Option<String>,
    elected: Vec<&'a str>,
    excluded: Vec<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keep: Option<Vec<String>>,
}

#[derive(Serialize)]
struct PartJson {
    value: String,
    index: u32,
    of: u32,
}

#[derive(Serialize)]
struct TieJson<'a> {
    stage: String,
    purpose: &'static str,
    among: Vec<&'a str>,
    chosen: Vec<&'a str>,
    by: String,
}

#[derive(Serialize)]
struct CondorcetJson<'a> {
    winner: Option<&'a str>,
    pairwise: &'a [Vec<u64>],
    #[serde(skip_serializing_if = "Option::is_none")]
    strongest: Option<&'a [Vec<u64>]>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    locked: Vec<[&'a str; 2]>,
}

fn text(value: Value) -> String {
    value.to_string()
}

/// The JSON report of `outcome`, a count of `election`, as a value (object members sorted).
pub fn json(election: &Election, outcome: &Outcome) -> Json {
    serde_json::to_value(build(election, outcome)).unwrap_or(Json::Null)
}

/// The JSON report of `outcome`, a count of `election`, as pretty text with the members in
/// the documented order and a final newline.
pub fn to_string(election: &Election, outcome: &Outcome) -> String {
    serde_json::to_string_pretty(&build(election, outcome))
        .map(|text| text + "\n")
        .unwrap_or_default()
}

fn build<'a>(election: &'a Election, outcome: &'a Outcome) -> Report<'a> {
    let name = |c: CandidateId| election.candidate(c).name();
    let names = |list: &[CandidateId]| list.iter().map(|&c| name(c)).collect::<Vec<&str>>();
    let labels = stage_labels(outcome);
    let label = |index: usize| {
        labels
            .get(index.wrapping_sub(1))
            .cloned()
            .unwrap_or_else(|| index.to_string())
    };
    let stages = outcome
        .stages
        .iter()
        .zip(&labels)
        .map(|(stage, stage_label)| {
            let (action, subject) = match &stage.action {
                Action::Count => ("count", Vec::new()),
                Action::Surplus { candidate, .. } => ("surplus", vec![name(*candidate)]),
                Action::Exclusion { candidates, .. } => ("exclusion", names(candidates)),
                Action::Iteration { .. } => ("iteration", Vec::new()),
                Action::RunOff { candidates } => ("run-off", names(candidates)),
                Action::Seat { party } => ("seat", vec![name(*party)]),
                Action::Pairwise => ("pairwise", Vec::new()),
            };
            let (iterations, ended) = match &stage.action {
                Action::Iteration { iterations, ended } => (
                    Some(*iterations),
                    Some(match ended {
                        IterationEnd::Elected => "elected",
                        IterationEnd::Converged => "converged",
                        IterationEnd::Stable => "stable",
                    }),
                ),
                _ => (None, None),
            };
            StageJson {
                stage: stage_label.clone(),
                action,
                subject,
                surplus: match &stage.action {
                    Action::Surplus { surplus, .. } => Some(text(*surplus)),
                    _ => None,
                },
                part: match &stage.action {
                    Action::Exclusion {
                        part: Some((value, index, of)),
                        ..
                    } => Some(PartJson {
                        value: text(*value),
                        index: *index,
                        of: *of,
                    }),
                    _ => None,
                },
                iterations,
                ended,
                votes: stage.votes.iter().copied().map(text).collect(),
                non_transferable: text(stage.non_transferable),
                residue: text(stage.residue),
                quota: stage.quota.map(text),
                elected: names(&stage.elected),
                excluded: names(&stage.excluded),
                keep: stage
                    .keep
                    .as_ref()
                    .map(|keep| keep.iter().copied().map(text).collect()),
            }
        })
        .collect();
    let ties = outcome
        .ties
        .iter()
        .map(|tie| TieJson {
            stage: label(tie.stage),
            purpose: tie.purpose,
            among: names(&tie.among),
            chosen: names(&tie.chosen),
            by: match tie.by {
                TieBreak::EarlierStage(stage) => format!("stage {}", label(stage)),
                TieBreak::MoreVotes => "more votes".to_owned(),
                TieBreak::Lot => "lot".to_owned(),
            },
        })
        .collect();
    let condorcet = outcome.condorcet.as_ref().map(|condorcet| CondorcetJson {
        winner: condorcet.winner.map(name),
        pairwise: &condorcet.pairwise,
        strongest: condorcet.strongest.as_deref(),
        locked: condorcet
            .locked
            .iter()
            .map(|&(a, b)| [name(a), name(b)])
            .collect(),
    });
    Report {
        format: FORMAT_VERSION,
        method: outcome.method.name(),
        title: election.title(),
        seats: outcome.seats,
        seed: outcome.seed,
        candidates: election
            .candidates()
            .iter()
            .map(|candidate| CandidateJson {
                name: candidate.name(),
                withdrawn: candidate.is_withdrawn(),
            })
            .collect(),
        valid: outcome.valid,
        invalid: outcome.invalid,
        quota: outcome
            .stages
            .first()
            .and_then(|stage| stage.quota)
            .map(text),
        elected: names(&outcome.elected),
        elected_positions: outcome.elected.iter().map(|c| c.index() + 1).collect(),
        stages,
        ties,
        condorcet,
        seats_won: outcome.method.is_party_list().then(|| {
            (0..election.candidates().len())
                .map(|index| outcome.seats_won(CandidateId::at(index)))
                .collect()
        }),
    }
}
