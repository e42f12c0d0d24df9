//! Placeholder.
use crate::{Context, CountError, Method, Outcome};
pub(crate) fn count(_context: &Context<'_>, _method: Method) -> Result<Outcome, CountError> {
    todo!()
}
