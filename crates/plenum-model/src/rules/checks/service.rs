//! The service of charges on the accused under `[version.trials]` (`service-late`):
//! a copy served (`charges_served`) later after the charges were filed than
//! `serve.within` allows, and a trial (`person_tried` with `by` and `filed`) held
//! sooner after the first copy served than `served_before_trial`, or with no copy
//! served before it at all. Three-valued with fuzzy dates.
//!
//! It reads only the organization's row, where the charges and their service are
//! kept (`OrgChange::Charged`, `OrgChange::Served`), never another event.

use crate::date::{Day, FuzzyDate, Truth};
use crate::event::kinds::{ChargesServed, PersonTried};
use crate::id::{EventId, OrgId};
use crate::rows::OrgChange;
use crate::statute::Cited;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

/// Whether a deadline (between two days, for fuzzy dates) is passed by something
/// done on `done`: definitely when even its earliest day is after the latest
/// deadline, possibly when its latest day is after the earliest one.
fn late(done: &FuzzyDate, earliest_deadline: Day, latest_deadline: Day) -> Truth {
    if done.earliest() > latest_deadline {
        Truth::Definitely
    } else if done.latest() > earliest_deadline {
        Truth::Possibly
    } else {
        Truth::No
    }
}

impl Ctx<'_, '_> {
    /// The date the charges `charges` were filed in `org`, as its row keeps it.
    fn charges_date(&self, org: &OrgId, charges: &EventId) -> Option<FuzzyDate> {
        self.history
            .org(org)?
            .facts
            .into_iter()
            .find_map(|f| match f.change {
                OrgChange::Charged { date, event, .. } if &event == charges => Some(date),
                _ => None,
            })
    }

    /// The dates copies of `charges` were served in `org`, as its row keeps them.
    fn service_dates(&self, org: &OrgId, charges: &EventId) -> Vec<(FuzzyDate, EventId)> {
        let Some(row) = self.history.org(org) else {
            return Vec::new();
        };
        row.facts
            .into_iter()
            .filter_map(|f| match f.change {
                OrgChange::Served {
                    date,
                    charges: served,
                    event,
                } if &served == charges => Some((date, event)),
                _ => None,
            })
            .collect()
    }

    /// `charges_served`: the copy must come within `serve.within` of the charges.
    pub(super) fn check_service(&self, b: &ChargesServed, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        let Some(version) = self.version(&b.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: within,
            article,
        }) = version
            .trials
            .as_ref()
            .and_then(|t| t.serve_within.as_ref())
        else {
            return;
        };
        // Charges recorded in another organization, or dated after the copy, are not
        // on this row before it: nothing to count from.
        let Some(filed) = self.charges_date(&b.org, &b.charges) else {
            return;
        };
        let latest_deadline = within.after(filed.latest());
        let certainty = late(&date, within.after(filed.earliest()), latest_deadline);
        out.push(
            Rule::ServiceLate,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, article.as_ref())),
            vec![b.charges.clone()],
            format!(
                "a copy of the charges filed against {} on {filed} was served on {date}; the statute requires it within {within} of their filing (by {latest_deadline})",
                self.person(&b.person)
            ),
        );
    }

    /// `person_tried` under the procedure (`by`, `filed`): a copy of the charges must
    /// have been served at least `served_before_trial` before the trial's first day.
    pub(super) fn check_served_before_trial(&self, b: &PersonTried, out: &mut Out<'_>) {
        let (Some(body), Some(charges)) = (&b.by, &b.filed) else {
            return;
        };
        let date = out.event.date.clone();
        let Some(version) = self.version(&body.org, &date) else {
            return;
        };
        let Some(Cited {
            rule: at_least,
            article,
        }) = version
            .trials
            .as_ref()
            .and_then(|t| t.served_before_trial.as_ref())
        else {
            return;
        };
        let citation = Citation::of(version, article.as_ref());
        let who = self.person(&b.person);
        // The first copy served counts.
        let served = self.service_dates(&body.org, charges);
        let first = served.iter().min_by_key(|(d, _)| d.earliest());
        let Some((served_on, served_by)) = first else {
            out.push(
                Rule::ServiceLate,
                Severity::Violation,
                Truth::Definitely,
                Some(citation),
                vec![charges.clone()],
                format!(
                    "{who} was tried by {} on {date}, but the record shows no copy of the charges served on them; the statute requires one at least {at_least} before the trial",
                    self.organ_name(body)
                ),
            );
            return;
        };
        // Late if the copy came after the last day that leaves `at_least` before the
        // trial's first day (a trial dated by its days began on the first).
        let began = super::super::cadence::sitting(&date);
        let certainty = late(
            served_on,
            at_least.before(began.earliest()),
            at_least.before(began.latest()),
        );
        out.push(
            Rule::ServiceLate,
            Severity::Violation,
            certainty,
            Some(citation),
            vec![served_by.clone()],
            format!(
                "a copy of the charges against {who} was served on {served_on} and the trial by {} was held on {date}; the statute requires the copy at least {at_least} before the trial",
                self.organ_name(body)
            ),
        );
    }
}
