//! Election counting for plenum: every common method, exact arithmetic, stage-by-stage reports.
//!
//! The crate stands alone: it depends on no other plenum crate and does no I/O of its own.
//! An [`Election`] (candidates, seats, aggregated weighted ballots) comes from a ballot file
//! through [`format::read`] or from code through an [`ElectionBuilder`];
//! [`count`] applies a [`Method`] and returns an [`Outcome`] with every stage;
//! [`report`] turns an outcome into a human result sheet or stable JSON.
//!
//! ```
//! use plenum_count::{count, format, Method, Options};
//!
//! let blt = "3 1\n4 1 2 0\n3 2 0\n2 3 1 0\n0\n\"Ann\"\n\"Bob\"\n\"Cy\"\n\"Example\"\n";
//! let election = format::read(blt.as_bytes(), None)?;
//! let outcome = count(&election, Method::Irv, &Options::default())?;
//! assert_eq!(election.candidate(outcome.elected[0]).name(), "Ann");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! Each method's rule (quota, rounding, order of transfers, ties) is written down in its
//! module and in `docs/counting.md`.

pub mod election;
mod error;
pub mod format;
mod lot;
mod method;
mod outcome;
pub mod report;
mod tie;
mod value;

mod approval;
mod condorcet;
mod irv;
mod party;
mod plurality;
mod points;
mod stv;
mod two_round;

pub use election::{Ballot, Candidate, CandidateId, Election, ElectionBuilder};
pub use error::{CountError, ParseError};
pub use lot::DEFAULT_SEED;
pub use method::{Decimal, Limits, Method, Options, Quota, UnknownMethod};
pub use outcome::{Action, Condorcet, IterationEnd, Outcome, Stage, Tie, TieBreak};
pub use value::Value;

/// Counts `election` by `method`.
///
/// Single-winner methods fill one seat; the others fill `options.seats`, or else the seats
/// the election states. The options and the size of the election are checked against the
/// method first (see [`Method::limits`]): an option the method does not use, or more
/// candidates or seats than it takes, is an error, never ignored.
pub fn count(
    election: &Election,
    method: Method,
    options: &Options,
) -> Result<Outcome, CountError> {
    check_options(method, options)?;
    let seats = seats_to_fill(election, method, options)?;
    let context = Context {
        election,
        method,
        seats,
        options,
    };
    match method {
        Method::Plurality => plurality::plurality(&context),
        Method::Block => plurality::block(&context),
        Method::TwoRound => two_round::count(&context),
        Method::Irv => irv::count(&context),
        Method::Approval => approval::count(&context, false),
        Method::Sav => approval::count(&context, true),
        Method::Points => points::count(&context),
        Method::Schulze => condorcet::schulze::count(&context),
        Method::RankedPairs => condorcet::ranked_pairs::count(&context),
        Method::Scottish => stv::scottish::count(&context),
        Method::Meek => stv::meek::count(&context),
        Method::Ers97 => stv::ers97::count(&context),
        Method::DHondt | Method::SainteLague => party::divisor::count(&context, method),
        Method::LargestRemainder => party::largest_remainder::count(&context),
    }
}

/// What every method needs: the election, the seats and the options.
pub(crate) struct Context<'a> {
    pub(crate) election: &'a Election,
    pub(crate) method: Method,
    pub(crate) seats: usize,
    pub(crate) options: &'a Options,
}

impl Context<'_> {
    /// The candidates not withdrawn.
    pub(crate) fn standing(&self) -> Vec<CandidateId> {
        self.election.standing().collect()
    }

    pub(crate) fn n_candidates(&self) -> usize {
        self.election.candidates().len()
    }

    /// Where this count's ties are recorded and lots drawn.
    pub(crate) fn ties(&self) -> tie::Ties {
        tie::Ties::new(self.options.seed)
    }

    /// The outcome of this count: the method, seats and seed, with what the count found.
    pub(crate) fn outcome(
        &self,
        elected: Vec<CandidateId>,
        stages: Vec<Stage>,
        ties: tie::Ties,
        (valid, invalid): (u64, u64),
    ) -> Outcome {
        Outcome {
            method: self.method,
            seats: self.seats,
            elected,
            stages,
            ties: ties.broken,
            seed: self.options.seed,
            valid,
            invalid,
            condorcet: None,
        }
    }
}

/// Refuses options that `method` does not use, and values out of range.
fn check_options(method: Method, options: &Options) -> Result<(), CountError> {
    let not_for = |option: &str, applies: &str| {
        Err(CountError::InvalidOption(format!(
            "{option} applies to {applies}, not {method}"
        )))
    };
    if let Some(threshold) = options.threshold {
        if !method.is_party_list() {
            return not_for(
                "a threshold",
                "the party-list methods (dhondt, sainte-lague, largest-remainder)",
            );
        }
        if threshold > Decimal::integer(100) {
            return Err(CountError::InvalidOption(format!(
                "the threshold is a percentage of the valid votes, from 0 to 100, not {threshold}"
            )));
        }
    }
    if let Some(first) = options.first_divisor {
        if method != Method::SainteLague {
            return not_for(&format!("a first divisor ({first})"), "sainte-lague");
        }
        if first == Decimal::integer(0) {
            return Err(CountError::InvalidOption(
                "the first divisor must be above 0".to_owned(),
            ));
        }
    }
    if let Some(quota) = options.quota
        && method != Method::LargestRemainder
    {
        return not_for(&format!("a {quota} quota"), "largest-remainder");
    }
    Ok(())
}

fn seats_to_fill(
    election: &Election,
    method: Method,
    options: &Options,
) -> Result<usize, CountError> {
    let seats = if method.is_single_winner() {
        match options.seats {
            Some(seats) if seats != 1 => return Err(CountError::SingleWinner { method, seats }),
            _ => 1,
        }
    } else {
        options
            .seats
            .or(election.seats())
            .ok_or(CountError::SeatsUnknown)?
    };
    if seats == 0 {
        return Err(CountError::NoSeats);
    }
    let limits = method.limits();
    let candidates = election.candidates().len();
    for (what, found, limit) in [
        ("candidates", candidates, limits.candidates),
        ("seats", seats, limits.seats),
    ] {
        if found > limit {
            return Err(CountError::TooLarge {
                method,
                what,
                found,
                limit,
                why: limits.why,
            });
        }
    }
    let standing = election.standing().count();
    if standing == 0 || (seats > standing && !method.is_party_list()) {
        return Err(CountError::TooManySeats { seats, standing });
    }
    Ok(seats)
}
