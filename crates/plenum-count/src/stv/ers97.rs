//! ERS97: the Electoral Reform Society's rules for counting STV by hand, *How to conduct an
//! election by the Single Transferable Vote*, 3rd edition (1997), section 5.
//!
//! - **Values** are in units of 0.01 (5.3.7).
//! - **Quota** (5.1.6): the valid votes divided by seats plus one, to two decimals; if not
//!   exact, the remainder is ignored and 0.01 added. While nobody is elected it is recalculated
//!   without the non-transferable votes after each batch of an exclusion (5.4.8).
//! - **Election** (5.1.7, 5.3.13, 5.4.9): in descending order of votes, a continuing candidate
//!   is deemed elected with at least the quota, or with at least the total active vote divided
//!   by one more than the seats not yet filled. If candidates tie for the last places, those
//!   with more votes at the first point of the count where they differed are elected; if they
//!   never differed, none of them at this stage (5.6.2).
//! - **Surpluses** (5.2.2 to 5.2.4, 5.3): the largest is transferred first (equal ones: the
//!   greatest vote at the earliest point where they differed, else by lot). A surplus arising at
//!   the first stage transfers all of the candidate's papers; a later one only the last batch
//!   received. If the transferable papers are worth more than the surplus, each passes at
//!   `surplus / number of transferable papers`, to two decimals, remainder ignored; otherwise
//!   at its present value. What is not passed on is non-transferable (the rounding part is
//!   shown as residue). Transfers are **deferred** while the surpluses could not change the
//!   order at the bottom: while their total does not exceed the gap between the lowest
//!   candidate (or the lowest few who could be excluded together) and the next above.
//! - **Exclusion** (5.2.5, 5.4): as many of the lowest candidates as possible together,
//!   provided enough candidates remain and their votes plus the deferred surpluses do not
//!   exceed the vote of the next candidate above. Equal lowest: fewest votes at the earliest
//!   point where they differed, else by lot. Their papers are transferred in batches of one
//!   value each, highest value first; each batch is a sub-stage after which candidates may be
//!   elected, and elected candidates receive no more papers (5.4.10).
//! - **End** (4.3, 5.5): when the continuing candidates are no more than the seats left, or an
//!   exclusion would leave exactly that many, they are elected; when the seats are filled, the
//!   rest are formally excluded.

use std::collections::BTreeMap;

use crate::outcome::{Action, Outcome, Stage};
use crate::stv::{Status, by_votes_descending, initial_status, strict_ranges, with_status};
use crate::tie::{Look, Ties, Want};
use crate::{CandidateId, Context, CountError, Value};

/// Decimal places of every value in the count.
const DECIMALS: u8 = 2;
/// The value of one whole vote.
const ONE: u64 = 100;

/// Counts by the ERS97 rules.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let (mut valid, mut invalid) = (0, 0);
    let mut papers = Vec::with_capacity(context.election.n_distinct());
    for (start, end, weight) in strict_ranges(context.election) {
        if start == end {
            invalid += weight;
        } else {
            valid += weight;
            papers.push((start, end, weight));
        }
    }
    let total = valid
        .checked_mul(ONE)
        .ok_or(CountError::Overflow("ers97 stv"))?;
    let n = context.n_candidates();
    let mut count = Count {
        papers,
        marks: context.election.raw_marks(),
        seats: context.seats,
        total,
        quota: quota(total, 0, context.seats),
        status: initial_status(context.election),
        votes: vec![0; n],
        batches: vec![Vec::new(); n],
        pending: Vec::new(),
        elected: Vec::new(),
        non_transferable: 0,
        residue: 0,
        stages: Vec::new(),
        history: Vec::new(),
        ties: context.ties(),
        excluding: Vec::new(),
    };
    count.first_stage();
    loop {
        let seats_left = count.seats - count.elected.len();
        if seats_left == 0 {
            let rest = with_status(&count.status, Status::Hopeful);
            count.formally_exclude(&rest);
            break;
        }
        let hopeful = with_status(&count.status, Status::Hopeful);
        if hopeful.len() <= seats_left {
            let rest = by_votes_descending(hopeful, &count.votes);
            count.elect(&rest);
            break;
        }
        let deferred: u64 = count
            .pending
            .iter()
            .map(|c| count.votes[c.index()] - count.quota)
            .sum();
        if deferred > 0 && !count.can_defer(&hopeful, deferred, seats_left) {
            count.transfer_largest_surplus();
            count.deem_elected();
            continue;
        }
        let group = count.exclusion_group(&hopeful, deferred, seats_left);
        if hopeful.len() - group.len() == seats_left {
            let rest: Vec<CandidateId> =
                hopeful.into_iter().filter(|c| !group.contains(c)).collect();
            let rest = by_votes_descending(rest, &count.votes);
            count.elect(&rest);
            count.formally_exclude(&group);
            break;
        }
        count.exclude(&group);
    }
    Ok(context.outcome(count.elected, count.stages, count.ties, (valid, invalid)))
}

