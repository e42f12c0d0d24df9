//! The election as the counting methods see it: candidates, seats and aggregated weighted
//! ballots, whatever file (or ledger event) they came from.
//!
//! Ballots are stored flat: one array of marks, one of offsets, one of weights.
//! Identical ballots are merged as they are added, so a million ballots of twenty candidates
//! take the memory of their distinct rankings only.

use std::collections::HashMap;

use thiserror::Error;

use table::Table;

mod table;

/// The largest number of candidates an election may have.
pub const MAX_CANDIDATES: usize = 0x7FFF;

/// The high bit of a stored mark: "ranked equal with the mark before".
const TIED: u16 = 0x8000;

/// A candidate's 0-based position in the election's candidate list.
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CandidateId(u16);

impl CandidateId {
    /// The candidate at 0-based `index`, if `index` is below [`MAX_CANDIDATES`].
    pub fn new(index: usize) -> Option<CandidateId> {
        (index < MAX_CANDIDATES).then_some(CandidateId(index as u16))
    }

    /// The 0-based position of the candidate.
    pub fn index(self) -> usize {
        usize::from(self.0)
    }

    /// The candidate at `index`, known to be below [`MAX_CANDIDATES`].
    pub(crate) fn at(index: usize) -> CandidateId {
        debug_assert!(index < MAX_CANDIDATES);
        CandidateId(index as u16)
    }

    pub(crate) fn from_mark(mark: u16) -> CandidateId {
        CandidateId(mark & !TIED)
    }
}

/// A candidate (or, for party-list methods, a party or list).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    name: String,
    withdrawn: bool,
}

impl Candidate {
    /// The name as given in the ballot file.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Whether the candidate withdrew before the count; withdrawn candidates are skipped on
    /// every ballot.
    pub fn is_withdrawn(&self) -> bool {
        self.withdrawn
    }
}

/// One distinct ranking and the number (weight) of ballots that cast it.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Ballot<'a> {
    weight: u64,
    marks: &'a [u16],
}

impl<'a> Ballot<'a> {
    pub(crate) fn new(weight: u64, marks: &'a [u16]) -> Ballot<'a> {
        Ballot { weight, marks }
    }

    /// How many ballots cast this ranking.
    pub fn weight(&self) -> u64 {
        self.weight
    }

    /// The number of candidates marked.
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Whether no candidate is marked (never true for a ballot of an [`Election`]).
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }

    /// The ranks in order of preference; each rank holds one candidate, or several ranked
    /// equal (an approval ballot is a single rank).
    pub fn ranks(&self) -> Ranks<'a> {
        Ranks { rest: self.marks }
    }

    /// The marks before the first rank holding several candidates: what an STV count reads,
    /// since an equal preference is void for uncertainty and ends the ballot there.
    pub(crate) fn strict_prefix(&self) -> &'a [u16] {
        match self.marks.iter().position(|&mark| mark & TIED != 0) {
            Some(first_tied) => &self.marks[..first_tied - 1],
            None => self.marks,
        }
    }

    /// Every marked candidate, in ballot order, ignoring ranks.
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = CandidateId> + 'a {
        self.marks.iter().map(|&mark| CandidateId::from_mark(mark))
    }
}

/// Iterator over the ranks of a [`Ballot`].
#[derive(Clone, Debug)]
pub struct Ranks<'a> {
    rest: &'a [u16],
}

impl<'a> Iterator for Ranks<'a> {
    type Item = Rank<'a>;

    fn next(&mut self) -> Option<Rank<'a>> {
        if self.rest.is_empty() {
            return None;
        }
        let len = 1 + self.rest[1..]
            .iter()
            .take_while(|&&mark| mark & TIED != 0)
            .count();
        let (rank, rest) = self.rest.split_at(len);
        self.rest = rest;
        Some(Rank { marks: rank })
    }
}

/// The candidates sharing one rank of a ballot.
#[derive(Copy, Clone, Debug)]
pub struct Rank<'a> {
    marks: &'a [u16],
}

