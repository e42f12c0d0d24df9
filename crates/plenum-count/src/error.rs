//! The crate's two error types: reading ballots and counting them.

use thiserror::Error;

use crate::Method;

/// A ballot file that cannot be read, with the 1-based line and column where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
#[error("{line}:{column}: {message}")]
pub struct ParseError {
    /// 1-based line of the offending text.
    pub line: usize,
    /// 1-based column (in characters) of the offending text.
    pub column: usize,
    /// What was wrong, lowercase and without a trailing period.
    pub message: String,
}

impl ParseError {
    /// An error at `line`, `column` with `message`.
    pub fn new(line: usize, column: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line,
            column,
            message: message.into(),
        }
    }
}

/// A count that cannot be made; each variant is something the caller can fix.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CountError {
    /// The election asks for no seats.
    #[error("the number of seats must be at least 1")]
    NoSeats,
    /// Neither the ballot file nor the options give the number of seats.
    #[error(
        "the number of seats is not given: the ballot file does not state it, so give the seats to fill"
    )]
    SeatsUnknown,
    /// A single-winner method was asked to fill several seats.
    #[error("{method} elects one candidate, not {seats}")]
    SingleWinner {
        /// The method asked for.
        method: Method,
        /// The seats asked for.
        seats: usize,
    },
    /// More seats than candidates standing.
    #[error("{seats} seats but only {standing} candidates stand")]
    TooManySeats {
        /// The seats asked for.
        seats: usize,
        /// Candidates not withdrawn.
        standing: usize,
    },
    /// More candidates or seats than the method takes (see [`Method::limits`]).
    #[error("{method} takes at most {limit} {what}, not {found}: {why}")]
    TooLarge {
        /// The method asked for.
        method: Method,
        /// `candidates` or `seats`.
        what: &'static str,
        /// How many the count would have.
        found: usize,
        /// The most the method takes.
        limit: usize,
        /// Why there is a limit.
        why: &'static str,
    },
    /// An option is out of range for the method, or not one the method uses.
    #[error("invalid option: {0}")]
    InvalidOption(String),
    /// The numbers of the election exceed what the method's fixed-point arithmetic can hold.
    #[error("too many votes for exact arithmetic in {0}")]
    Overflow(&'static str),
}
