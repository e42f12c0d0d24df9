//! The pure core of plenum: ids, fuzzy dates, statutes, events, state, rules and queries.
//!
//! Nothing here does I/O, reads a clock or draws random numbers: callers pass
//! text in and get values out, and the current date is always an argument.

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod date;
pub mod event;
pub mod id;
pub mod query;
pub mod rules;
pub mod source;
pub mod state;
pub mod statute;
pub mod synthetic;
