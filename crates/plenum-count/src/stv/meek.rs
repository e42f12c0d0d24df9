//! Meek's method: Algorithm 123 of Hill, Wichmann and Woodall (The Computer Journal 30(3),
//! 1987), in the fixed-point formulation of the Proportional Representation Foundation's
//! reference Meek rule (the one Droop and stv-rs implement).
//!
//! Every candidate has a *keep value*: 1 while hopeful, 0 once excluded, and for an elected
//! candidate the share of each vote reaching them that they keep. All values are in units of
//! 10^-9.
//!
//! - **Distribution.** Each ballot starts with weight 1. Going down its preferences, each
//!   candidate receives the weight times their keep value, *rounded up* to nine decimals, and
//!   the weight falls by that amount; a hopeful candidate (keep value 1) takes all that
//!   remains. What is left when the preferences run out is non-transferable ("excess").
//! - **Quota.** The votes of all candidates divided by seats plus one, truncated to nine
//!   decimals, plus 10^-9. It falls as votes become non-transferable.
//! - **Election.** A hopeful candidate with at least the quota is elected.
//! - **Iteration.** The total surplus is the sum over elected candidates of votes minus quota
//!   (at least 0). Keep values of elected candidates are updated to
//!   `keep × quota / votes`, the product and the quotient each rounded up, and the ballots
//!   distributed again, until a candidate is elected, or the total surplus is below
//!   omega = 10^-6, or it stops falling (the limit of nine decimals).
//! - **Exclusion.** If iteration ended without an election, the hopeful candidate with fewest
//!   votes is excluded (keep value 0). Candidates whose votes are within the total surplus of
//!   the lowest cannot be told apart by further iteration, so they count as tied; Algorithm
//!   123 breaks such ties by lot, as is done here with the seeded generator.
//! - **End.** When the hopeful candidates are no more than the seats left, they are all
//!   elected; once the seats are filled, the rest are excluded.
//!
//! Equal preferences are not part of Algorithm 123: a ballot is read up to its first one.
//!
//! Ballots are counted through a tree of their common prefixes, so a distribution visits each
//! distinct prefix once and stops at the first hopeful candidate of every branch.

use std::cmp::Ordering;

use crate::outcome::{Action, IterationEnd, Outcome, Stage, values};
use crate::stv::{Status, StvBallots, by_votes_descending, initial_status, with_status};
use crate::tie::{Look, Ties, Want};
use crate::value::mul_div_ceil;
use crate::{CandidateId, Context, CountError, Value};

/// Decimal places of every value in the count.
const DECIMALS: u8 = 9;
/// The value 1.
const ONE: u64 = 1_000_000_000;
/// The iteration tolerance, 10^-6.
const OMEGA: u64 = 1_000;

/// Counts by Meek's method.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let ballots = StvBallots::new(context.election);
    ballots
        .valid
        .checked_mul(ONE)
        .ok_or(CountError::Overflow("meek stv"))?;
    let tree = Tree::new(&ballots);
    let mut count = Count {
        tree,
        seats: context.seats,
        total: ballots.valid * ONE,
        status: initial_status(context.election),
        keep: Vec::new(),
        votes: vec![0; context.n_candidates()],
        excess: 0,
        quota: 0,
        surplus: 0,
        elected: Vec::new(),
        stages: Vec::new(),
        ties: Ties::new(context.options.seed),
    };
    count.keep = count
        .status
        .iter()
        .map(|&s| if s == Status::Hopeful { ONE } else { 0 })
        .collect();
    loop {
        let seats_left = count.seats - count.elected.len();
        let hopeful = with_status(&count.status, Status::Hopeful);
        if seats_left == 0 || hopeful.len() <= seats_left {
            break;
        }
        count.round(&hopeful);
    }
    count.finish_remaining();
    Ok(Outcome {
        method: context.method,
        seats: context.seats,
        elected: count.elected,
        stages: count.stages,
        ties: count.ties.broken,
        seed: context.options.seed,
        valid: ballots.valid,
        invalid: ballots.invalid,
        condorcet: None,
    })
}

