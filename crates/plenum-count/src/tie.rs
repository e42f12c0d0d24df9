//! Breaking ties: by the votes at earlier stages where the rule says so, then by lot.

use crate::CandidateId;
use crate::lot::Lot;
use crate::outcome::{Tie, TieBreak};

/// Which earlier stage decides a tie.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Look {
    /// The most recent stage at which the tied candidates had unequal votes (Scottish STV).
    Backward,
    /// The first stage at which they had unequal votes (ERS97).
    Forward,
    /// No look at earlier stages: straight to lot.
    Never,
}

/// Which candidate of a tie a rule wants.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Want {
    /// The one with fewest votes (exclusion).
    Lowest,
    /// The one with most votes (surplus order, election).
    Highest,
}

/// The candidate to exclude, without a lot, from `tied` candidates who have no votes at all:
/// the first in candidate order, when the order cannot matter. Excluding a candidate without
/// votes moves no ballot, so the others stay tied at zero and are excluded next, one after
/// another, unless the count ends first; it cannot while `continuing` candidates less the
/// tied still fill the `seats_left`. `None` when it can matter, or there is no such tie.
pub(crate) fn settled_without_votes(
    tied: &[CandidateId],
    votes: &[u64],
    continuing: usize,
    seats_left: usize,
) -> Option<CandidateId> {
    let all_zero = tied.len() > 1 && tied.iter().all(|c| votes[c.index()] == 0);
    (all_zero && continuing - tied.len() >= seats_left)
        .then(|| tied.iter().copied().min())
        .flatten()
}

/// Where ties are recorded and lots drawn during one count.
#[derive(Debug)]
pub(crate) struct Ties {
    lot: Lot,
    pub(crate) broken: Vec<Tie>,
}

impl Ties {
    pub(crate) fn new(seed: u64) -> Ties {
        Ties {
            lot: Lot::new(seed),
            broken: Vec::new(),
        }
    }

    pub(crate) fn lot(&mut self) -> &mut Lot {
        &mut self.lot
    }

    /// Picks one of `tied` (in ascending candidate order or not) for `purpose` at 1-based
    /// `stage`; `history[s]` holds every candidate's votes at the end of stage `s + 1`.
    pub(crate) fn pick(
        &mut self,
        tied: &[CandidateId],
        history: &[Vec<u64>],
        look: Look,
        want: Want,
        stage: usize,
        purpose: &'static str,
    ) -> CandidateId {
        if tied.len() == 1 {
            return tied[0];
        }
        let mut left: Vec<CandidateId> = tied.to_vec();
        let mut decided_at = None;
        // A continuing candidate's votes never fall, so candidates tied without votes had
        // none at any stage: no stage can tell them apart (and looking costs a pass over
        // every stage, at every exclusion of a count of a thousand such candidates).
        let never_had_votes = history
            .last()
            .is_some_and(|votes| tied.iter().all(|c| votes[c.index()] == 0));
        let order: Box<dyn Iterator<Item = usize>> = match look {
            _ if never_had_votes => Box::new(std::iter::empty()),
            Look::Backward => Box::new((0..history.len()).rev()),
            Look::Forward => Box::new(0..history.len()),
            Look::Never => Box::new(std::iter::empty()),
        };
        for index in order {
            let votes = &history[index];
            let key = |c: &CandidateId| votes[c.index()];
            let extreme = match want {
                Want::Lowest => left.iter().map(key).min(),
                Want::Highest => left.iter().map(key).max(),
            };
            let Some(extreme) = extreme else { break };
            let narrowed: Vec<CandidateId> =
                left.iter().copied().filter(|c| key(c) == extreme).collect();
            if narrowed.len() < left.len() {
                left = narrowed;
                decided_at = Some(index + 1);
                if left.len() == 1 {
                    break;
                }
            }
        }
        let (chosen, by) = if left.len() == 1 {
            (left[0], TieBreak::EarlierStage(decided_at.unwrap_or(stage)))
        } else {
            (self.lot.choose(&left), TieBreak::Lot)
        };
        self.broken.push(Tie {
            stage,
            purpose,
            among: tied.to_vec(),
            chosen: vec![chosen],
            by,
        });
        chosen
    }

