//! Membership classes (`[[version.membership.class]]`): eligibility that names a
//! class, a class whose members may not hold office, and a class whose members do
//! not vote; and a member admitted to (or moved to) a class the statute does not
//! declare. Three-valued like all eligibility: a membership whose class the record
//! does not give is of unknown class, not a breach.

use crate::date::Truth;
use crate::event::EventKind;
use crate::id::{Key, OrgId, PersonId};
use crate::rows::MemberStatus;
use crate::statute::Version;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `{ requires = "class", class = ... }`: what is wrong with the person's
    /// standing, if the register shows something wrong.
    pub(super) fn class_problem(
        &self,
        class: &Key,
        org: &OrgId,
        person: &PersonId,
        version: &Version,
    ) -> Option<(String, Truth)> {
        let name = |k: &Key| {
            version
                .class(k)
                .map_or_else(|| k.to_string(), |c| c.name.clone())
        };
        let problem = match self.history.membership(person, org) {
            None if self.history.memberships_of(person, org).is_empty() => return None,
            None => "is no longer a member".to_owned(),
            Some(m) if m.status == MemberStatus::Suspended => "is a suspended member".to_owned(),
            // No class recorded: unknown, not a breach.
            Some(m) => match &m.class {
                None => return None,
                Some(k) if k == class => return None,
                Some(k) => format!(
                    "is a member of the class {}, not of the class {}",
                    name(k),
                    name(class)
                ),
            },
        };
        Some((problem, Truth::Definitely))
    }

    /// A member of a class that may not hold office takes one (`may_hold_office = false`).
    pub(super) fn check_class_office(
        &self,
        org: &OrgId,
        person: &PersonId,
        what: &str,
        version: &Version,
        out: &mut Out<'_>,
    ) {
        let Some(class) = self
            .history
            .membership(person, org)
            .and_then(|m| m.class)
            .and_then(|k| version.class(&k).cloned())
        else {
            return;
        };
        if class.may_hold_office {
            return;
        }
        out.push(
            Rule::IneligibleHolder,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, class.article.as_ref())),
            vec![],
            format!(
                "{} takes {what} but is a member of the class {}, whose members may not hold office",
                self.person(person),
                class.name
            ),
        );
    }

    /// The open full and candidate memberships in a class that does not vote.
    pub(super) fn non_voting_members(&self, org: &OrgId, version: &Version) -> (u32, u32) {
        if version.classes.iter().all(|c| c.votes) {
            return (0, 0);
        }
        let (mut full, mut candidates) = (0u32, 0u32);
        for m in self.history.open_memberships_in(org) {
            let silent = m
                .class
                .as_ref()
                .and_then(|k| version.class(k))
                .is_some_and(|c| !c.votes);
            match m.status {
                MemberStatus::Full if silent => full = full.saturating_add(1),
                MemberStatus::Candidate if silent => candidates = candidates.saturating_add(1),
                _ => {}
            }
        }
        (full, candidates)
    }

    /// A `member_admitted` or `membership_class_changed` naming a class the version in
    /// force does not declare, where it declares some ("one class of Members"):
    /// `unknown-class`, citing the article the declared classes share, if one.
    pub(super) fn check_class_declared(&self, out: &mut Out<'_>) {
        let event = out.event;
        let (person, org, class) = match &event.kind {
            EventKind::MemberAdmitted(b) => match &b.class {
                Some(class) => (&b.person, &b.org, class),
                None => return,
            },
            EventKind::MembershipClassChanged(b) => (&b.person, &b.org, &b.class),
            _ => return,
        };
        let Some(version) = self.version(org, &event.date) else {
            return;
        };
        // A statute that declares no class leaves the word to the record.
        if version.classes.is_empty() || version.class(class).is_some() {
            return;
        }
        let mut articles = version.classes.iter().map(|c| c.article.as_ref());
        let first = articles.next().flatten();
        let article = if articles.all(|a| a == first) {
            first
        } else {
            None
        };
        let declared = version
            .classes
            .iter()
            .map(|c| format!("`{}` ({})", c.id, c.name))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Rule::UnknownClass,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article)),
            vec![],
            format!(
                "{} is recorded a member of {} in the class `{class}`, which the statute in force does not declare; it declares {declared}",
                self.person(person),
                self.org_name(org)
            ),
        );
    }
}