/// The distinct ballots as a tree of common prefixes, stored in pre-order: node `i`'s subtree
/// is `i..end[i]`.
struct Tree {
    candidate: Vec<u16>,
    /// The weight of the ballots whose prefix passes through the node.
    weight: Vec<u64>,
    end: Vec<u32>,
}

impl Tree {
    fn new(ballots: &StvBallots<'_>) -> Tree {
        let mut order: Vec<u32> = (0..ballots.prefixes.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            ballots.prefixes[a as usize].cmp(ballots.prefixes[b as usize])
        });
        let mut tree = Tree {
            candidate: Vec::new(),
            weight: Vec::new(),
            end: Vec::new(),
        };
        // The nodes on the path to the previous ballot.
        let mut path: Vec<usize> = Vec::new();
        let mut previous: &[u16] = &[];
        for index in order {
            let prefix = ballots.prefixes[index as usize];
            let weight = ballots.weights[index as usize];
            let shared = prefix
                .iter()
                .zip(previous)
                .take_while(|(a, b)| a == b)
                .count();
            for node in path.drain(shared..) {
                tree.end[node] = tree.candidate.len() as u32;
            }
            for &node in &path {
                tree.weight[node] += weight;
            }
            for &candidate in &prefix[shared..] {
                path.push(tree.candidate.len());
                tree.candidate.push(candidate);
                tree.weight.push(weight);
                tree.end.push(0);
            }
            previous = prefix;
        }
        for node in path {
            tree.end[node] = tree.candidate.len() as u32;
        }
        tree
    }

    /// Distributes every ballot under `keep`; returns each candidate's votes.
    fn distribute(&self, keep: &[u64], votes: &mut [u64]) {
        votes.fill(0);
        // (end of subtree, weight reaching its children)
        let mut stack: Vec<(u32, u64)> = Vec::with_capacity(32);
        let mut node = 0;
        let n_nodes = self.candidate.len();
        while node < n_nodes {
            while stack.last().is_some_and(|&(end, _)| node as u32 >= end) {
                stack.pop();
            }
            let reaching = stack.last().map_or(ONE, |&(_, weight)| weight);
            let candidate = usize::from(self.candidate[node]);
            let kept = match keep[candidate] {
                ONE => reaching,
                0 => 0,
                // reaching and keep are at most ONE, so the product fits in u64.
                value => (reaching * value).div_ceil(ONE),
            };
            votes[candidate] += kept * self.weight[node];
            let passed = reaching - kept;
            if passed == 0 {
                node = self.end[node] as usize;
            } else {
                stack.push((self.end[node], passed));
                node += 1;
            }
        }
    }
}

struct Count {
    tree: Tree,
    seats: usize,
    /// The valid votes, in units of 10^-9.
    total: u64,
    status: Vec<Status>,
    keep: Vec<u64>,
    votes: Vec<u64>,
    excess: u64,
    quota: u64,
    surplus: u64,
    elected: Vec<CandidateId>,
    stages: Vec<Stage>,
    ties: Ties,
}

impl Count {
    /// Distributes the ballots and recomputes the quota and the total surplus.
    fn distribute(&mut self) {
        self.tree.distribute(&self.keep, &mut self.votes);
        let held: u64 = self.votes.iter().sum();
        self.excess = self.total - held;
        self.quota = held / (self.seats as u64 + 1) + 1;
        let elected: Vec<CandidateId> = with_status(&self.status, Status::Elected);
        let surplus: i128 = elected
            .iter()
            .map(|c| i128::from(self.votes[c.index()]) - i128::from(self.quota))
            .sum();
        self.surplus = u64::try_from(surplus.max(0)).unwrap_or(0);
    }

