//! Reading the penalties a version declares (`[[version.penalty]]`).

use std::collections::BTreeSet;

use super::super::raw::RawPenalty;
use super::super::{PenaltyDef, PenaltyEffect};
use super::{Reader, Scope};
use crate::source::InputError;

/// The acts discipline rules name without declaring them.
const BUILT_IN: [&str; 4] = ["expulsion", "suspension", "removal", "reinstatement"];

impl Reader<'_> {
    pub(super) fn penalties(
        &self,
        scope: &Scope<'_>,
        raws: Vec<RawPenalty>,
    ) -> Result<Vec<PenaltyDef>, InputError> {
        let mut seen = BTreeSet::new();
        raws.into_iter()
            .map(|raw| {
                let id = raw.id.get_ref().as_str();
                if BUILT_IN.contains(&id) {
                    return Err(self.err(
                        raw.id.span(),
                        format!("`{id}` is a built-in act; give the penalty another id"),
                    ));
                }
                if !seen.insert(id.to_owned()) {
                    return Err(self.err(raw.id.span(), format!("penalty `{id}` is defined twice")));
                }
                let effect = raw
                    .effect
                    .as_ref()
                    .map(|e| {
                        e.get_ref()
                            .parse::<PenaltyEffect>()
                            .map_err(|m| self.err(e.span(), m))
                    })
                    .transpose()?;
                Ok(PenaltyDef {
                    id: self.key(&raw.id)?,
                    name: raw.name,
                    effect,
                    longest: raw.longest.as_ref().map(|l| self.period(l)).transpose()?,
                    article: self.article(scope, raw.article)?,
                })
            })
            .collect()
    }
}
