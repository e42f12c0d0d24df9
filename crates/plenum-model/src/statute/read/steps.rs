//! Reading `[[version.membership.step]]`: a named step (`step`), the membership act
//! it must precede (`before`), the organs that take it (`by`, optional), the grounds
//! of an admission that dispense with it (`unless_ground`, optional) and its
//! article. It only reads; `rules/checks/steps.rs` judges the acts.

use super::super::raw::RawStep;
use super::super::steps::Step;
use super::super::{Act, Key};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn steps(
        &self,
        scope: &Scope<'_>,
        raw: &[RawStep],
    ) -> Result<Vec<Step>, InputError> {
        let mut steps: Vec<Step> = Vec::new();
        for r in raw {
            let step = self.key(&r.step)?;
            let before = match r.before.get_ref().as_str() {
                "admission" => Act::Admission,
                "promotion" => Act::Promotion,
                "extension" => Act::Extension,
                "revocation" => Act::Revocation,
                "withdrawal" => Act::Withdrawal,
                "lapse" => Act::Lapse,
                other => {
                    return Err(self.err(
                        r.before.span(),
                        format!(
                            "`step.before` is `{other}`; expected a membership act: \"admission\", \"promotion\", \"extension\", \"revocation\", \"withdrawal\" or \"lapse\""
                        ),
                    ));
                }
            };
            if steps.iter().any(|s| s.step == step && s.before == before) {
                return Err(self.err(
                    r.step.span(),
                    format!(
                        "the step `{step}` before {} is declared twice",
                        before.as_str()
                    ),
                ));
            }
            let mut by: Vec<Key> = Vec::new();
            if let Some(organs) = &r.by {
                if organs.get_ref().is_empty() {
                    return Err(self.err(
                        organs.span(),
                        "`step.by` is empty; name the organs that take the step, or leave it out",
                    ));
                }
                for o in organs.get_ref() {
                    let key = self.organ_key(scope, o)?;
                    if by.contains(&key) {
                        return Err(self.err(o.span(), format!("`step.by` names `{key}` twice")));
                    }
                    by.push(key);
                }
            }
            let mut unless_ground: Vec<Key> = Vec::new();
            if let Some(grounds) = &r.unless_ground {
                if before != Act::Admission {
                    return Err(self.err(
                        grounds.span(),
                        format!(
                            "`step.unless_ground` names grounds an admission records (`member_admitted` `ground`); the {} records none",
                            before.as_str()
                        ),
                    ));
                }
                if grounds.get_ref().is_empty() {
                    return Err(self.err(
                        grounds.span(),
                        "`step.unless_ground` is empty; name the grounds that dispense with the step, or leave it out",
                    ));
                }
                for g in grounds.get_ref() {
                    let key = self.key(g)?;
                    if unless_ground.contains(&key) {
                        return Err(self.err(
                            g.span(),
                            format!("`step.unless_ground` names `{key}` twice"),
                        ));
                    }
                    unless_ground.push(key);
                }
            }
            steps.push(Step {
                step,
                before,
                by,
                unless_ground,
                article: self.article(scope, r.article.clone())?,
            });
        }
        Ok(steps)
    }
}
