//! Competence over subject matters (`[[version.power]]`): a carried decision
//! (`motion_decided`) of a category the statute gives to some organs alone, taken by
//! another, is `no-competent-decision`, unless the deciding organ acts for one of
//! them (`acts_for`) between that organ's sessions and the clause allows it; and a
//! decision of a category that needs a vote, whose record gives no votes, is
//! `no-vote` (possibly: the vote may have gone unrecorded).
//!
//! It reads only the decision, its meeting and, for `acts_for`, the competent
//! organ's meetings. A decision of an organization governed by a template
//! (`[[version.subordinate]]`) is judged by the template's own clauses
//! (`[[version.subordinate.power]]`, naming its organs or, with `parent:KEY`, the
//! organ one level up), never by the governing organization's; decisions without
//! a category are not judged. The organization a decision concerns is its
//! `concerns`, or else the deciding organ's: "the Party committee at the next level
//! up shall issue a decision to declare the election invalid" is a decision
//! concerning the lower organization, taken by an organ of the one above it (not
//! judged where the record gives no parent).

use crate::date::Truth;
use crate::event::Outcome;
use crate::event::kinds::MotionDecided;
use crate::id::OrganRef;
use crate::statute::{Cited, LevelOrgan, Power};

use super::super::{Citation, Rule, Severity};
use super::acts_for::ActingFor;
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `motion_decided` with a `category` that a `[[version.power]]` names.
    pub(super) fn check_power(&self, b: &MotionDecided, out: &mut Out<'_>) {
        let Some(category) = b.category.as_deref() else {
            return;
        };
        let deciders: Vec<OrganRef> = match &b.meeting {
            Some(m) => self.meeting_organs(m),
            None => b.organ.clone().into_iter().collect(),
        };
        let Some(first) = deciders.first() else {
            return;
        };
        let date = out.event.date.clone();
        let concerned = b.concerns.clone().unwrap_or_else(|| first.org.clone());
        let Some(version) = self.version(&concerned, &date) else {
            return;
        };
        let powers: Vec<&Cited<Power>> = version
            .powers
            .iter()
            .filter(|p| p.rule.category == category)
            .collect();
        if powers.is_empty() {
            return;
        }
        let what = match &b.concerns {
            Some(o) if *o != first.org => format!(
                "the decision \"{}\" (`{category}`), concerning {},",
                b.text,
                self.org_name(o)
            ),
            _ => format!("the decision \"{}\" (`{category}`)", b.text),
        };
        if b.votes.is_none()
            && let Some(rule) = powers.iter().find(|p| p.rule.vote)
        {
            out.push(
                Rule::NoVote,
                Severity::Violation,
                Truth::Possibly,
                Some(Citation::of(version, rule.article.as_ref())),
                vec![],
                format!(
                    "the record gives no votes on {what}; the statute puts a decision of that category to a vote"
                ),
            );
        }
        if b.meeting.is_none()
            && let Some(rule) = powers.iter().find(|p| p.rule.meeting)
        {
            // A written ballot is taken without a meeting by definition; otherwise
            // the meeting may be missing from the record.
            let (truth, how) = if b.written_ballot {
                (Truth::Definitely, "by written ballot, without a meeting")
            } else {
                (Truth::Possibly, "with no meeting")
            };
            out.push(
                Rule::NoMeeting,
                Severity::Violation,
                truth,
                Some(Citation::of(version, rule.article.as_ref())),
                vec![],
                format!(
                    "the record gives {what} as taken by {} {how}; the statute takes decisions of that category at a meeting",
                    self.organ_name(first)
                ),
            );
        }
        if b.outcome != Outcome::Carried {
            return;
        }
        let giving: Vec<&Cited<Power>> = powers
            .iter()
            .copied()
            .filter(|p| !p.rule.by.is_empty())
            .collect();
        let Some(cited) = giving.first() else {
            return;
        };
        let parent = self.book.parent(&concerned).cloned();
        let resolve = |o: &LevelOrgan| -> Option<OrganRef> {
            match o {
                LevelOrgan::Organ(k) => Some(OrganRef::new(concerned.clone(), k.clone())),
                LevelOrgan::Parent(k) => {
                    parent.as_ref().map(|p| OrganRef::new(p.clone(), k.clone()))
                }
            }
        };
        // An organ one level up where the record gives no parent: not judged.
        if giving
            .iter()
            .any(|p| p.rule.by.iter().any(|o| resolve(o).is_none()))
        {
            return;
        }
        let of_org =
            |p: &Cited<Power>| -> Vec<OrganRef> { p.rule.by.iter().filter_map(&resolve).collect() };
        let competent: Vec<OrganRef> = giving.iter().flat_map(|p| of_org(p)).collect();
        if deciders.iter().any(|o| competent.contains(o)) {
            return;
        }
        let through_acting: Vec<OrganRef> = giving
            .iter()
            .filter(|p| p.rule.through_acting)
            .flat_map(|p| of_org(p))
            .collect();
        match self.acting_for(&deciders, &through_acting, &date) {
            Some(ActingFor::Between) => return,
            Some(ActingFor::InSession {
                acting,
                principal,
                certainty,
                citation,
            }) => {
                let principal = self.organ_name(&principal);
                out.push(
                    Rule::NoCompetentDecision,
                    Severity::Violation,
                    certainty,
                    Some(citation),
                    vec![],
                    format!(
                        "{what} was taken by {}, which acts for {principal} only between its sessions; {principal} {} that day",
                        self.organ_name(&acting),
                        if certainty == Truth::Definitely {
                            "sat"
                        } else {
                            "may have sat"
                        }
                    ),
                );
                return;
            }
            None => {}
        }
        let by = deciders
            .iter()
            .map(|o| self.organ_name(o))
            .collect::<Vec<_>>()
            .join(" and ");
        // Each clause's organs, with its article where several clauses give the category.
        let competent_names = giving
            .iter()
            .map(|p| {
                let names = of_org(p)
                    .iter()
                    .map(|o| self.organ_name(o))
                    .collect::<Vec<_>>()
                    .join(" or ");
                match (&p.article, giving.len()) {
                    (Some(a), 2..) => format!("{names} (article {a})"),
                    _ => names,
                }
            })
            .collect::<Vec<_>>()
            .join(" or ");
        out.push(
            Rule::NoCompetentDecision,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, cited.article.as_ref())),
            vec![],
            format!("{what} was taken by {by}; the statute gives decisions of that category to {competent_names}"),
        );
    }
}
