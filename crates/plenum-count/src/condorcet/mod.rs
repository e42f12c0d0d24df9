//! Placeholder.
pub(crate) mod ranked_pairs;
pub(crate) mod schulze;