impl<'a> Rank<'a> {
    /// The candidates of the rank, in ballot order.
    pub fn candidates(&self) -> impl ExactSizeIterator<Item = CandidateId> + 'a {
        self.marks.iter().map(|&mark| CandidateId::from_mark(mark))
    }

    /// How many candidates share the rank (at least one).
    pub fn len(&self) -> usize {
        self.marks.len()
    }

    /// Always false: a rank holds at least one candidate.
    pub fn is_empty(&self) -> bool {
        self.marks.is_empty()
    }
}

/// Candidates, seats and aggregated ballots; built with an [`ElectionBuilder`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Election {
    title: Option<String>,
    seats: Option<usize>,
    candidates: Vec<Candidate>,
    table: Table,
    total: u64,
    blank: u64,
}

impl Election {
    /// The title, if the source gave one.
    pub fn title(&self) -> Option<&str> {
        self.title.as_deref()
    }

    /// The number of seats, if the source gave one.
    pub fn seats(&self) -> Option<usize> {
        self.seats
    }

    /// All candidates, withdrawn ones included, in source order.
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// The candidate `id`.
    pub fn candidate(&self, id: CandidateId) -> &Candidate {
        &self.candidates[id.index()]
    }

    /// The candidates not withdrawn, in source order.
    pub fn standing(&self) -> impl Iterator<Item = CandidateId> + '_ {
        (0..self.candidates.len())
            .filter(|&index| !self.candidates[index].withdrawn)
            .map(|index| CandidateId(index as u16))
    }

    /// The distinct ballots in order of first appearance; none is empty.
    pub fn ballots(&self) -> impl ExactSizeIterator<Item = Ballot<'_>> + '_ {
        (0..self.table.len()).map(|index| self.table.ballot(index))
    }

    /// The marks of every distinct ballot, end to end, and where ballot `index`'s start.
    pub(crate) fn raw_marks(&self) -> &[u16] {
        self.table.raw_marks()
    }

    /// Where the marks of ballot `index` start in [`Election::raw_marks`].
    pub(crate) fn marks_start(&self, index: usize) -> u32 {
        self.table.start(index)
    }

    /// Distinct ballot `index` (0-based, below [`Election::n_distinct`]).
    pub(crate) fn ballot(&self, index: usize) -> Ballot<'_> {
        self.table.ballot(index)
    }

    /// The number of distinct rankings.
    pub fn n_distinct(&self) -> usize {
        self.table.len()
    }

    /// The total weight of the ballots that mark at least one standing candidate.
    pub fn total_weight(&self) -> u64 {
        self.total
    }

    /// The total weight of ballots that mark no standing candidate.
    pub fn blank_weight(&self) -> u64 {
        self.blank
    }

    /// The same election with the number of seats set.
    pub fn with_seats(mut self, seats: usize) -> Election {
        self.seats = Some(seats);
        self
    }
}

/// Why a ballot or candidate could not be added to an [`ElectionBuilder`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Error)]
pub enum BuildError {
    /// More than [`MAX_CANDIDATES`] candidates.
    #[error("more than {MAX_CANDIDATES} candidates")]
    TooManyCandidates,
    /// The ballot weights add up to more than 2^64 - 1.
    #[error("the ballot weights add up to more than 2^64 - 1")]
    WeightOverflow,
    /// More than 2^32 - 1 marks on distinct ballots.
    #[error("more than 2^32 - 1 marks on distinct ballots")]
    TooManyMarks,
}

/// Builds an [`Election`] ballot by ballot, merging identical ballots as it goes.
///
/// A ballot is given mark by mark: [`rank`](ElectionBuilder::rank) starts a new rank,
/// [`tie`](ElectionBuilder::tie) adds a candidate equal to the previous one, and
/// [`finish_ballot`](ElectionBuilder::finish_ballot) adds it with its weight.
/// A candidate marked twice keeps its first mark; withdrawn candidates are dropped.
#[derive(Debug, Default)]
pub struct ElectionBuilder {
    title: Option<String>,
    seats: Option<usize>,
    candidates: Vec<Candidate>,
    by_name: HashMap<String, CandidateId>,
    table: Table,
    scratch: Vec<u16>,
    seen: Vec<u32>,
    generation: u32,
    group_open: bool,
    total: u64,
    blank: u64,
    withdrawn_late: bool,
}

