//! The result of a count: who is elected, in what order, and every stage that led there.
//!
//! These types are plain data for callers in Rust; the stable JSON form is built from them
//! in [`crate::report::json`].

use crate::{CandidateId, Method, Value};

/// The outcome of counting an election by one method.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    /// The method used.
    pub method: Method,
    /// Seats filled.
    pub seats: usize,
    /// The elected candidates in order of election; for party-list methods, the party of
    /// each seat in the order the seats were awarded.
    pub elected: Vec<CandidateId>,
    /// The stages of the count, first to last.
    pub stages: Vec<Stage>,
    /// Every tie that had to be broken, in the order broken.
    pub ties: Vec<Tie>,
    /// The seed of the generator that draws lots.
    pub seed: u64,
    /// The weight of the ballots the method counted.
    pub valid: u64,
    /// The weight of the ballots the method could not count (an uncertain first preference,
    /// an over-vote), not part of `valid`.
    pub invalid: u64,
    /// Pairwise comparisons, for Condorcet methods.
    pub condorcet: Option<Condorcet>,
}

impl Outcome {
    /// The number of seats `candidate` won (more than one only for party-list methods).
    pub fn seats_won(&self, candidate: CandidateId) -> usize {
        self.elected
            .iter()
            .filter(|&&elected| elected == candidate)
            .count()
    }
}

/// One stage of a count, with the standing at its end.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stage {
    /// What was done.
    pub action: Action,
    /// Each candidate's votes at the end of the stage, by candidate index.
    pub votes: Vec<Value>,
    /// The votes of ballots that could go no further, cumulative.
    pub non_transferable: Value,
    /// The votes lost to rounding, cumulative.
    pub residue: Value,
    /// The quota in force during the stage, for quota methods.
    pub quota: Option<Value>,
    /// Candidates elected at this stage, in order.
    pub elected: Vec<CandidateId>,
    /// Candidates excluded at this stage.
    pub excluded: Vec<CandidateId>,
    /// Meek: each candidate's keep value at the end of the stage.
    pub keep: Option<Vec<Value>>,
}

/// What a stage did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    /// The first count: first preferences, approvals, or the tally of the method.
    Count,
    /// A surplus was transferred.
    Surplus {
        /// The elected candidate whose surplus moved.
        candidate: CandidateId,
        /// The surplus.
        surplus: Value,
    },
    /// Candidates were excluded and (some of) their ballots transferred.
    Exclusion {
        /// The excluded candidates.
        candidates: Vec<CandidateId>,
        /// ERS97 transfers an exclusion in parts, one transfer value at a time: the value
        /// of this part, and its position as (part, of parts).
        part: Option<(Value, u32, u32)>,
    },
    /// Meek: keep values were iterated until the stage could end.
    Iteration {
        /// How many times the ballots were distributed.
        iterations: u32,
        /// Why iteration stopped.
        ended: IterationEnd,
    },
    /// Two-round: the run-off between the top two.
    RunOff {
        /// The two candidates in the run-off.
        candidates: Vec<CandidateId>,
    },
    /// Party list: a seat awarded by the highest quotient or remainder.
    Seat {
        /// The party awarded the seat.
        party: CandidateId,
    },
    /// Condorcet: pairwise comparisons and their resolution (see [`Outcome::condorcet`]).
    Pairwise,
}

/// Why Meek's iteration stopped.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum IterationEnd {
    /// A candidate reached the quota.
    Elected,
    /// The total surplus fell below omega.
    Converged,
    /// The total surplus stopped falling (the limit of the arithmetic).
    Stable,
}

/// A tie that had to be broken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tie {
    /// The 1-based stage at which it was broken.
    pub stage: usize,
    /// What the tie decided, for example "exclusion" or "surplus order".
    pub purpose: &'static str,
    /// The tied candidates.
    pub among: Vec<CandidateId>,
    /// The candidate(s) chosen.
    pub chosen: Vec<CandidateId>,
    /// How it was broken.
    pub by: TieBreak,
}

/// How a tie was broken.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub enum TieBreak {
    /// By the votes at an earlier stage (1-based) where the candidates differed.
    EarlierStage(usize),
    /// By more votes in total (party-list ties of quotient or remainder).
    MoreVotes,
    /// By lot, from the seeded generator.
    Lot,
}

/// Pairwise comparisons of a Condorcet count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Condorcet {
    /// `pairwise[a][b]`: the weight of ballots ranking `a` above `b`.
    pub pairwise: Vec<Vec<u64>>,
    /// Schulze: `strongest[a][b]`, the strength of the strongest path from `a` to `b`.
    pub strongest: Option<Vec<Vec<u64>>>,
    /// Ranked pairs: the pairs (winner, loser) locked in, in order of locking.
    pub locked: Vec<(CandidateId, CandidateId)>,
    /// The candidate who beats every other pairwise, if there is one.
    pub winner: Option<CandidateId>,
}

impl Stage {
    /// A stage with `votes` (in units of the last of `decimals` places), nothing
    /// non-transferable, no quota, and nobody elected or excluded yet.
    pub(crate) fn new(action: Action, votes: &[u64], decimals: u8) -> Stage {
        Stage {
            action,
            votes: values(votes, decimals),
            non_transferable: Value::zero(decimals),
            residue: Value::zero(decimals),
            quota: None,
            elected: Vec::new(),
            excluded: Vec::new(),
            keep: None,
        }
    }
}

/// Raw fixed-point numbers as [`Value`]s.
pub(crate) fn values(raw: &[u64], decimals: u8) -> Vec<Value> {
    raw.iter().map(|&raw| Value::new(raw, decimals)).collect()
}
