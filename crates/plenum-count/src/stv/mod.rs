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

/// The ballots as STV reads them: each distinct ballot's strict prefix and weight.
pub(crate) struct StvBallots<'a> {
    /// The candidates of each ballot in order, up to the first equal preference.
    pub(crate) prefixes: Vec<&'a [u16]>,
    /// The weight of each ballot.
    pub(crate) weights: Vec<u64>,
    /// The total weight of valid ballots.
    pub(crate) valid: u64,
    /// The total weight of ballots with an uncertain first preference.
    pub(crate) invalid: u64,
}

impl<'a> StvBallots<'a> {
    pub(crate) fn new(election: &'a Election) -> StvBallots<'a> {
        let mut ballots = StvBallots {
            prefixes: Vec::new(),
            weights: Vec::new(),
            valid: 0,
            invalid: 0,
        };
        for ballot in election.ballots() {
            let prefix = ballot.strict_prefix();
            if prefix.is_empty() {
                ballots.invalid += ballot.weight();
            } else {
                ballots.prefixes.push(prefix);
                ballots.weights.push(ballot.weight());
                ballots.valid += ballot.weight();
            }
        }
        ballots
    }
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
