//! Hearings before disciplinary acts under `[version.trials] hearing` (`not-heard`):
//! an expulsion, suspension, removal or penalty the clause names, imposed on a person
//! the record does not show heard (`person_heard`) in the organization before it
//! (before the organ the clause names, where the hearing says which organ heard them).
//!
//! It reads only the organization's row, where the hearings are kept
//! (`OrgChange::Heard`), never another event.

use crate::date::Truth;
use crate::id::{OrgId, OrganRef, PersonId};
use crate::rows::OrgChange;
use crate::statute::{Cited, Hearable};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// An act on `person` in `org` that the statute's `hearing` names (`what` says it
    /// whole for the finding: "the expulsion of Bob from Catalyst"): a hearing of the
    /// person must precede it.
    pub(super) fn check_heard(
        &self,
        act: &Hearable,
        what: &str,
        org: &OrgId,
        person: &PersonId,
        out: &mut Out<'_>,
    ) {
        let date = out.event.date.clone();
        let Some(version) = self.version(org, &date) else {
            return;
        };
        let Some(Cited {
            rule: hearing,
            article,
        }) = version.trials.as_ref().and_then(|t| t.hearing.as_ref())
        else {
            return;
        };
        if !hearing.acts.contains(act) {
            return;
        }
        let before = hearing
            .before
            .as_ref()
            .map(|k| OrganRef::new(org.clone(), k.clone()));
        // The hearings of the person on the row: those before the act in date order.
        let heard: Vec<Option<OrganRef>> = self
            .history
            .org(org)
            .map(|row| row.facts)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|f| match f.change {
                OrgChange::Heard { person: p, by, .. } if &p == person => Some(by),
                _ => None,
            })
            .collect();
        // A hearing that does not say who heard counts: the record is silent on it.
        let lawful = heard
            .iter()
            .any(|by| before.is_none() || by.is_none() || by == &before);
        if lawful {
            return;
        }
        let who = self.person(person);
        let organ = before
            .as_ref()
            .map(|b| format!(" before {}", self.organ_name(b)))
            .unwrap_or_default();
        let elsewhere = if heard.is_empty() {
            String::new()
        } else {
            " (only before another organ)".to_owned()
        };
        out.push(
            Rule::NotHeard,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            vec![],
            format!(
                "{what} was not preceded by a hearing of {who}{organ}{elsewhere}; the statute requires one"
            ),
        );
    }
}
