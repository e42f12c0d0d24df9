//! Reading an organ's `seats_set = { by = "congress", article = "22" }` and
//! `off_schedule = { approved_by = "parent:committee", article = "25" }`: an organ of
//! the version (or template), or `parent:KEY` in a template. It only reads;
//! `rules/checks/seats_set.rs` and `rules/checks/off_schedule.rs` judge.

use serde_spanned::Spanned;

use super::super::raw::{RawOffSchedule, RawSeatsSet};
use super::super::{Cited, LevelOrgan};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn seats_set(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawSeatsSet>,
    ) -> Result<Option<Cited<LevelOrgan>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        Ok(Some(Cited {
            rule: self.level_organ(scope, &raw.by, "seats_set.by", "sets the number of seats")?,
            article: self.article(scope, raw.article)?,
        }))
    }

    pub(super) fn off_schedule(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawOffSchedule>,
    ) -> Result<Option<Cited<LevelOrgan>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let what = "approves a meeting held off its schedule";
        Ok(Some(Cited {
            rule: self.level_organ(scope, &raw.approved_by, "off_schedule.approved_by", what)?,
            article: self.article(scope, raw.article)?,
        }))
    }

    /// An organ of the version (or template), or `parent:KEY` in a template; members,
    /// appointment and posts decide nothing and are refused.
    pub(super) fn level_organ(
        &self,
        scope: &Scope<'_>,
        by: &Spanned<String>,
        field: &str,
        what: &str,
    ) -> Result<LevelOrgan, InputError> {
        let name = by.get_ref();
        if name.starts_with("parent:") {
            Ok(LevelOrgan::Parent(self.parent_key(scope, by)?))
        } else if name == "members" || name == "appointment" || name.starts_with("post:") {
            Err(self.err(
                by.span(),
                format!(
                    "`{field}` names the organ whose decision {what} (an organ of the version, or `parent:KEY` in a template), not `{name}`"
                ),
            ))
        } else {
            Ok(LevelOrgan::Organ(self.organ_key(scope, by)?))
        }
    }
}
