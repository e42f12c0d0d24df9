//! Reading an organ's `delegates = { set_by = "committee", approved_by =
//! "parent:committee", article = "25" }`: each an organ of the version (or
//! template), or `parent:KEY` in a template. It only reads;
//! `rules/checks/delegates.rs` judges.

use super::super::raw::RawDelegates;
use super::super::{Cited, Delegates};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn delegates(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawDelegates>,
    ) -> Result<Option<Cited<Delegates>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let set_by = self.level_organ(
            scope,
            &raw.set_by,
            "delegates.set_by",
            "fixes the number of delegates",
        )?;
        let approved_by = raw
            .approved_by
            .as_ref()
            .map(|by| {
                self.level_organ(
                    scope,
                    by,
                    "delegates.approved_by",
                    "approves the number of delegates",
                )
            })
            .transpose()?;
        Ok(Some(Cited {
            rule: Delegates {
                set_by,
                approved_by,
            },
            article: self.article(scope, raw.article)?,
        }))
    }
}
