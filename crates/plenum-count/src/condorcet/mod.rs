//! Condorcet methods: the pairwise count they share, and the Condorcet winner.
//!
//! `pairwise[a][b]` is the weight of the ballots that rank `a` above `b`. A ballot ranks every
//! candidate it marks above every candidate it leaves out, and candidates of one rank (or
//! all left out) equal with each other. The **Condorcet winner**, when there is one, beats
//! every other standing candidate: more ballots rank them above the other than the reverse.

pub(crate) mod ranked_pairs;
pub(crate) mod schulze;

use crate::{CandidateId, CountError, Election};

/// The most candidates a pairwise count takes (its matrices grow as the square).
pub(crate) const MAX_PAIRWISE: usize = 2000;

/// The pairwise count of `election`, by candidate index.
pub(crate) fn pairwise(election: &Election) -> Result<Vec<Vec<u64>>, CountError> {
    let n = election.candidates().len();
    if n > MAX_PAIRWISE {
        let message = format!("pairwise methods take at most {MAX_PAIRWISE} candidates, not {n}");
        return Err(CountError::InvalidOption(message));
    }
    // `pairwise[a][b] = above_all[a] - at_or_above[a][b]`: each ballot adds its weight to every
    // column of the rows of the candidates it marks, less the columns of the candidates ranked
    // at or above them. That costs the square of the marks, not of the candidates.
    let mut above_all = vec![0u64; n];
    let mut at_or_above = vec![vec![0u64; n]; n];
    let mut prefix: Vec<usize> = Vec::with_capacity(n);
    for ballot in election.ballots() {
        let weight = ballot.weight();
        prefix.clear();
        for rank in ballot.ranks() {
            prefix.extend(rank.candidates().map(CandidateId::index));
            for a in rank.candidates().map(CandidateId::index) {
                above_all[a] += weight;
                for &b in &prefix {
                    at_or_above[a][b] += weight;
                }
            }
        }
    }
    Ok((0..n)
        .map(|a| (0..n).map(|b| above_all[a] - at_or_above[a][b]).collect())
        .collect())
}

/// The candidate among `standing` who beats each of the others pairwise, if any.
pub(crate) fn condorcet_winner(
    pairwise: &[Vec<u64>],
    standing: &[CandidateId],
) -> Option<CandidateId> {
    standing.iter().copied().find(|a| {
        standing
            .iter()
            .all(|b| a == b || pairwise[a.index()][b.index()] > pairwise[b.index()][a.index()])
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ElectionBuilder;

    #[test]
    fn unranked_candidates_are_below_every_ranked_one() {
        let mut builder = ElectionBuilder::new();
        let ids: Vec<CandidateId> = ["A", "B", "C", "D"]
            .iter()
            .map(|name| builder.add_candidate(name).unwrap())
            .collect();
        builder.rank(ids[1]);
        builder.rank(ids[0]);
        builder.tie(ids[2]);
        builder.finish_ballot(3).unwrap();
        let election = builder.build();
        let d = pairwise(&election).unwrap();
        assert_eq!(d[1], [3, 0, 3, 3]);
        assert_eq!(d[0], [0, 0, 0, 3]);
        assert_eq!(d[2], [0, 0, 0, 3]);
        assert_eq!(d[3], [0, 0, 0, 0]);
    }
}
