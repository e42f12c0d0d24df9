//! Amending the statute, checked like any decision: the statute in force before an
//! amendment says who may amend it (`[version.amendment]`) and by what majority.

use crate::date::FuzzyDate;
use crate::date::Truth;
use crate::event::kinds::StatuteAdopted;
use crate::event::{Event, Outcome};
use crate::id::{OrgId, OrganRef};
use crate::statute::{AmendmentRule, Cited, LateAmendment, Version};

use super::super::cadence::sitting;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// A `statute_adopted` for an organization that already has a statute: the
    /// version in force the day before the amendment takes effect judges it.
    pub(super) fn check_amendment(
        &self,
        event: &Event,
        adopted: &StatuteAdopted,
        out: &mut Out<'_>,
    ) {
        let Ok(document) = crate::statute::read(&adopted.text) else {
            return;
        };
        let mut orgs: Vec<&OrgId> = document.versions.iter().map(|v| &v.org).collect();
        orgs.sort();
        orgs.dedup();
        for org in orgs {
            let Some(effective) = document
                .versions
                .iter()
                .filter(|v| &v.org == org)
                .map(|v| v.effective.earliest())
                .min()
            else {
                continue;
            };
            let day = effective.min(event.date.earliest()).pred();
            let Some(version) = self.book.in_force(org, day) else {
                continue; // the organization's first statute: nothing governs it
            };
            let Some(rule) = &version.amendment else {
                continue;
            };
            self.check_amendment_notice(version, rule, event, adopted, out);
            let citation = Citation::of(version, rule.article.as_ref());
            let competent: Vec<OrganRef> = rule
                .by
                .iter()
                .map(|k| OrganRef::new(org.clone(), k.clone()))
                .collect();
            let competent_names = competent
                .iter()
                .map(|o| self.organ_name(o))
                .collect::<Vec<_>>()
                .join(" or ");
            let decision = adopted
                .decision
                .as_ref()
                .and_then(|d| self.history.decision(d));
            let deciders: Vec<OrganRef> = match (&decision, &adopted.meeting) {
                (Some(d), _) => match &d.meeting {
                    Some(m) => self.meeting_organs(m),
                    None => d.organ.clone().into_iter().collect(),
                },
                (None, Some(m)) => self.meeting_organs(m),
                (None, None) => Vec::new(),
            };
            if deciders.is_empty() {
                out.push(
                    Rule::NoCompetentDecision,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(citation),
                    vec![],
                    format!(
                        "the statute of {} is amended without a recorded decision of {competent_names}, the competent organ",
                        self.org_name(org)
                    ),
                );
                continue;
            }
            if !deciders.iter().any(|o| competent.contains(o)) {
                let by = deciders
                    .iter()
                    .map(|o| self.organ_name(o))
                    .collect::<Vec<_>>()
                    .join(" and ");
                out.push(
                    Rule::NoCompetentDecision,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(citation),
                    vec![],
                    format!(
                        "the statute of {} is amended by {by}; the statute gives that to {competent_names}",
                        self.org_name(org)
                    ),
                );
                continue;
            }
            let Some(d) = decision else { continue };
            if d.outcome == Outcome::Defeated {
                out.push(
                    Rule::NoCompetentDecision,
                    Severity::Violation,
                    Truth::Definitely,
                    Some(citation),
                    vec![d.event.clone()],
                    format!(
                        "the statute of {} is amended on a motion that was defeated",
                        self.org_name(org)
                    ),
                );
            } else if let Some(organ) = deciders.iter().find(|o| competent.contains(o)) {
                // A late amendment's majority, where the record shows it received late;
                // else the majority's own article, where it names one ("may be passed
                // by a majority vote" may stand apart from who amends).
                let late = rule
                    .late
                    .as_ref()
                    .filter(|l| received_late(l, adopted, &self.adopted_on(adopted, event)));
                let chosen = match (late, &rule.majority) {
                    (Some(l), _) => Some((&l.majority, l.article.as_ref(), " (received late)")),
                    (None, Some(m)) => Some((&m.rule, m.article.as_ref(), "")),
                    (None, None) => None,
                };
                if let Some((majority, own, late)) = chosen {
                    let citation = match own {
                        Some(article) => Citation::of(version, Some(article)),
                        None => citation,
                    };
                    self.check_decision_majority(
                        &d,
                        organ,
                        majority,
                        &[],
                        citation,
                        &format!(
                            "the amendment of the statute of {}{late}",
                            self.org_name(org)
                        ),
                        out,
                    );
                }
            }
        }
    }

    /// A proposed amendment sent out (`proposed`) less than `notice` before the
    /// adopting meeting's first day (or, without a meeting, the event's day):
    /// `short-notice`, citing the notice's article, else the amendment's. Not judged
    /// where the record does not say when it was proposed.
    fn check_amendment_notice(
        &self,
        version: &Version,
        rule: &AmendmentRule,
        event: &Event,
        adopted: &StatuteAdopted,
        out: &mut Out<'_>,
    ) {
        let (
            Some(Cited {
                rule: least,
                article,
            }),
            Some(proposed),
        ) = (&rule.notice, &adopted.proposed)
        else {
            return;
        };
        let meeting = adopted.meeting.as_ref();
        let held = self.adopted_on(adopted, event);
        let first = sitting(&held);
        let certainty = if first.latest() < least.after(proposed.earliest()) {
            Truth::Definitely
        } else if first.earliest() < least.after(proposed.latest()) {
            Truth::Possibly
        } else {
            Truth::No
        };
        let place = meeting.map_or_else(
            || format!("on {held}"),
            |m| format!("at {} ({held})", self.meeting_name(m)),
        );
        out.push(
            Rule::ShortNotice,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, article.as_ref().or(rule.article.as_ref()))),
            vec![],
            format!(
                "the amendment was proposed on {proposed} and adopted {place}: less than the {least} of notice the statute requires"
            ),
        );
    }

    /// When the amendment was adopted: its meeting's sitting, else the event's date.
    fn adopted_on(&self, adopted: &StatuteAdopted, event: &Event) -> FuzzyDate {
        adopted
            .meeting
            .as_ref()
            .and_then(|m| self.history.meeting(m))
            .and_then(|m| m.held.map(|(date, _)| date))
            .unwrap_or_else(|| event.date.clone())
    }
}

/// Whether the record shows the amendment surely received less than `late.within`
/// before the adopting meeting's first day (where it is open, the ordinary majority
/// judges it).
fn received_late(late: &LateAmendment, adopted: &StatuteAdopted, held: &FuzzyDate) -> bool {
    adopted
        .received
        .as_ref()
        .is_some_and(|r| sitting(held).latest() < late.within.after(r.earliest()))
}
