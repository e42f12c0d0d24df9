//! Reading an organ's `all_members = { while_at_most = 10, article = "IV.A" }`. It
//! only reads; `rules/checks/all_members.rs` judges.

use super::super::raw::RawAllMembers;
use super::super::{AllMembers, Cited};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `while_at_most` is a number of members, 1 or more.
    pub(super) fn all_members(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawAllMembers>,
    ) -> Result<Option<Cited<AllMembers>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let while_at_most = *raw.while_at_most.get_ref();
        if while_at_most == 0 {
            return Err(self.err(
                raw.while_at_most.span(),
                "`all_members.while_at_most` is 0; give the most full members the register may count while every member sits on the organ (1 or more)",
            ));
        }
        Ok(Some(Cited {
            rule: AllMembers { while_at_most },
            article: self.article(scope, raw.article)?,
        }))
    }
}
