//! Reading an organ's `seats_set = { by = "congress", article = "22" }`. It only
//! reads; `rules/checks/seats_set.rs` judges.

use super::super::raw::RawSeatsSet;
use super::super::{Cited, SeatsSetBy};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `by` names an organ of the version (or template), or `parent:KEY` in a
    /// template; members, appointment and posts set no number and are refused.
    pub(super) fn seats_set(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawSeatsSet>,
    ) -> Result<Option<Cited<SeatsSetBy>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let by = raw.by.get_ref();
        let rule = if by.starts_with("parent:") {
            SeatsSetBy::Parent(self.parent_key(scope, &raw.by)?)
        } else if by == "members" || by == "appointment" || by.starts_with("post:") {
            return Err(self.err(
                raw.by.span(),
                format!(
                    "`seats_set.by` names the organ whose decision sets the number of seats (an organ of the version, or `parent:KEY` in a template), not `{by}`"
                ),
            ));
        } else {
            SeatsSetBy::Organ(self.organ_key(scope, &raw.by)?)
        };
        Ok(Some(Cited {
            rule,
            article: self.article(scope, raw.article)?,
        }))
    }
}
