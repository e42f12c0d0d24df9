//! Reading who founds and who dissolves organizations (`[version.founding]`,
//! `[version.dissolution]`, and `founding` / `dissolution` on a
//! `[[version.subordinate]]`). It only reads: the rules judge `organization_founded`
//! and `organization_dissolved` against the decision they cite.

use std::ops::Range;

use serde_spanned::Spanned;

use super::super::raw::{ArticleRef, RawDissolution, RawFounding};
use super::super::{Decider, OrgDecision};
use super::{Reader, Scope};
use crate::id::Key;
use crate::source::InputError;

impl Reader<'_> {
    /// `founding`: `scope` is the governing version's (a plain key names one of its
    /// organs, even inside a template).
    pub(super) fn founding(
        &self,
        scope: &Scope<'_>,
        raw: Spanned<RawFounding>,
        table: &str,
    ) -> Result<OrgDecision, InputError> {
        let whole = raw.span();
        let raw = raw.into_inner();
        let min_members = match raw.min_members {
            Some(n) if *n.get_ref() == 0 => {
                return Err(self.err(
                    n.span(),
                    format!("`{table}.min_members` is 0; give at least 1, or leave it out"),
                ));
            }
            other => other.map(Spanned::into_inner),
        };
        self.org_decision(scope, raw.by, raw.article, min_members, whole, table)
    }

    /// `dissolution`, read as `founding` is, without a number of members.
    pub(super) fn dissolution(
        &self,
        scope: &Scope<'_>,
        raw: Spanned<RawDissolution>,
        table: &str,
    ) -> Result<OrgDecision, InputError> {
        let whole = raw.span();
        let raw = raw.into_inner();
        let mut rule = self.org_decision(scope, raw.by, raw.article, None, whole, table)?;
        if let Some(on) = raw.on_ground {
            let span = on.span();
            let on = on.into_inner();
            let ground = Key::new(on.ground.get_ref()).map_err(|e| {
                self.err(
                    on.ground.span(),
                    format!("`{table}.on_ground.ground` names the ground an `organization_dissolved` records: {e}"),
                )
            })?;
            let inner = self.org_decision(
                scope,
                on.by,
                on.article,
                None,
                span,
                &format!("{table}.on_ground"),
            )?;
            rule.on_ground = Some(Box::new(super::super::founding::GroundDecision {
                ground,
                rule: inner,
            }));
        }
        Ok(rule)
    }

    fn org_decision(
        &self,
        scope: &Scope<'_>,
        by: Vec<Spanned<String>>,
        article: ArticleRef,
        min_members: Option<u32>,
        whole: Range<usize>,
        table: &str,
    ) -> Result<OrgDecision, InputError> {
        if by.is_empty() {
            return Err(self.err(
                whole,
                format!(
                    "`{table}.by` is empty; name the organs whose decision it needs (an organ key, `parent:KEY` or \"higher-level\")"
                ),
            ));
        }
        let mut deciders: Vec<Decider> = Vec::new();
        for raw in &by {
            let decider = self.decider(scope, raw, table)?;
            if deciders.contains(&decider) {
                return Err(self.err(
                    raw.span(),
                    format!("`{table}.by` names `{}` twice", raw.get_ref()),
                ));
            }
            deciders.push(decider);
        }
        Ok(OrgDecision {
            on_ground: None,
            by: deciders,
            min_members,
            article: self.article(scope, article)?,
        })
    }

    pub(super) fn decider(
        &self,
        scope: &Scope<'_>,
        raw: &Spanned<String>,
        table: &str,
    ) -> Result<Decider, InputError> {
        let text = raw.get_ref().as_str();
        if text == "higher-level" {
            return Ok(Decider::HigherLevel);
        }
        if let Some(key) = text.strip_prefix("parent:") {
            return Key::new(key)
                .map(Decider::Parent)
                .map_err(|e| self.err(raw.span(), format!("`{table}.by`: `{text}`: {e}")));
        }
        if !scope.organs.contains(text) {
            let known = scope
                .organs
                .iter()
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(", ");
            return Err(self.err(
                raw.span(),
                format!(
                    "`{table}.by` names `{text}`, not an organ of version `{}`; expected one of {known}, `parent:KEY` or \"higher-level\"",
                    scope.version
                ),
            ));
        }
        Ok(Decider::Own(self.key(raw)?))
    }
}
