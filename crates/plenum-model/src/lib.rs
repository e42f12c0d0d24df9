//! The pure core of plenum: ids, fuzzy dates, statutes, events, state, rules and queries.
//!
//! Nothing here does I/O, reads a clock or draws random numbers: callers pass
//! text in and get values out, and the current date is always an argument.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

/// Fuzzy dates: the `plenum-date` crate.
pub use plenum_date as date;
pub mod event;
pub mod finding;
pub mod history;
pub mod id;
pub mod ledger;
pub mod limits;
pub mod phrase;
pub mod query;
pub mod registry;
pub mod rows;
pub mod rules;
pub mod source;
pub mod statute;
