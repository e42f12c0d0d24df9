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

impl Ctx<'_, '_> {
    /// `co_option.until`: at a meeting of `organ`, a seat on it co-opted (`seat_taken`
    /// with `cause = "co-opted"`) before a meeting of the `until` organ (of its kind)
    /// that was held after the co-option and before this meeting, and still held from
    /// that co-option, outlasted its term: `term-expired` citing `co_option`. Seats
    /// renewed since (a re-election opens a new seat) are not found. It reads only the
    /// organization's row, the seats of the persons co-opted and the `until` organ's
    /// meetings held.
    pub(super) fn check_co_opted_terms(&self, organ: &OrganRef, out: &mut Out<'_>) {
        let held = out.event.date.clone();
        let Some(version) = self.version(&organ.org, &held) else {
            return;
        };
        let Some(Cited {
            rule: co_option,
            article,
        }) = version.organ(&organ.key).and_then(|d| d.co_option.as_ref())
        else {
            return;
        };
        let Some(until) = &co_option.until else {
            return;
        };
        let co_opted: Vec<(crate::date::FuzzyDate, PersonId, crate::id::EventId)> = self
            .history
            .org(&organ.org)
            .map(|row| row.facts)
            .unwrap_or_default()
            .into_iter()
            .filter_map(|f| match f.change {
                crate::rows::OrgChange::CoOpted {
                    date,
                    person,
                    organ: o,
                    event,
                } if &o == organ => Some((date, person, event)),
                _ => None,
            })
            .collect();
        if co_opted.is_empty() {
            return;
        }
        let meeting_organ = OrganRef::new(organ.org.clone(), until.organ.clone());
        let meetings: Vec<crate::rows::HeldRow> = self
            .history
            .held_meetings(&meeting_organ)
            .into_iter()
            .filter(|m| {
                until.category.as_deref().is_none_or(|c| {
                    self.history
                        .meeting(&m.meeting)
                        .and_then(|s| s.category)
                        .as_deref()
                        == Some(c)
                })
            })
            .collect();
        for (date, person, event) in co_opted {
            let still = self
                .history
                .open_seats_of(&person)
                .into_iter()
                .any(|s| &s.organ == organ && s.start_event == event);
            if !still {
                continue;
            }
            // The first such meeting held after the co-option and before this one.
            let Some(ended) = meetings
                .iter()
                .filter(|m| date.before(&m.date) == Truth::Definitely)
                .filter(|m| m.date.before(&held) == Truth::Definitely)
                .min_by_key(|m| m.pos)
            else {
                continue;
            };
            let kind = until
                .category
                .as_ref()
                .map_or_else(String::new, |c| format!("{c} "));
            out.push(
                Rule::TermExpired,
                Severity::Violation,
                Truth::Definitely,
                Some(Citation::of(version, article.as_ref())),
                vec![event.clone(), ended.event.clone()],
                format!(
                    "{}, co-opted to {} on {date}, still sits on it on {held}, after the {kind}meeting of {} on {}; a seat filled by co-option lasts until the next {kind}meeting of {}",
                    self.person(&person),
                    self.organ_name(organ),
                    self.organ_name(&meeting_organ),
                    ended.date,
                    self.organ_name(&meeting_organ),
                ),
            );
        }
    }
}
