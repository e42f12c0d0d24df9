//! Test and benchmark tools for plenum: seeded synthetic histories, the conformance
//! suite every store runs, PostgreSQL schemas for tests, and the appender the crash
//! tests kill.
//!
//! Nothing here ships: the crates of the product never depend on this one
//! (their tests and benchmarks do).

#![cfg_attr(not(test), warn(clippy::unwrap_used))]

pub mod conformance;
pub mod pg;
pub mod synthetic;
