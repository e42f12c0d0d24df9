//! Reading `[[version.power]] category = "national-policy", by = ["cc"]` (and
//! `vote = "required"`, `acts_for = false`): a decision category, organs of the
//! version, each once, and what the clause asks. It only reads; the rules judge
//! the decisions of the category.

use super::super::competence::Power;
use super::super::raw::RawPower;
use super::super::{Cited, LevelOrgan};
use super::{Reader, Scope};
use crate::source::InputError;

impl Reader<'_> {
    pub(super) fn power(
        &self,
        scope: &Scope<'_>,
        raw: RawPower,
    ) -> Result<Cited<Power>, InputError> {
        let category = raw.category.get_ref().trim();
        if category.is_empty() || category == "default" {
            return Err(self.err(
                raw.category.span(),
                "`power.category` names a category of decisions (`motion_decided` `category`, such as \"policy\"); it cannot be empty or `default`",
            ));
        }
        let mut by: Vec<LevelOrgan> = Vec::new();
        if let Some(organs) = &raw.by {
            if organs.get_ref().is_empty() {
                return Err(self.err(
                    organs.span(),
                    "`power.by` names the organs that alone take these decisions; give at least one, or leave `by` out",
                ));
            }
            for organ in organs.get_ref() {
                // `parent:KEY`: in a template only (refused at its place elsewhere).
                let key = if organ.get_ref().starts_with("parent:") {
                    LevelOrgan::Parent(self.parent_key(scope, organ)?)
                } else {
                    LevelOrgan::Organ(self.organ_key(scope, organ)?)
                };
                if by.contains(&key) {
                    return Err(self.err(
                        organ.span(),
                        format!("`power.by` names `{}` twice", organ.get_ref()),
                    ));
                }
                by.push(key);
            }
        }
        let through_acting = match &raw.acts_for {
            None => true,
            Some(a) if by.is_empty() => {
                return Err(self.err(
                    a.span(),
                    "`power.acts_for` says whether organs acting for those in `by` may take these decisions; it needs `by`",
                ));
            }
            Some(a) => *a.get_ref(),
        };
        let vote = match &raw.vote {
            None => false,
            Some(v) if v.get_ref() == "required" => true,
            Some(v) => {
                return Err(self.err(
                    v.span(),
                    format!(
                        "`power.vote` says a decision of the category must be put to a vote: expected \"required\", not \"{}\"",
                        v.get_ref()
                    ),
                ));
            }
        };
        let meeting = match &raw.meeting {
            None => false,
            Some(v) if v.get_ref() == "required" => true,
            Some(v) => {
                return Err(self.err(
                    v.span(),
                    format!(
                        "`power.meeting` says a decision of the category must be taken at a meeting: expected \"required\", not \"{}\"",
                        v.get_ref()
                    ),
                ));
            }
        };
        let subordinates = match &raw.subordinates {
            None => false,
            Some(s) if scope.template => {
                return Err(self.err(
                    s.span(),
                    "`power.subordinates` binds the organizations a version governs by its templates; a template's own `[[version.subordinate.power]]` cannot say it",
                ));
            }
            Some(s) if by.is_empty() => {
                return Err(self.err(
                    s.span(),
                    "`power.subordinates` keeps the decisions of the category to the organs in `by`, also in the organizations under the version; it needs `by`",
                ));
            }
            Some(s) => *s.get_ref(),
        };
        if by.is_empty() && !vote && !meeting {
            return Err(self.err(
                raw.category.span(),
                "`[[version.power]]` says nothing: give the organs that take these decisions (`by`), `vote = \"required\"`, `meeting = \"required\"`, or some of them",
            ));
        }
        Ok(Cited {
            rule: Power {
                category: category.to_owned(),
                by,
                through_acting,
                vote,
                meeting,
                subordinates,
            },
            article: self.article(scope, raw.article)?,
        })
    }
}
