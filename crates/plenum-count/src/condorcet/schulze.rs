//! Schulze's method (beatpath), single winner.
//!
//! The strength of a path is its weakest link, a link `a → b` existing when `a` beats `b`
//! pairwise with strength `pairwise[a][b]` (winning votes). `strongest[a][b]` is the strength
//! of the strongest path from `a` to `b` (Floyd–Warshall). The winner is a candidate `x` with
//! `strongest[x][y] >= strongest[y][x]` for every other `y`; if several qualify, one is chosen
//! by lot. A Condorcet winner is always the Schulze winner.

use crate::condorcet::{condorcet_winner, pairwise};
use crate::outcome::{Action, Condorcet, Outcome, Stage};
use crate::{CandidateId, Context, CountError};

/// Counts by Schulze's method.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let d = pairwise(context.election)?;
    let standing = context.standing();
    let n = d.len();
    let mut p = vec![vec![0u64; n]; n];
    for &a in &standing {
        for &b in &standing {
            if a != b && d[a.index()][b.index()] > d[b.index()][a.index()] {
                p[a.index()][b.index()] = d[a.index()][b.index()];
            }
        }
    }
    for &i in &standing {
        for &j in &standing {
            if i == j || p[j.index()][i.index()] == 0 {
                continue;
            }
            for &k in &standing {
                if k != i && k != j {
                    let through = p[j.index()][i.index()].min(p[i.index()][k.index()]);
                    if through > p[j.index()][k.index()] {
                        p[j.index()][k.index()] = through;
                    }
                }
            }
        }
    }
    // Each candidate's number of beatpath wins: the order of the Schulze ranking.
    let mut wins = vec![0u64; n];
    for &a in &standing {
        wins[a.index()] = standing
            .iter()
            .filter(|&&b| p[a.index()][b.index()] > p[b.index()][a.index()])
            .count() as u64;
    }
    let potential: Vec<CandidateId> = standing
        .iter()
        .copied()
        .filter(|&x| {
            standing
                .iter()
                .all(|&y| p[x.index()][y.index()] >= p[y.index()][x.index()])
        })
        .collect();
    let mut ties = context.ties();
    let winner = ties.top(&potential, |_| 0u8, 1, 1, "winner")[0];
    let mut stage = Stage::new(Action::Pairwise, &wins, 0);
    stage.elected = vec![winner];
    let valid = context.election.total_weight();
    let mut outcome = context.outcome(vec![winner], vec![stage], ties, (valid, 0));
    outcome.condorcet = Some(Condorcet {
        winner: condorcet_winner(&d, &standing),
        pairwise: d,
        strongest: Some(p),
        locked: Vec::new(),
    });
    Ok(outcome)
}
