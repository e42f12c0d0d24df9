//! Ranked pairs (Tideman), single winner.
//!
//! Every pair where `a` beats `b` pairwise is a majority `a → b` of strength
//! `pairwise[a][b]` (winning votes). Majorities are taken strongest first; between equal
//! strengths the one with the smaller opposition `pairwise[b][a]` first; remaining ties are
//! ordered by a ranking of the candidates drawn by lot (Zavist and Tideman's tie-breaking
//! ranking), by the winner's place in it and then the loser's. Each majority is locked in
//! unless it would close a cycle with those already locked. The winner is the candidate no
//! locked majority points to; if pairwise ties leave several, one is chosen by lot. A
//! Condorcet winner is always the ranked-pairs winner.

use crate::condorcet::{condorcet_winner, pairwise};
use crate::outcome::{Action, Condorcet, Outcome, Stage, Tie, TieBreak};
use crate::tie::Ties;
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
    let mut ties = Ties::new(context.options.seed);
    let tied: Vec<CandidateId> = majorities
        .windows(2)
        .filter(|pair| key(&pair[0]) == key(&pair[1]))
        .flat_map(|pair| [pair[0].0, pair[0].1, pair[1].0, pair[1].1])
        .collect();
    if !tied.is_empty() {
        let mut ranking = standing.clone();
        ties.lot().shuffle(&mut ranking);
        let mut place = vec![0usize; n];
        for (position, c) in ranking.iter().enumerate() {
            place[c.index()] = position;
        }
        majorities.sort_by_key(|pair| (key(pair), place[pair.0.index()], place[pair.1.index()]));
        let mut among: Vec<CandidateId> = tied;
        among.sort();
        among.dedup();
        let chosen = ranking
            .iter()
            .copied()
            .filter(|c| among.contains(c))
            .collect();
        ties.broken.push(Tie {
            stage: 1,
            purpose: "majority order",
            among,
            chosen,
            by: TieBreak::Lot,
        });
    }
    let mut beats = vec![Vec::<usize>::new(); n];
    let mut locked = Vec::new();
    for (a, b) in majorities {
        if !reaches(&beats, b.index(), a.index()) {
            beats[a.index()].push(b.index());
            locked.push((a, b));
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
    Ok(Outcome {
        method: context.method,
        seats: 1,
        elected: vec![winner],
        stages: vec![stage],
        ties: ties.broken,
        seed: context.options.seed,
        valid: context.election.total_weight(),
        invalid: 0,
        condorcet: Some(Condorcet {
            winner: condorcet_winner(&d, &standing),
            pairwise: d,
            strongest: None,
            locked,
        }),
    })
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
