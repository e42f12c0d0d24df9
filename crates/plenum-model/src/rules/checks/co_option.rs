//! The vacancies an organ may not fill on another (or on itself) between elections
//! (`co_option = { except = ["removed"] }`: "Except for a vacancy created by the
//! removal of a director"): a `seat_taken` by the organ `elected_by.vacancies` names,
//! not by the electing organ, that names the seat it fills (`vacancy_of`), where
//! that person's last seat on the organ ended in a way `except` names, is
//! `wrong-elector` citing `co_option`. A seat taken naming no vacancy is not judged.
//! It reads only the seats of the person named.

use crate::date::Truth;
use crate::id::{OrganRef, PersonId};
use crate::statute::{Cited, Elector};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    pub(super) fn check_co_option(
        &self,
        organ: &OrganRef,
        vacated: &PersonId,
        electors: &[OrganRef],
        out: &mut Out<'_>,
    ) {
        let Some(version) = self.version(&organ.org, &out.event.date) else {
            return;
        };
        let Some(def) = version.organ(&organ.key) else {
            return;
        };
        let (
            Some(Cited {
                rule: co_option,
                article,
            }),
            Some(filler),
        ) = (def.co_option.as_ref(), def.vacancies_by.as_ref())
        else {
            return;
        };
        let ours =
            |key: &crate::id::Key| electors.iter().any(|o| &o.key == key && o.org == organ.org);
        let elector = def.elected_by.as_ref().and_then(|e| match &e.rule {
            Elector::Organ(k) => Some(k.clone()),
            _ => None,
        });
        // Filled by the organ that fills vacancies, and not by the one that elects.
        if !ours(filler) || elector.as_ref().is_some_and(&ours) {
            return;
        }
        let Some(ended) = self
            .history
            .seats_of(vacated)
            .into_iter()
            .filter(|s| &s.organ == organ && s.end_pos.is_some())
            .max_by_key(|s| s.end_pos)
        else {
            return;
        };
        let Some(cause) = ended.end_cause.filter(|c| co_option.except.contains(c)) else {
            return;
        };
        let filler_name = self.organ_name(&OrganRef::new(organ.org.clone(), filler.clone()));
        let elector_name = elector.map_or_else(
            || "the electing organ".to_owned(),
            |k| self.organ_name(&OrganRef::new(organ.org.clone(), k)),
        );
        out.push(
            Rule::WrongElector,
            Severity::Violation,
            Truth::Definitely,
            Some(Citation::of(version, article.as_ref())),
            ended.end_event.into_iter().collect(),
            format!(
                "the seat on {} left by {} ({}) was filled by {filler_name}; a vacancy left that way is filled by {elector_name} only",
                self.organ_name(organ),
                self.person(vacated),
                cause.as_str(),
            ),
        );
    }
}
