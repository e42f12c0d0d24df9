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
//!   the lowest cannot be told apart by further iteration, so (as in the reference rule) they
//!   count as tied; the tie is decided by lot, as Algorithm 123 decides ties, with the seeded
//!   generator (the reference rule and stv-rs take candidate order instead).
//! - **End.** When the hopeful candidates are no more than the seats left, they are all
//!   elected; once the seats are filled, the rest are excluded.
//!
//! Equal preferences are not part of Algorithm 123: a ballot is read up to its first one.
//!
//! Ballots are counted through a tree of their common prefixes, so a distribution visits each
//! distinct prefix once and stops at the first hopeful candidate of every branch.

use std::cmp::Ordering;

use crate::outcome::{Action, IterationEnd, Outcome, Stage, values};
use crate::stv::{Status, by_votes_descending, initial_status, with_status};
use crate::tie::{Look, Ties, Want, settled_without_votes};
use crate::value::mul_div_ceil;
use crate::{CandidateId, Context, CountError, Election, Value};

/// Decimal places of every value in the count.
const DECIMALS: u8 = 9;
/// The value 1.
const ONE: u64 = 1_000_000_000;
/// The iteration tolerance, 10^-6.
const OMEGA: u64 = 1_000;

/// Counts by Meek's method.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    if context.election.total_weight() > u64::from(u32::MAX) {
        return Err(CountError::Overflow(
            "meek stv (more than 2^32 - 1 ballots)",
        ));
    }
    let (tree, valid, invalid) = Tree::new(context.election);
    valid
        .checked_mul(ONE)
        .ok_or(CountError::Overflow("meek stv"))?;
    let mut count = Count {
        tree,
        frontier: Frontier::default(),
        seats: context.seats,
        total: valid * ONE,
        status: initial_status(context.election),
        keep: Vec::new(),
        votes: vec![0; context.n_candidates()],
        excess: 0,
        quota: 0,
        surplus: 0,
        elected: Vec::new(),
        stages: Vec::new(),
        ties: context.ties(),
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
    Ok(context.outcome(count.elected, count.stages, count.ties, (valid, invalid)))
}

/// The distinct ballots as a tree of common prefixes, stored in pre-order: node `i`'s subtree
/// is `i..end[i]`.
struct Tree {
    candidate: Vec<u16>,
    /// The weight of the ballots whose prefix passes through the node.
    weight: Vec<u32>,
    end: Vec<u32>,
}

impl Tree {
    /// The tree of the strict prefixes of `election`'s ballots, with the total weight of
    /// valid ballots and of ballots whose first preference is uncertain.
    ///
    /// Ballots are put in lexicographic order of their prefixes by sorting a packed key of
    /// their first candidates (each plus one, so that a shorter prefix sorts first); the key
    /// also gives the common prefix of neighbours and the first nodes of each branch, so a
    /// ballot is only read again where it is longer than the key holds (12 candidates of an
    /// election of 16 to 31).
    fn new(election: &Election) -> (Tree, u64, u64) {
        let (mut valid, mut invalid) = (0, 0);
        let lane_bits = (usize::BITS - election.candidates().len().leading_zeros()).max(1);
        let lanes = (u64::BITS / lane_bits) as usize;
        let lane_mask = (1u64 << lane_bits) - 1;
        let mut keyed: Vec<Keyed> = Vec::with_capacity(election.n_distinct());
        for (index, ballot) in election.ballots().enumerate() {
            let prefix = ballot.strict_prefix();
            if prefix.is_empty() {
                invalid += ballot.weight();
                continue;
            }
            valid += ballot.weight();
            let used = prefix.len().min(lanes);
            let key = prefix[..used]
                .iter()
                .fold(0u64, |key, &c| key << lane_bits | (u64::from(c) + 1));
            let key = key << (lane_bits as usize * (lanes - used));
            // The total weight is checked to fit in u32 first.
            let weight = ballot.weight() as u32;
            keyed.push(Keyed {
                key,
                weight,
                index: index as u32,
            });
        }
        keyed.sort_unstable_by_key(Keyed::key);
        // A prefix's length: its lanes in use, unless it fills them all.
        // A prefix's length: its lanes in use (the empty lanes are the trailing zero bits,
        // whole lanes of them), unless it fills them all.
        let len = |ballot: &Keyed| {
            let used = lanes - (ballot.key().trailing_zeros() / lane_bits) as usize;
            if used < lanes {
                used
            } else {
                election.ballot(ballot.index as usize).strict_prefix().len()
            }
        };
        let prefix = |ballot: &Keyed| election.ballot(ballot.index as usize).strict_prefix();
        let mut start = 0;
        while start < keyed.len() {
            let end = start
                + keyed[start..]
                    .iter()
                    .take_while(|ballot| ballot.key() == keyed[start].key())
                    .count();
            if keyed[start..end]
                .iter()
                .filter(|ballot| len(ballot) > lanes)
                .count()
                > 1
            {
                keyed[start..end].sort_unstable_by(|a, b| prefix(a).cmp(prefix(b)));
            }
            start = end;
        }
        let mut tree = Tree {
            candidate: Vec::new(),
            weight: Vec::new(),
            end: Vec::new(),
        };
        // The nodes on the path to the previous ballot.
        let mut path: Vec<usize> = Vec::new();
        let mut previous: Option<&Keyed> = None;
        for ballot in &keyed {
            let shared = match previous {
                None => 0,
                Some(previous) => {
                    let unused = u64::BITS - lanes as u32 * lane_bits;
                    let equal_bits = (previous.key() ^ ballot.key()).leading_zeros() - unused;
                    let equal_lanes = (equal_bits / lane_bits) as usize;
                    let mut shared = equal_lanes.min(len(previous)).min(len(ballot));
                    if shared == lanes {
                        let (a, b) = (prefix(previous), prefix(ballot));
                        shared += a[lanes..]
                            .iter()
                            .zip(&b[lanes..])
                            .take_while(|(x, y)| x == y)
                            .count();
                    }
                    shared
                }
            };
            for node in path.drain(shared..) {
                tree.end[node] = tree.candidate.len() as u32;
            }
            for &node in &path {
                tree.weight[node] += ballot.weight;
            }
            let full = (len(ballot) > lanes).then(|| prefix(ballot));
            for level in shared..len(ballot) {
                let candidate = match full {
                    Some(full) => full[level],
                    None => {
                        let shift = lane_bits as usize * (lanes - 1 - level);
                        ((ballot.key() >> shift) & lane_mask) as u16 - 1
                    }
                };
                path.push(tree.candidate.len());
                tree.candidate.push(candidate);
                tree.weight.push(ballot.weight);
                tree.end.push(0);
            }
            previous = Some(ballot);
        }
        for node in path {
            tree.end[node] = tree.candidate.len() as u32;
        }
        (tree, valid, invalid)
    }