impl ElectionBuilder {
    /// An empty builder.
    pub fn new() -> ElectionBuilder {
        ElectionBuilder {
            generation: 1,
            ..ElectionBuilder::default()
        }
    }

    /// Adds a candidate, even if the name is already taken.
    pub fn add_candidate(&mut self, name: &str) -> Result<CandidateId, BuildError> {
        let id = CandidateId::new(self.candidates.len()).ok_or(BuildError::TooManyCandidates)?;
        self.candidates.push(Candidate {
            name: name.to_owned(),
            withdrawn: false,
        });
        self.seen.push(0);
        self.by_name.entry(name.to_owned()).or_insert(id);
        Ok(id)
    }

    /// The first candidate with this exact name, added if there is none yet.
    pub fn candidate_named(&mut self, name: &str) -> Result<CandidateId, BuildError> {
        match self.by_name.get(name) {
            Some(&id) => Ok(id),
            None => self.add_candidate(name),
        }
    }

    /// The first candidate with this exact name, if any.
    pub fn find_candidate(&self, name: &str) -> Option<CandidateId> {
        self.by_name.get(name).copied()
    }

    /// Renames candidate `id`.
    pub fn rename(&mut self, id: CandidateId, name: &str) {
        self.candidates[id.index()].name = name.to_owned();
        self.by_name.entry(name.to_owned()).or_insert(id);
    }

    /// The number of candidates added so far.
    pub fn n_candidates(&self) -> usize {
        self.candidates.len()
    }

    /// Marks candidate `id` withdrawn: it is dropped from every ballot.
    pub fn withdraw(&mut self, id: CandidateId) {
        self.candidates[id.index()].withdrawn = true;
        if self.table.len() > 0 {
            self.withdrawn_late = true;
        }
    }

    /// Sets the number of seats.
    pub fn set_seats(&mut self, seats: usize) {
        self.seats = Some(seats);
    }

    /// Sets the title.
    pub fn set_title(&mut self, title: &str) {
        self.title = Some(title.to_owned());
    }

    /// Starts a new rank on the current ballot with candidate `id`.
    pub fn rank(&mut self, id: CandidateId) {
        self.push(id, true);
    }

    /// Adds candidate `id` to the current rank of the current ballot (ranked equal).
    pub fn tie(&mut self, id: CandidateId) {
        self.push(id, false);
    }

    fn push(&mut self, id: CandidateId, new_rank: bool) {
        if new_rank {
            self.group_open = false;
        }
        let index = id.index();
        if self.candidates[index].withdrawn || self.seen[index] == self.generation {
            return;
        }
        self.seen[index] = self.generation;
        let flag = if self.group_open { TIED } else { 0 };
        self.scratch.push(id.0 | flag);
        self.group_open = true;
    }

    /// Adds the current ballot with `weight` and starts the next one.
    pub fn finish_ballot(&mut self, weight: u64) -> Result<(), BuildError> {
        let result = if weight == 0 {
            Ok(())
        } else if self.scratch.is_empty() {
            self.blank
                .checked_add(weight)
                .map(|blank| self.blank = blank)
                .ok_or(BuildError::WeightOverflow)
        } else {
            match self.total.checked_add(weight) {
                Some(total) => {
                    self.total = total;
                    self.table.insert(&self.scratch, weight)
                }
                None => Err(BuildError::WeightOverflow),
            }
        };
        self.discard_ballot();
        result
    }

    /// Forgets the marks of the current ballot.
    pub fn discard_ballot(&mut self) {
        self.scratch.clear();
        self.group_open = false;
        self.generation = self.generation.wrapping_add(1);
        if self.generation == 0 {
            self.seen.fill(0);
            self.generation = 1;
        }
    }

