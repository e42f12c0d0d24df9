//! Reading an office's `nominations = { by = "member:ieb", elections_by = "ieb" }`: who
//! may nominate, one person at a time (and, with `before_notice`, how long before the
//! election's notice). It only reads; `rules/checks/nominations.rs`
//! judges the nominators an election or appointment records.

use serde_spanned::Spanned;

use super::super::nominations::{Nominations, Nominator};
use super::super::raw::RawNominations;
use super::super::{Cited, Period};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// `by` is `"member"` or `"member:KEY"` (an organ of the version); `elections_by`,
    /// if given, an organ of the version.
    pub(super) fn nominations(
        &self,
        scope: &Scope<'_>,
        raw: Option<RawNominations>,
    ) -> Result<Option<Cited<Nominations>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let by = match raw.by.get_ref().as_str() {
            "member" => Nominator::Member,
            other => match other.strip_prefix("member:") {
                Some(organ) => Nominator::MemberOf(
                    self.organ_key(scope, &Spanned::new(raw.by.span(), organ.to_owned()))?,
                ),
                None => {
                    return Err(self.err(
                        raw.by.span(),
                        format!(
                            "`nominations.by` is `{other}`; expected \"member\" (any member of the organization) or \"member:ORGAN\" (any member of that organ)"
                        ),
                    ));
                }
            },
        };
        let elections_by = raw
            .elections_by
            .as_ref()
            .map(|o| self.organ_key(scope, o))
            .transpose()?;
        let before_notice = raw
            .before_notice
            .map(|p| {
                p.get_ref()
                    .parse::<Period>()
                    .map_err(|e| self.err(p.span(), format!("`nominations.before_notice`: {e}")))
            })
            .transpose()?;
        Ok(Some(Cited {
            rule: Nominations {
                by,
                elections_by,
                before_notice,
            },
            article: self.article(scope, raw.article)?,
        }))
    }
}
