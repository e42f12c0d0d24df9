//! Scottish STV: the Scottish Local Government Elections Order 2007 (SSI 2007/42),
//! schedule 1, rules 45 to 52, as amended for the later elections without change to the count.
//!
//! - **Quota** (rule 46): the valid ballots divided by seats plus one, fractions ignored,
//!   plus one.
//! - **Values** are in units of 0.00001. A candidate with at least the quota is elected
//!   (rule 47), in descending order of votes when several reach it at once.
//! - **Surplus** (rules 48, 49): while seats remain, the largest surplus of an elected
//!   candidate is transferred first, one per stage. *Every* ballot the candidate holds goes
//!   to its next continuing preference at the transfer value
//!   `surplus × value of the ballot / candidate's votes`, calculated to five decimal places
//!   with any remainder ignored (weighted inclusive Gregory). Ballots with no next continuing
//!   preference are non-transferable; what the truncation loses is the residue. The elected
//!   candidate is left with exactly the quota.
//! - **Exclusion** (rules 50, 51): when no surplus remains, the continuing candidate with
//!   fewest votes is excluded and all their ballots pass at their current values, in one
//!   stage.
//! - **Ties** (rules 49(2), 51(2)): equal surpluses go largest-first by the votes at the most
//!   recent preceding stage at which the candidates had unequal votes; for exclusion, the one
//!   with fewest votes at that stage goes; equal at every stage, by lot. Candidates tied with
//!   no votes at all, who will all be excluded whatever the order (enough others continue
//!   to fill the seats), go in candidate order, and no tie is reported.
//! - **Last vacancies** (rule 52): once the continuing candidates are no more than the seats
//!   left, they are all elected and no further transfer is made.

use crate::outcome::{Action, Outcome, Stage};
use crate::stv::{
    AHEAD, Status, by_votes_descending, initial_status, strict_ranges, touch, with_status,
};
use crate::tie::{Look, Ties, Want, settled_without_votes};
use crate::value::mul_div_floor;
use crate::{CandidateId, Context, CountError, Value};

/// Decimal places of every value in the count.
const DECIMALS: u8 = 5;
/// The value of one whole vote.
const ONE: u64 = 100_000;

/// Counts by the Scottish rules.
pub(crate) fn count(context: &Context<'_>) -> Result<Outcome, CountError> {
    let mut count = Count::new(context)?;
    count.first_stage();
    loop {
        let seats_left = context.seats - count.elected.len();
        if seats_left == 0 {
            break;
        }
        let hopeful = with_status(&count.status, Status::Hopeful);
        if hopeful.len() <= seats_left {
            let rest = by_votes_descending(hopeful, &count.votes);
            count.elect(&rest);
            break;
        }
        let surplus = count
            .pending
            .iter()
            .copied()
            .filter(|c| count.votes[c.index()] > count.quota);
        let surplus: Vec<CandidateId> = surplus.collect();
        if surplus.is_empty() {
            count.exclude_lowest(&hopeful);
        } else {
            count.transfer_largest_surplus(&surplus);
        }
        count.elect_reaching_quota();
    }
    Ok(count.finish(context))
}

/// A distinct ballot during the count: where its marks end in the election's marks, the
/// mark of the candidate holding it, its value (units of 0.00001) and weight.
#[derive(Copy, Clone, Debug)]
struct Paper {
    end: u32,
    position: u32,
    value: u32,
    weight: u64,
}

/// The state of a count in progress.
struct Count<'b> {
    seats: usize,
    /// The weight of the valid ballots, and of those with an uncertain first preference.
    valid: u64,
    invalid: u64,
    quota: u64,
    status: Vec<Status>,
    votes: Vec<u64>,
    /// Each distinct ballot's state, together so that moving one touches one record.
    papers: Vec<Paper>,
    /// Every mark of every ballot (see [`Election::raw_marks`]).
    marks: &'b [u16],
    /// The ballots each candidate holds.
    piles: Vec<Vec<u32>>,
    non_transferable: u64,
    residue: u64,
    elected: Vec<CandidateId>,
    /// Elected candidates whose surplus has not been transferred.
    pending: Vec<CandidateId>,
    stages: Vec<Stage>,
    history: Vec<Vec<u64>>,
    ties: Ties,
}

