//! Reports of an [`Outcome`]: a human result sheet ([`text`]) and stable JSON ([`json`]).
//! Both read the same outcome; neither recounts anything.

pub mod json;
mod text;

pub use text::text;

use crate::{Action, Election, Method, Outcome};

/// The long name of a method, as a result sheet titles it.
pub fn method_title(method: Method) -> &'static str {
    match method {
        Method::Plurality => "Plurality (first past the post)",
        Method::TwoRound => "Two-round system (ranked ballots)",
        Method::Irv => "Instant-runoff voting",
        Method::Schulze => "Schulze method (Condorcet)",
        Method::RankedPairs => "Ranked pairs (Condorcet)",
        Method::Block => "Block vote",
        Method::Approval => "Approval voting",
        Method::Sav => "Satisfaction approval voting",
        Method::Points => "Points by rank (N points for the first of N seats)",
        Method::Scottish => "Single transferable vote, Scottish local government rules 2007",
        Method::Meek => "Single transferable vote, Meek's method (Algorithm 123)",
        Method::Ers97 => "Single transferable vote, ERS97 rules",
        Method::DHondt => "D'Hondt (party list)",
        Method::SainteLague => "Sainte-Laguë (party list)",
        Method::LargestRemainder => "Largest remainder (party list)",
    }
}

/// A short label of what a stage did, for a column heading.
fn action_label(action: &Action) -> &'static str {
    match action {
        Action::Count => "Count",
        Action::Surplus { .. } => "Surplus",
        Action::Exclusion { .. } => "Exclude",
        Action::Iteration { .. } => "Iterate",
        Action::RunOff { .. } => "Run-off",
        Action::Seat { .. } => "Seat",
        Action::Pairwise => "Pairwise",
    }
}

/// The names of `candidates`, joined.
fn names(election: &Election, candidates: &[crate::CandidateId]) -> String {
    let names: Vec<&str> = candidates
        .iter()
        .map(|&c| election.candidate(c).name())
        .collect();
    names.join(", ")
}

/// The 1-based stage labels of an outcome: `3` or, for ERS97 sub-stages, `3.2`.
fn stage_labels(outcome: &Outcome) -> Vec<String> {
    let mut labels = Vec::with_capacity(outcome.stages.len());
    let mut number = 0;
    for stage in &outcome.stages {
        match &stage.action {
            Action::Exclusion {
                part: Some((_, part, _)),
                ..
            } if *part > 1 => {
                labels.push(format!("{number}.{part}"));
            }
            Action::Exclusion {
                part: Some((_, part, _)),
                ..
            } => {
                number += 1;
                labels.push(format!("{number}.{part}"));
            }
            _ => {
                number += 1;
                labels.push(number.to_string());
            }
        }
    }
    labels
}
