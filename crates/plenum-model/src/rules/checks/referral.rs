//! An expulsion the statute gives its deciding organs only on another organ's
//! referral (`referral` on the discipline rule): the `member_expelled` must cite
//! (`referral`) a carried decision of that organ, and the decision on the act (its
//! `decision`) must come no sooner than `at_least` after it. A missing, defeated or
//! wrong organ's referral is `no-competent-decision`; a decision too soon after it is
//! `short-notice` (three-valued with fuzzy dates); both cite the rule. It reads only
//! the two decisions the act cites.

use crate::date::Truth;
use crate::event::Outcome;
use crate::event::kinds::MemberExpelled;
use crate::id::EventId;
use crate::id::OrganRef;
use crate::rows::DecisionRow;
use crate::statute::{Act, Referral};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// Judges an expulsion's referral against the rules for expulsions that concern
    /// the person and require one.
    pub(super) fn check_referral(&self, b: &MemberExpelled, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let rules = version.discipline(Act::Expulsion, None);
        let rules = self.rules_concerning(rules, &b.org, &b.person, &date);
        let Some((rule, referral)) = rules
            .iter()
            .find_map(|r| r.referral.as_ref().map(|f| (*r, f)))
        else {
            return;
        };
        // Only a decision of the rule's own organs needs the referral: a missing or
        // incompetent decision is found already (`check_discipline`).
        let Some(decided) = b.decision.as_ref().and_then(|d| self.history.decision(d)) else {
            return;
        };
        let deciders: Vec<OrganRef> = match &decided.meeting {
            Some(m) => self.meeting_organs(m),
            None => decided.organ.clone().into_iter().collect(),
        };
        if !deciders
            .iter()
            .any(|o| o.org == b.org && rule.by.contains(&o.key))
        {
            return;
        }
        let citation = Citation::of(version, rule.article.as_ref());
        let referring = OrganRef::new(b.org.clone(), referral.by.clone());
        let who = self.person(&b.person);
        let by = self.organ_name(&referring);
        let mut push = |rule: Rule, certainty: Truth, events, message: String| {
            let severity = Severity::Violation;
            out.push(
                rule,
                severity,
                certainty,
                Some(citation.clone()),
                events,
                message,
            );
        };
        let Some(referral_id) = &b.referral else {
            push(
                Rule::NoCompetentDecision,
                Truth::Definitely,
                vec![],
                format!(
                    "the expulsion of {who} cites no referral; the statute gives it to its organs only on the referral of {by}"
                ),
            );
            return;
        };
        let Some(referred) = self.history.decision(referral_id) else {
            return;
        };
        let deciders: Vec<OrganRef> = match &referred.meeting {
            Some(m) => self.meeting_organs(m),
            None => referred.organ.clone().into_iter().collect(),
        };
        if !deciders.is_empty() && !deciders.contains(&referring) {
            let names = deciders
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" and ");
            push(
                Rule::NoCompetentDecision,
                Truth::Definitely,
                vec![referral_id.clone()],
                format!(
                    "the expulsion of {who} was referred by {names}; the statute gives the referral to {by}"
                ),
            );
            return;
        }
        if referred.outcome == Outcome::Defeated {
            push(
                Rule::NoCompetentDecision,
                Truth::Definitely,
                vec![referral_id.clone()],
                format!("the expulsion of {who} rests on a referral by {by} that was defeated"),
            );
            return;
        }
        Self::check_referral_delay(
            referral,
            (referral_id, &referred),
            (b.decision.as_ref(), &decided),
            (&who, &by),
            &mut push,
        );
    }

    /// The decision on the act no sooner than `at_least` after the referral.
    fn check_referral_delay(
        referral: &Referral,
        (referral_id, referred): (&EventId, &DecisionRow),
        (decision_id, decided): (Option<&EventId>, &DecisionRow),
        (who, by): (&str, &str),
        push: &mut impl FnMut(Rule, Truth, Vec<EventId>, String),
    ) {
        let (Some(least), Some(decision_id)) = (referral.at_least, decision_id) else {
            return;
        };
        // Surely too soon: even the latest decision day is before the earliest day
        // the period can have ended; possibly, if before the latest.
        let certainty = if decided.date.latest() < least.after(referred.date.earliest()) {
            Truth::Definitely
        } else if decided.date.earliest() < least.after(referred.date.latest()) {
            Truth::Possibly
        } else {
            return;
        };
        push(
            Rule::ShortNotice,
            certainty,
            vec![referral_id.clone(), decision_id.clone()],
            format!(
                "the expulsion of {who} was decided {}, less than {least} after {by} referred it ({})",
                decided.date, referred.date
            ),
        );
    }
}
