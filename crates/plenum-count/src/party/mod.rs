//! Placeholder.
pub(crate) mod divisor;
pub(crate) mod largest_remainder;
