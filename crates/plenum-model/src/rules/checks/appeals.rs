//! Appeals under `[version.trials] appeals` (`wrong-appeal-body`): an appeal decided
//! finally (`appeal_decided` with `final = true`) by an organ that `final_by` does not
//! name (a decision that is not final is not judged by it: any organ may hear an
//! appeal on its way); and any decision on an appeal, final or not, by an organ that
//! `by` does not name (`parent:KEY`, `higher-level`: organs of the organizations up
//! the appealing organization's parent chain, as the record founded them).

use crate::date::Truth;
use crate::event::kinds::AppealDecided;
use crate::id::OrganRef;
use crate::statute::{Cited, Decider};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_appeal(&self, b: &AppealDecided, out: &mut Out<'_>) {
        self.check_appeal_body(b, out);
        if !b.is_final {
            return;
        }
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: organs,
            article,
        }) = version
            .trials
            .as_ref()
            .and_then(|t| t.appeals_final_by.as_ref())
        else {
            return;
        };
        if b.by.org == b.org && organs.contains(&b.by.key) {
            return;
        }
        let competent = organs
            .iter()
            .map(|k| self.organ_name(&OrganRef::new(b.org.clone(), k.clone())))
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            Rule::WrongAppealBody,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the appeal of {} was decided finally by {}; the statute gives the final decision on appeals to {competent}",
                self.person(&b.person),
                self.organ_name(&b.by)
            ),
        );
    }
}

impl Ctx<'_, '_> {
    /// `appeals.by`: every decision on an appeal, final or not, is taken by one of
    /// the organs named, an organ of the appealing organization or of one above it.
    fn check_appeal_body(&self, b: &AppealDecided, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: deciders,
            article,
        }) = version.trials.as_ref().and_then(|t| t.appeals_by.as_ref())
        else {
            return;
        };
        let ancestors = self.book.ancestors(&b.org);
        let parent = ancestors.first();
        let competent = deciders.iter().any(|d| match d {
            Decider::Own(key) => b.by.org == b.org && &b.by.key == key,
            Decider::Parent(key) => parent == Some(&b.by.org) && &b.by.key == key,
            Decider::HigherLevel => ancestors.contains(&b.by.org),
        });
        if competent {
            return;
        }
        let named = deciders
            .iter()
            .map(|d| match d {
                Decider::Own(key) => self.organ_name(&OrganRef::new(b.org.clone(), key.clone())),
                Decider::Parent(key) => match parent {
                    Some(p) => self.organ_name(&OrganRef::new(p.clone(), key.clone())),
                    None => format!("the `{key}` of the organization above it"),
                },
                Decider::HigherLevel => {
                    format!(
                        "an organ of an organization above {}",
                        self.org_name(&b.org)
                    )
                }
            })
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            Rule::WrongAppealBody,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the appeal of {} in {} was decided by {}; the statute gives appeals there to {named}",
                self.person(&b.person),
                self.org_name(&b.org),
                self.organ_name(&b.by)
            ),
        );
    }
}
