//! Articles set aside by a decision (`[[version.suspension]]`, `motion_decided`'s
//! `suspends`): a decision that sets aside an article no clause lets be set aside, or
//! by an organ the clause does not name, is `no-competent-decision` (citing the
//! clause, where one covers the article). While a competent carried decision is in
//! force (from its day to its `suspends_until`, if given), a finding of another event
//! of the organization citing an article it set aside is not made: the article does
//! not apply. Findings as of a date (`check --at`: overdue meetings, expired terms)
//! are not set aside.
//!
//! It reads only the decision and the organization's row, where the decisions that
//! set articles aside are kept (`OrgChange::Suspended`).

use crate::date::{FuzzyDate, Truth};
use crate::event::kinds::MotionDecided;
use crate::id::{OrgId, OrganRef};
use crate::rows::OrgChange;

use super::super::{Citation, Finding, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// Whether the statute in force on `date` lets `organ` set `article` aside.
    fn may_set_aside(&self, organ: &OrganRef, article: &str, date: &FuzzyDate) -> bool {
        self.version(&organ.org, date).is_some_and(|v| {
            v.suspensions.iter().any(|s| {
                s.rule.articles.iter().any(|a| a == article) && s.rule.by.contains(&organ.key)
            })
        })
    }

    /// `motion_decided` with `suspends`: each article set aside by an organ a clause
    /// lets set it aside.
    pub(super) fn check_suspends(&self, b: &MotionDecided, out: &mut Out<'_>) {
        if b.suspends.is_empty() {
            return;
        }
        let meeting = b.meeting.as_ref().and_then(|m| self.history.meeting(m));
        let Some(organ) = b
            .organ
            .clone()
            .or_else(|| meeting.as_ref().and_then(|m| m.organ.clone()))
        else {
            return;
        };
        let date = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &date) else {
            return;
        };
        for article in &b.suspends {
            if self.may_set_aside(&organ, article, &date) {
                continue;
            }
            let clause = version
                .suspensions
                .iter()
                .find(|s| s.rule.articles.iter().any(|a| a == article));
            let (citation, competent) = match clause {
                Some(c) => (
                    Citation::of(version, c.article.as_ref()),
                    format!(
                        "the statute lets {} set it aside",
                        c.rule
                            .by
                            .iter()
                            .map(|k| self.organ_name(&OrganRef::new(organ.org.clone(), k.clone())))
                            .collect::<Vec<_>>()
                            .join(" or ")
                    ),
                ),
                None => (
                    Citation::of(version, Some(article)),
                    "the statute lets no organ set it aside".to_owned(),
                ),
            };
            out.push(
                Rule::NoCompetentDecision,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![],
                format!(
                    "{} set aside article {article}; {competent}",
                    self.organ_name(&organ)
                ),
            );
        }
    }

    /// Whether `finding`, of an event on `date`, cites an article a competent decision
    /// in force on that day set aside.
    pub(super) fn set_aside(&self, finding: &Finding, date: &FuzzyDate) -> bool {
        let Some(Citation {
            org,
            article: Some(article),
            ..
        }) = &finding.citation
        else {
            return false;
        };
        self.suspended_on(org, article, date)
    }

    fn suspended_on(&self, org: &OrgId, article: &str, date: &FuzzyDate) -> bool {
        // Only statutes that let articles be set aside pay for reading the row.
        if !self.book.versions_of(org).iter().any(|v| {
            v.suspensions
                .iter()
                .any(|s| s.rule.articles.iter().any(|a| a == article))
        }) {
            return false;
        }
        let Some(row) = self.history.org(org) else {
            return false;
        };
        row.facts.iter().any(|f| match &f.change {
            OrgChange::Suspended {
                date: from,
                organ,
                articles,
                until,
                ..
            } => {
                articles.iter().any(|a| a == article)
                    && from.latest() <= date.earliest()
                    && until.as_ref().is_none_or(|u| date.latest() <= u.earliest())
                    && self.may_set_aside(organ, article, from)
            }
            _ => false,
        })
    }
}