    /// Like [`Ties::pick`], but a tie that no earlier stage decides stays undecided (`None`)
    /// instead of going to lot, and only decided ties are recorded.
    pub(crate) fn pick_by_history(
        &mut self,
        tied: &[CandidateId],
        history: &[Vec<u64>],
        look: Look,
        want: Want,
        stage: usize,
        purpose: &'static str,
    ) -> Option<CandidateId> {
        let before = self.broken.len();
        let chosen = self.pick(tied, history, look, want, stage, purpose);
        match self.broken.get(before) {
            Some(tie) if tie.by == TieBreak::Lot => {
                self.broken.truncate(before);
                None
            }
            _ => Some(chosen),
        }
    }

    /// The `n` best of `candidates` by `score` (highest first); ties at the boundary are
    /// broken by lot and recorded. Returns them best first.
    pub(crate) fn top<S: Ord + Copy>(
        &mut self,
        candidates: &[CandidateId],
        score: impl Fn(CandidateId) -> S,
        n: usize,
        stage: usize,
        purpose: &'static str,
    ) -> Vec<CandidateId> {
        let mut sorted = candidates.to_vec();
        sorted.sort_by(|a, b| score(*b).cmp(&score(*a)).then(a.cmp(b)));
        if n == 0 || n >= sorted.len() {
            sorted.truncate(n);
            return sorted;
        }
        let boundary = score(sorted[n - 1]);
        if score(sorted[n]) != boundary {
            sorted.truncate(n);
            return sorted;
        }
        let mut chosen: Vec<CandidateId> = sorted
            .iter()
            .copied()
            .filter(|&c| score(c) > boundary)
            .collect();
        let mut tied: Vec<CandidateId> = sorted
            .iter()
            .copied()
            .filter(|&c| score(c) == boundary)
            .collect();
        let among = tied.clone();
        self.lot.shuffle(&mut tied);
        tied.truncate(n - chosen.len());
        tied.sort();
        self.broken.push(Tie {
            stage,
            purpose,
            among,
            chosen: tied.clone(),
            by: TieBreak::Lot,
        });
        chosen.extend(tied);
        chosen
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(indices: &[usize]) -> Vec<CandidateId> {
        indices
            .iter()
            .map(|&index| CandidateId::new(index).unwrap())
            .collect()
    }

    #[test]
    fn backward_looks_at_the_most_recent_difference() {
        let history = vec![vec![1, 5, 5], vec![5, 3, 4], vec![6, 6, 6]];
        let mut ties = Ties::new(0);
        let chosen = ties.pick(
            &ids(&[0, 1, 2]),
            &history,
            Look::Backward,
            Want::Lowest,
            4,
            "exclusion",
        );
        assert_eq!(chosen.index(), 1);
        assert_eq!(ties.broken[0].by, TieBreak::EarlierStage(2));
    }

    #[test]
    fn forward_looks_at_the_first_difference_and_narrows() {
        let history = vec![vec![1, 1, 5], vec![2, 3, 4]];
        let mut ties = Ties::new(0);
        let chosen = ties.pick(
            &ids(&[0, 1, 2]),
            &history,
            Look::Forward,
            Want::Lowest,
            3,
            "exclusion",
        );
        // Stage 1 leaves 0 and 1; stage 2 picks 0.
        assert_eq!(chosen.index(), 0);
        assert_eq!(ties.broken[0].by, TieBreak::EarlierStage(2));
    }

    #[test]
    fn equal_everywhere_goes_to_lot() {
        let history = vec![vec![2, 2]];
        let mut ties = Ties::new(5);
        ties.pick(
            &ids(&[0, 1]),
            &history,
            Look::Backward,
            Want::Highest,
            2,
            "surplus order",
        );
        assert_eq!(ties.broken[0].by, TieBreak::Lot);
    }

    #[test]
    fn top_breaks_only_the_boundary() {
        let scores = [5u64, 3, 3, 3, 1];
        let mut ties = Ties::new(1);
        let top = ties.top(&ids(&[0, 1, 2, 3, 4]), |c| scores[c.index()], 2, 1, "seat");
        assert_eq!(top.len(), 2);
        assert_eq!(top[0].index(), 0);
        assert!([1, 2, 3].contains(&top[1].index()));
        assert_eq!(ties.broken.len(), 1);
        assert_eq!(ties.broken[0].among, ids(&[1, 2, 3]));
    }
}