    /// The election.
    pub fn build(mut self) -> Election {
        self.discard_ballot();
        if self.withdrawn_late {
            let mut old = std::mem::take(&mut self.table);
            old.seal();
            self.total = 0;
            for index in 0..old.len() {
                let ballot = old.ballot(index);
                for rank in ballot.ranks() {
                    let mut first = true;
                    for id in rank.candidates() {
                        self.push(id, first);
                        first = false;
                    }
                }
                // Re-adding weights that were already added once cannot overflow.
                let _ = self.finish_ballot(ballot.weight);
            }
        }
        self.table.seal();
        Election {
            title: self.title,
            seats: self.seats,
            candidates: self.candidates,
            table: self.table,
            total: self.total,
            blank: self.blank,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(index: usize) -> CandidateId {
        CandidateId::new(index).unwrap()
    }

    fn three() -> ElectionBuilder {
        let mut builder = ElectionBuilder::new();
        for name in ["A", "B", "C"] {
            builder.add_candidate(name).unwrap();
        }
        builder
    }

    fn ranks(ballot: Ballot<'_>) -> Vec<Vec<usize>> {
        ballot
            .ranks()
            .map(|rank| rank.candidates().map(CandidateId::index).collect())
            .collect()
    }

    #[test]
    fn identical_ballots_are_merged() {
        let mut builder = three();
        for _ in 0..3 {
            builder.rank(id(0));
            builder.rank(id(2));
            builder.finish_ballot(2).unwrap();
        }
        builder.rank(id(1));
        builder.finish_ballot(1).unwrap();
        let election = builder.build();
        assert_eq!(election.n_distinct(), 2);
        assert_eq!(election.total_weight(), 7);
        let weights: Vec<u64> = election.ballots().map(|ballot| ballot.weight()).collect();
        assert_eq!(weights, [6, 1]);
    }

    #[test]
    fn repeated_marks_keep_the_first() {
        let mut builder = three();
        builder.rank(id(0));
        builder.rank(id(1));
        builder.rank(id(0));
        builder.tie(id(2));
        builder.finish_ballot(1).unwrap();
        let election = builder.build();
        let ballot = election.ballots().next().unwrap();
        // The repeated A is dropped, and C, tied with it, starts its own rank.
        assert_eq!(ranks(ballot), [vec![0], vec![1], vec![2]]);
    }

    #[test]
    fn equal_ranks_end_the_strict_prefix() {
        let mut builder = three();
        builder.rank(id(1));
        builder.rank(id(0));
        builder.tie(id(2));
        builder.finish_ballot(1).unwrap();
        let election = builder.build();
        let ballot = election.ballots().next().unwrap();
        assert_eq!(ranks(ballot), [vec![1], vec![0, 2]]);
        assert_eq!(ballot.strict_prefix(), [1]);
    }

    #[test]
    fn withdrawn_candidates_are_dropped_even_when_withdrawn_late() {
        let mut builder = three();
        builder.rank(id(0));
        builder.rank(id(1));
        builder.finish_ballot(1).unwrap();
        builder.rank(id(1));
        builder.finish_ballot(1).unwrap();
        builder.rank(id(0));
        builder.finish_ballot(4).unwrap();
        builder.withdraw(id(0));
        let election = builder.build();
        assert_eq!(election.n_distinct(), 1);
        assert_eq!(election.total_weight(), 2);
        assert_eq!(election.blank_weight(), 4);
    }

    #[test]
    fn weights_that_overflow_are_an_error() {
        let mut builder = three();
        builder.rank(id(0));
        builder.finish_ballot(u64::MAX).unwrap();
        builder.rank(id(0));
        assert_eq!(builder.finish_ballot(1), Err(BuildError::WeightOverflow));
    }

    #[test]
    fn many_distinct_ballots_survive_growth() {
        let mut builder = ElectionBuilder::new();
        for index in 0..40 {
            builder.add_candidate(&format!("C{index}")).unwrap();
        }
        for first in 0..40 {
            for second in 0..40 {
                builder.rank(id(first));
                builder.rank(id(second));
                builder.finish_ballot(1).unwrap();
            }
        }
        let election = builder.build();
        // A ballot "x x" is read as the bullet vote "x".
        assert_eq!(election.n_distinct(), 40 * 39 + 40);
        assert_eq!(election.total_weight(), 1600);
    }
}
