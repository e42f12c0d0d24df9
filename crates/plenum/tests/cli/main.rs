//! Tests that run the real `plenum` binary; one test binary for the whole CLI.

mod count;
