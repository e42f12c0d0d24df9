//! `plenum count` from the command line.