impl<'b> Count<'b> {
    fn new(context: &Context<'b>) -> Result<Count<'b>, CountError> {
        let n = context.n_candidates();
        let (mut valid, mut invalid) = (0, 0);
        let mut papers = Vec::with_capacity(context.election.n_distinct());
        for (start, end, weight) in strict_ranges(context.election) {
            if start == end {
                invalid += weight;
            } else {
                valid += weight;
                papers.push(Paper {
                    end,
                    position: start,
                    value: ONE as u32,
                    weight,
                });
            }
        }
        let quota_votes = valid / (context.seats as u64 + 1) + 1;
        let quota = quota_votes
            .checked_mul(ONE)
            .ok_or(CountError::Overflow("scottish stv"))?;
        valid
            .checked_mul(ONE)
            .ok_or(CountError::Overflow("scottish stv"))?;
        Ok(Count {
            seats: context.seats,
            valid,
            invalid,
            quota,
            status: initial_status(context.election),
            votes: vec![0; n],
            papers,
            marks: context.election.raw_marks(),
            piles: vec![Vec::new(); n],
            non_transferable: 0,
            residue: 0,
            elected: Vec::new(),
            pending: Vec::new(),
            stages: Vec::new(),
            history: Vec::new(),
            ties: context.ties(),
        })
    }

    /// Rule 45: first preferences, then rule 47.
    fn first_stage(&mut self) {
        for (index, paper) in self.papers.iter().enumerate() {
            let first = usize::from(self.marks[paper.position as usize]);
            self.piles[first].push(index as u32);
            self.votes[first] += paper.weight * ONE;
        }
        self.push_stage(Action::Count, Vec::new());
        self.elect_reaching_quota();
    }

    /// Rule 47: elects every continuing candidate with at least the quota, most votes first.
    fn elect_reaching_quota(&mut self) {
        let reaching: Vec<CandidateId> = with_status(&self.status, Status::Hopeful)
            .into_iter()
            .filter(|c| self.votes[c.index()] >= self.quota)
            .collect();
        let reaching = by_votes_descending(reaching, &self.votes);
        let room = self.seats - self.elected.len();
        self.elect(&reaching[..reaching.len().min(room)]);
        self.pending.extend(reaching.iter().take(room));
    }

    fn elect(&mut self, candidates: &[CandidateId]) {
        for &c in candidates {
            self.status[c.index()] = Status::Elected;
            self.elected.push(c);
        }
        if let Some(stage) = self.stages.last_mut() {
            stage.elected.extend_from_slice(candidates);
        }
    }

    /// Rules 48 and 49: transfers the largest surplus among `surplus` (not empty).
    fn transfer_largest_surplus(&mut self, surplus: &[CandidateId]) {
        let largest = surplus
            .iter()
            .map(|c| self.votes[c.index()])
            .max()
            .unwrap_or(0);
        let tied: Vec<CandidateId> = surplus
            .iter()
            .copied()
            .filter(|c| self.votes[c.index()] == largest)
            .collect();
        let stage = self.stages.len() + 1;
        let from = self.ties.pick(
            &tied,
            &self.history,
            Look::Backward,
            Want::Highest,
            stage,
            "surplus order",
        );
        self.pending.retain(|&c| c != from);
        let held = self.votes[from.index()];
        let excess = held - self.quota;
        let mut moved = 0;
        let mut lost = 0;
        let pile = std::mem::take(&mut self.piles[from.index()]);
        for (offset, &index) in pile.iter().enumerate() {
            if offset % AHEAD == 0 {
                let chunk = &pile[offset..pile.len().min(offset + AHEAD)];
                touch(
                    chunk,
                    |ballot| self.papers[ballot].position as usize,
                    self.marks,
                );
            }
            let ballot = index as usize;
            // The value is at most one, so the product fits; the quotient never exceeds it.
            let paper = &mut self.papers[ballot];
            let value = mul_div_floor(u64::from(paper.value), excess, held).unwrap_or(0);
            paper.value = value as u32;
            let amount = value * paper.weight;
            if self.pass_on(index) {
                moved += amount;
            } else {
                lost += amount;
            }
        }
        self.votes[from.index()] = self.quota;
        self.non_transferable += lost;
        self.residue += excess - moved - lost;
        self.push_stage(
            Action::Surplus {
                candidate: from,
                surplus: Value::new(excess, DECIMALS),
            },
            Vec::new(),
        );
    }

    /// Rules 50 and 51: excludes the continuing candidate with fewest votes.
    fn exclude_lowest(&mut self, hopeful: &[CandidateId]) {
        let lowest = hopeful
            .iter()
            .map(|c| self.votes[c.index()])
            .min()
            .unwrap_or(0);
        let tied: Vec<CandidateId> = hopeful
            .iter()
            .copied()
            .filter(|c| self.votes[c.index()] == lowest)
            .collect();
        let stage = self.stages.len() + 1;
        let seats_left = self.seats - self.elected.len();
        let out = settled_without_votes(&tied, &self.votes, hopeful.len(), seats_left)
            .unwrap_or_else(|| {
                self.ties.pick(
                    &tied,
                    &self.history,
                    Look::Backward,
                    Want::Lowest,
                    stage,
                    "exclusion",
                )
            });
        self.status[out.index()] = Status::Excluded;
        let pile = std::mem::take(&mut self.piles[out.index()]);
        for (offset, &index) in pile.iter().enumerate() {
            if offset % AHEAD == 0 {
                let chunk = &pile[offset..pile.len().min(offset + AHEAD)];
                touch(
                    chunk,
                    |ballot| self.papers[ballot].position as usize,
                    self.marks,
                );
            }
            let ballot = index as usize;
            let paper = &self.papers[ballot];
            let amount = u64::from(paper.value) * paper.weight;
            if !self.pass_on(index) {
                self.non_transferable += amount;
            }
        }
        self.votes[out.index()] = 0;
        self.push_stage(
            Action::Exclusion {
                candidates: vec![out],
                part: None,
            },
            vec![out],
        );
    }

    /// Moves ballot `index` to its next continuing preference at its current value and
    /// credits it; false if it has none.
    fn pass_on(&mut self, index: u32) -> bool {
        let paper = &mut self.papers[index as usize];
        for position in paper.position + 1..paper.end {
            let next = usize::from(self.marks[position as usize]);
            if self.status[next] == Status::Hopeful {
                paper.position = position;
                self.piles[next].push(index);
                self.votes[next] += u64::from(paper.value) * paper.weight;
                return true;
            }
        }
        paper.position = paper.end;
        false
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

    fn finish(self, context: &Context<'_>) -> Outcome {
        debug_assert!(self.stages.iter().all(|stage| {
            let sum: u64 = stage.votes.iter().map(|v| v.raw()).sum();
            sum + stage.non_transferable.raw() + stage.residue.raw() == self.valid * ONE
        }));
        context.outcome(
            self.elected,
            self.stages,
            self.ties,
            (self.valid, self.invalid),
        )
    }
}
