//! The rule that needs a date rather than an event: organs overdue for a meeting.

use crate::date::{Day, FuzzyDate, Truth};
use crate::id::OrganRef;
use crate::state::history::History;
use crate::state::registry::{EntityKind, Registry};
use crate::statute::{Cited, StatuteBook};

use super::{Citation, Finding, Rule, Severity};

/// Organs that, as of `day`, have gone longer than their statute's cadence
/// without a meeting since the last one recorded.
///
/// Only organs with at least one recorded meeting are judged (an organ the
/// record never shows meeting says more about the record than the organ),
/// and only while their organization exists.
pub fn overdue(
    history: &History,
    registry: &Registry,
    book: &StatuteBook,
    day: Day,
) -> Vec<Finding> {
    let mut organs: Vec<&OrganRef> = history.organs_with_meetings().collect();
    organs.sort();
    let mut findings = Vec::new();
    for organ in organs {
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
        if history
            .org(&organ.org)
            .and_then(|o| o.span.as_ref())
            .is_some_and(|s| s.end.as_ref().is_some_and(|e| e.latest() < day))
        {
            continue;
        }
        let Some((last, meeting)) = history
            .held_meetings(organ)
            .iter()
            .rev()
            .find(|(d, _)| d.earliest() <= day)
        else {
            continue;
        };
        let certainty = if day > every.after(last.latest()) {
            Truth::Definitely
        } else if day > every.after(last.earliest()) {
            Truth::Possibly
        } else {
            Truth::No
        };
        if certainty == Truth::No {
            continue;
        }
        let meeting_name = registry.name_of(EntityKind::Meeting, meeting.as_str());
        let organ_name = registry.name_of(EntityKind::Organ, &organ.to_string());
        let due = every.after(last.latest());
        let events = history
            .meeting(meeting)
            .and_then(|m| m.held.as_ref())
            .map(|(_, e)| vec![e.clone()])
            .unwrap_or_default();
        findings.push(Finding {
            rule: Rule::MeetingOverdue,
            severity: Severity::Violation,
            certainty,
            date: FuzzyDate::day(day),
            citation: Some(Citation::of(version, article.as_ref())),
            events,
            message: format!(
                "no meeting of {organ_name} is recorded since {meeting_name} ({last}): the statute requires one at least every {every}; overdue since {due}"
            ),
        });
    }
    findings
}
