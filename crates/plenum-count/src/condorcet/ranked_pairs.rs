//! Ranked pairs (Tideman), single winner.
//!
//! Every pair where `a` beats `b` pairwise is a majority `a → b` of strength
//! `pairwise[a][b]` (winning votes). Majorities are taken strongest first; between equal
//! strengths the one with the smaller opposition `pairwise[b][a]` first. Each majority is
//! locked in unless it would close a cycle with those already locked.
//!
//! Majorities still equal after that are taken together. If locking all of them (less any
//! that closes a cycle with what is already locked, and so is skipped in any order) closes
//! no cycle, their order cannot matter: they are all locked, and no lot is drawn. Only where
//! it can matter are they ordered by a ranking of the candidates drawn by lot (Zavist and
//! Tideman's tie-breaking ranking, drawn once per count), by the winner's place in it and
//! then the loser's; each such group is reported as a tie. The winner is the candidate no
//! locked majority points to; if pairwise ties leave several, one is chosen by lot. A
//! Condorcet winner is always the ranked-pairs winner.

use crate::condorcet::{condorcet_winner, pairwise};
use crate::outcome::{Action, Condorcet, Outcome, Stage, Tie, TieBreak};
use crate::{CandidateId, Context, CountError};

/// Counts by ranked pairs.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let d = pairwise(context.election)?;
    let standing = context.standing();
    let n = d.len();
    let mut majorities: Vec<(CandidateId, CandidateId)> = Vec::new();
    for &a in &standing {
        for &b in &standing {
            if d[a.index()][b.index()] > d[b.index()][a.index()] {
                majorities.push((a, b));
            }
        }
    }
    let key = |&(a, b): &(CandidateId, CandidateId)| {
        (
            std::cmp::Reverse(d[a.index()][b.index()]),
            d[b.index()][a.index()],
        )
    };
    majorities.sort_by_key(key);
    let mut ties = context.ties();
    // The tie-breaking ranking, as each candidate's place in it; drawn when first needed.
    let mut place: Option<Vec<usize>> = None;
    let mut beats = vec![Vec::<usize>::new(); n];
    let mut locked = Vec::new();
    for group in majorities.chunk_by(|x, y| key(x) == key(y)) {
        let mut open: Vec<(CandidateId, CandidateId)> = group
            .iter()
            .copied()
            .filter(|&(a, b)| !reaches(&beats, b.index(), a.index()))
            .collect();
        if open.len() > 1 && closes_a_cycle(&beats, &open) {
            let place = place.get_or_insert_with(|| {
                let mut ranking = standing.clone();
                ties.lot().shuffle(&mut ranking);
                let mut place = vec![0usize; n];
                for (position, c) in ranking.iter().enumerate() {
                    place[c.index()] = position;
                }
                place
            });
            open.sort_by_key(|&(a, b)| (place[a.index()], place[b.index()]));
            let mut among: Vec<CandidateId> = open.iter().flat_map(|&(a, b)| [a, b]).collect();
            among.sort();
            among.dedup();
            let mut chosen = among.clone();
            chosen.sort_by_key(|c| place[c.index()]);
            ties.broken.push(Tie {
                stage: 1,
                purpose: "majority order",
                among,
                chosen,
                by: TieBreak::Lot,
            });
        }
        for (a, b) in open {
            if !reaches(&beats, b.index(), a.index()) {
                beats[a.index()].push(b.index());
                locked.push((a, b));
            }
        }
    }
    let mut beaten = vec![false; n];
    for &(_, b) in &locked {
        beaten[b.index()] = true;
    }
    let sources: Vec<CandidateId> = standing
        .iter()
        .copied()
        .filter(|c| !beaten[c.index()])
        .collect();
    let winner = ties.top(&sources, |_| 0u8, 1, 1, "winner")[0];
    let mut wins = vec![0u64; n];
    for &(a, _) in &locked {
        wins[a.index()] += 1;
    }
    let mut stage = Stage::new(Action::Pairwise, &wins, 0);
    stage.elected = vec![winner];
    let valid = context.election.total_weight();
    let mut outcome = context.outcome(vec![winner], vec![stage], ties, (valid, 0));
    outcome.condorcet = Some(Condorcet {
        winner: condorcet_winner(&d, &standing),
        pairwise: d,
        strongest: None,
        locked,
    });
    Ok(outcome)
}

/// Whether `to` can be reached from `from` along locked majorities.
fn reaches(beats: &[Vec<usize>], from: usize, to: usize) -> bool {
    let mut seen = vec![false; beats.len()];
    let mut stack = vec![from];
    while let Some(node) = stack.pop() {
        if node == to {
            return true;
        }
        if !std::mem::replace(&mut seen[node], true) {
            stack.extend(&beats[node]);
        }
    }
    false
}

/// Whether locking all of `extra` beside `beats` would close a cycle (Kahn's algorithm).
fn closes_a_cycle(beats: &[Vec<usize>], extra: &[(CandidateId, CandidateId)]) -> bool {
    let mut edges: Vec<Vec<usize>> = beats.to_vec();
    for &(a, b) in extra {
        edges[a.index()].push(b.index());
    }
    let mut incoming = vec![0usize; edges.len()];
    for targets in &edges {
        for &b in targets {
            incoming[b] += 1;
        }
    }
    let mut ready: Vec<usize> = (0..edges.len()).filter(|&c| incoming[c] == 0).collect();
    let mut done = 0;
    while let Some(node) = ready.pop() {
        done += 1;
        for &b in &edges[node] {
            incoming[b] -= 1;
            if incoming[b] == 0 {
                ready.push(b);
            }
        }
    }
    done < edges.len()
}