/// 5.1.6: `(total - set_aside) / (seats + 1)` to two decimals, plus 0.01 unless exact.
fn quota(total: u64, set_aside: u64, seats: usize) -> u64 {
    (total - set_aside).div_ceil(seats as u64 + 1)
}

/// Papers of one value held by a candidate, in the order received.
#[derive(Clone, Debug)]
struct Batch {
    value: u64,
    ballots: Vec<u32>,
}

struct Count<'b> {
    /// Each valid distinct ballot: its strict prefix `start..end` in `marks`, its weight.
    papers: Vec<(u32, u32, u64)>,
    marks: &'b [u16],
    seats: usize,
    total: u64,
    quota: u64,
    status: Vec<Status>,
    votes: Vec<u64>,
    batches: Vec<Vec<Batch>>,
    /// Elected candidates whose surplus awaits transfer.
    pending: Vec<CandidateId>,
    elected: Vec<CandidateId>,
    non_transferable: u64,
    residue: u64,
    stages: Vec<Stage>,
    /// Votes after the first stage and after every batch transferred.
    history: Vec<Vec<u64>>,
    ties: Ties,
    /// Candidates being excluded whose papers are not all transferred yet.
    excluding: Vec<CandidateId>,
}

impl Count<'_> {
    fn first_stage(&mut self) {
        let n = self.votes.len();
        let mut first: Vec<Vec<u32>> = vec![Vec::new(); n];
        for (index, &(start, _, weight)) in self.papers.iter().enumerate() {
            let c = usize::from(self.marks[start as usize]);
            first[c].push(index as u32);
            self.votes[c] += weight * ONE;
        }
        for (c, ballots) in first.into_iter().enumerate() {
            if !ballots.is_empty() {
                self.batches[c].push(Batch {
                    value: ONE,
                    ballots,
                });
            }
        }
        self.push_stage(Action::Count, Vec::new());
        self.deem_elected();
    }

    /// The total active vote: continuing candidates' votes plus votes awaiting transfer.
    fn active_vote(&self) -> u64 {
        let continuing: u64 = with_status(&self.status, Status::Hopeful)
            .iter()
            .map(|c| self.votes[c.index()])
            .sum();
        let surpluses: u64 = self
            .pending
            .iter()
            .map(|c| self.votes[c.index()].saturating_sub(self.quota))
            .sum();
        let excluding: u64 = self.excluding.iter().map(|c| self.votes[c.index()]).sum();
        continuing + surpluses + excluding
    }

    /// 5.1.7, 5.3.13, 5.4.9 and 5.6.2.
    fn deem_elected(&mut self) {
        loop {
            let seats_left = (self.seats - self.elected.len()) as u64;
            if seats_left == 0 {
                return;
            }
            let active = u128::from(self.active_vote());
            let qualifies = |votes: u64| {
                votes >= self.quota
                    || (votes > 0 && u128::from(votes) * u128::from(seats_left + 1) >= active)
            };
            let hopeful = with_status(&self.status, Status::Hopeful);
            let Some(top) = hopeful
                .iter()
                .map(|c| self.votes[c.index()])
                .filter(|&v| qualifies(v))
                .max()
            else {
                return;
            };
            let tied: Vec<CandidateId> = hopeful
                .into_iter()
                .filter(|c| self.votes[c.index()] == top)
                .collect();
            if tied.len() as u64 <= seats_left {
                self.elect(&tied);
                continue;
            }
            let stage = self.stages.len();
            let mut left = tied;
            for _ in 0..seats_left {
                match self.ties.pick_by_history(
                    &left,
                    &self.history,
                    Look::Forward,
                    Want::Highest,
                    stage,
                    "election",
                ) {
                    Some(chosen) => {
                        self.elect(&[chosen]);
                        left.retain(|&c| c != chosen);
                    }
                    None => return,
                }
            }
            return;
        }
    }

    fn elect(&mut self, candidates: &[CandidateId]) {
        for &c in candidates {
            self.status[c.index()] = Status::Elected;
            self.elected.push(c);
            if self.votes[c.index()] > self.quota {
                self.pending.push(c);
            }
        }
        if let Some(stage) = self.stages.last_mut() {
            stage.elected.extend_from_slice(candidates);
        }
    }

    fn formally_exclude(&mut self, candidates: &[CandidateId]) {
        for &c in candidates {
            self.status[c.index()] = Status::Excluded;
        }
        if let Some(stage) = self.stages.last_mut() {
            stage.excluded.extend_from_slice(candidates);
        }
    }

    /// `hopeful` sorted by votes, fewest first, in candidate order among equals.
    fn ascending(&self, hopeful: &[CandidateId]) -> Vec<u64> {
        let mut votes: Vec<u64> = hopeful.iter().map(|c| self.votes[c.index()]).collect();
        votes.sort_unstable();
        votes
    }

    /// The largest `k` (at most `hopeful - seats_left`) such that the `k` lowest candidates'
    /// votes plus `deferred` do not exceed the vote of the next above; 0 if none.
    fn largest_group(&self, hopeful: &[CandidateId], deferred: u64, seats_left: usize) -> usize {
        let votes = self.ascending(hopeful);
        let mut sum = deferred;
        let mut best = 0;
        for k in 1..=(hopeful.len() - seats_left) {
            sum += votes[k - 1];
            if sum <= votes[k] {
                best = k;
            }
        }
        best
    }

    /// 5.2.2: whether the surpluses may wait.
    fn can_defer(&self, hopeful: &[CandidateId], deferred: u64, seats_left: usize) -> bool {
        self.largest_group(hopeful, deferred, seats_left) > 0
    }

    /// 5.2.5: the candidates to exclude together.
    fn exclusion_group(
        &mut self,
        hopeful: &[CandidateId],
        deferred: u64,
        seats_left: usize,
    ) -> Vec<CandidateId> {
        let k = self.largest_group(hopeful, deferred, seats_left).max(1);
        let boundary = self.ascending(hopeful)[k - 1];
        let mut group: Vec<CandidateId> = hopeful
            .iter()
            .copied()
            .filter(|c| self.votes[c.index()] < boundary)
            .collect();
        let mut tied: Vec<CandidateId> = hopeful
            .iter()
            .copied()
            .filter(|c| self.votes[c.index()] == boundary)
            .collect();
        let stage = self.stages.len() + 1;
        while group.len() < k {
            let out = if group.len() + tied.len() == k {
                tied[0]
            } else {
                self.ties.pick(
                    &tied,
                    &self.history,
                    Look::Forward,
                    Want::Lowest,
                    stage,
                    "exclusion",
                )
            };
            tied.retain(|&c| c != out);
            group.push(out);
        }
        group.sort();
        group
    }

    /// 5.2.3 and 5.3: transfers the largest surplus.
    fn transfer_largest_surplus(&mut self) {
        let largest = self
            .pending
            .iter()
            .map(|c| self.votes[c.index()])
            .max()
            .unwrap_or(0);
        let tied: Vec<CandidateId> = self
            .pending
            .iter()
            .copied()
            .filter(|c| self.votes[c.index()] == largest)
            .collect();
        let stage = self.stages.len() + 1;
        let from = self.ties.pick(
            &tied,
            &self.history,
            Look::Forward,
            Want::Highest,
            stage,
            "surplus order",
        );
        self.pending.retain(|&c| c != from);
        let surplus = self.votes[from.index()] - self.quota;
        let Some(batch) = self.batches[from.index()].pop() else {
            return;
        };
        let mut to: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
        let mut transferable = 0u64;
        for &index in &batch.ballots {
            if let Some(next) = self.next_continuing(index) {
                to.entry(next).or_default().push(index);
                transferable += self.papers[index as usize].2;
            }
        }
        let value = if u128::from(transferable) * u128::from(batch.value) > u128::from(surplus) {
            surplus / transferable
        } else {
            batch.value
        };
        let mut credited = 0;
        for (next, ballots) in to {
            let papers: u64 = ballots.iter().map(|&b| self.papers[b as usize].2).sum();
            self.votes[next] += papers * value;
            credited += papers * value;
            self.batches[next].push(Batch { value, ballots });
        }
        self.votes[from.index()] = self.quota;
        if value == batch.value {
            self.non_transferable += surplus - credited;
        } else {
            self.residue += surplus - credited;
        }
        self.push_stage(
            Action::Surplus {
                candidate: from,
                surplus: Value::new(surplus, DECIMALS),
            },
            Vec::new(),
        );
    }

    /// 5.4: excludes `group`, transferring their papers batch by batch, highest value first.
    fn exclude(&mut self, group: &[CandidateId]) {
        let mut by_value: BTreeMap<u64, Vec<(usize, u32)>> = BTreeMap::new();
        for &c in group {
            self.status[c.index()] = Status::Excluded;
            for batch in std::mem::take(&mut self.batches[c.index()]) {
                by_value
                    .entry(batch.value)
                    .or_default()
                    .extend(batch.ballots.iter().map(|&b| (c.index(), b)));
            }
        }
        self.excluding = group.to_vec();
        let parts = by_value.len() as u32;
        if parts == 0 {
            self.push_stage(
                Action::Exclusion {
                    candidates: group.to_vec(),
                    part: None,
                },
                group.to_vec(),
            );
        }
        for (part, (value, papers)) in by_value.into_iter().rev().enumerate() {
            let mut to: BTreeMap<usize, Vec<u32>> = BTreeMap::new();
            for (owner, index) in papers {
                let amount = value * self.papers[index as usize].2;
                self.votes[owner] -= amount;
                match self.next_continuing(index) {
                    Some(next) => {
                        self.votes[next] += amount;
                        to.entry(next).or_default().push(index);
                    }
                    None => self.non_transferable += amount,
                }
            }
            for (next, ballots) in to {
                self.batches[next].push(Batch { value, ballots });
            }
            if self.elected.is_empty() {
                self.quota = quota(self.total, self.non_transferable, self.seats);
            }
            let excluded = if part == 0 {
                group.to_vec()
            } else {
                Vec::new()
            };
            let action = Action::Exclusion {
                candidates: group.to_vec(),
                part: (parts > 1).then(|| (Value::new(value, DECIMALS), part as u32 + 1, parts)),
            };
            self.push_stage(action, excluded);
            self.deem_elected();
            if self.elected.len() == self.seats {
                break;
            }
        }
        self.excluding.clear();
    }

    /// The next continuing candidate on ballot `index` after the one holding it.
    fn next_continuing(&self, index: u32) -> Option<usize> {
        let (start, end, _) = self.papers[index as usize];
        self.marks[start as usize..end as usize]
            .iter()
            .map(|&c| usize::from(c))
            .find(|&c| self.status[c] == Status::Hopeful)
    }

    fn push_stage(&mut self, action: Action, excluded: Vec<CandidateId>) {
        let mut stage = Stage::new(action, &self.votes, DECIMALS);
        stage.non_transferable = Value::new(self.non_transferable, DECIMALS);
        stage.residue = Value::new(self.residue, DECIMALS);
        stage.quota = Some(Value::new(self.quota, DECIMALS));
        stage.excluded = excluded;
        self.stages.push(stage);
        self.history.push(self.votes.clone());
    }
}
