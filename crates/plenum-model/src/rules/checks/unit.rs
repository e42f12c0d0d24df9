//! A member's unit (`membership.unit`: "every Party member ... must join a branch,
//! group, or other given unit of the Party"), `unit-missing`:
//!
//! - a member placed in a unit (`member_admitted`'s `unit`, `member_transferred`)
//!   that is not, on the day, an organization of the clause's categories under the
//!   organization, founded and not yet dissolved (possibly, where a fuzzy founding or
//!   dissolution may fall on either side of the placement);
//! - a unit dissolved (`organization_dissolved`) while it is still the unit of a
//!   member: each such member is "left without a unit". The rules read the history
//!   before the dissolution, so a transfer counts only if it is dated before the
//!   dissolution, or on its day and recorded before it; a transfer dated after it does
//!   not cure the day of the dissolution (the finding stands, and the later transfer,
//!   to an existing unit, is no finding). Possibly, where the dissolution's date is
//!   fuzzy (a transfer the record dates within it may have come first) or the last
//!   transfer out may fall after it.
//!
//! The record silent (an admission with no unit, a member never placed) is not
//! judged: unknown, not a breach. A readmission that names no unit ends the unit of
//! the earlier membership (`ledger/apply.rs` records the unit as unknown).
//! A `member_transferred` of a person the record does not show a member of the
//! organization on its day is `not-held` (a warning, whatever the statute).

use crate::date::{FuzzyDate, Truth};
use crate::event::EventKind;
use crate::event::kinds::OrganizationDissolved;
use crate::id::OrgId;
use crate::rows::UnitPlacement;
use crate::statute::{Cited, MemberUnit, Version};

use super::super::{Citation, Rule, Severity};
use super::{Ctx, Out};

impl Ctx<'_, '_> {
    /// `unit-missing` for a placement in a unit, and `not-held` for a transfer of a
    /// person who is not a member.
    pub(super) fn check_unit(&self, out: &mut Out<'_>) {
        let event = out.event;
        let (person, org, unit) = match &event.kind {
            EventKind::MemberAdmitted(b) => match &b.unit {
                Some(unit) => (&b.person, &b.org, unit),
                None => return,
            },
            EventKind::MemberTransferred(b) => {
                if self.history.membership(&b.person, &b.org).is_none() {
                    out.push(
                        Rule::NotHeld,
                        Severity::Warning,
                        Truth::Definitely,
                        None,
                        vec![],
                        format!(
                            "{} is transferred to {}, but the record does not show them a member of {} on {}",
                            self.person(&b.person),
                            self.org_name(&b.unit),
                            self.org_name(&b.org),
                            event.date
                        ),
                    );
                }
                (&b.person, &b.org, &b.unit)
            }
            _ => return,
        };
        let Some((version, clause)) = self.unit_clause(org, &event.date) else {
            return;
        };
        let Some((certainty, why)) = self.not_a_unit(org, unit, &clause.rule, &event.date) else {
            return;
        };
        out.push(
            Rule::UnitMissing,
            Severity::Violation,
            certainty,
            Some(Citation::of(version, clause.article.as_ref())),
            vec![],
            format!(
                "{} is placed in {} as their unit in {}, but {why}; the statute's unit is {} under {}",
                self.person(person),
                self.org_name(unit),
                self.org_name(org),
                clause.rule.words(),
                self.org_name(org)
            ),
        );
    }