    /// One round: iterate until a candidate is elected or iteration ends, then exclude.
    fn round(&mut self, hopeful: &[CandidateId]) {
        let mut iterations = 0;
        let mut last_surplus: Option<u64> = None;
        let ended = loop {
            self.distribute();
            iterations += 1;
            let reaching: Vec<CandidateId> = hopeful
                .iter()
                .copied()
                .filter(|c| self.votes[c.index()] >= self.quota)
                .collect();
            if !reaching.is_empty() {
                let reaching = by_votes_descending(reaching, &self.votes);
                for &c in &reaching {
                    self.status[c.index()] = Status::Elected;
                    self.elected.push(c);
                }
                // Electing changes who counts in the surplus.
                self.distribute_surplus_only();
                break (IterationEnd::Elected, reaching);
            }
            if self.surplus < OMEGA {
                break (IterationEnd::Converged, Vec::new());
            }
            if last_surplus.is_some_and(|last| self.surplus >= last) {
                break (IterationEnd::Stable, Vec::new());
            }
            last_surplus = Some(self.surplus);
            self.update_keep_values();
        };
        let (end, elected) = ended;
        let excluded = if end == IterationEnd::Elected {
            Vec::new()
        } else {
            vec![self.exclude_lowest(hopeful)]
        };
        let action = if self.stages.is_empty() && iterations == 1 {
            Action::Count
        } else {
            Action::Iteration {
                iterations,
                ended: end,
            }
        };
        self.push_stage(action, elected, excluded);
    }

    /// The total surplus with the candidates just elected counted in.
    fn distribute_surplus_only(&mut self) {
        let elected = with_status(&self.status, Status::Elected);
        let surplus: i128 = elected
            .iter()
            .map(|c| i128::from(self.votes[c.index()]) - i128::from(self.quota))
            .sum();
        self.surplus = u64::try_from(surplus.max(0)).unwrap_or(0);
    }

    fn update_keep_values(&mut self) {
        for c in with_status(&self.status, Status::Elected) {
            let votes = self.votes[c.index()];
            if votes == 0 {
                continue;
            }
            let keep = self.keep[c.index()];
            let scaled = mul_div_ceil(keep, self.quota, ONE)
                .and_then(|scaled| mul_div_ceil(scaled, ONE, votes));
            self.keep[c.index()] = scaled.unwrap_or(keep).min(ONE);
        }
    }

    /// Excludes the lowest hopeful candidate, by lot among those within the surplus of it.
    fn exclude_lowest(&mut self, hopeful: &[CandidateId]) -> CandidateId {
        let lowest = hopeful
            .iter()
            .map(|c| self.votes[c.index()])
            .min()
            .unwrap_or(0);
        let reach = lowest.saturating_add(self.surplus);
        let mut tied: Vec<CandidateId> = hopeful
            .iter()
            .copied()
            .filter(|c| self.votes[c.index()] <= reach)
            .collect();
        tied.sort_by(
            |a, b| match self.votes[a.index()].cmp(&self.votes[b.index()]) {
                Ordering::Equal => a.cmp(b),
                other => other,
            },
        );
        let stage = self.stages.len() + 1;
        let out = self
            .ties
            .pick(&tied, &[], Look::Never, Want::Lowest, stage, "exclusion");
        self.status[out.index()] = Status::Excluded;
        self.keep[out.index()] = 0;
        out
    }

    /// Elects the remaining hopeful candidates if seats are left, else excludes them.
    fn finish_remaining(&mut self) {
        let hopeful = with_status(&self.status, Status::Hopeful);
        if hopeful.is_empty() {
            return;
        }
        if self.stages.is_empty() {
            self.distribute();
            self.push_stage(Action::Count, Vec::new(), Vec::new());
        }
        let seats_left = self.seats - self.elected.len();
        let hopeful = by_votes_descending(hopeful, &self.votes);
        let (elect, exclude) = hopeful.split_at(seats_left.min(hopeful.len()));
        for &c in elect {
            self.status[c.index()] = Status::Elected;
            self.elected.push(c);
        }
        for &c in exclude {
            self.status[c.index()] = Status::Excluded;
        }
        if let Some(last) = self.stages.last_mut() {
            last.elected.extend_from_slice(elect);
            last.excluded.extend_from_slice(exclude);
        }
    }

    fn push_stage(
        &mut self,
        action: Action,
        elected: Vec<CandidateId>,
        excluded: Vec<CandidateId>,
    ) {
        let mut stage = Stage::new(action, &self.votes, DECIMALS);
        stage.non_transferable = Value::new(self.excess, DECIMALS);
        stage.quota = Some(Value::new(self.quota, DECIMALS));
        stage.elected = elected;
        stage.excluded = excluded;
        stage.keep = Some(values(&self.keep, DECIMALS));
        self.stages.push(stage);
    }
}
