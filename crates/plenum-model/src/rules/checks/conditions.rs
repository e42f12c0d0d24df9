//! What the record must show before a person becomes a full member
//! (`membership.conditions`: `conditions-unmet`), and when a resignation takes effect
//! (`membership.resignation`: `resignation-delayed`).
//!
//! Both judge the record, not the world: plenum cannot see a payment or a signed
//! agreement, only the register's word that it was made (`conditions_met`), and a
//! resignation's notice only where the record dates it (`notice_given`). Where the
//! record is silent, nothing is judged.

use crate::date::Truth;
use crate::event::{EventKind, Status};
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A person becoming a full member (`member_admitted` as a full member, or
    /// `member_promoted`) whose record lists the conditions met without one the
    /// statute requires.
    pub(super) fn check_conditions(&self, out: &mut Out<'_>) {
        let event = out.event;
        let (person, org, met, became) = match &event.kind {
            EventKind::MemberAdmitted(b) if b.status == Status::Full => (
                &b.person,
                &b.org,
                &b.conditions_met,
                "was admitted as a full member of",
            ),
            EventKind::MemberPromoted(b) => (
                &b.person,
                &b.org,
                &b.conditions_met,
                "became a full member of",
            ),
            _ => return,
        };
        // The record silent on the conditions: not judged.
        let Some(met) = met else {
            return;
        };
        let Some(version) = self.version(org, &event.date) else {
            return;
        };
        let Some(Cited {
            rule: conditions,
            article,
        }) = &version.admission.conditions
        else {
            return;
        };
        let missing: Vec<&str> = conditions
            .required
            .iter()
            .filter(|c| !met.iter().any(|m| m.trim() == c.as_str()))
            .map(String::as_str)
            .collect();
        if missing.is_empty() {
            return;
        }
        let shown = if met.is_empty() {
            "none".to_owned()
        } else {
            met.join(", ")
        };
        out.push(
            Rule::ConditionsUnmet,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{} {became} {}, but the record shows met only: {shown}; the statute also requires {}",
                self.person(person),
                self.org_name(org),
                missing.join(", ")
            ),
        );
    }

    /// A resignation (`member_resigned`) that took effect after the day its notice
    /// was given, where the statute makes it effective on notice.
    pub(super) fn check_resignation(&self, out: &mut Out<'_>) {
        let event = out.event;
        let EventKind::MemberResigned(b) = &event.kind else {
            return;
        };
        let Some(notice) = &b.notice_given else {
            return;
        };
        let Some(version) = self.version(&b.org, &event.date) else {
            return;
        };
        let Some(Cited { article, .. }) = &version.admission.resignation else {
            return;
        };
        let certainty = match notice.before(&event.date) {
            Truth::No => return,
            later => later,
        };
        out.push(
            Rule::ResignationDelayed,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{} gave notice of resignation from {} on {notice}, but the resignation is recorded as taking effect on {}; the statute makes it effective on notice",
                self.person(&b.person),
                self.org_name(&b.org),
                event.date
            ),
        );
    }
}