    /// `unit-missing` for each member of an organization above the dissolved one
    /// whose unit it still was on the day.
    pub(super) fn check_unit_dissolved(&self, b: &OrganizationDissolved, out: &mut Out<'_>) {
        let date = out.event.date.clone();
        for org in self.book.ancestors(&b.org) {
            let Some((version, clause)) = self.unit_clause(&org, &date) else {
                continue;
            };
            let Some(row) = self.history.org(&org) else {
                continue;
            };
            // Each member ever placed in the dissolved unit, with all their placements
            // (one pass over the row's facts).
            for (person, placements) in row.units_by_member() {
                if !placements.iter().any(|p| p.unit.as_ref() == Some(&b.org)) {
                    continue;
                }
                // Members only: one whose membership ended is in no unit.
                if self.history.membership(person, &org).is_none() {
                    continue;
                }
                let Some(certainty) = left_in(&placements, &b.org, &date) else {
                    continue;
                };
                let last = placements
                    .iter()
                    .rev()
                    .find(|p| p.unit.as_ref() == Some(&b.org));
                out.push(
                    Rule::UnitMissing,
                    Severity::Violation,
                    certainty,
                    Some(Citation::of(version, clause.article.as_ref())),
                    last.map(|p| p.event.clone()).into_iter().collect(),
                    format!(
                        "{} is dissolved on {date} while it is the unit of {} in {}, who is left without a unit: the record transfers them nowhere on or before that day",
                        self.org_name(&b.org),
                        self.person(person),
                        self.org_name(&org)
                    ),
                );
            }
        }
    }

    /// The version in force for `org` on `date` and its `membership.unit`, if it has one.
    fn unit_clause(&self, org: &OrgId, date: &FuzzyDate) -> Option<(&Version, &Cited<MemberUnit>)> {
        let version = self.version(org, date)?;
        let clause = version.admission.unit.as_ref()?;
        Some((version, clause))
    }

    /// Why `unit` is not a unit of `org` on `date`, and how certainly; `None` where it
    /// is one, or where the record cannot say (no founding recorded).
    fn not_a_unit(
        &self,
        org: &OrgId,
        unit: &OrgId,
        clause: &MemberUnit,
        date: &FuzzyDate,
    ) -> Option<(Truth, String)> {
        if !self.book.ancestors(unit).contains(org) {
            return Some((
                Truth::Definitely,
                format!("it is not under {}", self.org_name(org)),
            ));
        }
        match self.book.category(unit) {
            Some(c) if clause.categories.iter().any(|k| k == c) => {}
            Some(c) => {
                return Some((Truth::Definitely, format!("it is a `{c}` organization")));
            }
            // The record does not say what it is: it may be a unit, or not.
            None => {
                return Some((
                    Truth::Possibly,
                    "the record gives it no category".to_owned(),
                ));
            }
        }
        let row = self.history.org(unit)?;
        let span = row.span?;
        let how = row.ended_how.as_deref().unwrap_or("dissolved");
        let founded_after = date.before(&span.start);
        if founded_after == Truth::Definitely {
            return Some((
                Truth::Definitely,
                format!("it was founded only on {}", span.start),
            ));
        }
        if let Some(end) = &span.end {
            let ended = end.on_or_before(date);
            if ended.is_possible() {
                return Some((ended, format!("it was {how} on {end}")));
            }
        }
        if founded_after == Truth::Possibly {
            return Some((
                Truth::Possibly,
                format!(
                    "it may have been founded only after that day ({})",
                    span.start
                ),
            ));
        }
        None
    }
}

/// Whether a member whose placements (in date order, all recorded before the
/// dissolution in date order) are `placements` is still in `unit` when it is
/// dissolved on `date`: definitely where their last placement is there and the
/// dissolution is one exact day (not marked uncertain); possibly where its date is fuzzy, or where the last
/// placement elsewhere may fall after it and the last one surely before is there.
fn left_in(placements: &[UnitPlacement], unit: &OrgId, date: &FuzzyDate) -> Option<Truth> {
    let last = placements.last()?;
    if last.unit.as_ref() == Some(unit) {
        return Some(if date.is_exact() {
            Truth::Definitely
        } else {
            Truth::Possibly
        });
    }
    // By the bounds alone, uncertain or not: the finding is only possible anyway.
    let surely_before = placements
        .iter()
        .rev()
        .find(|p| p.date.latest() <= date.earliest())?;
    (surely_before.unit.as_ref() == Some(unit)).then_some(Truth::Possibly)
}