    /// The part of the tree a round's iterations must redistribute, given who is hopeful,
    /// elected or excluded (which stays fixed during a round).
    ///
    /// A ballot stops at its first hopeful candidate and passes excluded ones by whole, so
    /// the branches that reach a hopeful candidate through excluded ones only give the same
    /// votes at every iteration: they are added up once, into `base`. What is left are the
    /// elected candidates and what lies below them, kept in pre-order with each node's
    /// nearest elected ancestor.
    fn frontier(&self, status: &[Status], frontier: &mut Frontier) {
        frontier.base.clear();
        frontier.base.resize(status.len(), 0);
        frontier.candidate.clear();
        frontier.weight.clear();
        frontier.parent.clear();
        // (end of subtree, nearest elected ancestor in the frontier)
        let mut stack: Vec<(u32, u32)> = Vec::with_capacity(32);
        let mut node = 0;
        while node < self.candidate.len() {
            while stack.last().is_some_and(|&(end, _)| node as u32 >= end) {
                stack.pop();
            }
            let parent = stack.last().map_or(NO_PARENT, |&(_, parent)| parent);
            let candidate = self.candidate[node];
            match status[usize::from(candidate)] {
                Status::Hopeful if parent == NO_PARENT => {
                    frontier.base[usize::from(candidate)] += ONE * u64::from(self.weight[node]);
                    node = self.end[node] as usize;
                }
                Status::Hopeful => {
                    frontier.push(candidate, u64::from(self.weight[node]), parent);
                    node = self.end[node] as usize;
                }
                Status::Elected => {
                    let index = frontier.push(candidate, u64::from(self.weight[node]), parent);
                    stack.push((self.end[node], index));
                    node += 1;
                }
                Status::Excluded | Status::Withdrawn => {
                    stack.push((self.end[node], parent));
                    node += 1;
                }
            }
        }
    }
}

/// No elected ancestor: the ballot reaches the node with its whole weight.
const NO_PARENT: u32 = u32::MAX;

/// The tree as one round sees it (see [`Tree::frontier`]).
#[derive(Default)]
struct Frontier {
    /// Votes that do not change during the round.
    base: Vec<u64>,
    candidate: Vec<u16>,
    weight: Vec<u64>,
    /// Each node's nearest elected ancestor (an earlier node), or [`NO_PARENT`].
    parent: Vec<u32>,
    /// Scratch: the weight each node passes on.
    passed: Vec<u64>,
}

impl Frontier {
    fn push(&mut self, candidate: u16, weight: u64, parent: u32) -> u32 {
        self.candidate.push(candidate);
        self.weight.push(weight);
        self.parent.push(parent);
        self.candidate.len() as u32 - 1
    }

    /// Distributes every ballot under `keep` (keep values of this round's elected
    /// candidates; hopeful ones keep all); sets each candidate's votes.
    fn distribute(&mut self, keep: &[u64], votes: &mut [u64]) {
        votes.copy_from_slice(&self.base);
        self.passed.resize(self.candidate.len(), 0);
        for node in 0..self.candidate.len() {
            let parent = self.parent[node];
            let reaching = if parent == NO_PARENT {
                ONE
            } else {
                self.passed[parent as usize]
            };
            let candidate = usize::from(self.candidate[node]);
            let kept = match keep[candidate] {
                ONE => reaching,
                // reaching and keep are at most ONE, so the product fits in u64.
                value => (reaching * value).div_ceil(ONE),
            };
            votes[candidate] += kept * self.weight[node];
            self.passed[node] = reaching - kept;
        }
    }
}

/// A ballot as the tree is built from it (16 bytes): its sort key (its first candidates, each
/// plus one, in as many lanes of just enough bits as fit in 64), weight and index.
struct Keyed {
    key: u64,
    weight: u32,
    index: u32,
}

impl Keyed {
    fn key(&self) -> u64 {
        self.key
    }
}

struct Count {
    tree: Tree,
    frontier: Frontier,
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
        self.frontier.distribute(&self.keep, &mut self.votes);
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
        self.tree.frontier(&self.status, &mut self.frontier);
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
        let seats_left = self.seats - self.elected.len();
        let out = settled_without_votes(&tied, &self.votes, hopeful.len(), seats_left)
            .unwrap_or_else(|| {
                self.ties
                    .pick(&tied, &[], Look::Never, Want::Lowest, stage, "exclusion")
            });
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
            self.tree.frontier(&self.status, &mut self.frontier);
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
