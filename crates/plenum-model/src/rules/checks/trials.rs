//! Charges and trials under the statute's judicial procedure (`[version.trials]`):
//! charges filed by someone the statute does not let file them (`wrong-accuser`),
//! a trial held by an organ the statute does not give trials to (`wrong-trial-body`),
//! a decision rendered later after the trial than the statute allows
//! (`decision-late`, three-valued with fuzzy dates), and an expulsion or
//! suspension that cites no trial where the statute requires one (`no-trial`), and
//! charges filed on a ground the statute does not list (`wrong-grounds`).

use crate::date::Truth;
use crate::event::kinds::{ChargesFiled, PersonTried};
use crate::id::{EventId, OrgId, PersonId};
use crate::statute::{Act, Cited, Filer, Ground};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// An expulsion or suspension without a `trial` where `[version.trials]
    /// required_for` names the act: the record must tie it to the trial.
    pub(super) fn check_trial_required(
        &self,
        act: Act,
        org: &OrgId,
        person: &PersonId,
        trial: Option<&EventId>,
        out: &mut Out<'_>,
    ) {
        if trial.is_some() {
            return;
        }
        let date = out.event.date.clone();
        let Some(version) = self.version(org, &date) else {
            return;
        };
        let Some(Cited {
            rule: acts,
            article,
        }) = version
            .trials
            .as_ref()
            .and_then(|t| t.required_for.as_ref())
        else {
            return;
        };
        if !acts.contains(&act) {
            return;
        }
        out.push(
            Rule::NoTrial,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "the {} of {} from {} cites no trial; the statute imposes it only after one",
                act.as_str(),
                self.person(person),
                self.org_name(org)
            ),
        );
    }

    /// `charges_filed`: the charging party must be one the statute lets file charges
    /// (a member, or a full member, not suspended), judged where the organization
    /// keeps a register; a person the register never mentions is of unknown standing.
    /// Its grounds must be among those the statute lists (`grounds.only`).
    pub(super) fn check_charges(&self, b: &ChargesFiled, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let Some(trials) = &version.trials else {
            return;
        };
        if let Some(Cited {
            rule: grounds,
            article,
        }) = &trials.grounds
        {
            self.check_grounds(b, grounds, Citation::of(version, article.as_ref()), out);
        }
        let Some(Cited {
            rule: filer,
            article,
        }) = &trials.filed_by
        else {
            return;
        };
        if !self.history.keeps_register(&b.org) {
            return;
        }
        let full = *filer == Filer::FullMember;
        let Some(problem) = self.membership_problem(&b.by_person, &b.org, full) else {
            return;
        };
        out.push(
            Rule::WrongAccuser,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "charges against {} in {} were filed by {}, who {problem}; the statute lets only {} file charges",
                self.person(&b.person),
                self.org_name(&b.org),
                self.person(&b.by_person),
                if full { "a full member" } else { "a member" },
            ),
        );
    }

    /// Charges resting on a ground the statute does not list (`wrong-grounds`), one
    /// finding naming every such ground; charges that state no grounds are not judged.
    fn check_grounds(
        &self,
        b: &ChargesFiled,
        listed: &[Ground],
        citation: Citation,
        out: &mut Out<'_>,
    ) {
        let unlisted: Vec<&str> = b
            .grounds
            .iter()
            .map(|g| g.trim())
            .filter(|g| !listed.iter().any(|l| l.as_str() == *g))
            .collect();
        if unlisted.is_empty() {
            return;
        }
        let quoted = unlisted
            .iter()
            .map(|g| format!("\"{g}\""))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Rule::WrongGrounds,
            Severity::Violation,
            Truth::Definitely,
            Some(citation),
            vec![],
            format!(
                "charges against {} in {} were filed on {} {quoted}; the statute lets charges be filed on the {} grounds it lists and no other",
                self.person(&b.person),
                self.org_name(&b.org),
                if unlisted.len() == 1 { "the ground" } else { "the grounds" },
                listed.len(),
            ),
        );
    }

    /// `person_tried` with a trial body (`by`): the body must be one `tried_by`
    /// names, and the decision (`decided`) must come within `decision.within` of the
    /// trial's end (the event's date). A trial without `by` is not the statute's.
    pub(super) fn check_trial(&self, b: &PersonTried, out: &mut Out<'_>) {
        let Some(body) = &b.by else { return };
        let date = out.event.date.clone();
        let Some(version) = self.version(&body.org, &date) else {
            return;
        };
        let Some(trials) = &version.trials else {
            return;
        };
        let who = self.person(&b.person);
        if let Some(Cited {
            rule: organs,
            article,
        }) = &trials.tried_by
            && !organs.contains(&body.key)
        {
            let competent = organs
                .iter()
                .map(|k| self.organ_name(&crate::id::OrganRef::new(body.org.clone(), k.clone())))
                .collect::<Vec<_>>()
                .join(" or ");
            out.push(
                Rule::WrongTrialBody,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "{who} was tried by {}; the statute gives trials to {competent}",
                    self.organ_name(body)
                ),
            );
        }
        if let (
            Some(Cited {
                rule: within,
                article,
            }),
            Some(decided),
        ) = (&trials.decision_within, &b.decided)
        {
            // Late if even the earliest deadline (from the trial's latest day) is
            // passed by the decision's earliest day; possibly, where the dates overlap.
            let latest_deadline = within.after(date.latest());
            let earliest_deadline = within.after(date.earliest());
            let certainty = if decided.earliest() > latest_deadline {
                Truth::Definitely
            } else if decided.latest() > earliest_deadline {
                Truth::Possibly
            } else {
                Truth::No
            };
            out.push(
                Rule::DecisionLate,
                Severity::Violation,
                certainty,
                Some(Citation::of(version, article.as_ref())),
                vec![],
                format!(
                    "the trial of {who} by {} ended on {date} and its decision was rendered on {decided}; the statute requires the decision within {within} of the trial (by {latest_deadline})",
                    self.organ_name(body)
                ),
            );
        }
    }
}
