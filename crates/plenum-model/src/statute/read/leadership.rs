//! Reading an organ's `led_by = { organs = ["cc"], article = "45" }` (each an organ
//! of the version or template, or `parent:KEY` in a template; never the organ itself,
//! nor a circle of organs leading each other) and the version's `[version.leadership]
//! higher_levels = true` (only where the version has templates). It only reads;
//! `rules/checks/leadership.rs` judges.

use serde_spanned::Spanned;

use super::super::raw::{RawLeadership, RawLedBy, RawOrgan};
use super::super::{Cited, HigherLevels, LedBy, LevelOrgan};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    /// An organ's `led_by`; `id` is the organ's own key.
    pub(super) fn led_by(
        &self,
        scope: &Scope<'_>,
        id: &Spanned<String>,
        raw: Option<Spanned<RawLedBy>>,
    ) -> Result<Option<Cited<LedBy>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if raw.organs.is_empty() {
            return Err(self.err(
                span,
                "`led_by.organs` is empty; name the organs it works under the leadership of (an organ key, or `parent:KEY` in a template)",
            ));
        }
        let mut organs: Vec<LevelOrgan> = Vec::new();
        for by in &raw.organs {
            if by.get_ref() == id.get_ref() {
                return Err(self.err(
                    by.span(),
                    format!("organ `{}` is led by itself", id.get_ref()),
                ));
            }
            let organ = self.level_organ(scope, by, "led_by.organs", "it defers to")?;
            if organs.contains(&organ) {
                return Err(self.err(
                    by.span(),
                    format!("`led_by.organs` names `{}` twice", by.get_ref()),
                ));
            }
            organs.push(organ);
        }
        Ok(Some(Cited {
            rule: LedBy { organs },
            article: self.article(scope, raw.article)?,
        }))
    }

    /// Organs of one version (or template) that lead one another in a circle, each
    /// through its `led_by`: refused at the first `led_by` entry that closes one.
    pub(super) fn check_leadership_cycles(&self, organs: &[RawOrgan]) -> Result<(), InputError> {
        let leaders = |key: &str| -> Vec<&Spanned<String>> {
            organs
                .iter()
                .find(|o| o.id.get_ref() == key)
                .and_then(|o| o.led_by.as_ref())
                .map(|l| l.get_ref().organs.iter().collect())
                .unwrap_or_default()
        };
        for organ in organs {
            let start = organ.id.get_ref().as_str();
            // Depth first from `start`, each organ once, remembering whence it was
            // reached, until `start` is reached again.
            let mut whence: std::collections::BTreeMap<&str, &str> = Default::default();
            let mut stack: Vec<(&str, &Spanned<String>)> =
                leaders(start).into_iter().map(|by| (start, by)).collect();
            while let Some((from, by)) = stack.pop() {
                let next = by.get_ref().as_str();
                if next == from {
                    continue; // led by itself: refused where the organ is read
                }
                if next == start {
                    let mut circle = vec![start, from];
                    let mut at = from;
                    while let Some(&back) = whence.get(at) {
                        circle.push(back);
                        at = back;
                    }
                    // `circle` runs backwards from `start`: `start` is led by the last.
                    circle.reverse();
                    let words = circle
                        .iter()
                        .map(|k| format!("`{k}`"))
                        .collect::<Vec<_>>()
                        .join(" is led by ");
                    let second = circle.get(1).copied().unwrap_or(start);
                    let first = leaders(start)
                        .into_iter()
                        .find(|b| b.get_ref() == second)
                        .unwrap_or(by);
                    return Err(self.err(
                        first.span(),
                        format!("organs that lead one another in a circle: {words}"),
                    ));
                }
                if whence.contains_key(next) {
                    continue;
                }
                whence.insert(next, from);
                stack.extend(leaders(next).into_iter().map(|b| (next, b)));
            }
        }
        Ok(())
    }

    /// `[version.leadership]`: `higher_levels = true` only, and only where the
    /// version has templates (`[[version.subordinate]]`) for it to reach.
    pub(super) fn leadership(
        &self,
        scope: &Scope<'_>,
        raw: Option<Spanned<RawLeadership>>,
    ) -> Result<Option<Cited<HigherLevels>>, InputError> {
        let Some(raw) = raw else { return Ok(None) };
        let span = raw.span();
        let raw = raw.into_inner();
        if !*raw.higher_levels.get_ref() {
            return Err(self.err(
                raw.higher_levels.span(),
                "`leadership.higher_levels = false` says nothing; leave `[version.leadership]` out",
            ));
        }
        if scope.categories.is_empty() {
            return Err(self.err(
                span,
                format!(
                    "`[version.leadership]` makes the organizations the version's templates govern defer to those above them, but version `{}` has no `[[version.subordinate]]`",
                    scope.version
                ),
            ));
        }
        Ok(Some(Cited {
            rule: HigherLevels,
            article: self.article(scope, raw.article)?,
        }))
    }
}
