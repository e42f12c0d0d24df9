//! Placeholder.
use crate::{Context, CountError, Outcome};
pub(crate) fn count(_context: &Context<'_>) -> Result<Outcome, CountError> {
    todo!()
}
