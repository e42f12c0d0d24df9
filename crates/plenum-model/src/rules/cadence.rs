//! The rule that needs a date rather than an event: organs overdue for a meeting.

use crate::date::{Day, FuzzyDate, Truth};
use crate::id::{EntityKind, OrgId, OrganRef};
use crate::phrase::{Phrase, name};
use crate::rows::{HeldRow, OrgRow};
use crate::statute::{Cited, StatuteBook};

use super::{Citation, Finding, Rule, Severity};

/// The meetings an organ has held, as [`overdue`] reads them.
#[derive(Clone, Debug)]
pub struct Held {
    /// The organ.
    pub organ: OrganRef,
    /// Its meetings.
    pub meetings: Vec<HeldRow>,
}

/// The day from which the cadence rule of `organ` in force on `day` has been in
/// force without a break (through versions that repeat it unchanged), if the
/// statute in force on `day` sets one.
pub(crate) fn in_force_since(book: &StatuteBook, organ: &OrganRef, day: Day) -> Option<Day> {
    let versions = book.versions_of(&organ.org);
    let current = versions
        .iter()
        .rposition(|v| v.effective.earliest() <= day)?;
    let rule = versions[current].organ(&organ.key)?.meets.as_ref()?.rule;
    let mut since = versions[current].effective.earliest();
    for version in versions[..current].iter().rev() {
        let same = version
            .organ(&organ.key)
            .and_then(|d| d.meets.as_ref())
            .is_some_and(|m| m.rule == rule);
        if !same {
            break;
        }
        since = version.effective.earliest();
    }
    Some(since)
}

/// Organs that, as of `day`, have gone longer than their statute's cadence
/// without a meeting since the last one recorded, or since the cadence came
/// into force if that is later.
///
/// Only organs with at least one recorded meeting are judged (an organ the
/// record never shows meeting says more about the record than the organ),
/// and only while their organization exists.
pub fn overdue(
    book: &StatuteBook,
    held: &[Held],
    org_row: impl Fn(&OrgId) -> Option<OrgRow>,
    day: Day,
) -> Vec<Finding> {
    let mut held: Vec<&Held> = held.iter().collect();
    held.sort_by(|a, b| a.organ.cmp(&b.organ));
    let mut findings = Vec::new();
    for Held { organ, meetings } in held {
        let Some(version) = book.in_force(&organ.org, day) else {
            continue;
        };
        let Some(def) = version.organ(&organ.key) else {
            continue;
        };
        let Some(Cited {
            rule: every,
            article,
        }) = &def.meets
        else {
            continue;
        };
        if org_row(&organ.org)
            .and_then(|o| o.span)
            .is_some_and(|s| s.end.as_ref().is_some_and(|e| e.latest() < day))
        {
            continue;
        }
        let Some(last) = meetings
            .iter()
            .filter(|m| m.date.earliest() <= day)
            .max_by(|a, b| (&a.date, a.pos).cmp(&(&b.date, b.pos)))
        else {
            continue;
        };
        let since = in_force_since(book, organ, day);
        let (from_lo, from_hi) = match since {
            Some(since) if since > last.date.earliest() => (
                since.max(last.date.earliest()),
                since.max(last.date.latest()),
            ),
            _ => (last.date.earliest(), last.date.latest()),
        };
        let certainty = if day > every.after(from_hi) {
            Truth::Definitely
        } else if day > every.after(from_lo) {
            Truth::Possibly
        } else {
            Truth::No
        };
        if certainty == Truth::No {
            continue;
        }
        let due = every.after(from_hi);
        let in_force = match since {
            Some(since) if since > last.date.earliest() => {
                format!(", a rule in force since {since}")
            }
            _ => String::new(),
        };
        findings.push(Finding {
            rule: Rule::MeetingOverdue,
            severity: Severity::Violation,
            certainty,
            date: FuzzyDate::day(day),
            citation: Some(Citation::of(version, article.as_ref())),
            events: vec![last.event.clone()],
            message: Phrase::new(format!(
                "no meeting of {} is recorded since {} ({}): the statute requires one at least every {every}{in_force}; overdue since {due}",
                name(EntityKind::Organ, organ),
                name(EntityKind::Meeting, &last.meeting),
                last.date
            )),
        });
    }
    findings
}
