//! A bar from office (a penalty with `effect = "barred-from-office"`): a person
//! barred, elected or appointed to a seat or post of the organization before the
//! bar ends (its `until`, or the penalty's `longest`, or never), is
//! `ineligible-holder`. The bar is kept on the membership rows, so a person the
//! register never mentions is of unknown standing, as ever.

use crate::date::{FuzzyDate, Truth};
use crate::id::{OrgId, PersonId};
use crate::rows::Bar;
use crate::statute::Version;

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// Each bar of the person in force on the event's day.
    pub(super) fn check_bars(
        &self,
        org: &OrgId,
        person: &PersonId,
        what: &str,
        version: &Version,
        out: &mut Out<'_>,
    ) {
        let Some(latest) = self.history.memberships_of(person, org).pop() else {
            return;
        };
        let date = out.event.date.clone();
        for bar in &latest.bars {
            let Some((certainty, ends)) = self.bar_in_force(org, bar, &date) else {
                continue;
            };
            // The penalty as the version that imposed it declares it (for its name
            // and article); failing that, as the one in force now.
            let imposed = self.version(org, &bar.since).unwrap_or(version);
            let penalty = imposed.penalty(&bar.penalty);
            let name = penalty.map_or_else(|| bar.penalty.to_string(), |p| p.name.clone());
            out.push(
                Rule::IneligibleHolder,
                Severity::Violation,
                certainty,
                Some(Citation::of(
                    imposed,
                    penalty.and_then(|p| p.article.as_ref()),
                )),
                vec![bar.event.clone()],
                format!(
                    "{} takes {what} but is barred from office by the {name} of {}{ends}",
                    self.person(person),
                    bar.since
                ),
            );
        }
    }

    /// Whether a bar is in force on `date`, and the words for when it ends.
    fn bar_in_force(&self, org: &OrgId, bar: &Bar, date: &FuzzyDate) -> Option<(Truth, String)> {
        if date.latest() < bar.since.earliest() {
            return None;
        }
        let longest = self
            .version(org, &bar.since)
            .and_then(|v| v.penalty(&bar.penalty))
            .and_then(|p| p.longest);
        // The last day barred, at the earliest and at the latest.
        let (first_free, last_free, words) = match (&bar.until, longest) {
            (Some(until), _) => (until.earliest(), until.latest(), format!(", until {until}")),
            (None, Some(longest)) => (
                longest.after(bar.since.earliest()),
                longest.after(bar.since.latest()),
                format!(", for {longest}"),
            ),
            (None, None) => return Some((Truth::Definitely, String::new())),
        };
        if date.latest() < first_free {
            Some((Truth::Definitely, words))
        } else if date.earliest() < last_free {
            Some((Truth::Possibly, words))
        } else {
            None
        }
    }
}
