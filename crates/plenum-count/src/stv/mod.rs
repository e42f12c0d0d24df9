//! The single transferable vote: what the three STV rules share.
//!
//! Each rule has its own module with its rule written out: [`scottish`], [`meek`] and
//! [`ers97`]. All three read a ballot up to its first equal preference: a rank holding
//! several candidates is void for uncertainty, so the ballot ends before it, and a ballot
//! whose first rank is uncertain is invalid.

pub(crate) mod ers97;
pub(crate) mod meek;
pub(crate) mod scottish;

use crate::{CandidateId, Election};

/// A candidate's state during an STV count.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) enum Status {
    /// Neither elected nor excluded: a continuing candidate.
    Hopeful,
    /// Elected (deemed elected).
    Elected,
    /// Excluded (defeated).
    Excluded,
    /// Withdrawn before the count.
    Withdrawn,
}

/// Each distinct ballot as STV reads it, straight from the election: where its marks start in
/// [`Election::raw_marks`], where its strict prefix ends, and its weight. Ballots whose first
/// preference is uncertain come with `start == end`.
pub(crate) fn strict_ranges(election: &Election) -> impl Iterator<Item = (u32, u32, u64)> + '_ {
    election.ballots().enumerate().map(|(index, ballot)| {
        let start = election.marks_start(index);
        (
            start,
            start + ballot.strict_prefix().len() as u32,
            ballot.weight(),
        )
    })
}

/// Every candidate's starting status.
pub(crate) fn initial_status(election: &Election) -> Vec<Status> {
    election
        .candidates()
        .iter()
        .map(|candidate| {
            if candidate.is_withdrawn() {
                Status::Withdrawn
            } else {
                Status::Hopeful
            }
        })
        .collect()
}

/// The candidates with `status`, in candidate order.
pub(crate) fn with_status(statuses: &[Status], status: Status) -> Vec<CandidateId> {
    statuses
        .iter()
        .enumerate()
        .filter(|&(_, &s)| s == status)
        .filter_map(|(index, _)| CandidateId::new(index))
        .collect()
}

/// `candidates` sorted by `votes`, most first, then in candidate order.
pub(crate) fn by_votes_descending(
    mut candidates: Vec<CandidateId>,
    votes: &[u64],
) -> Vec<CandidateId> {
    candidates.sort_by(|a, b| votes[b.index()].cmp(&votes[a.index()]).then(a.cmp(b)));
    candidates
}

/// Ballots moved as one group when [`touch`] loads ahead.
pub(crate) const AHEAD: usize = 16;

/// Loads what moving the ballots of `chunk` will read (each ballot's record, through
/// `position`, and the mark after its position) before they are moved, so that the cache
/// misses of the whole chunk overlap instead of following one another. Only warms the cache.
pub(crate) fn touch(chunk: &[u32], position: impl Fn(usize) -> usize, marks: &[u16]) {
    let mut touched = 0usize;
    for &index in chunk {
        touched ^= position(index as usize);
    }
    for &index in chunk {
        touched ^= usize::from(
            marks
                .get(position(index as usize) + 1)
                .copied()
                .unwrap_or(0),
        );
    }
    std::hint::black_box(touched);
}
